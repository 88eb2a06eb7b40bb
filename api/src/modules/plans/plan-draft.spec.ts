import { describe, expect, it } from '@jest/globals';
import type { ProfileEntry } from '../readiness/profile-loader.js';
import { draftActions, type OpenOpportunity } from './plan-draft.js';

const target = (code: string, gap: number | null, targetLevel = 3): ProfileEntry => ({
  competencyId: `c-${code}`,
  code,
  title: `Title ${code}`,
  frameworkShortName: 'F',
  targetLevel,
  scale: 4,
  currentLevel: gap === null ? null : targetLevel - gap,
  gap,
  evidenceCount: gap === null ? 0 : 1,
  sources: [],
});
const opp = (id: string, competencyIds: string[], seatsLeft = 2, endsOn: string | null = null): OpenOpportunity => ({
  id,
  title: `Opportunity ${id}`,
  competencyIds,
  seatsLeft,
  endsOn,
});
const today = new Date('2026-12-07T10:00:00Z');

describe('draftActions', () => {
  it('gives every gap at least one action and a met target none', () => {
    const actions = draftActions([target('A', 2), target('B', 0), target('C', null), target('D', -1)], [], today);
    const covered = new Set(actions.map((a) => a.competencyId));
    expect(covered).toEqual(new Set(['c-A', 'c-C']));
  });

  it('proposes an opportunity with a seat that develops the gap, the most focused one, never one twice', () => {
    const actions = draftActions(
      [target('A', 2), target('B', 1)],
      [opp('broad', ['c-A', 'c-B', 'c-X']), opp('focused', ['c-A']), opp('full', ['c-B'], 0)],
      today,
    );
    const byGap = (c: string) => actions.filter((a) => a.competencyId === c && a.kind !== 'reflection');
    expect(byGap('c-A')).toEqual([expect.objectContaining({ kind: 'opportunity', opportunityId: 'focused' })]);
    // The full one has no seat; the broad one is still free for B.
    expect(byGap('c-B')).toEqual([expect.objectContaining({ kind: 'opportunity', opportunityId: 'broad' })]);
    expect(byGap('c-A')[0]!.owner).toBe('coordinator');
  });

  it('falls back to a mentor conversation, and adds a reflection for the candidate to every gap', () => {
    const actions = draftActions([target('A', 1)], [opp('other', ['c-Z'])], today);
    expect(actions.map((a) => [a.kind, a.owner])).toEqual([
      ['mentor_conversation', 'candidate'],
      ['reflection', 'candidate'],
    ]);
  });

  it('orders by the largest gap and spreads due dates; an opportunity ending later is due when it ends', () => {
    const actions = draftActions(
      [target('S', 1), target('L', 3), target('N', null)],
      [opp('o', ['c-S'], 1, '2027-05-31')],
      today,
    );
    expect(actions.filter((a) => a.kind === 'reflection').map((a) => a.competencyId)).toEqual(['c-L', 'c-S', 'c-N']);
    expect(actions.find((a) => a.kind === 'opportunity')!.dueOn).toBe('2027-05-31');
    const reflections = actions.filter((a) => a.kind === 'reflection').map((a) => a.dueOn!);
    expect(reflections).toEqual(['2027-01-06', '2027-02-05', '2027-03-07']);
  });
});
