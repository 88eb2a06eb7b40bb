/**
 * An attacker on the equity figures (docs/metrics.md, "Disclosure control"), for the adversarial test.
 *
 * It is given more than any role gets: the exact people of every column it saw (lists tell them), why each
 * withheld count was withheld, the method and its parameters. Every published or withheld count becomes a
 * range the true count must lie in; each snapshot (the same requests before and after a change) is a world,
 * an assignment of every person to a group.
 *
 * A claim is safe when a second world fits every range: another group for a named person, another value for
 * a count below the threshold. Finding one is a proof that no solver could pin the claim down. The search
 * moves one person, then repairs each range it breaks by moving someone else in that column (up to
 * `depth` moves); a claim it cannot make uncertain counts as a disclosure, so a weak search fails the test
 * rather than passing it.
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
}

/** (snapshot, person) → the group it is moved to. */
type Moves = Map<string, string>;
interface Broken {
  snapshot: number;
  observation: number;
  group: string;
  /** +1: the count is above its range (someone must leave the group), −1 below (someone must join). */
  excess: 1 | -1;
}

export class Attacker {
  private readonly index: Map<string, number[]>[];
  private readonly depth: number;
  private readonly branching: number;

  /**
   * @param linked who cannot have changed group between snapshots (everyone but a person whose record
   *   changed): their moves apply to every snapshot at once.
   */
  constructor(
    private readonly groups: readonly string[],
    private readonly snapshots: Snapshot[],
    private readonly linked: (person: string) => boolean,
    opts: { depth?: number; branching?: number } = {},
  ) {
    this.depth = opts.depth ?? 4;
    this.branching = opts.branching ?? 40;
    this.index = snapshots.map((s) => {
      const m = new Map<string, number[]>();
      s.observations.forEach((o, k) => {
        for (const p of o.people) {
          const list = m.get(p);
          if (list) list.push(k);
          else m.set(p, [k]);
        }
      });
      return m;
    });
  }

  private groupOf(person: string, snapshot: number, moves?: Moves) {
    return moves?.get(`${snapshot}|${person}`) ?? this.snapshots[snapshot]!.world.get(person)!;
  }

  /** Adds moving `person` to `to` (in every snapshot if linked). */
  private move(moves: Moves, person: string, to: string, snapshot: number): Moves {
    const next = new Map(moves);
    const snaps = this.linked(person) ? this.snapshots.map((_, i) => i) : [snapshot];
    for (const s of snaps) if (this.snapshots[s]!.world.has(person)) next.set(`${s}|${person}`, to);
    return next;
  }

  /** Net change of each touched count. */
  private deltas(moves: Moves): Map<string, number> {
    const delta = new Map<string, number>();
    for (const [key, to] of moves) {
      const [s, person] = key.split('|') as [string, string];
      const snapshot = Number(s);
      const from = this.snapshots[snapshot]!.world.get(person)!;
      if (from === to) continue;
      for (const k of this.index[snapshot]!.get(person) ?? []) {
        const a = `${snapshot}|${k}|${from}`;
        const b = `${snapshot}|${k}|${to}`;
        delta.set(a, (delta.get(a) ?? 0) - 1);
        delta.set(b, (delta.get(b) ?? 0) + 1);
      }
    }
    return delta;
  }

  private broken(delta: Map<string, number>): Broken[] {
    const out: Broken[] = [];
    for (const [key, d] of delta) {
      if (d === 0) continue;
      const [s, k, group] = key.split('|') as [string, string, string];
      const o = this.snapshots[Number(s)]!.observations[Number(k)]!;
      const v = (o.truth.get(group) ?? 0) + d;
      const [lo, hi] = o.ranges.get(group)!;
      if (v < lo) out.push({ snapshot: Number(s), observation: Number(k), group, excess: -1 });
      else if (v > hi) out.push({ snapshot: Number(s), observation: Number(k), group, excess: 1 });
    }
    return out;
  }

  /**
   * A fitting world reached from `moves` by repairs, in which `keep` still holds; null if none within the
   * depth. Each repair moves one more person of a broken column into or out of the broken group.
   */
  private repair(
    moves: Moves,
    keep: (delta: Map<string, number>, moves: Moves) => boolean,
    depth: number,
  ): Moves | null {
    const delta = this.deltas(moves);
    if (!keep(delta, moves)) return null;
    const broken = this.broken(delta);
    if (broken.length === 0) return moves;
    if (depth === 0) return null;
    const b = broken[0]!;
    const o = this.snapshots[b.snapshot]!.observations[b.observation]!;
    let tries = 0;
    for (const p of o.people) {
      if (moves.has(`${b.snapshot}|${p}`)) continue;
      const now = this.groupOf(p, b.snapshot, moves);
      const targets =
        b.excess === 1
          ? now === b.group
            ? this.groups.filter((g) => g !== b.group)
            : []
          : now !== b.group
            ? [b.group]
            : [];
      for (const to of targets) {
        if (++tries > this.branching) return null;
        const found = this.repair(this.move(moves, p, to, b.snapshot), keep, depth - 1);
        if (found) return found;
      }
    }
    return null;
  }

  /** A fitting world in which `person` (in `snapshot`) is in another group than its true one. */
  personAlternative(person: string, snapshot: number): Moves | null {
    const g = this.groupOf(person, snapshot);
    const keep = (_: Map<string, number>, moves: Moves) => this.groupOf(person, snapshot, moves) !== g;
    for (const h of this.groups) {
      if (h === g) continue;
      const found = this.repair(this.move(new Map(), person, h, snapshot), keep, this.depth);
      if (found) return found;
    }
    return null;
  }

  /** A fitting world in which group `g`'s count in observation `k` differs from the truth. */
  countAlternative(snapshot: number, k: number, g: string): Moves | null {
    const o = this.snapshots[snapshot]!.observations[k]!;
    const key = `${snapshot}|${k}|${g}`;
    const keep = (delta: Map<string, number>) => (delta.get(key) ?? 0) !== 0;
    let tries = 0;
    for (const p of o.people) {
      const from = this.groupOf(p, snapshot);
      for (const to of from === g ? this.groups.filter((h) => h !== g) : [g]) {
        if (++tries > this.branching * 4) return null;
        const found = this.repair(this.move(new Map(), p, to, snapshot), keep, this.depth);
        if (found) return found;
      }
    }
    return null;
  }

  run(threshold: number): Findings {
    const findings: Findings = { exactCounts: [], certainPeople: [], checkedCounts: 0, checkedPeople: 0 };
    this.snapshots.forEach((s, i) => {
      const seen = new Set<string>();
      for (const o of s.observations) for (const p of o.people) seen.add(p);
      for (const p of seen) {
        findings.checkedPeople++;
        if (!this.personAlternative(p, i)) findings.certainPeople.push(`snapshot ${i}: ${p}`);
      }
      // A count is a function of its people and group: decide each distinct one once.
      const decided = new Map<string, boolean>();
      s.observations.forEach((o, k) => {
        if (o.people.length === 0) return;
        const people = [...o.people].sort().join(',');
        for (const g of this.groups) {
          const x = o.truth.get(g) ?? 0;
          if (x >= threshold) continue;
          findings.checkedCounts++;
          const id = `${g}|${people}`;
          let ok = decided.get(id);
          if (ok === undefined) {
            ok = this.countAlternative(i, k, g) !== null;
            decided.set(id, ok);
          }
          if (!ok) findings.exactCounts.push(`snapshot ${i}: ${o.label} ${g} = ${x}`);
        }
      });
    });
    return findings;
  }
}
