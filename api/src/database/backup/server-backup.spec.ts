import { describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import {
  describeServer,
  findOnPath,
  missingToolMessage,
  parseToolVersion,
  serverMajor,
  splitPassword,
  versionProblem,
} from './server-backup.js';

describe('pg_dump / pg_restore version checks', () => {
  it('reads the version that client tools print', () => {
    expect(parseToolVersion('pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)\n')).toEqual({
      version: '15.18',
      major: 15,
    });
    expect(parseToolVersion('pg_restore (PostgreSQL) 18.4')).toEqual({ version: '18.4', major: 18 });
    expect(parseToolVersion('pg_dump (PostgreSQL) 19beta1')).toEqual({ version: '19beta1', major: 19 });
    expect(parseToolVersion('pg_dump (PostgreSQL) 9.6.24')).toEqual({ version: '9.6.24', major: 9 });
    expect(parseToolVersion('pg_dump: command not understood')).toBeUndefined();
  });

  it("takes the server's major from server_version_num", () => {
    expect(serverMajor(180004)).toBe(18);
    expect(serverMajor(150018)).toBe(15);
    expect(serverMajor(90624)).toBe(9);
  });

  it('accepts a tool of the same or a newer major, and names both versions and the fix otherwise', () => {
    const server = { version: '18.4', major: 18 };
    expect(versionProblem('pg_dump', { version: '18.1', major: 18 }, server, 'db:5432/emerge')).toBeUndefined();
    expect(versionProblem('pg_dump', { version: '19.0', major: 19 }, server, 'db:5432/emerge')).toBeUndefined();
    expect(versionProblem('pg_dump', { version: '17.6', major: 17 }, server, 'db:5432/emerge')).toBe(
      'pg_dump 17.6 is older than the PostgreSQL 18.4 server at db:5432/emerge, which it cannot handle; install the PostgreSQL 18 client tools (e.g. apt-get install postgresql-client-18) and put their bin folder first on PATH',
    );
    expect(missingToolMessage('pg_restore', { version: '16.2', major: 16 })).toBe(
      'pg_restore was not found on PATH, and backups of a PostgreSQL server need it; install the PostgreSQL 16 client tools (e.g. apt-get install postgresql-client-16) and put their bin folder first on PATH',
    );
  });

  it('keeps the password out of arguments and messages', () => {
    expect(splitPassword('postgres://emerge:s%40cr%3At@db.internal:6432/emerge?sslmode=require')).toEqual({
      url: 'postgres://emerge@db.internal:6432/emerge?sslmode=require',
      password: 's@cr:t',
    });
    expect(splitPassword('postgres://emerge@db/emerge')).toEqual({
      url: 'postgres://emerge@db/emerge',
      password: undefined,
    });
    expect(describeServer('postgres://emerge:secret@db.internal/emerge')).toBe('db.internal:5432/emerge');
  });

  it('finds the first executable of that name on PATH', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'emerge-path-'));
    try {
      const [a, b, c] = ['a', 'b', 'c'].map((d) => join(dir, d));
      for (const d of [a!, b!, c!]) await mkdir(d);
      await writeFile(join(a!, 'pg_dump'), 'not executable', { mode: 0o644 });
      await writeFile(join(b!, 'pg_dump'), '#!/bin/sh\n', { mode: 0o755 });
      await writeFile(join(c!, 'pg_dump'), '#!/bin/sh\n', { mode: 0o755 });
      expect(await findOnPath('pg_dump', [a, b, c].join(delimiter))).toBe(join(b!, 'pg_dump'));
      expect(await findOnPath('pg_restore', [a, b, c].join(delimiter))).toBeUndefined();
      expect(await findOnPath('pg_dump', '')).toBeUndefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
