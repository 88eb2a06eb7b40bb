import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService, facilitates } from '../../auth/access/access.service.js';
import type { AuthContext } from '../../auth/auth-context.js';
import { requireDistrict } from '../../auth/auth-context.js';
import { Permission, roleHas } from '../../auth/permissions.js';
import { AppError } from '../../common/errors/app-error.js';
import { ErrorCode } from '../../common/errors/error-code.js';
import { toIso } from '../../common/iso.js';
import type { ListQuery, Page } from '../../common/pagination/list-query.js';
import { AssignmentService } from '../assignments/assignment.service.js';
import { CandidateRepository } from '../candidates/candidate.repository.js';
import { CandidateService } from '../candidates/candidate.service.js';
import { allowedMoves, refusalFor } from '../candidates/stage-rules.js';
import type { Stage } from '../candidates/stages.js';
import { READINESS_BANDS } from '../candidates/stages.js';
import { notifyLater } from '../notifications/notify.js';
import { OpportunityRepository } from '../opportunities/opportunity.repository.js';
import { largestGaps } from '../positions/placement.service.js';
import { ProfileLoader } from '../readiness/profile-loader.js';
import { ReadinessService } from '../readiness/readiness.service.js';
import { EVIDENCE_STRENGTHS, evidenceStrength } from './evidence-strength.js';
import type {
  CloseReviewSessionDto,
  CreateReviewSessionDto,
  ReviewCandidateDto,
  ReviewDecisionDto,
  ReviewSessionDetailDto,
  ReviewSessionResponseDto,
  ReviewStageMove,
  UpdateReviewSessionDto,
} from './review-session.dto.js';
import { REVIEW_SESSION_LIST, REVIEW_STAGE_MOVES } from './review-session.dto.js';
import type { ChangeRow, DecisionRow, SessionRow } from './review-session.repository.js';
import { REVIEW_LIST_LIMIT, REVIEW_STAGES, ReviewSessionRepository } from './review-session.repository.js';

const toResponse = ({
  districtId: _d,
  applied: _a,
  closedAt,
  createdAt,
  ...row
}: SessionRow): ReviewSessionResponseDto => ({
  ...row,
  closedAt: closedAt ? toIso(closedAt) : null,
  createdAt: toIso(createdAt),
});

type State = ChangeRow['before'];

/**
 * Talent review sessions (issue #18 part 4; docs/talent-reviews.md). hr or the superintendent convene one for a
 * role and/or schools and invite reviewers; each reviewer sees the session's candidates in their own scope on a
 * grid of confirmed readiness × strength of evidence. The facilitator records a decision per candidate with a
 * rationale (each change kept: before, after, who, why); the close applies every decision in one transaction.
 */
@Injectable()
export class ReviewSessionService {
  constructor(
    private readonly access: AccessService,
    private readonly sessions: ReviewSessionRepository,
    private readonly profiles: ProfileLoader,
    private readonly candidates: CandidateRepository,
    private readonly candidateService: CandidateService,
    private readonly readiness: ReadinessService,
    private readonly assignments: AssignmentService,
    private readonly opportunities: OpportunityRepository,
    private readonly db: DataSource,
  ) {}

  async list(auth: AuthContext, query: ListQuery): Promise<Page<ReviewSessionResponseDto>> {
    await this.access.require(auth, Permission.ReviewSessionRead, []);
    const districtId = requireDistrict(auth);
    const [rows, total] = await this.sessions.list(
      { ...auth.scope, districtId } as AuthContext['scope'] & { districtId: string },
      facilitates(auth) ? null : auth.userId,
      query,
    );
    const scoped = await this.scopedCounts(auth, rows);
    return {
      items: rows.map((r) => toResponse({ ...r, decisionCount: scoped ? (scoped.get(r.id) ?? 0) : r.decisionCount })),
      total,
      offset: query.offset,
      resource: REVIEW_SESSION_LIST.resource,
    };
  }

