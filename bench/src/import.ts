// Roster import vs COPY (issue #7): the real API imports an N-row roster file (parse, validation, staging,
// upsert, audit) and a plain COPY loads the same rows into the same table of an identical database.
// Run alone: `node bench/dist/import.js [--rows 100000,1000000] [--seed 7]` (starts the scale cluster).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { drop, loadAverage, prng, recreate, withClient } from './scratch.js';

// The API, the seeds and the harness (which loads the API) are imported where used, so the COPY worker
// process loads only pg: its peak RSS is that of the COPY, not of the Nest application's modules.
const harness = () => import('./harness.js');
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ImportResult {
  rows: number;
  fileMb: number;
  import: { seconds: number; rowsPerSecond: number; peakRssMb: number; idleRssMb: number };
  /** COPY of the precomputed rows into educators, its audit trigger firing as it does for any insert. */
  copy: { seconds: number; rowsPerSecond: number; peakRssMb: number };
  /** The same COPY with the audit trigger disabled: the raw floor. */
  copyNoAudit: { seconds: number; rowsPerSecond: number; peakRssMb: number };
  /** import rows/s ÷ COPY rows/s (target ≥ 0.3), and the same against the COPY without audit. */
  ratio: number;
  ratioNoAudit: number;
  /** Both databases hold the same educators afterwards (count and content checksum). */
  sameRows: boolean;
  auditRows: { import: number; copy: number };
  load: string;
  targets: { ratio: boolean; rss: boolean };
}

const TEMPLATE = 'emerge_bench_import_tpl';
const IMPORT_DB = 'emerge_bench_import';
const COPY_DB = 'emerge_bench_import_copy';
const RAW_DB = 'emerge_bench_import_raw';
const HR_EMAIL = 'hr@bench-import.example';
const SCHOOLS = 240;
const RATIO_TARGET = 0.3;
const RSS_TARGET_MB = 300;
const COPY_COLUMNS = [
  'district_id',
  'employee_number',
  'first_name',
  'last_name',
  'email',
  'school_id',
  'job_title',
  'leadership_level',
  'years_in_education',
  'status',
  'retirement_eligible_year',
  'gender',
  'race_ethnicity',
];
const CSV_HEADER = [
  'employee_number',
  'first_name',
  'last_name',
  'email',
  'school_code',
  'job_title',
  'leadership_level',
  'years_in_education',
  'status',
  'retirement_eligible_year',
  'gender',
  'race_ethnicity',
];

const say = (s: string) => process.stdout.write(`${s}\n`);

interface Setup {
  districtId: string;
  /** School code → id, in code order (the ids are the same in every copy of the template). */
  schools: [string, string][];
}

/** The template: migrated schema, one district, its schools and an hr user who can sign in. */
async function createTemplate(adminUrl: string): Promise<Setup> {
  const [{ migrate }, { hash }, { PASSWORD }] = await Promise.all([
    import('@emerge/api'),
    import('@node-rs/argon2'),
    harness(),
  ]);
  const url = await recreate(adminUrl, TEMPLATE);
  await migrate(url);
  return withClient(url, async (c) => {
    const [district] = (
      await c.query<{ id: string }>(
        `INSERT INTO districts (name, slug) VALUES ('Bench Import District', 'bench-import') RETURNING id`,
      )
    ).rows;
    const districtId = district!.id;
    const bands = ['elementary', 'elementary', 'middle', 'high', 'k8', 'other'] as const;
    const prefix = { elementary: 'ES', middle: 'MS', high: 'HS', k8: 'K8', k12: 'KT', other: 'AC' };
    const codes = Array.from({ length: SCHOOLS }, (_, i) => {
      const band = bands[i % bands.length]!;
      return { code: `${prefix[band]}${String(i + 1).padStart(3, '0')}`, band };
    });
    await c.query(
      `INSERT INTO schools (district_id, name, code, grade_band)
       SELECT $1, 'School ' || code, code, band::school_grade_band FROM unnest($2::text[], $3::text[]) AS s(code, band)`,
      [districtId, codes.map((s) => s.code), codes.map((s) => s.band)],
    );
    await c.query(`INSERT INTO users (district_id, email, name, role, password_hash) VALUES ($1, $2, $3, 'hr', $4)`, [
      districtId,
      HR_EMAIL,
      'Bench HR',
      await hash(PASSWORD, { memoryCost: 19456, timeCost: 2, parallelism: 1 }),
    ]);
    const schools = (
      await c.query<{ code: string; id: string }>(`SELECT code, id FROM schools WHERE district_id = $1 ORDER BY code`, [
        districtId,
      ])
    ).rows.map((r): [string, string] => [r.code, r.id]);
    return { districtId, schools };
  });
}

