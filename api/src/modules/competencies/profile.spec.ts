import { describe, expect, it } from '@jest/globals';
import { SeededRandom } from '../../testing/random.js';
import type { Link, ProfileNode, Rating } from './profile.js';
import { computeProfile, indexLinks, rescale } from './profile.js';

const node = (id: string, parentId: string | null, scale = 4): ProfileNode => ({ id, parentId, scale });
const rating = (
  id: string,
  competencyId: string,
  level: number,
  observedOn: string,
  source = 'observation',
): Rating => ({ id, competencyId, level, observedOn, source });

// District framework (4 levels): D1 > C1 > I1, I2. Reference framework (5 levels): R1. Another (3 levels): S1.
const nodes = new Map(
  [
    node('D1', null),
    node('C1', 'D1'),
    node('I1', 'C1'),
    node('I2', 'C1'),
    node('R1', null, 5),
    node('S1', null, 3),
  ].map((n) => [n.id, n]),
);

describe('rescale', () => {
  it.each([
    [4, 4, 4, 4],
    [3, 4, 5, 3], // 3/4 of 5 = 3.75 → 3
    [4, 4, 5, 5],
    [1, 4, 5, 1],
    [5, 5, 4, 4],
    [1, 5, 3, 1], // 0.6 → 0, never below 1
    [2, 3, 4, 2], // 2.67 → 2
  ])('level %i of %i is %i of %i → %i', (level, from, to, expected) => {
    expect(rescale(level, from, to)).toBe(expected);
  });
});

describe('computeProfile', () => {
  it('rolls indicator ratings up to the competency and the domain; the most recent wins, ties the higher', () => {
    const ratings = [
      rating('a', 'I1', 2, '2026-01-10'),
      rating('b', 'I2', 3, '2026-03-01', 'artifact'),
      rating('c', 'I1', 4, '2026-03-01'),
    ];
    const p = computeProfile(['C1', 'D1', 'I2'], nodes, ratings, []);
    expect(p.get('C1')).toEqual({
      currentLevel: 4,
      evidenceIds: ['a', 'b', 'c'],
      sources: ['artifact', 'observation'],
      relatedEvidenceIds: [],
    });
    expect(p.get('D1')?.currentLevel).toBe(4);
    expect(p.get('I2')).toEqual({ currentLevel: 3, evidenceIds: ['b'], sources: ['artifact'], relatedEvidenceIds: [] });
  });

  it('carries ratings across exact links, rescaled, in both directions', () => {
    const links: Link[] = [{ fromId: 'C1', toId: 'R1', kind: 'exact' }];
    const fromDistrict = computeProfile(['R1'], nodes, [rating('a', 'I1', 3, '2026-02-01')], links);
    expect(fromDistrict.get('R1')?.currentLevel).toBe(3); // 3 of 4 → 3.75 of 5 → 3
    const fromReference = computeProfile(['C1'], nodes, [rating('r', 'R1', 5, '2026-02-01')], links);
    expect(fromReference.get('C1')?.currentLevel).toBe(4);
  });

  it('lists related evidence without counting it', () => {
    const links: Link[] = [{ fromId: 'S1', toId: 'C1', kind: 'related' }];
    const p = computeProfile(['C1'], nodes, [rating('s', 'S1', 3, '2026-04-01')], links);
    expect(p.get('C1')).toEqual({ currentLevel: null, evidenceIds: [], sources: [], relatedEvidenceIds: ['s'] });
  });

  it('has no level without evidence', () => {
    expect(computeProfile(['D1'], nodes, [], []).get('D1')?.currentLevel).toBeNull();
  });
});

describe('the latest rating of each competency (latest_ratings, target_levels)', () => {
  it('decides the current levels as all the ratings do, on 500 random graphs', () => {
    const random = new SeededRandom(2026);
    for (let round = 0; round < 500; round++) {
      const nodes = new Map<string, ProfileNode>();
      const ids = Array.from({ length: random.int(3, 14) }, (_, i) => `n${i}`);
      ids.forEach((id, i) =>
        nodes.set(
          id,
          node(id, i > 0 && random.chance(0.6) ? ids[random.int(0, i - 1)]! : null, random.pick([3, 4, 5])),
        ),
      );
      const links: Link[] = Array.from({ length: random.int(0, 5) }, () => ({
        fromId: random.pick(ids),
        toId: random.pick(ids),
        kind: random.chance(0.7) ? ('exact' as const) : ('related' as const),
      }));
      const ratings = Array.from({ length: random.int(0, 25) }, (_, i) => {
        const on = random.pick(ids);
        const day = `2026-0${random.int(1, 3)}-1${random.int(0, 2)}`;
        return rating(`r${i}`, on, random.int(1, nodes.get(on)!.scale), day);
      });
      const targets = ids.filter(() => random.chance(0.5));
      const full = computeProfile(targets, nodes, ratings, links);
      // Only each competency's latest rating (latest day, then highest level): what latest_ratings keeps.
      const latest = new Map<string, Rating>();
      for (const r of ratings) {
        const kept = latest.get(r.competencyId);
        if (!kept || r.observedOn > kept.observedOn || (r.observedOn === kept.observedOn && r.level > kept.level))
          latest.set(r.competencyId, r);
      }
      const fromLatest = computeProfile(targets, nodes, [...latest.values()], indexLinks(links));
      for (const t of targets)
        expect([round, t, fromLatest.get(t)!.currentLevel]).toEqual([round, t, full.get(t)!.currentLevel]);
    }
  });
});