  async get(auth: AuthContext, id: string): Promise<ReviewSessionDetailDto> {
    await this.access.require(auth, Permission.ReviewSessionRead, [id], 'Review session');
    const found = await this.find(id);
    const scoped = await this.scopedCounts(auth, [found]);
    const session = { ...found, decisionCount: scoped ? (scoped.get(id) ?? 0) : found.decisionCount };
    const [reviewers, schools, rows, changes, total] = await Promise.all([
      this.sessions.reviewers(id),
      this.sessions.schools(id),
      this.sessions.candidates(session, auth.scope),
      this.sessions.changes(id, auth.scope),
      this.sessions.countCandidates(session, auth.scope),
    ]);
    const listed = rows.slice(0, REVIEW_LIST_LIMIT);
    const decisions = new Map((await this.sessions.decisions(id)).map((d) => [d.candidateId, d]));
    const profiles = await this.profiles.profiles(
      session.districtId,
      listed.map((r) => ({ id: r.candidateId, roleId: r.roleId })),
    );
    const candidates: ReviewCandidateDto[] = listed.map((r) => {
      const profile = profiles.get(r.candidateId) ?? [];
      const { strength, detail } = evidenceStrength(profile);
      const decision = decisions.get(r.candidateId) ?? null;
      const { roleId: _role, readinessConfirmedAt, ...person } = r;
      return {
        ...person,
        readinessConfirmedAt: readinessConfirmedAt ? toIso(readinessConfirmedAt) : null,
        row: decision?.readiness ?? r.readiness,
        stageMoves: reviewMoves(r.stage),
        strength,
        strengthDetail: detail,
        targetsMet: profile.filter((t) => t.gap !== null && t.gap <= 0).length,
        targetsTotal: profile.length,
        evidenceCount: profile.reduce((n, t) => n + t.evidenceCount, 0),
        largestGaps: largestGaps(profile),
        decision: decision
          ? { readiness: decision.readiness, stage: decision.stage, opportunityId: decision.opportunityId }
          : null,
        rationale: decision?.rationale ?? null,
      };
    });
    const grid = READINESS_BANDS.flatMap((row) =>
      EVIDENCE_STRENGTHS.map((strength) => ({
        row,
        strength,
        count: candidates.filter((c) => c.row === row && c.strength === strength).length,
      })),
    );
    return {
      ...toResponse(session),
      reviewers,
      schools,
      grid,
      candidates,
      more: Math.max(0, total - listed.length),
      changes: changes.map((c) => ({ ...c, changedAt: toIso(c.changedAt) })),
      canFacilitate: facilitates(auth) && session.status === 'open',
      // What the close applied counts decisions about everyone: the facilitators' figure.
      applied: facilitates(auth) ? session.applied : null,
    };
  }

  async create(auth: AuthContext, dto: CreateReviewSessionDto): Promise<ReviewSessionDetailDto> {
    await this.access.require(auth, Permission.ReviewSessionManage, []);
    const districtId = requireDistrict(auth);
    const id = await this.db.transaction(async (m) => {
      const fields = await this.validFields(m, districtId, dto);
      const id = await this.sessions.insert(m, districtId, fields, auth.userId);
      await this.sessions.setMembers(m, id, fields.schoolIds, fields.reviewerUserIds);
      await notifyLater(m, 'review-session.invited', id);
      return id;
    });
    return this.get(auth, id);
  }

  async update(auth: AuthContext, id: string, dto: UpdateReviewSessionDto): Promise<ReviewSessionDetailDto> {
    await this.access.require(auth, Permission.ReviewSessionManage, [id], 'Review session');
    const districtId = requireDistrict(auth);
    await this.db.transaction(async (m) => {
      await this.lockOpen(m, id, dto.version);
      const fields = await this.validFields(m, districtId, dto);
      await this.sessions.update(m, id, fields);
      await this.sessions.setMembers(m, id, fields.schoolIds, fields.reviewerUserIds);
      await notifyLater(m, 'review-session.invited', id);
    });
    return this.get(auth, id);
  }

