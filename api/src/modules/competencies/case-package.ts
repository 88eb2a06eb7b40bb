/**
 * Reading a 1EdTech CASE 1.0 package (CFDocument, CFItems, CFAssociations, CFDefinitions, CFRubrics) into
 * the plan of a framework, as a pure function. It refuses only what CASE forbids or what would corrupt the
 * tree (a missing document or statement, a repeated item identifier, a cycle) and keeps the rest as
 * published: every problem is collected under a path-like key such as `CFItems[3].identifier`, and every
 * liberty taken with a valid package (an orphan placed at the top, a merged repeat) is a notice. Rules are
 * in docs/frameworks.md.
 */
import type { FieldErrors, ProblemKind } from '../../common/errors/app-error.js';
import type { Obj } from './case-fields.js';
import { CASE_LIMITS, isObj, list, Problems, text } from './case-fields.js';
import { readRubric } from './case-rubric.js';
import type { FrameworkLicense, LinkKind, NodeKind, RubricLevel } from './competency.entity.js';
import { NODE_KINDS } from './competency.entity.js';

const LINK_TYPES: Record<string, LinkKind> = { exactMatchOf: 'exact', isRelatedTo: 'related' };
/** Types that read the same both ways: A→B and B→A are one association. */
const SYMMETRIC = new Set(['exactMatchOf', 'isRelatedTo', 'isPeerOf']);

/** CASE identifiers are UUIDs: the same identifier in upper or lower case is the same node. */
export const idKey = (identifier: string) => identifier.toLowerCase();

export interface PlannedNode {
  /** As the package writes it. */
  identifier: string;
  /** Where the item sits in CFItems, for error keys. */
  index: number;
  /** The parent's identifier key, null for the top level. */
  parent: string | null;
  kind: NodeKind;
  code: string;
  title: string;
  description: string;
  position: number;
  itemType: string | null;
  educationLevels: string[];
  listEnumeration: string | null;
  language: string | null;
  /** The CFItem as published. */
  caseItem: Obj;
}

export interface PlannedLink {
  /** Identifier keys (lower case). */
  from: string;
  to: string;
  kind: LinkKind;
  /** The association's path, e.g. `CFAssociations[7]`. */
  path: string;
  /** Which end (if any) is not an item of the package and must be found among the district's nodes. */
  external: 'originNodeURI' | 'destinationNodeURI' | null;
}

/** An association kept as published: Emerge does not build its tree or a crosswalk link from it alone. */
export interface PlannedAssociation {
  type: string;
  identifier: string | null;
  path: string;
  /** The key of the item of this package it belongs to, and which end that item is. */
  node: string;
  nodeEnd: 'origin' | 'destination';
  other: { identifier: string; uri: string | null; title: string | null };
  /** The other end is an item of this package too (a second placement, isPartOf, precedes, …). */
  internal: boolean;
  sequence: number | null;
}

export interface CaseNotice {
  kind: string;
  count: number;
  message: string;
  /** Up to five paths or identifiers showing where. */
  examples: string[];
}

export interface CasePlan {
  document: {
    identifier: string;
    title: string;
    shortName: string;
    source: string;
    description: string;
    license: FrameworkLicense | null;
    sourceUri: string | null;
    sourceChangedAt: string | null;
    caseDocument: Obj;
    caseDefinitions: Obj | null;
  };
  rubric: RubricLevel[];
  /** Parents before children. */
  nodes: PlannedNode[];
  links: PlannedLink[];
  associations: PlannedAssociation[];
  notices: CaseNotice[];
  /** Associations not kept (see the notices). */
  ignoredAssociations: number;
}

export function shortNameOf(title: string): string {
  const words = title.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
  const capitals = words.filter((w) => /^[\p{Lu}\p{N}]/u.test(w)).map((w) => w[0]);
  const initials = capitals.length >= 2 ? capitals : words.map((w) => w[0]!.toUpperCase());
  return (initials.length >= 2 ? initials.join('') : title).slice(0, 12).trim() || 'CASE';
}

const RANK: Record<NodeKind, number> = { domain: 0, competency: 1, indicator: 2 };

function kindOf(itemType: string | null, depth: number, parent: NodeKind | null): NodeKind {
  const named = NODE_KINDS.find((k) => k === itemType?.toLowerCase());
  const kind = named ?? (depth === 0 ? 'domain' : depth === 1 ? 'competency' : 'indicator');
  // A node is never a shallower kind than its parent (a "Domain" under an indicator stays an indicator).
  return parent && RANK[kind] < RANK[parent] ? parent : kind;
}

