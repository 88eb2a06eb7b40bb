import type pg from 'pg';
import type { DataSource, QueryRunner } from 'typeorm';
import type { RecordedQuery } from '../database/query-recorder.js';

/** What a statement serves: a list page, a single record's read, or a dashboard aggregate. */
export type StatementKind = 'list' | 'detail' | 'dashboard';

/** A recorded statement to plan, with what it serves and where it came from. */
export interface GateStatement extends RecordedQuery {
  kind: StatementKind;
  /** Shown in violations, e.g. `GET /api/candidates (hr) #2`. */
  label: string;
  /** Settings the app made in the statement's transaction before it (e.g. `SET LOCAL work_mem = '64MB'`). */
  setup?: string[];
}

export interface ExplainGateOptions {
  /**
   * Plan with `enable_seqscan = off` in the gate's session, so a Seq Scan appears only where no index can
   * serve the statement: the way to test index coverage on a small database whose tables the planner would
   * rightly read whole.
   */
  seqScanOff: boolean;
  /** A Seq Scan in a list or detail statement is a violation on a table whose pg_class.reltuples exceeds this. */
  rowThreshold: number;
  /** Tables a dashboard statement may never read whole, e.g. evidence, stage_transitions, audit_log. */
  factTables: string[];
  /**
   * When given, only these tables are held to `rowThreshold` (the tables that are big at scale), so a small
   * database can use threshold 0 without flagging reference tables. A never-analyzed table (reltuples -1)
   * counts as over the threshold.
   */
  tables?: string[];
  /**
   * Also flag an Index Scan or Index Only Scan without an index condition (the table read whole in index
   * order, e.g. to feed a merge join). Meaningful on generated data; on a small database, and with
   * `seqScanOff`, the planner picks such scans of tiny tables instead of the Seq Scans it was denied.
   */
  fullIndexScans?: boolean;
}

export type ViolationRule = 'seq-scan' | 'fact-seq-scan' | 'full-index-scan' | 'explain-failed';

export interface ExplainViolation {
  label: string;
  kind: StatementKind;
  rule: ViolationRule;
  table: string | null;
  alias: string | null;
  /** pg_class.reltuples of the table (-1: never analyzed). */
  estimatedRows: number | null;
  message: string;
  sql: string;
}

/** The tables that grow with the installation (a state holds millions of rows in some). */
export const BIG_TABLES = [
  'educators',
  'candidates',
  'nominations',
  'evidence',
  'stage_transitions',
  'audit_log',
  'positions',
  'users',
  'assignments',
  'latest_ratings',
  'target_levels',
  'stage_stays',
  // The dashboards' kept counts: small per district, many across a state.
  'stay_durations',
  'open_stays',
  'funnel_counts',
  'equity_facts',
  'equity_counts',
  'nomination_facts',
  'nomination_counts',
];

/** History (and its per-candidate summary) a dashboard must reach through an index, never by reading it whole. */
export const FACT_TABLES = [
  'evidence',
  'stage_transitions',
  'audit_log',
  'latest_ratings',
  'target_levels',
  'stage_stays',
];

/** The issue's bench rule on generated data: a table over 10,000 rows is never read whole by a list or detail. */
export const BENCH_GATE_OPTIONS: ExplainGateOptions = {
  seqScanOff: false,
  rowThreshold: 10_000,
  factTables: FACT_TABLES,
  fullIndexScans: true,
};

export type ExplainTarget = DataSource | QueryRunner | pg.ClientBase;

type Run = (sql: string, parameters?: unknown[]) => Promise<Record<string, unknown>[]>;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Alias?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Plans?: PlanNode[];
}

const TRANSACTION = /^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b/i;

/**
 * The statements of one request worth planning: reads (`SELECT`/`WITH`), without transaction control and
 * the audit `set_config` call, each carrying the `SET` statements its transaction ran before it.
 */
