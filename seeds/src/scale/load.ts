import {
  EQUITY_COUNTS_SELECT,
  EQUITY_FACTS_SELECT,
  FUNNEL_COUNTS_SELECT,
  LATEST_RATINGS_SELECT,
  NOMINATION_COUNTS_SELECT,
  NOMINATION_FACTS_SELECT,
  OPEN_STAYS_SELECT,
  SORT_KEY_MISMATCHES,
  STAGE_STAYS_SELECT,
  STAY_DURATIONS_SELECT,
  TARGET_LEVELS_SELECT,
} from '@emerge/api';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { REFERENCE_FRAMEWORKS, REFERENCE_LINKS } from '../reference/frameworks.js';
import { uuid } from './hash.js';
import { T } from './plan.js';
import type { TableRows } from './rows.js';

/** Lines joined into ~256 kB chunks: one stream write per chunk, not per row. */
async function* chunks(lines: Iterable<string>): AsyncGenerator<string> {
  let buf = '';
  for (const l of lines) {
    buf += l;
    if (buf.length >= 262_144) {
      yield buf;
      buf = '';
    }
  }
  if (buf) yield buf;
}

export interface Copied {
  table: string;
  rows: number;
  /** sha256 of the COPY text sent: same seed → same digest. */
  sha: string;
  seconds: number;
}

/**
 * Streams the rows into the table with COPY. `freeze` (only for a table nothing references, in a session
 * that skips triggers): truncate and COPY FREEZE in one transaction, so the rows need no vacuum.
 */
export async function copyTable(client: pg.Client, t: TableRows, freeze = false): Promise<Copied> {
  const t0 = Date.now();
  const sha = createHash('sha256');
  const sql = `COPY "${t.table}" (${t.columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN${freeze ? ' WITH (FREEZE)' : ''}`;
  if (freeze) await client.query(`BEGIN; TRUNCATE "${t.table}"`);
  const stream = client.query(copyFrom(sql));
  const hashed = async function* () {
    for await (const chunk of chunks(t.rows())) {
      sha.update(chunk);
      yield chunk;
    }
  };
  await pipeline(Readable.from(hashed()), stream);
  if (freeze) await client.query('COMMIT');
  return {
    table: t.table,
    rows: Number(stream.rowCount ?? 0),
    sha: sha.digest('hex'),
    seconds: (Date.now() - t0) / 1000,
  };
}

/** The reference frameworks with generated ids, before loadReferenceData (which then only finds them). */
export async function insertReference(client: pg.Client): Promise<void> {
  const rubric = JSON.stringify([
    { level: 1, label: 'Emerging' },
    { level: 2, label: 'Developing' },
    { level: 3, label: 'Proficient' },
    { level: 4, label: 'Exemplary' },
  ]);
  const ids = new Map<string, string>();
  let k = 0;
  for (const [f, fw] of REFERENCE_FRAMEWORKS.entries()) {
    const at = '2022-01-01T00:00:00Z';
    await client.query(
      `INSERT INTO competency_frameworks (id, created_at, updated_at, district_id, key, title, short_name, source, description, rubric)
       VALUES ($1, $2, $2, NULL, $3, $4, $5, $6, 'Reference framework (top level only).', $7::jsonb)`,
      [uuid(T.framework, f), at, fw.key, fw.title, fw.shortName, fw.source, rubric],
    );
    for (const [i, n] of fw.nodes.entries()) {
      const id = uuid(T.competency, k++);
      ids.set(n.code, id);
      await client.query(
        `INSERT INTO competencies (id, framework_id, parent_id, kind, code, title, position, case_identifier)
         VALUES ($1, $2, NULL, 'domain', $3, $4, $5, $6)`,
        [id, uuid(T.framework, f), n.code, n.title, i, n.caseIdentifier],
      );
    }
  }
  for (const [i, [from, to]] of REFERENCE_LINKS.entries()) {
    await client.query(
      `INSERT INTO crosswalk_links (id, district_id, from_id, to_id, kind) VALUES ($1, NULL, $2, $3, 'related')`,
      [uuid(T.link, i), ids.get(from), ids.get(to)],
    );
  }
}

/**
 * Secondary indexes of the loaded tables are dropped before the load and built afterwards (a sorted build
 * is many times faster than keeping them up to date row by row); constraint indexes stay.
 */
export async function dropSecondaryIndexes(client: pg.Client, tables: string[]): Promise<string[]> {
  const { rows } = await client.query<{ name: string; def: string }>(
    `SELECT i.indexname AS name, i.indexdef AS def
       FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
      ORDER BY i.tablename, i.indexname`,
    [tables],
  );
  for (const r of rows) await client.query(`DROP INDEX "${r.name}"`);
  return rows.map((r) => r.def);
}

/**
 * Per table: row count and an order-independent checksum (sum of each row's md5 prefix). Same seed → same
 * figures; a single changed value changes them.
 */
export async function checksums(
  client: pg.Client,
  tables: string[],
): Promise<{ table: string; rows: number; sum: string }[]> {
  const out = [];
  for (const t of tables) {
    const { rows } = await client.query<{ n: string; s: string | null }>(
      `SELECT count(*)::text AS n, sum(('x' || left(md5(t::text), 15))::bit(60)::bigint)::text AS s FROM "${t}" t`,
    );
    out.push({ table: t, rows: Number(rows[0]!.n), sum: rows[0]!.s ?? '0' });
  }
  return out;
}