class Notices {
  private readonly byKind = new Map<string, CaseNotice>();
  add(kind: string, message: string, example: string): void {
    const n = this.byKind.get(kind) ?? { kind, count: 0, message, examples: [] };
    n.count++;
    if (n.examples.length < 5) n.examples.push(example);
    this.byKind.set(kind, n);
  }
  list(): CaseNotice[] {
    return [...this.byKind.values()];
  }
}

interface RawItem {
  identifier: string;
  key: string;
  index: number;
  code?: string;
  itemType: string | null;
  title: string;
  description: string;
  educationLevels: string[];
  listEnumeration: string | null;
  language: string | null;
  raw: Obj;
}

function strings(p: Problems, obj: Obj, key: string, path: string): string[] {
  const v = obj[key];
  if (v === undefined || v === null) return [];
  const all = typeof v === 'string' ? [v] : v;
  if (!Array.isArray(all) || all.some((s) => typeof s !== 'string')) {
    p.add(`${path}.${key}`, 'must be an array of strings', 'wrong type');
    return [];
  }
  return (all as string[]).map((s) => s.trim()).filter((s) => s.length > 0);
}

function readItem(p: Problems, raw: unknown, index: number): RawItem | undefined {
  const path = `CFItems[${index}]`;
  if (!isObj(raw)) {
    p.add(path, 'must be an object', 'wrong type');
    return undefined;
  }
  const identifier = text(p, raw, 'identifier', path, { required: true, max: 100 });
  const full = text(p, raw, 'fullStatement', path, { required: true });
  const code = text(p, raw, 'humanCodingScheme', path, { max: 200 });
  const itemType = text(p, raw, 'CFItemType', path, { max: 200 }) ?? null;
  const abbreviated = text(p, raw, 'abbreviatedStatement', path);
  const notes = text(p, raw, 'notes', path);
  const listEnumeration = text(p, raw, 'listEnumeration', path, { max: 100 }) ?? null;
  const language = text(p, raw, 'language', path, { max: 40 }) ?? null;
  const educationLevels = strings(p, raw, 'educationLevel', path);
  if (!identifier || !full) return undefined;
  // Titles hold 400 characters; a longer statement keeps its full text in the description.
  const title =
    full.length <= 400
      ? full
      : abbreviated && abbreviated.length <= 400
        ? abbreviated
        : `${full.slice(0, 399).trimEnd()}…`;
  const description = [title === full ? undefined : full, notes].filter(Boolean).join('\n\n');
  return {
    identifier,
    key: idKey(identifier),
    index,
    code,
    itemType,
    title,
    description,
    educationLevels,
    listEnumeration,
    language,
    raw,
  };
}

interface End {
  identifier: string;
  key: string;
  uri: string | null;
  title: string | null;
}

interface RawAssociation {
  path: string;
  identifier: string | null;
  type: string;
  origin: End;
  destination: End;
  sequence: number | null;
}

function readAssociation(p: Problems, notices: Notices, raw: unknown, index: number): RawAssociation | undefined {
  const path = `CFAssociations[${index}]`;
  if (!isObj(raw)) {
    p.add(path, 'must be an object', 'wrong type');
    return undefined;
  }
  const identifier = text(p, raw, 'identifier', path, { required: true, max: 1000 }) ?? null;
  const type = text(p, raw, 'associationType', path, { required: true, max: 100 });
  const end = (key: 'originNodeURI' | 'destinationNodeURI'): End | undefined => {
    const v = raw[key];
    if (!isObj(v)) {
      p.add(`${path}.${key}`, 'is required (an object with the identifier of the node)', 'missing field');
      return undefined;
    }
    const id = text(p, v, 'identifier', `${path}.${key}`, { required: true, max: 1000 });
    if (!id) return undefined;
    const uri = typeof v.uri === 'string' && v.uri.trim() ? v.uri.trim() : null;
    const title = typeof v.title === 'string' && v.title.trim() ? v.title.trim() : null;
    return { identifier: id, key: idKey(id), uri, title };
  };
  const origin = end('originNodeURI');
  const destination = end('destinationNodeURI');
  // Publishers write "1" as often as 1; anything else only loses its order, so it is not worth refusing.
  const n = typeof raw.sequenceNumber === 'string' ? Number(raw.sequenceNumber.trim() || NaN) : raw.sequenceNumber;
  // The column is an integer, as CASE's sequenceNumber is; 1.5 orders nothing Emerge can keep.
  const sequence = typeof n === 'number' && Number.isSafeInteger(n) ? n : null;
  if (sequence === null && raw.sequenceNumber !== undefined && raw.sequenceNumber !== null)
    notices.add('sequence not a number', 'sequenceNumber values that are not whole numbers were ignored', path);
  if (!type || !origin || !destination) return undefined;
  return { path, identifier, type, origin, destination, sequence };
}

