import { REFERENCE_FRAMEWORKS } from '../reference/frameworks.js';
import { below, unit, uuid, weighted } from './hash.js';
import { apportion, type Tier, zipfWeights } from './tiers.js';

/** Table tags of the generated ids (the first group of each UUID). */
export const T = {
  district: 0x01,
  school: 0x02,
  role: 0x03,
  staffUser: 0x04,
  principalUser: 0x05,
  educatorUser: 0x06,
  educator: 0x07,
  nomination: 0x08,
  candidate: 0x09,
  transition: 0x0a,
  evidence: 0x0b,
  position: 0x0c,
  opportunity: 0x0d,
  assignment: 0x0e,
  readiness: 0x0f,
  audit: 0x10,
  framework: 0x11,
  competency: 0x12,
  link: 0x13,
} as const;

export const STAGES = ['identified', 'engaged', 'developing', 'ready', 'placed', 'supported'] as const;
export const DAY = 86_400_000;

/** The district's leadership roles: every generated district has these six. */
export const ROLE_KINDS = [
  { title: 'Teacher Leader', level: 'classroom', weight: 30 },
  { title: 'Instructional Coach', level: 'classroom', weight: 15 },
  { title: 'Assistant Principal', level: 'school', weight: 25 },
  { title: 'Principal', level: 'school', weight: 15 },
  { title: 'Director of Curriculum', level: 'district', weight: 10 },
  { title: 'Assistant Superintendent', level: 'district', weight: 5 },
] as const;
export const PRINCIPAL_KIND = 3;
export const AP_KIND = 2;

// Streams: one number per independent random attribute, so adding one never shifts the others.
export const S = {
  schoolPick: 1,
  stage: 2,
  startDay: 3,
  tail: 4,
  pausedFrom: 5,
  exitFrom: 6,
  exitReason: 7,
  jitter: 8,
  nomKind: 9,
  nomStatus: 10,
  nomRole: 11,
  nomDay: 12,
  decideDays: 13,
  evLevel: 14,
  evSource: 15,
  evDay: 16,
  evComp: 17,
  readiness: 18,
  assign: 19,
  assignStatus: 20,
  filled: 21,
  projected: 22,
  gender: 23,
  race: 24,
  years: 25,
  level: 26,
  first: 27,
  last: 28,
  band: 29,
  oppType: 30,
  seats: 31,
  status: 32,
  evRecorder: 33,
  email: 34,
  hours: 35,
  birth: 36,
} as const;

export interface Transition {
  from: string | null;
  to: string;
  at: number;
  reason: string | null;
  exitReason: string | null;
  actor: string | null;
}

/**
 * Everything small enough to hold (per district, school and candidate); the big tables (educators,
 * evidence, transitions, audit) are derived from it row by row.
 */
export class Plan {
  readonly D: number;
  readonly eOff: number[];
  readonly sOff: number[];
  readonly nOff: number[];
  readonly pOff: number[];
  readonly oOff: number[];
  readonly schoolDistrict: Int32Array;
  /** Per candidate: its nomination, stage index (0–5 active, 6 paused, 7 exited), path length, evidence. */
  readonly cNom: Int32Array;
  readonly cStage: Uint8Array;
  readonly tOff: Int32Array;
  readonly evOff: Int32Array;
  readonly cAssign: Int32Array;
  readonly oppTaken: Int32Array;
  /** Nomination → candidate index, or -1. */
  readonly nomCandidate: Int32Array;
  readonly competencyIds: string[];
  /** Target competencies (indexes into competencyIds) per role kind. */
  readonly targets: number[][];
  readonly C: number;

