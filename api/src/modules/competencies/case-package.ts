/**
 * Reading a 1EdTech CASE 1.0 package (CFDocument, CFItems, CFAssociations, CFRubrics) into the plan of a
 * framework, as a pure function: every problem is collected under a path-like key such as
 * `CFItems[3].identifier`, so one answer names them all. Rules are documented in docs/frameworks.md.
 */
import type { FieldErrors } from '../../common/errors/app-error.js';
import { CASE_LIMITS, isObj, list, Problems, text } from './case-fields.js';
import { readRubric } from './case-rubric.js';
import type { LinkKind, NodeKind, RubricLevel } from './competency.entity.js';
import { NODE_KINDS } from './competency.entity.js';

const LINK_TYPES: Record<string, LinkKind> = { exactMatchOf: 'exact', isRelatedTo: 'related' };

export interface PlannedNode {
  identifier: string;
  /** Where the item sits in CFItems, for error keys. */
  index: number;
  parent: string | null;
  kind: NodeKind;
  code: string;
  title: string;
  description: string;
  position: number;
}

export interface PlannedLink {
  from: string;
  to: string;
  kind: LinkKind;
  /** The association's path, e.g. `CFAssociations[7]`. */
  path: string;
  /** Which end (if any) is not an item of the package and must be found among the district's nodes. */
  external: 'originNodeURI' | 'destinationNodeURI' | null;
}

export interface CasePlan {
  document: { identifier: string; title: string; shortName: string; source: string; description: string };
  rubric: RubricLevel[];
  /** Parents before children. */
  nodes: PlannedNode[];
  links: PlannedLink[];
  /** Associations of other types (isPartOf, precedes, …): valid CASE, not used by Emerge. */
  ignoredAssociations: number;
}

export function shortNameOf(title: string): string {
  const words = title.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
  const capitals = words.filter((w) => /^[\p{Lu}\p{N}]/u.test(w)).map((w) => w[0]);
  const initials = capitals.length >= 2 ? capitals : words.map((w) => w[0]!.toUpperCase());
  return (initials.length >= 2 ? initials.join('') : title).slice(0, 12).trim() || 'CASE';
}

const RANK: Record<NodeKind, number> = { domain: 0, competency: 1, indicator: 2 };

function kindOf(itemType: string | undefined, depth: number, parent: NodeKind | null): NodeKind {
  const named = NODE_KINDS.find((k) => k === itemType?.toLowerCase());
  const kind = named ?? (depth === 0 ? 'domain' : depth === 1 ? 'competency' : 'indicator');
  // A node is never a shallower kind than its parent (a "Domain" under an indicator stays an indicator).
  return parent && RANK[kind] < RANK[parent] ? parent : kind;
}

interface RawItem {
  identifier: string;
  index: number;
  code?: string;
  itemType?: string;
  title: string;
  description: string;
}

function readItem(p: Problems, raw: unknown, index: number): RawItem | undefined {
  const path = `CFItems[${index}]`;
  if (!isObj(raw)) {
    p.add(path, 'must be an object');
    return undefined;
  }
  const identifier = text(p, raw, 'identifier', path, { required: true, max: 100 });
  const full = text(p, raw, 'fullStatement', path, { required: true });
  const code = text(p, raw, 'humanCodingScheme', path, { max: 40 });
  const itemType = text(p, raw, 'CFItemType', path, { max: 100 });
  const abbreviated = text(p, raw, 'abbreviatedStatement', path);
  const notes = text(p, raw, 'notes', path);
  if (!identifier || !full) return undefined;
  // Titles hold 400 characters; a longer statement keeps its full text in the description.
  const title =
    full.length <= 400
      ? full
      : abbreviated && abbreviated.length <= 400
        ? abbreviated
        : `${full.slice(0, 399).trimEnd()}…`;
  const description = [title === full ? undefined : full, notes].filter(Boolean).join('\n\n');
  return { identifier, index, code, itemType, title, description };
}

interface RawAssociation {
  path: string;
  type: string;
  origin: string;
  destination: string;
  sequence: number | undefined;
}

