import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../../auth/access/access.service.js';
import type { AuthContext } from '../../auth/auth-context.js';
import { requireDistrict } from '../../auth/auth-context.js';
import { Permission, roleHas } from '../../auth/permissions.js';
import { applyPutRules } from '../../common/crud/put-rules.js';
import type { FieldErrors } from '../../common/errors/app-error.js';
import { AppError } from '../../common/errors/app-error.js';
import { ErrorCode } from '../../common/errors/error-code.js';
import { toIso } from '../../common/iso.js';
import type { ListQuery, Page } from '../../common/pagination/list-query.js';
import type { CandidateEntity } from '../candidates/candidate.entity.js';
import { CandidateRepository } from '../candidates/candidate.repository.js';
import { EvidenceEntity } from '../evidence/evidence.entity.js';
import { notifyLater } from '../notifications/notify.js';
import type { DevelopmentOpportunityEntity } from '../opportunities/opportunity.entity.js';
import { OpportunityRepository } from '../opportunities/opportunity.repository.js';
import { tickPlanActionsForAssignment } from '../plans/plan.service.js';
import type {
  AssignmentResponseDto,
  CompleteAssignmentDto,
  CreateAssignmentDto,
  StartAssignmentDto,
  UpdateAssignmentDto,
  WithdrawAssignmentDto,
} from './assignment.dto.js';
import { ASSIGNMENT_LIST } from './assignment.dto.js';
import type { AssignmentEntity } from './assignment.entity.js';
import type { AssignmentRow } from './assignment.repository.js';
import { AssignmentRepository } from './assignment.repository.js';

const toResponse = (row: AssignmentRow): AssignmentResponseDto => ({
  ...row,
  expectedHours: Number(row.expectedHours),
  hoursLogged: Number(row.hoursLogged),
  startedAt: row.startedAt ? toIso(row.startedAt) : null,
  endedAt: row.endedAt ? toIso(row.endedAt) : null,
  createdAt: toIso(row.createdAt),
  updatedAt: toIso(row.updatedAt),
});

const OPEN = ['assigned', 'in_progress'];
const today = () => new Date().toISOString().slice(0, 10);

function requireVersion(row: AssignmentEntity, version: number): void {
  if (row.version !== version) {
    throw new AppError(
      ErrorCode.StaleVersion,
      `This assignment was changed by someone else (your version ${version}, current ${row.version}); reload it and try again`,
    );
  }
}

/**
 * Assignments (PRODUCT.md §2). Lock order everywhere: opportunity, then assignment, then candidate, so
 * concurrent assigning, withdrawing and starting queue instead of deadlocking.
 */
@Injectable()
export class AssignmentService {
  constructor(
    private readonly access: AccessService,
    private readonly assignments: AssignmentRepository,
    private readonly opportunities: OpportunityRepository,
    private readonly candidates: CandidateRepository,
    private readonly db: DataSource,
  ) {}

  async list(auth: AuthContext, query: ListQuery): Promise<Page<AssignmentResponseDto>> {
    const [rows, total] = await this.assignments.list(auth.scope, query);
    return { items: rows.map(toResponse), total, offset: query.offset, resource: ASSIGNMENT_LIST.resource };
  }

  async get(auth: AuthContext, id: string): Promise<AssignmentResponseDto> {
    await this.access.require(auth, Permission.AssignmentRead, [id], 'Assignment');
    const row = await this.assignments.findRow(this.db, id);
    if (!row) throw AppError.notFound('Assignment');
    return toResponse(row);
  }

  /** Takes a seat under the opportunity's row lock: concurrent assignments queue, none oversells. */
  async create(auth: AuthContext, dto: CreateAssignmentDto): Promise<AssignmentResponseDto> {
    const districtId = requireDistrict(auth);
    await this.access.require(auth, Permission.OpportunityManage, [dto.opportunityId], 'Opportunity');
    await this.access.require(auth, Permission.CandidateRead, [dto.candidateId], 'Candidate');
    const id = await this.db.transaction(async (m) => {
      const opportunity = await this.opportunities.lock(m, dto.opportunityId);
      if (!opportunity) throw AppError.notFound('Opportunity');
      const candidate = await this.candidates.lock(m, dto.candidateId);
      if (!candidate) throw AppError.notFound('Candidate');
      return this.assignLocked(m, districtId, opportunity, candidate, dto.dueOn ?? null, auth.userId);
    });
    return this.get(auth, id);
  }

