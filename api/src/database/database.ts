import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import type { AppConfig } from '../config/config.js';
import { migrateJobQueue } from '../jobs/job-queue.js';
import { createDataSource } from './data-source.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { StartupError } from './startup-error.js';

export interface RunningDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

function describe(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'the DATABASE_URL server';
  }
}

/** DATABASE_URL when set (checked with one connection), else the embedded PostgreSQL under the data folder. */
export async function startDatabase(config: AppConfig): Promise<RunningDatabase> {
  if (!config.databaseUrl) {
    const db = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort });
    return { url: db.url, embedded: true, stop: () => db.stop() };
  }
  const client = new pg.Client({ connectionString: config.databaseUrl, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (e) {
    const reason = (e as Error).message || (e as NodeJS.ErrnoException).code || 'no answer';
    throw new StartupError(
      `Cannot connect to the database at ${describe(config.databaseUrl)} (${reason}); check DATABASE_URL, or unset it to use the embedded database.`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
  return { url: config.databaseUrl, embedded: false, stop: async () => undefined };
}

/** Applies pending migrations, ours and the job queue's; `synchronize` is never used. */
export async function migrate(url: string): Promise<string[]> {
  const ds = createDataSource(url);
  await ds.initialize();
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    await migrateJobQueue(url);
    return applied.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

/** JWT_SECRET, or in development a random secret kept in the data folder so tokens survive restarts. */
export async function resolveJwtSecret(config: AppConfig): Promise<string> {
  if (config.jwtSecret) return config.jwtSecret;
  const file = join(config.dataDir, 'jwt-secret');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  await mkdir(config.dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}
