import { describe, expect, it } from '@jest/globals';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { firstInvalidUtf8, utf8Check } from './educator-import-staging.js';

/** Runs `chunks` through utf8Check: the line it reports, or null when the bytes pass. */
async function check(chunks: Buffer[]): Promise<number | null> {
  let line: number | null = null;
  const sink = new Writable({ write: (_c, _e, done) => done() });
  await pipeline(
    Readable.from(chunks),
    utf8Check((l) => {
      line = l;
      return new Error('invalid');
    }),
    sink,
  ).catch(() => undefined);
  return line;
}

const valid = (bytes: Buffer) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

describe('firstInvalidUtf8', () => {
  it('agrees with the native decoder on random bytes', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const pool = [0x0a, 0x41, 0x7f, 0x80, 0xa0, 0xbf, 0xc2, 0xc3, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff];
    for (let n = 0; n < 3000; n++) {
      const bytes = Buffer.from(
        Array.from({ length: 1 + Math.floor(rand() * 8) }, () => pool[Math.floor(rand() * 16)]!),
      );
      expect([bytes.toString('hex'), firstInvalidUtf8(bytes, true) === -1]).toEqual([
        bytes.toString('hex'),
        valid(bytes),
      ]);
    }
  });
});

describe('utf8Check', () => {
  const text = Buffer.from('a,b\nZoë,€\n😀,x\n');
  it('passes UTF-8 however it is cut into chunks, multi-byte characters included', async () => {
    for (let i = 0; i <= text.length; i++)
      for (let j = i; j <= text.length; j++)
        expect(await check([text.subarray(0, i), text.subarray(i, j), text.subarray(j)])).toBeNull();
  });

  it('leaves a file that opens with the UTF-16LE byte-order mark to the CSV parser, however it is cut', async () => {
    const utf16 = Buffer.from('\ufeffa,b\nZoë,x\n', 'utf16le');
    expect(valid(utf16)).toBe(false);
    for (let i = 0; i <= 3; i++) expect(await check([utf16.subarray(0, i), utf16.subarray(i)])).toBeNull();
  });

  it('checks a file of one byte', async () => {
    expect(await check([Buffer.from([0xe9])])).toBe(1);
    expect(await check([Buffer.from('a')])).toBeNull();
  });

  it('reports the line of the first invalid byte wherever the chunks are cut', async () => {
    const cases: [Buffer, number][] = [
      [Buffer.concat([text, Buffer.from('Ren'), Buffer.from([0xe9]), Buffer.from(',x\n')]), 4],
      [Buffer.concat([Buffer.from([0xe9]), text]), 1],
      [Buffer.concat([Buffer.from('a\n'), Buffer.from([0xf0, 0x9f, 0x98]), Buffer.from('\nb\n')]), 2],
      [Buffer.concat([text, Buffer.from([0xe2, 0x82])]), 4], // a character cut off by the end of the file
    ];
    for (const [bytes, line] of cases)
      for (let i = 0; i <= bytes.length; i++)
        for (let j = i; j <= bytes.length; j++)
          expect([i, j, await check([bytes.subarray(0, i), bytes.subarray(i, j), bytes.subarray(j)])]).toEqual([
            i,
            j,
            line,
          ]);
  });
});
