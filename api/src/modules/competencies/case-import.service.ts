import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthContext } from '../../auth/auth-context.js';
import { requireDistrict } from '../../auth/auth-context.js';
import { AppError } from '../../common/errors/app-error.js';
import { ErrorCode } from '../../common/errors/error-code.js';
import type { AppConfig } from '../../config/config.js';
import { APP_CONFIG } from '../../config/config.js';
import { fetchCasePackage } from './case-fetch.js';
import { CASE_LIMITS } from './case-fields.js';
import type { CaseImportResultDto } from './case-import.dto.js';
import type { CasePlan, PlannedNode } from './case-package.js';
import { idKey, readCasePackage } from './case-package.js';
import type { LinkKind, RubricLevel } from './competency.entity.js';
import { FrameworkEditService } from './framework-edit.service.js';
import { assertRubricFits } from './framework-rules.js';

interface ExistingNode {
  id: string;
  caseIdentifier: string | null;
  code: string;
}

class DryRun extends Error {
  constructor(readonly result: CaseImportResultDto) {
    super('dry run');
  }
}

/** How many created and updated items an answer names (the counts are always whole). */
const SAMPLE_SIZE = 20;

const pairKey = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);

/** The columns of a node row as jsonb_to_recordset reads them (nodeRecords writes them). */
const NODE_RECORD = `id uuid, parent_id uuid, kind text, code text, title text, description text, position int, item_type text,
  levels jsonb, list_enumeration text, language text, case_item jsonb`;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/**
 * Text in a JSON parameter as pg sends a text parameter: a lone UTF-16 surrogate (e.g. a statement cut inside an
 * emoji) becomes U+FFFD, where jsonb would refuse the whole parameter.
 */
const wellFormed = <T extends string | null>(s: T): T => (s === null ? s : (s.replace(LONE_SURROGATE, '\uFFFD') as T));

/**
 * CASE 1.0 import (docs/frameworks.md): one transaction creates or brings up to date the district framework
 * keyed by the CFDocument identifier. It adds and updates nodes, never removes them: a package that drops
 * items the framework has is a 409. A repeated import changes nothing.
 */