function readLicense(d: Obj, definitions: Obj | null): FrameworkLicense | null {
  const link = isObj(d.licenseURI) ? d.licenseURI : undefined;
  const str = (o: Obj | undefined, k: string) => (o && typeof o[k] === 'string' && o[k].trim() ? o[k].trim() : null);
  const licenses = definitions && Array.isArray(definitions.CFLicenses) ? definitions.CFLicenses.filter(isObj) : [];
  const linkId = str(link, 'identifier');
  const linkUri = str(link, 'uri');
  const found = licenses.find(
    (l) =>
      (linkId && str(l, 'identifier') && idKey(str(l, 'identifier')!) === idKey(linkId)) ||
      (linkUri && str(l, 'uri') === linkUri),
  );
  if (!link && !found) return null;
  const title = str(link, 'title') ?? str(found, 'title') ?? 'Licence';
  return {
    title,
    uri: linkUri ?? str(found, 'uri'),
    identifier: linkId ?? str(found, 'identifier'),
    text: str(found, 'licenseText') ?? str(found, 'description'),
  };
}

function findNul(value: unknown, path: string, found: (path: string) => void): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) found(path);
  } else if (Array.isArray(value)) value.forEach((v, i) => findNul(v, `${path}[${i}]`, found));
  else if (isObj(value))
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000')) found(path ? `${path}.${k}` : k);
      findNul(v, path ? `${path}.${k}` : k, found);
    }
}

