/**
 * The competency-profile rule of PRODUCT.md §2, as a pure function:
 * - a rating on a node also counts for every ancestor of that node (evidence rolls up);
 * - a rating counts across an `exact` crosswalk link (both directions), rescaled when the rubrics differ
 *   in length: same position as a fraction of the scale, rounded down, never below 1;
 * - a node's current level is its most recent rating (latest observed date; ties: the higher level);
 * - `related` links carry nothing: their evidence is listed beside the node.
 */
export interface ProfileNode {
  id: string;
  parentId: string | null;
  /** Number of levels of the node's framework rubric. */
  scale: number;
}

export interface Rating {
  id: string;
  competencyId: string;
  level: number;
  observedOn: string;
  source: string;
}

export interface Link {
  fromId: string;
  toId: string;
  kind: 'exact' | 'related';
}

export interface NodeProfile {
  currentLevel: number | null;
  /** Ratings that count for the node (own, rolled up, carried). */
  evidenceIds: string[];
  sources: string[];
  /** Evidence on `related` nodes, shown but not counted. */
  relatedEvidenceIds: string[];
}

/** A level on a scale of `from` levels, moved to a scale of `to` levels. */
export function rescale(level: number, from: number, to: number): number {
  if (from === to) return level;
  return Math.max(1, Math.floor((level / from) * to));
}

/** Crosswalk links by node, both directions: built once for many candidates' profiles. */
export interface LinkIndex {
  exact: Map<string, string[]>;
  related: Map<string, string[]>;
}

export function indexLinks(links: Link[]): LinkIndex {
  const exact = new Map<string, string[]>();
  const related = new Map<string, string[]>();
  const put = (into: Map<string, string[]>, from: string, to: string) => {
    const list = into.get(from);
    if (list) list.push(to);
    else into.set(from, [to]);
  };
  for (const l of links) {
    const into = l.kind === 'exact' ? exact : related;
    put(into, l.fromId, l.toId);
    put(into, l.toId, l.fromId);
  }
  return { exact, related };
}

type Counted = Map<string, { rating: Rating; level: number }[]>;

/** Ratings that count for each node before crosswalk: its own and its descendants', on the node's scale. */
function countedByNode(nodes: Map<string, ProfileNode>, ratings: Rating[]): Counted {
  const counted: Counted = new Map();
  for (const r of ratings) {
    const scale = nodes.get(r.competencyId)?.scale;
    for (
      let n = nodes.get(r.competencyId), guard = 0;
      n && guard < 50;
      n = n.parentId ? nodes.get(n.parentId) : undefined, guard++
    ) {
      const entry = { rating: r, level: scale ? rescale(r.level, scale, n.scale) : r.level };
      const list = counted.get(n.id);
      if (list) list.push(entry);
      else counted.set(n.id, [entry]);
    }
  }
  return counted;
}

export function computeProfile(
  targetIds: string[],
  nodes: Map<string, ProfileNode>,
  ratings: Rating[],
  links: Link[] | LinkIndex,
): Map<string, NodeProfile> {
  const counted = countedByNode(nodes, ratings);
  const { exact, related } = Array.isArray(links) ? indexLinks(links) : links;
  const result = new Map<string, NodeProfile>();
  for (const id of targetIds) {
    const node = nodes.get(id);
    const mine = [...(counted.get(id) ?? [])];
    for (const other of exact.get(id) ?? []) {
      const otherScale = nodes.get(other)?.scale;
      for (const c of counted.get(other) ?? [])
        mine.push({ rating: c.rating, level: node && otherScale ? rescale(c.level, otherScale, node.scale) : c.level });
    }
    const unique = new Map(mine.map((c) => [c.rating.id, c]));
    // The latest observed day (ISO dates order as strings), then the higher level; a plain scan, not a
    // locale-aware sort: a slate computes this for thousands of candidates.
    let best: { rating: Rating; level: number } | undefined;
    for (const c of unique.values()) {
      if (
        !best ||
        c.rating.observedOn > best.rating.observedOn ||
        (c.rating.observedOn === best.rating.observedOn && c.level > best.level)
      )
        best = c;
    }
    const relatedIds = new Set<string>();
    for (const other of related.get(id) ?? [])
      for (const c of counted.get(other) ?? []) if (!unique.has(c.rating.id)) relatedIds.add(c.rating.id);
    result.set(id, {
      currentLevel: best?.level ?? null,
      evidenceIds: [...unique.keys()],
      sources: [...new Set([...unique.values()].map((c) => c.rating.source))].sort(),
      relatedEvidenceIds: [...relatedIds],
    });
  }
  return result;
}
