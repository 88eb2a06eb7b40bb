import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../../auth/access/access.service.js';
import type { AuthContext } from '../../auth/auth-context.js';
import { Permission } from '../../auth/permissions.js';
import { AppError, type FieldErrors } from '../../common/errors/app-error.js';
import { ErrorCode } from '../../common/errors/error-code.js';
import { toIso } from '../../common/iso.js';
import type { ListQuery, Page } from '../../common/pagination/list-query.js';
import { EvidenceRepository } from '../evidence/evidence.repository.js';
import { PLAN_STAGES } from '../plans/plan.service.js';
import { promptsFor } from './reflection-prompts.js';
import type {
  AttachEvidenceDto,
  ReflectionAttributesDto,
  ReflectionDto,
  SaveReflectionDto,
  UpdateReflectionDto,
} from './reflection.dto.js';
import { REFLECTION_LIST } from './reflection.dto.js';

interface Locked {
  body: string;
  shared: boolean;
  shareMentor: boolean;
  sharedMentorIds: string[];
  planActionId: string | null;
  evidenceId: string | null;
  createdOn: string;
}

type Row = Omit<ReflectionDto, 'createdAt' | 'updatedAt' | 'own'> & { createdAt: Date; updatedAt: Date };

const COLUMNS = `x.id, x.educator_id AS "educatorId", e.first_name || ' ' || e.last_name AS "authorName",
  x.competency_ids AS "competencyIds",
  ARRAY(SELECT k.title FROM unnest(x.competency_ids) WITH ORDINALITY AS u(id, n) JOIN competencies k ON k.id = u.id
        ORDER BY u.n) AS "attributeTitles",
  x.prompt, x.body, x.share_mentor AS "shareMentor", x.share_coordinator AS "shareCoordinator",
  x.share_hr AS "shareHr", x.plan_action_id AS "planActionId", x.evidence_id AS "evidenceId",
  x.created_at AS "createdAt", x.updated_at AS "updatedAt", x.version`;

/**
 * Who reads a reflection: its author; their mentor while mentoring them, when shared with the mentor; the
 * district's coordinators or hr, when shared with them. Nobody else, whatever their role: a principal or the
 * superintendent reads none. `$1` is the district, `$2` the caller's educator record.
 */
function readableSql(auth: AuthContext): string {
  switch (auth.role) {
    case 'educator':
      // The mentor it was shared with, while still mentoring the author: not whoever mentors them later.
      return `x.district_id = $1 AND (x.educator_id = $2 OR (x.share_mentor AND $2 = ANY (x.shared_mentor_ids) AND EXISTS (
        SELECT 1 FROM mentorships ms JOIN candidates c ON c.id = ms.candidate_id
         WHERE ms.mentor_educator_id = $2 AND ms.status = 'active' AND c.educator_id = x.educator_id)))`;
    case 'coordinator':
      return `x.district_id = $1 AND (x.share_coordinator OR x.educator_id = $2)`;
    case 'hr':
      return `x.district_id = $1 AND (x.share_hr OR x.educator_id = $2)`;
    default:
      return 'false';
  }
}

/** Reflections on the Portrait of a Leader and other frameworks' attributes (issue #19 part 4). */
@Injectable()
export class ReflectionService {
  constructor(
    private readonly access: AccessService,
    private readonly db: DataSource,
    private readonly evidence: EvidenceRepository,
  ) {}

  /** The Portrait of a Leader's attributes, with prompts drawn from each. */
  async attributes(auth: AuthContext): Promise<ReflectionAttributesDto> {
    await this.access.require(auth, Permission.CompetencyRead, []);
    const [framework]: { id: string; title: string }[] = await this.db.query(
      `SELECT id, title FROM competency_frameworks WHERE district_id IS NULL AND key = 'portrait-of-a-leader'`,
    );
    if (!framework) return { frameworkId: null, frameworkTitle: null, attributes: [] };
    const nodes: { id: string; code: string; title: string; description: string }[] = await this.db.query(
      `SELECT id, code, title, description FROM competencies WHERE framework_id = $1 AND parent_id IS NULL
        ORDER BY position, code`,
      [framework.id],
    );
    return {
      frameworkId: framework.id,
      frameworkTitle: framework.title,
      attributes: nodes.map((n) => ({ ...n, prompts: promptsFor(n) })),
    };
  }