export function gateStatements(recorded: RecordedQuery[], kind: StatementKind, label: string): GateStatement[] {
  const out: GateStatement[] = [];
  let setup: string[] = [];
  recorded.forEach((r, i) => {
    // A statement without parameters may be several (e.g. `BEGIN READ ONLY; SET LOCAL …`): each counts.
    const parts = r.parameters?.length ? [r.sql] : r.sql.split(/;\s*(?=\S)/);
    for (const part of parts) {
      const sql = part.trim().replace(/;$/, '');
      if (TRANSACTION.test(sql)) setup = [];
      else if (/^SET\s+TRANSACTION\b/i.test(sql)) continue;
      else if (/^SET\s/i.test(sql)) setup.push(sql);
      else if (/^SELECT\s+set_config\s*\(/i.test(sql)) continue;
      else if (/^(SELECT|WITH)\b/i.test(sql)) out.push({ ...r, kind, label: `${label} #${i + 1}`, setup: [...setup] });
    }
  });
  return out;
}

async function withSession<T>(target: ExplainTarget, fn: (run: Run) => Promise<T>): Promise<T> {
  if ('createQueryRunner' in target) {
    const runner = target.createQueryRunner();
    await runner.connect();
    try {
      return await fn((sql, parameters) => runner.query(sql, parameters));
    } finally {
      await runner.release();
    }
  }
  if ('manager' in target) return fn((sql, parameters) => target.query(sql, parameters));
  return fn(async (sql, parameters) => (await target.query(sql, parameters)).rows as Record<string, unknown>[]);
}

function* walk(node: PlanNode): Generator<PlanNode> {
  yield node;
  for (const child of node.Plans ?? []) yield* walk(child);
}

const oneLine = (sql: string) => sql.replace(/\s+/g, ' ').trim();

/**
 * Plans each statement with `EXPLAIN (FORMAT JSON)` and its recorded parameters (nothing is executed) and
 * returns what would read a big table whole: a Seq Scan, or an index scan without an index condition, of a
 * table over the row threshold in a list or detail statement, or of a fact table in a dashboard statement.
 * Runs in one transaction of its own, rolled back; pass a DataSource, an idle QueryRunner or a pg client.
 */
export async function explainGate(
  target: ExplainTarget,
  statements: GateStatement[],
  options: ExplainGateOptions,
): Promise<ExplainViolation[]> {
  const held = options.tables ? new Set(options.tables) : null;
  const facts = new Set(options.factTables);
  return withSession(target, async (run) => {
    const violations: ExplainViolation[] = [];
    await run('BEGIN');
    try {
      if (options.seqScanOff) await run('SET LOCAL enable_seqscan = off');
      const sizes = new Map(
        (
          (await run(
            `SELECT c.relname AS name, c.reltuples::float8 AS rows FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY (current_schemas(false))`,
          )) as { name: string; rows: number }[]
        ).map((r) => [r.name, Number(r.rows)]),
      );
      // A partial index holds only the rows its predicate matches: reading it whole is not reading the table.
      const partial = new Set(
        (
          (await run(
            `SELECT i.relname AS name FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indpred IS NOT NULL`,
          )) as { name: string }[]
        ).map((r) => r.name),
      );
      const big = (table: string) => {
        if (held && !held.has(table)) return false;
        const rows = sizes.get(table) ?? -1;
        return rows < 0 || rows > options.rowThreshold;
      };
      for (const s of statements) {
        await run('SAVEPOINT explain_gate');
        let plan: PlanNode;
        try {
          for (const setting of s.setup ?? []) await run(setting);
          const rows = await run(`EXPLAIN (FORMAT JSON) ${s.sql}`, s.parameters);
          plan = (rows[0]!['QUERY PLAN'] as { Plan: PlanNode }[])[0]!.Plan;
        } catch (e) {
          await run('ROLLBACK TO SAVEPOINT explain_gate');
          const message = `EXPLAIN failed: ${(e as Error).message}`;
          violations.push({
            ...base(s),
            rule: 'explain-failed',
            table: null,
            alias: null,
            estimatedRows: null,
            message,
          });
          continue;
        }
        await run('ROLLBACK TO SAVEPOINT explain_gate');
        for (const node of walk(plan)) {
          const table = node['Relation Name'];
          if (!table) continue;
          const type = node['Node Type'];
          const whole =
            type === 'Seq Scan' ||
            (options.fullIndexScans === true &&
              (type === 'Index Scan' || type === 'Index Only Scan') &&
              node['Index Cond'] === undefined &&
              !partial.has(node['Index Name'] ?? ''));
          if (!whole) continue;
          const dashboard = s.kind === 'dashboard';
          if (dashboard ? !facts.has(table) : !big(table)) continue;
          const rule: ViolationRule =
            type !== 'Seq Scan' ? 'full-index-scan' : dashboard ? 'fact-seq-scan' : 'seq-scan';
          const how = type === 'Seq Scan' ? 'Seq Scan' : `${type} using ${node['Index Name']} without a condition`;
          violations.push({
            ...base(s),
            rule,
            table,
            alias: node.Alias ?? null,
            estimatedRows: sizes.get(table) ?? null,
            message: `${how} on ${table}${node.Alias && node.Alias !== table ? ` ${node.Alias}` : ''}`,
          });
        }
      }
    } finally {
      await run('ROLLBACK');
    }
    return violations;
  });
}

const base = (s: GateStatement) => ({ label: s.label, kind: s.kind, sql: oneLine(s.sql) });

/** One line per violation, for a test failure or the bench's report. */
export function formatViolations(violations: ExplainViolation[]): string {
  return violations
    .map((v) => `${v.label} [${v.kind}] ${v.message} (rows ≈ ${v.estimatedRows ?? '?'})\n    ${v.sql.slice(0, 400)}`)
    .join('\n');
}
