import {
  createDataSource,
  EQUITY_COUNTS_SELECT,
  EQUITY_FACTS_SELECT,
  FUNNEL_COUNTS_SELECT,
  LATEST_RATINGS_SELECT,
  migrate,
  NOMINATION_COUNTS_SELECT,
  NOMINATION_FACTS_SELECT,
  OPEN_STAYS_SELECT,
  SORT_KEY_FILL,
  STAGE_STAYS_SELECT,
  STAY_DURATIONS_SELECT,
  TARGET_LEVELS_SELECT,
} from '@emerge/api';
import { hash } from '@node-rs/argon2';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { loadReferenceData } from '../reference/load-reference.js';
import { DEMO_PASSWORD } from '../scenarios/demo-district.js';
import {
  checksums,
  combine,
  CONSISTENCY_CHECKS,
  copyTable,
  dropSecondaryIndexes,
  insertReference,
  overall,
  type Copied,
} from './load.js';
import { Plan } from './plan.js';
import { Rows } from './rows.js';
import { writeSeatHistory } from './seat-history.js';
import type { Tier } from './tiers.js';
import type { CopyJob } from './worker.js';

export interface ScaleSummary {
  tier: string;
  seed: number;
  asOf: string;
  /** Over every table's row count and checksum, in load order. */
  checksum: string;
  seconds: number;
  tables: { table: string; rows: number; sum: string }[];
  copySeconds: Record<string, number>;
}

// The compiled worker, also when this module runs from its TypeScript source (tests).
const WORKER = fileURLToPath(new URL('../../dist/scale/worker.js', import.meta.url));

/**
 * Generates a tier into an empty, migrated-or-empty database at `url`: COPY with triggers skipped and
 * secondary indexes rebuilt, then every foreign key and derived figure checked set-based (throws when one
 * is off). `dbChecksum`: checksums read back from the tables instead of the COPY streams.
 */
