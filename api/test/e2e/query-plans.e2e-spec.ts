import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { QueryRecorder } from '../../src/database/query-recorder.js';
import type { GateStatement } from '../../src/diagnostics/explain-gate.js';
import {
  BIG_TABLES,
  explainGate,
  FACT_TABLES,
  formatViolations,
  gateStatements,
} from '../../src/diagnostics/explain-gate.js';
import type { CatalogIds, CatalogRole } from '../../src/diagnostics/request-catalog.js';
import { catalogUrl, REQUEST_CATALOG } from '../../src/diagnostics/request-catalog.js';
import type { Fixture } from '../dashboard/fixture.js';
import { buildFixture } from '../dashboard/fixture.js';
import { createTestApp, TestApp } from '../test-app.js';

const now = new Date();
const startYear = now.getUTCMonth() >= 6 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;

/**
 * The small version of the bench's EXPLAIN gate: every catalog read (lists with each documented filter and
 * sort, candidate detail, dashboards) is sent through the app, its SQL recorded and planned with
 * `enable_seqscan = off`, so a Seq Scan (or an index read without a condition) of a table that is big at
 * state scale means no index can serve the statement.
 */
describe('query plans of the request catalog', () => {
  const recorder = new QueryRecorder();
  let t: TestApp;
  let fx: Fixture;
  let tokens: Record<CatalogRole, string>;
  let ids: CatalogIds;

  beforeAll(async () => {
    t = await createTestApp({}, { queryLogger: recorder });
    fx = await buildFixture(t);
    tokens = { hr: await t.login(fx.emails.hr), principal: await t.login(fx.emails.principal) };
    const one = async (sql: string, params: unknown[]) => ((await t.db.query(sql, params)) as { id: string }[])[0]!.id;
    const [candidate] = (await t.db.query(
      `SELECT c.id, c.educator_id AS "educatorId" FROM candidates c JOIN educators e ON e.id = c.educator_id
        WHERE c.district_id = $1 AND e.school_id = $2 ORDER BY c.id LIMIT 1`,
      [fx.d, fx.schools.alder],
    )) as { id: string; educatorId: string }[];
    ids = {
      candidateId: candidate!.id,
      educatorId: candidate!.educatorId,
      schoolId: fx.schools.alder,
      roleId: fx.roles.principal,
      userId: await one(`SELECT id FROM users WHERE email = $1`, [fx.emails.hr]),
      competencyId: fx.nodes.k1,
      assignmentId: await one(`SELECT id FROM assignments WHERE district_id = $1 ORDER BY id LIMIT 1`, [fx.d]),
      schoolYear: `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`,
    };
    await t.db.query('ANALYZE');
  });
  afterAll(() => t.close());

  it('flags a statement no index serves', async () => {
    const violations = await explainGate(
      t.db,
      [
        {
          label: 'unindexed list',
          kind: 'list',
          sql: 'SELECT id FROM evidence WHERE length(note) = $1',
          parameters: [5],
        },
        {
          label: 'unindexed dashboard',
          kind: 'dashboard',
          sql: 'SELECT count(*) FROM stage_transitions WHERE reason = $1',
          parameters: ['x'],
        },
        { label: 'small table', kind: 'list', sql: 'SELECT id FROM districts WHERE name = $1', parameters: ['x'] },
      ],
      { seqScanOff: true, rowThreshold: 0, factTables: FACT_TABLES, tables: BIG_TABLES },
    );
    expect(violations.map((v) => [v.label, v.rule, v.table])).toEqual([
      ['unindexed list', 'seq-scan', 'evidence'],
      ['unindexed dashboard', 'fact-seq-scan', 'stage_transitions'],
    ]);
  });

  it('reads no big table whole: every list, detail and dashboard statement is served by an index', async () => {
    const statements: GateStatement[] = [];
    for (const request of REQUEST_CATALOG) {
      const url = catalogUrl(request, ids);
      recorder.start();
      const res = await t.http().get(url).auth(tokens[request.role], { type: 'bearer' });
      const recorded = recorder.stop();
      if (res.status !== 200) throw new Error(`${url} (${request.role}): ${res.status} ${JSON.stringify(res.body)}`);
      statements.push(...gateStatements(recorded, request.kind, `${request.name} (${request.role})`));
    }
    expect(statements.length).toBeGreaterThan(REQUEST_CATALOG.length);
    // Each dashboard aggregate over the history is planned with the memory its transaction sets (it decides
    // hash or sort); one that reads only the kept counts needs none.
    const fact = new RegExp(`\\b(${FACT_TABLES.join('|')})\\b`);
    const overHistory = statements.filter((s) => s.kind === 'dashboard' && fact.test(s.sql));
    expect(overHistory.length).toBeGreaterThan(0);
    expect(overHistory.filter((s) => !s.setup?.some((x) => /^SET LOCAL work_mem/.test(x))).map((s) => s.label)).toEqual(
      [],
    );
    // Every dashboard is in the gate.
    const dashboards = REQUEST_CATALOG.filter((r) => r.kind === 'dashboard').map((r) => `${r.name} (${r.role})`);
    const gated = new Set(statements.map((s) => s.label.split(' #')[0]));
    expect(dashboards.filter((d) => !gated.has(d))).toEqual([]);
    const violations = await explainGate(t.db, statements, {
      seqScanOff: true,
      rowThreshold: 0,
      factTables: FACT_TABLES,
      tables: BIG_TABLES,
    });
    expect(formatViolations(violations)).toBe('');
  });
});
