/** SQL fragments the kept dashboard counts and their readers share, so that both count alike. */

/** Whole days in a stay: calendar days (UTC) from the day it began to the day it ended. */
export const DAYS_SQL = (from: string, to: string) =>
  `((${to} AT TIME ZONE 'UTC')::date - (${from} AT TIME ZONE 'UTC')::date)`;

/** The school year (July 1 – June 30) a moment falls in, by its first calendar year: 2025 for 2025-26. */
export const SCHOOL_YEAR_SQL = (at: string) =>
  `extract(year FROM (${at} AT TIME ZONE 'UTC') - interval '6 months')::int`;

/** The stages of the pipeline (docs/metrics.md), as an SQL list. */
export const ACTIVE_STAGES_SQL = `'identified', 'engaged', 'developing', 'ready', 'placed', 'supported'`;

/** Eligible for a nomination (docs/metrics.md): active on the roster with at least 3 years in education. */
export const ELIGIBLE_SQL = (e: string) => `${e}.status = 'active' AND ${e}.years_in_education >= 3`;

/** A table whose rows decide some educators' kept cells: which educators a statement's rows concern, and the
 * columns the cells read (a statement trigger cannot name its columns), or expressions over the row written with
 * `{row}`. `key` identifies a row (`id`). */
export interface CellSource {
  table: string;
  ids: (rows: string) => string;
  changed: string[];
  key?: string;
}

/** The statements a source's triggers follow, with the transition tables each one has. */
export const STATEMENT_OPS = [
  ['insert', 'NEW TABLE AS new_rows'],
  ['update', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
  ['delete', 'OLD TABLE AS old_rows'],
] as const;

/**
 * The statement trigger function `name` on a source: collects the educators the statement's rows concern (for
 * an update, only rows whose read columns changed, before and after) and passes them to `recount(ids)`.
 */
export function recountOnChange(name: string, recount: string, { ids, changed, key = 'id' }: CellSource): string {
  // A column, or an expression over the row written with `{row}` (what of a column the reader uses).
  const of = (c: string, side: 'n' | 'o') => (c.includes('{row}') ? c.replaceAll('{row}', side) : `${side}.${c}`);
  const differs = changed.map((c) => `${of(c, 'n')} IS DISTINCT FROM ${of(c, 'o')}`).join(' OR ');
  const pair = (side: 'n' | 'o') =>
    `(SELECT ${side}.* FROM new_rows n JOIN old_rows o ON o.${key} = n.${key} WHERE ${differs})`;
  return `
CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT x) INTO ids FROM (${ids('new_rows')}) s (x);
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT x) INTO ids FROM (${ids('old_rows')}) s (x);
  ELSE
    SELECT array_agg(DISTINCT x) INTO ids FROM (${ids(`${pair('n')} u`)} UNION ${ids(`${pair('o')} v`)}) s (x);
  END IF;
  PERFORM ${recount}(ids);
  RETURN NULL;
END $$;`;
}
