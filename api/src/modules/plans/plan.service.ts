import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../../auth/access/access.service.js';
import { whereInScope } from '../../auth/access/scope.js';
import type { AuthContext } from '../../auth/auth-context.js';
import { Permission } from '../../auth/permissions.js';
import { AppError, type FieldErrors } from '../../common/errors/app-error.js';
import { ErrorCode } from '../../common/errors/error-code.js';
import { toIso } from '../../common/iso.js';
import { fetchRawPage } from '../../common/pagination/apply-list-query.js';
import type { ListQuery, Page } from '../../common/pagination/list-query.js';
import { closedSql } from '../opportunities/opportunity.dto.js';
import { ProfileLoader } from '../readiness/profile-loader.js';
import type { DraftAction, OpenOpportunity } from './plan-draft.js';
import { draftActions } from './plan-draft.js';
import type {
  AgreePlanDto,
  CandidatePlansDto,
  CompleteActionDto,
  PlanActionDto,
  PlanActionListItemDto,
  PlanDto,
  PlanStatus,
  UpdatePlanDto,
} from './plan.dto.js';
import { MAX_PLAN_ACTIONS, PLAN_ACTION_LIST } from './plan.dto.js';

/** Stages whose candidacies have a plan: from accepting the nomination on. */
export const PLAN_STAGES = ['engaged', 'developing', 'ready', 'placed', 'supported'] as const;

interface PlanRow {
  id: string;
  candidateId: string;
  districtId: string;
  number: number;
  status: PlanStatus;
  candidateAgreedAt: Date | null;
  coordinatorAgreedAt: Date | null;
  coordinatorAgreedBy: string | null;
  agreedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}
type ActionRow = Omit<PlanActionDto, 'doneAt'> & { doneAt: Date | null; planId: string };
/** What an action keeps from the action it continues: its done state, and where it was copied from. */
interface Carried {
  doneAt?: string | null;
  doneByUserId?: string | null;
  assignmentId?: string | null;
  sourceActionId?: string | null;
}

const PLAN_SELECT = `SELECT p.id, p.candidate_id AS "candidateId", p.district_id AS "districtId", p.number,
       p.status::text AS status, p.candidate_agreed_at AS "candidateAgreedAt",
       p.coordinator_agreed_at AS "coordinatorAgreedAt", u.name AS "coordinatorAgreedBy", p.agreed_at AS "agreedAt",
       p.version, p.created_at AS "createdAt", p.updated_at AS "updatedAt"
  FROM development_plans p LEFT JOIN users u ON u.id = p.coordinator_agreed_by_user_id`;

const ACTION_COLUMNS = [
  'a.id AS "id"',
  'a.plan_id AS "planId"',
  'a.position AS "position"',
  'a.competency_id AS "competencyId"',
  'k.code AS "competencyCode"',
  'k.title AS "competencyTitle"',
  'a.kind::text AS "kind"',
  'a.opportunity_id AS "opportunityId"',
  'o.title AS "opportunityTitle"',
  'a.description AS "description"',
  'a.owner::text AS "owner"',
  `to_char(a.due_on, 'YYYY-MM-DD') AS "dueOn"`,
  'a.done_at AS "doneAt"',
  'a.assignment_id AS "assignmentId"',
  '(a.done_at IS NULL AND a.due_on < CURRENT_DATE) IS TRUE AS "overdue"',
];
const ACTION_JOINS = `LEFT JOIN competencies k ON k.id = a.competency_id
  LEFT JOIN development_opportunities o ON o.id = a.opportunity_id`;

const toAction = ({ planId: _plan, ...r }: ActionRow): PlanActionDto => ({
  ...r,
  doneAt: r.doneAt ? toIso(r.doneAt) : null,
});
const iso = (d: Date | null) => (d ? toIso(d) : null);

/**
 * Individual development plans (issue #19 part 2): drafted from the candidate's gaps, agreed by the candidate
 * and a coordinator (or hr), kept as agreed, revised as a new draft, and ticked as their actions are done.
 */
@Injectable()
export class PlanService {
  constructor(
    private readonly access: AccessService,
    private readonly db: DataSource,
    private readonly profiles: ProfileLoader,
  ) {}