  constructor(
    readonly tier: Tier,
    readonly seed: number,
    readonly asOf: number,
  ) {
    const t = tier;
    this.D = t.districts;
    const w = zipfWeights(t.districts, t.skew);
    const schoolCounts = apportion(t.schools, w, 1);
    this.sOff = offsets(schoolCounts);
    const eduCounts = apportion(t.educators, w, 8);
    this.eOff = offsets(eduCounts);
    this.nOff = offsets(apportion(t.nominations, eduCounts));
    this.pOff = offsets(apportion(t.positions, schoolCounts));
    this.oOff = offsets(schoolCounts.map((s) => Math.max(2, Math.round(s / 3))));
    for (let d = 0; d < this.D; d++) {
      const n = this.nOff[d + 1]! - this.nOff[d]!;
      const p = this.pOff[d + 1]! - this.pOff[d]!;
      if (n > eduCounts[d]! || p > eduCounts[d]!) throw new Error(`district ${d} has too few educators for its rows`);
    }
    this.schoolDistrict = new Int32Array(t.schools);
    for (let d = 0; d < this.D; d++) for (let s = this.sOff[d]!; s < this.sOff[d + 1]!; s++) this.schoolDistrict[s] = d;

    // Reference competencies (top-level domains), ids in framework then node order.
    this.competencyIds = [];
    let k = 0;
    for (const f of REFERENCE_FRAMEWORKS)
      for (let i = 0; i < f.nodes.length; i++) this.competencyIds.push(uuid(T.competency, k++));
    this.targets = ROLE_KINDS.map((_, r) =>
      Array.from({ length: 6 }, (__, i) => (r * 5 + i * 7) % this.competencyIds.length).filter(
        (v, i, a) => a.indexOf(v) === i,
      ),
    );

    // Candidates: one per approved nomination, in nomination order.
    this.nomCandidate = new Int32Array(t.nominations).fill(-1);
    const cNom: number[] = [];
    for (let n = 0; n < t.nominations; n++) {
      if (this.nominationStatus(n) === 'approved') {
        this.nomCandidate[n] = cNom.length;
        cNom.push(n);
      }
    }
    this.C = cNom.length;
    this.cNom = Int32Array.from(cNom);
    this.cStage = new Uint8Array(this.C);
    const lengths = new Array<number>(this.C);
    let base = 0;
    const eligible: number[] = [];
    for (let c = 0; c < this.C; c++) {
      this.cStage[c] = weighted(seed, S.stage, c, [
        [0, 12],
        [1, 14],
        [2, 30],
        [3, 12],
        [4, 8],
        [5, 6],
        [6, 6],
        [7, 12],
      ] as const);
      lengths[c] = this.baseLength(c);
      base += lengths[c]!;
      if (this.reached(c) >= 1) eligible.push(c);
    }
    // The tier's transition count: the rest are pause/resume cycles spread over engaged-or-later candidates.
    const pairs = Math.max(0, Math.floor((t.transitions - base) / 2));
    const extra = apportion(
      pairs,
      eligible.map(() => 1),
    );
    eligible.forEach((c, i) => (lengths[c]! += 2 * extra[i]!));
    this.tOff = Int32Array.from(offsets(lengths));

    const evWeights = Array.from({ length: this.C }, (_, c) => (this.reached(c) >= 1 ? 1 + this.reached(c) : 0));
    this.evOff = Int32Array.from(offsets(apportion(t.evidence, evWeights)));

    // One assignment for half of the developing-or-later candidates, to an opportunity of their district.
    this.cAssign = new Int32Array(this.C).fill(-1);
    this.oppTaken = new Int32Array(this.oOff[this.D]!);
    for (let c = 0; c < this.C; c++) {
      if (this.reached(c) < 2 || unit(seed, S.assign, c) >= 0.5) continue;
      const d = this.nominationDistrict(this.cNom[c]!);
      const o = this.oOff[d]! + below(seed, S.assign, c + 7_000_000, this.oOff[d + 1]! - this.oOff[d]!);
      this.cAssign[c] = o;
      if (this.assignmentStatus(c) !== 'withdrawn') this.oppTaken[o]!++;
    }
  }

  // ---- districts, schools, educators ----

  educatorDistrict(e: number): number {
    return upperBound(this.eOff, e) - 1;
  }

  nominationDistrict(n: number): number {
    return upperBound(this.nOff, n) - 1;
  }

  educatorSchool(e: number): number {
    const d = this.educatorDistrict(e);
    const count = this.sOff[d + 1]! - this.sOff[d]!;
    // Squared: some schools are much bigger than others.
    const u = unit(this.seed, S.schoolPick, e);
    return this.sOff[d]! + Math.min(count - 1, Math.floor(u * u * count));
  }

  roleId(d: number, kind: number): string {
    return uuid(T.role, d * ROLE_KINDS.length + kind);
  }

  hrUser(d: number): string {
    return uuid(T.staffUser, d * 3);
  }

  superintendentUser(d: number): string {
    return uuid(T.staffUser, d * 3 + 1);
  }

  coordinatorUser(d: number): string {
    return uuid(T.staffUser, d * 3 + 2);
  }

  principalUser(school: number): string {
    return uuid(T.principalUser, school);
  }

  // ---- nominations and candidates ----

  nominationEducator(n: number): number {
    const d = this.nominationDistrict(n);
    const local = n - this.nOff[d]!;
    const count = this.nOff[d + 1]! - this.nOff[d]!;
    const edus = this.eOff[d + 1]! - this.eOff[d]!;
    return this.eOff[d]! + Math.floor((local * edus) / count);
  }

  nominationStatus(n: number): string {
    return weighted(this.seed, S.nomStatus, n, [
      ['submitted', 15],
      ['approved', 70],
      ['declined', 10],
      ['withdrawn', 5],
    ] as const);
  }

  nominationRoleKind(n: number): number {
    return weighted(
      this.seed,
      S.nomRole,
      n,
      ROLE_KINDS.map((r, i) => [i, r.weight] as const),
    );
  }

  nominationKind(n: number): string {
    const kind = weighted(this.seed, S.nomKind, n, [
      ['hr', 20],
      ['principal', 45],
      ['peer', 20],
      ['self', 15],
    ] as const);
    // A peer needs a colleague with a login: the district's first nominee has none before them.
    return kind === 'peer' && n === this.nOff[this.nominationDistrict(n)] ? 'principal' : kind;
  }

