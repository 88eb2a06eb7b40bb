import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthContext } from '../../auth/auth-context.js';
import { requireDistrict } from '../../auth/auth-context.js';
import type { FieldErrors } from '../../common/errors/app-error.js';
import { AppError } from '../../common/errors/app-error.js';
import { ErrorCode } from '../../common/errors/error-code.js';
import type { CaseImportResultDto } from './case-import.dto.js';
import type { CasePlan, PlannedLink } from './case-package.js';
import { readCasePackage } from './case-package.js';
import type { LinkKind, NodeKind, RubricLevel } from './competency.entity.js';
import { FrameworkEditService } from './framework-edit.service.js';
import { assertRubricFits, sameRubric } from './framework-rules.js';

interface ExistingNode {
  id: string;
  caseIdentifier: string | null;
  parentId: string | null;
  kind: NodeKind;
  code: string;
  title: string;
  description: string;
  position: number;
}

class DryRun extends Error {
  constructor(readonly result: CaseImportResultDto) {
    super('dry run');
  }
}

const pairKey = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);

/**
 * CASE 1.0 import (docs/frameworks.md): one transaction creates or brings up to date the district framework
 * keyed by the CFDocument identifier. It adds and updates, never removes: a package that drops items the
 * framework has is a 409. A repeated import changes nothing.
 */
@Injectable()
export class CaseImportService {
  constructor(
    private readonly db: DataSource,
    private readonly frameworks: FrameworkEditService,
  ) {}

  async import(
    auth: AuthContext,
    body: unknown,
    dryRun: boolean,
  ): Promise<{ status: number; result: CaseImportResultDto }> {
    const districtId = requireDistrict(auth);
    const read = readCasePackage(body);
    const key = read.identifier ? `${districtId}:${read.identifier}` : '';
    const errors: FieldErrors = { ...read.errors };
    const external = await this.resolveExternal(districtId, key, read.links, errors);
    if (read.plan) await this.checkForeignItems(districtId, key, read.plan, errors);
    const count = Object.keys(errors).length;
    if (count > 0 || !read.plan) {
      throw new AppError(
        ErrorCode.ImportInvalid,
        `The CASE package has ${count} problem(s); nothing was imported`,
        errors,
      );
    }
    const plan = read.plan;
    try {
      const result = await this.db.transaction(async (m) => {
        const r = await this.apply(m, districtId, key, plan, external);
        if (dryRun) throw new DryRun({ ...r, dryRun: true });
        return r;
      });
      return { status: result.created.framework ? 201 : 200, result };
    } catch (e) {
      if (e instanceof DryRun) return { status: 200, result: e.result };
      throw e;
    }
  }

  /** Finds the nodes outside the package that links point at, by CASE identifier, among frameworks the district reads. */
  private async resolveExternal(
    districtId: string,
    key: string,
    links: PlannedLink[],
    errors: FieldErrors,
  ): Promise<Map<string, string>> {
    const wanted = links.filter((l) => l.external);
    const ends = wanted.map((l) => (l.external === 'originNodeURI' ? l.from : l.to));
    if (ends.length === 0) return new Map();
    const rows: { identifier: string; ids: string[] }[] = await this.db.query(
      `SELECT c.case_identifier AS identifier, array_agg(c.id) AS ids
         FROM competencies c JOIN competency_frameworks f ON f.id = c.framework_id
        WHERE c.case_identifier = ANY($1::text[]) AND (f.district_id IS NULL OR f.district_id = $2) AND f.key <> $3
        GROUP BY c.case_identifier`,
      [[...new Set(ends)], districtId, key],
    );
    const found = new Map(rows.map((r) => [r.identifier, r.ids]));
    const out = new Map<string, string>();
    wanted.forEach((l, i) => {
      const identifier = ends[i]!;
      const ids = found.get(identifier) ?? [];
      const path = `${l.path}.${l.external}.identifier`;
      if (ids.length === 0)
        errors[path] =
          `${identifier} is neither an item of this package nor a node (by CASE identifier) of a framework your district uses`;
      else if (ids.length > 1)
        errors[path] = `${identifier} matches ${ids.length} nodes; CASE identifiers must be unique`;
      else out.set(identifier, ids[0]!);
    });
    return out;
  }

