import type { ReadinessBand, Stage } from '../candidates/stages.js';
import { READINESS_BANDS } from '../candidates/stages.js';
import type { GradeBand } from '../schools/school.entity.js';

/** How many candidates a slate lists (pinned ones count); the rest are counted. */
export const SLATE_SIZE = 25;

const DAY = 86_400_000;
const BAND_ORDER = new Map<ReadinessBand, number>(READINESS_BANDS.map((b, i) => [b, i]));
const BAND_WORDS: Record<ReadinessBand, string> = {
  ready_now: 'Ready now',
  ready_1_2_years: 'Ready in 1–2 years',
  ready_3_plus_years: 'Ready in 3+ years',
  not_assessed: 'Not assessed',
};
const BAND_PLACES: Record<GradeBand, string> = {
  elementary: 'elementary schools',
  middle: 'middle schools',
  high: 'high schools',
  k8: 'K–8 schools',
  k12: 'K–12 schools',
  other: 'schools of the other kind',
};

export type MoveWillingness = 'anywhere' | 'listed' | 'not_now';

/** The seat a slate is for: a school of a grade band, or the district office (both null). */
export interface SlateSeat {
  schoolId: string | null;
  gradeBand: GradeBand | null;
}

/** What a slate knows of one candidate. Demographics are not here, by design: they are never an input. */
export interface SlateCandidate {
  candidateId: string;
  educatorId: string;
  firstName: string;
  lastName: string;
  schoolId: string | null;
  schoolName: string | null;
  /** Grade band of the candidate's school now; null: the district office. */
  schoolBand: GradeBand | null;
  stage: Stage;
  readiness: ReadinessBand;
  readinessConfirmedAt: Date | null;
  newEvidenceSinceConfirmation: number;
  targetsMet: number;
  targetsTotal: number;
  /** Days in leadership seats (seat history, the current one included) at the seat's level. */
  seatDaysAtLevel: number;
  /** From the career profile; null when the person has not said. */
  moveWillingness: MoveWillingness | null;
  moveGradeBands: GradeBand[];
  moveSchoolIds: string[];
  placementRefusal: string | null;
}

/** A row of the slate's read (slate.repository.ts) with targets met and the placement refusal: a SlateCandidate. */
export function toSlateCandidate(
  row: Omit<
    SlateCandidate,
    'moveGradeBands' | 'targetsMet' | 'targetsTotal' | 'newEvidenceSinceConfirmation' | 'placementRefusal'
  > & {
    moveGradeBands: GradeBand[] | null;
    newEvidence: number;
  },
  targets: { met: Map<string, number>; total: number },
  placementRefusal: string | null,
): SlateCandidate {
  return {
    ...row,
    moveGradeBands: row.moveGradeBands ?? [],
    targetsMet: targets.met.get(row.candidateId) ?? 0,
    targetsTotal: targets.total,
    newEvidenceSinceConfirmation: row.newEvidence,
    placementRefusal,
  };
}

export interface SlateFactor {
  key: 'confirmation' | 'targets' | 'experience' | 'willingness';
  label: string;
  points: number;
  max: number;
  detail: string;
}

export interface ScoredCandidate extends SlateCandidate {
  score: number;
  factors: SlateFactor[];
}

