import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error.js';
import { ErrorCode } from '../../common/errors/error-code.js';
import type { AuthContext } from '../auth-context.js';
import { Permission, roleHas } from '../permissions.js';
import { AccessRepository } from './access.repository.js';

/** Who convenes and runs talent review sessions: everyone else only reviews the ones they are invited to. */
export const facilitates = (auth: Pick<AuthContext, 'role'>) => roleHas(auth.role, Permission.ReviewSessionManage);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Record-level access: which of these records may this caller act on with this permission?
 * The role × resource rules of PRODUCT.md §1 and their exceptions live in this one switch.
 */
@Injectable()
export class AccessService {
  constructor(private readonly repo: AccessRepository) {}

  /** Throws 403 when the role lacks the permission and 404 when any record is outside the caller's scope. */
  async require(auth: AuthContext, permission: Permission, ids: string[], what = 'Record'): Promise<void> {
    if (!roleHas(auth.role, permission)) {
      throw new AppError(ErrorCode.Forbidden, `Your role (${auth.role}) may not do this (${permission})`);
    }
    const wanted = [...new Set(ids)];
    if (wanted.length === 0) return;
    if (!wanted.every((id) => UUID.test(id))) throw AppError.notFound(what);
    const allowed = await this.allowed(auth, permission, wanted);
    if (wanted.some((id) => !allowed.has(id))) throw AppError.notFound(what);
  }

  /** Candidacies among `ids` that the caller mentors now (an active mentorship): the mentor reads their plan. */
  async mentees(auth: AuthContext, ids: string[]): Promise<Set<string>> {
    const wanted = [...new Set(ids)].filter((id) => UUID.test(id));
    if (!auth.educatorId || auth.scope.kind === 'platform' || wanted.length === 0) return new Set();
    return this.repo.menteeCandidateIds(auth.educatorId, wanted);
  }

  /** The subset of `ids` (e.g. references in a request body) that the caller may use with this permission. */
  async filter(auth: AuthContext, permission: Permission, ids: string[]): Promise<Set<string>> {
    const wanted = [...new Set(ids)].filter((id) => UUID.test(id));
    return wanted.length ? this.allowed(auth, permission, wanted) : new Set();
  }

  /**
   * Framework nodes (not frameworks) among `ids` that the caller's district may use: reference ones and its
   * own. For references in request bodies (nomination, opportunity competencies).
   */
  async usableCompetencies(auth: AuthContext, ids: string[]): Promise<Set<string>> {
    const wanted = [...new Set(ids)].filter((id) => UUID.test(id));
    if (auth.scope.kind === 'platform' || wanted.length === 0) return new Set();
    return this.repo.competencyIds(auth.scope.districtId, wanted);
  }

