import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Scope } from '../../auth/auth-context.js';
import { fetchRawPage } from '../../common/pagination/apply-list-query.js';
import type { ListQuery } from '../../common/pagination/list-query.js';
import type { ReadinessBand, Stage } from '../candidates/stages.js';
import { SLATE_STAGES } from '../positions/slate.repository.js';
import type { ReviewSessionStatus } from './review-session.dto.js';
import { REVIEW_SESSION_LIST } from './review-session.dto.js';

type Db = EntityManager | DataSource;

/** A session reviews the candidates who accepted and are still in development or ready: a slate's people. */
export const REVIEW_STAGES: Stage[] = SLATE_STAGES;
/** Candidates a session's grid lists at most; a bigger population is narrowed by schools or role. */
export const REVIEW_LIST_LIMIT = 400;

export interface SessionRow {
  id: string;
  districtId: string;
  title: string;
  roleId: string | null;
  roleTitle: string | null;
  meetsOn: string | null;
  status: ReviewSessionStatus;
  schoolIds: string[];
  reviewerUserIds: string[];
  convenedByName: string | null;
  closedAt: Date | null;
  closedByName: string | null;
  decisionCount: number;
  applied: { confirmations: number; stageMoves: number; assignments: number } | null;
  createdAt: Date;
  version: number;
}

export interface ReviewCandidateRow {
  candidateId: string;
  educatorId: string;
  firstName: string;
  lastName: string;
  schoolName: string | null;
  roleId: string;
  roleTitle: string;
  stage: Stage;
  readiness: ReadinessBand;
  readinessConfirmedAt: Date | null;
}

export interface DecisionRow {
  candidateId: string;
  readiness: ReadinessBand | null;
  stage: Stage | null;
  opportunityId: string | null;
  rationale: string;
  fromStage: Stage;
}

export interface ChangeRow {
  id: string;
  candidateId: string;
  candidateName: string;
  before: { readiness: ReadinessBand | null; stage: Stage | null; opportunityId: string | null };
  after: { readiness: ReadinessBand | null; stage: Stage | null; opportunityId: string | null };
  rationale: string;
  changedByName: string | null;
  changedAt: Date;
}

const COLUMNS = [
  'rs.id AS "id"',
  'rs.district_id AS "districtId"',
  'rs.title AS "title"',
  'rs.role_id AS "roleId"',
  'r.title AS "roleTitle"',
  `to_char(rs.meets_on, 'YYYY-MM-DD') AS "meetsOn"`,
  'rs.status AS "status"',
  'ARRAY(SELECT x.school_id FROM review_session_schools x WHERE x.session_id = rs.id ORDER BY x.school_id) AS "schoolIds"',
  'ARRAY(SELECT x.user_id FROM review_session_reviewers x WHERE x.session_id = rs.id ORDER BY x.user_id) AS "reviewerUserIds"',
  'cu.name AS "convenedByName"',
  'rs.closed_at AS "closedAt"',
  'xu.name AS "closedByName"',
  '(SELECT count(*) FROM review_session_decisions d WHERE d.session_id = rs.id)::int AS "decisionCount"',
  'rs.applied AS "applied"',
  'rs.created_at AS "createdAt"',
  'rs.version AS "version"',
];

const DECISION_COLUMNS = `candidate_id AS "candidateId", readiness, stage, opportunity_id AS "opportunityId",
  rationale, from_stage AS "fromStage"`;

@Injectable()
export class ReviewSessionRepository {
  constructor(private readonly db: DataSource) {}

  private base(manager: Db = this.db) {
    return manager
      .createQueryBuilder()
      .from('review_sessions', 'rs')
      .leftJoin('leadership_roles', 'r', 'r.id = rs.role_id')
      .leftJoin('users', 'cu', 'cu.id = rs.convened_by_user_id')
      .leftJoin('users', 'xu', 'xu.id = rs.closed_by_user_id')
      .select(COLUMNS);
  }