export interface SlateDecision {
  decision: 'pinned' | 'excluded';
  reason: string | null;
  decidedAt: Date;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function confirmation(c: SlateCandidate, now: Date): SlateFactor {
  const base = { key: 'confirmation' as const, label: 'Confirmed readiness', max: 20 };
  if (!c.readinessConfirmedAt || c.readiness === 'not_assessed') {
    return { ...base, points: 0, detail: 'Not yet confirmed by hr or the superintendent' };
  }
  const days = Math.max(0, Math.floor((now.getTime() - c.readinessConfirmedAt.getTime()) / DAY));
  const age = days < 60 ? plural(days, 'day') : plural(Math.round(days / 30.4), 'month');
  const since = c.newEvidenceSinceConfirmation
    ? `; ${plural(c.newEvidenceSinceConfirmation, 'piece')} of evidence since`
    : '';
  // A confirmation ages: within a year it counts fully, less when evidence arrived after it; then it fades.
  const points = days <= 365 ? (c.newEvidenceSinceConfirmation ? 15 : 20) : days <= 730 ? 10 : 0;
  return { ...base, points, detail: `${BAND_WORDS[c.readiness]}, confirmed ${age} ago${since}` };
}

function targets(c: SlateCandidate): SlateFactor {
  const base = { key: 'targets' as const, label: 'Role targets met', max: 40 };
  if (c.targetsTotal === 0) return { ...base, points: 0, detail: 'The role has no competency targets set' };
  return {
    ...base,
    points: Math.round((40 * c.targetsMet) / c.targetsTotal),
    detail: `${c.targetsMet} of ${c.targetsTotal} competency targets met`,
  };
}

function experience(seat: SlateSeat, c: SlateCandidate): SlateFactor {
  const base = { key: 'experience' as const, label: 'Experience at this level', max: 20 };
  const place = seat.gradeBand ? BAND_PLACES[seat.gradeBand] : 'the district office';
  const worksThere = seat.gradeBand ? c.schoolBand === seat.gradeBand && c.schoolId !== null : c.schoolId === null;
  const years = Math.round((c.seatDaysAtLevel / 365.25) * 10) / 10;
  const points = (worksThere ? 10 : 0) + Math.min(10, Math.round(5 * years));
  const parts = [
    worksThere ? `works at ${seat.gradeBand ? `one of the ${place}` : place} now` : `does not work at ${place} now`,
    years > 0 ? `${years} years in leadership seats at ${place}` : `no leadership seat at ${place} on record`,
  ];
  const detail = parts.join('; ');
  return { ...base, points, detail: detail.charAt(0).toUpperCase() + detail.slice(1) };
}

function willingness(seat: SlateSeat, c: SlateCandidate): SlateFactor {
  const base = { key: 'willingness' as const, label: 'Willing to move here', max: 20 };
  if (seat.schoolId !== null && c.schoolId === seat.schoolId) {
    return { ...base, points: 20, detail: 'Already works at this school' };
  }
  switch (c.moveWillingness) {
    case 'anywhere':
      return { ...base, points: 20, detail: 'Would move to any school or the district office' };
    case 'not_now':
      return { ...base, points: 0, detail: 'Not looking to move now (career profile)' };
    case 'listed':
      if (seat.schoolId !== null && c.moveSchoolIds.includes(seat.schoolId)) {
        return { ...base, points: 20, detail: 'Lists this school in their career profile' };
      }
      if (seat.gradeBand && c.moveGradeBands.includes(seat.gradeBand)) {
        return { ...base, points: 20, detail: `Lists ${BAND_PLACES[seat.gradeBand]} in their career profile` };
      }
      return seat.schoolId === null
        ? { ...base, points: 10, detail: 'Lists schools only; the district office not stated' }
        : { ...base, points: 0, detail: 'Has not listed this school or its level' };
    default:
      return { ...base, points: 10, detail: 'Not stated yet (career profile)' };
  }
}

/** A candidate's score out of 100 for a seat and the four factors it adds up from. */
export function scoreCandidate(seat: SlateSeat, c: SlateCandidate, now: Date): ScoredCandidate {
  const factors = [confirmation(c, now), targets(c), experience(seat, c), willingness(seat, c)];
  return { ...c, score: factors.reduce((sum, f) => sum + f.points, 0), factors };
}

export interface RankedSlate {
  entries: (ScoredCandidate & { rank: number; pinned: boolean })[];
  excluded: (ScoredCandidate & { reason: string; decidedAt: Date })[];
  /** Eligible candidates ranked below the slate's size. */
  more: number;
}

/**
 * The slate: pinned candidates first (in the order hr pinned them), then by confirmed readiness band (a
 * person's judgement, the one that counts on the bench), then by score, then by name.
 */
export function rankSlate(
  seat: SlateSeat,
  candidates: SlateCandidate[],
  decisions: Map<string, SlateDecision>,
  now: Date,
  size = SLATE_SIZE,
): RankedSlate {
  const scored = candidates.map((c) => scoreCandidate(seat, c, now));
  const excluded = scored
    .filter((c) => decisions.get(c.candidateId)?.decision === 'excluded')
    .map((c) => ({
      ...c,
      reason: decisions.get(c.candidateId)!.reason ?? '',
      decidedAt: decisions.get(c.candidateId)!.decidedAt,
    }))
    .sort((a, b) => a.decidedAt.getTime() - b.decidedAt.getTime());
  const pinnedAt = (c: ScoredCandidate) => {
    const d = decisions.get(c.candidateId);
    return d?.decision === 'pinned' ? d.decidedAt.getTime() : null;
  };
  const eligible = scored
    .filter((c) => decisions.get(c.candidateId)?.decision !== 'excluded')
    .sort((a, b) => {
      const pa = pinnedAt(a);
      const pb = pinnedAt(b);
      if (pa !== null || pb !== null) return pa === null ? 1 : pb === null ? -1 : pa - pb;
      return (
        BAND_ORDER.get(a.readiness)! - BAND_ORDER.get(b.readiness)! ||
        b.score - a.score ||
        a.lastName.localeCompare(b.lastName) ||
        a.firstName.localeCompare(b.firstName) ||
        a.candidateId.localeCompare(b.candidateId)
      );
    });
  const pins = eligible.filter((c) => pinnedAt(c) !== null).length;
  const shown = eligible.slice(0, Math.max(size, pins));
  return {
    entries: shown.map((c, i) => ({ ...c, rank: i + 1, pinned: pinnedAt(c) !== null })),
    excluded,
    more: eligible.length - shown.length,
  };
}
