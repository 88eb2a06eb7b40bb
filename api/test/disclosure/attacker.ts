/**
 * An attacker on the equity figures (docs/metrics.md, "Disclosure control"), for the adversarial test.
 *
 * It is given more than any role gets: the exact people of every column it saw (lists tell them), why each
 * withheld count was withheld, the method and its parameters. Every published or withheld count becomes a
 * range the true count must lie in; each snapshot (the same requests before and after a change) is a world,
 * an assignment of every person to a group.
 *
 * A claim is safe when a second world fits every range: another group for a named person, another value for
 * a count below the threshold. Finding one proves no solver could pin the claim down. The search is a
 * min-conflicts local search (the classic heuristic for constraint satisfaction): force the claim false,
 * then repeatedly repair a broken range by the move of one person in its column that breaks least, with
 * restarts. It is incomplete, so a claim it cannot make uncertain counts as a disclosure: a weak search
 * fails the test rather than passing it. Every world it reports is checked against every range.
 */

export interface Observation {
  /** Where it came from, for messages. */
  label: string;
  /** The column's people (educator ids): the attacker knows them exactly. */
  people: readonly string[];
  /** Per group, the range the count must lie in. */
  ranges: ReadonlyMap<string, readonly [number, number]>;
  /** The true counts: the first world (never used to decide what the attacker may infer). */
  truth: ReadonlyMap<string, number>;
}

export interface Snapshot {
  /** Every person's true group at the time. */
  world: ReadonlyMap<string, string>;
  observations: Observation[];
}

export interface Findings {
  /** Counts below the threshold (in a column with people) that only one value fits. */
  exactCounts: string[];
  /** Named people whose group only one world fits. */
  certainPeople: string[];
  checkedCounts: number;
  checkedPeople: number;
  /** Alternative worlds re-checked in full against every range. */
  verifiedWorlds: number;
}

export interface AttackerOptions {
  /** Repair moves per attempt. */
  steps?: number;
  /** Fresh starts from the true world per attempt. */
  restarts?: number;
  /** Moves weighed at each step. */
  sample?: number;
  /** Stop once this many disclosures are found (for runs that only need to show some). */
  stopAfter?: number;
  /** Re-check every n-th alternative world against every range from scratch (1: all). */
  verifyEvery?: number;
  /** Only these people's groups are claims (default: everyone seen). */
  people?: readonly string[];
  /** Whether small counts are claims too (default true). */
  counts?: boolean;
  /** Share of steps that take a random repair instead of the best. */
  walk?: number;
  seed?: number;
}