  async list(auth: AuthContext, query: ListQuery): Promise<Page<ReflectionDto>> {
    await this.access.require(auth, Permission.ReflectionRead, []);
    const params: unknown[] = [auth.districtId, auth.educatorId];
    const where = [readableSql(auth)];
    for (const f of query.filters) {
      params.push(Array.isArray(f.value) ? f.value : [f.value]);
      where.push(
        f.key === 'educatorId'
          ? `x.educator_id = ANY($${params.length}::uuid[])`
          : `x.competency_ids && $${params.length}::uuid[]`,
      );
    }
    if (query.ids) {
      params.push(query.ids);
      where.push(`x.id = ANY($${params.length}::uuid[])`);
    }
    const from = `FROM reflections x JOIN educators e ON e.id = x.educator_id WHERE ${where.join(' AND ')}`;
    const counted: { total: number }[] = await this.db.query(`SELECT count(*)::int AS total ${from}`, params);
    const total = counted[0]!.total;
    const rows: Row[] = await this.db.query(
      `SELECT ${COLUMNS} ${from} ORDER BY x.created_at ${query.sort.direction}, x.id
        OFFSET ${query.offset} LIMIT ${query.limit}`,
      params,
    );
    return {
      items: rows.map((r) => this.toDto(auth, r)),
      total,
      offset: query.offset,
      resource: REFLECTION_LIST.resource,
    };
  }

  async get(auth: AuthContext, id: string): Promise<ReflectionDto> {
    await this.access.require(auth, Permission.ReflectionRead, []);
    return this.toDto(auth, await this.readable(this.db.manager, auth, id));
  }