@Injectable()
export class CaseImportService {
  constructor(
    private readonly db: DataSource,
    private readonly frameworks: FrameworkEditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The same import, of the package a CASE provider serves at `url` (its address kept as the source). */
  async importFromUrl(
    auth: AuthContext,
    url: string,
    dryRun: boolean,
    maxBytes: number,
  ): Promise<{ status: number; result: CaseImportResultDto }> {
    requireDistrict(auth);
    const body = await fetchCasePackage(url, {
      allow: this.config.caseFetchAllow,
      timeoutMs: this.config.caseFetchTimeoutMs,
      maxBytes,
    });
    return this.import(auth, body, dryRun, url);
  }

  async import(
    auth: AuthContext,
    body: unknown,
    dryRun: boolean,
    fetchedFrom?: string,
  ): Promise<{ status: number; result: CaseImportResultDto }> {
    const districtId = requireDistrict(auth);
    const read = readCasePackage(body);
    if (read.plan && fetchedFrom) read.plan.document.sourceUri ??= fetchedFrom;
    if (!read.plan) {
      const total = read.problemKinds.reduce((a, k) => a + k.count, 0);
      const kinds = read.problemKinds.map((k) => `${k.count} ${k.kind}`).join(', ');
      const listed = total > CASE_LIMITS.errors ? `; the first ${CASE_LIMITS.errors} are listed` : '';
      const error = new AppError(
        ErrorCode.ImportInvalid,
        `The CASE package has ${total} problem(s) (${kinds}); nothing was imported${listed}`,
        read.errors,
      );
      error.problemKinds = read.problemKinds;
      throw error;
    }
    const plan = read.plan;
    const key = `${districtId}:${plan.document.identifier}`;
    try {
      const result = await this.db.transaction(async (m) => {
        const r = await this.apply(m, districtId, key, plan);
        if (dryRun) throw new DryRun({ ...r, dryRun: true });
        return r;
      });
      return { status: result.created.framework ? 201 : 200, result };
    } catch (e) {
      if (e instanceof DryRun) return { status: 200, result: e.result };
      throw e;
    }
  }

  /** Nodes outside the package that the package names, by CASE identifier (any case), among frameworks the district reads. */
  private async findNodes(
    m: EntityManager,
    districtId: string,
    frameworkId: string | null,
    keys: string[],
  ): Promise<Map<string, string[]>> {
    if (keys.length === 0) return new Map();
    const rows: { key: string; ids: string[] }[] = await m.query(
      `SELECT lower(c.case_identifier) AS key, array_agg(c.id ORDER BY c.id) AS ids
         FROM competencies c JOIN competency_frameworks f ON f.id = c.framework_id
        WHERE lower(c.case_identifier) = ANY($1::text[]) AND c.case_identifier IS NOT NULL
          AND (f.district_id IS NULL OR f.district_id = $2) AND f.id IS DISTINCT FROM $3
        GROUP BY lower(c.case_identifier)`,
      [[...new Set(keys)], districtId, frameworkId],
    );
    return new Map(rows.map((r) => [r.key, r.ids]));
  }

  private async apply(m: EntityManager, districtId: string, key: string, plan: CasePlan): Promise<CaseImportResultDto> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [key]);
    const doc = plan.document;
    const [existing]: { id: string; rubric: RubricLevel[] }[] = await m.query(
      `SELECT id, rubric FROM competency_frameworks WHERE key = $1 FOR UPDATE`,
      [key],
    );
    const created = { framework: 0, items: 0, links: 0, associations: 0 };
    const updated = { framework: 0, items: 0, links: 0, associations: 0 };
    const fields = [
      doc.title,
      doc.source,
      doc.description,
      JSON.stringify(plan.rubric),
      doc.license ? JSON.stringify(doc.license) : null,
      doc.sourceUri,
      doc.sourceChangedAt,
      JSON.stringify(doc.caseDocument),
      doc.caseDefinitions ? JSON.stringify(doc.caseDefinitions) : null,
    ];
    let frameworkId: string;
    if (!existing) {
      const [row]: { id: string }[] = await m.query(
        `INSERT INTO competency_frameworks (district_id, key, short_name, title, source, description, rubric, license,
                source_uri, source_changed_at, case_document, case_definitions)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10, $11::jsonb, $12::jsonb) RETURNING id`,
        [districtId, key, doc.shortName, ...fields],
      );
      frameworkId = row!.id;
      created.framework = 1;
    } else {
      frameworkId = existing.id;
      if (plan.rubric.length < existing.rubric.length) await assertRubricFits(m, frameworkId, plan.rubric.length);
      // UPDATE … RETURNING inside WITH: TypeORM answers a bare UPDATE with [rows, count], a SELECT with rows.
      const [changedRow] = await m.query(
        `WITH u AS (UPDATE competency_frameworks SET title = $2, source = $3, description = $4, rubric = $5::jsonb, license = $6::jsonb,
                source_uri = $7, source_changed_at = $8, case_document = $9::jsonb, case_definitions = $10::jsonb,
                version = version + 1, updated_at = now()
          WHERE id = $1 AND (title, source, description, rubric, license, source_uri, source_changed_at, case_document, case_definitions)
                IS DISTINCT FROM ($2, $3, $4, $5::jsonb, $6::jsonb, $7, $8, $9::jsonb, $10::jsonb)
          RETURNING id) SELECT id FROM u`,
        [frameworkId, ...fields],
      );
      updated.framework = changedRow ? 1 : 0;
    }