/** A small deterministic generator, so a failing run can be repeated. */
function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Attacker {
  private readonly G: number;
  /** Variable per person (per snapshot when not linked). */
  private readonly truthGroup: Int32Array;
  private readonly group: Int32Array;
  private readonly locked: Uint8Array;
  private readonly lastMoved: Int32Array;
  private readonly memberships: Int32Array[];
  private readonly varOf: Map<string, number>[];
  private readonly nameOf: string[] = [];
  /** Per observation (all snapshots, flattened). */
  private readonly obsVars: Int32Array[];
  private readonly lo: Int32Array;
  private readonly hi: Int32Array;
  private readonly count: Int32Array;
  private readonly obsSnapshot: Int32Array;
  private readonly obsIndex: Int32Array;
  /** Broken cells (observation × group), for picking one at random in O(1). */
  private readonly broken: number[] = [];
  private readonly brokenAt: Int32Array;
  private readonly log: [number, number][] = [];
  private readonly rand: () => number;
  private readonly opts: Required<Omit<AttackerOptions, 'stopAfter' | 'people'>> & {
    stopAfter: number;
    people: ReadonlySet<string> | null;
  };
  private step = 0;

  /**
   * @param linked who cannot have changed group between snapshots (everyone but a person whose record
   *   changed): one variable for all snapshots.
   */
  constructor(
    private readonly groups: readonly string[],
    private readonly snapshots: Snapshot[],
    linked: (person: string) => boolean,
    opts: AttackerOptions = {},
  ) {
    this.opts = {
      steps: opts.steps ?? 400,
      restarts: opts.restarts ?? 4,
      sample: opts.sample ?? 24,
      stopAfter: opts.stopAfter ?? Infinity,
      verifyEvery: opts.verifyEvery ?? 25,
      walk: opts.walk ?? 0.15,
      people: opts.people ? new Set(opts.people) : null,
      counts: opts.counts ?? true,
      seed: opts.seed ?? 1,
    };
    this.rand = mulberry32(this.opts.seed);
    this.G = groups.length;
    const gi = new Map(groups.map((g, i) => [g, i]));
    const groupIndex = (g: string) => {
      const i = gi.get(g);
      if (i === undefined) throw new Error(`unknown group ${g}`);
      return i;
    };

    const truth: number[] = [];
    const shared = new Map<string, number>();
    this.varOf = snapshots.map((s, si) => {
      const m = new Map<string, number>();
      for (const [person, g] of s.world) {
        let v = linked(person) ? shared.get(person) : undefined;
        if (v === undefined) {
          v = truth.length;
          truth.push(groupIndex(g));
          this.nameOf.push(person);
          if (linked(person)) shared.set(person, v);
        } else if (truth[v] !== groupIndex(g)) {
          throw new Error(`${person} is linked but changed group in snapshot ${si}`);
        }
        m.set(person, v);
      }
      return m;
    });
    this.truthGroup = Int32Array.from(truth);
    this.group = Int32Array.from(truth);
    this.locked = new Uint8Array(truth.length);
    this.lastMoved = new Int32Array(truth.length).fill(-1_000_000);

    const all = snapshots.flatMap((s, si) => s.observations.map((o, k) => ({ o, si, k })));
    const n = all.length;
    this.obsVars = all.map(({ o, si }) => Int32Array.from(o.people, (p) => this.varOf[si]!.get(p)!));
    this.obsSnapshot = Int32Array.from(all, (x) => x.si);
    this.obsIndex = Int32Array.from(all, (x) => x.k);
    this.lo = new Int32Array(n * this.G);
    this.hi = new Int32Array(n * this.G);
    this.count = new Int32Array(n * this.G);
    this.brokenAt = new Int32Array(n * this.G).fill(-1);
    const mem: number[][] = truth.map(() => []);
    all.forEach(({ o }, j) => {
      for (const v of this.obsVars[j]!) {
        mem[v]!.push(j);
        this.count[j * this.G + this.group[v]!]!++;
      }
      for (let g = 0; g < this.G; g++) {
        const [lo, hi] = o.ranges.get(groups[g]!) ?? [0, o.people.length];
        this.lo[j * this.G + g] = lo;
        this.hi[j * this.G + g] = hi;
      }
    });
    this.memberships = mem.map((m) => Int32Array.from(m));
    for (let c = 0; c < n * this.G; c++)
      if (this.violation(c) > 0)
        throw new Error(`the true world breaks ${all[Math.floor(c / this.G)]!.o.label} ${groups[c % this.G]}`);
  }

  private violation(cell: number, c = this.count[cell]!) {
    const lo = this.lo[cell]!;
    const hi = this.hi[cell]!;
    return c < lo ? lo - c : c > hi ? c - hi : 0;
  }

  private markBroken(cell: number) {
    const broken = this.violation(cell) > 0;
    const at = this.brokenAt[cell]!;
    if (broken && at < 0) {
      this.brokenAt[cell] = this.broken.length;
      this.broken.push(cell);
    } else if (!broken && at >= 0) {
      const last = this.broken.pop()!;
      if (last !== cell) {
        this.broken[at] = last;
        this.brokenAt[last] = at;
      }
      this.brokenAt[cell] = -1;
    }
  }

  /** Change in total violation if `v` moved to group `to`. */
  private cost(v: number, to: number) {
    const from = this.group[v]!;
    let d = 0;
    for (const j of this.memberships[v]!) {
      const a = j * this.G + from;
      const b = j * this.G + to;
      d += this.violation(a, this.count[a]! - 1) - this.violation(a);
      d += this.violation(b, this.count[b]! + 1) - this.violation(b);
    }
    return d;
  }

  private apply(v: number, to: number, record = true) {
    const from = this.group[v]!;
    if (from === to) return;
    if (record) this.log.push([v, from]);
    this.group[v] = to;
    this.lastMoved[v] = this.step;
    for (const j of this.memberships[v]!) {
      const a = j * this.G + from;
      const b = j * this.G + to;
      this.count[a]!--;
      this.count[b]!++;
      this.markBroken(a);
      this.markBroken(b);
    }
  }

  /** Back to the true world. */
  private reset() {
    while (this.log.length) {
      const [v, from] = this.log.pop()!;
      this.apply(v, from, false);
    }
    this.locked.fill(0);
    this.lastMoved.fill(-1_000_000);
  }

  /** Repairs the current world until every range holds; true if it got there. */
  private solve(): boolean {
    const { steps, sample } = this.opts;
    for (let s = 0; s < steps; s++) {
      if (this.broken.length === 0) return true;
      this.step++;
      const cell = this.broken[Math.floor(this.rand() * this.broken.length)]!;
      const j = Math.floor(cell / this.G);
      const g = cell % this.G;
      const tooMany = this.count[cell]! > this.hi[cell]!;
      const vars = this.obsVars[j]!;
      let best = Infinity;
      let choice: [number, number] | null = null;
      // Now and then a random repair rather than the best one, to walk out of local minima.
      const walk = this.rand() < this.opts.walk;
      // Recently moved people wait a few steps (so the search does not undo itself), unless no one else can.
      for (const tabu of [3, 0]) {
        let seen = 0;
        // Sample movers from a random start, so a long column is not always read from the same end.
        const start = Math.floor(this.rand() * vars.length);
        for (let i = 0; i < vars.length && seen < sample; i++) {
          const v = vars[(start + i) % vars.length]!;
          if (this.locked[v] || this.step - this.lastMoved[v]! < tabu) continue;
          const now = this.group[v]!;
          if (tooMany ? now !== g : now === g) continue;
          seen++;
          for (let to = 0; to < this.G; to++) {
            if (tooMany ? to === g : to !== g) continue;
            const c = walk ? this.rand() : this.cost(v, to) + this.rand() * 0.5;
            if (c < best) [best, choice] = [c, [v, to]];
          }
        }
        if (choice) break;
      }
      if (!choice) continue;
      this.apply(choice[0], choice[1]);
    }
    return this.broken.length === 0;
  }

  /** Tries `attempt` (which forces the claim false) from the true world, with restarts. */
  private alternative(setup: () => void): boolean {
    for (let r = 0; r < this.opts.restarts; r++) {
      this.reset();
      setup();
      if (this.solve()) return true;
    }
    return false;
  }

  /** Every range, recounted from scratch for the current world. */
  private fitsEverywhere(): boolean {
    for (let j = 0; j < this.obsVars.length; j++) {
      const counts = new Int32Array(this.G);
      for (const v of this.obsVars[j]!) counts[this.group[v]!]!++;
      for (let g = 0; g < this.G; g++) {
        const c = j * this.G + g;
        if (counts[g]! < this.lo[c]! || counts[g]! > this.hi[c]!) return false;
      }
    }
    return true;
  }

  run(threshold: number): Findings {
    const f: Findings = { exactCounts: [], certainPeople: [], checkedCounts: 0, checkedPeople: 0, verifiedWorlds: 0 };
    const enough = () => f.exactCounts.length >= this.opts.stopAfter && f.certainPeople.length >= this.opts.stopAfter;
    let found = 0;
    const verify = (ok: boolean, what: string) => {
      if (ok && ++found % this.opts.verifyEvery === 0) {
        if (!this.fitsEverywhere()) throw new Error(`the search reported a world that does not fit (${what})`);
        f.verifiedWorlds++;
      }
      return ok;
    };

    // People: each variable once (a linked person is one claim across snapshots).
    const checked = new Set<number>();
    this.snapshots.forEach((_, si) => {
      for (let j = 0; j < this.obsVars.length; j++) {
        if (this.obsSnapshot[j] !== si) continue;
        for (const v of this.obsVars[j]!) {
          if (checked.has(v) || enough()) continue;
          checked.add(v);
          const person = this.nameOf[v]!;
          if (this.opts.people && !this.opts.people.has(person)) continue;
          f.checkedPeople++;
          const g = this.truthGroup[v]!;
          const ok = [...Array(this.G).keys()]
            .filter((h) => h !== g)
            .some((h) =>
              this.alternative(() => {
                this.apply(v, h);
                this.locked[v] = 1;
              }),
            );
          if (!verify(ok, `person ${v}`)) {
            f.certainPeople.push(`snapshot ${si}: ${person} is ${this.groups[g]}`);
          }
        }
      }
    });

    // Counts below the threshold: force the count off its true value by narrowing its range.
    const decided = new Map<string, boolean>();
    for (let j = 0; j < this.obsVars.length && this.opts.counts; j++) {
      const vars = this.obsVars[j]!;
      if (vars.length === 0) continue;
      const signature = `${this.obsSnapshot[j]}|${[...vars].sort((a, b) => a - b).join(',')}`;
      for (let g = 0; g < this.G; g++) {
        const cell = j * this.G + g;
        let x = 0;
        for (const v of vars) if (this.truthGroup[v] === g) x++;
        if (x >= threshold || enough()) continue;
        f.checkedCounts++;
        const id = `${g}|${signature}`;
        let ok = decided.get(id);
        if (ok === undefined) {
          const [lo, hi] = [this.lo[cell]!, this.hi[cell]!];
          const narrowed = (l: number, h: number) => {
            if (l > h) return false;
            const ok2 = this.alternative(() => {
              this.lo[cell] = l;
              this.hi[cell] = h;
              this.markBroken(cell);
            });
            const fits = verify(ok2, `count ${j}`);
            this.lo[cell] = lo;
            this.hi[cell] = hi;
            this.markBroken(cell);
            return fits;
          };
          ok = narrowed(lo, x - 1) || narrowed(x + 1, hi);
          this.reset();
          decided.set(id, ok);
        }
        if (!ok) {
          const o = this.snapshots[this.obsSnapshot[j]!]!.observations[this.obsIndex[j]!]!;
          f.exactCounts.push(`snapshot ${this.obsSnapshot[j]}: ${o.label} ${this.groups[g]} = ${x}`);
        }
      }
    }
    this.reset();
    return f;
  }
}