/** Reads and checks a package. Links to nodes outside the package are planned with `external` set. */
export function readCasePackage(body: unknown): {
  plan?: CasePlan;
  errors: FieldErrors;
  /** How many problems of each kind, also beyond those listed. */
  problemKinds: ProblemKind[];
  /** The document identifier. */
  identifier?: string;
} {
  const p = new Problems();
  const pkg = isObj(body) && isObj(body.CFPackage) ? body.CFPackage : body;
  if (!isObj(pkg)) {
    p.add(
      '(package)',
      'the body must be a CASE 1.0 package: a JSON object with CFDocument, CFItems and CFAssociations',
      'not a package',
    );
    return { errors: p.finish(), problemKinds: p.kindsFound() };
  }
  // PostgreSQL text and jsonb cannot hold U+0000: name every place rather than fail on the write.
  findNul(pkg, '', (path) => p.add(path || '(package)', 'must not contain NUL characters', 'NUL character'));
  const notices = new Notices();
  const definitions = isObj(pkg.CFDefinitions) ? pkg.CFDefinitions : null;
  let document: CasePlan['document'] | undefined;
  if (!isObj(pkg.CFDocument)) p.add('CFDocument', 'is required (an object)', 'missing field');
  else {
    const d = pkg.CFDocument;
    const identifier = text(p, d, 'identifier', 'CFDocument', { required: true, max: 100 });
    const title = text(p, d, 'title', 'CFDocument', { required: true, max: 300 });
    const creator = text(p, d, 'creator', 'CFDocument', { required: true, max: 500 });
    const description = text(p, d, 'description', 'CFDocument') ?? '';
    const url = text(p, d, 'officialSourceURL', 'CFDocument', { max: 1000 });
    const packageUri = isObj(d.CFPackageURI) && typeof d.CFPackageURI.uri === 'string' ? d.CFPackageURI.uri : null;
    const changed = typeof d.lastChangeDateTime === 'string' ? d.lastChangeDateTime.trim().slice(0, 40) : null;
    if (identifier && title && creator) {
      const source = [creator, url].filter(Boolean).join(' — ');
      document = {
        identifier,
        title,
        shortName: shortNameOf(title),
        source,
        description,
        license: readLicense(d, definitions),
        sourceUri: packageUri ?? (typeof d.uri === 'string' ? d.uri : null),
        sourceChangedAt: changed || null,
        caseDocument: d,
        caseDefinitions: definitions,
      };
    }
  }

  const rawDocId = isObj(pkg.CFDocument) ? pkg.CFDocument.identifier : undefined;
  const docId = typeof rawDocId === 'string' && rawDocId.trim() ? idKey(rawDocId.trim()) : undefined;
  const items = new Map<string, RawItem>();
  // Keys of items that are present but invalid: their own errors say why; no dangling-reference echo.
  const declared = new Set<string>();
  list(p, pkg, 'CFItems', true, CASE_LIMITS.items).forEach((raw, i) => {
    if (isObj(raw) && typeof raw.identifier === 'string') declared.add(idKey(raw.identifier.trim()));
    const item = readItem(p, raw, i);
    if (!item) return;
    const first = items.get(item.key);
    if (first)
      p.add(
        `CFItems[${i}].identifier`,
        `duplicates CFItems[${first.index}].identifier (${item.identifier})`,
        'repeated identifier',
      );
    else if (item.key === docId)
      p.add(`CFItems[${i}].identifier`, 'is the identifier of the CFDocument', 'repeated identifier');
    else items.set(item.key, item);
  });
  if (Array.isArray(pkg.CFItems) && pkg.CFItems.length === 0)
    p.add('CFItems', 'a framework needs at least one item', 'empty');

  const placements = new Map<string, { parent: string; a: RawAssociation; order: number }[]>();
  const links = new Map<string, PlannedLink>();
  const associations = new Map<string, PlannedAssociation>();
  const seen = new Set<string>();
  let ignored = 0;
  const keep = (a: RawAssociation, nodeEnd: 'origin' | 'destination') => {
    const mine = nodeEnd === 'origin' ? a.origin : a.destination;
    const other = nodeEnd === 'origin' ? a.destination : a.origin;
    const key = `${mine.key}|${nodeEnd}|${a.type}|${other.key}`;
    if (associations.has(key)) return;
    associations.set(key, {
      type: a.type,
      identifier: a.identifier,
      path: a.path,
      node: mine.key,
      nodeEnd,
      other: { identifier: other.identifier, uri: other.uri, title: other.title },
      internal: declared.has(other.key),
      sequence: a.sequence,
    });
  };
  list(p, pkg, 'CFAssociations', true, CASE_LIMITS.associations).forEach((raw, i) => {
    const a = readAssociation(p, notices, raw, i);
    if (!a) return;
    const o = a.origin.key;
    const d = a.destination.key;
    const repeat = SYMMETRIC.has(a.type) && o > d ? `${a.type}|${d}|${o}` : `${a.type}|${o}|${d}`;
    if (seen.has(repeat)) {
      ignored++;
      return notices.add(
        'repeated association',
        'Associations listed twice (word for word, or both ways round for a two-way type) were merged into one',
        a.path,
      );
    }
    seen.add(repeat);
    const inO = declared.has(o);
    const inD = declared.has(d);
    if (o === d) {
      ignored++;
      return notices.add('self link', 'Associations from an item to itself were left out', a.path);
    }
    if (!inO && !inD) {
      ignored++;
      return notices.add(
        'no item of this package',
        'Associations between nodes that are not items of this package (the document, or another publication) were left out',
        a.path,
      );
    }
    if (a.type === 'isChildOf') {
      if (o === docId) return p.add(`${a.path}.originNodeURI.identifier`, 'the document cannot be a child', 'tree');
      if (inO && (d === docId || inD)) {
        const list = placements.get(o) ?? [];
        list.push({ parent: d, a, order: i });
        placements.set(o, list);
      } else keep(a, inO ? 'origin' : 'destination'); // one end is outside the package
      return;
    }
    const kind = LINK_TYPES[a.type];
    if (kind && o !== docId && d !== docId) {
      const pair = o < d ? `${o} ${d}` : `${d} ${o}`;
      const had = links.get(pair);
      if (had) {
        // exactMatchOf and isRelatedTo between the same two nodes: one link, the stronger claim.
        if (kind === 'exact') had.kind = 'exact';
        ignored++;
        notices.add(
          'repeated association',
          'Associations listed twice (word for word, or both ways round for a two-way type) were merged into one',
          a.path,
        );
        return;
      }
      links.set(pair, {
        from: o,
        to: d,
        kind,
        path: a.path,
        external: inO ? (inD ? null : 'destinationNodeURI') : 'originNodeURI',
      });
      // An end outside the package is also kept as published, so it shows (and exports) while unresolved.
      if (!inO || !inD) keep(a, inO ? 'origin' : 'destination');
      return;
    }
    keep(a, inO ? 'origin' : 'destination');
  });

  const nodes = planTree(p, items, placements, docId, notices, keep);
  const rubric = readRubric(p, list(p, pkg, 'CFRubrics', false, 1000));
  if (p.any || !document) return { errors: p.finish(), problemKinds: p.kindsFound(), identifier: docId };
  return {
    plan: {
      document,
      rubric,
      nodes,
      links: [...links.values()],
      associations: [...associations.values()],
      notices: notices.list(),
      ignoredAssociations: ignored,
    },
    errors: {},
    problemKinds: [],
    identifier: docId,
  };
}

