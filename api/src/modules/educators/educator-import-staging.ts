import { Parser } from 'csv-parse';
import { Transform } from 'node:stream';
import type { QueryRunner } from 'typeorm';

/** A parsed CSV record and the line of the file it ends on. */
export interface LineRecord {
  record: string[];
  line: number;
}

/**
 * The CSV parser, handing on each record with the line it ends on. That is what the `info` option gives,
 * but `info` builds a snapshot object of every counter per record, and those were most of what V8
 * promoted to its old space during an import; the parser's live counter is read as each record leaves.
 */
export class LineParser extends Parser {
  override push(record: unknown, encoding?: BufferEncoding): boolean {
    return super.push(record === null ? null : { record, line: this.info.lines }, encoding);
  }
}

const NEEDS_ESCAPE = /[\\"]/;
const ESCAPE = /[\\"]/g;

/** A PostgreSQL array literal of text values, each one quoted; null is NULL. */
export function textArrayLiteral(values: readonly (string | null)[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : `"${NEEDS_ESCAPE.test(v) ? v.replace(ESCAPE, '\\$&') : v}"`)).join(',')}}`;
}

/**
 * Writes rows into a staging table in batches, column-wise: one array parameter per column (a short
 * statement whatever the batch size), each built with one `join` (the driver's own array serialisation,
 * concatenating element by element, was the import's largest allocation). One batch is written while
 * the next one fills, and `add` waits for that write before sending another, so the parsing and the
 * database work overlap and at most two batches are in memory.
 */
export class StagingWriter {
  private lines: number[] = [];
  private columns: (string | null)[][];
  private writing: Promise<unknown> = Promise.resolve();
  private readonly sql: string;

  constructor(
    private readonly runner: QueryRunner,
    table: string,
    columns: readonly string[],
    private readonly batchSize: number,
  ) {
    this.columns = columns.map(() => []);
    this.sql = `INSERT INTO ${table} (line, ${columns.join(', ')})
      SELECT * FROM unnest($1::int[], ${columns.map((_, i) => `$${i + 2}::text[]`).join(', ')})`;
  }

  /** Adds one row; when that fills the batch, returns a promise that settles once the batch is sent. */
  add(line: number, values: readonly (string | null)[]): Promise<void> | undefined {
    this.lines.push(line);
    for (let i = 0; i < this.columns.length; i++) this.columns[i]!.push(values[i] ?? null);
    return this.lines.length >= this.batchSize ? this.flush() : undefined;
  }

  /** Waits for the batch being written, then sends the rows added since (if any) without waiting for them. */
  async flush(): Promise<void> {
    await this.writing;
    if (this.lines.length === 0) return;
    const params = [`{${this.lines.join(',')}}`, ...this.columns.map(textArrayLiteral)];
    this.lines = [];
    this.columns = this.columns.map(() => []);
    this.writing = this.runner.query(this.sql, params);
    // Awaited by the next flush or by settle(); this only keeps a failure from counting as unhandled meanwhile.
    this.writing.catch(() => undefined);
  }

  /** Sends what is left and waits until every batch is written; rejects if one failed. */
  async finish(): Promise<void> {
    await this.flush();
    await this.writing;
  }

  /** Waits for the batch being written, ignoring its failure (before a rollback). */
  async settle(): Promise<void> {
    await this.writing.catch(() => undefined);
  }
}

/**
 * The offset of the first byte of `bytes` that cannot be part of well-formed UTF-8 (the WHATWG decoder's
 * rules: no overlong forms, no surrogates, nothing above U+10FFFF), or -1 if there is none; a sequence cut
 * off by the end of `bytes` counts as invalid only when `final`.
 */
export function firstInvalidUtf8(bytes: Uint8Array, final: boolean): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= bytes.length) return final ? i : -1;
      const c = bytes[i + k]!;
      if (c < lo || c > hi) return i;
      lo = 0x80;
      hi = 0xbf;
    }
    i += need + 1;
  }
  return -1;
}

const countNewlines = (bytes: Uint8Array, end = bytes.length) => {
  let n = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < end; i = bytes.indexOf(0x0a, i + 1)) n++;
  return n;
};

/**
 * Passes the bytes of an upload through unchanged while checking that they are UTF-8 (the native decoder
 * in `fatal` mode; its output is dropped). On the first invalid byte it fails with `onInvalid(line)`, the
 * 1-based line of the file that byte is on, found by scanning the chunk it was in.
 */
export function utf8Check(onInvalid: (line: number) => Error): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let newlines = 0;
  // The last bytes of the previous chunk: a sequence the decoder is holding may have started there.
  let tail: Uint8Array = new Uint8Array(0);
  // A file that opens with the UTF-16LE byte-order mark (Excel's "Unicode text") is csv-parse's to decode.
  let head: Buffer | null = Buffer.alloc(0);
  let utf16 = false;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (head) {
        chunk = Buffer.concat([head, chunk]);
        if (chunk.length < 2) {
          head = chunk;
          return done();
        }
        head = null;
        utf16 = chunk[0] === 0xff && chunk[1] === 0xfe;
      }
      if (utf16) return done(null, chunk);
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        // Scan from the first byte of the tail that starts a character (the ones before were complete).
        let from = 0;
        while (from < tail.length && (tail[from]! & 0xc0) === 0x80) from++;
        const joined = Buffer.concat([tail.subarray(from), chunk]);
        const bad = Math.max(0, firstInvalidUtf8(joined, false) - (tail.length - from));
        return done(onInvalid(newlines + countNewlines(chunk, bad) + 1));
      }
      newlines += countNewlines(chunk);
      // A chunk shorter than a character (even an empty one) keeps the bytes before it.
      tail = chunk.length >= 3 ? chunk.subarray(chunk.length - 3) : Buffer.concat([tail, chunk]).subarray(-3);
      done(null, chunk);
    },
    flush(done) {
      if (utf16) return done();
      if (head?.length) {
        // A one-byte file.
        const one = head;
        head = null;
        if (one[0]! >= 0x80) return done(onInvalid(1));
        this.push(one);
      }
      try {
        decoder.decode();
      } catch {
        // A character cut off by the end of the file: it is on the last line.
        return done(onInvalid(newlines + 1));
      }
      done();
    },
  });
}
