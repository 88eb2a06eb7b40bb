import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { access, constants, mkdir, rename, rm, stat } from 'node:fs/promises';
import { delimiter, dirname, join } from 'node:path';
import pg from 'pg';
import type { Log } from './backup-common.js';
import { BackupError, sniffBackup } from './backup-common.js';

export interface Version {
  version: string;
  major: number;
}

/** `pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)` → 15.18 / 15; also `18beta1`, `9.6.24`. */
export function parseToolVersion(output: string): Version | undefined {
  const m = /\(PostgreSQL\)\s+((\d+)(?:\.\d+)*(?:[a-z]+\d*)?)/i.exec(output);
  return m ? { version: m[1]!, major: Number.parseInt(m[2]!, 10) } : undefined;
}

/** server_version_num 180004 → 18; 90624 (9.6) → 9. */
export const serverMajor = (versionNum: number) => Math.floor(versionNum / 10000);

/** Where a URL points, without its password, for messages. */
export function describeServer(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'the DATABASE_URL server';
  }
}

const installHint = (major: number) =>
  `install the PostgreSQL ${major} client tools (e.g. apt-get install postgresql-client-${major}) and put their bin folder first on PATH`;

export const missingToolMessage = (tool: string, serverVersion: Version) =>
  `${tool} was not found on PATH, and backups of a PostgreSQL server need it; ${installHint(serverVersion.major)}`;

/** A client tool older than the server cannot dump it (and may not read its archives): one sentence, or undefined. */
export function versionProblem(tool: string, client: Version, server: Version, where: string): string | undefined {
  if (client.major >= server.major) return undefined;
  return `${tool} ${client.version} is older than the PostgreSQL ${server.version} server at ${where}, which it cannot handle; ${installHint(server.major)}`;
}

/** The first executable `name` on PATH. */
export async function findOnPath(name: string, path = process.env.PATH ?? ''): Promise<string | undefined> {
  const exts = process.platform === 'win32' ? ['.exe', ''] : [''];
  for (const dir of path.split(delimiter).filter(Boolean)) {
    for (const ext of exts) {
      const candidate = join(dir, name + ext);
      if (
        await access(candidate, constants.X_OK).then(
          () => true,
          () => false,
        )
      )
        return candidate;
    }
  }
  return undefined;
}

/** libpq reads the password from PGPASSWORD, so it never shows in the process list. */
export function splitPassword(url: string): { url: string; password: string | undefined } {
  const u = new URL(url);
  const password = u.password ? decodeURIComponent(u.password) : undefined;
  u.password = '';
  return { url: u.toString(), password };
}

function run(
  tool: string,
  args: string[],
  password: string | undefined,
): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, ...(password === undefined ? {} : { PGPASSWORD: password }) };
    const child = spawn(tool, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, out, err }));
  });
}

const lastLine = (s: string) =>
  s
    .trim()
    .split('\n')
    .filter(Boolean)
    .slice(-1)[0]
    ?.replace(/[.;]+$/, '') ?? 'no message';

interface ServerFacts {
  version: Version;
  migrations: string[];
  otherSessions: number;
}

async function inspectServer(url: string): Promise<ServerFacts> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (e) {
    const reason = (e as Error).message || (e as NodeJS.ErrnoException).code || 'no answer';
    throw new BackupError(`Cannot connect to the database at ${describeServer(url)} (${reason}); check DATABASE_URL`);
  }
  try {
    const { v, n } = (
      await client.query(
        `SELECT current_setting('server_version') AS v, current_setting('server_version_num')::int AS n`,
      )
    ).rows[0] as { v: string; n: number };
    const hasTable = (await client.query(`SELECT to_regclass('public.migrations') IS NOT NULL AS t`)).rows[0].t;
    const migrations = hasTable
      ? ((await client.query('SELECT name FROM migrations ORDER BY id')).rows as { name: string }[]).map((r) => r.name)
      : [];
    const otherSessions = (
      await client.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      )
    ).rows[0].n as number;
    return { version: { version: v.split(' ')[0]!, major: serverMajor(n) }, migrations, otherSessions };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Finds the tool and checks it is at least the server's major version. */