  /** CASE identifiers are global: an item already in another of the district's frameworks (or a reference one) is a mistake. */
  private async checkForeignItems(districtId: string, key: string, plan: CasePlan, errors: FieldErrors) {
    const rows: { identifier: string; code: string; shortName: string }[] = await this.db.query(
      `SELECT c.case_identifier AS identifier, c.code, f.short_name AS "shortName"
         FROM competencies c JOIN competency_frameworks f ON f.id = c.framework_id
        WHERE c.case_identifier = ANY($1::text[]) AND (f.district_id IS NULL OR f.district_id = $2) AND f.key <> $3`,
      [plan.nodes.map((n) => n.identifier), districtId, key],
    );
    const taken = new Map(rows.map((r) => [r.identifier, r]));
    for (const n of plan.nodes) {
      const t = taken.get(n.identifier);
      if (t)
        errors[`CFItems[${n.index}].identifier`] =
          `is already the CASE identifier of ${t.shortName} ${t.code} in another framework; link to it with exactMatchOf instead of repeating it`;
    }
  }

  private async apply(
    m: EntityManager,
    districtId: string,
    key: string,
    plan: CasePlan,
    external: Map<string, string>,
  ): Promise<CaseImportResultDto> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [key]);
    const doc = plan.document;
    const [existing]: { id: string; title: string; source: string; description: string; rubric: RubricLevel[] }[] =
      await m.query(
        `SELECT id, title, source, description, rubric FROM competency_frameworks WHERE key = $1 FOR UPDATE`,
        [key],
      );
    const created = { framework: 0, items: 0, links: 0 };
    const updated = { framework: 0, items: 0, links: 0 };
    let frameworkId: string;
    if (!existing) {
      const [row]: { id: string }[] = await m.query(
        `INSERT INTO competency_frameworks (district_id, key, title, short_name, source, description, rubric)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb) RETURNING id`,
        [districtId, key, doc.title, doc.shortName, doc.source, doc.description, JSON.stringify(plan.rubric)],
      );
      frameworkId = row!.id;
      created.framework = 1;
    } else {
      frameworkId = existing.id;
      if (plan.rubric.length < existing.rubric.length) await assertRubricFits(m, frameworkId, plan.rubric.length);
      if (
        existing.title !== doc.title ||
        existing.source !== doc.source ||
        existing.description !== doc.description ||
        !sameRubric(existing.rubric, plan.rubric)
      )
        updated.framework = 1;
    }

    const current: ExistingNode[] = existing
      ? await m.query(
          `SELECT id, case_identifier AS "caseIdentifier", parent_id AS "parentId", kind, code, title, description, position
             FROM competencies WHERE framework_id = $1`,
          [frameworkId],
        )
      : [];
    this.refuseRemovals(plan, current);
    const byIdentifier = new Map(current.filter((c) => c.caseIdentifier).map((c) => [c.caseIdentifier!, c]));
    const ids = new Map(plan.nodes.map((n) => [n.identifier, byIdentifier.get(n.identifier)?.id ?? randomUUID()]));
    const desired = plan.nodes.map((n) => ({
      id: ids.get(n.identifier)!,
      identifier: n.identifier,
      parentId: n.parent ? ids.get(n.parent)! : null,
      kind: n.kind,
      code: n.code,
      title: n.title,
      description: n.description,
      position: n.position,
    }));
    const inserts = desired.filter((d) => !byIdentifier.has(d.identifier));
    const updates = desired.filter((d) => {
      const c = byIdentifier.get(d.identifier);
      return (
        c &&
        (c.parentId !== d.parentId ||
          c.kind !== d.kind ||
          c.code !== d.code ||
          c.title !== d.title ||
          c.description !== d.description ||
          c.position !== d.position)
      );
    });
    // Codes are unique per framework and checked row by row: park changed codes first so swaps work.
    const recoded = updates.filter((d) => byIdentifier.get(d.identifier)!.code !== d.code).map((d) => d.id);
    if (recoded.length)
      await m.query(`UPDATE competencies SET code = '~' || id::text WHERE id = ANY($1::uuid[])`, [recoded]);
    if (inserts.length) {
      await m.query(
        `INSERT INTO competencies (id, framework_id, parent_id, kind, code, title, description, position, case_identifier)
         SELECT u.id, $1, u.parent_id, u.kind::competency_kind, u.code, u.title, u.description, u.position, u.case_identifier
           FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::text[])
             AS u(id, parent_id, kind, code, title, description, position, case_identifier)`,
        [frameworkId, ...columns(inserts), inserts.map((d) => d.identifier)],
      );
    }
    if (updates.length) {
      // Each changed node gets a new version, so an editor holding the old one reloads instead of undoing the import.
      await m.query(
        `UPDATE competencies c SET parent_id = u.parent_id, kind = u.kind::competency_kind, code = u.code, title = u.title,
                description = u.description, position = u.position, version = c.version + 1
           FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[])
             AS u(id, parent_id, kind, code, title, description, position)
          WHERE c.id = u.id`,
        columns(updates),
      );
    }
    created.items = inserts.length;
    updated.items = updates.length;

    const links = await this.applyLinks(m, districtId, plan, ids, external, [...ids.values()]);
    created.links = links.created;
    updated.links = links.updated;

    const changed = Object.values(created).some(Boolean) || Object.values(updated).some(Boolean);
    if (existing && changed) {
      await m.query(
        `UPDATE competency_frameworks SET title = $2, source = $3, description = $4, rubric = $5::jsonb,
                version = version + 1, updated_at = now() WHERE id = $1`,
        [frameworkId, doc.title, doc.source, doc.description, JSON.stringify(plan.rubric)],
      );
    }
    return {
      dryRun: false,
      changed,
      framework: await this.frameworks.framework(frameworkId, m),
      created,
      updated,
      unchanged: {
        framework: existing && !updated.framework ? 1 : 0,
        items: desired.length - inserts.length - updates.length,
        links: plan.links.length - links.created - links.updated,
      },
      ignoredAssociations: plan.ignoredAssociations,
    };
  }

  /** An import never deletes nodes (evidence and targets may hang on them); nodes added by hand keep their codes. */
  private refuseRemovals(plan: CasePlan, current: ExistingNode[]) {
    const planned = new Set(plan.nodes.map((n) => n.identifier));
    const removed = current.filter((c) => c.caseIdentifier && !planned.has(c.caseIdentifier));
    if (removed.length) {
      const codes = removed.map((c) => c.code);
      const list = `${codes.slice(0, 10).join(', ')}${codes.length > 10 ? `, and ${codes.length - 10} more` : ''}`;
      throw new AppError(
        ErrorCode.Conflict,
        `The package no longer contains ${removed.length} item(s) of this framework (${list}). An import adds and updates but never removes nodes, since evidence and role targets may use them; put the items back in the package`,
        { CFItems: `missing item(s) the framework has: ${list}` },
      );
    }
    const manual = new Map(current.filter((c) => !c.caseIdentifier).map((c) => [c.code, c]));
    const errors: FieldErrors = {};
    for (const n of plan.nodes)
      if (manual.has(n.code))
        errors[`CFItems[${n.index}].humanCodingScheme`] =
          `code ${n.code} is already used by a node added to this framework in the console`;
    if (Object.keys(errors).length)
      throw new AppError(ErrorCode.Conflict, 'Codes of the package clash with nodes added in the console', errors);
  }

  private async applyLinks(
    m: EntityManager,
    districtId: string,
    plan: CasePlan,
    ids: Map<string, string>,
    external: Map<string, string>,
    nodeIds: string[],
  ): Promise<{ created: number; updated: number }> {
    const idOf = (identifier: string) => ids.get(identifier) ?? external.get(identifier)!;
    const existing: { id: string; fromId: string; toId: string; kind: LinkKind }[] = await m.query(
      `SELECT id, from_id AS "fromId", to_id AS "toId", kind FROM crosswalk_links
        WHERE district_id = $1 AND (from_id = ANY($2::uuid[]) OR to_id = ANY($2::uuid[]))`,
      [districtId, nodeIds],
    );
    const byPair = new Map(existing.map((l) => [pairKey(l.fromId, l.toId), l]));
    const add: { from: string; to: string; kind: LinkKind }[] = [];
    const change: { id: string; kind: LinkKind }[] = [];
    for (const l of plan.links) {
      const from = idOf(l.from);
      const to = idOf(l.to);
      const had = byPair.get(pairKey(from, to));
      if (!had) add.push({ from, to, kind: l.kind });
      else if (had.kind !== l.kind) change.push({ id: had.id, kind: l.kind });
    }
    if (add.length) {
      await m.query(
        `INSERT INTO crosswalk_links (district_id, from_id, to_id, kind)
         SELECT $1, u.f, u.t, u.k::crosswalk_kind FROM unnest($2::uuid[], $3::uuid[], $4::text[]) AS u(f, t, k)`,
        [districtId, add.map((a) => a.from), add.map((a) => a.to), add.map((a) => a.kind)],
      );
    }
    if (change.length) {
      await m.query(
        `UPDATE crosswalk_links l SET kind = u.k::crosswalk_kind FROM unnest($1::uuid[], $2::text[]) AS u(id, k) WHERE l.id = u.id`,
        [change.map((c) => c.id), change.map((c) => c.kind)],
      );
    }
    return { created: add.length, updated: change.length };
  }
}

function columns(
  rows: {
    id: string;
    parentId: string | null;
    kind: string;
    code: string;
    title: string;
    description: string;
    position: number;
  }[],
) {
  return [
    rows.map((r) => r.id),
    rows.map((r) => r.parentId),
    rows.map((r) => r.kind),
    rows.map((r) => r.code),
    rows.map((r) => r.title),
    rows.map((r) => r.description),
    rows.map((r) => r.position),
  ];
}