function readAssociation(p: Problems, raw: unknown, index: number): RawAssociation | 'ignored' | undefined {
  const path = `CFAssociations[${index}]`;
  if (!isObj(raw)) {
    p.add(path, 'must be an object');
    return undefined;
  }
  const type = text(p, raw, 'associationType', path, { required: true });
  if (type && type !== 'isChildOf' && !LINK_TYPES[type]) return 'ignored';
  const end = (key: 'originNodeURI' | 'destinationNodeURI') => {
    const v = raw[key];
    if (!isObj(v)) {
      p.add(`${path}.${key}`, 'is required (an object with the identifier of the node)');
      return undefined;
    }
    return text(p, v, 'identifier', `${path}.${key}`, { required: true, max: 100 });
  };
  const origin = end('originNodeURI');
  const destination = end('destinationNodeURI');
  let sequence: number | undefined;
  if (raw.sequenceNumber !== undefined && raw.sequenceNumber !== null) {
    if (typeof raw.sequenceNumber === 'number' && Number.isFinite(raw.sequenceNumber)) sequence = raw.sequenceNumber;
    else p.add(`${path}.sequenceNumber`, 'must be a number');
  }
  if (!type || !origin || !destination) return undefined;
  return { path, type, origin, destination, sequence };
}

/** Reads and checks a package. Links to nodes outside the package are planned with `external` set. */
export function readCasePackage(body: unknown): {
  plan?: CasePlan;
  errors: FieldErrors;
  /** The document identifier and the links read, also when there are errors, so external ends can be checked too. */
  identifier?: string;
  links: PlannedLink[];
} {
  const p = new Problems();
  const pkg = isObj(body) && isObj(body.CFPackage) ? body.CFPackage : body;
  if (!isObj(pkg)) {
    p.add(
      '(package)',
      'the body must be a CASE 1.0 package: a JSON object with CFDocument, CFItems and CFAssociations',
    );
    return { errors: p.finish(), links: [] };
  }
  let document: CasePlan['document'] | undefined;
  if (!isObj(pkg.CFDocument)) p.add('CFDocument', 'is required (an object)');
  else {
    const d = pkg.CFDocument;
    const identifier = text(p, d, 'identifier', 'CFDocument', { required: true, max: 100 });
    const title = text(p, d, 'title', 'CFDocument', { required: true, max: 300 });
    const creator = text(p, d, 'creator', 'CFDocument', { required: true, max: 500 });
    const description = text(p, d, 'description', 'CFDocument') ?? '';
    const url = text(p, d, 'officialSourceURL', 'CFDocument', { max: 1000 });
    if (identifier && title && creator) {
      const source = [creator, url].filter(Boolean).join(' — ');
      document = { identifier, title, shortName: shortNameOf(title), source, description };
    }
  }

  const rawDocId = isObj(pkg.CFDocument) ? pkg.CFDocument.identifier : undefined;
  const docId = typeof rawDocId === 'string' && rawDocId.trim() ? rawDocId.trim() : undefined;
  const items = new Map<string, RawItem>();
  // Identifiers of items that are present but invalid: their own errors say why; no dangling-reference echo.
  const declared = new Set<string>();
  list(p, pkg, 'CFItems', true, CASE_LIMITS.items).forEach((raw, i) => {
    if (isObj(raw) && typeof raw.identifier === 'string') declared.add(raw.identifier.trim());
    const item = readItem(p, raw, i);
    if (!item) return;
    const first = items.get(item.identifier);
    if (first) p.add(`CFItems[${i}].identifier`, `duplicates CFItems[${first.index}].identifier (${item.identifier})`);
    else if (item.identifier === docId) p.add(`CFItems[${i}].identifier`, 'is the identifier of the CFDocument');
    else items.set(item.identifier, item);
  });
  if (Array.isArray(pkg.CFItems) && pkg.CFItems.length === 0) p.add('CFItems', 'a framework needs at least one item');

  const parents = new Map<string, { parent: string; path: string; sequence: number | undefined; order: number }>();
  const links: PlannedLink[] = [];
  const pairs = new Map<string, string>();
  const associationIds = new Map<string, number>();
  let ignored = 0;
  list(p, pkg, 'CFAssociations', true, CASE_LIMITS.associations).forEach((raw, i) => {
    const id = isObj(raw)
      ? text(p, raw, 'identifier', `CFAssociations[${i}]`, { required: true, max: 100 })
      : undefined;
    if (id !== undefined) {
      const seen = associationIds.get(id);
      if (seen !== undefined)
        p.add(`CFAssociations[${i}].identifier`, `duplicates CFAssociations[${seen}].identifier (${id})`);
      else associationIds.set(id, i);
    }
    const a = readAssociation(p, raw, i);
    if (a === 'ignored') return void ignored++;
    if (!a) return;
    if (a.type === 'isChildOf') {
      if (!declared.has(a.origin)) {
        p.add(
          `${a.path}.originNodeURI.identifier`,
          a.origin === docId ? 'the document cannot be a child' : `${a.origin} is not an item of this package`,
        );
      }
      // Without a document identifier the roots cannot be told apart; CFDocument's own error says so.
      if (docId !== undefined && a.destination !== docId && !declared.has(a.destination)) {
        p.add(
          `${a.path}.destinationNodeURI.identifier`,
          `${a.destination} is neither the document nor an item of this package`,
        );
      }
      const item = items.get(a.origin);
      if (!item) return;
      const had = parents.get(a.origin);
      if (had && had.parent !== a.destination) {
        p.add(
          `CFItems[${item.index}]`,
          `has two parents: ${had.parent} (${had.path}) and ${a.destination} (${a.path}); an item sits in one place of the tree`,
        );
      } else if (!had) parents.set(a.origin, { parent: a.destination, path: a.path, sequence: a.sequence, order: i });
      return;
    }
    const inOrigin = declared.has(a.origin);
    const inDestination = declared.has(a.destination);
    if (a.origin === docId || a.destination === docId) return p.add(a.path, `${a.type} links items, not the document`);
    if (a.origin === a.destination) return p.add(a.path, `links ${a.origin} to itself`);
    if (!inOrigin && !inDestination)
      return p.add(a.path, `neither ${a.origin} nor ${a.destination} is an item of this package`);
    const key = [a.origin, a.destination].sort().join(' ');
    const dup = pairs.get(key);
    if (dup) return p.add(a.path, `links the same two nodes as ${dup}`);
    pairs.set(key, a.path);
    links.push({
      from: a.origin,
      to: a.destination,
      kind: LINK_TYPES[a.type]!,
      path: a.path,
      external: inOrigin ? (inDestination ? null : 'destinationNodeURI') : 'originNodeURI',
    });
  });

  const nodes = planTree(p, items, parents, docId);
  const rubric = readRubric(p, list(p, pkg, 'CFRubrics', false, 1000));
  if (p.any || !document) return { errors: p.finish(), identifier: docId, links };
  return {
    plan: { document, rubric, nodes, links, ignoredAssociations: ignored },
    errors: {},
    identifier: docId,
    links,
  };
}