async function checkedTool(name: string, server: Version, where: string): Promise<{ path: string; version: Version }> {
  const path = await findOnPath(name);
  if (!path) throw new BackupError(missingToolMessage(name, server));
  const { out, err } = await run(path, ['--version'], undefined);
  const version = parseToolVersion(out || err);
  if (!version) throw new BackupError(`${path} --version did not print a PostgreSQL version (${lastLine(out || err)})`);
  const problem = versionProblem(name, version, server, where);
  if (problem) throw new BackupError(problem);
  return { path, version };
}

export interface ServerBackupResult {
  file: string;
  bytes: number;
  ms: number;
}

/** `pg_dump -Fc`: consistent (one snapshot) while Emerge keeps running. */
export async function backupServer(databaseUrl: string, file: string, log: Log): Promise<ServerBackupResult> {
  const started = Date.now();
  const where = describeServer(databaseUrl);
  if (existsSync(file)) throw new BackupError(`${file} already exists; choose another --out`);
  const facts = await inspectServer(databaseUrl);
  const tool = await checkedTool('pg_dump', facts.version, where);
  log(`Backing up ${where} (PostgreSQL ${facts.version.version}, ${facts.migrations.length} migrations applied)`);
  log(`  pg_dump ${tool.version.version}: ${tool.path}`);
  const { url, password } = splitPassword(databaseUrl);
  const partial = `${file}.partial`;
  await mkdir(dirname(file), { recursive: true });
  try {
    const dump = await run(tool.path, ['--format=custom', '--file', partial, '--dbname', url], password);
    if (dump.code !== 0) throw new BackupError(`pg_dump failed: ${lastLine(dump.err)}`);
    // A dump pg_restore can list is complete; a missing pg_restore only skips this check.
    const lister = await findOnPath('pg_restore');
    if (lister) {
      const list = await run(lister, ['--list', partial], undefined);
      if (list.code !== 0) throw new BackupError(`The dump cannot be read back: ${lastLine(list.err)}`);
      log(`  Checked: pg_restore lists ${list.out.split('\n').filter((l) => l && !l.startsWith(';')).length} entries`);
    }
    await rename(partial, file);
  } finally {
    await rm(partial, { force: true });
  }
  return { file, bytes: (await stat(file)).size, ms: Date.now() - started };
}

export interface ServerRestoreResult {
  ms: number;
  migrations: number;
}

/** `pg_restore --clean --if-exists` in one transaction: the database ends up as dumped, or unchanged. */
export async function restoreServer(databaseUrl: string, file: string, log: Log): Promise<ServerRestoreResult> {
  const started = Date.now();
  const where = describeServer(databaseUrl);
  const kind = await sniffBackup(file);
  if (kind === 'embedded')
    throw new BackupError(
      `${file} is a backup of the embedded database; unset DATABASE_URL to restore it into the data folder`,
    );
  if (kind !== 'pg_dump') throw new BackupError(`${file} is not a pg_dump archive (made with pg_dump -Fc)`);
  const facts = await inspectServer(databaseUrl);
  if (facts.otherSessions > 0)
    throw new BackupError(
      `${facts.otherSessions} other ${facts.otherSessions === 1 ? 'session is' : 'sessions are'} connected to ${where} (is Emerge still running?); stop Emerge, then run npm run db:restore again`,
    );
  const tool = await checkedTool('pg_restore', facts.version, where);
  log(`Restoring ${file} into ${where} (PostgreSQL ${facts.version.version})`);
  log(`  pg_restore ${tool.version.version}: ${tool.path}`);
  const { url, password } = splitPassword(databaseUrl);
  const restore = await run(
    tool.path,
    ['--clean', '--if-exists', '--no-owner', '--single-transaction', '--dbname', url, file],
    password,
  );
  if (restore.code !== 0)
    throw new BackupError(`pg_restore failed, and the database is unchanged: ${lastLine(restore.err)}`);
  const after = await inspectServer(databaseUrl);
  log(`  Verified: ${after.migrations.length} migrations recorded`);
  return { ms: Date.now() - started, migrations: after.migrations.length };
}
