import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/errors/app-error.js';
import { ErrorCode } from '../../common/errors/error-code.js';
import type { NodeKind, RubricLevel } from './competency.entity.js';

export const MAX_RUBRIC_LEVELS = 20;

/** A rubric is levels 1..n in order (2 ≤ n ≤ 20), each with a label. Returns what is wrong, if anything. */
export function rubricProblem(rubric: RubricLevel[]): string | undefined {
  if (rubric.length < 2 || rubric.length > MAX_RUBRIC_LEVELS)
    return `a rubric has 2 to ${MAX_RUBRIC_LEVELS} levels (this one has ${rubric.length})`;
  const wrong = rubric.findIndex((r, i) => r.level !== i + 1);
  if (wrong >= 0)
    return `levels must be numbered 1, 2, 3… in order (position ${wrong + 1} has level ${rubric[wrong]!.level})`;
  return undefined;
}

/**
 * A shorter rubric must not strand what already uses the framework: evidence rated above its new top
 * level, or a role target above it. Either is a 409 that says what holds the level.
 */
export async function assertRubricFits(m: EntityManager, frameworkId: string, levels: number): Promise<void> {
  const [used]: { evidence: number; evidenceTop: number | null; targets: number; targetTop: number | null }[] =
    await m.query(
      `SELECT (SELECT count(*) FROM evidence v JOIN competencies c ON c.id = v.competency_id
                WHERE c.framework_id = $1 AND v.level > $2)::int AS evidence,
              (SELECT max(v.level) FROM evidence v JOIN competencies c ON c.id = v.competency_id
                WHERE c.framework_id = $1)::int AS "evidenceTop",
              (SELECT count(*) FROM role_targets t JOIN competencies c ON c.id = t.competency_id
                WHERE c.framework_id = $1 AND t.target_level > $2)::int AS targets,
              (SELECT max(t.target_level) FROM role_targets t JOIN competencies c ON c.id = t.competency_id
                WHERE c.framework_id = $1)::int AS "targetTop"`,
      [frameworkId, levels],
    );
  const problems: string[] = [];
  if (used!.evidence > 0) problems.push(`${used!.evidence} evidence rating(s) use levels up to ${used!.evidenceTop}`);
  if (used!.targets > 0) problems.push(`${used!.targets} role target(s) ask for levels up to ${used!.targetTop}`);
  if (problems.length) {
    const keep = Math.max(used!.evidence > 0 ? used!.evidenceTop! : 0, used!.targets > 0 ? used!.targetTop! : 0);
    throw new AppError(
      ErrorCode.Conflict,
      `The rubric cannot shrink to ${levels} levels: ${problems.join(' and ')}. Keep at least ${keep} levels (labels may change)`,
      { rubric: `keep at least ${keep} levels: ${problems.join(' and ')}` },
    );
  }
}

/** Same levels and labels (jsonb does not keep key order, so compare values, not JSON text). */
export function sameRubric(a: RubricLevel[], b: RubricLevel[]): boolean {
  return a.length === b.length && a.every((r, i) => r.level === b[i]!.level && r.label === b[i]!.label);
}

const RANK: Record<NodeKind, number> = { domain: 0, competency: 1, indicator: 2 };

/** Domain → competency → indicator: a node is never a shallower kind than its parent. */
export function kindFits(parent: NodeKind | null, child: NodeKind): boolean {
  return parent === null || RANK[child] >= RANK[parent];
}