export function overall(sums: { table: string; rows: number; sum: string }[]): string {
  const h = createHash('sha256');
  for (const s of sums) h.update(`${s.table}:${s.rows}:${s.sum}\n`);
  return h.digest('hex').slice(0, 16);
}

/** One digest for a table loaded in parts, from the parts' digests in order. */
export function combine(parts: Copied[]): Copied {
  const h = createHash('sha256');
  for (const p of parts) h.update(p.sha);
  return {
    table: parts[0]!.table,
    rows: parts.reduce((a, p) => a + p.rows, 0),
    sha: parts.length === 1 ? parts[0]!.sha : h.digest('hex'),
    seconds: Math.max(...parts.map((p) => p.seconds)),
  };
}

/** Rows of each kept table missing from its definition, plus the definition's rows missing from the table. */
const differing = (tables: [string, string][]) =>
  `SELECT ${tables
    .map(
      ([table, definition]) =>
        `(SELECT count(*) FROM ((TABLE ${table} EXCEPT (${definition})) UNION ALL ((${definition}) EXCEPT TABLE ${table})) x)`,
    )
    .join(' + ')} AS count`;

/**
 * What per-row upkeep would have given, recounted set-based and compared with what the load wrote: each
 * figure must be 0.
 */
export const CONSISTENCY_CHECKS: Record<string, string> = {
  'candidates whose stage is not their last transition': `
    SELECT count(*) FROM candidates c
      JOIN LATERAL (SELECT t.to_stage, t.created_at FROM stage_transitions t
                     WHERE t.candidate_id = c.id ORDER BY t.created_at DESC LIMIT 1) l ON true
     WHERE l.to_stage <> c.stage OR l.created_at <> c.stage_entered_at`,
  'candidates without history': `SELECT count(*) FROM candidates c WHERE NOT EXISTS (SELECT 1 FROM stage_transitions t WHERE t.candidate_id = c.id)`,
  'transitions that do not follow the previous one': `
    SELECT count(*) FROM (SELECT from_stage, lag(to_stage) OVER (PARTITION BY candidate_id ORDER BY created_at) AS prev
                            FROM stage_transitions) x
     WHERE x.from_stage IS DISTINCT FROM x.prev`,
  'opportunities whose seats_taken is not the live assignments': `
    SELECT count(*) FROM development_opportunities o
     WHERE o.seats_taken <> (SELECT count(*) FROM assignments a WHERE a.opportunity_id = o.id AND a.status <> 'withdrawn')`,
  'filled positions whose incumbent is not the holder of their open tenure, or vacant ones with one': `
    SELECT count(*) FROM positions p
     WHERE (p.incumbent_educator_id IS NOT NULL) <> EXISTS (
             SELECT 1 FROM seat_tenures t
              WHERE t.position_id = p.id AND t.ended_on IS NULL AND t.educator_id = p.incumbent_educator_id)
        OR (p.incumbent_educator_id IS NULL AND EXISTS (
             SELECT 1 FROM seat_tenures t WHERE t.position_id = p.id AND t.ended_on IS NULL))`,
  'positions whose status does not follow the incumbent': `
    SELECT count(*) FROM positions WHERE (status = 'filled') <> (incumbent_educator_id IS NOT NULL)`,
  'approved nominations without their candidate': `
    SELECT count(*) FROM nominations n WHERE n.status = 'approved'
       AND NOT EXISTS (SELECT 1 FROM candidates c WHERE c.id = n.candidate_id AND c.educator_id = n.educator_id AND c.role_id = n.target_role_id)`,
  'latest ratings differing from the evidence (rows either side)': differing([
    ['latest_ratings', LATEST_RATINGS_SELECT],
  ]),
  'target levels differing from the latest ratings (rows either side)': differing([
    ['target_levels', TARGET_LEVELS_SELECT],
  ]),
  'stays differing from the transition history (rows either side)': differing([['stage_stays', STAGE_STAYS_SELECT]]),
  'stay counts differing from the stays (rows either side)': differing([
    ['stay_durations', STAY_DURATIONS_SELECT],
    ['open_stays', OPEN_STAYS_SELECT],
  ]),
  'funnel counts differing from the transition history (rows either side)': differing([
    ['funnel_counts', FUNNEL_COUNTS_SELECT],
  ]),
  'equity and nomination cells and counts differing from their sources (rows either side)': differing([
    ['equity_facts', EQUITY_FACTS_SELECT],
    ['equity_counts', EQUITY_COUNTS_SELECT],
    ['nomination_facts', NOMINATION_FACTS_SELECT],
    ['nomination_counts', NOMINATION_COUNTS_SELECT],
  ]),
  'readiness on candidates not matching their latest assessment': `
    SELECT count(*) FROM candidates c
     WHERE c.readiness <> coalesce((SELECT r.band FROM readiness_assessments r WHERE r.candidate_id = c.id
                                      ORDER BY r.confirmed_at DESC LIMIT 1), 'not_assessed')`,
  ...Object.fromEntries(
    SORT_KEY_MISMATCHES.map(({ table, sql }) => [
      `${table} whose sort keys differ from their sources`,
      `SELECT n AS count FROM (${sql}) x`,
    ]),
  ),
};
