import { MenuItem, TextField, Typography } from '@mui/material';
import { NOMINATOR_KINDS, OPPORTUNITY_TYPES, stageName } from '../resources/choices';
import type { Loaded } from './api';
import { dimensionLabel, equityTables, groupName, withheldShare } from './equityTables';
import { Figure } from './Figure';
import { Heatmap } from './Heatmap';
import { BarsChart, COLORS } from './lazyCharts';
import {
  heatmapTable,
  nominationKindTable,
  nominationSchoolTable,
  opportunityCompetencyTable,
  opportunityTypeTable,
} from './tables';
import type { Equity, Heatmap as HeatmapData, NominationMetrics, OpportunityMetrics } from './types';

interface Props<T> {
  loaded: Loaded<T>;
  print?: boolean;
}

const name = (list: { id: string; name: string }[], id: string) => list.find((x) => x.id === id)?.name ?? id;
/** Grey is kept for the withheld bar alone. */
const WITHHELD_GREY = COLORS.grey;
const PALETTE = [
  COLORS.blue,
  COLORS.orange,
  COLORS.green,
  COLORS.purple,
  COLORS.teal,
  '#283593',
  '#8d6e63',
  '#c2185b',
  '#455a64',
];

export function HeatmapFigure({ loaded: { data, error }, print }: Props<HeatmapData>) {
  const weakest = data?.competencies
    .filter((c) => c.overall.averageGap !== null)
    .reduce<HeatmapData['competencies'][number] | null>(
      (a, b) => (!a || b.overall.averageGap! > a.overall.averageGap! ? b : a),
      null,
    );
  return (
    <Figure
      title="Competencies against targets"
      error={error}
      print={print}
      tables={data ? [heatmapTable(data)] : null}
      summary={
        data &&
        (weakest && weakest.overall.averageGap! > 0
          ? `Weakest across the pipeline: ${weakest.code} ${weakest.title} (on average ${weakest.overall.averageGap} of a level below target).`
          : 'Rated candidates meet their targets on average for every competency.')
      }
      chart={data && <Heatmap data={data} />}
    />
  );
}

export function NominationKindFigure({ loaded: { data, error }, print }: Props<NominationMetrics>) {
  const total = data?.byKind.reduce((n, k) => n + k.total, 0) ?? 0;
  const waiting = data?.byKind.reduce((n, k) => n + k.submitted, 0) ?? 0;
  return (
    <Figure
      title="Nominations by who nominated"
      error={error}
      print={print}
      tables={data ? [nominationKindTable(data)] : null}
      summary={data && `${total} nominations in the period; ${waiting} await review.`}
      chart={
        data && (
          <BarsChart
            data={data.byKind.map((k) => ({ ...k, kind: name(NOMINATOR_KINDS, k.kind) }))}
            category="kind"
            series={[
              { key: 'approved', name: 'Approved', color: COLORS.green, stack: 's' },
              { key: 'submitted', name: 'Awaiting review', color: COLORS.blue, stack: 's' },
              { key: 'declined', name: 'Declined', color: COLORS.orange, stack: 's' },
              { key: 'withdrawn', name: 'Withdrawn', color: COLORS.grey, stack: 's' },
            ]}
            height={240}
          />
        )
      }
    />
  );
}

/** Bars one chart can show legibly; a district with more schools charts those where identification lags most. */
export const SCHOOL_BARS = 15;
const QUIET_NAMED = 10;

