import type { Logger, ObjectLiteral } from 'typeorm';

/** One statement as TypeORM sent it: the SQL text and its positional parameters. */
export interface RecordedQuery {
  sql: string;
  parameters: unknown[];
}

/**
 * A TypeORM logger that records every statement sent between `start()` and `stop()`: QueryBuilder and
 * repository calls, `manager.query`, transaction control and the audit `set_config` calls alike. Pass it as
 * `AppModuleOptions.queryLogger` (tests count statements; the bench replays the SQL of a request). Outside
 * a recording it does nothing, and the app runs without it unless one is passed.
 */
export class QueryRecorder implements Logger {
  private recorded: RecordedQuery[] | null = null;

  /** Starts a new recording (dropping one still open). */
  start(): void {
    this.recorded = [];
  }

  /** Ends the recording and returns its statements in the order they were sent. */
  stop(): RecordedQuery[] {
    const recorded = this.recorded ?? [];
    this.recorded = null;
    return recorded;
  }

  get recording(): boolean {
    return this.recorded !== null;
  }

  logQuery(query: string, parameters?: unknown[] | ObjectLiteral): void {
    // A copy: the driver may reuse the array after the call.
    this.recorded?.push({ sql: query, parameters: Array.isArray(parameters) ? [...parameters] : [] });
  }

  logQueryError(): void {}

  logQuerySlow(): void {}

  logSchemaBuild(): void {}

  logMigration(): void {}

  log(): void {}
}