const FIRST = [
  'Amara',
  'Luis',
  'Grace',
  'Peter',
  'Sione',
  'Maria',
  'James',
  'Aisha',
  'Chen',
  'Olivia',
  'Mateo',
  'Fatima',
  'Noah',
  'Priya',
  'Liam',
  'Sofia',
  'Ethan',
  'Zainab',
  'Lucas',
  'Hannah',
  'Diego',
  'Mei',
  'Omar',
  'Chloé',
  'Kwame',
  'Ingrid',
  'Raj',
  'Yuki',
  'Daniel',
  'Ana',
  'Tomás',
  'Leila',
  'Samuel',
  'Nia',
  'Jonah',
  'Camila',
];
const LAST = [
  'Okonkwo',
  'Fernández',
  'Lin',
  "O'Brien",
  'Taufa',
  'Garcia',
  'Smith',
  'Khan',
  'Nguyen',
  'Johnson',
  'Rossi',
  'Haddad',
  'Williams',
  'Patel',
  'Brown',
  'Silva',
  'Jones',
  'Mensah',
  'Martin',
  'Müller',
  'Kim',
  'Ali',
  'Dubois',
  'Hughes',
  'Santos',
  'Novak',
  'Tanaka',
  'Cohen',
  'Walker',
  'Reyes',
  'Andersen',
  'Boateng',
  'López',
  'Clarke',
];
const TITLES = [
  'Mathematics Teacher',
  'English Teacher',
  'Science Teacher, Grade 7',
  'Kindergarten Teacher',
  'Special Education Teacher',
  'Department Chair, English',
  'Instructional Coach',
  'Assistant Principal',
  'Principal',
  'School Counselor',
  'Reading Specialist',
  'Music Teacher',
  'Physical Education Teacher',
  'District Data Coordinator',
  'Curriculum Director',
];
const LEVELS = ['', '', '', '', '', '', '', 'classroom', 'classroom', 'school'] as const;
const GENDERS = ['female', 'female', 'female', 'male', 'male', 'nonbinary', 'prefer_not_to_say', ''] as const;
const RACES = [
  'white',
  'white',
  'white',
  'hispanic_latino',
  'hispanic_latino',
  'black_african_american',
  'asian',
  'two_or_more',
  'american_indian_alaska_native',
  'native_hawaiian_pacific_islander',
  'prefer_not_to_say',
  '',
] as const;

const csvField = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const copyField = (v: string) =>
  v === ''
    ? '\\N'
    : v.replace(/[\\\t\n\r]/g, (ch) => `\\${ch === '\t' ? 't' : ch === '\n' ? 'n' : ch === '\r' ? 'r' : '\\'}`);
const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();

/**
 * Writes the roster CSV (what HR uploads) and the same rows as COPY text with the school ids already
 * resolved (what a raw load would send), streamed to disk in one pass.
 */
async function generate(dir: string, rows: number, seed: number, setup: Setup) {
  const csvPath = join(dir, `roster-${rows}.csv`);
  const copyPath = join(dir, `roster-${rows}.copy`);
  const csv = createWriteStream(csvPath);
  const copy = createWriteStream(copyPath);
  const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const r = prng(seed);
  let csvChunk = `${CSV_HEADER.join(',')}\n`;
  let copyChunk = '';
  const write = async (s: NodeJS.WritableStream & { write(c: string): boolean }, chunk: string) => {
    if (!s.write(chunk)) await once(s, 'drain');
  };
  for (let i = 1; i <= rows; i++) {
    const first = pick(r, FIRST);
    const last = pick(r, LAST);
    const employee = `E${String(i).padStart(7, '0')}`;
    const email = r() < 0.04 ? '' : `${ascii(first)}.${ascii(last)}${i}@bench-import.example`;
    const school = r() < 0.03 ? undefined : setup.schools[Math.floor(r() * setup.schools.length)];
    const title = school ? pick(r, TITLES) : 'District Data Coordinator';
    const level = school ? pick(r, LEVELS) : 'district';
    const years = Math.floor(r() * 41);
    const status = r() < 0.03 ? 'inactive' : 'active';
    const retirement = 2026 + Math.floor(r() * 40);
    const gender = pick(r, GENDERS);
    const race = pick(r, RACES);
    const values = [employee, first, last, email, school?.[0] ?? '', title, level, String(years), status];
    csvChunk += `${[...values, String(retirement), gender, race].map(csvField).join(',')}\n`;
    copyChunk += `${[
      setup.districtId,
      employee,
      first,
      last,
      email,
      school?.[1] ?? '',
      title,
      level,
      String(years),
      status,
      String(retirement),
      gender,
      race,
    ]
      .map(copyField)
      .join('\t')}\n`;
    if (csvChunk.length > 1 << 16) {
      await write(csv, csvChunk);
      await write(copy, copyChunk);
      csvChunk = '';
      copyChunk = '';
    }
  }
  await write(csv, csvChunk);
  await write(copy, copyChunk);
  csv.end();
  copy.end();
  await Promise.all([once(csv, 'close'), once(copy, 'close')]);
  return { csvPath, copyPath };
}