  /**
   * A seat on an opportunity for a candidate, both locked by the caller's transaction (opportunity first): the
   * assignment route, and the development actions of a talent review session's close.
   */
  async assignLocked(
    m: EntityManager,
    districtId: string,
    opportunity: DevelopmentOpportunityEntity,
    candidate: CandidateEntity,
    dueOn: string | null,
    userId: string,
  ): Promise<string> {
    if (candidate.stage === 'identified')
      throw new AppError(
        ErrorCode.Conflict,
        'The candidate has not accepted the nomination yet; assign them once they are engaged',
      );
    if (candidate.stage === 'paused' || candidate.stage === 'exited')
      throw new AppError(
        ErrorCode.Conflict,
        `The candidate is ${candidate.stage}; resume or re-enter them before assigning opportunities`,
      );
    const endedOn = await this.opportunities.closedOn(m, opportunity.id);
    if (endedOn)
      throw new AppError(ErrorCode.Conflict, `This opportunity ended on ${endedOn}; it is closed to new assignments`);
    if (await this.assignments.liveAssignmentExists(m, opportunity.id, candidate.id))
      throw new AppError(ErrorCode.Conflict, 'The candidate is already on this opportunity');
    if (opportunity.seatsTaken >= opportunity.seats)
      throw new AppError(
        ErrorCode.Conflict,
        `No seats left: all ${opportunity.seats} are taken. Raise the seats or withdraw someone first`,
      );
    if (dueOn && opportunity.startsOn && dueOn.slice(0, 10) < String(opportunity.startsOn))
      throw AppError.validation({ dueOn: 'dueOn cannot be before the opportunity starts' });
    opportunity.seatsTaken += 1;
    await m.save(opportunity);
    const result = await m.query(
      `INSERT INTO assignments (district_id, opportunity_id, candidate_id, due_on, assigned_by_user_id)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [districtId, opportunity.id, candidate.id, dueOn?.slice(0, 10) ?? opportunity.endsOn, userId],
    );
    const id = (result as { id: string }[])[0]!.id;
    await notifyLater(m, 'assignment.created', id);
    return id;
  }

  /** assigned → in_progress, by the candidate themself, a coordinator or hr. */
  async start(auth: AuthContext, id: string, dto: StartAssignmentDto): Promise<AssignmentResponseDto> {
    await this.access.require(auth, Permission.AssignmentLog, [id], 'Assignment');
    await this.db.transaction(async (m) => {
      const row = await this.assignments.lock(m, id);
      if (!row) throw AppError.notFound('Assignment');
      requireVersion(row, dto.version);
      if (row.status !== 'assigned')
        throw new AppError(ErrorCode.Conflict, `The assignment is ${row.status}; only an assigned one can start`);
      await this.begin(m, row);
    });
    return this.get(auth, id);
  }

  /** The candidate logs hours and a reflection; a coordinator or hr may also move the due date. */
  async update(auth: AuthContext, id: string, dto: UpdateAssignmentDto): Promise<AssignmentResponseDto> {
    await this.access.require(auth, Permission.AssignmentLog, [id], 'Assignment');
    await this.db.transaction(async (m) => {
      const row = await this.assignments.lock(m, id);
      const current = await this.assignments.findRow(m, id);
      if (!row || !current) throw AppError.notFound('Assignment');
      const response = toResponse(current);
      const changes = applyPutRules(dto, response as unknown as Record<string, unknown> & { version: number });
      const dueOn = changes.dueOn === undefined ? response.dueOn : (changes.dueOn?.slice(0, 10) ?? null);
      const hours = changes.hoursLogged ?? response.hoursLogged;
      const reflection = changes.reflection ?? response.reflection;
      const errors: FieldErrors = {};
      if (dueOn !== response.dueOn && !roleHas(auth.role, Permission.AssignmentManage))
        errors.dueOn = 'only a coordinator or hr moves the due date';
      if (Object.keys(errors).length) throw AppError.validation(errors);
      const logged = hours !== response.hoursLogged || reflection !== response.reflection;
      if (logged && !OPEN.includes(row.status))
        throw new AppError(ErrorCode.Conflict, `The assignment is ${row.status}; its hours and reflection are closed`);
      row.dueOn = dueOn;
      row.hoursLogged = hours.toFixed(1);
      row.reflection = reflection;
      // Logging work on an assignment that has not started yet starts it.
      if (logged && row.status === 'assigned') await this.begin(m, row);
      else await m.save(row);
    });
    return this.get(auth, id);
  }

  /**
   * in_progress → completed (coordinator or hr): confirms a level for each competency the opportunity
   * develops and records each as `opportunity_completion` evidence, in the same transaction.
   */
  async complete(auth: AuthContext, id: string, dto: CompleteAssignmentDto): Promise<AssignmentResponseDto> {
    await this.access.require(auth, Permission.AssignmentManage, [id], 'Assignment');
    await this.db.transaction(async (m) => {
      const row = await this.assignments.lock(m, id);
      const current = await this.assignments.findRow(m, id);
      if (!row || !current) throw AppError.notFound('Assignment');
      requireVersion(row, dto.version);
      if (row.status !== 'in_progress')
        throw new AppError(
          ErrorCode.Conflict,
          row.status === 'assigned'
            ? 'The assignment has not started; start it (or let the candidate log hours) before completing it'
            : `The assignment is already ${row.status}`,
        );
      const errors: FieldErrors = {};
      const developed = new Map(current.competencies.map((c) => [c.id, c]));
      const seen = new Set<string>();
      dto.levels.forEach((l, i) => {
        const competency = developed.get(l.competencyId);
        if (!competency) errors[`levels[${i}].competencyId`] = 'not a competency this opportunity develops';
        else if (seen.has(l.competencyId)) errors[`levels[${i}].competencyId`] = 'this competency is rated twice';
        else if (!competency.rubric.some((r) => r.level === l.level))
          errors[`levels[${i}].level`] =
            `level must be one of ${competency.frameworkShortName}'s rubric levels: ${competency.rubric.map((r) => r.level).join(', ')}`;
        seen.add(l.competencyId);
      });
      const missing = [...developed.values()].filter((c) => !seen.has(c.id));
      if (missing.length)
        errors.levels = `confirm a level for every competency developed: ${missing.map((c) => c.code).join(', ')} missing`;
      const observedOn = dto.observedOn?.slice(0, 10) ?? today();
      if (observedOn > today()) errors.observedOn = 'observedOn cannot be in the future';
      if (Object.keys(errors).length) throw AppError.validation(errors);