  async create(auth: AuthContext, dto: SaveReflectionDto): Promise<ReflectionDto> {
    await this.access.require(auth, Permission.ReflectionWrite, []);
    const author = this.author(auth);
    const id = await this.db.transaction(async (m) => {
      await this.check(m, auth, author, dto, null);
      const mentors = dto.shareMentor ? await this.mentorsOf(m, author) : [];
      const [row]: { id: string }[] = await m.query(
        `INSERT INTO reflections (district_id, educator_id, competency_ids, prompt, body, share_mentor,
           share_coordinator, share_hr, shared_mentor_ids, plan_action_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          auth.districtId,
          author,
          dto.competencyIds,
          dto.prompt ?? null,
          dto.body,
          dto.shareMentor,
          dto.shareCoordinator,
          dto.shareHr,
          mentors,
          dto.planActionId ?? null,
        ],
      );
      await this.tick(m, auth, row!.id);
      return row!.id;
    });
    return this.get(auth, id);
  }

  async update(auth: AuthContext, id: string, dto: UpdateReflectionDto): Promise<ReflectionDto> {
    await this.access.require(auth, Permission.ReflectionWrite, []);
    const author = this.author(auth);
    await this.db.transaction(async (m) => {
      const before = await this.lockOwn(m, author, id, dto.version);
      await this.check(m, auth, author, dto, before.planActionId);
      if (before.evidenceId && !dto.shareMentor && !dto.shareCoordinator && !dto.shareHr) {
        throw new AppError(
          ErrorCode.Conflict,
          'This reflection is evidence on your candidacy, read where evidence is: it cannot become private again',
        );
      }
      // Shared with the mentors of the moment it is shared; kept while it stays shared with the mentor.
      const mentors = !dto.shareMentor
        ? []
        : before.shareMentor
          ? before.sharedMentorIds
          : await this.mentorsOf(m, author);
      await m.query(
        `UPDATE reflections SET competency_ids = $2, prompt = $3, body = $4, share_mentor = $5, share_coordinator = $6,
           share_hr = $7, shared_mentor_ids = $8, plan_action_id = $9, updated_at = now(), version = version + 1
         WHERE id = $1`,
        [
          id,
          dto.competencyIds,
          dto.prompt ?? null,
          dto.body,
          dto.shareMentor,
          dto.shareCoordinator,
          dto.shareHr,
          mentors,
          dto.planActionId ?? null,
        ],
      );
      await this.tick(m, auth, id);
    });
    return this.get(auth, id);
  }

  /** Deletes the author's reflection; evidence made from it stays (it is the candidacy's record now). */
  async remove(auth: AuthContext, id: string): Promise<void> {
    await this.access.require(auth, Permission.ReflectionWrite, []);
    const author = this.author(auth);
    await this.db.transaction(async (m) => {
      await this.lockOwn(m, author, id);
      await m.query('DELETE FROM reflections WHERE id = $1', [id]);
    });
  }

  /** Makes a shared reflection self-reflection evidence on one of the author's candidacies. */
  async attach(auth: AuthContext, id: string, dto: AttachEvidenceDto): Promise<ReflectionDto> {
    await this.access.require(auth, Permission.ReflectionWrite, []);
    const author = this.author(auth);
    await this.db.transaction(async (m) => {
      const r = await this.lockOwn(m, author, id, dto.version);
      if (!r.shared) {
        throw new AppError(
          ErrorCode.Conflict,
          'Share the reflection first: as evidence it is read by your coordinators, hr and your principal',
        );
      }
      if (r.evidenceId) throw new AppError(ErrorCode.Conflict, 'This reflection is already evidence');
      const candidate = await this.evidence.candidate(m, dto.candidateId);
      if (!candidate || candidate.educatorId !== author) throw AppError.notFound('Candidate');
      const rubric = await this.evidence.rubricFor(candidate.districtId, dto.competencyId);
      const errors: FieldErrors = {};
      if (!rubric) errors.competencyId = 'competencyId must be a node of a framework your district uses';
      else if (!rubric.some((l) => l.level === dto.level))
        errors.level = `level must be one of the framework's rubric levels: ${rubric.map((l) => l.level).join(', ')}`;
      if (Object.keys(errors).length) throw AppError.validation(errors);
      const row = await this.evidence.insert(m, {
        districtId: candidate.districtId,
        candidateId: dto.candidateId,
        competencyId: dto.competencyId,
        level: dto.level,
        source: 'self_reflection',
        note: `From a reflection: ${r.body}`.slice(0, 8000),
        link: null,
        observedOn: r.createdOn,
        recorderUserId: auth.userId,
      });
      await m.query(
        'UPDATE reflections SET evidence_id = $2, updated_at = now(), version = version + 1 WHERE id = $1',
        [id, row.id],
      );
    });
    return this.get(auth, id);
  }

  private author(auth: AuthContext): string {
    if (!auth.educatorId || !auth.districtId) {
      throw new AppError(ErrorCode.Forbidden, 'Reflections are written by an educator, on their own login');
    }
    return auth.educatorId;
  }

  private async readable(m: EntityManager, auth: AuthContext, id: string): Promise<Row> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw AppError.notFound('Reflection');
    const [row]: Row[] = await m.query(
      `SELECT ${COLUMNS} FROM reflections x JOIN educators e ON e.id = x.educator_id
        WHERE x.id = $3 AND ${readableSql(auth)}`,
      [auth.districtId, auth.educatorId, id],
    );
    if (!row) throw AppError.notFound('Reflection');
    return row;
  }

