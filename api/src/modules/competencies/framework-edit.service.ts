import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../../auth/access/access.service.js';
import type { AuthContext } from '../../auth/auth-context.js';
import { requireDistrict } from '../../auth/auth-context.js';
import { Permission } from '../../auth/permissions.js';
import { applyPutRules } from '../../common/crud/put-rules.js';
import type { FieldErrors } from '../../common/errors/app-error.js';
import { AppError } from '../../common/errors/app-error.js';
import { ErrorCode } from '../../common/errors/error-code.js';
import { toIso } from '../../common/iso.js';
import type { CompetencyResponseDto, FrameworkResponseDto } from './competency.dto.js';
import type { NodeKind, RubricLevel } from './competency.entity.js';
import { DEFAULT_RUBRIC } from './competency.entity.js';
import { CompetencyRepository } from './competency.repository.js';
import type {
  CreateCompetencyDto,
  CreateFrameworkDto,
  UpdateCompetencyDto,
  UpdateFrameworkDto,
} from './framework-edit.dto.js';
import { assertRubricFits, kindFits, rubricProblem, sameRubric } from './framework-rules.js';

const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'framework';

const article = (kind: NodeKind) => `${kind === 'indicator' ? 'an' : 'a'} ${kind}`;

const rubricOf = (levels: { level: number; label: string }[]): RubricLevel[] =>
  levels.map((l) => ({ level: l.level, label: l.label }));

interface NodeRow {
  id: string;
  frameworkId: string;
  parentId: string | null;
  kind: NodeKind;
}

/** A district's own frameworks and their trees: create and edit (the reference ones are read-only). */
@Injectable()
export class FrameworkEditService {
  constructor(
    private readonly access: AccessService,
    private readonly repo: CompetencyRepository,
    private readonly db: DataSource,
  ) {}

  async framework(id: string, manager?: EntityManager): Promise<FrameworkResponseDto> {
    const row = await this.repo.findFramework(id, manager);
    if (!row) throw AppError.notFound('Framework');
    return { ...row, createdAt: toIso(row.createdAt), updatedAt: toIso(row.updatedAt) };
  }

  async createFramework(auth: AuthContext, dto: CreateFrameworkDto): Promise<FrameworkResponseDto> {
    const districtId = requireDistrict(auth);
    const rubric = dto.rubric ? rubricOf(dto.rubric) : DEFAULT_RUBRIC;
    const problem = rubricProblem(rubric);
    if (problem) throw AppError.validation({ rubric: problem });
    const id = await this.db.transaction(async (m) => {
      // The key is `<district>:<slug>`, made unique with a counter (CASE imports use `<district>:<identifier>`).
      const base = `${districtId}:${slug(dto.title)}`;
      const taken = new Set(
        (
          (await m.query(`SELECT key FROM competency_frameworks WHERE key = $1 OR key LIKE $2`, [
            base,
            `${base}-%`,
          ])) as { key: string }[]
        ).map((r) => r.key),
      );
      let key = base;
      for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
      const [row]: { id: string }[] = await m.query(
        `INSERT INTO competency_frameworks (district_id, key, title, short_name, source, description, rubric)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb) RETURNING id`,
        [districtId, key, dto.title, dto.shortName, dto.source ?? '', dto.description ?? '', JSON.stringify(rubric)],
      );
      return row!.id;
    });
    return this.framework(id);
  }