export function NominationSchoolFigure({ loaded: { data, error }, print }: Props<NominationMetrics>) {
  const quiet = data?.bySchool.filter((s) => s.schoolId && !s.nominatedLast12Months).map((s) => s.schoolName) ?? [];
  const quietText = quiet.length
    ? `No nomination in the last 12 months: ${quiet.slice(0, QUIET_NAMED).join(', ')}${quiet.length > QUIET_NAMED ? ` and ${quiet.length - QUIET_NAMED} more schools (in the table)` : ''}.`
    : 'Every school nominated someone in the last 12 months.';
  const rows = data?.bySchool ?? [];
  const charted =
    rows.length > SCHOOL_BARS
      ? [...rows]
          .sort(
            (a, b) =>
              b.eligibleNeverNominated - a.eligibleNeverNominated ||
              a.nominations - b.nominations ||
              (a.schoolName ?? '').localeCompare(b.schoolName ?? ''),
          )
          .slice(0, SCHOOL_BARS)
      : rows;
  const schools = rows.filter((s) => s.schoolId).length;
  const office = rows.length > schools ? ' and the district office' : '';
  const partial =
    rows.length > SCHOOL_BARS
      ? ` The chart shows ${SCHOOL_BARS} of the ${schools} schools${office}: those with the most eligible educators never nominated. The table has them all.`
      : '';
  return (
    <Figure
      title="Nominations by school"
      error={error}
      print={print}
      tables={data ? [nominationSchoolTable(data)] : null}
      summary={
        data && `${quietText} ${data.eligibleNeverNominated.total} eligible educators were never nominated.${partial}`
      }
      chart={
        data && (
          <BarsChart
            horizontal
            data={charted.map((s) => ({
              school: s.schoolName ?? 'District office',
              nominations: s.nominations,
              never: s.eligibleNeverNominated,
            }))}
            category="school"
            series={[
              { key: 'nominations', name: 'Nominations in the period', color: COLORS.blue },
              { key: 'never', name: 'Eligible, never nominated', color: COLORS.grey },
            ]}
          />
        )
      }
    />
  );
}

export function EquityFigure({
  loaded: { data, error },
  dimension,
  onDimension,
  print,
}: Props<Equity> & { dimension: string; onDimension?: (d: string) => void }) {
  const controls = onDimension && !print && (
    <TextField
      select
      size="small"
      label="Group by"
      value={dimension}
      onChange={(e) => onDimension(e.target.value)}
      fullWidth={false}
      sx={{ mt: 2, width: 220 }}
    >
      <MenuItem value="gender">Gender</MenuItem>
      <MenuItem value="raceEthnicity">Race and ethnicity</MenuItem>
    </TextField>
  );
  const r = data?.representation;
  return (
    <Figure
      title={`Equity: representation by ${dimensionLabel(dimension)}`}
      error={error}
      print={print}
      controls={controls}
      tables={data ? equityTables(data) : null}
      summary={
        data && (
          <>
            Self-reported {dimensionLabel(data.dimension)}, compared with the eligible pool. To protect individuals,
            counts below the district&apos;s threshold of {data.threshold} (and any count that would reveal one) are
            shown as “&lt;{data.threshold}”; in the chart they share one grey bar. Other counts are rounded or slightly
            shifted so that no combination of views can single anyone out; column totals are exact.
          </>
        )
      }
      chart={
        data &&
        r && (
          <>
            <Typography variant="body2" sx={{ mt: 1 }}>
              Share of each column by group
            </Typography>
            <BarsChart
              percent
              data={r.columns.map((col, j) => ({
                column: col === 'eligible' ? 'Eligible' : col === 'nominated' ? 'Nominated' : stageName(col),
                ...Object.fromEntries(r.rows.map((row) => [row.group, row.shares[j] ?? null])),
                withheld: withheldShare(r, j),
              }))}
              category="column"
              series={[
                ...r.rows.map((row, i) => ({
                  key: row.group,
                  name: groupName(data.dimension, row.group),
                  color: PALETTE[i % PALETTE.length]!,
                })),
                { key: 'withheld', name: `Withheld (<${data.threshold} each)`, color: WITHHELD_GREY },
              ]}
              height={300}
            />
          </>
        )
      }
    />
  );
}

export function OpportunityFigure({ loaded: { data, error }, print }: Props<OpportunityMetrics>) {
  const t = data?.totals;
  return (
    <Figure
      title="Development opportunities"
      error={error}
      print={print}
      tables={data ? [opportunityTypeTable(data), opportunityCompetencyTable(data)] : null}
      summary={
        t &&
        `${t.seatsTaken} of ${t.seats} seats taken in ${t.opportunities} opportunities (${t.seatsOpen} open); ${t.completions} completions and ${t.hoursLogged.toLocaleString('en-US')} hours logged by candidates under these filters.`
      }
      chart={
        data && (
          <BarsChart
            data={data.byType.map((o) => ({ ...o, type: name(OPPORTUNITY_TYPES, o.type) }))}
            category="type"
            series={[
              { key: 'seats', name: 'Seats', color: COLORS.grey },
              { key: 'seatsFilled', name: 'Seats filled', color: COLORS.blue },
              { key: 'completions', name: 'Completions', color: COLORS.green },
            ]}
          />
        )
      }
    />
  );
}