  /**
   * The facilitator's decision about one candidate: the grid row (readiness), a stage move, a development action.
   * All three null takes the decision back (also for someone who has left the session since). Each call is
   * recorded with the state before and after.
   */
  async decide(auth: AuthContext, id: string, dto: ReviewDecisionDto): Promise<ReviewSessionDetailDto> {
    await this.access.require(auth, Permission.ReviewSessionManage, [id], 'Review session');
    if (dto.stage === 'paused' && dto.opportunityId) {
      throw AppError.validation({
        opportunityId: 'a paused candidate is not assigned: choose the pause or the action',
      });
    }
    const rationale = dto.rationale.trim();
    await this.db.transaction(async (m) => {
      await this.lockOpen(m, id);
      const session = await this.find(id, m);
      if (dto.opportunityId && !(await this.sessions.opportunityInDistrict(m, session.districtId, dto.opportunityId))) {
        throw AppError.validation({ opportunityId: "not one of the district's opportunities" });
      }
      // The facilitator decides only what their role may do outside a session (the superintendent: readiness).
      if (dto.stage && !roleHas(auth.role, Permission.CandidateMove)) {
        throw new AppError(ErrorCode.Forbidden, `Your role (${auth.role}) may not move candidates between stages`);
      }
      if (dto.opportunityId && !roleHas(auth.role, Permission.AssignmentManage)) {
        throw new AppError(ErrorCode.Forbidden, `Your role (${auth.role}) may not assign opportunities`);
      }
      const person = await this.sessions.candidateState(m, session.districtId, dto.candidateId);
      if (!person) throw AppError.notFound('Candidate');
      const previous = await this.sessions.decision(m, id, dto.candidateId);
      const takeBack = !(dto.readiness || dto.stage || dto.opportunityId);
      const [member] = await this.sessions.candidates(session, auth.scope, { onlyIds: [dto.candidateId], limit: 1 }, m);
      if (!member && !(takeBack && previous)) {
        throw new AppError(
          ErrorCode.Conflict,
          `Only candidates of this session (its role and schools, ${REVIEW_STAGES.join(', ')}) can be decided on`,
        );
      }
      if (dto.stage) {
        const now = { stage: person.stage, pausedFrom: null };
        if (dto.stage === person.stage)
          throw AppError.validation({ stage: `the candidate is already ${person.stage}` });
        if (!reviewMoves(person.stage).includes(dto.stage)) {
          throw AppError.validation({ stage: refusalFor(now, dto.stage) });
        }
      }
      const next: DecisionRow | null = takeBack
        ? null
        : {
            candidateId: dto.candidateId,
            readiness: dto.readiness ?? null,
            stage: dto.stage ?? null,
            opportunityId: dto.opportunityId ?? null,
            rationale,
            fromStage: person.stage,
          };
      const state = (d: DecisionRow | null | undefined): State => ({
        readiness: d?.readiness ?? person.readiness,
        stage: d?.stage ?? null,
        opportunityId: d?.opportunityId ?? null,
      });
      await this.sessions.saveDecision(m, id, next, dto.candidateId, auth.userId);
      await this.sessions.recordChange(m, id, dto.candidateId, state(previous), state(next), rationale, auth.userId);
    });
    return this.get(auth, id);
  }

  /**
   * Applies every decision in one transaction, or none: per person (in the order decided) the stage move, the
   * readiness confirmation (the session named in its rationale), then the development action (an assignment).
   * A decision that no longer applies (the person left the session or moved on since, an opportunity is full)
   * refuses the whole close with a 409 that names the person, and nothing is written.
   */
  async close(auth: AuthContext, id: string, dto: CloseReviewSessionDto): Promise<ReviewSessionDetailDto> {
    await this.access.require(auth, Permission.ReviewSessionManage, [id], 'Review session');
    await this.db.transaction(async (m) => {
      await this.lockOpen(m, id, dto.version);
      const session = await this.find(id, m);
      const decisions = await this.sessions.decisions(id, m);
      const applied = { confirmations: 0, stageMoves: 0, assignments: 0 };
      // Opportunities, then candidates, each in id order: the order the assignment route locks in.
      const opportunityIds = [...new Set(decisions.flatMap((d) => (d.opportunityId ? [d.opportunityId] : [])))].sort();
      const opportunities = new Map<string, Awaited<ReturnType<OpportunityRepository['lock']>>>();
      for (const oid of opportunityIds) opportunities.set(oid, await this.opportunities.lock(m, oid));
      const locked = new Map<string, Awaited<ReturnType<CandidateRepository['lock']>>>();
      const ids = decisions.map((d) => d.candidateId).sort();
      for (const cid of ids) locked.set(cid, await this.candidates.lock(m, cid));
      // Who is still one of the session's candidates, read once after the locks.
      const members = new Map(
        (await this.sessions.candidates(session, auth.scope, { onlyIds: ids, limit: ids.length }, m)).map((r) => [
          r.candidateId,
          r,
        ]),
      );
      for (const d of decisions) {
        const candidate = locked.get(d.candidateId);
        if (!candidate) continue;
        const member = members.get(candidate.id);
        const row = member ?? (await this.candidates.findRow(m, candidate.id));
        const who = row ? `${row.firstName} ${row.lastName}` : 'a candidate';
        const why = `Talent review "${session.title}": ${d.rationale}`;
        const refuse = (detail: string) =>
          new AppError(
            ErrorCode.Conflict,
            `Nothing was applied: the decision about ${who} no longer applies (${detail}). Change or take back that decision, then close again`,
          );
        if (!member) throw refuse(`${who} is no longer one of this session's candidates`);
        if (d.stage && candidate.stage !== d.fromStage) {
          throw refuse(`${who} moved from ${d.fromStage} to ${candidate.stage} after it was decided`);
        }
        try {
          if (d.stage) {
            await this.candidateService.transitionLocked(m, candidate, d.stage, why, null, auth.userId);
            applied.stageMoves++;
          }
          if (d.readiness) {
            await this.readiness.confirmLocked(m, candidate, d.readiness, why, auth.userId);
            applied.confirmations++;
          }
          if (d.opportunityId) {
            const opportunity = opportunities.get(d.opportunityId);
            if (!opportunity) throw AppError.notFound('Opportunity');
            await this.assignments.assignLocked(m, session.districtId, opportunity, candidate, null, auth.userId);
            applied.assignments++;
          }
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          const fields = error.errors && !Array.isArray(error.errors) ? Object.values(error.errors).join('; ') : '';
          throw refuse(fields || error.message);
        }
      }
      await this.sessions.close(m, id, auth.userId, applied);
    });
    return this.get(auth, id);
  }

