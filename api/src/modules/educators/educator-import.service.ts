import { Inject, Injectable } from '@nestjs/common';
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DataSource, QueryRunner } from 'typeorm';
import type { AuthContext } from '../../auth/auth-context.js';
import { requireDistrict } from '../../auth/auth-context.js';
import type { RowError } from '../../common/errors/app-error.js';
import { AppError } from '../../common/errors/app-error.js';
import { ErrorCode } from '../../common/errors/error-code.js';
import type { AppConfig } from '../../config/config.js';
import { APP_CONFIG } from '../../config/config.js';
import type { LineRecord } from './educator-import-staging.js';
import { LineParser, StagingWriter, utf8Check } from './educator-import-staging.js';
import { EDUCATOR_STATUSES, GENDERS, LEADERSHIP_LEVELS, RACE_ETHNICITIES } from './educator.entity.js';

/** The documented columns of a roster file (docs/samples/roster.csv), in the order of the staging table. */
export const IMPORT_COLUMNS = [
  'employee_number',
  'first_name',
  'last_name',
  'email',
  'school_code',
  'job_title',
  'leadership_level',
  'years_in_education',
  'status',
  'retirement_eligible_year',
  'birth_year',
  'service_start_on',
  'gender',
  'race_ethnicity',
] as const;
type Column = (typeof IMPORT_COLUMNS)[number];
const REQUIRED: Column[] = ['employee_number', 'first_name', 'last_name', 'job_title'];
// Staged columns after the school code is resolved to an id.
const STAGED = [
  'employee_number',
  'first_name',
  'last_name',
  'email',
  'school_id',
  'job_title',
  'leadership_level',
  'years_in_education',
  'status',
  'retirement_eligible_year',
  'birth_year',
  'service_start_on',
  'gender',
  'race_ethnicity',
] as const;
const TARGET: Record<(typeof STAGED)[number], { column: string; cast: string; from: Column }> = {
  employee_number: { column: 'employee_number', cast: 'text', from: 'employee_number' },
  first_name: { column: 'first_name', cast: 'text', from: 'first_name' },
  last_name: { column: 'last_name', cast: 'text', from: 'last_name' },
  email: { column: 'email', cast: 'text', from: 'email' },
  school_id: { column: 'school_id', cast: 'uuid', from: 'school_code' },
  job_title: { column: 'job_title', cast: 'text', from: 'job_title' },
  leadership_level: { column: 'leadership_level', cast: 'leadership_level', from: 'leadership_level' },
  years_in_education: { column: 'years_in_education', cast: 'int', from: 'years_in_education' },
  status: { column: 'status', cast: 'educator_status', from: 'status' },
  retirement_eligible_year: { column: 'retirement_eligible_year', cast: 'int', from: 'retirement_eligible_year' },
  birth_year: { column: 'birth_year', cast: 'int', from: 'birth_year' },
  service_start_on: { column: 'service_start_on', cast: 'date', from: 'service_start_on' },
  gender: { column: 'gender', cast: 'gender', from: 'gender' },
  race_ethnicity: { column: 'race_ethnicity', cast: 'race_ethnicity', from: 'race_ethnicity' },
};
const MAX_REPORTED_ERRORS = 1000;
const MAX_RECORD_BYTES = 64 * 1024;
// Rows per staging statement: 500 to 5,000 made no measurable difference; 2,000 keeps a bind message near 300 KB.
const BATCH = 2000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface ImportReport {
  dryRun: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Columns of the file that are not roster columns; they are ignored. */
  ignoredColumns: string[];
}

const normalizeHeader = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/**
 * Roster import: streams the CSV into a temporary table in batches (memory stays flat), validates each
 * row, then upserts set-based by employee number, all in one transaction. Any error rolls everything back.
 */
