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
    note: `Counts of people below ${e.threshold} (and counts that would reveal them) are shown as “<${e.threshold}”.`,
  };
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