/**
 * A guessing attacker, for the figure the guarantee does not cover (docs/metrics.md, "Limits"): it treats
 * every published count as an equation, solves them all at once for each person's share of each group
 * (Kaczmarz sweeps, each share kept in [0, 1]), and guesses each person's most likely group. Returns how
 * often it is right, against guessing the most common group for everyone.
 */
export function reconstruct(
  groups: readonly string[],
  world: ReadonlyMap<string, string>,
  equations: readonly { people: readonly string[]; published: ReadonlyMap<string, number | null> }[],
  sweeps = 40,
): { people: number; right: number; baseline: number } {
  const seen = [...new Set(equations.flatMap((e) => e.people))];
  const at = new Map(seen.map((p, i) => [p, i]));
  const G = groups.length;
  const x = new Float64Array(seen.length * G).fill(1 / G);
  const rows = equations.flatMap((e) => {
    const members = Int32Array.from(e.people, (p) => at.get(p)!);
    return groups.flatMap((g, gi) => {
      const y = e.published.get(g);
      return y === null || y === undefined || members.length === 0 ? [] : [{ members, gi, y }];
    });
  });
  for (let s = 0; s < sweeps; s++)
    for (const { members, gi, y } of rows) {
      let sum = 0;
      for (const m of members) sum += x[m * G + gi]!;
      const step = (y - sum) / members.length;
      for (const m of members) x[m * G + gi] = Math.min(1, Math.max(0, x[m * G + gi]! + step));
    }
  const tally = new Map<string, number>();
  for (const p of seen) tally.set(world.get(p)!, (tally.get(world.get(p)!) ?? 0) + 1);
  let right = 0;
  seen.forEach((p, i) => {
    let best = 0;
    for (let g = 1; g < G; g++) if (x[i * G + g]! > x[i * G + best]!) best = g;
    if (groups[best] === world.get(p)) right++;
  });
  return { people: seen.length, right, baseline: Math.max(...tally.values()) };
}
