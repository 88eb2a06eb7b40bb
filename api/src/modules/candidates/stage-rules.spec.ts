import { describe, expect, it } from '@jest/globals';
import { ROLES } from '../../auth/permissions.js';
import type { StageState } from './stage-rules.js';
import { allowedMoves, MOVERS, placementRefusal, refusalFor } from './stage-rules.js';
import type { Stage } from './stages.js';
import { STAGES } from './stages.js';

// The whole table of PRODUCT.md §2: from-state → every allowed move ([to, reason required]).
// Everything not listed is forbidden, and the test checks every (from, to) pair against it.
const TABLE: [StageState, [Stage, boolean][]][] = [
  [
    { stage: 'identified', pausedFrom: null },
    [
      ['paused', true],
      ['exited', true],
    ],
  ],
  [
    { stage: 'engaged', pausedFrom: null },
    [
      ['developing', false],
      ['identified', true],
      ['paused', true],
      ['exited', true],
    ],
  ],
  [
    { stage: 'developing', pausedFrom: null },
    [
      ['ready', false],
      ['engaged', true],
      ['paused', true],
      ['exited', true],
    ],
  ],
  [
    { stage: 'ready', pausedFrom: null },
    [
      ['developing', true],
      ['paused', true],
      ['exited', true],
    ],
  ],
  [
    { stage: 'placed', pausedFrom: null },
    [
      ['supported', false],
      ['ready', true],
      ['paused', true],
      ['exited', true],
    ],
  ],
  [
    { stage: 'supported', pausedFrom: null },
    [
      ['placed', true],
      ['paused', true],
      ['exited', true],
    ],
  ],
  [
    { stage: 'paused', pausedFrom: 'developing' },
    [
      ['developing', false],
      ['exited', true],
    ],
  ],
  [
    { stage: 'paused', pausedFrom: 'supported' },
    [
      ['supported', false],
      ['exited', true],
    ],
  ],
  [{ stage: 'exited', pausedFrom: null }, [['identified', true]]],
];

describe('allowedMoves', () => {
  describe.each(TABLE)('from %j', (state, expected) => {
    it.each(STAGES.map((to) => [to]))('→ %s', (to) => {
      const move = allowedMoves(state).find((m) => m.to === to);
      const row = expected.find(([t]) => t === to);
      if (row) {
        expect(move).toEqual({ to, reasonRequired: row[1], exitReasonRequired: to === 'exited' });
      } else {
        expect(move).toBeUndefined();
        expect(refusalFor(state, to)).toMatch(/allowed moves now/);
      }
    });
  });

  it('never offers identified → engaged (consent) or ready → placed (placement)', () => {
    expect(refusalFor({ stage: 'identified', pausedFrom: null }, 'engaged')).toMatch(/consent/);
    expect(refusalFor({ stage: 'ready', pausedFrom: null }, 'placed')).toMatch(/placement/);
  });
});

describe('who moves', () => {
  it.each(ROLES.map((r) => [r]))('%s', (role) => {
    expect(MOVERS.includes(role)).toBe(role === 'hr' || role === 'coordinator');
  });
});

describe('placementRefusal', () => {
  it.each(STAGES.map((s) => [s]))('%s', (stage) => {
    const refusal = placementRefusal({ stage, pausedFrom: stage === 'paused' ? 'ready' : null });
    if (stage === 'ready') expect(refusal).toBeNull();
    else if (stage === 'placed' || stage === 'supported') expect(refusal).toBe(`the candidate is already ${stage}`);
    else expect(refusal).toBe(`the candidate is ${stage}; only a candidate in ready can be placed`);
  });
});