  /** A district's sessions; a reviewer (`reviewerUserId`) lists only those they are invited to. */
  list(scope: Scope & { districtId: string }, reviewerUserId: string | null, query: ListQuery) {
    const qb = this.base().where('rs.district_id = :districtId', { districtId: scope.districtId });
    if (reviewerUserId) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM review_session_reviewers v WHERE v.session_id = rs.id AND v.user_id = :reviewer)',
        { reviewer: reviewerUserId },
      );
    }
    return fetchRawPage<SessionRow>(qb, query, REVIEW_SESSION_LIST);
  }

  async find(id: string, manager: Db = this.db): Promise<SessionRow | undefined> {
    return this.base(manager).where('rs.id = :id', { id }).getRawOne<SessionRow>();
  }

  async lock(
    manager: EntityManager,
    id: string,
  ): Promise<{ status: ReviewSessionStatus; version: number } | undefined> {
    const rows: { status: ReviewSessionStatus; version: number }[] = await manager.query(
      'SELECT status, version FROM review_sessions WHERE id = $1 FOR UPDATE',
      [id],
    );
    return rows[0];
  }

  /** The ids among `ids` the district's users may be invited with (principals and coordinators). */
  async reviewerIds(manager: Db, districtId: string, ids: string[]): Promise<Set<string>> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM users WHERE district_id = $1 AND id = ANY($2::uuid[]) AND role IN ('principal', 'coordinator')`,
      [districtId, ids],
    );
    return new Set(rows.map((r) => r.id));
  }

  async schoolIds(manager: Db, districtId: string, ids: string[]): Promise<Set<string>> {
    const rows: { id: string }[] = await manager.query(
      'SELECT id FROM schools WHERE district_id = $1 AND id = ANY($2::uuid[])',
      [districtId, ids],
    );
    return new Set(rows.map((r) => r.id));
  }

  async roleInDistrict(manager: Db, districtId: string, id: string): Promise<boolean> {
    const rows: unknown[] = await manager.query('SELECT 1 FROM leadership_roles WHERE id = $1 AND district_id = $2', [
      id,
      districtId,
    ]);
    return rows.length > 0;
  }

  /** A candidate of the district as they stand now; undefined: no such candidate in the district. */
  async candidateState(
    manager: Db,
    districtId: string,
    id: string,
  ): Promise<{ stage: Stage; readiness: ReadinessBand } | undefined> {
    const rows: { stage: Stage; readiness: ReadinessBand }[] = await manager.query(
      'SELECT stage, readiness FROM candidates WHERE id = $1 AND district_id = $2',
      [id, districtId],
    );
    return rows[0];
  }

  async opportunityInDistrict(manager: Db, districtId: string, id: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      'SELECT 1 FROM development_opportunities WHERE id = $1 AND district_id = $2',
      [id, districtId],
    );
    return rows.length > 0;
  }

  async schools(sessionId: string): Promise<{ id: string; name: string }[]> {
    return this.db.query(
      `SELECT s.id, s.name FROM review_session_schools x JOIN schools s ON s.id = x.school_id
        WHERE x.session_id = $1 ORDER BY s.name, s.id`,
      [sessionId],
    );
  }

  async reviewers(sessionId: string): Promise<{ userId: string; name: string; role: string }[]> {
    return this.db.query(
      `SELECT u.id AS "userId", u.name, u.role FROM review_session_reviewers x JOIN users u ON u.id = x.user_id
        WHERE x.session_id = $1 ORDER BY u.name, u.id`,
      [sessionId],
    );
  }

  async insert(
    manager: EntityManager,
    districtId: string,
    fields: { title: string; roleId: string | null; meetsOn: string | null },
    userId: string,
  ): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO review_sessions (district_id, title, role_id, meets_on, convened_by_user_id)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [districtId, fields.title, fields.roleId, fields.meetsOn, userId],
    );
    return rows[0]!.id;
  }

  async update(
    manager: EntityManager,
    id: string,
    fields: { title: string; roleId: string | null; meetsOn: string | null },
  ): Promise<void> {
    await manager.query(
      `UPDATE review_sessions SET title = $2, role_id = $3, meets_on = $4, version = version + 1, updated_at = now()
        WHERE id = $1`,
      [id, fields.title, fields.roleId, fields.meetsOn],
    );
  }

  /** Replaces the session's schools and reviewers with these. */
  async setMembers(manager: EntityManager, id: string, schoolIds: string[], reviewerIds: string[]): Promise<void> {
    await manager.query(
      'DELETE FROM review_session_schools WHERE session_id = $1 AND NOT (school_id = ANY($2::uuid[]))',
      [id, schoolIds],
    );
    await manager.query(
      'INSERT INTO review_session_schools (session_id, school_id) SELECT $1, s FROM unnest($2::uuid[]) s ON CONFLICT DO NOTHING',
      [id, schoolIds],
    );
    await manager.query(
      'DELETE FROM review_session_reviewers WHERE session_id = $1 AND NOT (user_id = ANY($2::uuid[]))',
      [id, reviewerIds],
    );
    await manager.query(
      'INSERT INTO review_session_reviewers (session_id, user_id) SELECT $1, u FROM unnest($2::uuid[]) u ON CONFLICT DO NOTHING',
      [id, reviewerIds],
    );
  }

  /**
   * The session's candidates within the caller's scope (a principal: their schools' people), ordered by name.
   * `onlyIds`: those candidates, the ones that belong.
   */
  candidates(
    session: Pick<SessionRow, 'districtId' | 'roleId' | 'schoolIds'>,
    scope: Scope,
    options: { onlyIds?: string[]; limit?: number } = {},
    manager: Db = this.db,
  ): Promise<ReviewCandidateRow[]> {
    const { where, params } = membership(session, scope);
    return manager.query(
      `SELECT c.id AS "candidateId", c.educator_id AS "educatorId", e.first_name AS "firstName", e.last_name AS "lastName",
              s.name AS "schoolName", c.role_id AS "roleId", r.title AS "roleTitle", c.stage, c.readiness,
              c.readiness_confirmed_at AS "readinessConfirmedAt"
         FROM candidates c JOIN educators e ON e.id = c.educator_id JOIN leadership_roles r ON r.id = c.role_id
         LEFT JOIN schools s ON s.id = e.school_id
        WHERE ${where} AND ($6::uuid[] IS NULL OR c.id = ANY($6::uuid[]))
        ORDER BY e.last_name, e.first_name, c.id
        LIMIT $7`,
      [...params, options.onlyIds ?? null, options.limit ?? REVIEW_LIST_LIMIT + 1],
    );
  }

  async countCandidates(
    session: Pick<SessionRow, 'districtId' | 'roleId' | 'schoolIds'>,
    scope: Scope,
  ): Promise<number> {
    const { where, params } = membership(session, scope);
    const rows: { n: number }[] = await this.db.query(
      `SELECT count(*)::int AS n FROM candidates c JOIN educators e ON e.id = c.educator_id WHERE ${where}`,
      params,
    );
    return rows[0]!.n;
  }

  async decisions(sessionId: string, manager: Db = this.db): Promise<DecisionRow[]> {
    return manager.query(
      `SELECT ${DECISION_COLUMNS} FROM review_session_decisions WHERE session_id = $1 ORDER BY decided_at, candidate_id`,
      [sessionId],
    );
  }

  async decision(manager: EntityManager, sessionId: string, candidateId: string): Promise<DecisionRow | undefined> {
    const [row] = (await manager.query(
      `SELECT ${DECISION_COLUMNS} FROM review_session_decisions WHERE session_id = $1 AND candidate_id = $2`,
      [sessionId, candidateId],
    )) as DecisionRow[];
    return row;
  }

  async saveDecision(
    manager: EntityManager,
    sessionId: string,
    decision: DecisionRow | null,
    candidateId: string,
    userId: string,
  ): Promise<void> {
    if (!decision) {
      await manager.query('DELETE FROM review_session_decisions WHERE session_id = $1 AND candidate_id = $2', [
        sessionId,
        candidateId,
      ]);
      await manager.query('UPDATE review_sessions SET version = version + 1, updated_at = now() WHERE id = $1', [
        sessionId,
      ]);
      return;
    }
    await manager.query(
      `INSERT INTO review_session_decisions (session_id, candidate_id, readiness, stage, opportunity_id, rationale, from_stage, decided_by_user_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (session_id, candidate_id) DO UPDATE SET readiness = EXCLUDED.readiness, stage = EXCLUDED.stage,
         opportunity_id = EXCLUDED.opportunity_id, rationale = EXCLUDED.rationale, from_stage = EXCLUDED.from_stage,
         decided_by_user_id = EXCLUDED.decided_by_user_id, decided_at = now()`,
      [
        sessionId,
        candidateId,
        decision.readiness,
        decision.stage,
        decision.opportunityId,
        decision.rationale,
        decision.fromStage,
        userId,
      ],
    );
    // A decision changes what the close applies: a close prepared on the version before is refused.
    await manager.query('UPDATE review_sessions SET version = version + 1, updated_at = now() WHERE id = $1', [
      sessionId,
    ]);
  }

  async recordChange(
    manager: EntityManager,
    sessionId: string,
    candidateId: string,
    before: ChangeRow['before'],
    after: ChangeRow['after'],
    rationale: string,
    userId: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO review_session_changes (session_id, candidate_id, before, after, rationale, changed_by_user_id)
       VALUES ($1, $2, $3::jsonb, $4::jsonb, $5, $6)`,
      [sessionId, candidateId, JSON.stringify(before), JSON.stringify(after), rationale, userId],
    );
  }

  /** The session's changes, oldest first; a principal's: about people of their schools only. */
  async changes(sessionId: string, scope: Scope): Promise<ChangeRow[]> {
    return this.db.query(
      `SELECT ch.id, ch.candidate_id AS "candidateId", e.first_name || ' ' || e.last_name AS "candidateName",
              ch.before, ch.after, ch.rationale, u.name AS "changedByName", ch.changed_at AS "changedAt"
         FROM review_session_changes ch JOIN candidates c ON c.id = ch.candidate_id JOIN educators e ON e.id = c.educator_id
         LEFT JOIN users u ON u.id = ch.changed_by_user_id
        WHERE ch.session_id = $1 AND ($2::uuid[] IS NULL OR e.school_id = ANY($2::uuid[]))
        ORDER BY ch.changed_at, ch.id`,
      [sessionId, scope.kind === 'schools' ? scope.schoolIds : null],
    );
  }

  /** Decisions per session about people of the given schools (a principal's view of the counts). */
  async decisionCounts(sessionIds: string[], schoolIds: string[]): Promise<Map<string, number>> {
    const rows: { id: string; n: number }[] = await this.db.query(
      `SELECT d.session_id AS id, count(*)::int AS n FROM review_session_decisions d
         JOIN candidates c ON c.id = d.candidate_id JOIN educators e ON e.id = c.educator_id
        WHERE d.session_id = ANY($1::uuid[]) AND e.school_id = ANY($2::uuid[]) GROUP BY d.session_id`,
      [sessionIds, schoolIds],
    );
    return new Map(rows.map((r) => [r.id, r.n]));
  }

  async close(
    manager: EntityManager,
    id: string,
    userId: string,
    applied: { confirmations: number; stageMoves: number; assignments: number },
  ): Promise<void> {
    await manager.query(
      `UPDATE review_sessions SET status = 'closed', closed_at = now(), closed_by_user_id = $2, applied = $3::jsonb,
              version = version + 1, updated_at = now() WHERE id = $1`,
      [id, userId, JSON.stringify(applied)],
    );
  }
}

/**
 * Who is one of a session's candidates for this caller: its district, the review stages, its role and schools,
 * and a principal's own schools. Parameters $1–$5 (candidates `c`, educators `e`).
 */
function membership(session: Pick<SessionRow, 'districtId' | 'roleId' | 'schoolIds'>, scope: Scope) {
  return {
    where: `c.district_id = $1 AND c.stage = ANY($2::candidate_stage[])
          AND ($3::uuid IS NULL OR c.role_id = $3)
          AND (cardinality($4::uuid[]) = 0 OR e.school_id = ANY($4::uuid[]))
          AND ($5::uuid[] IS NULL OR e.school_id = ANY($5::uuid[]))`,
    params: [
      session.districtId,
      REVIEW_STAGES,
      session.roleId,
      session.schoolIds,
      scope.kind === 'schools' ? scope.schoolIds : null,
    ] as unknown[],
  };
}
