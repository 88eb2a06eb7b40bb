import { AuditLogEntity } from '../audit/audit-log.entity.js';
import { LoginRateLimitEntity } from '../auth/login-rate-limit.entity.js';
import { PasswordTokenEntity } from '../auth/password-token.entity.js';
import { IdempotencyKeyEntity } from '../common/idempotency/idempotency-key.entity.js';
import { JobWorkerEntity } from '../jobs/job-worker.entity.js';
import { AssignmentEntity } from '../modules/assignments/assignment.entity.js';
import { CandidateEntity } from '../modules/candidates/candidate.entity.js';
import { StageTransitionEntity } from '../modules/candidates/stage-transition.entity.js';
import {
  CaseAssociationEntity,
  CompetencyEntity,
  CompetencyFrameworkEntity,
  CrosswalkLinkEntity,
  RoleTargetEntity,
} from '../modules/competencies/competency.entity.js';
import { DistrictEntity } from '../modules/districts/district.entity.js';
import { EducatorEntity } from '../modules/educators/educator.entity.js';
import { EvidenceEntity } from '../modules/evidence/evidence.entity.js';
import { LeadershipRoleEntity } from '../modules/leadership-roles/leadership-role.entity.js';
import { NominationEntity } from '../modules/nominations/nomination.entity.js';
import { EmailOutboxEntity, NotificationSettingEntity } from '../modules/notifications/email.entity.js';
import { NotificationEntity } from '../modules/notifications/notification.entity.js';
import { OpportunityInterestEntity } from '../modules/opportunities/opportunity-interest.entity.js';
import {
  DevelopmentOpportunityEntity,
  OpportunityCompetencyEntity,
} from '../modules/opportunities/opportunity.entity.js';
import { PositionEntity } from '../modules/positions/position.entity.js';
import { ReadinessAssessmentEntity } from '../modules/readiness/readiness-assessment.entity.js';
import { SchoolEntity } from '../modules/schools/school.entity.js';
import { IdentityProviderDomainEntity, IdentityProviderEntity } from '../modules/sso/identity-provider.entity.js';
import { SsoStateEntity, SsoTicketEntity } from '../modules/sso/sso-flow.entity.js';
import { UserIdentityEntity } from '../modules/sso/user-identity.entity.js';
import { UserEntity } from '../modules/users/user.entity.js';

/** Every entity, listed as classes so one DataSource works in tsc output, ts-jest and the CLI. */
export const entities = [
  DistrictEntity,
  SchoolEntity,
  UserEntity,
  PasswordTokenEntity,
  EducatorEntity,
  LeadershipRoleEntity,
  NominationEntity,
  CandidateEntity,
  StageTransitionEntity,
  CompetencyFrameworkEntity,
  CompetencyEntity,
  CaseAssociationEntity,
  CrosswalkLinkEntity,
  RoleTargetEntity,
  EvidenceEntity,
  ReadinessAssessmentEntity,
  DevelopmentOpportunityEntity,
  OpportunityCompetencyEntity,
  OpportunityInterestEntity,
  AssignmentEntity,
  PositionEntity,
  AuditLogEntity,
  IdempotencyKeyEntity,
  LoginRateLimitEntity,
  IdentityProviderEntity,
  IdentityProviderDomainEntity,
  UserIdentityEntity,
  NotificationEntity,
  NotificationSettingEntity,
  EmailOutboxEntity,
  JobWorkerEntity,
  SsoStateEntity,
  SsoTicketEntity,
];
