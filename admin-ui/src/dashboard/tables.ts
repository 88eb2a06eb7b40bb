import { EXIT_REASONS, LEVELS, NOMINATOR_KINDS, OPPORTUNITY_TYPES, stageName } from '../resources/choices';
import { candidateListUrl, type DashboardFilters } from './api';
import type {
  Bench,
  Funnel,
  Heatmap,
  NominationMetrics,
  OpportunityFigures,
  OpportunityMetrics,
  Period,
  TimeInStage,
} from './types';

/** A figure's data as a table: what the data-table alternative, the print view and the CSV all show. */
export type Cell = string | number | null;
export type Format = 'int' | 'dec' | 'pct' | 'text';
export interface Column {
  label: string;
  format?: Format;
}
export interface FigureTable {
  caption: string;
  /** Download name without extension. */
  filename: string;
  /** Names the CSV button when a figure has several tables. */
  label?: string;
  columns: Column[];
  rows: Cell[][];
  /** Per row, where its first cell links to (the filtered candidate list). */
  links?: (string | null)[];
  note?: string;
}

export const nameOf = (list: { id: string; name: string }[], id: string) => list.find((x) => x.id === id)?.name ?? id;
export const levelName = (id: string) => nameOf(LEVELS, id);
export const exitName = (id: string) => nameOf(EXIT_REASONS, id);
const yesNo = (b: boolean) => (b ? 'Yes' : 'No');
export const int = (label: string): Column => ({ label, format: 'int' });

export function display(cell: Cell, format: Format = 'text'): string {
  if (cell === null) return '—';
  if (typeof cell === 'string') return cell;
  if (format === 'pct') return `${(cell * 100).toFixed(1)}%`;
  if (format === 'int') return cell.toLocaleString('en-US');
  return String(cell);
}

export function csvRows(t: FigureTable): Cell[][] {
  return [t.columns.map((c) => c.label), ...t.rows];
}

export const periodText = (p: Period | undefined) =>
  p?.schoolYear ? `school year ${p.schoolYear} (${p.firstDay} to ${p.lastDay})` : 'all history';

export function funnelTable(f: Funnel, filters: Partial<DashboardFilters>): FigureTable {
  const rate = (stage: string) => f.conversions.find((c) => c.from === stage)?.rate ?? null;
  return {
    caption: `Candidacies per stage now, and entries during ${periodText(f.period)}`,
    filename: 'funnel',
    columns: [
      { label: 'Stage' },
      int('Now'),
      int('Entered in period'),
      { label: 'Moved on to next stage', format: 'pct' },
    ],
    rows: f.stages.map((s) => [stageName(s.stage), s.current, s.entered, rate(s.stage)]),
    links: f.stages.map((s) => candidateListUrl(s.stage, filters)),
    note: 'Moved on: entered the next stage ÷ entered this stage in the period; it can exceed 100% when people entered this stage earlier.',
  };
}

export function exitsTable(f: Funnel): FigureTable {
  return {
    caption: `Exits by reason during ${periodText(f.period)}`,
    filename: 'exits',
    columns: [{ label: 'Reason' }, int('Exits')],
    rows: f.exits.map((e) => [exitName(e.reason), e.count]),
  };
}

export function timeTable(t: TimeInStage): FigureTable {
  return {
    caption: `Days spent in each stage (completed stays during ${periodText(t.period)})`,
    filename: 'time-in-stage',
    columns: [
      { label: 'Stage' },
      int('Completed stays'),
      { label: 'Median days', format: 'dec' },
      { label: '75th percentile days', format: 'dec' },
      int('In stage now'),
      { label: 'Median days so far', format: 'dec' },
      int('Stalled (past the 75th percentile)'),
    ],
    rows: t.stages.map((s) => [
      stageName(s.stage),
      s.completed.count,
      s.completed.medianDays,
      s.completed.p75Days,
      s.open.count,
      s.open.medianAgeDays,
      s.open.stalled,
    ]),
  };
}

export function benchTable(b: Bench): FigureTable {
  const inYear = b.period.schoolYear !== null;
  const columns: Column[] = [
    { label: 'Leadership role' },
    { label: 'Level' },
    int('Seats'),
    int('Vacant now'),
    int('Opening within 12 months'),
    int('Within 24 months'),
    int('Within 36 months'),
    ...(inYear ? [int(`Opening in ${b.period.schoolYear}`)] : []),
    int('Ready now'),
    int('Ready in 1–2 years'),
    int('Ready in 3+ years'),
    int('Not assessed'),
    { label: 'Coverage', format: 'pct' },
    { label: 'At risk' },
  ];
  const figures = (r: Bench['totals']): Cell[] => [
    r.positions,
    r.vacantNow,
    r.opening12Months,
    r.opening24Months,
    r.opening36Months,
    ...(inYear ? [r.openingInSchoolYear] : []),
    r.candidates.readyNow,
    r.candidates.ready1To2Years,
    r.candidates.ready3PlusYears,
    r.candidates.notAssessed,
    r.coverage,
  ];
  return {
    caption: `Bench strength per leadership role (as of ${b.asOf})`,
    filename: 'bench',
    columns,
    rows: [
      ...b.roles.map((r) => [r.title, levelName(r.level), ...figures(r), yesNo(r.atRisk)]),
      ['All roles', '', ...figures(b.totals), `${b.rolesAtRisk.length} at risk`],
    ],
    note: 'Coverage: ready-now candidates ÷ (vacant seats + seats opening within 12 months). At risk: a seat is vacant or opens within 12 months and nobody is ready now.',
  };
}

