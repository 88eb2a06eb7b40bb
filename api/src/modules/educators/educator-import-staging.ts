import { Parser } from 'csv-parse';
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
