import { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from '../auth/password.js';
import type { Role } from '../auth/permissions.js';
import { AssignmentEntity } from '../modules/assignments/assignment.entity.js';
import { CandidateEntity } from '../modules/candidates/candidate.entity.js';
import { StageTransitionEntity } from '../modules/candidates/stage-transition.entity.js';
import type { Stage } from '../modules/candidates/stages.js';
import {
  CompetencyEntity,
  CompetencyFrameworkEntity,
  CrosswalkLinkEntity,
  DEFAULT_RUBRIC,
} from '../modules/competencies/competency.entity.js';
import { DistrictEntity } from '../modules/districts/district.entity.js';
import { EducatorEntity } from '../modules/educators/educator.entity.js';
import type { EvidenceSource } from '../modules/evidence/evidence.entity.js';
import { EvidenceEntity } from '../modules/evidence/evidence.entity.js';
import { LeadershipRoleEntity } from '../modules/leadership-roles/leadership-role.entity.js';
import { NominationEntity } from '../modules/nominations/nomination.entity.js';
import {
  DevelopmentOpportunityEntity,
  OpportunityCompetencyEntity,
} from '../modules/opportunities/opportunity.entity.js';
import { PositionEntity } from '../modules/positions/position.entity.js';
import { ProfileLoader } from '../modules/readiness/profile-loader.js';
import { ReadinessAssessmentEntity } from '../modules/readiness/readiness-assessment.entity.js';
import { suggestReadiness } from '../modules/readiness/readiness-rule.js';
import type { GradeBand } from '../modules/schools/school.entity.js';
import { SchoolEntity } from '../modules/schools/school.entity.js';
import { UserEntity } from '../modules/users/user.entity.js';
import { SeededRandom } from './random.js';

export const DEFAULT_PASSWORD = 'emerge-demo-pass';

let sequence = 0;
const next = () => ++sequence;

/**
 * Test and demo data builders: `build` returns plain values, `create` persists them, creating related
 * rows on demand. The demo scenario and the e2e tests use the same ones.
 */
export class Factories {
  private passwordHashes = new Map<string, Promise<string>>();

  constructor(
    readonly db: DataSource | EntityManager,
    readonly random = new SeededRandom(1),
  ) {}

  /** argon2id is deliberately slow: hash each distinct password once per process. */
  passwordHash(password = DEFAULT_PASSWORD): Promise<string> {
    let hash = this.passwordHashes.get(password);
    if (!hash) {
      hash = hashPassword(password);
      this.passwordHashes.set(password, hash);
    }
    return hash;
  }

  buildDistrict(overrides: Partial<DistrictEntity> = {}): Partial<DistrictEntity> {
    const n = next();
    return {
      name: `District ${n}`,
      slug: `district-${n}-${Date.now().toString(36)}`,
      smallCellThreshold: 10,
      ...overrides,
    };
  }

  createDistrict(overrides: Partial<DistrictEntity> = {}): Promise<DistrictEntity> {
    const repo = this.db.getRepository(DistrictEntity);
    return repo.save(repo.create(this.buildDistrict(overrides)));
  }

  buildSchool(overrides: Partial<SchoolEntity> = {}): Partial<SchoolEntity> {
    const n = next();
    const gradeBand: GradeBand = overrides.gradeBand ?? 'high';
    return { name: `School ${n}`, code: `S${n}`, gradeBand, ...overrides };
  }

  async createSchool(overrides: Partial<SchoolEntity> = {}): Promise<SchoolEntity> {
    const districtId = overrides.districtId ?? (await this.createDistrict()).id;
    const repo = this.db.getRepository(SchoolEntity);
    return repo.save(repo.create(this.buildSchool({ ...overrides, districtId })));
  }

  /** A user with a password (DEFAULT_PASSWORD unless given); `schoolIds` are the schools a principal leads. */
  async createUser(
    overrides: Partial<Omit<UserEntity, 'schools'>> & {
      role?: Role;
      schoolIds?: string[];
      password?: string | null;
    } = {},
  ): Promise<UserEntity & { schoolIds: string[] }> {
    const { schoolIds = [], password = DEFAULT_PASSWORD, ...rest } = overrides;
    const role = rest.role ?? 'hr';
    const districtId = role === 'platform_admin' ? null : (rest.districtId ?? (await this.createDistrict()).id);
    const n = next();
    const repo = this.db.getRepository(UserEntity);
    const user = await repo.save(
      repo.create({
        email: `user${n}.${Date.now().toString(36)}@test.example`,
        name: `User ${n}`,
        active: true,
        ...rest,
        role,
        districtId,
        passwordHash: password === null ? null : await this.passwordHash(password),
      }),
    );
    if (schoolIds.length) {
      await this.db.query(`INSERT INTO user_schools (user_id, school_id) SELECT $1, unnest($2::uuid[])`, [
        user.id,
        schoolIds,
      ]);
    }
    return Object.assign(user, { schoolIds });
  }

  async createEducator(overrides: Partial<EducatorEntity> = {}): Promise<EducatorEntity> {
    const districtId = overrides.districtId ?? (await this.createDistrict()).id;
    const n = next();
    const repo = this.db.getRepository(EducatorEntity);
    return repo.save(
      repo.create({
        employeeNumber: `E${n}`,
        firstName: `First${n}`,
        lastName: `Last${n}`,
        email: `educator${n}.${Date.now().toString(36)}@test.example`,
        jobTitle: 'Teacher',
        status: 'active',
        leadershipLevel: null,
        yearsInEducation: 5,
        ...overrides,
        districtId,
      }),
    );
  }

  /** An educator with a login (role educator), for signing in as them. */
  async createEducatorUser(
    overrides: Partial<EducatorEntity> = {},
  ): Promise<{ educator: EducatorEntity; user: UserEntity & { schoolIds: string[] } }> {
    const educator = await this.createEducator(overrides);
    const user = await this.createUser({
      role: 'educator',
      districtId: educator.districtId,
      educatorId: educator.id,
      email: educator.email ?? undefined,
      name: `${educator.firstName} ${educator.lastName}`,
    });
    return { educator, user };
  }

  async createLeadershipRole(overrides: Partial<LeadershipRoleEntity> = {}): Promise<LeadershipRoleEntity> {
    const districtId = overrides.districtId ?? (await this.createDistrict()).id;
    const repo = this.db.getRepository(LeadershipRoleEntity);
    return repo.save(
      repo.create({ title: `Role ${next()}`, level: 'school', description: '', ...overrides, districtId }),
    );
  }

  async createNomination(
    overrides: Partial<NominationEntity> & {
      districtId: string;
      educatorId: string;
      targetRoleId: string;
      nominatorUserId: string;
    },
  ): Promise<NominationEntity> {
    const repo = this.db.getRepository(NominationEntity);
    return repo.save(
      repo.create({
        nominatorKind: 'hr',
        rationale: 'Leads the grade-level team with care and clarity.',
        status: 'submitted',
        competencyIds: [],
        ...overrides,
      }),
    );
  }

  /**
   * A candidate whose history walks `path` (stages after identified), each step `daysPerStage` apart,
   * ending today: the stage-transition rows are written as the API would write them.
   */
  async createCandidate(
    overrides: Partial<CandidateEntity> & { districtId: string; educatorId: string; roleId: string },
    path: { to: Stage; reason?: string; exitReason?: CandidateEntity['exitReason']; daysAgo: number }[] = [],
    options: { enteredDaysAgo?: number; actorUserId?: string | null } = {},
  ): Promise<CandidateEntity> {
    const day = 86_400_000;
    const now = Date.now();
    const start = new Date(now - (options.enteredDaysAgo ?? (path[0]?.daysAgo ?? 0) + 30) * day);
    const repo = this.db.getRepository(CandidateEntity);
    const last = path[path.length - 1];
    let pausedFrom: CandidateEntity['pausedFrom'] = null;
    if (last?.to === 'paused')
      pausedFrom = (path[path.length - 2]?.to ?? 'identified') as CandidateEntity['pausedFrom'];
    const candidate = await repo.save(
      repo.create({
        stage: last?.to ?? 'identified',
        stageEnteredAt: last ? new Date(now - last.daysAgo * day) : start,
        pausedFrom,
        exitReason: last?.to === 'exited' ? (last.exitReason ?? 'other') : null,
        ...overrides,
        createdAt: start,
      }),
    );
    const transitions = this.db.getRepository(StageTransitionEntity);
    const rows: Partial<StageTransitionEntity>[] = [
      {
        districtId: overrides.districtId,
        candidateId: candidate.id,
        fromStage: null,
        toStage: 'identified',
        actorUserId: options.actorUserId ?? null,
        reason: 'Nomination approved',
        exitReason: null,
        createdAt: start,
      },
    ];
    let from: Stage = 'identified';
    for (const step of path) {
      rows.push({
        districtId: overrides.districtId,
        candidateId: candidate.id,
        fromStage: from,
        toStage: step.to,
        actorUserId: options.actorUserId ?? null,
        reason: step.reason ?? null,
        exitReason: step.to === 'exited' ? (step.exitReason ?? 'other') : null,
        createdAt: new Date(now - step.daysAgo * day),
      });
      from = step.to;
    }
    await transitions.insert(rows);
    return candidate;
  }

  /** A framework: shared reference when districtId is null. */
  async createFramework(overrides: Partial<CompetencyFrameworkEntity> = {}): Promise<CompetencyFrameworkEntity> {
    const n = next();
    const repo = this.db.getRepository(CompetencyFrameworkEntity);
    return repo.save(
      repo.create({
        key: `framework-${n}-${Date.now().toString(36)}`,
        title: `Framework ${n}`,
        shortName: `F${n}`,
        source: '',
        description: '',
        rubric: DEFAULT_RUBRIC,
        districtId: null,
        ...overrides,
      }),
    );
  }

  async createCompetency(overrides: Partial<CompetencyEntity> & { frameworkId: string }): Promise<CompetencyEntity> {
    const n = next();
    const repo = this.db.getRepository(CompetencyEntity);
    return repo.save(
      repo.create({
        kind: 'domain',
        code: `C${n}`,
        title: `Competency ${n}`,
        description: '',
        position: n,
        parentId: null,
        caseIdentifier: null,
        ...overrides,
      }),
    );
  }

  async link(fromId: string, toId: string, kind: 'exact' | 'related', districtId: string | null = null): Promise<void> {
    await this.db.getRepository(CrosswalkLinkEntity).insert({ fromId, toId, kind, districtId });
  }

  /** An opportunity developing `competencyIds`; seatsTaken starts at 0 (createAssignment keeps it). */
  async createOpportunity(
    overrides: Partial<DevelopmentOpportunityEntity> & { districtId: string },
    competencyIds: string[] = [],
  ): Promise<DevelopmentOpportunityEntity> {
    const n = next();
    const repo = this.db.getRepository(DevelopmentOpportunityEntity);
    const row = await repo.save(
      repo.create({
        title: `Opportunity ${n}`,
        type: 'project',
        level: 'school',
        hostSchoolId: null,
        seats: 5,
        seatsTaken: 0,
        startsOn: null,
        endsOn: null,
        hours: 20,
        description: '',
        ...overrides,
      }),
    );
    if (competencyIds.length)
      await this.db
        .getRepository(OpportunityCompetencyEntity)
        .insert(competencyIds.map((competencyId, position) => ({ opportunityId: row.id, competencyId, position })));
    return row;
  }

  /** An assignment that holds a seat (unless withdrawn), as the API would leave it. */
  async createAssignment(
    overrides: Partial<AssignmentEntity> & {
      districtId: string;
      opportunityId: string;
      candidateId: string;
      assignedByUserId: string;
    },
  ): Promise<AssignmentEntity> {
    const repo = this.db.getRepository(AssignmentEntity);
    const row = await repo.save(repo.create({ status: 'assigned', hoursLogged: '0', reflection: '', ...overrides }));
    if (row.status !== 'withdrawn')
      await this.db
        .getRepository(DevelopmentOpportunityEntity)
        .increment({ id: overrides.opportunityId }, 'seatsTaken', 1);
    return row;
  }

  /** A rating as the evidence route records it; `createdAt` may be set to place it in time. */
  async createEvidence(
    overrides: Partial<EvidenceEntity> & {
      districtId: string;
      candidateId: string;
      competencyId: string;
      recorderUserId: string;
    },
  ): Promise<EvidenceEntity> {
    const repo = this.db.getRepository(EvidenceEntity);
    const source: EvidenceSource = overrides.source ?? 'observation';
    return repo.save(
      repo.create({
        level: 3,
        note: '',
        link: null,
        observedOn: new Date().toISOString().slice(0, 10),
        assignmentId: null,
        ...overrides,
        source,
      }),
    );
  }

  /** A seat: status follows the incumbent, as the positions route keeps it. */
  async createPosition(
    overrides: Partial<PositionEntity> & { districtId: string; roleId: string },
  ): Promise<PositionEntity> {
    const repo = this.db.getRepository(PositionEntity);
    const incumbent = overrides.incumbentEducatorId ?? null;
    return repo.save(
      repo.create({
        title: `Position ${next()}`,
        schoolId: null,
        incumbentEducatorId: incumbent,
        status: incumbent ? 'filled' : 'vacant',
        projectedVacancyOn: null,
        placedCandidateId: null,
        filledAt: incumbent ? new Date() : null,
        ...overrides,
      }),
    );
  }

  /**
   * A readiness confirmation, and the candidate's confirmed band and time, as the readiness route writes
   * them: unless given, the suggestion is computed by the rule from the evidence recorded by `confirmedAt`.
   */
  async createReadinessAssessment(
    overrides: Partial<ReadinessAssessmentEntity> & {
      districtId: string;
      candidateId: string;
      confirmedByUserId: string;
      band: ReadinessAssessmentEntity['band'];
    },
  ): Promise<ReadinessAssessmentEntity> {
    const confirmedAt = overrides.confirmedAt ?? new Date();
    let suggestion = { band: overrides.suggestedBand, reasons: overrides.suggestedReasons ?? [] };
    if (!suggestion.band) {
      const [candidate]: { roleId: string }[] = await this.db.query(
        `SELECT role_id AS "roleId" FROM candidates WHERE id = $1`,
        [overrides.candidateId],
      );
      const loader = new ProfileLoader(this.db instanceof DataSource ? this.db : this.db.connection);
      const profiles = await loader.profiles(
        overrides.districtId,
        [{ id: overrides.candidateId, roleId: candidate!.roleId }],
        this.db,
        confirmedAt,
      );
      suggestion = suggestReadiness(profiles.get(overrides.candidateId) ?? []);
    }
    const repo = this.db.getRepository(ReadinessAssessmentEntity);
    const row = await repo.save(
      repo.create({
        rationale: 'Confirmed at the talent review.',
        ...overrides,
        suggestedBand: suggestion.band,
        suggestedReasons: suggestion.reasons,
        confirmedAt,
      }),
    );
    await this.db
      .getRepository(CandidateEntity)
      .update({ id: overrides.candidateId }, { readiness: row.band, readinessConfirmedAt: row.confirmedAt });
    return row;
  }
}
