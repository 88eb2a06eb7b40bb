import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { TarHeader } from './tar.js';
import { collectTree, parseHeader, readTar, TarError, tarHeader, tarStream } from './tar.js';

async function bytesOf(gen: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const b of gen) parts.push(b);
  return Buffer.concat(parts);
}

/** Feeds a buffer in awkward 7-byte chunks, to exercise reads that straddle chunk borders. */
async function* chunked(buf: Buffer, size = 7): AsyncGenerator<Buffer> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

async function entries(buf: Buffer, read = true) {
  const out: { header: TarHeader; data: string }[] = [];
  await readTar(chunked(buf), async (header, body) => {
    out.push({ header, data: read ? (await bytesOf(body)).toString('latin1') : '' });
  });
  return out;
}

describe('ustar writer and reader', () => {
  const longName = `pg/${'d'.repeat(90)}/${'f'.repeat(60)}`; // 155 bytes: needs the prefix field

  it('round-trips folders, empty and binary files and long names with modes and times', async () => {
    const binary = Buffer.from(Array.from({ length: 1300 }, (_, i) => (i * 37) % 256));
    const buf = await bytesOf(
      tarStream([
        { name: 'pg/', type: 'dir', mode: 0o700, mtime: 1_700_000_000_000 },
        { name: 'pg/empty', type: 'file', mode: 0o600, mtime: 1_700_000_001_000, size: 0, source: Buffer.alloc(0) },
        { name: longName, type: 'file', mode: 0o640, mtime: 1_700_000_002_000, size: 1300, source: binary },
      ]),
    );
    expect(buf.length % 512).toBe(0);
    // 3 headers + 1300 bytes padded to 1536 + 2 end blocks
    expect(buf.length).toBe(3 * 512 + 1536 + 1024);
    const got = await entries(buf);
    expect(got.map((e) => e.header)).toEqual([
      { name: 'pg/', type: 'dir', mode: 0o700, mtime: 1_700_000_000_000, size: 0 },
      { name: 'pg/empty', type: 'file', mode: 0o600, mtime: 1_700_000_001_000, size: 0 },
      { name: longName, type: 'file', mode: 0o640, mtime: 1_700_000_002_000, size: 1300 },
    ]);
    expect(got[2]!.data).toBe(binary.toString('latin1'));
  });

  it('skips content the consumer does not read', async () => {
    const buf = await bytesOf(
      tarStream([
        { name: 'a', type: 'file', mode: 0o600, mtime: 0, size: 700, source: Buffer.alloc(700, 1) },
        { name: 'b', type: 'file', mode: 0o600, mtime: 0, size: 3, source: Buffer.from('xyz') },
      ]),
    );
    const names: string[] = [];
    await readTar(chunked(buf, 100), async (h, body) => {
      names.push(h.name);
      if (h.name === 'a')
        for await (const _ of body) break; // read one piece, then stop
      else expect((await bytesOf(body)).toString()).toBe('xyz');
    });
    expect(names).toEqual(['a', 'b']);
  });

  it('writes archives that the system tar reads', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'emerge-tar-'));
    try {
      await mkdir(join(dir, 'src/base/1'), { recursive: true });
      await writeFile(join(dir, 'src/base/1/112'), 'page');
      await writeFile(join(dir, 'src/PG_VERSION'), '18\n');
      const items = await collectTree(join(dir, 'src'), 'pg');
      expect(items.map((i) => i.name)).toEqual(['pg/', 'pg/PG_VERSION', 'pg/base/', 'pg/base/1/', 'pg/base/1/112']);
      await pipeline(Readable.from(tarStream(items)), createWriteStream(join(dir, 'a.tar')));
      const listing = execFileSync('tar', ['-tf', join(dir, 'a.tar')], { encoding: 'utf8' });
      expect(listing.trim().split('\n')).toEqual(['pg/', 'pg/PG_VERSION', 'pg/base/', 'pg/base/1/', 'pg/base/1/112']);
      expect(execFileSync('tar', ['-xOf', join(dir, 'a.tar'), 'pg/base/1/112'], { encoding: 'utf8' })).toBe('page');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('rejects truncated archives, damaged headers and entry types a backup never has', async () => {
    const buf = await bytesOf(
      tarStream([{ name: 'a', type: 'file', mode: 0o600, mtime: 0, size: 2000, source: Buffer.alloc(2000, 7) }]),
    );
    await expect(entries(buf.subarray(0, 1024))).rejects.toThrow(
      new TarError('the archive ends early (the file is incomplete)'),
    );
    await expect(entries(buf.subarray(0, 512 + 2048), false)).rejects.toThrow('the archive ends early');

    const damaged = Buffer.from(buf);
    damaged[10] = 0x41; // a byte of the name: the checksum no longer matches
    await expect(entries(damaged)).rejects.toThrow('the archive has a damaged header (checksum mismatch)');

    const link = tarHeader({ name: 'pg/link', type: 'file', mode: 0o777, mtime: 0, size: 0 });
    link.write('2', 156, 'latin1');
    link.fill(0x20, 148, 156);
    let sum = 0;
    for (const b of link) sum += b;
    link.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 'latin1');
    expect(() => parseHeader(link)).toThrow('the archive holds an entry of type "2", which an Emerge backup never has');
  });

  it('refuses names that do not fit ustar and files larger than its size field', () => {
    expect(() => tarHeader({ name: 'x'.repeat(101), type: 'file', mode: 0o600, mtime: 0, size: 0 })).toThrow(
      `the path ${'x'.repeat(101)} is too long for a tar archive`,
    );
    expect(() => tarHeader({ name: 'big', type: 'file', mode: 0o600, mtime: 0, size: 8 * 1024 ** 3 })).toThrow(
      'the size of big is too large for a tar header',
    );
    expect(
      parseHeader(tarHeader({ name: 'ok', type: 'file', mode: 0o600, mtime: 0, size: 8 * 1024 ** 3 - 1 }))?.size,
    ).toBe(8 * 1024 ** 3 - 1);
  });
});