    const current: ExistingNode[] = existing
      ? await m.query(
          `SELECT id, case_identifier AS "caseIdentifier", code FROM competencies WHERE framework_id = $1`,
          [frameworkId],
        )
      : [];
    this.refuseRemovals(plan, current);
    const byKey = new Map(current.filter((c) => c.caseIdentifier).map((c) => [idKey(c.caseIdentifier!), c]));
    const ids = new Map(
      plan.nodes.map((n) => [idKey(n.identifier), byKey.get(idKey(n.identifier))?.id ?? randomUUID()]),
    );
    const rows = plan.nodes.map((n) => ({
      id: ids.get(idKey(n.identifier))!,
      parentId: n.parent ? ids.get(n.parent)! : null,
      node: n,
    }));
    const inserts = rows.filter((r) => !byKey.has(idKey(r.node.identifier)));
    const kept = rows.filter((r) => byKey.has(idKey(r.node.identifier)));
    let changedIds: string[] = [];
    if (inserts.length) {
      await m.query(
        `INSERT INTO competencies (id, framework_id, parent_id, kind, code, title, description, position, item_type,
                education_levels, list_enumeration, language, case_item, case_identifier)
         SELECT u.id, $1, u.parent_id, u.kind::competency_kind, u.code, u.title, u.description, u.position, u.item_type,
                ARRAY(SELECT jsonb_array_elements_text(u.levels)), u.list_enumeration, u.language, u.case_item, u.case_identifier
           FROM jsonb_to_recordset($2::jsonb) AS u(${NODE_RECORD}, case_identifier text)`,
        [frameworkId, nodeRecords(inserts)],
      );
    }
    if (kept.length) {
      // Each changed node gets a new version, so an editor holding the old one reloads instead of undoing the import.
      const changedRows: { id: string }[] = await m.query(
        `WITH changed AS (UPDATE competencies c SET parent_id = u.parent_id, kind = u.kind::competency_kind, code = u.code, title = u.title,
                description = u.description, position = u.position, item_type = u.item_type,
                education_levels = ARRAY(SELECT jsonb_array_elements_text(u.levels)), list_enumeration = u.list_enumeration,
                language = u.language, case_item = u.case_item, version = c.version + 1
           FROM jsonb_to_recordset($1::jsonb) AS u(${NODE_RECORD})
          WHERE c.id = u.id
            AND (c.parent_id, c.kind::text, c.code, c.title, c.description, c.position, c.item_type, c.education_levels,
                 c.list_enumeration, c.language, c.case_item)
                IS DISTINCT FROM (u.parent_id, u.kind, u.code, u.title, u.description, u.position, u.item_type,
                 ARRAY(SELECT jsonb_array_elements_text(u.levels)), u.list_enumeration, u.language, u.case_item)
          RETURNING c.id) SELECT id FROM changed`,
        [nodeRecords(kept)],
      );
      updated.items = changedRows.length;
      changedIds = changedRows.map((r) => r.id);
    }
    created.items = inserts.length;
    // A sample of what changed, for the console's preview of a (dry-run) import.
    const byId = new Map(rows.map((r) => [r.id, r.node]));
    const sample = (list: PlannedNode[]) =>
      list.slice(0, SAMPLE_SIZE).map((n) => ({ code: n.code, title: n.title, itemType: n.itemType }));
    const itemChanges = {
      created: sample(inserts.map((r) => r.node)),
      updated: sample(changedIds.map((id) => byId.get(id)!)),
    };

    // Ends outside the package: nodes of frameworks the district already has, else external links.
    const outside = [
      ...plan.links.filter((l) => l.external).map((l) => (l.external === 'originNodeURI' ? l.from : l.to)),
      ...plan.associations.filter((a) => !a.internal).map((a) => idKey(a.other.identifier)),
    ];
    const found = await this.findNodes(m, districtId, frameworkId, outside);
    const links = await this.applyLinks(m, districtId, plan, ids, found, [...ids.values()]);
    created.links = links.created;
    updated.links = links.updated;
    const associations = await this.applyAssociations(m, frameworkId, plan, ids, found);
    created.associations = associations.created;
    updated.associations = associations.updated;
    const resolved = await this.resolveEarlierLinks(m, districtId, frameworkId);

