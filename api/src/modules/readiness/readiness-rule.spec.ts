import { describe, expect, it } from '@jest/globals';
import type { TargetStanding } from './readiness-rule.js';
import { suggestReadiness } from './readiness-rule.js';

let n = 0;
/** A target: level null means no evidence. */
const t = (targetLevel: number, currentLevel: number | null, sources: string[] = []): TargetStanding => {
  n++;
  return { competencyId: `c${n}`, code: `K${n}`, title: `Competency ${n}`, targetLevel, currentLevel, sources };
};
const TWO = ['artifact', 'observation'];

describe('suggestReadiness', () => {
  it('is not_assessed without targets', () => {
    expect(suggestReadiness([])).toEqual({
      band: 'not_assessed',
      reasons: [
        {
          code: 'no_targets',
          message: 'The target role has no competency targets yet; hr sets them on the leadership role',
        },
      ],
      targetsMet: 0,
      targetsTotal: 0,
    });
  });

  it('is not_assessed when no target has evidence', () => {
    const s = suggestReadiness([t(3, null), t(3, null)]);
    expect(s.band).toBe('not_assessed');
    expect(s.reasons).toEqual([{ code: 'no_evidence', message: "No evidence yet on any of the role's 2 targets" }]);
    expect([s.targetsMet, s.targetsTotal]).toEqual([0, 2]);
  });

  it('is ready_now when every target is met on two or more sources, and names each target', () => {
    n = 0;
    const s = suggestReadiness([t(3, 3, TWO), t(3, 4, ['evaluation', 'feedback_360', 'observation'])]);
    expect(s).toEqual({
      band: 'ready_now',
      reasons: [
        { code: 'summary', message: 'All 2 targets met, each on evidence from at least 2 sources' },
        {
          code: 'target_met',
          competencyId: 'c1',
          message: 'K1 Competency 1: level 3 meets target 3 (sources: artifact, observation)',
        },
        {
          code: 'target_met',
          competencyId: 'c2',
          message: 'K2 Competency 2: level 4 meets target 3 (sources: evaluation, 360° feedback, observation)',
        },
      ],
      targetsMet: 2,
      targetsTotal: 2,
    });
  });

  it('is ready_1_2_years when every target is met but one rests on a single source', () => {
    n = 0;
    const s = suggestReadiness([t(3, 3, TWO), t(2, 4, ['observation'])]);
    expect(s.band).toBe('ready_1_2_years');
    expect(s.reasons[0]).toEqual({
      code: 'summary',
      message: '2 of 2 targets met; 1 met target on a single source of evidence',
    });
    expect(s.reasons[2]).toEqual({
      code: 'single_source',
      competencyId: 'c2',
      message:
        'K2 Competency 2: level 4 meets target 2, but all its evidence is from observation; ready now needs 2 different sources',
    });
  });

  it('is ready_1_2_years with gaps of one level and half the targets met (exactly half counts)', () => {
    n = 0;
    const s = suggestReadiness([t(3, 3, TWO), t(3, 2, TWO), t(4, 4, TWO), t(4, 3, ['observation'])]);
    expect(s.band).toBe('ready_1_2_years');
    expect([s.targetsMet, s.targetsTotal]).toEqual([2, 4]);
    expect(s.reasons.map((r) => r.code)).toEqual([
      'summary',
      'target_met',
      'target_below',
      'target_met',
      'target_below',
    ]);
    expect(s.reasons[0]!.message).toBe('2 of 4 targets met; every other within 1 level');
    expect(s.reasons[2]!.message).toBe('K2 Competency 2: level 2, target 3 (gap 1 level)');
  });

  it('is ready_3_plus_years when fewer than half are met, even with small gaps', () => {
    n = 0;
    const s = suggestReadiness([t(3, 3, TWO), t(3, 2, TWO), t(3, 2, TWO)]);
    expect(s.band).toBe('ready_3_plus_years');
    expect(s.reasons[0]).toEqual({ code: 'summary', message: '1 of 3 targets met; fewer than half met' });
  });

  it('is ready_3_plus_years when a gap is two levels or more', () => {
    n = 0;
    const s = suggestReadiness([t(4, 4, TWO), t(4, 4, TWO), t(4, 2, TWO)]);
    expect(s.band).toBe('ready_3_plus_years');
    expect(s.reasons[0]!.message).toBe('2 of 3 targets met; largest gap 2 levels');
    expect(s.reasons[3]).toEqual({
      code: 'target_below',
      competencyId: 'c3',
      message: 'K3 Competency 3: level 2, target 4 (gap 2 levels)',
    });
  });

  it('is ready_3_plus_years when a target has no evidence, however good the rest', () => {
    n = 0;
    const s = suggestReadiness([t(3, 4, TWO), t(3, 4, TWO), t(3, 4, TWO), t(3, null)]);
    expect(s.band).toBe('ready_3_plus_years');
    expect(s.reasons[0]!.message).toBe('3 of 4 targets met; 1 target without evidence');
    expect(s.reasons[4]).toEqual({
      code: 'target_unrated',
      competencyId: 'c4',
      message: 'K4 Competency 4: no evidence yet (target 3)',
    });
  });

  it('lists every reason that keeps a candidate at 3+ years', () => {
    n = 0;
    const s = suggestReadiness([t(4, 1, ['self_reflection']), t(3, null), t(3, 2, TWO)]);
    expect(s.reasons[0]!.message).toBe(
      '0 of 3 targets met; 1 target without evidence; largest gap 3 levels; fewer than half met',
    );
  });
});