  async get(auth: AuthContext, candidateId: string): Promise<CandidatePlansDto> {
    await this.requireReader(auth, candidateId, 'Candidate');
    const plans: PlanRow[] = await this.db.query(`${PLAN_SELECT} WHERE p.candidate_id = $1 ORDER BY p.number DESC`, [
      candidateId,
    ]);
    const current = plans.filter((p) => p.status !== 'superseded');
    const actions = await this.actions(
      this.db.manager,
      current.map((p) => p.id),
    );
    const full = (status: PlanStatus) => {
      const plan = current.find((p) => p.status === status);
      return plan ? this.toPlan(plan, actions) : null;
    };
    return {
      candidateId,
      agreed: full('agreed'),
      draft: full('draft'),
      versions: plans.map((p) => ({ id: p.id, number: p.number, status: p.status, agreedAt: iso(p.agreedAt) })),
    };
  }

  /** A plan as it stood, agreed or superseded: the record of what was agreed. */
  async version(auth: AuthContext, planId: string): Promise<PlanDto> {
    await this.access.require(auth, Permission.CandidateRead, [], 'Development plan');
    const [row]: { candidateId: string }[] = await this.db.query(
      'SELECT candidate_id AS "candidateId" FROM development_plans WHERE id = $1',
      [planId],
    );
    if (!row) throw AppError.notFound('Development plan');
    await this.requireReader(auth, row.candidateId, 'Development plan');
    return this.read(this.db.manager, planId);
  }

  /**
   * Opens a draft: a revision of the plan in force (its actions, done or not, carried over), or else the first
   * plan, drafted from the competency profile's gaps and the opportunities with a seat that develop them.
   */
  async createDraft(auth: AuthContext, candidateId: string): Promise<PlanDto> {
    await this.access.require(auth, Permission.PlanManage, [candidateId], 'Candidate');
    const id = await this.db.transaction(async (m) => {
      const [candidate]: { districtId: string; roleId: string; stage: string }[] = await m.query(
        `SELECT district_id AS "districtId", role_id AS "roleId", stage::text AS stage FROM candidates
          WHERE id = $1 FOR UPDATE`,
        [candidateId],
      );
      if (!candidate) throw AppError.notFound('Candidate');
      if (!(PLAN_STAGES as readonly string[]).includes(candidate.stage)) {
        throw new AppError(
          ErrorCode.Conflict,
          `A development plan starts once the candidate has accepted the nomination (engaged); this candidacy is ${candidate.stage}`,
        );
      }
      const plans: { id: string; number: number; status: PlanStatus }[] = await m.query(
        'SELECT id, number, status::text AS status FROM development_plans WHERE candidate_id = $1',
        [candidateId],
      );
      if (plans.some((p) => p.status === 'draft')) {
        throw new AppError(ErrorCode.Conflict, 'A draft plan is already open for this candidate: edit or agree it');
      }
      const agreed = plans.find((p) => p.status === 'agreed');
      const number = Math.max(0, ...plans.map((p) => p.number)) + 1;
      const [plan]: { id: string }[] = await m.query(
        `INSERT INTO development_plans (candidate_id, district_id, number, created_by_user_id)
         VALUES ($1, $2, $3, $4) RETURNING id`,
        [candidateId, candidate.districtId, number, auth.userId],
      );
      if (agreed) {
        await m.query(
          `INSERT INTO plan_actions (plan_id, district_id, position, competency_id, kind, opportunity_id, description,
             owner, due_on, done_at, done_by_user_id, assignment_id, source_action_id)
           SELECT $1, district_id, position, competency_id, kind, opportunity_id, description, owner, due_on, done_at,
                  done_by_user_id, assignment_id, id
             FROM plan_actions WHERE plan_id = $2`,
          [plan!.id, agreed.id],
        );
      } else {
        const profile =
          (await this.profiles.profiles(candidate.districtId, [{ id: candidateId, roleId: candidate.roleId }], m)).get(
            candidateId,
          ) ?? [];
        // Within what an edit may send back, so the draft saves unchanged.
        const actions = draftActions(profile, await this.openOpportunities(m, candidate.districtId), new Date()).slice(
          0,
          MAX_PLAN_ACTIONS,
        );
        await this.insertActions(m, plan!.id, candidate.districtId, actions);
      }
      return plan!.id;
    });
    return this.read(this.db.manager, id);
  }

