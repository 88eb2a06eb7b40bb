/**
 * The attacker is only as good as its search: on small random problems its answers must equal those of
 * trying every world.
 */
import { describe, expect, it } from '@jest/globals';
import type { Observation } from './attacker.js';
import { Attacker } from './attacker.js';

function mulberry(seed: number) {
  let a = seed;
  return () => {
    a = (a * 1103515245 + 12345) % 2147483648;
    return a / 2147483648;
  };
}

/** A random problem: people, groups, columns of random people with ranges around the truth. */
function problem(seed: number) {
  const r = mulberry(seed);
  const groups = ['a', 'b', 'c'].slice(0, 2 + Math.floor(r() * 2));
  const people = Array.from({ length: 4 + Math.floor(r() * 4) }, (_, i) => `p${i}`);
  const world = new Map(people.map((p) => [p, groups[Math.floor(r() * groups.length)]!]));
  const observations: Observation[] = Array.from({ length: 2 + Math.floor(r() * 5) }, (_, k) => {
    const members = people.filter(() => r() < 0.6);
    const truth = new Map(groups.map((g) => [g, members.filter((p) => world.get(p) === g).length]));
    const ranges = new Map(
      groups.map((g) => {
        const x = truth.get(g)!;
        const width = Math.floor(r() * 3);
        const lo = Math.max(0, x - Math.floor(r() * (width + 1)));
        return [g, [lo, Math.min(members.length, lo + width < x ? x : lo + width)] as const];
      }),
    );
    return { label: `c${k}`, people: members, ranges, truth };
  });
  return { groups, people, world, observations };
}

/** Every world that fits every range, by enumeration. */
function fittingWorlds(p: ReturnType<typeof problem>) {
  const out: Map<string, string>[] = [];
  const total = p.groups.length ** p.people.length;
  for (let n = 0; n < total; n++) {
    const w = new Map<string, string>();
    let m = n;
    for (const person of p.people) {
      w.set(person, p.groups[m % p.groups.length]!);
      m = Math.floor(m / p.groups.length);
    }
    const fits = p.observations.every((o) =>
      p.groups.every((g) => {
        const c = o.people.filter((x) => w.get(x) === g).length;
        const [lo, hi] = o.ranges.get(g)!;
        return c >= lo && c <= hi;
      }),
    );
    if (fits) out.push(w);
  }
  return out;
}

describe('the attacker', () => {
  it('pins down exactly what enumeration pins down, on 200 small problems', () => {
    let certain = 0;
    let uncertain = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const p = problem(seed);
      const worlds = fittingWorlds(p);
      const seen = new Set(p.observations.flatMap((o) => o.people));
      const expectedPeople = [...seen]
        .filter((person) => worlds.every((w) => w.get(person) === p.world.get(person)))
        .map((person) => `snapshot 0: ${person} is ${p.world.get(person)}`)
        .sort();
      const expectedCounts = p.observations.flatMap((o) =>
        o.people.length === 0
          ? []
          : p.groups
              .filter((g) => {
                const x = o.truth.get(g)!;
                return worlds.every((w) => o.people.filter((q) => w.get(q) === g).length === x);
              })
              .map((g) => `snapshot 0: ${o.label} ${g} = ${o.truth.get(g)}`),
      );
      const found = new Attacker(p.groups, [{ world: p.world, observations: p.observations }], () => true, {
        verifyEvery: 1,
        seed,
      }).run(10);
      expect({ seed, people: found.certainPeople.sort(), counts: found.exactCounts.sort() }).toEqual({
        seed,
        people: expectedPeople,
        counts: expectedCounts.sort(),
      });
      certain += expectedPeople.length + expectedCounts.length;
      uncertain += seen.size + found.checkedCounts - expectedPeople.length - expectedCounts.length;
    }
    // Both answers occur often enough for the comparison to mean something.
    expect(certain).toBeGreaterThan(100);
    expect(uncertain).toBeGreaterThan(100);
  });

  it('treats a person as one unknown across snapshots unless their record changed', () => {
    const obs = (people: string[], ranges: [string, [number, number]][], truth: [string, number][]) => ({
      label: people.join('+'),
      people,
      ranges: new Map(ranges),
      truth: new Map(truth),
    });
    // Before: {x, y} has one "a" (ranges exact). After a change of x's record: {x, y} has two "a".
    const before = {
      world: new Map([
        ['x', 'b'],
        ['y', 'a'],
      ]),
      observations: [
        obs(
          ['x', 'y'],
          [
            ['a', [1, 1]],
            ['b', [1, 1]],
          ],
          [
            ['a', 1],
            ['b', 1],
          ],
        ),
      ],
    };
    const after = {
      world: new Map([
        ['x', 'a'],
        ['y', 'a'],
      ]),
      observations: [
        obs(
          ['x', 'y'],
          [
            ['a', [2, 2]],
            ['b', [0, 0]],
          ],
          [
            ['a', 2],
            ['b', 0],
          ],
        ),
      ],
    };
    const found = new Attacker(['a', 'b'], [before, after], (p) => p !== 'x').run(10);
    // y is "a" in both (after says both are a); so x was "b" before: differencing names both.
    expect(found.certainPeople.sort()).toEqual(['snapshot 0: x is b', 'snapshot 0: y is a', 'snapshot 1: x is a']);
  });
});