/**
 * Places every item: under its parent (the lowest sequenceNumber when a document places it twice; the other
 * placements stay as associations), or at the top level when nothing in the package places it. Refuses cycles.
 */
function planTree(
  p: Problems,
  items: Map<string, RawItem>,
  placements: Map<string, { parent: string; a: RawAssociation; order: number }[]>,
  docId: string | undefined,
  notices: Notices,
  keep: (a: RawAssociation, nodeEnd: 'origin' | 'destination') => void,
): PlannedNode[] {
  const parents = new Map<string, { parent: string; sequence: number | null; order: number }>();
  for (const [key, list] of placements) {
    const sorted = [...list].sort(
      (x, y) => (x.a.sequence ?? Infinity) - (y.a.sequence ?? Infinity) || x.order - y.order,
    );
    const [first, ...others] = sorted;
    if (!items.has(key)) continue;
    parents.set(key, { parent: first!.parent, sequence: first!.a.sequence, order: first!.order });
    for (const other of others) {
      keep(other.a, 'origin');
      notices.add(
        'second placement',
        'Items placed under more than one parent sit under the one with the lowest sequenceNumber (else the first listed); the other placements are kept as links',
        `${items.get(key)!.identifier} (${other.a.path})`,
      );
    }
  }
  const children = new Map<string, RawItem[]>();
  const top: RawItem[] = [];
  for (const item of items.values()) {
    const link = parents.get(item.key);
    // A parent that is an invalid item: that item's own errors say why.
    if (!link || (link.parent !== docId && !items.has(link.parent))) {
      if (!link) {
        top.push(item);
        notices.add(
          'outside the tree',
          'Items that no isChildOf association places in this package were put at the top level',
          `${item.identifier} (CFItems[${item.index}])`,
        );
      }
      continue;
    }
    const siblings = children.get(link.parent) ?? [];
    siblings.push(item);
    children.set(link.parent, siblings);
  }
  // Cycles: follow parents until the document; a walk that comes back to itself is a cycle.
  const reported = new Set<string>();
  for (const item of items.values()) {
    const seen: string[] = [];
    let at: string | undefined = item.key;
    while (at !== undefined && at !== docId && !seen.includes(at)) {
      seen.push(at);
      at = parents.get(at)?.parent;
    }
    if (at === undefined || at === docId || reported.has(at)) continue;
    const cycle = seen.slice(seen.indexOf(at));
    cycle.forEach((id) => reported.add(id));
    const first = cycle.map((id) => items.get(id)!).sort((a, b) => a.index - b.index)[0]!;
    const names = [...cycle, at].map((k) => items.get(k)!.identifier);
    p.add(`CFItems[${first.index}]`, `is in an isChildOf cycle: ${names.join(' → ')}`, 'cycle');
  }

  const out: PlannedNode[] = [];
  const visit = (siblings: RawItem[], parent: PlannedNode | null, depth: number, offset: number) => {
    siblings.forEach((item, i) => {
      const position = offset + i;
      if (depth >= CASE_LIMITS.depth)
        return p.add(`CFItems[${item.index}]`, `is nested deeper than ${CASE_LIMITS.depth} levels`, 'too deep');
      let code = item.code ?? (parent ? `${parent.code}.${position + 1}` : String(position + 1));
      if (code.length > 200) code = `…${code.slice(-199)}`;
      const node: PlannedNode = {
        identifier: item.identifier,
        index: item.index,
        parent: parent ? idKey(parent.identifier) : null,
        kind: kindOf(item.itemType, depth, parent?.kind ?? null),
        code,
        title: item.title,
        description: item.description,
        position,
        itemType: item.itemType,
        educationLevels: item.educationLevels,
        listEnumeration: item.listEnumeration,
        language: item.language,
        caseItem: item.raw,
      };
      out.push(node);
      visit(sortSiblings(children.get(item.key) ?? [], parents), node, depth + 1, 0);
    });
  };
  const roots = docId !== undefined ? sortSiblings(children.get(docId) ?? [], parents) : [];
  visit(roots, null, 0, 0);
  visit(top, null, 0, roots.length);
  return out;
}

function sortSiblings(
  siblings: RawItem[],
  parents: Map<string, { sequence: number | null; order: number }>,
): RawItem[] {
  return [...siblings].sort((a, b) => {
    const sa = parents.get(a.key)!;
    const sb = parents.get(b.key)!;
    return (sa.sequence ?? Infinity) - (sb.sequence ?? Infinity) || sa.order - sb.order;
  });
}