  private async allowed(auth: AuthContext, permission: Permission, ids: string[]): Promise<Set<string>> {
    const { scope } = auth;
    switch (permission) {
      case Permission.DistrictRead:
      case Permission.DistrictManage:
        return scope.kind === 'platform' ? this.repo.districtIds(ids) : new Set();
      case Permission.DistrictSettingsRead:
      case Permission.DistrictSettingsManage:
        // A district account reaches its own district's settings only.
        return scope.kind === 'district' ? new Set(ids.filter((id) => id === scope.districtId)) : new Set();
      case Permission.IdentityProviderRead:
      case Permission.IdentityProviderManage:
        // hr configures their own district's sign-in; the platform administrator any district's.
        if (scope.kind === 'platform') return this.repo.districtIds(ids);
        return scope.kind === 'district' ? new Set(ids.filter((id) => id === scope.districtId)) : new Set();
      case Permission.SchoolRead:
      case Permission.SchoolManage:
        return scope.kind === 'platform' ? new Set() : this.repo.schoolIdsInDistrict(scope.districtId, ids);
      case Permission.UserRead:
        return scope.kind === 'platform'
          ? this.repo.hrUserIds(ids)
          : this.repo.userIdsInDistrict(scope.districtId, ids);
      case Permission.UserManage:
        // platform_admin sets up a district's first hr accounts; once a person has chosen a password the
        // account is theirs and their district's: no take-over through links or email changes.
        return scope.kind === 'platform'
          ? this.repo.hrUserIds(ids, true)
          : this.repo.userIdsInDistrict(scope.districtId, ids);
      case Permission.EducatorRead:
        if (scope.kind === 'platform') return new Set();
        if (scope.kind === 'self') {
          // An educator reads their own record and looks colleagues of their school up.
          return scope.educatorId ? this.repo.colleagueIds(scope.educatorId, ids) : new Set();
        }
        return this.repo.educatorIds(scope, ids);
      case Permission.EducatorManage:
      case Permission.EducatorLoginManage:
        return scope.kind === 'district' ? this.repo.educatorIds(scope, ids) : new Set();
      case Permission.LeadershipRoleRead:
      case Permission.LeadershipRoleManage:
        return scope.kind === 'platform' ? new Set() : this.repo.leadershipRoleIds(scope.districtId, ids);
      case Permission.NominationRead:
        return scope.kind === 'platform' ? new Set() : this.repo.nominationIds(scope, auth.userId, ids);
      case Permission.NominationDecide:
        return scope.kind === 'district' ? this.repo.nominationIds(scope, auth.userId, ids) : new Set();
      case Permission.NominationWithdraw:
        return scope.kind === 'platform' ? new Set() : this.repo.nominationIdsBy(scope.districtId, auth.userId, ids);
      case Permission.CandidateRead:
      case Permission.CandidateConsent:
        return scope.kind === 'platform' ? new Set() : this.repo.candidateIds(scope, ids);
      case Permission.CandidateUpdate:
      case Permission.CandidateMove:
        return scope.kind === 'district' ? this.repo.candidateIds(scope, ids) : new Set();
      case Permission.EvidenceRead:
        return scope.kind === 'platform' ? new Set() : this.repo.evidenceIds(scope, ids);
      case Permission.EvidenceCreate:
        // The ids are candidates: evidence is recorded on candidates in the caller's scope.
        return scope.kind === 'platform' ? new Set() : this.repo.candidateIds(scope, ids);
      case Permission.CompetencyRead: {
        if (scope.kind === 'platform') return new Set();
        // Ids here may be frameworks or nodes; the service asks for one kind at a time.
        const [frameworks, nodes] = await Promise.all([
          this.repo.frameworkIds(scope.districtId, ids),
          this.repo.competencyIds(scope.districtId, ids),
        ]);
        return new Set([...frameworks, ...nodes]);
      }
      case Permission.CompetencyManage:
        // Only a district's own frameworks are editable; the shared reference ones are read-only.
        return scope.kind === 'district' ? this.repo.ownFrameworkIds(scope.districtId, ids) : new Set();
      case Permission.ReadinessConfirm:
      case Permission.ReadinessShare:
        return scope.kind === 'district' ? this.repo.candidateIds(scope, ids) : new Set();
      case Permission.OpportunityRead:
        return scope.kind === 'platform' ? new Set() : this.repo.opportunityIds(scope.districtId, ids);
      case Permission.OpportunityManage:
        return scope.kind === 'district' ? this.repo.opportunityIds(scope.districtId, ids) : new Set();
      case Permission.OpportunityInterestExpress:
        // Any opportunity of the educator's district; the interest recorded is always their own.
        return scope.kind === 'self' ? this.repo.opportunityIds(scope.districtId, ids) : new Set();
      case Permission.AssignmentRead:
      case Permission.AssignmentLog:
        return scope.kind === 'platform' ? new Set() : this.repo.assignmentIds(scope, ids);
      case Permission.AssignmentManage:
        return scope.kind === 'district' ? this.repo.assignmentIds(scope, ids) : new Set();
      case Permission.PositionRead:
      case Permission.PositionManage:
      case Permission.PositionPlace:
      case Permission.SlateRead:
      case Permission.SlateManage:
        return scope.kind === 'district' ? this.repo.positionIds(scope.districtId, ids) : new Set();
      case Permission.ReviewSessionRead:
        // hr and the superintendent see the district's sessions; principals and coordinators those they review.
        if (scope.kind === 'platform' || scope.kind === 'self') return new Set();
        return this.repo.reviewSessionIds(scope.districtId, ids, facilitates(auth) ? null : auth.userId);
      case Permission.ReviewSessionManage:
        return scope.kind === 'district' ? this.repo.reviewSessionIds(scope.districtId, ids, null) : new Set();
      case Permission.CareerProfileRead:
      case Permission.CareerProfileManage:
        // Ids are educators: an educator's own profile, or any of the district's for hr (and, read-only, the superintendent).
        if (scope.kind === 'self') return new Set(ids.filter((id) => id === scope.educatorId));
        return scope.kind === 'district' ? this.repo.educatorIds(scope, ids) : new Set();
      case Permission.PlanManage:
        // Ids are candidacies: the candidate's own, or any in a coordinator's or hr's district.
        return scope.kind === 'platform' ? new Set() : this.repo.candidateIds(scope, ids);
      case Permission.MentorRead:
      case Permission.MentorManage:
        // Ids are educators (marked as mentors, or to be).
        return scope.kind === 'district' ? this.repo.educatorIds(scope, ids) : new Set();
      case Permission.MentorshipRead:
      case Permission.MentorshipRequest:
      case Permission.MentorshipAnswer:
      case Permission.MentorshipLog:
        // Ids are mentorships: of a candidacy in scope, or (an educator) one they mentor.
        return scope.kind === 'platform' ? new Set() : this.repo.mentorshipIds(scope, ids);
      case Permission.CredentialVerify:
        // Ids are the credentials' holders: any educator of the district.
        return scope.kind === 'district' ? this.repo.educatorIds(scope, ids) : new Set();
      default:
        return new Set();
    }
  }
}
