/** The JSON of the /api/dashboard aggregates (api/src/modules/dashboard/*.dto.ts; docs/metrics.md defines them). */

export interface Period {
  schoolYear: string | null;
  firstDay: string | null;
  lastDay: string | null;
}

export interface Funnel {
  period: Period;
  stages: { stage: string; current: number; entered: number }[];
  activeTotal: number;
  conversions: { from: string; to: string; rate: number | null }[];
  exits: { reason: string; count: number }[];
}

export interface TimeInStage {
  period: Period;
  asOf: string;
  stages: {
    stage: string;
    completed: { count: number; medianDays: number | null; p75Days: number | null };
    open: { count: number; medianAgeDays: number | null; stalled: number | null };
  }[];
}

export interface BenchFigures {
  positions: number;
  vacantNow: number;
  opening12Months: number;
  opening24Months: number;
  opening36Months: number;
  openingInSchoolYear: number | null;
  candidates: { readyNow: number; ready1To2Years: number; ready3PlusYears: number; notAssessed: number };
  coverage: number | null;
}

export interface BenchRole extends BenchFigures {
  roleId: string;
  title: string;
  level: string;
  atRisk: boolean;
}

export interface Bench {
  period: Period;
  asOf: string;
  roles: BenchRole[];
  totals: BenchFigures;
  rolesAtRisk: string[];
}

export interface HeatmapFigures {
  candidates: number;
  rated: number;
  averageLevel: number | null;
  averageTarget: number | null;
  averageGap: number | null;
  meetingTarget: number;
}

export interface Heatmap {
  period: Period;
  competencies: {
    competencyId: string;
    code: string;
    title: string;
    frameworkShortName: string;
    scale: number;
    overall: HeatmapFigures;
  }[];
  cells: (HeatmapFigures & { competencyId: string; level: string; stage: string })[];
}

export interface NominationMetrics {
  period: Period;
  byKind: { kind: string; total: number; submitted: number; approved: number; declined: number; withdrawn: number }[];
  bySchool: {
    schoolId: string | null;
    schoolName: string | null;
    nominations: number;
    approved: number;
    lastNominatedAt: string | null;
    nominatedLast12Months: boolean;
    eligibleEducators: number;
    eligibleNeverNominated: number;
  }[];
  schoolsWithoutRecentNomination: string[];
  eligibleNeverNominated: { total: number; educators: unknown[] | null; truncated: boolean };
}

export interface SuppressedCount {
  count: number | null;
  suppressed: boolean;
  /** False: the count was altered to protect the people in it. */
  exact?: boolean;
}

export interface EquityTable {
  columns: string[];
  /** Per column: `rounded` to a multiple of 3 (district-wide) or `noisy` (a filter narrows the people). */
  methods: ('rounded' | 'noisy')[];
  rows: { group: string; cells: SuppressedCount[]; shares: (number | null)[] }[];
  totals: SuppressedCount[];
}

export interface Equity {
  period: Period;
  dimension: string;
  threshold: number;
  representation: EquityTable;
  entered: EquityTable;
  conversions: { steps: string[]; rows: { group: string; rates: (number | null)[] }[]; overall: (number | null)[] };
}

export interface OpportunityFigures {
  opportunities: number;
  seats: number;
  seatsTaken: number;
  seatsOpen: number;
  seatsFilled: number;
  completions: number;
  hoursLogged: number;
}

export interface OpportunityMetrics {
  period: Period;
  totals: OpportunityFigures;
  byType: (OpportunityFigures & { type: string })[];
  byCompetency: (OpportunityFigures & {
    competencyId: string;
    code: string;
    title: string;
    frameworkShortName: string;
  })[];
}