@Injectable()
export class EducatorImportService {
  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async import(auth: AuthContext, body: unknown, dryRun: boolean): Promise<ImportReport> {
    const districtId = requireDistrict(auth);
    if (!(body instanceof Readable)) {
      throw new AppError(
        ErrorCode.UnsupportedMediaType,
        'Send the roster as a CSV file body with Content-Type: text/csv',
      );
    }
    const runner = this.db.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      // One import per district at a time: a second one waits instead of interleaving.
      await runner.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`educator-import:${districtId}`]);
      await runner.query(
        `CREATE TEMP TABLE import_rows (line int NOT NULL, ${STAGED.map((c) => `${c} text`).join(', ')}) ON COMMIT DROP`,
      );
      const schools = new Map<string, string>(
        (
          (await runner.query(`SELECT id, lower(code) AS code FROM schools WHERE district_id = $1`, [districtId])) as {
            id: string;
            code: string;
          }[]
        ).map((s) => [s.code, s.id]),
      );
      const { rows, errors, present, ignored } = await this.stage(runner, body, schools);
      errors.push(...(await this.duplicates(runner)));
      if (errors.length > 0) {
        const order = (c: string) => (IMPORT_COLUMNS as readonly string[]).indexOf(c);
        errors.sort((a, b) => a.line - b.line || order(a.column) - order(b.column));
        throw new AppError(
          ErrorCode.ImportInvalid,
          `The file has ${errors.length} problem(s); nothing was imported. Fix them and upload it again.`,
          errors.slice(0, MAX_REPORTED_ERRORS),
        );
      }
      const counts = await this.count(runner, districtId, present);
      if (!dryRun) await this.apply(runner, districtId, present);
      if (dryRun) await runner.rollbackTransaction();
      else await runner.commitTransaction();
      return { dryRun, rows, ...counts, ignoredColumns: ignored };
    } catch (e) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw e;
    } finally {
      await runner.release();
    }
  }

  private async stage(runner: QueryRunner, body: Readable, schools: Map<string, string>) {
    const errors: RowError[] = [];
    let errorCount = 0;
    const addError = (e: RowError) => {
      errorCount++;
      if (errors.length < MAX_REPORTED_ERRORS) errors.push(e);
    };
    let header: string[] | undefined;
    let present: Column[] = [];
    let ignored: string[] = [];
    let rows = 0;
    const staging = new StagingWriter(runner, 'import_rows', STAGED, BATCH);

    let bytes = 0;
    const limit = this.config.importBodyLimitBytes;
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        if (bytes > limit)
          done(new AppError(ErrorCode.PayloadTooLarge, `The file is larger than ${Math.round(limit / 1048576)} MB`));
        else done(null, chunk);
      },
    });
    // Without this, csv-parse decodes a Windows-1252 file's "é" (byte E9) to U+FFFD and imports that.
    const utf8 = utf8Check((line) => {
      const message = `line ${line} is not valid UTF-8; save the file as UTF-8 (CSV UTF-8 in Excel) and import again`;
      return new AppError(ErrorCode.ImportInvalid, `The file is not UTF-8; nothing was imported: ${message}.`, [
        { line, column: '', message },
      ]);
    });
    const parser = new LineParser({
      bom: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      // A roster row is well under 2 KB; without a cap, one 8 MB line kept the parser busy for ~25 s.
      max_record_size: MAX_RECORD_BYTES,
    });
    let position = new Map<Column, number>();
    // Thrown when the header makes the rest of the file pointless to read.
    const stop = new Error('header rejected');
    /** Handles one record; returns a promise when its batch is full and the previous one is still being written. */
    const consume = (record: string[], line: number): Promise<void> | undefined => {
      if (!header) {
        header = record.map(normalizeHeader);
        present = IMPORT_COLUMNS.filter((c) => header!.includes(c));
        position = new Map(present.map((c) => [c, header!.indexOf(c)]));
        ignored = header.filter((h) => h && !(IMPORT_COLUMNS as readonly string[]).includes(h));
        // Which of two same-named columns counts would be a guess: refuse the file.
        header.forEach((h, i) => {
          const first = header!.indexOf(h);
          if (h && first < i)
            addError({
              line,
              column: h,
              message: `the column ${h} appears more than once (columns ${first + 1} and ${i + 1}); keep one`,
            });
        });
        for (const c of REQUIRED)
          if (!present.includes(c)) addError({ line, column: c, message: `the required column ${c} is missing` });
        if (errorCount > 0) throw stop;
        return;
      }
      rows++;
      if (record.length !== header.length) {
        addError({ line, column: '', message: `expected ${header.length} fields, found ${record.length}` });
        return;
      }
      const get = (c: Column) => {
        const i = position.get(c);
        return i === undefined ? '' : (record[i] ?? '');
      };
      const staged = this.validateRow(get, present, schools, (column, message) => addError({ line, column, message }));
      return staged ? staging.add(line, staged) : undefined;
    };
    // A plain object-mode sink: an async iterator would cost a promise (and its async hook) per record.
    const sink = new Writable({
      objectMode: true,
      write({ record, line }: LineRecord, _enc, done) {
        let full: Promise<void> | undefined;
        try {
          full = consume(record, line);
        } catch (e) {
          return done(e as Error);
        }
        if (full) full.then(() => done(), done);
        else done();
      },
    });
    try {
      await pipeline(body, counter, utf8, parser, sink);
    } catch (e) {
      if (e !== stop) {
        // A batch still being written must settle before the transaction is rolled back.
        await staging.settle();
        if (e instanceof AppError) throw e;
        throw new AppError(ErrorCode.ImportInvalid, `The file is not valid CSV: ${(e as Error).message}`, [
          { line: 0, column: '', message: (e as Error).message },
        ]);
      }
    }
    await staging.finish();
    // Temporary tables are never analyzed automatically; the checks and the upsert join on this one.
    await runner.query('ANALYZE import_rows');
    if (!header) addError({ line: 1, column: '', message: 'the file is empty: expected a header row and data rows' });
    if (errorCount > errors.length) {
      errors.push({
        line: Number.MAX_SAFE_INTEGER,
        column: '',
        message: `${errorCount - errors.length} more problem(s) not listed`,
      });
    }
    return { rows, errors, present, ignored };
  }

  /** Validates one row; returns the staged values in STAGED order, or undefined when it has errors. */
  private validateRow(
    get: (c: Column) => string,
    present: Column[],
    schools: Map<string, string>,
    error: (column: string, message: string) => void,
  ): (string | null)[] | undefined {
    let ok = true;
    const fail = (c: string, m: string) => {
      ok = false;
      error(c, m);
    };
    const text = (c: Column, max: number, required = false) => {
      const v = get(c);
      if (!v) {
        if (required) fail(c, `${c} is required`);
        return null;
      }
      if (v.length > max) fail(c, `${c} is longer than ${max} characters`);
      return v;
    };
    const oneOf = (c: Column, values: readonly string[]) => {
      const v = get(c)
        .toLowerCase()
        .replace(/[\s-]+/g, '_');
      if (!v) return null;
      if (!values.includes(v)) fail(c, `${c} must be one of: ${values.join(', ')} (or empty)`);
      return v;
    };
    const int = (c: Column, min: number, max: number) => {
      const v = get(c);
      if (!v) return null;
      if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max)
        fail(c, `${c} must be a whole number from ${min} to ${max}`);
      return v;
    };
    const day = (c: Column) => {
      const v = get(c);
      if (!v) return null;
      const at = Date.parse(`${v}T00:00:00Z`);
      const valid = /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(at) && new Date(at).toISOString().startsWith(v);
      if (!valid) fail(c, `${c} must be a date like 1998-08-15`);
      return v;
    };
    const employee = text('employee_number', 40, true);
    if (employee && !/^[A-Za-z0-9._-]+$/.test(employee))
      fail('employee_number', 'employee_number may hold letters, digits, dot, dash and underscore');
    const email = text('email', 254);
    if (email && !EMAIL.test(email)) fail('email', 'email is not an email address');
    const code = get('school_code');
    const schoolId = code ? (schools.get(code.toLowerCase()) ?? null) : null;
    if (code && !schoolId) fail('school_code', `no school of the district has the code ${code}`);
    const status = present.includes('status') ? (oneOf('status', EDUCATOR_STATUSES) ?? 'active') : null;
    const values = [
      employee,
      text('first_name', 100, true),
      text('last_name', 100, true),
      email?.toLowerCase() ?? null,
      schoolId,
      text('job_title', 120, true),
      oneOf('leadership_level', LEADERSHIP_LEVELS),
      int('years_in_education', 0, 70),
      status,
      int('retirement_eligible_year', 1950, 2100),
      int('birth_year', 1900, 2100),
      day('service_start_on'),
      oneOf('gender', GENDERS),
      oneOf('race_ethnicity', RACE_ETHNICITIES),
    ];
    return ok ? values : undefined;
  }

  private async duplicates(runner: QueryRunner): Promise<RowError[]> {
    const rows: { line: number; employee_number: string; first: number }[] = await runner.query(
      `SELECT line, employee_number, first FROM (
         SELECT line, employee_number, min(line) OVER (PARTITION BY employee_number) AS first FROM import_rows) d
        WHERE line <> first ORDER BY line LIMIT ${MAX_REPORTED_ERRORS}`,
    );
    return rows.map((r) => ({
      line: r.line,
      column: 'employee_number',
      message: `employee number ${r.employee_number} already appears on line ${r.first}`,
    }));
  }

  /** A staged column counts only when the file has it; absent columns keep the roster's values. */
  private staged(present: Column[]) {
    return STAGED.filter((c) => present.includes(TARGET[c].from));
  }

  private async count(runner: QueryRunner, districtId: string, present: Column[]) {
    const cols = this.staged(present);
    const same = cols.map((c) => `e.${TARGET[c].column} IS NOT DISTINCT FROM r.${c}::${TARGET[c].cast}`).join(' AND ');
    const [row]: { created: number; unchanged: number; updated: number }[] = await runner.query(
      `SELECT count(*) FILTER (WHERE e.id IS NULL)::int AS created,
              count(*) FILTER (WHERE e.id IS NOT NULL AND (${same}))::int AS unchanged,
              count(*) FILTER (WHERE e.id IS NOT NULL AND NOT (${same}))::int AS updated
         FROM import_rows r LEFT JOIN educators e ON e.district_id = $1 AND e.employee_number = r.employee_number`,
      [districtId],
    );
    return row!;
  }

  private async apply(runner: QueryRunner, districtId: string, present: Column[]): Promise<void> {
    const cols = this.staged(present);
    const value = (c: (typeof STAGED)[number]) => `r.${c}::${TARGET[c].cast}`;
    // Updates first: they join the staged rows with the educators already there, not with the ones this
    // import is about to create.
    const changed = cols.filter((c) => c !== 'employee_number');
    if (changed.length > 0) {
      const same = changed.map((c) => `e.${TARGET[c].column} IS NOT DISTINCT FROM ${value(c)}`).join(' AND ');
      // Leavers lose their login in the same statement, so no list of updated rows comes back to Node.
      await runner.query(
        `WITH updated AS (
           UPDATE educators e SET ${changed.map((c) => `${TARGET[c].column} = ${value(c)}`).join(', ')}, version = e.version + 1, updated_at = now()
             FROM import_rows r
            WHERE e.district_id = $1 AND e.employee_number = r.employee_number AND NOT (${same})
            RETURNING e.id, e.status)
         UPDATE users SET active = false, token_version = token_version + 1, version = version + 1, updated_at = now()
          WHERE educator_id IN (SELECT id FROM updated WHERE status = 'inactive') AND active`,
        [districtId],
      );
    }
    const insertCols = cols.map((c) => TARGET[c].column);
    await runner.query(
      `INSERT INTO educators (district_id, ${insertCols.join(', ')})
       SELECT $1, ${cols.map(value).join(', ')}
         FROM import_rows r
        WHERE NOT EXISTS (SELECT 1 FROM educators e WHERE e.district_id = $1 AND e.employee_number = r.employee_number)`,
      [districtId],
    );
  }
}