  /** Replaces a draft's actions; both agreements are cleared, since what was agreed to has changed. */
  async update(auth: AuthContext, planId: string, dto: UpdatePlanDto): Promise<PlanDto> {
    await this.access.require(auth, Permission.PlanManage, [], 'Development plan');
    return this.db.transaction(async (m) => {
      const plan = await this.planInScope(m, auth, Permission.PlanManage, planId, true);
      this.requireDraft(plan, dto.version);
      await this.requirePlanStage(m, plan.candidateId);
      const errors: FieldErrors = {};
      const existing = new Map(
        (
          (await m.query(
            `SELECT id, done_at AS "doneAt", done_by_user_id AS "doneByUserId", assignment_id AS "assignmentId",
                    source_action_id AS "sourceActionId"
               FROM plan_actions WHERE plan_id = $1`,
            [planId],
          )) as (Carried & { id: string; doneAt: Date | null })[]
        ).map((r) => [r.id, { ...r, doneAt: r.doneAt ? toIso(r.doneAt) : null }]),
      );
      const kept = new Set<string>();
      const competencies = await this.access.usableCompetencies(
        auth,
        dto.actions.flatMap((a) => (a.competencyId ? [a.competencyId] : [])),
      );
      const opportunityIds = dto.actions.flatMap((a) => (a.opportunityId ? [a.opportunityId] : []));
      const known = new Set(
        (
          (await m.query('SELECT id FROM development_opportunities WHERE district_id = $1 AND id = ANY($2::uuid[])', [
            plan.districtId,
            opportunityIds,
          ])) as { id: string }[]
        ).map((r) => r.id),
      );
      dto.actions.forEach((a, i) => {
        if (a.id && (!existing.has(a.id) || kept.has(a.id)))
          errors[`actions.${i}.id`] = kept.has(a.id ?? '')
            ? 'this action is sent twice'
            : 'not an action of this draft';
        if (a.id) kept.add(a.id);
        if (a.competencyId && !competencies.has(a.competencyId))
          errors[`actions.${i}.competencyId`] = 'not a competency this district uses';
        if (a.kind === 'opportunity' && !a.opportunityId)
          errors[`actions.${i}.opportunityId`] = 'an opportunity action names the opportunity';
        if (a.opportunityId && !known.has(a.opportunityId))
          errors[`actions.${i}.opportunityId`] = 'not an opportunity of this district';
      });
      if (Object.keys(errors).length) throw AppError.validation(errors);
      await m.query('DELETE FROM plan_actions WHERE plan_id = $1', [planId]);
      await this.insertActions(
        m,
        planId,
        plan.districtId,
        dto.actions.map(({ id, ...a }) => {
          const carried = id ? existing.get(id) : undefined;
          return { ...a, ...(carried ? { ...carried, id: undefined } : {}) };
        }),
      );
      await m.query(
        `UPDATE development_plans SET candidate_agreed_at = NULL, candidate_agreed_by_user_id = NULL,
           coordinator_agreed_at = NULL, coordinator_agreed_by_user_id = NULL, updated_at = now(), version = version + 1
         WHERE id = $1`,
        [planId],
      );
      return this.read(m, planId);
    });
  }