/** Streams the file to the import endpoint; resolves with the status and body once the response is in. */
function upload(baseUrl: string, token: string, file: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${baseUrl}/api/educators/import`,
      {
        method: 'POST',
        headers: {
          'content-type': 'text/csv',
          'content-length': statSync(file).size,
          authorization: `Bearer ${token}`,
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    createReadStream(file).pipe(req);
  });
}

/** The COPY runs in a child process so its peak RSS is its own, like the API's. */
function runCopyWorker(url: string, file: string): Promise<{ seconds: number; peakRssMb: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--copy-worker', url, file], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`COPY worker exited (${code}): ${err.slice(-2000)}`));
      else resolve(JSON.parse(out.trim().split('\n').pop()!) as { seconds: number; peakRssMb: number });
    });
  });
}

async function copyWorker(url: string, file: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const t0 = performance.now();
  await pipeline(
    createReadStream(file),
    client.query(copyFrom(`COPY educators (${COPY_COLUMNS.join(', ')}) FROM STDIN`)),
  );
  const seconds = (performance.now() - t0) / 1000;
  await client.end();
  process.stdout.write(
    `${JSON.stringify({ seconds, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`,
  );
}

const CONTENT = `SELECT count(*)::int AS n,
       coalesce(sum(hashtextextended(concat_ws('|', e.employee_number, e.first_name, e.last_name, e.email, s.code,
         e.job_title, e.leadership_level, e.years_in_education, e.status, e.retirement_eligible_year, e.gender,
         e.race_ethnicity), 0)), 0)::text AS h,
       (SELECT count(*)::int FROM audit_log WHERE entity = 'educators') AS audit
  FROM educators e LEFT JOIN schools s ON s.id = e.school_id`;

async function content(url: string) {
  return withClient(url, async (c) => (await c.query<{ n: number; h: string; audit: number }>(CONTENT)).rows[0]!);
}

async function benchOne(adminUrl: string, dir: string, rows: number, seed: number, setup: Setup) {
  const { csvPath, copyPath } = await generate(dir, rows, seed, setup);
  const fileMb = statSync(csvPath).size / 1048576;
  const importUrl = await recreate(adminUrl, IMPORT_DB, TEMPLATE);
  const copyUrl = await recreate(adminUrl, COPY_DB, TEMPLATE);
  const rawUrl = await recreate(adminUrl, RAW_DB, TEMPLATE);
  await withClient(rawUrl, (c) => c.query('ALTER TABLE educators DISABLE TRIGGER audit_insert'));

  // A fresh API per file, so each peak RSS is that file's alone.
  const { login, peakRssMb, startApi } = await harness();
  const api = await startApi(importUrl, { LOG_LEVEL: 'warn', IMPORT_BODY_LIMIT_BYTES: String(8 * 1024 ** 3) });
  let imported: ImportResult['import'];
  try {
    const token = await login(api.url, HR_EMAIL);
    const idleRssMb = peakRssMb(api.pid);
    const t0 = performance.now();
    const res = await upload(api.url, token, csvPath);
    const seconds = (performance.now() - t0) / 1000;
    const peak = peakRssMb(api.pid);
    if (res.status !== 200) throw new Error(`import of ${rows} rows: ${res.status} ${res.body.slice(0, 1000)}`);
    const report = JSON.parse(res.body) as { rows: number; created: number };
    if (report.rows !== rows || report.created !== rows)
      throw new Error(`import of ${rows} rows reported ${res.body.slice(0, 300)}`);
    imported = { seconds, rowsPerSecond: rows / seconds, peakRssMb: peak, idleRssMb };
  } finally {
    await api.stop();
  }
  const copied = await runCopyWorker(copyUrl, copyPath);
  const raw = await runCopyWorker(rawUrl, copyPath);
  const [a, b] = [await content(importUrl), await content(copyUrl)];
  await drop(adminUrl, IMPORT_DB, COPY_DB, RAW_DB);
  rmSync(csvPath);
  rmSync(copyPath);

  const copy = { ...copied, rowsPerSecond: rows / copied.seconds };
  const copyNoAudit = { ...raw, rowsPerSecond: rows / raw.seconds };
  const ratio = imported.rowsPerSecond / copy.rowsPerSecond;
  const result: ImportResult = {
    rows,
    fileMb: Math.round(fileMb * 10) / 10,
    import: imported,
    copy,
    copyNoAudit,
    ratio,
    ratioNoAudit: imported.rowsPerSecond / copyNoAudit.rowsPerSecond,
    sameRows: a.n === rows && a.n === b.n && a.h === b.h,
    auditRows: { import: a.audit, copy: b.audit },
    load: loadAverage(),
    targets: { ratio: ratio >= RATIO_TARGET, rss: imported.peakRssMb < RSS_TARGET_MB },
  };
  if (!result.sameRows) throw new Error(`import and COPY left different rows: ${JSON.stringify([a, b])}`);
  return result;
}

export async function benchImport(options: {
  adminUrl: string;
  rows: number[];
  seed?: number;
}): Promise<ImportResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'emerge-bench-import-'));
  const results: ImportResult[] = [];
  try {
    say('Import: setting up the scratch databases…');
    const setup = await createTemplate(options.adminUrl);
    for (const rows of options.rows) {
      say(`Import: ${rows.toLocaleString('en-US')} rows (API import, then COPY with and without audit)…`);
      results.push(await benchOne(options.adminUrl, dir, rows, options.seed ?? 7, setup));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await drop(options.adminUrl, IMPORT_DB, COPY_DB, RAW_DB, TEMPLATE).catch(() => undefined);
  }
  say(
    '\nrows       file MB  import s  import rows/s  COPY s  COPY rows/s  ratio  no-audit COPY rows/s  ratio  API peak RSS MB  COPY RSS MB  load            target',
  );
  for (const r of results) {
    say(
      `${r.rows.toLocaleString('en-US').padEnd(10)} ${r.fileMb.toFixed(0).padStart(7)} ${r.import.seconds.toFixed(1).padStart(9)} ${r.import.rowsPerSecond.toFixed(0).padStart(14)}` +
        ` ${r.copy.seconds.toFixed(1).padStart(7)} ${r.copy.rowsPerSecond.toFixed(0).padStart(12)} ${r.ratio.toFixed(2).padStart(6)}` +
        ` ${r.copyNoAudit.rowsPerSecond.toFixed(0).padStart(21)} ${r.ratioNoAudit.toFixed(2).padStart(6)}` +
        ` ${String(r.import.peakRssMb).padStart(16)} ${String(r.copy.peakRssMb).padStart(12)}  ${r.load.padEnd(15)} ${r.targets.ratio && r.targets.rss ? 'met' : `MISSED (${[!r.targets.ratio && `ratio < ${RATIO_TARGET}`, !r.targets.rss && `RSS ≥ ${RSS_TARGET_MB} MB`].filter(Boolean).join(', ')})`}`,
    );
  }
  return results;
}

const invoked = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invoked && process.argv[2] === '--copy-worker') {
  await copyWorker(process.argv[3]!, process.argv[4]!);
} else if (invoked) {
  const { values } = parseArgs({
    options: { rows: { type: 'string', default: '100000,1000000' }, seed: { type: 'string', default: '7' } },
  });
  const { openScaleDatabase } = await import('@emerge/seeds/scale');
  const db = await openScaleDatabase();
  try {
    const results = await benchImport({
      adminUrl: db.adminUrl,
      rows: values.rows.split(',').map(Number),
      seed: Number(values.seed),
    });
    say(`\n${JSON.stringify({ import: results })}`);
  } finally {
    await db.stop();
  }
}
