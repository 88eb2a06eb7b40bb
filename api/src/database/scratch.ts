import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres.js';

export interface ScratchServer {
  /** URL of the named database on this server. */
  urlFor(database: string): string;
  createDatabase(name: string, template?: string): Promise<string>;
  dropDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * A PostgreSQL server for throw-away databases (tests, drift check, OpenAPI generation): the server of
 * DATABASE_URL when set, else a fresh embedded cluster in a temporary folder with fsync off.
 */
export async function startScratchServer(databaseUrl = process.env.DATABASE_URL): Promise<ScratchServer> {
  let base: URL;
  let stopServer: () => Promise<void>;
  if (databaseUrl) {
    base = new URL(databaseUrl);
    stopServer = async () => undefined;
  } else {
    const dir = await mkdtemp(join(tmpdir(), 'emerge-pg-'));
    const db = await startEmbeddedPostgres({
      dataDir: dir,
      port: await freePort(),
      database: 'postgres',
      settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '200' },
    });
    base = new URL(db.url);
    stopServer = async () => {
      await db.stop();
      await rm(dir, { recursive: true, force: true });
    };
  }
  const urlFor = (database: string) => {
    const u = new URL(base.toString());
    u.pathname = `/${database}`;
    return u.toString();
  };
  const admin = async <T>(fn: (c: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: urlFor('postgres') });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  return {
    urlFor,
    async createDatabase(name, template) {
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`));
      await admin((c) => c.query(`CREATE DATABASE ${quote(name)}${template ? ` TEMPLATE ${quote(template)}` : ''}`));
      return urlFor(name);
    },
    async dropDatabase(name) {
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`));
    },
    stop: () => stopServer(),
  };
}