  /**
   * The caller agrees to the draft as it stands at `version`: the candidate for themself, a coordinator or hr
   * for the district. Once both have, it becomes the plan in force and the previous one is kept as superseded.
   */
  async agree(auth: AuthContext, planId: string, dto: AgreePlanDto): Promise<PlanDto> {
    await this.access.require(auth, Permission.PlanManage, [], 'Development plan');
    return this.db.transaction(async (m) => {
      const plan = await this.planInScope(m, auth, Permission.PlanManage, planId, true);
      this.requireDraft(plan, dto.version);
      const { educatorId } = await this.requirePlanStage(m, plan.candidateId);
      // The candidate agrees as the candidate whatever their role: nobody approves their own plan for the program.
      const side = auth.scope.kind === 'self' || auth.educatorId === educatorId ? 'candidate' : 'coordinator';
      await m.query(
        `UPDATE development_plans SET ${side}_agreed_at = now(), ${side}_agreed_by_user_id = $2, updated_at = now(),
           version = version + 1 WHERE id = $1`,
        [planId, auth.userId],
      );
      const [both]: { agreed: boolean }[] = await m.query(
        `SELECT candidate_agreed_at IS NOT NULL AND coordinator_agreed_at IS NOT NULL AS agreed
           FROM development_plans WHERE id = $1`,
        [planId],
      );
      if (both!.agreed) {
        // What was done on the plan in force while this revision was discussed stays done.
        await m.query(
          `UPDATE plan_actions n SET done_at = o.done_at, done_by_user_id = o.done_by_user_id, assignment_id = o.assignment_id
             FROM plan_actions o
            WHERE n.plan_id = $1 AND n.source_action_id = o.id AND n.done_at IS NULL AND o.done_at IS NOT NULL`,
          [planId],
        );
        // The old plan first: one agreed plan per candidacy.
        await m.query(
          `UPDATE development_plans SET status = 'superseded', superseded_at = now(), updated_at = now(),
             version = version + 1 WHERE candidate_id = $1 AND status = 'agreed'`,
          [plan.candidateId],
        );
        await m.query(`UPDATE development_plans SET status = 'agreed', agreed_at = now() WHERE id = $1`, [planId]);
      }
      return this.read(m, planId);
    });
  }

  /** Ticks (or unticks) an action of the plan in force. */
  async complete(auth: AuthContext, actionId: string, dto: CompleteActionDto): Promise<PlanActionDto> {
    await this.access.require(auth, Permission.PlanManage, [], 'Plan action');
    return this.db.transaction(async (m) => {
      const [row]: { planId: string; kind: string; assignmentId: string | null }[] = await m.query(
        `SELECT plan_id AS "planId", kind::text AS kind, assignment_id AS "assignmentId"
           FROM plan_actions WHERE id = $1 FOR UPDATE`,
        [actionId],
      );
      if (!row) throw AppError.notFound('Plan action');
      const plan = await this.planInScope(m, auth, Permission.PlanManage, row.planId, true, 'Plan action');
      await this.requirePlanStage(m, plan.candidateId);
      if (dto.done && row.kind === 'opportunity' && auth.scope.kind === 'self') {
        throw new AppError(
          ErrorCode.Conflict,
          'An experience is ticked when the coordinator completes its assignment, with the levels it showed',
        );
      }
      if (!dto.done && row.assignmentId) {
        throw new AppError(ErrorCode.Conflict, 'The completed assignment ticked this action: it stays done');
      }
      if (plan.status !== 'agreed') {
        throw new AppError(
          ErrorCode.Conflict,
          plan.status === 'draft'
            ? 'This plan is still a draft: actions are ticked once it is agreed'
            : 'This plan has been replaced: tick the action in the plan in force',
        );
      }
      if (dto.done) {
        await m.query(
          `UPDATE plan_actions SET done_at = coalesce(done_at, now()), done_by_user_id = coalesce(done_by_user_id, $2)
            WHERE id = $1`,
          [actionId, auth.userId],
        );
      } else {
        await m.query(
          'UPDATE plan_actions SET done_at = NULL, done_by_user_id = NULL, assignment_id = NULL WHERE id = $1',
          [actionId],
        );
      }
      const [action] = await this.actionsWhere(m, 'a.id = $1', [actionId]);
      return toAction(action!);
    });
  }

  /** Actions of plans in force across the caller's candidates: what is due, overdue or done. */
  async listActions(auth: AuthContext, query: ListQuery): Promise<Page<PlanActionListItemDto>> {
    const qb = this.db
      .createQueryBuilder()
      .from('plan_actions', 'a')
      .innerJoin('development_plans', 'p', `p.id = a.plan_id AND p.status = 'agreed'`)
      // Paused and exited candidacies' plans stay on their record, not on anyone's list of what is due.
      .innerJoin(
        'candidates',
        'c',
        `c.id = p.candidate_id AND c.stage IN (${PLAN_STAGES.map((x) => `'${x}'`).join(', ')})`,
      )
      .innerJoin('educators', 'e', 'e.id = c.educator_id')
      .innerJoin('leadership_roles', 'r', 'r.id = c.role_id')
      .leftJoin('competencies', 'k', 'k.id = a.competency_id')
      .leftJoin('development_opportunities', 'o', 'o.id = a.opportunity_id')
      .select([
        ...ACTION_COLUMNS,
        'p.candidate_id AS "candidateId"',
        'c.educator_id AS "educatorId"',
        'e.first_name AS "firstName"',
        'e.last_name AS "lastName"',
        'r.title AS "roleTitle"',
      ]);
    whereInScope(qb, auth.scope, { district: 'a.district_id', school: 'e.school_id', educator: 'c.educator_id' });
    const [rows, total] = await fetchRawPage<ActionRow & Omit<PlanActionListItemDto, keyof PlanActionDto>>(
      qb,
      query,
      PLAN_ACTION_LIST,
    );
    return {
      items: rows.map((r) => ({ ...toAction(r), planId: r.planId, ...pick(r) })),
      total,
      offset: query.offset,
      resource: PLAN_ACTION_LIST.resource,
    };
  }

