import { describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileStamp, formatBytes, formatSeconds, resolveOutput, sniffBackup } from './backup-common.js';

describe('backup helpers', () => {
  const now = new Date('2026-11-05T10:30:15.123Z');

  it('formats sizes, durations and file stamps', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(9_399_328)).toBe('9.4 MB');
    expect(formatBytes(71_945_634)).toBe('72 MB');
    expect(formatBytes(2_500_000_000)).toBe('2.5 GB');
    expect(formatSeconds(3249)).toBe('3.2 s');
    expect(fileStamp(now)).toBe('2026-11-05T10-30-15Z');
  });

  it('resolves --out as a file, a folder, or the default backups folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'emerge-out-'));
    try {
      expect(await resolveOutput(undefined, dir, '.tar.gz', now)).toBe(
        join(dir, 'backups/emerge-2026-11-05T10-30-15Z.tar.gz'),
      );
      expect(await resolveOutput('.', dir, '.dump', now)).toBe(join(dir, 'emerge-2026-11-05T10-30-15Z.dump'));
      expect(await resolveOutput('later/', dir, '.dump', now)).toBe(
        join(dir, 'later/emerge-2026-11-05T10-30-15Z.dump'),
      );
      expect(await resolveOutput('nightly.tar.gz', dir, '.tar.gz', now)).toBe(join(dir, 'nightly.tar.gz'));
      expect(await resolveOutput('/srv/b/x.dump', dir, '.dump', now)).toBe('/srv/b/x.dump');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('tells an embedded backup from a pg_dump archive by its first bytes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'emerge-sniff-'));
    try {
      await writeFile(join(dir, 'a'), Buffer.from([0x1f, 0x8b, 8, 0]));
      await writeFile(join(dir, 'b'), 'PGDMP\u0001');
      await writeFile(join(dir, 'c'), '-- plain SQL');
      expect(await sniffBackup(join(dir, 'a'))).toBe('embedded');
      expect(await sniffBackup(join(dir, 'b'))).toBe('pg_dump');
      expect(await sniffBackup(join(dir, 'c'))).toBe('unknown');
      await expect(sniffBackup(join(dir, 'none'))).rejects.toThrow(`There is no file ${join(dir, 'none')}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
