import { MIN_SOURCES } from '../readiness/readiness-rule.js';

export const EVIDENCE_STRENGTHS = ['strong', 'moderate', 'limited'] as const;
export type EvidenceStrength = (typeof EVIDENCE_STRENGTHS)[number];

/** What the strength reads of one target of the candidate's role (a competency profile entry). */
export interface TargetEvidence {
  currentLevel: number | null;
  sources: string[];
}

/**
 * The talent review grid's second axis: how well the candidate's role targets are evidenced, never how well
 * the person performs (docs/talent-reviews.md).
 * - strong: at least two thirds of the targets have evidence from MIN_SOURCES or more distinct sources;
 * - moderate: at least half of the targets have some evidence;
 * - limited: less, or a role without targets.
 */
export function evidenceStrength(targets: TargetEvidence[]): { strength: EvidenceStrength; detail: string } {
  const total = targets.length;
  if (total === 0) return { strength: 'limited', detail: 'The role has no competency targets to evidence' };
  const evidenced = targets.filter((t) => t.currentLevel !== null).length;
  const corroborated = targets.filter((t) => t.currentLevel !== null && t.sources.length >= MIN_SOURCES).length;
  const detail = `${evidenced} of ${total} targets evidenced, ${corroborated} from ${MIN_SOURCES}+ sources`;
  if (corroborated * 3 >= total * 2) return { strength: 'strong', detail };
  if (evidenced * 2 >= total) return { strength: 'moderate', detail };
  return { strength: 'limited', detail };
}