  nominatorUser(n: number): string {
    const d = this.nominationDistrict(n);
    switch (this.nominationKind(n)) {
      case 'hr':
        return this.hrUser(d);
      case 'self':
        return uuid(T.educatorUser, n);
      case 'peer':
        return uuid(T.educatorUser, n - 1);
      default:
        return this.principalUser(this.educatorSchool(this.nominationEducator(n)));
    }
  }

  nominatedAt(n: number): number {
    const day = Math.floor(this.asOf / DAY) - 20 - below(this.seed, S.nomDay, n, 1440);
    return day * DAY + 9 * 3_600_000 + below(this.seed, S.nomDay, n + 9_000_000, 8 * 3_600_000);
  }

  decidedAt(n: number): number {
    return this.nominatedAt(n) + (2 + below(this.seed, S.decideDays, n, 18)) * DAY;
  }

  /** The furthest active stage reached (0 identified … 5 supported). */
  reached(c: number): number {
    const s = this.cStage[c]!;
    if (s <= 5) return s;
    const from = s === 6 ? 1 + below(this.seed, S.pausedFrom, c, 3) : below(this.seed, S.exitFrom, c, 4);
    return from;
  }

  private baseLength(c: number): number {
    const s = this.cStage[c]!;
    return s <= 5 ? s + 1 : this.reached(c) + 2;
  }

  stageName(c: number): string {
    const s = this.cStage[c]!;
    return s <= 5 ? STAGES[s]! : s === 6 ? 'paused' : 'exited';
  }

  candidateDistrict(c: number): number {
    return this.nominationDistrict(this.cNom[c]!);
  }

  /** The candidate's history, oldest first: the stage path with pause/resume cycles, ending now or earlier. */
  path(c: number): Transition[] {
    const n = this.cNom[c]!;
    const d = this.nominationDistrict(n);
    const hr = this.hrUser(d);
    const s = this.cStage[c]!;
    const reached = this.reached(c);
    const length = this.tOff[c + 1]! - this.tOff[c]!;
    const moves: Omit<Transition, 'at'>[] = [
      { from: null, to: 'identified', reason: 'Nomination approved', exitReason: null, actor: hr },
    ];
    let pairs = (length - this.baseLength(c)) / 2;
    for (let k = 1; k <= reached; k++) {
      moves.push({ from: STAGES[k - 1]!, to: STAGES[k]!, reason: null, exitReason: null, actor: hr });
      // Pause/resume cycles sit at the stages reached, most of them at the furthest one.
      const here = k === reached ? pairs : Math.floor(pairs / (reached - k + 2));
      for (let i = 0; i < here; i++) {
        moves.push({ from: STAGES[k]!, to: 'paused', reason: 'Leave of absence', exitReason: null, actor: hr });
        moves.push({ from: 'paused', to: STAGES[k]!, reason: 'Back from leave', exitReason: null, actor: hr });
      }
      pairs -= here;
    }
    if (s === 6)
      moves.push({ from: STAGES[reached]!, to: 'paused', reason: 'Family leave', exitReason: null, actor: hr });
    if (s === 7) {
      const exitReason = weighted(this.seed, S.exitReason, c, [
        ['declined', 30],
        ['withdrew', 25],
        ['not_selected', 15],
        ['left_district', 20],
        ['other', 10],
      ] as const);
      moves.push({ from: STAGES[reached]!, to: 'exited', reason: 'Exited the pipeline', exitReason, actor: hr });
    }
    // Spread over [start, end]: each move in its own slot, so times strictly increase.
    const start = this.decidedAt(n);
    const end = Math.max(start + moves.length * 60_000, this.asOf - (1 + below(this.seed, S.tail, c, 400)) * DAY);
    const slot = (end - start) / moves.length;
    return moves.map((m, i) => ({
      ...m,
      at: Math.floor(start + slot * (i + (i === 0 ? 0 : 0.1 + 0.8 * unit(this.seed, S.jitter, this.tOff[c]! + i)))),
    }));
  }

  assignmentStatus(c: number): string {
    const reached = this.reached(c);
    if (unit(this.seed, S.assignStatus, c) < 0.06) return 'withdrawn';
    return reached >= 3
      ? 'completed'
      : unit(this.seed, S.assignStatus, c + 5_000_000) < 0.5
        ? 'assigned'
        : 'in_progress';
  }

  /** Confirmed readiness band, or null when never assessed. */
  readinessBand(c: number): string | null {
    const reached = this.reached(c);
    const s = this.cStage[c]!;
    if (s === 3 || (s === 6 && reached === 3))
      return unit(this.seed, S.band, c) < 0.6 ? 'ready_now' : 'ready_1_2_years';
    if (s === 4 || s === 5) return 'ready_now';
    if (reached === 2 && unit(this.seed, S.band, c) < 0.3)
      return unit(this.seed, S.band, c + 3_000_000) < 0.5 ? 'ready_1_2_years' : 'ready_3_plus_years';
    return null;
  }
}

/** Running sums from 0: part i spans [o[i], o[i+1]). */
export function offsets(parts: number[]): number[] {
  const o = [0];
  for (const p of parts) o.push(o[o.length - 1]! + p);
  return o;
}

/** First index whose value is greater than x, in an ascending array. */
export function upperBound(a: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
