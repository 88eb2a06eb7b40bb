import { Logger as NestLogger } from '@nestjs/common';
import { Logger, runMigrations } from 'graphile-worker';
import type { EntityManager } from 'typeorm';

/**
 * Background jobs live in the same PostgreSQL as the data (graphile-worker): a job is a row written in the
 * transaction of the change that causes it, so a rolled-back change leaves no job behind.
 */

const nest = new NestLogger('Jobs');

/** graphile-worker's log through the app's: its info lines (a worker started, a job done) are debug here. */
export const jobLogger = new Logger((scope) => (level, message, meta) => {
  const text = scope.label ? `[${scope.label}] ${message}` : message;
  if (level === 'error') nest.error(text, meta?.error instanceof Error ? meta.error.stack : undefined);
  else if (level === 'warning') nest.warn(text);
  else nest.debug(text);
});

// Migrations run before the app (and its log settings) exist: only what needs attention is printed.
const migrationLogger = new Logger(() => (level, message) => {
  if (level === 'error' || level === 'warning') process.stderr.write(`[jobs] ${message}\n`);
});

/** The queue's own tables (schema `graphile_worker`), versioned by graphile-worker and applied with ours. */
export async function migrateJobQueue(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, logger: migrationLogger });
}

/**
 * Queues `task` in the caller's transaction. `key` names the cause (e.g. `nomination.approved:<id>`): a second
 * job with the same key while the first waits replaces it rather than running twice.
 */
export async function enqueue(m: EntityManager, task: string, payload: object, key: string): Promise<void> {
  await m.query(`SELECT graphile_worker.add_job($1, $2::json, job_key => $3, max_attempts => 10)`, [
    task,
    JSON.stringify(payload),
    key,
  ]);
}
