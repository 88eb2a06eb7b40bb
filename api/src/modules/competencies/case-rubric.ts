import { CASE_LIMITS, isObj, Problems, text } from './case-fields.js';
import type { RubricLevel } from './competency.entity.js';
import { DEFAULT_RUBRIC } from './competency.entity.js';

/**
 * The framework's rubric from CFRubrics: every criterion's levels, ordered by score (or position), must
 * form the same scale, since a framework has one rubric. No levels at all: the default rubric.
 */
export function readRubric(p: Problems, rubrics: unknown[]): RubricLevel[] {
  let scale: { labels: string[]; path: string } | undefined;
  rubrics.forEach((r, ri) => {
    const rp = `CFRubrics[${ri}]`;
    if (!isObj(r)) return p.add(rp, 'must be an object');
    const criteria = r.CFRubricCriteria ?? [];
    if (!Array.isArray(criteria)) return p.add(`${rp}.CFRubricCriteria`, 'must be an array');
    criteria.forEach((c, ci) => {
      const cp = `${rp}.CFRubricCriteria[${ci}]`;
      if (!isObj(c)) return p.add(cp, 'must be an object');
      const levels = c.CFRubricCriterionLevels ?? [];
      if (!Array.isArray(levels)) return p.add(`${cp}.CFRubricCriterionLevels`, 'must be an array');
      if (levels.length === 0) return;
      const read = levels.map((l, li) => {
        const lp = `${cp}.CFRubricCriterionLevels[${li}]`;
        if (!isObj(l)) {
          p.add(lp, 'must be an object');
          return undefined;
        }
        const num = (k: string) => {
          const v = l[k];
          if (v === undefined || v === null) return undefined;
          if (typeof v !== 'number' || !Number.isFinite(v)) {
            p.add(`${lp}.${k}`, 'must be a number');
            return undefined;
          }
          return v;
        };
        // A label too long for a level name falls back to "Level n" below.
        const label = text(p, l, 'quality', lp) ?? text(p, l, 'title', lp);
        return { score: num('score'), position: num('position'), label: label ?? text(p, l, 'description', lp) };
      });
      if (read.some((l) => !l)) return;
      const ok = read as { score?: number; position?: number; label?: string }[];
      const distinct = (k: 'score' | 'position') =>
        ok.every((l) => l[k] !== undefined) && new Set(ok.map((l) => l[k])).size === ok.length;
      // Score says "higher is better" unambiguously; position is only the display order.
      const by = distinct('score') ? 'score' : distinct('position') ? 'position' : undefined;
      if (!by) {
        return p.add(
          `${cp}.CFRubricCriterionLevels`,
          'the levels cannot be ordered: give every level a distinct score (or a distinct position)',
          'rubric',
        );
      }
      const labels = [...ok]
        .sort((a, b) => a[by]! - b[by]!)
        .map((l, i) => (l.label && l.label.length <= 100 ? l.label : `Level ${i + 1}`));
      if (labels.length < 2 || labels.length > CASE_LIMITS.rubricLevels) {
        return p.add(
          `${cp}.CFRubricCriterionLevels`,
          `has ${labels.length} level(s); a rubric needs 2 to ${CASE_LIMITS.rubricLevels}`,
          'rubric',
        );
      }
      if (!scale) scale = { labels, path: cp };
      else if (scale.labels.length !== labels.length) {
        p.add(
          `${cp}.CFRubricCriterionLevels`,
          `has ${labels.length} levels but ${scale.path} has ${scale.labels.length}: a framework has one rubric, so every criterion must use the same scale`,
          'rubric',
        );
      }
    });
  });
  return scale ? scale.labels.map((label, i) => ({ level: i + 1, label })) : DEFAULT_RUBRIC;
}
