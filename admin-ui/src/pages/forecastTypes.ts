export interface ForecastYear {
  schoolYear: string;
  expected: number;
  low: number;
  high: number;
  chainExpected: number;
}

export interface CoverageYear {
  schoolYear: string;
  openingsThrough: number;
  readyBy: number;
  coverage: number | null;
}

export interface Coverage {
  readyNow: number;
  readyIn1To2Years: number;
  years: CoverageYear[];
  seatsAtRisk?: number;
}

export interface ForecastGroup {
  roleId: string | null;
  title: string;
  level: string;
  seats: number;
  vacantNow: number;
  suppressed: boolean;
  years: ForecastYear[] | null;
  rates?: { state: string; prior: number; exposure: number; events: number; rate: number }[];
  baseRateSource?: string;
  coverage: Coverage | null;
}

export interface ForecastSeat {
  positionId: string;
  title: string;
  roleId: string;
  schoolName: string | null;
  incumbentName: string | null;
  tenureStartedOn: string | null;
  retirementEligibleYear: number | null;
  knownDepartureOn: string | null;
  within1: number;
  within2: number;
  within3: number;
  within5: number;
  atRisk: boolean;
}

export interface Forecast {
  asOf: string;
  schoolYears: string[];
  historySince: string;
  simulations: number;
  groups: ForecastGroup[];
  seats: ForecastSeat[] | null;
}
