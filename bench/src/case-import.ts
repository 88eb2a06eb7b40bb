// CASE import vs a raw load (issue #14 item 5): the real API imports a CASE 1.0 package of 5,000 items and
// 30,000 associations (parse, checks, tree, links, associations, audit), then imports it again (nothing
// changes), and a raw transaction loads the same framework, nodes, crosswalk links and associations into an
// identical database, its audit triggers firing as they do for the API. Target: under 10 s, bounded memory.
// Run alone: `node bench/dist/case-import.js [--rounds 3] [--reimports 3] [--seed 14] [--api-main path/to/main.js]`
// (starts the scale cluster; --api-main measures another build of the API, e.g. the one before a change).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createReadStream, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { drop, loadAverage, prng, recreate, withClient } from './scratch.js';

// As in import.ts: the API and the harness are loaded where used, so the raw worker's RSS is its own.
const harness = () => import('./harness.js');
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const TEMPLATE = 'emerge_bench_case_tpl';
const API_DB = 'emerge_bench_case';
const RAW_DB = 'emerge_bench_case_raw';
const HR_EMAIL = 'hr@bench-case.example';
const SECONDS_TARGET = 10;

export const SHAPE = { domains: 10, clustersPerDomain: 10, items: 5_000, associations: 30_000 };
/** Associations by kind (they add up to SHAPE.associations); the isChildOf ones are one per item. */
const MIX = {
  relatedInternal: 6_000,
  exactInternal: 1_000,
  peerOf: 2_000,
  partOf: 3_000,
  precedes: 3_000,
  exactExternal: 4_000,
  relatedExternal: 3_000,
  relatedUrn: 2_000,
  exemplarUrn: 1_000,
};

interface Timed {
  seconds: number;
  peakRssMb: number;
  /** CPU seconds of the client (the API process, or the raw worker) and of the PostgreSQL cluster meanwhile. */
  cpu: { node: number; postgres: number | null };
}

export interface CaseRound {
  /** A fresh API process per round: idle RSS after sign-in, and RSS after the last re-import. */
  idleRssMb: number;
  endRssMb: number;
  import: Timed & { status: number };
  /** The same package again, several times: each a 200 with `changed: false`. */
  reimports: (Timed & { status: number; changed: boolean })[];
  raw: Timed & { sqlSeconds: number };
  load: string;
}

export interface CaseImportResult {
  items: number;
  associations: number;
  fileMb: number;
  /** What both databases hold afterwards (checked equal, content included). */
  rows: { competencies: number; crosswalkLinks: number; caseAssociations: number; auditRows: number };
  rounds: CaseRound[];
  /** Medians over the rounds (re-imports: over every re-import; `maxPeakRssMb` is the highest peak of any). */
  import: Timed;
  reimport: Timed & { maxPeakRssMb: number };
  raw: Timed;
  idleRssMb: number;
  /** API seconds ÷ raw seconds, median of the rounds' ratios. */
  ratio: number;
  reimportRatio: number;
  /** 1-minute load average at the end of each round. */
  load: string;
  /** Under 10 s; memory bounded: no re-import of a round peaks more than 10 % above the round's first re-import. */
  targets: { seconds: boolean; memoryBounded: boolean };
}

const say = (s: string) => process.stdout.write(`${s}\n`);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

interface Setup {
  districtId: string;
  userId: string;
}

/** The template: migrated schema, one district and an hr user who can sign in. */
async function createTemplate(adminUrl: string): Promise<Setup> {
  const [{ migrate }, { hash }, { PASSWORD }] = await Promise.all([
    import('@emerge/api'),
    import('@node-rs/argon2'),
    harness(),
  ]);
  const url = await recreate(adminUrl, TEMPLATE);
  await migrate(url);
  return withClient(url, async (c) => {
    const [district] = (
      await c.query<{ id: string }>(
        `INSERT INTO districts (name, slug) VALUES ('Bench CASE District', 'bench-case') RETURNING id`,
      )
    ).rows;
    const [user] = (
      await c.query<{ id: string }>(
        `INSERT INTO users (district_id, email, name, role, password_hash) VALUES ($1, $2, $3, 'hr', $4) RETURNING id`,
        [district!.id, HR_EMAIL, 'Bench HR', await hash(PASSWORD, { memoryCost: 19456, timeCost: 2, parallelism: 1 })],
      )
    ).rows;
    return { districtId: district!.id, userId: user!.id };
  });
}

// ---------------------------------------------------------------------------------------------------------
// The package