      const note = dto.note?.trim() ?? '';
      row.status = 'completed';
      row.endedAt = new Date();
      row.outcomeNote = note;
      await m.save(row);
      await notifyLater(m, 'assignment.completed', row.id);
      await tickPlanActionsForAssignment(m, row, auth.userId);
      await m.insert(
        EvidenceEntity,
        dto.levels.map((l) => ({
          districtId: row.districtId,
          candidateId: row.candidateId,
          competencyId: l.competencyId,
          level: l.level,
          source: 'opportunity_completion' as const,
          note: note ? `Completed "${current.opportunityTitle}": ${note}` : `Completed "${current.opportunityTitle}"`,
          link: null,
          observedOn,
          recorderUserId: auth.userId,
          assignmentId: row.id,
        })),
      );
    });
    return this.get(auth, id);
  }

  /** assigned | in_progress → withdrawn (coordinator or hr), with a reason; the seat is freed. */
  async withdraw(auth: AuthContext, id: string, dto: WithdrawAssignmentDto): Promise<AssignmentResponseDto> {
    await this.access.require(auth, Permission.AssignmentManage, [id], 'Assignment');
    await this.db.transaction(async (m) => {
      const opportunityId = await this.assignments.opportunityOf(m, id);
      const opportunity = opportunityId ? await this.opportunities.lock(m, opportunityId) : null;
      const row = await this.assignments.lock(m, id);
      if (!row || !opportunity) throw AppError.notFound('Assignment');
      requireVersion(row, dto.version);
      if (!OPEN.includes(row.status)) throw new AppError(ErrorCode.Conflict, `The assignment is already ${row.status}`);
      row.status = 'withdrawn';
      row.endedAt = new Date();
      row.outcomeNote = dto.reason.trim();
      await m.save(row);
      opportunity.seatsTaken -= 1;
      await m.save(opportunity);
    });
    return this.get(auth, id);
  }

  /** Starts a locked assignment; the first start of an engaged candidate moves them to developing (by system). */
  private async begin(m: EntityManager, row: AssignmentEntity): Promise<void> {
    row.status = 'in_progress';
    row.startedAt = new Date();
    await m.save(row);
    const candidate = await this.candidates.lock(m, row.candidateId);
    if (candidate?.stage === 'engaged' && !(await this.assignments.startedBefore(m, row.candidateId, row.id))) {
      const title = (await this.assignments.findRow(m, row.id))?.opportunityTitle ?? 'an opportunity';
      await this.candidates.move(
        m,
        candidate,
        'developing',
        null,
        `Started a first development assignment: ${title}`,
        null,
      );
    }
  }
}