  async updateFramework(auth: AuthContext, id: string, dto: UpdateFrameworkDto): Promise<FrameworkResponseDto> {
    await this.access.require(auth, Permission.CompetencyManage, [id], 'Framework');
    await this.db.transaction(async (m) => {
      await m.query(`SELECT id FROM competency_frameworks WHERE id = $1 FOR UPDATE`, [id]);
      const current = await this.framework(id, m);
      const changes = applyPutRules(dto, current as unknown as Record<string, unknown> & { version: number });
      const rubric = changes.rubric ? rubricOf(changes.rubric) : current.rubric;
      const problem = rubricProblem(rubric);
      if (problem) throw AppError.validation({ rubric: problem });
      if (rubric.length < current.rubric.length) await assertRubricFits(m, id, rubric.length);
      const next = {
        title: changes.title ?? current.title,
        shortName: changes.shortName ?? current.shortName,
        description: changes.description ?? current.description,
        source: changes.source ?? current.source,
      };
      const same =
        next.title === current.title &&
        next.shortName === current.shortName &&
        next.description === current.description &&
        next.source === current.source &&
        sameRubric(rubric, current.rubric);
      if (same) return;
      await m.query(
        `UPDATE competency_frameworks SET title = $2, short_name = $3, description = $4, source = $5, rubric = $6::jsonb,
                version = version + 1, updated_at = now() WHERE id = $1`,
        [id, next.title, next.shortName, next.description, next.source, JSON.stringify(rubric)],
      );
    });
    return this.framework(id);
  }

  private async node(id: string, manager?: EntityManager): Promise<CompetencyResponseDto> {
    const row = await this.repo.findCompetency(id, manager);
    if (!row) throw AppError.notFound('Competency');
    return row;
  }