const BASE = 'https://case.bench-state.example';
const CHANGED = '2025-05-14T09:30:00+00:00';
const DOMAINS: [string, string][] = [
  ['NQ', 'Number and Quantity'],
  ['AT', 'Algebraic Thinking'],
  ['GE', 'Geometry'],
  ['MD', 'Measurement and Data'],
  ['SP', 'Statistics and Probability'],
  ['RL', 'Reading Literature'],
  ['RI', 'Reading Informational Text'],
  ['WR', 'Writing'],
  ['SL', 'Speaking and Listening'],
  ['LA', 'Language'],
];
const VERBS = [
  'Analyze',
  'Explain',
  'Compare',
  'Represent',
  'Solve problems involving',
  'Interpret',
  'Evaluate',
  'Describe',
  'Use evidence about',
  'Construct arguments about',
  'Model',
  'Summarize',
];
const OBJECTS = [
  'proportional relationships',
  'the structure of an argument',
  'linear equations in one variable',
  'the central idea of a text',
  'the area and perimeter of composite figures',
  'a data set with an unusual value',
  'the point of view of a narrator',
  'equivalent expressions',
  'the effect of word choice on meaning and tone',
  'probability models of simple events',
  'claims made in a speech',
  'units of measure and their conversions',
  'the conventions of standard English grammar',
  'transformations of figures in the plane',
];
const CONTEXTS = [
  'in real-world and mathematical problems',
  'citing several pieces of textual evidence',
  'using precise vocabulary and appropriate tools',
  'and justify each step of the reasoning',
  'across two or more texts on the same topic',
  'with fluency and accuracy',
  'working collaboratively and independently',
  'drawing on multiple representations (tables, graphs, equations)',
  'and explain how the result depends on the assumptions made',
];
const GRADES = ['06', '07', '08', '09', '10', '11', '12'];

type Obj = Record<string, unknown>;
interface Link {
  title: string;
  identifier: string;
  uri: string;
}
interface GenItem {
  id: string;
  link: Link;
  parent: GenItem | null;
  kind: 'domain' | 'competency' | 'indicator';
  position: number;
  item: Obj;
  code: string;
  title: string;
  description: string;
  levels: string[];
}

