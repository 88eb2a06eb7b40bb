import { parentPort, workerData } from 'node:worker_threads';
import pg from 'pg';
import { copyTable } from './load.js';
import { Plan } from './plan.js';
import { Rows } from './rows.js';
import type { Tier } from './tiers.js';

/** A COPY stream of its own: a thread generating one big table (or part of the audit log) on its own connection. */
export interface CopyJob {
  url: string;
  tier: Tier;
  seed: number;
  asOf: number;
  passwordHash: string;
  table: 'educators' | 'nominations' | 'candidates' | 'transitions' | 'evidence' | 'audit';
  part: number;
  parts: number;
  freeze: boolean;
  superuser: boolean;
}

const job = workerData as CopyJob;
const rows = new Rows(new Plan(job.tier, job.seed, job.asOf), job.passwordHash);
const client = new pg.Client({ connectionString: job.url });
await client.connect();
try {
  await client.query(`SET TimeZone = 'UTC'; SET synchronous_commit = off`);
  if (job.superuser) await client.query('SET session_replication_role = replica');
  const t = job.table === 'audit' ? rows.audit(job.part, job.parts) : rows[job.table]();
  parentPort!.postMessage(await copyTable(client, t, job.freeze));
} finally {
  await client.end();
}
