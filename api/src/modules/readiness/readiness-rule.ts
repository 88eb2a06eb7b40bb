import type { ReadinessBand } from '../candidates/stages.js';
import type { ReadinessReason } from './readiness-assessment.entity.js';

/**
 * The suggested readiness band of docs/readiness.md, as a pure function of the competency profile
 * (one entry per target of the candidate's role, as GET /api/candidates/{id}/competency-profile gives it).
 */
export interface TargetStanding {
  competencyId: string;
  code: string;
  title: string;
  targetLevel: number;
  /** Null without evidence. */
  currentLevel: number | null;
  /** Distinct sources of the evidence that counts for the target. */
  sources: string[];
}

export interface ReadinessSuggestion {
  band: ReadinessBand;
  /** A summary first, then one reason per target in profile order. */
  reasons: ReadinessReason[];
  targetsMet: number;
  targetsTotal: number;
}

// The messages are read by people: evidence sources by their names, not their codes.
const SOURCE_NAMES: Record<string, string> = {
  observation: 'observation',
  artifact: 'artifact',
  feedback_360: '360° feedback',
  self_reflection: 'self-reflection',
  opportunity_completion: 'opportunity completion',
  evaluation: 'evaluation',
};
const sourceName = (code: string) => SOURCE_NAMES[code] ?? code.replace(/_/g, ' ');

/** Distinct evidence sources each target needs before ready_now is suggested. */
export const MIN_SOURCES = 2;
/** The largest gap (in rubric levels) that still suggests ready_1_2_years. */
export const NEAR_GAP = 1;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function suggestReadiness(profile: TargetStanding[]): ReadinessSuggestion {
  const total = profile.length;
  if (total === 0) {
    return {
      band: 'not_assessed',
      reasons: [
        {
          code: 'no_targets',
          message: 'The target role has no competency targets yet; hr sets them on the leadership role',
        },
      ],
      targetsMet: 0,
      targetsTotal: 0,
    };
  }
  if (profile.every((t) => t.currentLevel === null)) {
    return {
      band: 'not_assessed',
      reasons: [{ code: 'no_evidence', message: `No evidence yet on any of the role's ${plural(total, 'target')}` }],
      targetsMet: 0,
      targetsTotal: total,
    };
  }

  let met = 0;
  let unrated = 0;
  let singleSource = 0;
  let largestGap = 0;
  const perTarget: ReadinessReason[] = profile.map((t) => {
    const name = `${t.code} ${t.title}`;
    const base = { competencyId: t.competencyId };
    if (t.currentLevel === null) {
      unrated++;
      return { ...base, code: 'target_unrated', message: `${name}: no evidence yet (target ${t.targetLevel})` };
    }
    const gap = t.targetLevel - t.currentLevel;
    if (gap > 0) {
      largestGap = Math.max(largestGap, gap);
      return {
        ...base,
        code: 'target_below',
        message: `${name}: level ${t.currentLevel}, target ${t.targetLevel} (gap ${plural(gap, 'level')})`,
      };
    }
    met++;
    if (t.sources.length < MIN_SOURCES) {
      singleSource++;
      return {
        ...base,
        code: 'single_source',
        message: `${name}: level ${t.currentLevel} meets target ${t.targetLevel}, but all its evidence is ${t.sources[0] ? `from ${sourceName(t.sources[0])}` : 'of one source'}; ready now needs ${MIN_SOURCES} different sources`,
      };
    }
    return {
      ...base,
      code: 'target_met',
      message: `${name}: level ${t.currentLevel} meets target ${t.targetLevel} (sources: ${t.sources.map(sourceName).join(', ')})`,
    };
  });

  const tally = `${met} of ${plural(total, 'target')} met`;
  let band: ReadinessBand;
  let summary: string;
  if (met === total && singleSource === 0) {
    band = 'ready_now';
    summary = `All ${plural(total, 'target')} met, each on evidence from at least ${MIN_SOURCES} sources`;
  } else if (unrated === 0 && largestGap <= NEAR_GAP && met * 2 >= total) {
    band = 'ready_1_2_years';
    const why: string[] = [];
    if (met < total) why.push(`every other within ${plural(NEAR_GAP, 'level')}`);
    if (singleSource > 0) why.push(`${plural(singleSource, 'met target')} on a single source of evidence`);
    summary = `${tally}; ${why.join('; ')}`;
  } else {
    band = 'ready_3_plus_years';
    const why: string[] = [];
    if (unrated > 0) why.push(`${plural(unrated, 'target')} without evidence`);
    if (largestGap > NEAR_GAP) why.push(`largest gap ${largestGap} levels`);
    if (met * 2 < total) why.push('fewer than half met');
    summary = `${tally}; ${why.join('; ')}`;
  }
  return {
    band,
    reasons: [{ code: 'summary', message: summary }, ...perTarget],
    targetsMet: met,
    targetsTotal: total,
  };
}