/** Places every item under the document: no orphans, no cycles; positions, kinds and codes follow. */
function planTree(
  p: Problems,
  items: Map<string, RawItem>,
  parents: Map<string, { parent: string; sequence: number | undefined; order: number }>,
  docId: string | undefined,
): PlannedNode[] {
  const children = new Map<string, RawItem[]>();
  for (const item of items.values()) {
    const link = parents.get(item.identifier);
    if (!link) {
      p.add(
        `CFItems[${item.index}]`,
        'is not in the tree: no isChildOf association places it under the document or another item',
      );
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
    let at: string | undefined = item.identifier;
    while (at !== undefined && at !== docId && !seen.includes(at)) {
      seen.push(at);
      at = parents.get(at)?.parent;
    }
    if (at === undefined || at === docId || reported.has(at)) continue;
    const cycle = seen.slice(seen.indexOf(at));
    cycle.forEach((id) => reported.add(id));
    const first = cycle.map((id) => items.get(id)!).sort((a, b) => a.index - b.index)[0]!;
    p.add(`CFItems[${first.index}]`, `is in an isChildOf cycle: ${[...cycle, at].join(' → ')}`);
  }

  const out: PlannedNode[] = [];
  const codes = new Map<string, number>();
  const visit = (parentId: string, parent: PlannedNode | null, depth: number) => {
    const siblings = (children.get(parentId) ?? []).sort((a, b) => {
      const sa = parents.get(a.identifier)!;
      const sb = parents.get(b.identifier)!;
      return (sa.sequence ?? Infinity) - (sb.sequence ?? Infinity) || sa.order - sb.order;
    });
    siblings.forEach((item, position) => {
      if (depth >= CASE_LIMITS.depth)
        return p.add(`CFItems[${item.index}]`, `is nested deeper than ${CASE_LIMITS.depth} levels`);
      const code = item.code ?? (parent ? `${parent.code}.${position + 1}` : String(position + 1));
      const clash = codes.get(code);
      if (code.length > 40)
        p.add(
          `CFItems[${item.index}].humanCodingScheme`,
          `is missing and the derived code ${code} is longer than 40 characters`,
        );
      else if (clash !== undefined)
        p.add(
          `CFItems[${item.index}].humanCodingScheme`,
          `${item.code ? '' : 'is missing and the derived '}code ${code} is also the code of CFItems[${clash}]; codes are unique in a framework`,
        );
      codes.set(code, item.index);
      const node: PlannedNode = {
        identifier: item.identifier,
        index: item.index,
        parent: parent?.identifier ?? null,
        kind: kindOf(item.itemType, depth, parent?.kind ?? null),
        code,
        title: item.title,
        description: item.description,
        position,
      };
      out.push(node);
      visit(item.identifier, node, depth + 1);
    });
  };
  if (docId !== undefined) visit(docId, null, 0);
  return out;
}