function uuidFrom(r: () => number): string {
  const h = Array.from({ length: 32 }, () => Math.floor(r() * 16).toString(16));
  h[12] = '4';
  h[16] = (8 + Math.floor(r() * 4)).toString(16);
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** Rows as a raw load sends them: ids chosen here, every value as the API stores it. */
export interface RawLoad {
  setup: Setup;
  framework: { id: string; key: string; values: unknown[] };
  competencies: string;
  crosswalkLinks: string;
  caseAssociations: string;
  counts: { competencies: number; crosswalkLinks: number; caseAssociations: number };
}

const copyValue = (v: string | number | null) =>
  v === null
    ? '\\N'
    : String(v).replace(/[\\\t\n\r]/g, (ch) => `\\${ch === '\t' ? 't' : ch === '\n' ? 'n' : ch === '\r' ? 'r' : '\\'}`);
const copyRow = (values: (string | number | null)[]) => `${values.map(copyValue).join('\t')}\n`;
const pgArray = (xs: string[]) => `{${xs.map((x) => `"${x.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

/**
 * A CASE 1.0 package, the same for the same seed: 10 domains × 10 clusters × 48–49 standards (5,000 items) and
 * 30,000 associations (5,000 isChildOf with sequenceNumber; isRelatedTo, exactMatchOf, isPeerOf, isPartOf,
 * precedes between items; exactMatchOf and isRelatedTo to items of another document; isRelatedTo and exemplar
 * to urn: identifiers), and the rows a raw load of it writes.
 */
export function generateCasePackage(seed: number, setup: Setup): { json: string; raw: RawLoad } {
  const r = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const uuid = () => uuidFrom(r);
  const docId = uuid();
  const docLink: Link = { title: 'Bench State Learning Standards', identifier: docId, uri: `${BASE}/uri/${docId}` };
  const licenseId = uuid();
  const typeIds = { Domain: uuid(), Cluster: uuid(), Standard: uuid() };
  const typeLink = (t: keyof typeof typeIds): Link => ({
    title: t,
    identifier: typeIds[t],
    uri: `${BASE}/uri/${typeIds[t]}`,
  });
  const statement = () => {
    const s = `${pick(VERBS)} ${pick(OBJECTS)} ${pick(CONTEXTS)}.`;
    const x = r();
    if (x < 0.08) return `${s} Include:\n\n- a worked example\n- a **non-example** and why it fails`;
    if (x < 0.3) return `${s} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(CONTEXTS)}.`;
    return s;
  };

  const items: GenItem[] = [];
  const make = (
    parent: GenItem | null,
    type: keyof typeof typeIds,
    kind: GenItem['kind'],
    position: number,
    code: string,
    full: string,
    levels: string[],
    extra: Obj,
  ) => {
    const id = uuid();
    const item: Obj = {
      identifier: id,
      uri: `${BASE}/uri/${id}`,
      CFDocumentURI: docLink,
      fullStatement: full,
      humanCodingScheme: code,
      listEnumeration: String(position + 1),
      CFItemType: type,
      CFItemTypeURI: typeLink(type),
      educationLevel: levels,
      language: 'en',
      lastChangeDateTime: CHANGED,
      ...extra,
    };
    const g: GenItem = {
      id,
      link: { title: code, identifier: id, uri: `${BASE}/uri/${id}` },
      parent,
      kind,
      position,
      item,
      code,
      title: full,
      description: typeof extra.notes === 'string' ? extra.notes : '',
      levels,
    };
    items.push(g);
    return g;
  };

  const leavesTotal = SHAPE.items - SHAPE.domains * (1 + SHAPE.clustersPerDomain);
  const clustersTotal = SHAPE.domains * SHAPE.clustersPerDomain;
  const domains: GenItem[] = [];
  const clusters: GenItem[] = [];
  const leaves: GenItem[][] = []; // by cluster
  DOMAINS.slice(0, SHAPE.domains).forEach(([dc, name], d) => {
    const band = d % 2 === 0 ? GRADES.slice(0, 3) : GRADES.slice(3);
    const domain = make(null, 'Domain', 'domain', d, dc, name, band, { abbreviatedStatement: name });
    domains.push(domain);
    for (let c = 0; c < SHAPE.clustersPerDomain; c++) {
      const letter = String.fromCharCode(65 + c);
      const full = `${pick(VERBS)} ${pick(OBJECTS)}.`;
      const extra: Obj = { abbreviatedStatement: full.slice(0, 60) };
      if (c % 3 === 0) extra.notes = `Cluster ${dc}.${letter} is a major emphasis of the grade band.`;
      clusters.push(make(domain, 'Cluster', 'competency', c, `${dc}.${letter}`, full, band, extra));
    }
  });
  let leafNumber = 0;
  clusters.forEach((cluster, ci) => {
    const n = Math.floor(leavesTotal / clustersTotal) + (ci < leavesTotal % clustersTotal ? 1 : 0);
    const list: GenItem[] = [];
    for (let k = 0; k < n; k++) {
      leafNumber++;
      // Publishers repeat a standard's code under several targets: every 40th repeats its sibling's.
      const code = leafNumber % 40 === 0 && k > 0 ? list[k - 1]!.code : `${cluster.code}.${k + 1}`;
      const grade = pick(cluster.levels);
      const extra: Obj = {};
      if (r() < 0.1) extra.notes = `Fluency expectation: ${pick(OBJECTS)} by the end of grade ${grade}.`;
      if (r() < 0.2) extra.conceptKeywords = [pick(OBJECTS).split(' ').slice(-1)[0]!];
      const levels = r() < 0.7 ? [grade] : cluster.levels;
      list.push(make(cluster, 'Standard', 'indicator', k, code, statement(), levels, extra));
    }
    leaves.push(list);
  });
  const allLeaves = leaves.flat();
  if (items.length !== SHAPE.items) throw new Error(`generated ${items.length} items`);

  // Associations.
  const associations: Obj[] = [];
  const crosswalk: { from: GenItem; to: GenItem; kind: 'exact' | 'related' }[] = [];
  const kept: {
    node: GenItem;
    end: 'origin' | 'destination';
    type: string;
    other: Link;
    internal: GenItem | null;
    a: Obj;
  }[] = [];
  const pairs = new Set<string>(); // exactMatchOf / isRelatedTo: one link per unordered pair
  const triples = new Set<string>();
  const assoc = (type: string, origin: Link, destination: Link, sequenceNumber?: number): Obj => {
    const id = uuid();
    const a: Obj = {
      identifier: id,
      associationType: type,
      ...(sequenceNumber === undefined ? {} : { sequenceNumber }),
      uri: `${BASE}/uri/${id}`,
      originNodeURI: origin,
      destinationNodeURI: destination,
      CFDocumentURI: docLink,
      lastChangeDateTime: CHANGED,
    };
    associations.push(a);
    return a;
  };
  for (const g of items) assoc('isChildOf', g.link, g.parent?.link ?? docLink, g.position + 1);

  const unordered = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);
  const linkBetween = (type: 'exactMatchOf' | 'isRelatedTo', count: number, inDifferentDomains: boolean) => {
    for (let n = 0; n < count;) {
      const a = pick(allLeaves);
      const b = pick(allLeaves);
      if (a === b || pairs.has(unordered(a.id, b.id))) continue;
      if (inDifferentDomains && a.parent!.parent === b.parent!.parent) continue;
      pairs.add(unordered(a.id, b.id));
      assoc(type, a.link, b.link);
      crosswalk.push({ from: a, to: b, kind: type === 'exactMatchOf' ? 'exact' : 'related' });
      n++;
    }
  };
  linkBetween('exactMatchOf', MIX.exactInternal, true);
  linkBetween('isRelatedTo', MIX.relatedInternal, false);
  const keepBetween = (type: string, count: number, choose: () => [GenItem, GenItem] | undefined) => {
    for (let n = 0; n < count;) {
      const chosen = choose();
      if (!chosen) continue;
      const [a, b] = chosen;
      const key = type === 'isPeerOf' ? `${type} ${unordered(a.id, b.id)}` : `${type} ${a.id} ${b.id}`;
      if (a === b || triples.has(key)) continue;
      triples.add(key);
      kept.push({ node: a, end: 'origin', type, other: b.link, internal: b, a: assoc(type, a.link, b.link) });
      n++;
    }
  };
  keepBetween('isPeerOf', MIX.peerOf, () => [pick(allLeaves), pick(allLeaves)]);
  keepBetween('isPartOf', MIX.partOf, () => {
    const leaf = pick(allLeaves);
    const cluster = pick(clusters);
    return cluster === leaf.parent ? undefined : [leaf, cluster];
  });
  keepBetween('precedes', MIX.precedes, () => {
    const list = pick(leaves);
    const k = Math.floor(r() * (list.length - 1));
    return [list[k]!, list[k + 1]!];
  });

  // Another document's items (a national framework), and non-CASE identifiers.
  const national = Array.from({ length: 2_500 }, (_, i) => {
    const id = uuid();
    return {
      title: `NB.${Math.floor(i / 50) + 1}.${(i % 50) + 1}`,
      identifier: id,
      uri: `https://case.national.example/uri/${id}`,
    };
  });
  const urns = Array.from({ length: 1_200 }, (_, i) => {
    const urn = `urn:bench:skills:${DOMAINS[i % DOMAINS.length]![0].toLowerCase()}:${1000 + i}`;
    return { title: `Skill ${1000 + i}`, identifier: urn, uri: urn };
  });
  const outside = (type: string, count: number, pool: Link[], mayBeOrigin: boolean, link: boolean) => {
    for (let n = 0; n < count;) {
      const leaf = pick(allLeaves);
      const other = pick(pool);
      const key = link ? unordered(leaf.id, other.identifier) : `${type} ${leaf.id} ${other.identifier}`;
      if ((link ? pairs : triples).has(key)) continue;
      (link ? pairs : triples).add(key);
      // Half of the links from another document are written from its side (the package's item is the destination).
      const reversed = mayBeOrigin && r() < 0.5;
      const a = reversed ? assoc(type, other, leaf.link) : assoc(type, leaf.link, other);
      kept.push({ node: leaf, end: reversed ? 'destination' : 'origin', type, other, internal: null, a });
      n++;
    }
  };
  outside('exactMatchOf', MIX.exactExternal, national, false, true);
  outside('isRelatedTo', MIX.relatedExternal, national, true, true);
  outside('isRelatedTo', MIX.relatedUrn, urns, false, true);
  outside('exemplar', MIX.exemplarUrn, urns, false, false);
  if (associations.length !== SHAPE.associations) throw new Error(`generated ${associations.length} associations`);
  // Publishers list associations in no particular order.
  for (let i = associations.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [associations[i], associations[j]] = [associations[j]!, associations[i]!];
  }

  const licenseTitle = 'Creative Commons Attribution 4.0 International';
  const document: Obj = {
    identifier: docId,
    uri: docLink.uri,
    creator: 'Bench State Department of Education',
    title: docLink.title,
    lastChangeDateTime: CHANGED,
    officialSourceURL: `${BASE}/standards`,
    publisher: 'Bench State Department of Education',
    description: 'Synthetic learning standards for the CASE import benchmark (10 domains, grades 6-12).',
    subject: ['Mathematics', 'English Language Arts'],
    language: 'en',
    version: '2025',
    adoptionStatus: 'Adopted',
    statusStartDate: '2025-05-14',
    licenseURI: { title: licenseTitle, identifier: licenseId, uri: `${BASE}/uri/${licenseId}` },
    CFPackageURI: { title: docLink.title, identifier: docId, uri: `${BASE}/ims/case/v1p0/CFPackages/${docId}` },
  };
  const definitions: Obj = {
    CFConcepts: [],
    CFSubjects: [],
    CFLicenses: [
      {
        identifier: licenseId,
        uri: `${BASE}/uri/${licenseId}`,
        title: licenseTitle,
        licenseText: 'https://creativecommons.org/licenses/by/4.0/legalcode',
        lastChangeDateTime: CHANGED,
      },
    ],
    CFItemTypes: (Object.keys(typeIds) as (keyof typeof typeIds)[]).map((t, i) => ({
      identifier: typeIds[t],
      uri: `${BASE}/uri/${typeIds[t]}`,
      title: t,
      description: `${t} level of the standards`,
      hierarchyCode: String(i + 1),
      typeCode: t.toLowerCase(),
      lastChangeDateTime: CHANGED,
    })),
    CFAssociationGroupings: [],
  };
  const rubricId = uuid();
  const criterionId = uuid();
  const rubricLabels = ['Beginning', 'Approaching', 'Meeting', 'Exceeding'];
  const rubrics = [
    {
      identifier: rubricId,
      uri: `${BASE}/uri/${rubricId}`,
      title: 'Standards mastery',
      lastChangeDateTime: CHANGED,
      CFRubricCriteria: [
        {
          identifier: criterionId,
          uri: `${BASE}/uri/${criterionId}`,
          category: 'Mastery',
          position: 1,
          rubricId,
          lastChangeDateTime: CHANGED,
          CFRubricCriterionLevels: rubricLabels.map((quality, i) => {
            const id = uuid();
            return {
              identifier: id,
              uri: `${BASE}/uri/${id}`,
              quality,
              score: i + 1,
              position: i + 1,
              rubricCriterionId: criterionId,
              lastChangeDateTime: CHANGED,
            };
          }),
        },
      ],
    },
  ];
  const json = JSON.stringify({
    CFDocument: document,
    CFItems: items.map((g) => g.item),
    CFAssociations: associations,
    CFDefinitions: definitions,
    CFRubrics: rubrics,
  });

  // The raw load: what the import writes, with ids chosen here.
  const ids = new Map(items.map((g) => [g, randomUUID()]));
  const frameworkId = randomUUID();
  const key = `${setup.districtId}:${docId}`;
  const framework = {
    id: frameworkId,
    key,
    values: [
      frameworkId,
      setup.districtId,
      key,
      'BSLS',
      docLink.title,
      `${document.creator as string} — ${document.officialSourceURL as string}`,
      document.description,
      JSON.stringify(rubricLabels.map((label, i) => ({ level: i + 1, label }))),
      JSON.stringify({
        title: licenseTitle,
        uri: `${BASE}/uri/${licenseId}`,
        identifier: licenseId,
        text: 'https://creativecommons.org/licenses/by/4.0/legalcode',
      }),
      (document.CFPackageURI as Link).uri,
      CHANGED,
      JSON.stringify(document),
      JSON.stringify(definitions),
    ],
  };
  // Parents before children, as the import inserts them.
  const competencies = items
    .map((g) =>
      copyRow([
        ids.get(g)!,
        frameworkId,
        g.parent ? ids.get(g.parent)! : null,
        g.kind,
        g.code,
        g.title,
        g.description,
        g.position,
        g.item.CFItemType as string,
        pgArray(g.levels),
        g.item.listEnumeration as string,
        'en',
        JSON.stringify(g.item),
        g.id,
      ]),
    )
    .join('');
  const crosswalkLinks = crosswalk
    .map((l) => copyRow([setup.districtId, ids.get(l.from)!, ids.get(l.to)!, l.kind]))
    .join('');
  const caseAssociations = kept
    .map((k) =>
      copyRow([
        frameworkId,
        ids.get(k.node)!,
        k.end,
        k.type,
        k.other.identifier,
        k.other.uri,
        k.other.title,
        k.internal ? ids.get(k.internal)! : null,
        null,
        k.a.identifier as string,
      ]),
    )
    .join('');
  return {
    json,
    raw: {
      setup,
      framework,
      competencies,
      crosswalkLinks,
      caseAssociations,
      counts: { competencies: items.length, crosswalkLinks: crosswalk.length, caseAssociations: kept.length },
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Measuring

/** Streams the file to the import endpoint; resolves with the status and body once the response is in. */
function upload(baseUrl: string, token: string, file: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${baseUrl}/api/competency-frameworks/import`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': statSync(file).size,
          authorization: `Bearer ${token}`,
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    createReadStream(file).pipe(req);
  });
}

/** Resets a process's peak RSS (VmHWM) so the next reading is the next request's alone (Linux, own process). */
function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** utime + stime of a process, and of its reaped children too when `children` (Linux clock ticks, 100 a second). */
function cpuSeconds(pid: number, children = false): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const ticks = Number(f[11]) + Number(f[12]) + (children ? Number(f[13]) + Number(f[14]) : 0);
  return ticks / 100;
}

/**
 * CPU seconds the PostgreSQL cluster has used so far: the postmaster with every backend and helper it has
 * reaped, plus those still running. Wall time on a shared machine varies by ±30 %; CPU time much less.
 * Null when the server is not a local process (DATABASE_URL elsewhere).
 */
function postgresCpu(postmaster: number | null): number | null {
  if (postmaster === null) return null;
  let total = cpuSeconds(postmaster, true);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const f = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ');
      if (Number(f[1]) === postmaster) total += (Number(f[11]) + Number(f[12])) / 100;
    } catch {
      // The process ended while the list was read: its time is now in the postmaster's children.
    }
  }
  return total;
}

async function postmasterPid(url: string): Promise<number | null> {
  try {
    const dir = await withClient(
      url,
      async (c) => (await c.query<{ d: string }>(`SELECT current_setting('data_directory') AS d`)).rows[0]!.d,
    );
    const pid = Number(readFileSync(join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

const less = (a: number | null, b: number | null) =>
  a === null || b === null ? null : Math.round((a - b) * 100) / 100;

const currentRssMb = (pid: number) => {
  const kb = /VmRSS:\s*(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return kb ? Math.round(Number(kb) / 1024) : NaN;
};

/** The raw load runs in a child process so its peak RSS is its own, like the API's. */
async function runRawWorker(
  url: string,
  file: string,
  postmaster: number | null,
): Promise<Timed & { sqlSeconds: number }> {
  const pg0 = postgresCpu(postmaster);
  const timed = await new Promise<Omit<Timed, 'cpu'> & { sqlSeconds: number; nodeCpu: number }>((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--raw-worker', url, file], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`raw worker exited (${code}): ${err.slice(-2000)}`));
      else
        resolve(
          JSON.parse(out.trim().split('\n').pop()!) as Omit<Timed, 'cpu'> & { sqlSeconds: number; nodeCpu: number },
        );
    });
  });
  const { nodeCpu, ...rest } = timed;
  return { ...rest, cpu: { node: nodeCpu, postgres: less(postgresCpu(postmaster), pg0) } };
}

/**
 * One transaction, as the API's: the audit context, the framework, then COPY of the nodes, the crosswalk links
 * and the associations (each COPY fires the same statement-level audit triggers as the API's inserts).
 */
async function rawWorker(url: string, file: string): Promise<void> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const load = JSON.parse(readFileSync(file, 'utf8')) as RawLoad;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const t1 = performance.now();
  await client.query('BEGIN');
  await client.query(
    `SELECT set_config('emerge.actor_user_id', $1, true), set_config('emerge.actor_district_id', $2, true),
            set_config('emerge.correlation_id', $3, true)`,
    [load.setup.userId, load.setup.districtId, 'bench-raw'],
  );
  await client.query(
    `INSERT INTO competency_frameworks (id, district_id, key, short_name, title, source, description, rubric, license,
            source_uri, source_changed_at, case_document, case_definitions)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10, $11, $12::jsonb, $13::jsonb)`,
    load.framework.values,
  );
  const copy = (sql: string, text: string) => pipeline(Readable.from([text]), client.query(copyFrom(sql)));
  await copy(
    `COPY competencies (id, framework_id, parent_id, kind, code, title, description, position, item_type,
          education_levels, list_enumeration, language, case_item, case_identifier) FROM STDIN`,
    load.competencies,
  );
  await copy(`COPY crosswalk_links (district_id, from_id, to_id, kind) FROM STDIN`, load.crosswalkLinks);
  await copy(
    `COPY case_associations (framework_id, competency_id, node_end, association_type, other_identifier, other_uri,
          other_title, other_competency_id, sequence_number, case_identifier) FROM STDIN`,
    load.caseAssociations,
  );
  await client.query('COMMIT');
  const t2 = performance.now();
  const cpu1 = process.cpuUsage(cpu0);
  await client.end();
  process.stdout.write(
    `${JSON.stringify({
      seconds: (t2 - t0) / 1000,
      sqlSeconds: (t2 - t1) / 1000,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      nodeCpu: Math.round(((cpu1.user + cpu1.system) / 1e6) * 100) / 100,
    })}\n`,
  );
}

/** What a database holds after the load, independent of the ids chosen: counts and content checksums. */
const CONTENT = `
  WITH f AS (SELECT * FROM competency_frameworks WHERE case_document IS NOT NULL)
  SELECT (SELECT count(*)::int FROM competencies) AS competencies,
         (SELECT count(*)::int FROM crosswalk_links) AS "crosswalkLinks",
         (SELECT count(*)::int FROM case_associations) AS "caseAssociations",
         (SELECT count(*)::int FROM audit_log WHERE entity IN ('competency_frameworks', 'competencies', 'crosswalk_links',
                 'case_associations')) AS "auditRows",
         (SELECT hashtextextended(concat_ws('|', key, short_name, title, source, description, rubric, license, source_uri,
                 source_changed_at, case_document, case_definitions), 0)::text FROM f) AS framework,
         (SELECT coalesce(sum(hashtextextended(concat_ws('|', c.case_identifier, p.case_identifier, c.kind, c.code, c.title,
                 c.description, c.position, c.item_type, c.education_levels, c.list_enumeration, c.language, c.case_item), 0)), 0)::text
            FROM competencies c LEFT JOIN competencies p ON p.id = c.parent_id) AS nodes,
         (SELECT coalesce(sum(hashtextextended(concat_ws('|', a.case_identifier, b.case_identifier, l.kind), 0)), 0)::text
            FROM crosswalk_links l JOIN competencies a ON a.id = l.from_id JOIN competencies b ON b.id = l.to_id) AS links,
         (SELECT coalesce(sum(hashtextextended(concat_ws('|', c.case_identifier, x.node_end, x.association_type,
                 x.other_identifier, x.other_uri, x.other_title, o.case_identifier, x.sequence_number, x.case_identifier), 0)), 0)::text
            FROM case_associations x JOIN competencies c ON c.id = x.competency_id
            LEFT JOIN competencies o ON o.id = x.other_competency_id) AS associations,
         (SELECT coalesce(sum(hashtextextended(concat_ws('|', a.action, a.entity, a.actor_user_id, a.district_id,
                 jsonb_path_query_array(a.changes, '$.keyvalue().key')), 0)), 0)::text
            FROM audit_log a WHERE a.entity IN ('competency_frameworks', 'competencies', 'crosswalk_links',
                 'case_associations')) AS audit`;

type Content = {
  competencies: number;
  crosswalkLinks: number;
  caseAssociations: number;
  auditRows: number;
  framework: string;
  nodes: string;
  links: string;
  associations: string;
  audit: string;
};

const content = (url: string) => withClient(url, async (c) => (await c.query<Content>(CONTENT)).rows[0]!);

async function round(
  adminUrl: string,
  packageFile: string,
  rawFile: string,
  rawFirst: boolean,
  reimports: number,
  postmaster: number | null,
  apiMain: string | undefined,
): Promise<{ round: CaseRound; contents: [Content, Content] }> {
  const apiUrl = await recreate(adminUrl, API_DB, TEMPLATE);
  const rawUrl = await recreate(adminUrl, RAW_DB, TEMPLATE);
  const raw = async () => runRawWorker(rawUrl, rawFile, postmaster);
  const rawResult = rawFirst ? await raw() : undefined;

  const { login, peakRssMb, startApi } = await harness();
  const api = await startApi(apiUrl, { LOG_LEVEL: 'warn' }, apiMain);
  let first: CaseRound['import'];
  const again: CaseRound['reimports'] = [];
  let idleRssMb: number;
  let endRssMb: number;
  try {
    const token = await login(api.url, HR_EMAIL);
    idleRssMb = currentRssMb(api.pid);
    const measure = async () => {
      const reset = resetPeak(api.pid);
      const [node0, pg0] = [cpuSeconds(api.pid), postgresCpu(postmaster)];
      const t0 = performance.now();
      const res = await upload(api.url, token, packageFile);
      const seconds = (performance.now() - t0) / 1000;
      const cpu = { node: less(cpuSeconds(api.pid), node0)!, postgres: less(postgresCpu(postmaster), pg0) };
      return { res, seconds, peakRssMb: reset ? peakRssMb(api.pid) : NaN, cpu };
    };
    const a = await measure();
    if (a.res.status !== 201) throw new Error(`first import: ${a.res.status} ${a.res.body.slice(0, 2000)}`);
    first = { seconds: a.seconds, peakRssMb: a.peakRssMb, cpu: a.cpu, status: a.res.status };
    for (let i = 0; i < reimports; i++) {
      const b = await measure();
      const changed = (JSON.parse(b.res.body) as { changed?: boolean }).changed;
      if (b.res.status !== 200 || changed !== false)
        throw new Error(`re-import: ${b.res.status} ${b.res.body.slice(0, 2000)}`);
      again.push({ seconds: b.seconds, peakRssMb: b.peakRssMb, cpu: b.cpu, status: b.res.status, changed });
    }
    endRssMb = currentRssMb(api.pid);
  } finally {
    await api.stop();
  }
  const rawTimed = rawResult ?? (await raw());
  const contents: [Content, Content] = [await content(apiUrl), await content(rawUrl)];
  await drop(adminUrl, API_DB, RAW_DB);
  return {
    round: { idleRssMb, endRssMb, import: first, reimports: again, raw: rawTimed, load: loadAverage() },
    contents,
  };
}

export async function benchCaseImport(options: {
  adminUrl: string;
  rounds?: number;
  reimports?: number;
  seed?: number;
  /** The API build to measure (default api/dist/main.js), e.g. an older build's main.js for a before/after. */
  apiMain?: string;
}): Promise<CaseImportResult> {
  const dir = mkdtempSync(join(tmpdir(), 'emerge-bench-case-'));
  const rounds: CaseRound[] = [];
  let fileMb: number | undefined;
  let rows: CaseImportResult['rows'] | undefined;
  try {
    say('CASE import: setting up the scratch databases…');
    const setup = await createTemplate(options.adminUrl);
    const postmaster = await postmasterPid(options.adminUrl);
    const { json, raw } = generateCasePackage(options.seed ?? 14, setup);
    const packageFile = join(dir, 'case-package.json');
    const rawFile = join(dir, 'case-raw.json');
    writeFileSync(packageFile, json);
    writeFileSync(rawFile, JSON.stringify(raw));
    fileMb = statSync(packageFile).size / 1048576;
    say(
      `CASE import: ${SHAPE.items.toLocaleString('en-US')} items, ${SHAPE.associations.toLocaleString('en-US')} associations, ${fileMb.toFixed(1)} MB`,
    );
    const n = options.rounds ?? 3;
    const reimports = options.reimports ?? 3;
    for (let i = 0; i < n; i++) {
      say(
        `CASE import: round ${i + 1}/${n} (API import and ${reimports} re-imports, raw load${i % 2 ? ' first' : ' after'})…`,
      );
      const r = await round(
        options.adminUrl,
        packageFile,
        rawFile,
        i % 2 === 1,
        reimports,
        postmaster,
        options.apiMain,
      );
      const [a, b] = r.contents;
      if (JSON.stringify(a) !== JSON.stringify(b))
        throw new Error(`the API and the raw load left different rows: ${JSON.stringify(r.contents)}`);
      if (
        a.competencies !== raw.counts.competencies ||
        a.crosswalkLinks !== raw.counts.crosswalkLinks ||
        a.caseAssociations !== raw.counts.caseAssociations
      )
        throw new Error(`unexpected counts: ${JSON.stringify(a)}`);
      rows = {
        competencies: a.competencies,
        crosswalkLinks: a.crosswalkLinks,
        caseAssociations: a.caseAssociations,
        auditRows: a.auditRows,
      };
      rounds.push(r.round);
      const x = r.round;
      const fig = (t: Timed) =>
        `${t.seconds.toFixed(2)} s (CPU ${t.cpu.node.toFixed(2)} + ${t.cpu.postgres?.toFixed(2) ?? '–'} s, ${t.peakRssMb} MB)`;
      say(
        `  import ${fig(x.import)}; re-imports ${x.reimports.map(fig).join(', ')}; raw ${fig(x.raw)};` +
          ` API RSS idle ${x.idleRssMb} → ${x.endRssMb} MB; load ${x.load}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await drop(options.adminUrl, API_DB, RAW_DB, TEMPLATE).catch(() => undefined);
  }
  const med = (xs: number[]) => Math.round(median(xs) * 1000) / 1000;
  const medCpu = (ts: Timed[]): Timed['cpu'] => ({
    node: med(ts.map((t) => t.cpu.node)),
    postgres: ts.some((t) => t.cpu.postgres === null) ? null : med(ts.map((t) => t.cpu.postgres!)),
  });
  const summary = (ts: Timed[]): Timed => ({
    seconds: med(ts.map((t) => t.seconds)),
    peakRssMb: Math.round(median(ts.map((t) => t.peakRssMb))),
    cpu: medCpu(ts),
  });
  const all = rounds.flatMap((r) => r.reimports);
  const result: CaseImportResult = {
    items: SHAPE.items,
    associations: SHAPE.associations,
    fileMb: Math.round((fileMb ?? 0) * 10) / 10,
    rows: rows!,
    rounds,
    import: summary(rounds.map((r) => r.import)),
    reimport: { ...summary(all), maxPeakRssMb: Math.max(...all.map((t) => t.peakRssMb)) },
    raw: summary(rounds.map((r) => r.raw)),
    idleRssMb: Math.round(median(rounds.map((r) => r.idleRssMb))),
    ratio: med(rounds.map((r) => r.import.seconds / r.raw.seconds)),
    reimportRatio: med(rounds.map((r) => median(r.reimports.map((t) => t.seconds)) / r.raw.seconds)),
    load: rounds.map((r) => r.load.split(' ')[0]).join(', '),
    targets: {
      seconds: false,
      memoryBounded: rounds.every((r) => r.reimports.every((t) => t.peakRssMb <= 1.1 * r.reimports[0]!.peakRssMb)),
    },
  };
  result.targets.seconds = result.import.seconds < SECONDS_TARGET && result.reimport.seconds < SECONDS_TARGET;
  say(
    `\nCASE package: ${result.items.toLocaleString('en-US')} items, ${result.associations.toLocaleString('en-US')} associations, ${result.fileMb} MB;` +
      ` written: ${result.rows.competencies} nodes, ${result.rows.crosswalkLinks} crosswalk links, ${result.rows.caseAssociations} associations, ${result.rows.auditRows} audit rows`,
  );
  say('\n               wall s  ÷ raw  node CPU s  PostgreSQL CPU s  peak RSS MB     target (under 10 s)');
  const line = (name: string, t: Timed, ratio: string, rss: string, target: string) =>
    say(
      `${name.padEnd(13)} ${t.seconds.toFixed(2).padStart(7)} ${ratio.padStart(6)} ${t.cpu.node.toFixed(2).padStart(11)}` +
        ` ${(t.cpu.postgres === null ? '–' : t.cpu.postgres.toFixed(2)).padStart(17)}  ${rss.padEnd(15)} ${target}`,
    );
  const met = (t: Timed) => (t.seconds < SECONDS_TARGET ? 'met' : 'MISSED');
  line('API import', result.import, result.ratio.toFixed(2), String(result.import.peakRssMb), met(result.import));
  line(
    'API re-import',
    result.reimport,
    result.reimportRatio.toFixed(2),
    `${result.reimport.peakRssMb} (max ${result.reimport.maxPeakRssMb})`,
    met(result.reimport),
  );
  line('raw load', result.raw, '1', String(result.raw.peakRssMb), '');
  say(
    `Medians of ${rounds.length} rounds (${all.length} re-imports), a fresh API per round (idle ${result.idleRssMb} MB);` +
      ` 1-minute load average after each round: ${result.load}.\nMemory ` +
      (result.targets.memoryBounded
        ? 'bounded: no re-import peaked more than 10 % above the first re-import of its round.'
        : 'NOT SHOWN BOUNDED: a later re-import peaked more than 10 % above the first.'),
  );
  return result;
}

const invoked = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invoked && process.argv[2] === '--raw-worker') {
  await rawWorker(process.argv[3]!, process.argv[4]!);
} else if (invoked) {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string', default: '3' },
      reimports: { type: 'string', default: '3' },
      seed: { type: 'string', default: '14' },
      'api-main': { type: 'string' },
    },
  });
  const { openScaleDatabase } = await import('@emerge/seeds/scale');
  const db = await openScaleDatabase();
  try {
    const result = await benchCaseImport({
      adminUrl: db.adminUrl,
      rounds: Number(values.rounds),
      reimports: Number(values.reimports),
      seed: Number(values.seed),
      apiMain: values['api-main'],
    });
    say(`\n${JSON.stringify({ caseImport: result })}`);
  } finally {
    await db.stop();
  }
}