export function heatmapTable(h: Heatmap): FigureTable {
  const label = (id: string) => {
    const c = h.competencies.find((x) => x.competencyId === id);
    return c ? `${c.frameworkShortName} ${c.code}: ${c.title}` : id;
  };
  return {
    caption: `Current competency levels against role targets, by role level and stage (ratings up to ${h.period.lastDay ?? 'today'})`,
    filename: 'competencies',
    columns: [
      { label: 'Competency' },
      { label: 'Role level' },
      { label: 'Stage' },
      int('Candidates'),
      int('Rated'),
      { label: 'Average level', format: 'dec' },
      { label: 'Average target', format: 'dec' },
      { label: 'Average gap', format: 'dec' },
      int('Meeting target'),
    ],
    rows: [
      ...h.competencies.map((c) => [
        label(c.competencyId),
        'All',
        'All',
        c.overall.candidates,
        c.overall.rated,
        c.overall.averageLevel,
        c.overall.averageTarget,
        c.overall.averageGap,
        c.overall.meetingTarget,
      ]),
      ...h.cells.map((c) => [
        label(c.competencyId),
        levelName(c.level),
        stageName(c.stage),
        c.candidates,
        c.rated,
        c.averageLevel,
        c.averageTarget,
        c.averageGap,
        c.meetingTarget,
      ]),
    ],
    note: 'Gap: target − current level, averaged over the rated; positive means below target.',
  };
}

export function nominationKindTable(n: NominationMetrics): FigureTable {
  return {
    caption: `Nominations made during ${periodText(n.period)}, by who nominated and their status now`,
    filename: 'nominations-by-kind',
    columns: [
      { label: 'Nominated by' },
      int('Total'),
      int('Awaiting review'),
      int('Approved'),
      int('Declined'),
      int('Withdrawn'),
    ],
    rows: n.byKind.map((k) => [
      nameOf(NOMINATOR_KINDS, k.kind),
      k.total,
      k.submitted,
      k.approved,
      k.declined,
      k.withdrawn,
    ]),
  };
}

export function nominationSchoolTable(n: NominationMetrics): FigureTable {
  return {
    caption: `Nominations by the nominee's school during ${periodText(n.period)}`,
    filename: 'nominations-by-school',
    columns: [
      { label: 'School' },
      int('Nominations'),
      int('Approved'),
      { label: 'Last nominated' },
      { label: 'Nominated in last 12 months' },
      int('Eligible educators'),
      int('Eligible, never nominated'),
    ],
    rows: n.bySchool.map((s) => [
      s.schoolName ?? 'District office',
      s.nominations,
      s.approved,
      s.lastNominatedAt ? s.lastNominatedAt.slice(0, 10) : 'never',
      yesNo(s.nominatedLast12Months),
      s.eligibleEducators,
      s.eligibleNeverNominated,
    ]),
    note: 'Eligible: active educators with at least 3 years in education.',
  };
}

const opportunityColumns = (first: string): Column[] => [
  { label: first },
  int('Opportunities'),
  int('Seats'),
  int('Seats taken (everyone)'),
  int('Seats open'),
  int('Seats filled (your filters)'),
  int('Completions'),
  { label: 'Hours logged', format: 'dec' },
];
const opportunityFigures = (o: OpportunityFigures): Cell[] => [
  o.opportunities,
  o.seats,
  o.seatsTaken,
  o.seatsOpen,
  o.seatsFilled,
  o.completions,
  o.hoursLogged,
];

export function opportunityTypeTable(o: OpportunityMetrics): FigureTable {
  return {
    caption: `Development opportunities by type (${periodText(o.period)})`,
    filename: 'opportunities-by-type',
    label: 'by type',
    columns: opportunityColumns('Type'),
    rows: [
      ...o.byType.map((t) => [nameOf(OPPORTUNITY_TYPES, t.type), ...opportunityFigures(t)]),
      ['All types', ...opportunityFigures(o.totals)],
    ],
  };
}

export function opportunityCompetencyTable(o: OpportunityMetrics): FigureTable {
  return {
    caption: 'Development opportunities by competency developed',
    filename: 'opportunities-by-competency',
    label: 'by competency',
    columns: opportunityColumns('Competency'),
    rows: o.byCompetency.map((c) => [`${c.frameworkShortName} ${c.code}: ${c.title}`, ...opportunityFigures(c)]),
    note: 'An opportunity counts under each competency it develops, so these rows do not add up to the totals.',
  };
}