  /** Readers of the candidacy, and its mentor while the mentorship is active: the plan is what they work on. */
  private async requireReader(auth: AuthContext, candidateId: string, what: string): Promise<void> {
    await this.access.require(auth, Permission.CandidateRead, []);
    if ((await this.access.filter(auth, Permission.CandidateRead, [candidateId])).has(candidateId)) return;
    if ((await this.access.mentees(auth, [candidateId])).has(candidateId)) return;
    throw AppError.notFound(what);
  }

  private requireDraft(plan: PlanRow, version: number): void {
    if (plan.status !== 'draft') {
      throw new AppError(
        ErrorCode.Conflict,
        'An agreed plan is kept as it was agreed: open a revision (POST /api/candidates/{id}/development-plan) to change it',
      );
    }
    if (version !== plan.version) {
      throw new AppError(
        ErrorCode.StaleVersion,
        `The plan changed meanwhile (your version ${version}, current ${plan.version}); reload it and try again`,
      );
    }
  }

  /** The plan, locked when `lock`, if its candidacy is in the caller's scope for `permission`; else a 404. */
  private async planInScope(
    m: EntityManager,
    auth: AuthContext,
    permission: Permission,
    planId: string,
    lock: boolean,
    what = 'Development plan',
  ): Promise<PlanRow> {
    const [row]: { candidateId: string }[] = await m.query(
      `SELECT candidate_id AS "candidateId" FROM development_plans WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [planId],
    );
    if (!row) throw AppError.notFound(what);
    await this.access.require(auth, permission, [row.candidateId], what);
    const [plan]: PlanRow[] = await m.query(`${PLAN_SELECT} WHERE p.id = $1`, [planId]);
    return plan!;
  }

  private async read(m: EntityManager, planId: string): Promise<PlanDto> {
    const [plan]: PlanRow[] = await m.query(`${PLAN_SELECT} WHERE p.id = $1`, [planId]);
    if (!plan) throw AppError.notFound('Development plan');
    return this.toPlan(plan, await this.actions(m, [planId]));
  }

  private toPlan(p: PlanRow, actions: ActionRow[]): PlanDto {
    return {
      id: p.id,
      candidateId: p.candidateId,
      number: p.number,
      status: p.status,
      candidateAgreedAt: iso(p.candidateAgreedAt),
      coordinatorAgreedAt: iso(p.coordinatorAgreedAt),
      coordinatorAgreedBy: p.coordinatorAgreedAt ? p.coordinatorAgreedBy : null,
      agreedAt: iso(p.agreedAt),
      actions: actions.filter((a) => a.planId === p.id).map(toAction),
      version: p.version,
      createdAt: toIso(p.createdAt),
      updatedAt: toIso(p.updatedAt),
    };
  }

  private actions(m: EntityManager, planIds: string[]): Promise<ActionRow[]> {
    return planIds.length ? this.actionsWhere(m, 'a.plan_id = ANY($1::uuid[])', [planIds]) : Promise.resolve([]);
  }

  private actionsWhere(m: EntityManager, where: string, params: unknown[]): Promise<ActionRow[]> {
    return m.query(
      `SELECT ${ACTION_COLUMNS.join(', ')} FROM plan_actions a ${ACTION_JOINS} WHERE ${where} ORDER BY a.plan_id, a.position`,
      params,
    );
  }

  private async insertActions(
    m: EntityManager,
    planId: string,
    districtId: string,
    actions: (DraftAction & Carried)[],
  ) {
    if (actions.length === 0) return;
    await m.query(
      `INSERT INTO plan_actions (plan_id, district_id, position, competency_id, kind, opportunity_id, description, owner,
         due_on, done_at, done_by_user_id, assignment_id, source_action_id)
       SELECT $1, $2, x.position, x.competency_id, x.kind::plan_action_kind, x.opportunity_id, x.description,
              x.owner::plan_action_owner, x.due_on, x.done_at, x.done_by_user_id, x.assignment_id, x.source_action_id
         FROM jsonb_to_recordset($3::jsonb) AS x(position int, competency_id uuid, kind text, opportunity_id uuid,
              description text, owner text, due_on date, done_at timestamptz, done_by_user_id uuid,
              assignment_id uuid, source_action_id uuid)`,
      [
        planId,
        districtId,
        JSON.stringify(
          actions.map((a, i) => ({
            position: i + 1,
            competency_id: a.competencyId,
            kind: a.kind,
            opportunity_id: a.opportunityId,
            description: a.description,
            owner: a.owner,
            due_on: a.dueOn,
            done_at: a.doneAt ?? null,
            done_by_user_id: a.doneByUserId ?? null,
            assignment_id: a.assignmentId ?? null,
            source_action_id: a.sourceActionId ?? null,
          })),
        ),
      ],
    );
  }

  /** 409 unless the candidacy is at a stage that has a plan (it may have been paused or exited since). */
  private async requirePlanStage(m: EntityManager, candidateId: string): Promise<{ educatorId: string }> {
    const [c]: { stage: string; educatorId: string }[] = await m.query(
      'SELECT stage::text AS stage, educator_id AS "educatorId" FROM candidates WHERE id = $1',
      [candidateId],
    );
    if (!c || !(PLAN_STAGES as readonly string[]).includes(c.stage)) {
      throw new AppError(
        ErrorCode.Conflict,
        `This candidacy is ${c?.stage ?? 'gone'}: its development plan is kept as it is, and no longer changed`,
      );
    }
    return c;
  }

  /** The district's opportunities not yet over, with the competencies each develops (and their exact crosswalks). */
  private openOpportunities(m: EntityManager, districtId: string): Promise<OpenOpportunity[]> {
    return m.query(
      `SELECT o.id, o.title, o.seats - o.seats_taken AS "seatsLeft", to_char(o.ends_on, 'YYYY-MM-DD') AS "endsOn",
              ARRAY(SELECT oc.competency_id FROM opportunity_competencies oc WHERE oc.opportunity_id = o.id
                    UNION
                    SELECT CASE WHEN l.from_id = oc.competency_id THEN l.to_id ELSE l.from_id END
                      FROM opportunity_competencies oc
                      JOIN crosswalk_links l ON l.kind = 'exact' AND (l.from_id = oc.competency_id OR l.to_id = oc.competency_id)
                     WHERE oc.opportunity_id = o.id) AS "competencyIds"
         FROM development_opportunities o
        WHERE o.district_id = $1 AND NOT ${closedSql('o')}`,
      [districtId],
    );
  }
}

function pick(r: Omit<PlanActionListItemDto, keyof PlanActionDto>) {
  return {
    candidateId: r.candidateId,
    educatorId: r.educatorId,
    firstName: r.firstName,
    lastName: r.lastName,
    roleTitle: r.roleTitle,
  };
}

/**
 * Ticks the open actions of the candidate's plans (in force and draft) that name this opportunity, in the
 * transaction that completes the assignment.
 */
export async function tickPlanActionsForAssignment(
  m: EntityManager,
  assignment: { id: string; candidateId: string; opportunityId: string },
  userId: string,
): Promise<number> {
  const rows: unknown[] = await m.query(
    `WITH ticked AS (
       UPDATE plan_actions a SET done_at = now(), done_by_user_id = $4, assignment_id = $1
         FROM development_plans p
        WHERE p.id = a.plan_id AND p.candidate_id = $2 AND p.status IN ('agreed', 'draft')
          AND a.opportunity_id = $3 AND a.done_at IS NULL
        RETURNING a.id)
     SELECT id FROM ticked`,
    [assignment.id, assignment.candidateId, assignment.opportunityId, userId],
  );
  return rows.length;
}
