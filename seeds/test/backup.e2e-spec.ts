import type { EmbeddedDatabase } from '@emerge/api';
import { createDataSource, freePort, migrate, startEmbeddedPostgres } from '@emerge/api';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadReferenceData } from '../src/reference/load-reference.js';
import { seedDemoIfEmpty } from '../src/scenarios/demo-district.js';

// The built CLIs, as `npm run db:backup` / `db:restore` run them.
const cliDir = fileURLToPath(new URL('../../api/dist/cli/', import.meta.url));

interface Run {
  code: number;
  out: string;
  err: string;
}

function cli(name: 'db-backup' | 'db-restore', args: string[], env: Record<string, string>): Promise<Run> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(cliDir, `${name}.js`), ...args], { env: childEnv });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
}

type Snapshot = Record<string, { rows: number; md5: string }>;

/** Row count and a checksum of every row's text, per table in the public schema. */
async function snapshot(url: string): Promise<Snapshot> {
  const ds = createDataSource(url);
  await ds.initialize();
  try {
    const tables: { name: string }[] = await ds.query(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    const result: Snapshot = {};
    for (const { name } of tables) {
      const [row] = await ds.query(
        `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5 FROM "${name}" t`,
      );
      result[name] = row;
    }
    return result;
  } finally {
    await ds.destroy();
  }
}

describe('db:backup and db:restore', () => {
  let work: string;
  let dataDir: string;
  let port: number;
  let db: EmbeddedDatabase | undefined;
  let original: Snapshot;
  let backupFile: string;
  const env = () => ({ EMERGE_DATA_DIR: dataDir });

  const start = async () => {
    db = await startEmbeddedPostgres({ dataDir, port });
    return db.url;
  };
  const stop = async () => {
    await db?.stop();
    db = undefined;
  };

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'emerge-backup-'));
    await chmod(work, 0o755);
    dataDir = join(work, 'data');
    port = await freePort();
    // What `npm start` does with an empty data folder: migrate, reference data, demo districts.
    const url = await start();
    await migrate(url);
    const ds = createDataSource(url);
    await ds.initialize();
    try {
      await ds.transaction((m) => loadReferenceData(m));
      expect(await seedDemoIfEmpty(ds)).toBe(true);
    } finally {
      await ds.destroy();
    }
    original = await snapshot(url);
  });

  afterAll(async () => {
    await stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('snapshots the demo database it is about to back up', () => {
    expect(Object.keys(original).length).toBeGreaterThanOrEqual(20);
    expect(original.educators!.rows).toBe(660);
    expect(original.districts!.rows).toBe(2);
    expect(original.evidence!.rows).toBeGreaterThan(100);
    expect(original.audit_log!.rows).toBeGreaterThan(0);
  });

  it('refuses to back up while Emerge holds the data folder, and writes nothing', async () => {
    const out = join(work, 'refused.tar.gz');
    const r = await cli('db-backup', ['--out', out], env());
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      `Backup failed: Emerge is running (process ${process.pid}) with the data folder ${dataDir}; stop it (Ctrl-C in its terminal), then run npm run db:backup again.\n`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('backs up the stopped embedded database into a tar.gz with a manifest', async () => {
    await stop();
    const folder = join(work, 'backups');
    const r = await cli('db-backup', ['--out', `${folder}/`], env());
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const written = /^Backup written: (.+\.tar\.gz) \((\d+(?:\.\d)? [kMG]?B), (\d+\.\d) s\)\.$/m.exec(r.out);
    expect(written).not.toBeNull();
    backupFile = written![1]!;
    expect(backupFile.startsWith(`${folder}/emerge-`)).toBe(true);
    expect((await stat(backupFile)).size).toBeGreaterThan(100_000);
    expect(r.out).toContain(`Restore it with Emerge stopped: npm run db:restore -- ${backupFile}`);
    expect(r.out).toMatch(/PostgreSQL 18\.\d+, \d+ tables, \d+ migrations applied; stopped cleanly/);
    expect(await readdir(folder)).toEqual([backupFile.slice(folder.length + 1)]); // no .partial left
    expect((await readdir(dataDir)).sort()).toEqual(['pg', 'pg-password']); // owner.pid released
    process.stdout.write(`[backup of the demo] ${written![0]}\n`);

    const again = await cli('db-backup', ['--out', backupFile], env());
    expect(again.code).toBe(1);
    expect(again.err).toBe(`Backup failed: ${backupFile} already exists; choose another --out.\n`);
  });

  it('restores exactly the backed-up rows after edits, and a damaged file changes nothing', async () => {
    const url = await start();
    const ds = createDataSource(url);
    await ds.initialize();
    try {
      await ds.query(`DELETE FROM evidence WHERE id IN (SELECT id FROM evidence ORDER BY id LIMIT 50)`);
      await ds.query(`DELETE FROM nominations WHERE id IN (SELECT id FROM nominations ORDER BY id LIMIT 10)`);
      await ds.query(
        `UPDATE educators SET first_name = 'Renamed' WHERE id IN (SELECT id FROM educators ORDER BY id LIMIT 5)`,
      );
    } finally {
      await ds.destroy();
    }
    const edited = await snapshot(url);
    expect(edited.evidence!.rows).toBe(original.evidence!.rows - 50);
    expect(edited.nominations!.rows).toBe(original.nominations!.rows - 10);
    expect(edited.educators!.rows).toBe(original.educators!.rows);
    expect(edited.educators!.md5).not.toBe(original.educators!.md5);

    // While the database is in use a restore is refused before anything moves.
    const busy = await cli('db-restore', [backupFile], env());
    expect(busy.code).toBe(1);
    expect(busy.err).toBe(
      `Restore failed: Emerge is running (process ${process.pid}) with the data folder ${dataDir}; stop it (Ctrl-C in its terminal), then run npm run db:restore again.\n`,
    );
    await stop();

    // A truncated copy: refused while unpacking, the current database untouched, nothing left behind.
    const truncated = join(work, 'truncated.tar.gz');
    const bytes = await readFile(backupFile);
    await writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const damaged = await cli('db-restore', [truncated], env());
    expect(damaged.code).toBe(1);
    expect(damaged.err).toMatch(
      new RegExp(
        `^Restore failed: ${truncated.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is damaged or incomplete \\(.+\\); nothing was changed\\.\\n$`,
      ),
    );
    expect((await readdir(dataDir)).sort()).toEqual(['pg', 'pg-password']);
    expect(await snapshot(await start())).toEqual(edited);
    await stop();

    // A complete archive whose cluster does not start (pg_control zeroed, same size): the check after the
    // swap fails and the previous database is put back.
    const unpacked = join(work, 'unpacked');
    await mkdir(unpacked);
    execFileSync('tar', ['-xzf', backupFile, '-C', unpacked]);
    const control = join(unpacked, 'pg/global/pg_control');
    await writeFile(control, Buffer.alloc((await stat(control)).size));
    const broken = join(work, 'broken.tar.gz');
    execFileSync('tar', ['--format=ustar', '-czf', broken, '-C', unpacked, 'manifest.json', 'pg-password', 'pg']);
    const failed = await cli('db-restore', [broken], env());
    expect(failed.code).toBe(1);
    expect(failed.out).toContain('Moved the current database aside');
    expect(failed.err).toMatch(
      /^Restore failed: The database in .+\/data\/pg did not start \(.*database files are incompatible with server.*\); the previous database is back in place\.\n$/,
    );
    expect((await readdir(dataDir)).sort()).toEqual(['pg', 'pg-password']);
    expect(await snapshot(await start())).toEqual(edited);
    await stop();

    const r = await cli('db-restore', [backupFile], env());
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Moved the current database aside to ${join(dataDir, 'pg.before-restore-')}`);
    expect(r.out).toMatch(/Verified: PostgreSQL 18\.\d+, \d+ tables, \d+ migrations/);
    expect(r.out).toContain('Removed the previous database');
    expect(r.out).toMatch(/^Restored in \d+\.\d s\./m);
    process.stdout.write(`[restore of the demo] ${/^Restored in .*$/m.exec(r.out)![0]}\n`);
    expect((await readdir(dataDir)).sort()).toEqual(['pg', 'pg-password']);

    const restored = await snapshot(await start());
    expect(restored).toEqual(original);
    await stop();
  });

  it('names the kind of file it was given instead of restoring it', async () => {
    const dump = join(work, 'server.dump');
    await writeFile(dump, Buffer.from('PGDMP\u0001\u000e\u0000 not really a dump'));
    const r = await cli('db-restore', [dump], env());
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      `Restore failed: ${dump} is a pg_dump archive of a PostgreSQL server; set DATABASE_URL to that server to restore it with pg_restore.\n`,
    );
    const missing = await cli('db-restore', [join(work, 'nope.tar.gz')], env());
    expect(missing.err).toBe(`Restore failed: There is no file ${join(work, 'nope.tar.gz')}.\n`);
    const usage = await cli('db-restore', [], env());
    expect(usage.code).toBe(2);
    expect(usage.err).toBe('Usage: npm run db:restore -- <backup file>\n');
  });

  // pg_dump/pg_restore of PostgreSQL 18 are not installable on this machine kind (Debian 12 ships 15), so the
  // server path is checked up to the tool run: against the real 18 server, with stand-in tools on PATH.
  describe('with DATABASE_URL', () => {
    let bin: string;
    let url: string;
    let server: string;

    beforeAll(async () => {
      url = await start();
      bin = join(work, 'bin');
      await mkdir(bin);
      for (const tool of ['pg_dump', 'pg_restore']) {
        await writeFile(join(bin, tool), `#!/bin/sh\necho "${tool} (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)"\n`, {
          mode: 0o755,
        });
      }
      const ds = createDataSource(url);
      await ds.initialize();
      server = (await ds.query(`SELECT current_setting('server_version') AS v`))[0].v.split(' ')[0];
      await ds.destroy();
    });
    afterAll(() => stop());

    const where = () => `127.0.0.1:${port}/emerge`;

    it('refuses a pg_dump older than the server, naming both versions and the fix', async () => {
      const out = join(work, 'old-tool.dump');
      const r = await cli('db-backup', ['--out', out], { ...env(), DATABASE_URL: url, PATH: bin });
      expect(r.code).toBe(1);
      expect(r.err).toBe(
        `Backup failed: pg_dump 15.18 is older than the PostgreSQL ${server} server at ${where()}, which it cannot handle; install the PostgreSQL 18 client tools (e.g. apt-get install postgresql-client-18) and put their bin folder first on PATH.\n`,
      );
      expect(existsSync(out)).toBe(false);
    });

    it('says when pg_dump is missing', async () => {
      const r = await cli('db-backup', ['--out', join(work, 'x.dump')], {
        ...env(),
        DATABASE_URL: url,
        PATH: join(work, 'empty'),
      });
      expect(r.code).toBe(1);
      expect(r.err).toBe(
        'Backup failed: pg_dump was not found on PATH, and backups of a PostgreSQL server need it; install the PostgreSQL 18 client tools (e.g. apt-get install postgresql-client-18) and put their bin folder first on PATH.\n',
      );
    });

    it('refuses an older pg_restore, and an embedded backup, before touching the database', async () => {
      const dump = join(work, 'server.dump');
      const r = await cli('db-restore', [dump], { ...env(), DATABASE_URL: url, PATH: bin });
      expect(r.code).toBe(1);
      expect(r.err).toBe(
        `Restore failed: pg_restore 15.18 is older than the PostgreSQL ${server} server at ${where()}, which it cannot handle; install the PostgreSQL 18 client tools (e.g. apt-get install postgresql-client-18) and put their bin folder first on PATH.\n`,
      );
      const wrong = await cli('db-restore', [backupFile], { ...env(), DATABASE_URL: url, PATH: bin });
      expect(wrong.err).toBe(
        `Restore failed: ${backupFile} is a backup of the embedded database; unset DATABASE_URL to restore it into the data folder.\n`,
      );
    });

    it('says when the server does not answer', async () => {
      const dead = `postgres://postgres:secret@127.0.0.1:${await freePort()}/emerge`;
      const r = await cli('db-backup', ['--out', join(work, 'y.dump')], { ...env(), DATABASE_URL: dead, PATH: bin });
      expect(r.code).toBe(1);
      expect(r.err).toMatch(
        /^Backup failed: Cannot connect to the database at 127\.0\.0\.1:\d+\/emerge \(.+\); check DATABASE_URL\.\n$/,
      );
    });
  });
});
