import { ensureDatabase } from '@emerge/api';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openScaleDatabase, SCALE_DATA_DIR, SCALE_PG_PORT } from './scale/database.js';
import { generateScale } from './scale/generate.js';
import { TIERS } from './scale/tiers.js';
import { DEMO_PASSWORD } from './scenarios/demo-district.js';

// `npm run seed:scale -- --tier small|district-L|state --seed n`: a generated district or state, loaded with COPY.
const usage =
  'npm run seed:scale -- --tier small|district-L|state [--seed 1] [--as-of 2026-11-01] [--nominations N] [--replace] [--db-checksum]';
const { values } = parseArgs({
  options: {
    tier: { type: 'string', default: 'small' },
    seed: { type: 'string', default: '1' },
    'as-of': { type: 'string', default: '2026-11-01' },
    // More or fewer nominations than the tier's (and so candidates): e.g. a district of 20,000 candidates.
    nominations: { type: 'string' },
    replace: { type: 'boolean', default: false },
    'db-checksum': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
const base = TIERS[values.tier];
const nominations = values.nominations === undefined ? undefined : Number(values.nominations);
const tier = base && (nominations === undefined ? base : { ...base, nominations });
const seed = Number(values.seed);
const asOf = Date.parse(`${values['as-of']}T00:00:00Z`);
if (
  !tier ||
  !Number.isInteger(seed) ||
  seed < 0 ||
  Number.isNaN(asOf) ||
  !(Number.isInteger(tier.nominations) && tier.nominations > 0)
) {
  process.stderr.write(`Unknown tier, seed, date or number of nominations.\nUsage: ${usage}\n`);
  process.exit(2);
}

const say = (s: string) => process.stdout.write(`${s}\n`);

let url = process.env.DATABASE_URL;
let stop = async () => undefined as unknown;
if (url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ n: string }>(
    `SELECT count(*)::text AS n FROM pg_tables WHERE schemaname = 'public'`,
  );
  if (Number(rows[0]!.n) > 0) {
    if (!values.replace) {
      await client.end();
      process.stderr.write('DATABASE_URL names a database with tables in it; add --replace to drop them all first.\n');
      process.exit(2);
    }
    await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
  }
  await client.end();
} else {
  // fsync off: a bulk load of regenerable data; the clean stop at the end writes everything out.
  const db = await openScaleDatabase({
    fsync: 'off',
    synchronous_commit: 'off',
    full_page_writes: 'off',
    max_wal_size: '8GB',
  });
  stop = () => db.stop();
  const admin = new pg.Client({ connectionString: db.adminUrl });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS emerge WITH (FORCE)');
  await admin.end();
  url = db.url;
  await ensureDatabase(url);
}

try {
  say(`Generating tier ${tier.name}, seed ${seed}, as of ${values['as-of']}`);
  const summary = await generateScale({
    url,
    tier,
    seed,
    asOf,
    dbChecksum: values['db-checksum'],
    log: say,
  });
  say(`\n${'table'.padEnd(26)} ${'rows'.padStart(12)}  checksum`);
  for (const t of summary.tables) say(`${t.table.padEnd(26)} ${t.rows.toLocaleString('en-US').padStart(12)}  ${t.sum}`);
  say(`\nTier ${tier.name}, seed ${seed}: checksum ${summary.checksum}, loaded in ${summary.seconds} s\n`);
  say(JSON.stringify(summary));
  say(`\nSign in as hr@d0001.example.org, superintendent@d0001.example.org, coordinator@d0001.example.org or`);
  say(`principal.1@d0001.example.org (password ${DEMO_PASSWORD}); d0001 is the biggest district.`);
  if (!process.env.DATABASE_URL)
    say(`Run Emerge on this data: EMERGE_DATA_DIR=${SCALE_DATA_DIR} EMBEDDED_PG_PORT=${SCALE_PG_PORT} npm start`);
} catch (e) {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await stop();
}
