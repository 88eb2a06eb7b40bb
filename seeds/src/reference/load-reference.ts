import type { EntityManager } from 'typeorm';
import { REFERENCE_FRAMEWORKS, REFERENCE_LINKS } from './frameworks.js';

const DEFAULT_RUBRIC = JSON.stringify([
  { level: 1, label: 'Emerging' },
  { level: 2, label: 'Developing' },
  { level: 3, label: 'Proficient' },
  { level: 4, label: 'Exemplary' },
]);

/**
 * Upserts the shared reference frameworks, their nodes (with their CASE identifiers, which databases loaded
 * before they existed get on the next start) and links: re-running adds nothing new.
 */
export async function loadReferenceData(m: EntityManager): Promise<void> {
  await m.query('SELECT pg_advisory_xact_lock(4242002)');
  const ids = new Map<string, string>();
  for (const f of REFERENCE_FRAMEWORKS) {
    const [fw]: { id: string }[] = await m.query(
      `INSERT INTO competency_frameworks (district_id, key, title, short_name, source, description, rubric)
       VALUES (NULL, $1, $2, $3, $4, 'Reference framework (top level only).', $5::jsonb)
       ON CONFLICT (key) DO UPDATE SET title = EXCLUDED.title, short_name = EXCLUDED.short_name, source = EXCLUDED.source
       RETURNING id`,
      [f.key, f.title, f.shortName, f.source, DEFAULT_RUBRIC],
    );
    for (const [i, n] of f.nodes.entries()) {
      // Codes are not unique in the schema (CASE repeats them); the reference nodes' are, and name them here.
      // (UPDATE … RETURNING inside WITH: TypeORM answers a bare UPDATE with [rows, count].)
      const [found]: { id: string }[] = await m.query(
        `WITH u AS (UPDATE competencies SET title = $3, position = $4, case_identifier = $5
          WHERE framework_id = $1 AND code = $2 RETURNING id) SELECT id FROM u`,
        [fw!.id, n.code, n.title, i, n.caseIdentifier],
      );
      const [node]: { id: string }[] = found
        ? [found]
        : await m.query(
            `INSERT INTO competencies (framework_id, parent_id, kind, code, title, position, case_identifier)
             VALUES ($1, NULL, 'domain', $2, $3, $4, $5) RETURNING id`,
            [fw!.id, n.code, n.title, i, n.caseIdentifier],
          );
      ids.set(n.code, node!.id);
    }
  }
  for (const [from, to] of REFERENCE_LINKS) {
    await m.query(
      `INSERT INTO crosswalk_links (district_id, from_id, to_id, kind) VALUES (NULL, $1, $2, 'related')
       ON CONFLICT (from_id, to_id) DO UPDATE SET kind = EXCLUDED.kind`,
      [ids.get(from), ids.get(to)],
    );
  }
}