  async createCompetency(auth: AuthContext, dto: CreateCompetencyDto): Promise<CompetencyResponseDto> {
    const own = await this.access.filter(auth, Permission.CompetencyManage, [dto.frameworkId]);
    if (!own.has(dto.frameworkId)) {
      throw AppError.validation({
        frameworkId: "frameworkId must be one of your district's own frameworks (reference frameworks are read-only)",
      });
    }
    const id = await this.db.transaction(async (m) => {
      await this.lockTree(m, dto.frameworkId, 'shared');
      const parent = dto.parentId ? await this.nodeRow(m, dto.parentId) : null;
      this.checkPlacement(dto.frameworkId, parent, dto.kind, dto.parentId);
      await this.assertCodeFree(m, dto.frameworkId, dto.code, null);
      const [last]: { next: number }[] = await m.query(
        `SELECT COALESCE(max(position) + 1, 0)::int AS next FROM competencies WHERE framework_id = $1 AND parent_id IS NOT DISTINCT FROM $2`,
        [dto.frameworkId, dto.parentId ?? null],
      );
      const [row]: { id: string }[] = await m.query(
        `INSERT INTO competencies (framework_id, parent_id, kind, code, title, description, position)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          dto.frameworkId,
          dto.parentId ?? null,
          dto.kind,
          dto.code,
          dto.title,
          dto.description ?? '',
          dto.position ?? last!.next,
        ],
      );
      return row!.id;
    });
    return this.node(id);
  }

  async updateCompetency(auth: AuthContext, id: string, dto: UpdateCompetencyDto): Promise<CompetencyResponseDto> {
    const [found]: { frameworkId: string; parentId: string | null }[] = await this.db.query(
      `SELECT framework_id AS "frameworkId", parent_id AS "parentId" FROM competencies WHERE id = $1`,
      [id],
    );
    // The node's framework decides: another district's or a reference node is a 404.
    await this.access.require(auth, Permission.CompetencyManage, [found?.frameworkId ?? id], 'Competency');
    // A move is decided before any lock is taken, so every write takes the framework lock first (no deadlock).
    const moves = dto.parentId !== undefined && dto.parentId !== found!.parentId;
    await this.db.transaction(async (m) => {
      await this.lockTree(m, found!.frameworkId, moves ? 'exclusive' : 'shared');
      await m.query(`SELECT id FROM competencies WHERE id = $1 FOR UPDATE`, [id]);
      const current = await this.node(id, m);
      // The node's own version: edits of other nodes of the framework do not make this one stale.
      const changes = applyPutRules(dto, current as unknown as Record<string, unknown> & { version: number });
      const next = {
        parentId: changes.parentId === undefined ? current.parentId : changes.parentId,
        kind: changes.kind ?? current.kind,
        code: changes.code ?? current.code,
        title: changes.title ?? current.title,
        description: changes.description ?? current.description,
        position: changes.position ?? current.position,
      };
      // Unreachable while versions only grow: a node moved after the first read has a newer version.
      if (next.parentId !== current.parentId && !moves)
        throw new AppError(ErrorCode.StaleVersion, 'This node was moved by someone else; reload it and try again');
      const parent = next.parentId ? await this.nodeRow(m, next.parentId) : null;
      this.checkPlacement(current.frameworkId, parent, next.kind, next.parentId);
      const errors: FieldErrors = {};
      if (next.parentId && next.parentId !== current.parentId) {
        const [cycle]: { hit: boolean }[] = await m.query(
          `WITH RECURSIVE up AS (SELECT id, parent_id FROM competencies WHERE id = $1
             UNION ALL SELECT c.id, c.parent_id FROM competencies c JOIN up ON c.id = up.parent_id)
           SELECT bool_or(id = $2) AS hit FROM up`,
          [next.parentId, id],
        );
        if (cycle?.hit) errors.parentId = 'a node cannot move under itself or one of its descendants';
      }
      if (next.kind !== current.kind) {
        const children: { kind: NodeKind }[] = await m.query(`SELECT kind FROM competencies WHERE parent_id = $1`, [
          id,
        ]);
        const bad = children.find((c) => !kindFits(next.kind, c.kind));
        if (bad) errors.kind = `${article(next.kind)} cannot have ${bad.kind} children; change those first`;
      }
      if (Object.keys(errors).length) throw AppError.validation(errors);
      if (next.code !== current.code) await this.assertCodeFree(m, current.frameworkId, next.code, id);
      const same = (Object.keys(next) as (keyof typeof next)[]).every((k) => next[k] === current[k]);
      if (same) return;
      await m.query(
        `UPDATE competencies SET parent_id = $2, kind = $3, code = $4, title = $5, description = $6, position = $7,
                version = version + 1 WHERE id = $1`,
        [id, next.parentId, next.kind, next.code, next.title, next.description, next.position],
      );
    });
    return {
      ...(await this.node(id)),
      crosswalk: await this.repo.crosswalk(auth.scope, id),
      caseAssociations: await this.repo.caseAssociations(auth.scope, id),
    };
  }

  /**
   * Codes typed in the console stay distinct within a framework (imported CASE codes may repeat, as their
   * publishers wrote them). Imports hold the framework lock exclusively, so this check cannot race one; two
   * console writes racing each other meet the partial unique index instead.
   */
  private async assertCodeFree(m: EntityManager, frameworkId: string, code: string, except: string | null) {
    const [taken] = await m.query(
      `SELECT 1 FROM competencies WHERE framework_id = $1 AND code = $2 AND id IS DISTINCT FROM $3 LIMIT 1`,
      [frameworkId, code, except],
    );
    if (taken)
      throw new AppError(ErrorCode.UniqueViolation, 'Another node of this framework has this code', {
        code: 'Another node of this framework has this code',
      });
  }

  /**
   * The framework row is the tree's lock. Node edits and creates share it, so they run side by side; a move
   * holds it alone, so two moves cannot each pass the cycle check and together make a loop.
   */
  private async lockTree(m: EntityManager, frameworkId: string, mode: 'shared' | 'exclusive'): Promise<void> {
    await m.query(
      `SELECT id FROM competency_frameworks WHERE id = $1 ${mode === 'shared' ? 'FOR SHARE' : 'FOR UPDATE'}`,
      [frameworkId],
    );
  }

  /** A parent, locked so that its kind stays as checked until commit (an edit of its kind waits, or we do). */
  private async nodeRow(m: EntityManager, id: string): Promise<NodeRow | null> {
    const [row]: NodeRow[] = await m.query(
      `SELECT id, framework_id AS "frameworkId", parent_id AS "parentId", kind FROM competencies WHERE id = $1 FOR SHARE`,
      [id],
    );
    return row ?? null;
  }

  private checkPlacement(frameworkId: string, parent: NodeRow | null, kind: NodeKind, parentId?: string | null) {
    const errors: FieldErrors = {};
    if (parentId && (!parent || parent.frameworkId !== frameworkId))
      errors.parentId = 'parentId must be a node of the same framework';
    else if (parent && !kindFits(parent.kind, kind))
      errors.kind = `${article(kind)} cannot sit under ${article(parent.kind)}`;
    if (Object.keys(errors).length) throw AppError.validation(errors);
  }
}
