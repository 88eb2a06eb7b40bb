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