  private async find(id: string, manager?: EntityManager): Promise<SessionRow> {
    const session = await this.sessions.find(id, manager);
    if (!session) throw AppError.notFound('Review session');
    return session;
  }

  /**
   * A principal counts only the decisions about people of their schools (the others' would say that a colleague
   * elsewhere was decided about); null: the caller sees every candidate of the session.
   */
  private async scopedCounts(auth: AuthContext, rows: SessionRow[]): Promise<Map<string, number> | null> {
    if (auth.scope.kind !== 'schools') return null;
    return this.sessions.decisionCounts(
      rows.map((r) => r.id),
      auth.scope.schoolIds,
    );
  }

  private async lockOpen(m: EntityManager, id: string, version?: number): Promise<void> {
    const row = await this.sessions.lock(m, id);
    if (!row) throw AppError.notFound('Review session');
    if (row.status !== 'open')
      throw new AppError(ErrorCode.Conflict, 'The session is closed; its decisions were applied');
    if (version !== undefined && version !== row.version) {
      throw new AppError(
        ErrorCode.StaleVersion,
        `The session changed meanwhile (your version ${version}, current ${row.version}); reload it and try again`,
      );
    }
  }

  private async validFields(m: EntityManager, districtId: string, dto: CreateReviewSessionDto) {
    const errors: Record<string, string> = {};
    const roleId = dto.roleId ?? null;
    const schoolIds = [...new Set(dto.schoolIds)];
    const reviewerUserIds = [...new Set(dto.reviewerUserIds)];
    if (roleId && !(await this.sessions.roleInDistrict(m, districtId, roleId))) {
      errors.roleId = "not one of the district's leadership roles";
    }
    const schools = await this.sessions.schoolIds(m, districtId, schoolIds);
    const unknownSchools = schoolIds.filter((s) => !schools.has(s));
    if (unknownSchools.length) errors.schoolIds = `not schools of this district: ${unknownSchools.join(', ')}`;
    const reviewers = await this.sessions.reviewerIds(m, districtId, reviewerUserIds);
    const unknownReviewers = reviewerUserIds.filter((u) => !reviewers.has(u));
    if (unknownReviewers.length) {
      errors.reviewerUserIds = `reviewers are the district's principals and coordinators; not one: ${unknownReviewers.join(', ')}`;
    }
    if (!roleId && schoolIds.length === 0) {
      errors.roleId = 'a session reviews a role, a group of schools, or both: give a role or at least one school';
    }
    if (Object.keys(errors).length) throw AppError.validation(errors);
    return { title: dto.title.trim(), roleId, meetsOn: dto.meetsOn ?? null, schoolIds, reviewerUserIds };
  }
}

/** The moves a session may decide from a stage: the stage rules' moves that are review moves. */
function reviewMoves(stage: Stage): ReviewStageMove[] {
  const allowed = allowedMoves({ stage, pausedFrom: null }).map((m) => m.to);
  return REVIEW_STAGE_MOVES.filter((s) => allowed.includes(s));
}
