import { GENDERS, RACE_ETHNICITIES, stageName } from '../resources/choices';
import { int, nameOf, periodText, type Cell, type FigureTable } from './tables';
import type { Equity, EquityTable, SuppressedCount } from './types';

export function groupName(dimension: string, group: string): string {
  if (group === 'not_recorded') return 'Not recorded';
  return nameOf(dimension === 'gender' ? GENDERS : RACE_ETHNICITIES, group);
}

const columnName = (c: string) => (c === 'eligible' ? 'Eligible pool' : c === 'nominated' ? 'Nominated' : stageName(c));
const stepName = (s: string) => s.split('>').map(stageName).join(' → ');

/** A suppressed count is shown as "<threshold", never as a number. */
export const countCell = (c: SuppressedCount, threshold: number): Cell => (c.suppressed ? `<${threshold}` : c.count);

function countsTable(e: Equity, t: EquityTable, caption: string, filename: string, label: string): FigureTable {
  return {
    caption,
    filename,
    label,
    columns: [{ label: 'Group' }, ...t.columns.map((c) => int(columnName(c)))],
    rows: [
      ...t.rows.map((r) => [groupName(e.dimension, r.group), ...r.cells.map((c) => countCell(c, e.threshold))]),
      ['Total', ...t.totals.map((c) => countCell(c, e.threshold))],
    ],
    note: protectionNote(t, e.threshold),
  };
}

/** Says how this table's counts were protected, in words a reader can check against the totals. */
export function protectionNote(t: EquityTable, threshold: number): string {
  const methods = new Set(t.methods);
  const how = [
    methods.has('rounded') && 'rounded to a multiple of 3 (off by at most 2)',
    methods.has('noisy') && 'shifted by a small random amount (usually 0 or 1) because a filter narrows the people',
  ].filter(Boolean);
  const altered = how.length
    ? ` Group counts are ${how.join('; others are ')}, so no combination of views can single anyone out; totals are exact.`
    : '';
  return `Counts below ${threshold}, and counts that would reveal one, are shown as “<${threshold}”.${altered}`;
}

/** The part of a column its withheld counts hold (with the rounding of the others); null when none is withheld. */
export function withheldShare(t: EquityTable, j: number): number | null {
  const total = t.totals[j]?.count;
  if (!total || !t.rows.some((r) => r.cells[j]?.suppressed)) return null;
  const shown = t.rows.reduce((sum, r) => sum + (r.shares[j] ?? 0), 0);
  return Math.max(0, Math.round((1 - shown) * 1000) / 1000);
}

export function equityTables(e: Equity): FigureTable[] {
  const r = e.representation;
  return [
    countsTable(
      e,
      r,
      `People by ${dimensionLabel(e.dimension)}: eligible pool, nominated and in each stage now`,
      'equity-representation',
      'counts',
    ),
    {
      caption: 'Share of each column (compare each stage with the eligible pool)',
      filename: 'equity-shares',
      label: 'shares',
      columns: [{ label: 'Group' }, ...r.columns.map((c) => ({ label: columnName(c), format: 'pct' as const }))],
      rows: r.rows.map((row) => [groupName(e.dimension, row.group), ...row.shares]),
      note: 'A share is left out (—) when its count or the column total is suppressed.',
    },
    countsTable(
      e,
      e.entered,
      `People who entered each stage during ${periodText(e.period)}`,
      'equity-entered',
      'entered',
    ),
    {
      caption: 'Stage-to-stage conversion by group',
      filename: 'equity-conversion',
      label: 'conversion',
      columns: [
        { label: 'Group' },
        ...e.conversions.steps.map((s) => ({ label: stepName(s), format: 'pct' as const })),
      ],
      rows: [
        ...e.conversions.rows.map((row) => [groupName(e.dimension, row.group), ...row.rates]),
        ['Everyone', ...e.conversions.overall],
      ],
      note: 'A rate is left out (—) when a count it needs is suppressed or zero.',
    },
  ];
}

export const dimensionLabel = (d: string) => (d === 'gender' ? 'gender' : 'race and ethnicity');