    const changed =
      Object.values(created).some(Boolean) ||
      Object.values(updated).some(Boolean) ||
      associations.removed > 0 ||
      resolved > 0;
    if (existing && changed && !updated.framework) {
      await m.query(`UPDATE competency_frameworks SET version = version + 1, updated_at = now() WHERE id = $1`, [
        frameworkId,
      ]);
    }
    const [{ external }] = (await m.query(
      `SELECT count(*)::int AS external FROM case_associations WHERE framework_id = $1 AND other_competency_id IS NULL`,
      [frameworkId],
    )) as [{ external: number }];
    return {
      dryRun: false,
      changed,
      framework: await this.frameworks.framework(frameworkId, m),
      created,
      updated,
      unchanged: {
        framework: existing && !updated.framework ? 1 : 0,
        items: kept.length - updated.items,
        links: plan.links.length - links.created - links.updated - links.unresolved,
        associations: plan.associations.length - associations.created - associations.updated,
      },
      removed: { associations: associations.removed },
      externalLinks: external,
      resolvedLinks: resolved,
      itemChanges,
      notices: plan.notices,
      ignoredAssociations: plan.ignoredAssociations,
    };
  }

  /** An import never deletes nodes (evidence and targets may hang on them). */
  private refuseRemovals(plan: CasePlan, current: ExistingNode[]) {
    const planned = new Set(plan.nodes.map((n) => idKey(n.identifier)));
    const removed = current.filter((c) => c.caseIdentifier && !planned.has(idKey(c.caseIdentifier)));
    if (removed.length) {
      const codes = removed.map((c) => c.code);
      const list = `${codes.slice(0, 10).join(', ')}${codes.length > 10 ? `, and ${codes.length - 10} more` : ''}`;
      throw new AppError(
        ErrorCode.Conflict,
        `The package no longer contains ${removed.length} item(s) of this framework (${list}). An import adds and updates but never removes nodes, since evidence and role targets may use them; put the items back in the package`,
        { CFItems: `missing item(s) the framework has: ${list}` },
      );
    }
  }

  private async applyLinks(
    m: EntityManager,
    districtId: string,
    plan: CasePlan,
    ids: Map<string, string>,
    found: Map<string, string[]>,
    nodeIds: string[],
  ): Promise<{ created: number; updated: number; unresolved: number }> {
    const existing: { id: string; fromId: string; toId: string; kind: LinkKind }[] = await m.query(
      `SELECT id, from_id AS "fromId", to_id AS "toId", kind FROM crosswalk_links
        WHERE district_id = $1 AND (from_id = ANY($2::uuid[]) OR to_id = ANY($2::uuid[]))`,
      [districtId, nodeIds],
    );
    const byPair = new Map(existing.map((l) => [pairKey(l.fromId, l.toId), l]));
    const add = new Map<string, { from: string; to: string; kind: LinkKind }>();
    const change: { id: string; kind: LinkKind }[] = [];
    let unresolved = 0;
    for (const l of plan.links) {
      const froms = ids.has(l.from) ? [ids.get(l.from)!] : (found.get(l.from) ?? []);
      const tos = ids.has(l.to) ? [ids.get(l.to)!] : (found.get(l.to) ?? []);
      if (froms.length === 0 || tos.length === 0) unresolved++;
      for (const from of froms)
        for (const to of tos) {
          const pair = pairKey(from, to);
          const had = byPair.get(pair);
          if (!had && !add.has(pair)) add.set(pair, { from, to, kind: l.kind });
          else if (had && had.kind !== l.kind) change.push({ id: had.id, kind: l.kind });
        }
    }
    const adds = [...add.values()];
    if (adds.length) {
      await m.query(
        `INSERT INTO crosswalk_links (district_id, from_id, to_id, kind)
         SELECT $1, u.f, u.t, u.k::crosswalk_kind FROM unnest($2::uuid[], $3::uuid[], $4::text[]) AS u(f, t, k)`,
        [districtId, adds.map((a) => a.from), adds.map((a) => a.to), adds.map((a) => a.kind)],
      );
    }
    if (change.length) {
      await m.query(
        `UPDATE crosswalk_links l SET kind = u.k::crosswalk_kind FROM unnest($1::uuid[], $2::text[]) AS u(id, k) WHERE l.id = u.id`,
        [change.map((c) => c.id), change.map((c) => c.kind)],
      );
    }
    return { created: adds.length, updated: change.length, unresolved };
  }

  /** The associations kept as published: the package's set replaces the framework's (they carry no evidence). */
  private async applyAssociations(
    m: EntityManager,
    frameworkId: string,
    plan: CasePlan,
    ids: Map<string, string>,
    found: Map<string, string[]>,
  ): Promise<{ created: number; updated: number; removed: number }> {
    // One JSON parameter read with jsonb_to_recordset (see nodeRecords).
    const desired = plan.associations.map((a) => {
      const otherKey = idKey(a.other.identifier);
      return {
        competency_id: ids.get(a.node)!,
        node_end: a.nodeEnd,
        association_type: wellFormed(a.type),
        other_identifier: wellFormed(a.other.identifier),
        other_uri: wellFormed(a.other.uri),
        other_title: wellFormed(a.other.title),
        other_competency_id: (a.internal ? ids.get(otherKey) : found.get(otherKey)?.[0]) ?? null,
        sequence_number: a.sequence,
        case_identifier: wellFormed(a.identifier),
      };
    });
    const [counts]: { created: number; updated: number; removed: number }[] = await m.query(
      `WITH d AS (
         SELECT * FROM jsonb_to_recordset($2::jsonb)
           AS u(competency_id uuid, node_end text, association_type text, other_identifier text, other_uri text,
                other_title text, other_competency_id uuid, sequence_number int, case_identifier text)
       ), gone AS (
         DELETE FROM case_associations a WHERE a.framework_id = $1 AND NOT EXISTS (
           SELECT 1 FROM d WHERE d.competency_id = a.competency_id AND d.node_end = a.node_end
             AND d.association_type = a.association_type AND lower(d.other_identifier) = lower(a.other_identifier))
         RETURNING 1
       ), upserted AS (
         INSERT INTO case_associations (framework_id, competency_id, node_end, association_type, other_identifier, other_uri,
                other_title, other_competency_id, sequence_number, case_identifier)
         SELECT $1, d.competency_id, d.node_end, d.association_type, d.other_identifier, d.other_uri, d.other_title,
                d.other_competency_id, d.sequence_number, d.case_identifier FROM d
         ON CONFLICT (competency_id, node_end, association_type, lower(other_identifier)) DO UPDATE
            SET other_identifier = EXCLUDED.other_identifier, other_uri = EXCLUDED.other_uri, other_title = EXCLUDED.other_title,
                other_competency_id = COALESCE(EXCLUDED.other_competency_id, case_associations.other_competency_id),
                sequence_number = EXCLUDED.sequence_number, case_identifier = EXCLUDED.case_identifier
          WHERE (case_associations.other_identifier, case_associations.other_uri, case_associations.other_title,
                 case_associations.sequence_number, case_associations.case_identifier)
                IS DISTINCT FROM (EXCLUDED.other_identifier, EXCLUDED.other_uri, EXCLUDED.other_title,
                 EXCLUDED.sequence_number, EXCLUDED.case_identifier)
             OR (EXCLUDED.other_competency_id IS NOT NULL
                 AND case_associations.other_competency_id IS DISTINCT FROM EXCLUDED.other_competency_id)
         RETURNING (xmax = 0) AS inserted
       )
       SELECT (SELECT count(*) FROM upserted WHERE inserted)::int AS created,
              (SELECT count(*) FROM upserted WHERE NOT inserted)::int AS updated,
              (SELECT count(*) FROM gone)::int AS removed`,
      [frameworkId, JSON.stringify(desired)],
    );
    return counts!;
  }

  /**
   * Links other frameworks of the district hold to nodes that this import has just brought: they now point at
   * them, and exactMatchOf / isRelatedTo become crosswalk links, in this import's transaction.
   */
  private async resolveEarlierLinks(m: EntityManager, districtId: string, frameworkId: string): Promise<number> {
    const resolved: { competencyId: string; nodeEnd: string; type: string; otherId: string }[] = await m.query(
      `WITH r AS (UPDATE case_associations a SET other_competency_id = c.id
         FROM competencies c, competency_frameworks af
        WHERE a.other_competency_id IS NULL AND c.framework_id = $2 AND c.case_identifier IS NOT NULL
          AND lower(a.other_identifier) = lower(c.case_identifier)
          AND af.id = a.framework_id AND af.district_id = $1 AND a.framework_id <> $2
        RETURNING a.competency_id AS "competencyId", a.node_end AS "nodeEnd", a.association_type AS type, c.id AS "otherId")
       SELECT * FROM r`,
      [districtId, frameworkId],
    );
    const crosswalk = resolved.filter((r) => r.type === 'exactMatchOf' || r.type === 'isRelatedTo');
    if (crosswalk.length) {
      const from = crosswalk.map((r) => (r.nodeEnd === 'origin' ? r.competencyId : r.otherId));
      const to = crosswalk.map((r) => (r.nodeEnd === 'origin' ? r.otherId : r.competencyId));
      await m.query(
        `INSERT INTO crosswalk_links (district_id, from_id, to_id, kind)
         SELECT DISTINCT ON (least(u.f, u.t), greatest(u.f, u.t)) $1::uuid, u.f, u.t, u.k::crosswalk_kind
           FROM unnest($2::uuid[], $3::uuid[], $4::text[]) AS u(f, t, k)
          WHERE NOT EXISTS (SELECT 1 FROM crosswalk_links l
                             WHERE (l.from_id = u.f AND l.to_id = u.t) OR (l.from_id = u.t AND l.to_id = u.f))
          ORDER BY least(u.f, u.t), greatest(u.f, u.t), u.k`,
        [districtId, from, to, crosswalk.map((r) => (r.type === 'exactMatchOf' ? 'exact' : 'related'))],
      );
    }
    return resolved.length;
  }
}

/**
 * Node rows as one JSON parameter, read in SQL with jsonb_to_recordset. Sent as a dozen array parameters
 * instead, pg escapes every element of every array in JavaScript (the published items twice over, as JSON
 * inside an array literal): about 10× the CPU time of one JSON.stringify, and as many strings to collect.
 */
function nodeRecords(rows: { id: string; parentId: string | null; node: PlannedNode }[]): string {
  return JSON.stringify(
    rows.map((r) => ({
      id: r.id,
      parent_id: r.parentId,
      kind: r.node.kind,
      code: wellFormed(r.node.code),
      title: wellFormed(r.node.title),
      description: wellFormed(r.node.description),
      position: r.node.position,
      item_type: wellFormed(r.node.itemType),
      levels: r.node.educationLevels,
      list_enumeration: wellFormed(r.node.listEnumeration),
      language: wellFormed(r.node.language),
      // As published (jsonb refuses a lone surrogate here, as it did before; the fields above are read from it).
      case_item: r.node.caseItem,
      case_identifier: wellFormed(r.node.identifier),
    })),
  );
}