export async function generateScale(options: {
  url: string;
  tier: Tier;
  seed: number;
  asOf: number;
  dbChecksum?: boolean;
  log?: (line: string) => void;
}): Promise<ScaleSummary> {
  const { url, tier, seed, asOf } = options;
  const say = options.log ?? (() => undefined);
  const started = Date.now();
  const secs = (t0: number) => ((Date.now() - t0) / 1000).toFixed(1);
  await migrate(url);
  let t0 = Date.now();
  const plan = new Plan(tier, seed, asOf);
  const passwordHash = await hash(DEMO_PASSWORD, {
    memoryCost: 19456,
    timeCost: 2,
    parallelism: 1,
    salt: new TextEncoder().encode(`emerge-scale-${seed}`.padEnd(16, '.')),
  });
  const rows = new Rows(plan, passwordHash);
  say(`Planned ${plan.C.toLocaleString('en-US')} candidates in ${secs(t0)} s`);

  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined); // the server stopping at the end of a failed run
  await client.connect();
  await client.query(`SET TimeZone = 'UTC'; SET maintenance_work_mem = '512MB'; SET synchronous_commit = off`);
  const { rows: su } = await client.query<{ s: boolean }>(
    'SELECT rolsuper AS s FROM pg_roles WHERE rolname = current_user',
  );
  const superuser = su[0]?.s === true;

  // Small tables here; the big ones each in a worker thread with its own connection, three at a time, so
  // generation and PostgreSQL keep both cores busy.
  const small = [
    rows.districts(),
    rows.schools(),
    rows.roles(),
    rows.roleTargets(),
    rows.users(),
    rows.userSchools(),
    rows.readiness(),
    rows.opportunities(),
    rows.opportunityCompetencies(),
    rows.assignments(),
    rows.positions(),
  ];
  const AUDIT_PARTS = 2;
  const jobs: Omit<CopyJob, 'url' | 'tier' | 'seed' | 'asOf' | 'passwordHash' | 'superuser'>[] = [
    ...Array.from({ length: AUDIT_PARTS }, (_, part) => ({
      table: 'audit' as const,
      part,
      parts: AUDIT_PARTS,
      freeze: false,
    })),
    { table: 'evidence', part: 0, parts: 1, freeze: true },
    { table: 'transitions', part: 0, parts: 1, freeze: true },
    { table: 'educators', part: 0, parts: 1, freeze: false },
    { table: 'candidates', part: 0, parts: 1, freeze: false },
    { table: 'nominations', part: 0, parts: 1, freeze: false },
  ];
  const names = [
    ...small.map((t) => t.table),
    'educators',
    'nominations',
    'candidates',
    'stage_transitions',
    'evidence',
    'audit_log',
  ];

  // Triggers (audit capture, and foreign-key checks as a superuser) are skipped during the load: the audit
  // rows are generated, and references are checked set-based afterwards.
  if (superuser) await client.query(`SET session_replication_role = replica`);
  else for (const t of names) await client.query(`ALTER TABLE "${t}" DISABLE TRIGGER USER`);
  await insertReference(client);
  // Finds every reference row already there (same keys and codes): nothing added, nothing renumbered.
  const ds = createDataSource(url);
  await ds.initialize();
  await ds.transaction((m) => loadReferenceData(m));
  await ds.destroy();
  const indexes = await dropSecondaryIndexes(client, names);

  const loadStarted = Date.now();
  const copied: Copied[] = [];
  const report = (c: Copied) =>
    say(
      `  ${c.table.padEnd(26)} ${c.rows.toLocaleString('en-US').padStart(12)} rows  ${c.seconds.toFixed(1).padStart(6)} s`,
    );
  for (const t of small) {
    const c = await copyTable(client, t);
    copied.push(c);
    report(c);
  }
  const common = { url, tier, seed, asOf, passwordHash, superuser };
  const results: { part: number; copied: Copied }[] = [];
  const queue = [...jobs];
  const run = async (): Promise<void> => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const result = await new Promise<Copied>((resolveJob, rejectJob) => {
        const w = new Worker(WORKER, { workerData: { ...common, ...job } });
        w.once('message', resolveJob);
        w.once('error', rejectJob);
        w.once('exit', (code) => code !== 0 && rejectJob(new Error(`the ${job.table} loader stopped (${code})`)));
      });
      if (job.table !== 'audit') report(result);
      results.push({ part: job.part, copied: result });
    }
  };
  await Promise.all([run(), run(), run()]);
  const audit = combine(
    results
      .filter((r) => r.copied.table === 'audit_log')
      .sort((x, y) => x.part - y.part)
      .map((r) => r.copied),
  );
  report(audit);
  copied.push(...results.map((r) => r.copied).filter((c) => c.table !== 'audit_log'), audit);
  say(`Loaded in ${secs(loadStarted)} s`);

  // The one maintained count the load skipped: seats taken, recounted set-based.
  await client.query(`UPDATE development_opportunities o SET seats_taken = x.n
                        FROM (SELECT opportunity_id, count(*)::int AS n FROM assignments WHERE status <> 'withdrawn'
                               GROUP BY opportunity_id) x
                       WHERE x.opportunity_id = o.id`);
  // And the summaries the history triggers keep, from their set-based definitions (checked below).
  t0 = Date.now();
  await client.query('TRUNCATE latest_ratings, target_levels, stage_stays, stay_durations, open_stays, funnel_counts');
  await client.query(
    `INSERT INTO latest_ratings (candidate_id, competency_id, district_id, observed_on, level) ${LATEST_RATINGS_SELECT}`,
  );
  await client.query(
    `INSERT INTO target_levels (candidate_id, competency_id, district_id, role_id, level) ${TARGET_LEVELS_SELECT}`,
  );
  await client.query(
    `INSERT INTO stage_stays (transition_id, district_id, candidate_id, stage, entered_at, left_at) ${STAGE_STAYS_SELECT}`,
  );
  await client.query(`INSERT INTO stay_durations (district_id, stage, school_year, days, n) ${STAY_DURATIONS_SELECT}`);
  await client.query(`INSERT INTO open_stays (district_id, stage, entered_on, n) ${OPEN_STAYS_SELECT}`);
  await client.query(`INSERT INTO funnel_counts (district_id, school_year, kind, key, n) ${FUNNEL_COUNTS_SELECT}`);
  // Disclosure keys, drawn from the seed so that the same seed gives the same equity figures.
  await client.query('TRUNCATE disclosure_keys');
  await client.query(
    `INSERT INTO disclosure_keys (educator_id, key) SELECT id, (hashtextextended(id::text, $1) & 2147483647)::int FROM educators`,
    [seed],
  );
  // Equity cells need the keys.
  await client.query('TRUNCATE equity_facts, equity_counts');
  await client.query(
    `INSERT INTO equity_facts (educator_id, district_id, school_year, col, gender, race_ethnicity, key) ${EQUITY_FACTS_SELECT}`,
  );
  await client.query(
    `INSERT INTO equity_counts (district_id, dimension, school_year, col, grp, n, ks) ${EQUITY_COUNTS_SELECT}`,
  );
  await client.query('TRUNCATE nomination_facts, nomination_counts');
  await client.query(
    `INSERT INTO nomination_facts (educator_id, district_id, school_key, school_year, col, n, last_at) ${NOMINATION_FACTS_SELECT}`,
  );
  await client.query(
    `INSERT INTO nomination_counts (district_id, school_key, school_year, col, n, last_at) ${NOMINATION_COUNTS_SELECT}`,
  );
  // Sort keys the row triggers would have written (migration AddSortKeys).
  for (const fill of SORT_KEY_FILL) await client.query(fill);
  say(
    `Rebuilt latest_ratings, target_levels, stage_stays, the dashboards' counts, disclosure_keys and sort keys in ${secs(t0)} s`,
  );

  t0 = Date.now();
  for (const def of indexes) await client.query(def);
  say(`Built ${indexes.length} secondary indexes in ${secs(t0)} s`);
  // The seat history the vacancy forecast learns from, before the triggers are back (a district's update would
  // be audited); its foreign keys are checked below with the rest.
  t0 = Date.now();
  const tenures = await writeSeatHistory(client, options.seed, options.asOf);
  // The seats' incumbents are the history's last holders now: their sort keys again.
  for (const fill of SORT_KEY_FILL) await client.query(fill);
  say(`Wrote ${tenures.toLocaleString('en-US')} seat tenures (five school years of seat history) in ${secs(t0)} s`);
  if (superuser) await client.query(`SET session_replication_role = DEFAULT`);
  else for (const t of names) await client.query(`ALTER TABLE "${t}" ENABLE TRIGGER USER`);

  // Frozen tables are all-visible already; the rest are vacuumed for index-only scans; the audit log only
  // needs statistics.
  t0 = Date.now();
  for (const t of names) {
    const frozen = jobs.some((j) => j.freeze && (j.table === 'transitions' ? 'stage_transitions' : j.table) === t);
    await client.query(frozen || t === 'audit_log' ? `ANALYZE "${t}"` : `VACUUM (ANALYZE) "${t}"`);
  }
  // The reference tables too: never analysed, the planner would guess their size.
  await client.query('ANALYZE competency_frameworks, competencies, crosswalk_links');
  await client.query(
    'VACUUM (ANALYZE) latest_ratings, stage_stays, stay_durations, open_stays, funnel_counts, disclosure_keys, seat_tenures',
  );
  say(`Vacuumed and analysed in ${secs(t0)} s`);

  t0 = Date.now();
  const problems: string[] = [];
  for (const [what, sql] of Object.entries(CONSISTENCY_CHECKS)) {
    const { rows: r } = await client.query<{ count: string }>(sql);
    if (Number(r[0]!.count) !== 0) problems.push(`${r[0]!.count} ${what}`);
  }
  // Every foreign key, as the skipped triggers would have checked it row by row.
  const { rows: fks } = await client.query<{
    tbl: string;
    name: string;
    cols: string[];
    ref: string;
    refcols: string[];
  }>(
    `SELECT c.conrelid::regclass::text AS tbl, c.conname AS name, c.confrelid::regclass::text AS ref,
            array(SELECT a.attname::text FROM unnest(c.conkey) k JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k) AS cols,
            array(SELECT a.attname::text FROM unnest(c.confkey) k JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k) AS refcols
       FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace`,
  );
  for (const fk of fks) {
    if (!names.includes(fk.tbl.replace(/"/g, '')) && fk.tbl !== 'seat_tenures') continue;
    const on = fk.cols.map((c, i) => `r."${fk.refcols[i]}" = t."${c}"`).join(' AND ');
    const notNull = fk.cols.map((c) => `t."${c}" IS NOT NULL`).join(' AND ');
    const { rows: r } = await client.query<{ count: string }>(
      `SELECT count(*) FROM ${fk.tbl} t WHERE ${notNull} AND NOT EXISTS (SELECT 1 FROM ${fk.ref} r WHERE ${on})`,
    );
    if (Number(r[0]!.count) !== 0) problems.push(`${r[0]!.count} rows of ${fk.tbl} break ${fk.name}`);
  }
  say(
    `Checked ${Object.keys(CONSISTENCY_CHECKS).length} derived figures and ${fks.length} foreign keys in ${secs(t0)} s`,
  );
  if (problems.length) throw new Error(`The generated data is inconsistent:\n  ${problems.join('\n  ')}`);

  copied.sort((x, y) => names.indexOf(x.table) - names.indexOf(y.table));
  let sums = copied.map((c) => ({ table: c.table, rows: c.rows, sum: c.sha.slice(0, 16) }));
  if (options.dbChecksum) {
    t0 = Date.now();
    sums = await checksums(client, [...names, 'competency_frameworks', 'competencies', 'crosswalk_links']);
    say(`Database checksums in ${secs(t0)} s`);
  }
  await client.end();
  const total = (Date.now() - started) / 1000;
  return {
    tier: tier.name,
    seed,
    asOf: new Date(asOf).toISOString().slice(0, 10),
    checksum: overall(sums),
    seconds: Math.round(total),
    tables: sums,
    copySeconds: Object.fromEntries(copied.map((c) => [c.table, c.seconds])),
  };
}