  /** The author's own reflection, locked; anyone else's is a 404 (even one shared with the caller). */
  private async lockOwn(m: EntityManager, author: string, id: string, version?: number): Promise<Locked> {
    const [r]: (Locked & { version: number })[] = await m.query(
      `SELECT body, share_mentor OR share_coordinator OR share_hr AS shared, share_mentor AS "shareMentor",
              shared_mentor_ids AS "sharedMentorIds", plan_action_id AS "planActionId", evidence_id AS "evidenceId",
              to_char(created_at, 'YYYY-MM-DD') AS "createdOn", version
         FROM reflections WHERE id = $1 AND educator_id = $2 FOR UPDATE`,
      [id, author],
    );
    if (!r) throw AppError.notFound('Reflection');
    if (version !== undefined && version !== r.version) {
      throw new AppError(
        ErrorCode.StaleVersion,
        `The reflection changed meanwhile (your version ${version}, current ${r.version}); reload it and try again`,
      );
    }
    return r;
  }

  /** The mentors of the author's active mentorships: those a reflection shared with "my mentor" reaches. */
  private async mentorsOf(m: EntityManager, author: string): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      `SELECT DISTINCT ms.mentor_educator_id AS id FROM mentorships ms JOIN candidates c ON c.id = ms.candidate_id
        WHERE c.educator_id = $1 AND ms.status = 'active'`,
      [author],
    );
    if (rows.length === 0) throw AppError.validation({ shareMentor: 'you have no mentor now to share it with' });
    return rows.map((r) => r.id);
  }

  private async check(
    m: EntityManager,
    auth: AuthContext,
    author: string,
    dto: SaveReflectionDto,
    currentPlanActionId: string | null,
  ): Promise<void> {
    const errors: FieldErrors = {};
    const usable = await this.access.usableCompetencies(auth, dto.competencyIds);
    if (dto.competencyIds.some((id) => !usable.has(id)))
      errors.competencyIds = 'every attribute must be a node of a framework your district uses';
    if (new Set(dto.competencyIds).size !== dto.competencyIds.length)
      errors.competencyIds = 'an attribute is named twice';
    // Checked when it changes: a plan revised since keeps the old link valid.
    if (dto.planActionId && dto.planActionId !== currentPlanActionId) {
      const [action]: unknown[] = await m.query(
        `SELECT 1 FROM plan_actions a JOIN development_plans p ON p.id = a.plan_id
           JOIN candidates c ON c.id = p.candidate_id
          WHERE a.id = $1 AND c.educator_id = $2 AND a.kind = 'reflection' AND p.status IN ('agreed', 'draft')`,
        [dto.planActionId, author],
      );
      if (!action) errors.planActionId = 'not a reflection action of your development plan';
    }
    if (Object.keys(errors).length) throw AppError.validation(errors);
  }

  /** A shared reflection ticks the plan action it answers, on the plan in force. */
  private async tick(m: EntityManager, auth: AuthContext, id: string): Promise<void> {
    await m.query(
      `WITH ticked AS (
         UPDATE plan_actions a SET done_at = now(), done_by_user_id = $2
           FROM reflections x, development_plans p
          WHERE x.id = $1 AND a.id = x.plan_action_id AND p.id = a.plan_id AND p.status = 'agreed'
            AND a.done_at IS NULL AND (x.share_mentor OR x.share_coordinator OR x.share_hr)
            -- A paused or exited candidacy's plan is kept as it is.
            AND EXISTS (SELECT 1 FROM candidates c WHERE c.id = p.candidate_id AND c.stage::text = ANY($3))
          RETURNING a.id)
       SELECT id FROM ticked`,
      [id, auth.userId, [...PLAN_STAGES]],
    );
  }

  private toDto(auth: AuthContext, r: Row): ReflectionDto {
    return {
      ...r,
      own: r.educatorId === auth.educatorId,
      createdAt: toIso(r.createdAt),
      updatedAt: toIso(r.updatedAt),
    };
  }
}
