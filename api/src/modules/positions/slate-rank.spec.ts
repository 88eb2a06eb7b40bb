import { describe, expect, it } from '@jest/globals';
import type { SlateCandidate, SlateDecision, SlateSeat } from './slate-rank.js';
import { rankSlate, scoreCandidate } from './slate-rank.js';

const NOW = new Date('2026-12-01T12:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);
const ELEMENTARY_SEAT: SlateSeat = { schoolId: 'seat-school', gradeBand: 'elementary' };

let n = 0;
function person(overrides: Partial<SlateCandidate> = {}): SlateCandidate {
  n++;
  return {
    candidateId: `c${String(n).padStart(3, '0')}`,
    educatorId: `e${n}`,
    firstName: 'Pat',
    lastName: `Person${String(n).padStart(3, '0')}`,
    schoolId: 'elsewhere',
    schoolName: 'Elsewhere',
    schoolBand: 'middle',
    stage: 'ready',
    readiness: 'ready_now',
    readinessConfirmedAt: daysAgo(30),
    newEvidenceSinceConfirmation: 0,
    targetsMet: 2,
    targetsTotal: 4,
    seatDaysAtLevel: 0,
    moveWillingness: null,
    moveGradeBands: [],
    moveSchoolIds: [],
    placementRefusal: null,
    ...overrides,
  };
}
const pts = (c: SlateCandidate, key: string, seat = ELEMENTARY_SEAT) =>
  scoreCandidate(seat, c, NOW).factors.find((f) => f.key === key)!;

describe('slate score', () => {
  it('ages a confirmation: full within a year, less with newer evidence, half in the second year, none after', () => {
    expect(pts(person({ readinessConfirmedAt: daysAgo(100) }), 'confirmation').points).toBe(20);
    expect(
      pts(person({ readinessConfirmedAt: daysAgo(100), newEvidenceSinceConfirmation: 3 }), 'confirmation'),
    ).toMatchObject({
      points: 15,
      detail: 'Ready now, confirmed 3 months ago; 3 pieces of evidence since',
    });
    expect(pts(person({ readinessConfirmedAt: daysAgo(500) }), 'confirmation').points).toBe(10);
    expect(pts(person({ readinessConfirmedAt: daysAgo(800) }), 'confirmation').points).toBe(0);
    expect(pts(person({ readiness: 'not_assessed', readinessConfirmedAt: null }), 'confirmation').points).toBe(0);
  });

  it('counts targets met in proportion, and says so when the role has none', () => {
    expect(pts(person({ targetsMet: 3, targetsTotal: 4 }), 'targets').points).toBe(30);
    expect(pts(person({ targetsMet: 0, targetsTotal: 0 }), 'targets')).toMatchObject({
      points: 0,
      detail: 'The role has no competency targets set',
    });
  });

  it('gives experience for working at the seat’s level now and for years in seats there, capped at 20', () => {
    expect(pts(person({ schoolBand: 'elementary', seatDaysAtLevel: 0 }), 'experience').points).toBe(10);
    expect(pts(person({ schoolBand: 'elementary', seatDaysAtLevel: 365 }), 'experience').points).toBe(15);
    expect(pts(person({ schoolBand: 'middle', seatDaysAtLevel: 10 * 365 }), 'experience').points).toBe(10);
    // A district-office seat: experience is in the district office.
    const office = { schoolId: null, gradeBand: null };
    expect(pts(person({ schoolId: null, schoolBand: null }), 'experience', office)).toMatchObject({
      points: 10,
      detail: 'Works at the district office now; no leadership seat at the district office on record',
    });
  });

  it('reads willingness from the career profile, the person’s own school counting as willing', () => {
    expect(pts(person({ schoolId: 'seat-school' }), 'willingness').points).toBe(20);
    expect(pts(person({ moveWillingness: 'anywhere' }), 'willingness').points).toBe(20);
    expect(pts(person({ moveWillingness: 'listed', moveSchoolIds: ['seat-school'] }), 'willingness').points).toBe(20);
    expect(pts(person({ moveWillingness: 'listed', moveGradeBands: ['elementary'] }), 'willingness').points).toBe(20);
    expect(pts(person({ moveWillingness: 'listed', moveGradeBands: ['high'] }), 'willingness').points).toBe(0);
    expect(pts(person({ moveWillingness: 'not_now' }), 'willingness').points).toBe(0);
    expect(pts(person(), 'willingness').points).toBe(10);
  });
});

describe('slate ranking', () => {
  it('orders by confirmed band before score: a confirmed ready-now person outranks a stronger later band', () => {
    const strong = person({ readiness: 'ready_1_2_years', targetsMet: 4, moveWillingness: 'anywhere' });
    const weak = person({ readiness: 'ready_now', targetsMet: 0, moveWillingness: 'not_now' });
    expect(scoreCandidate(ELEMENTARY_SEAT, strong, NOW).score).toBeGreaterThan(
      scoreCandidate(ELEMENTARY_SEAT, weak, NOW).score,
    );
    const { entries } = rankSlate(ELEMENTARY_SEAT, [strong, weak], new Map(), NOW);
    expect(entries.map((e) => e.candidateId)).toEqual([weak.candidateId, strong.candidateId]);
  });

  it('puts pins first in the order they were made, drops exclusions into their own list, and counts the rest', () => {
    const people = Array.from({ length: 30 }, (_, i) => person({ targetsMet: i % 5 }));
    const decisions = new Map<string, SlateDecision>([
      [people[29]!.candidateId, { decision: 'pinned', reason: null, decidedAt: daysAgo(1) }],
      [people[3]!.candidateId, { decision: 'pinned', reason: null, decidedAt: daysAgo(2) }],
      [people[4]!.candidateId, { decision: 'excluded', reason: 'Moving away', decidedAt: daysAgo(1) }],
    ]);
    const slate = rankSlate(ELEMENTARY_SEAT, people, decisions, NOW, 10);
    expect(slate.entries.map((e) => e.candidateId).slice(0, 2)).toEqual([
      people[3]!.candidateId,
      people[29]!.candidateId,
    ]);
    expect(slate.entries.slice(0, 2).every((e) => e.pinned)).toBe(true);
    expect(slate.entries).toHaveLength(10);
    expect(slate.entries.map((e) => e.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(slate.excluded.map((e) => [e.candidateId, e.reason])).toEqual([[people[4]!.candidateId, 'Moving away']]);
    expect(slate.more).toBe(19);
    // Below the pins: by score, highest first.
    const scores = slate.entries.slice(2).map((e) => e.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('keeps every pin on the slate even beyond its size', () => {
    const people = Array.from({ length: 5 }, () => person());
    const decisions = new Map<string, SlateDecision>(
      people.map((p, i) => [p.candidateId, { decision: 'pinned', reason: null, decidedAt: daysAgo(10 - i) }]),
    );
    const slate = rankSlate(ELEMENTARY_SEAT, people, decisions, NOW, 3);
    expect(slate.entries).toHaveLength(5);
    expect(slate.more).toBe(0);
  });
});
