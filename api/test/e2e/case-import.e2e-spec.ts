import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { errorBody, expected } from '../expected-errors.js';
import { createTestApp, TestApp } from '../test-app.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- packages are free-form JSON edited per case */
type Pkg = any;

const SAMPLE: Pkg = JSON.parse(
  readFileSync(new URL('../../../docs/samples/case-framework.json', import.meta.url), 'utf8'),
);
const copy = (): Pkg => structuredClone(SAMPLE);
const DOC = SAMPLE.CFDocument.identifier as string;
const item = (p: Pkg, code: string) => p.CFItems.find((i: Pkg) => i.humanCodingScheme === code);
const itemIndex = (p: Pkg, code: string) => p.CFItems.findIndex((i: Pkg) => i.humanCodingScheme === code);
const assocIndex = (p: Pkg, type: string, originCode: string) =>
  p.CFAssociations.findIndex(
    (a: Pkg) => a.associationType === type && a.originNodeURI.identifier === item(p, originCode).identifier,
  );

// The reference nodes the sample crosswalks to, with the CASE identifiers seeds/src/reference ships.
const REFERENCE: Record<string, [string, string]> = {
  'PSEL-2': ['PSEL', 'abaea9e1-4fb5-50a3-b5bc-ddf8585de571'],
  'PSEL-3': ['PSEL', 'a7a44571-1198-543d-9605-164055581112'],
  'PSEL-4': ['PSEL', 'f42c055e-f9f1-5339-9a74-a4f70f785931'],
  'PSEL-6': ['PSEL', '0346de29-f807-557d-8030-37aabf1136a5'],
  'PSEL-7': ['PSEL', 'feed2be2-7bdd-510d-8368-518315704fff'],
  'PSEL-8': ['PSEL', 'd25ce72e-06c9-5595-ac9b-055453860bf4'],
  'POL-HCA': ['Portrait', '57686975-c9e7-5d25-9199-8d7436b3b8bd'],
  'POL-AUT': ['Portrait', '6dc656fe-421f-5415-94d8-98d224eaa413'],
  'POL-COL': ['Portrait', '9d6ddd5b-2d9b-56e1-897a-5915c2aa2c70'],
  'POL-ADV': ['Portrait', 'f10e1825-012a-51ac-8164-5950dcce5c2e'],
  'LC-2': ['JFF/CCSSO', '466f0207-f74c-5e51-a181-3cae88cea6f9'],
  'LC-3': ['JFF/CCSSO', '8f647d23-9a50-571a-88ef-22ae456710bf'],
  'LC-4': ['JFF/CCSSO', 'e3e8c4c2-3e54-5f0a-8b33-fcbc674e9358'],
};

describe('POST /api/competency-frameworks/import (CASE 1.0)', () => {
  let t: TestApp;
  let districtId: string;
  let coordinator: string;
  let hr: string;
  let otherHr: string;
  const refIds = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestApp();
    const f = t.factories;
    districtId = (await f.createDistrict()).id;
    const frameworks = new Map<string, string>();
    for (const short of ['PSEL', 'Portrait', 'JFF/CCSSO'])
      frameworks.set(short, (await f.createFramework({ shortName: short, title: `${short} reference` })).id);
    for (const [code, [short, caseIdentifier]] of Object.entries(REFERENCE))
      refIds.set(code, (await f.createCompetency({ frameworkId: frameworks.get(short)!, code, caseIdentifier })).id);
    coordinator = await t.login((await f.createUser({ role: 'coordinator', districtId })).email);
    hr = await t.login((await f.createUser({ role: 'hr', districtId })).email);
    otherHr = await t.login((await f.createUser({ role: 'hr' })).email);
  });
  afterAll(() => t.close());

  const post = (token: string | null, body: unknown, query = '') => {
    const req = t
      .http()
      .post(`/api/competency-frameworks/import${query}`)
      .send(body as object);
    return token ? req.auth(token, { type: 'bearer' }) : req;
  };
  const rows = async () =>
    (
      await t.db.query(`SELECT (SELECT count(*) FROM competency_frameworks)::int AS frameworks,
                               (SELECT count(*) FROM competencies)::int AS competencies,
                               (SELECT count(*) FROM crosswalk_links)::int AS links,
                               (SELECT coalesce(sum(version), 0) FROM competency_frameworks)::int AS versions`)
    )[0] as { frameworks: number; competencies: number; links: number; versions: number };

  describe('access', () => {
    it('requires authentication', async () => {
      expect((await post(null, SAMPLE)).body).toEqual(expected.unauthenticated);
    });

    it.each(['principal', 'superintendent', 'educator'] as const)('is a 403 for %s', async (role) => {
      const token = await t.login((await t.factories.createUser({ role, districtId })).email);
      expect((await post(token, SAMPLE)).body).toEqual(expected.forbidden);
    });
  });

  describe('a malformed or inconsistent package writes nothing', () => {
    const cases: [string, (p: Pkg) => Pkg, (p: Pkg) => Record<string, string>][] = [
      [
        'not a package',
        () => [1, 2],
        () => ({
          '(package)': 'the body must be a CASE 1.0 package: a JSON object with CFDocument, CFItems and CFAssociations',
        }),
      ],
      [
        'missing document',
        (p) => {
          delete p.CFDocument;
          return p;
        },
        () => ({ CFDocument: 'is required (an object)' }),
      ],
      [
        'missing required fields',
        (p) => {
          delete p.CFDocument.title;
          delete item(p, 'HP-2.1').fullStatement;
          delete p.CFAssociations[assocIndex(p, 'exactMatchOf', 'HP-3.2')].destinationNodeURI.identifier;
          return p;
        },
        (p) => ({
          'CFDocument.title': 'is required',
          [`CFItems[${itemIndex(p, 'HP-2.1')}].fullStatement`]: 'is required',
          [`CFAssociations[${assocIndex(p, 'exactMatchOf', 'HP-3.2')}].destinationNodeURI.identifier`]: 'is required',
        }),
      ],
      [
        'duplicate identifier',
        (p) => {
          const old = item(p, 'HP-3.2.b').identifier;
          item(p, 'HP-3.2.b').identifier = item(p, 'HP-3.2.a').identifier;
          for (const a of p.CFAssociations)
            if (a.originNodeURI.identifier === old) a.originNodeURI.identifier = item(p, 'HP-3.2.a').identifier;
          return p;
        },
        (p) => ({
          [`CFItems[${itemIndex(p, 'HP-3.2.b')}].identifier`]: `duplicates CFItems[${itemIndex(p, 'HP-3.2.a')}].identifier (${item(p, 'HP-3.2.a').identifier})`,
        }),
      ],
      [
        'cycle',
        (p) => {
          // HP-1 becomes a child of its own child HP-1.1.
          p.CFAssociations[assocIndex(p, 'isChildOf', 'HP-1')].destinationNodeURI = {
            identifier: item(p, 'HP-1.1').identifier,
          };
          return p;
        },
        (p) => ({
          [`CFItems[${itemIndex(p, 'HP-1')}]`]: `is in an isChildOf cycle: ${item(p, 'HP-1').identifier} → ${item(p, 'HP-1.1').identifier} → ${item(p, 'HP-1').identifier}`,
        }),
      ],
      [
        'rubric levels that cannot be ordered',
        (p) => {
          for (const l of p.CFRubrics[0].CFRubricCriteria[0].CFRubricCriterionLevels) {
            delete l.score;
            l.position = 1;
          }
          return p;
        },
        () => ({
          'CFRubrics[0].CFRubricCriteria[0].CFRubricCriterionLevels':
            'the levels cannot be ordered: give every level a distinct score (or a distinct position)',
        }),
      ],
    ];

    it.each(cases)('%s → 400 naming it', async (_name, mutate, errors) => {
      const before = await rows();
      const pkg = mutate(copy());
      const res = await post(coordinator, pkg);
      const listed = errors(pkg);
      expect(res.body).toEqual(errorBody(400, 'import_invalid', { errors: listed, problemKinds: expect.any(Array) }));
      // Every listed problem is in exactly one kind's group.
      const grouped = (res.body.problemKinds as { paths: string[] }[]).flatMap((k) => k.paths);
      expect(grouped.sort()).toEqual(Object.keys(listed).sort());
      expect(await rows()).toEqual(before);
    });

    it('names every problem of a package at once, counted by kind', async () => {
      const p = copy();
      item(p, 'HP-3.2.b').identifier = item(p, 'HP-3.2.a').identifier;
      delete item(p, 'HP-2.1').fullStatement;
      delete p.CFDocument.title;
      const res = await post(coordinator, p);
      expect(res.body).toEqual(
        errorBody(400, 'import_invalid', {
          message: 'The CASE package has 3 problem(s) (2 missing field, 1 repeated identifier); nothing was imported',
          errors: {
            'CFDocument.title': 'is required',
            [`CFItems[${itemIndex(p, 'HP-2.1')}].fullStatement`]: 'is required',
            [`CFItems[${itemIndex(p, 'HP-3.2.b')}].identifier`]: `duplicates CFItems[${itemIndex(p, 'HP-3.2.a')}].identifier (${item(p, 'HP-3.2.a').identifier})`,
          },
          problemKinds: [
            {
              kind: 'missing field',
              count: 2,
              paths: ['CFDocument.title', `CFItems[${itemIndex(p, 'HP-2.1')}].fullStatement`],
            },
            { kind: 'repeated identifier', count: 1, paths: [`CFItems[${itemIndex(p, 'HP-3.2.b')}].identifier`] },
          ],
        }),
      );
    });

    it('caps the answer at the first 200 problems and says how many there were of each kind', async () => {
      const p = copy();
      for (let i = 0; i < 1500; i++) p.CFItems.push({ identifier: `bad-${i}`, fullStatement: 7 });
      for (let i = 0; i < 100; i++) p.CFAssociations.push({ identifier: `a-${i}`, associationType: 'isChildOf' });
      const before = await rows();
      const res = await post(coordinator, p);
      expect(res.status).toBe(400);
      expect(res.body.message).toBe(
        'The CASE package has 1700 problem(s) (1500 wrong type, 200 missing field); nothing was imported; the first 200 are listed',
      );
      expect(Object.keys(res.body.errors)).toHaveLength(201);
      expect(res.body.errors['(more)']).toBe('1500 more problem(s) not listed');
      expect(res.body.problemKinds.map((k: { kind: string; count: number }) => [k.kind, k.count])).toEqual([
        ['wrong type', 1500],
        ['missing field', 200],
      ]);
      expect(res.body.problemKinds.flatMap((k: { paths: string[] }) => k.paths)).toHaveLength(200);
      expect(JSON.stringify(res.body).length).toBeLessThan(30_000);
      expect(await rows()).toEqual(before);
    });
  });

  describe('a good package', () => {
    let frameworkId: string;

    it('checks and counts on a dry run without keeping anything', async () => {
      const before = await rows();
      const res = await post(coordinator, SAMPLE, '?dryRun=true');
      expect(res.status).toBe(200);
      expect(res.body).toEqual(
        expect.objectContaining({
          dryRun: true,
          changed: true,
          created: { framework: 1, items: 19, links: 14, associations: 14 },
        }),
      );
      expect(await rows()).toEqual(before);
    });

    it('creates the framework, its tree, rubric and crosswalk links: 201 with exact counts', async () => {
      const before = await rows();
      const res = await post(coordinator, SAMPLE);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        dryRun: false,
        changed: true,
        framework: {
          id: expect.any(String),
          districtId,
          reference: false,
          key: `${districtId}:${DOC}`,
          title: 'Harbor Point Leadership Standards',
          shortName: 'HPLS',
          source: 'Harbor Point Unified School District (fictional) — https://harborpoint.example/leadership-standards',
          description: SAMPLE.CFDocument.description,
          rubric: [
            { level: 1, label: 'Beginning' },
            { level: 2, label: 'Emerging' },
            { level: 3, label: 'Developing' },
            { level: 4, label: 'Proficient' },
            { level: 5, label: 'Distinguished' },
          ],
          nodeCount: 19,
          license: null,
          sourceUri: SAMPLE.CFDocument.CFPackageURI.uri,
          sourceChangedAt: '2026-09-01T12:00:00+00:00',
          itemTypes: [
            { itemType: 'Indicator', count: 10 },
            { itemType: 'Competency', count: 6 },
            { itemType: 'Domain', count: 3 },
          ],
          externalLinkCount: 0,
          version: 1,
          createdAt: expect.any(String),
          updatedAt: expect.any(String),
        },
        created: { framework: 1, items: 19, links: 14, associations: 14 },
        updated: { framework: 0, items: 0, links: 0, associations: 0 },
        unchanged: { framework: 0, items: 0, links: 0, associations: 0 },
        removed: { associations: 0 },
        externalLinks: 0,
        resolvedLinks: 0,
        itemChanges: { created: expect.any(Array), updated: [] },
        notices: [],
        ignoredAssociations: 0,
      });
      expect(res.body.itemChanges.created).toHaveLength(19);
      expect(res.body.itemChanges.created[0]).toEqual({
        code: 'HP-1',
        title: item(SAMPLE, 'HP-1').fullStatement,
        itemType: 'Domain',
      });
      frameworkId = res.body.framework.id;
      const after = await rows();
      expect(after).toEqual({
        frameworks: before.frameworks + 1,
        competencies: before.competencies + 19,
        links: before.links + 14,
        versions: before.versions + 1,
      });
      const kinds = await t.db.query(
        `SELECT kind, count(*)::int AS n FROM competencies WHERE framework_id = $1 GROUP BY kind ORDER BY kind`,
        [frameworkId],
      );
      expect(kinds).toEqual([
        { kind: 'domain', n: 3 },
        { kind: 'competency', n: 6 },
        { kind: 'indicator', n: 10 },
      ]);
      const tree = await t.db.query(
        `SELECT c.code, p.code AS parent, c.position FROM competencies c LEFT JOIN competencies p ON p.id = c.parent_id
          WHERE c.framework_id = $1 AND c.code IN ('HP-2', 'HP-2.2', 'HP-3.2.b') ORDER BY c.code`,
        [frameworkId],
      );
      expect(tree).toEqual([
        { code: 'HP-2', parent: null, position: 1 },
        { code: 'HP-2.2', parent: 'HP-2', position: 1 },
        { code: 'HP-3.2.b', parent: 'HP-3.2', position: 1 },
      ]);
      const links = await t.db.query(
        `SELECT a.code AS "from", b.code AS "to", l.kind FROM crosswalk_links l
           JOIN competencies a ON a.id = l.from_id JOIN competencies b ON b.id = l.to_id
          WHERE l.district_id = $1 AND a.code LIKE 'HP-1%' ORDER BY a.code, l.kind, b.code`,
        [districtId],
      );
      expect(links).toEqual([
        { from: 'HP-1.1', to: 'PSEL-4', kind: 'exact' },
        { from: 'HP-1.1', to: 'LC-4', kind: 'related' },
        { from: 'HP-1.2', to: 'PSEL-6', kind: 'exact' },
        { from: 'HP-1.2', to: 'LC-3', kind: 'related' },
      ]);
    });

    it('creates nothing new when the same package is imported again: 200, changed false', async () => {
      const before = await rows();
      const res = await post(hr, SAMPLE);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(
        expect.objectContaining({
          changed: false,
          created: { framework: 0, items: 0, links: 0, associations: 0 },
          updated: { framework: 0, items: 0, links: 0, associations: 0 },
          unchanged: { framework: 1, items: 19, links: 14, associations: 14 },
          removed: { associations: 0 },
        }),
      );
      expect(res.body.framework.id).toBe(frameworkId);
      expect(await rows()).toEqual(before);
    });

    it('brings the framework up to date from a changed package: adds and updates, counted', async () => {
      const p = copy();
      item(p, 'HP-3.1').fullStatement = 'Leads with integrity, humility and reflection';
      p.CFItems.push({
        identifier: 'hp-3-1-b',
        fullStatement: 'Names their own mistakes in public',
        humanCodingScheme: 'HP-3.1.b',
      });
      p.CFAssociations.push({
        identifier: 'hp-3-1-b-parent',
        associationType: 'isChildOf',
        originNodeURI: { identifier: 'hp-3-1-b' },
        destinationNodeURI: { identifier: item(p, 'HP-3.1').identifier },
        sequenceNumber: 2,
      });
      p.CFAssociations[assocIndex(p, 'isRelatedTo', 'HP-3.2')].associationType = 'exactMatchOf';
      const before = await rows();
      const res = await post(coordinator, p);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(
        expect.objectContaining({
          changed: true,
          // The changed association's type is part of its identity: the old one goes, the new one comes.
          created: { framework: 0, items: 1, links: 0, associations: 1 },
          updated: { framework: 0, items: 1, links: 1, associations: 0 },
          unchanged: { framework: 1, items: 18, links: 13, associations: 13 },
          removed: { associations: 1 },
          itemChanges: {
            created: [{ code: 'HP-3.1.b', title: 'Names their own mistakes in public', itemType: null }],
            updated: [
              { code: 'HP-3.1', title: 'Leads with integrity, humility and reflection', itemType: 'Competency' },
            ],
          },
        }),
      );
      expect(res.body.framework.version).toBe(2);
      expect(await rows()).toEqual({ ...before, competencies: before.competencies + 1, versions: before.versions + 1 });
      // The changed item's own version moves on (an editor holding the old one gets a 409); the others stay.
      const nodes = await t
        .http()
        .get(`/api/competencies?filter=${encodeURIComponent(JSON.stringify({ frameworkId }))}&range=[0,99]`)
        .auth(coordinator, { type: 'bearer' });
      const versions = Object.fromEntries(
        nodes.body.map((n: { code: string; version: number }) => [n.code, n.version]),
      );
      expect(versions).toEqual(expect.objectContaining({ 'HP-3.1': 2, 'HP-3.1.b': 1, 'HP-3.2': 1 }));
      expect(Object.values(versions).filter((v) => v !== 1)).toEqual([2]);
      const [node] = await t.db.query(
        `SELECT c.kind, p.code AS parent, c.position FROM competencies c JOIN competencies p ON p.id = c.parent_id WHERE c.code = 'HP-3.1.b'`,
      );
      expect(node).toEqual({ kind: 'indicator', parent: 'HP-3.1', position: 1 });
    });

    it('refuses a package that drops an item the framework has (409), writing nothing', async () => {
      const before = await rows();
      const res = await post(coordinator, SAMPLE); // the original lacks HP-3.1.b
      expect(res.body).toEqual(
        errorBody(409, 'conflict', { errors: { CFItems: 'missing item(s) the framework has: HP-3.1.b' } }),
      );
      expect(await rows()).toEqual(before);
    });

    it('is invisible to another district, which imports its own copy', async () => {
      expect(
        (await t.http().get(`/api/competency-frameworks/${frameworkId}`).auth(otherHr, { type: 'bearer' })).body,
      ).toEqual(expected.notFound);
      const other = await post(otherHr, SAMPLE);
      expect(other.status).toBe(201);
      expect(other.body.framework.id).not.toBe(frameworkId);
      expect(other.body.created).toEqual({ framework: 1, items: 19, links: 14, associations: 14 });
    });
  });

  describe('packages as publishers write them (valid CASE 1.0 that the first release refused)', () => {
    const A = {
      doc: '0b7e3c4e-0000-4000-8000-00000000000a',
      one: '0b7e3c4e-0000-4000-8000-0000000000a1',
      two: '0b7e3c4e-0000-4000-8000-0000000000a2',
      loose: '0b7e3c4e-0000-4000-8000-0000000000a3',
    };
    const B = {
      doc: '0b7e3c4e-0000-4000-8000-00000000000b',
      one: '0b7e3c4e-0000-4000-8000-0000000000b1',
      two: '0b7e3c4e-0000-4000-8000-0000000000b2',
    };
    let n = 0;
    const assoc = (type: string, origin: string, destination: string, extra: Record<string, unknown> = {}) => ({
      identifier: `0b7e3c4e-0000-4000-8000-${String(++n).padStart(12, '0')}`,
      associationType: type,
      originNodeURI: { identifier: origin, uri: `https://case.example/uri/${origin}`, title: origin },
      destinationNodeURI: {
        identifier: destination,
        uri: `https://case.example/uri/${destination}`,
        title: destination,
      },
      ...extra,
    });
    const buildA = (): Pkg => ({
      CFDocument: { identifier: A.doc, title: 'Assessment Claims', creator: 'A Consortium' },
      CFItems: [
        { identifier: A.one, fullStatement: 'Claim one', humanCodingScheme: 'C', CFItemType: 'Claim' },
        { identifier: A.two, fullStatement: 'Claim two', humanCodingScheme: 'C', CFItemType: 'Claim' },
        { identifier: A.loose, fullStatement: 'A target outside the tree', CFItemType: 'Target' },
      ],
      CFAssociations: [
        assoc('isChildOf', A.one, A.doc, { sequenceNumber: 1 }),
        assoc('isChildOf', A.two, A.doc, { sequenceNumber: 2 }),
        assoc('isChildOf', A.two, A.doc, { sequenceNumber: 2 }), // listed twice word for word
        assoc('isRelatedTo', A.one, A.two),
        assoc('isRelatedTo', A.two, A.one), // the two-way pair
        assoc('isRelatedTo', A.one, 'urn:example:dok:3'), // a non-CASE identifier
        assoc('exactMatchOf', A.two, B.one.toUpperCase()), // another document, not yet imported, upper case
        assoc('isPartOf', A.loose, B.two),
      ],
    });
    const buildB = (): Pkg => ({
      CFDocument: { identifier: B.doc, title: 'Content Targets', creator: 'A Consortium' },
      CFItems: [
        { identifier: B.one, fullStatement: 'Target one', humanCodingScheme: 'T1' },
        { identifier: B.two, fullStatement: 'Target two', humanCodingScheme: 'T2' },
      ],
      CFAssociations: [assoc('isChildOf', B.one, B.doc), assoc('isChildOf', B.two, B.doc)],
    });
    // Built once: a re-import must send the same association identifiers.
    const [builtA, builtB] = [buildA(), buildB()];
    const packageA = () => structuredClone(builtA);
    const packageB = () => structuredClone(builtB);
    let districtC: string;
    let hrC: string;
    const nodeId = async (identifier: string) =>
      (
        await t.db.query(
          `SELECT c.id FROM competencies c JOIN competency_frameworks f ON f.id = c.framework_id
            WHERE c.case_identifier = $1 AND f.district_id = $2`,
          [identifier, districtC],
        )
      )[0].id as string;
    const node = async (identifier: string) =>
      (
        await t
          .http()
          .get(`/api/competencies/${await nodeId(identifier)}`)
          .auth(hrC, { type: 'bearer' })
      ).body;

    /** The framework page's list of kept associations: codes of the nodes, and the total from Content-Range. */
    const keptLinks = async (token: string, frameworkId: string, filter: Record<string, unknown>) => {
      const res = await t
        .http()
        .get(`/api/competency-frameworks/${frameworkId}/case-associations`)
        .query({ filter: JSON.stringify(filter), sort: JSON.stringify(['associationType', 'ASC']), range: '[0,1]' })
        .auth(token, { type: 'bearer' });
      if (res.status !== 200) return { status: res.status };
      return {
        status: 200,
        total: Number(/\/(\d+)$/.exec(res.headers['content-range'] as string)?.[1]),
        rows: (res.body as { competencyCode: string; associationType: string; otherTitle: string }[]).map(
          (r) => `${r.competencyCode} ${r.associationType} ${r.otherTitle}`,
        ),
      };
    };

    beforeAll(async () => {
      districtC = (await t.factories.createDistrict()).id;
      hrC = await t.login((await t.factories.createUser({ role: 'hr', districtId: districtC })).email);
    });

    it('imports links to nodes outside Emerge, repeated codes, an item outside the tree, repeats and mirrors', async () => {
      const res = await post(hrC, packageA());
      expect(res.status).toBe(201);
      expect(res.body).toEqual(
        expect.objectContaining({
          created: { framework: 1, items: 3, links: 1, associations: 3 },
          externalLinks: 3,
          resolvedLinks: 0,
          ignoredAssociations: 2,
          notices: [
            expect.objectContaining({ kind: 'repeated association', count: 2 }),
            expect.objectContaining({ kind: 'outside the tree', count: 1, examples: [`${A.loose} (CFItems[2])`] }),
          ],
        }),
      );
      expect(res.body.framework).toEqual(
        expect.objectContaining({
          nodeCount: 3,
          externalLinkCount: 3,
          itemTypes: [
            { itemType: 'Claim', count: 2 },
            { itemType: 'Target', count: 1 },
          ],
        }),
      );
      const two = await node(A.two);
      expect(two).toEqual(expect.objectContaining({ code: 'C', itemType: 'Claim', kind: 'domain' }));
      expect(two.crosswalk).toEqual([expect.objectContaining({ kind: 'related', nodeCode: 'C' })]);
      expect(two.caseAssociations).toEqual([
        {
          id: expect.any(String),
          associationType: 'exactMatchOf',
          nodeEnd: 'origin',
          otherIdentifier: B.one.toUpperCase(),
          otherUri: `https://case.example/uri/${B.one.toUpperCase()}`,
          otherTitle: B.one.toUpperCase(),
          external: true,
          otherNodeId: null,
          otherNodeCode: null,
          otherFrameworkId: null,
          otherFrameworkShortName: null,
        },
      ]);
      const loose = await node(A.loose);
      expect(loose).toEqual(expect.objectContaining({ parentId: null, position: 2, itemType: 'Target' }));

      // The framework page lists them a page at a time (two of three here), with the node each belongs to.
      expect(await keptLinks(hrC, two.frameworkId, { external: true })).toEqual({
        status: 200,
        total: 3,
        rows: [`C exactMatchOf ${B.one.toUpperCase()}`, `3 isPartOf ${B.two}`],
      });
      expect(await keptLinks(hrC, two.frameworkId, { external: false })).toEqual({ status: 200, total: 0, rows: [] });
      // Another district cannot tell the framework exists.
      expect(await keptLinks(otherHr, two.frameworkId, {})).toEqual({ status: 404 });
    });

    it('resolves those links when the other framework arrives, in its import, case-insensitively', async () => {
      const res = await post(hrC, packageB());
      expect(res.status).toBe(201);
      expect(res.body).toEqual(expect.objectContaining({ resolvedLinks: 2, externalLinks: 0 }));
      const two = await node(A.two);
      expect(two.caseAssociations).toEqual([
        expect.objectContaining({ external: false, otherNodeId: await nodeId(B.one), otherNodeCode: 'T1' }),
      ]);
      expect(two.crosswalk).toEqual(
        expect.arrayContaining([expect.objectContaining({ kind: 'exact', nodeCode: 'T1', frameworkShortName: 'CT' })]),
      );
      // isPartOf is kept as published, not turned into a crosswalk link.
      const loose = await node(A.loose);
      expect(loose.crosswalk).toEqual([]);
      expect(loose.caseAssociations).toEqual([
        expect.objectContaining({ associationType: 'isPartOf', external: false, otherNodeCode: 'T2' }),
      ]);
      const a = await t.http().get(`/api/competency-frameworks/${two.frameworkId}`).auth(hrC, { type: 'bearer' });
      expect(a.body.externalLinkCount).toBe(1); // the urn
      expect(await keptLinks(hrC, two.frameworkId, { external: true })).toEqual({
        status: 200,
        total: 1,
        rows: ['C isRelatedTo urn:example:dok:3'],
      });
      expect((await keptLinks(hrC, two.frameworkId, { external: false })).total).toBe(2);
    });

    it('re-imports both without a change, and another district importing B resolves nothing of this one', async () => {
      for (const pkg of [packageA(), packageB()]) {
        const again = await post(hrC, pkg);
        expect(again.status).toBe(200);
        expect(again.body).toEqual(expect.objectContaining({ changed: false, resolvedLinks: 0 }));
      }
      const other = await post(otherHr, packageB());
      expect(other.status).toBe(201);
      expect(other.body.resolvedLinks).toBe(0);
    });
  });

  describe('text the database receives as it did before the import was sped up', () => {
    it('keeps a statement cut inside an emoji and a lone surrogate in a link title as U+FFFD, and re-imports unchanged', async () => {
      const doc = '0b7e3c4e-0000-4000-8000-0000000000c0';
      const item = '0b7e3c4e-0000-4000-8000-0000000000c1';
      const pkg = {
        CFDocument: { identifier: doc, title: 'Astral Statements', creator: 'A Publisher' },
        // 398 letters, then an emoji across the 399th and 400th UTF-16 units: the title cut splits it.
        CFItems: [{ identifier: item, fullStatement: `${'a'.repeat(398)}😀 and more`, humanCodingScheme: 'AS.1' }],
        CFAssociations: [
          {
            identifier: '0b7e3c4e-0000-4000-8000-0000000000c2',
            associationType: 'isRelatedTo',
            originNodeURI: { identifier: item, uri: `https://case.example/uri/${item}`, title: 'AS.1' },
            destinationNodeURI: {
              identifier: 'urn:example:skill:1',
              uri: 'urn:example:skill:1',
              title: 'Skill \ud800',
            },
          },
        ],
      };
      expect((await post(hr, pkg)).status).toBe(201);
      const [row] = await t.db.query(
        `SELECT c.title, c.description, a.other_title AS "otherTitle" FROM competencies c
           JOIN case_associations a ON a.competency_id = c.id WHERE c.case_identifier = $1`,
        [item],
      );
      expect(row).toEqual({
        title: `${'a'.repeat(398)}\ufffd…`,
        description: `${'a'.repeat(398)}😀 and more`,
        otherTitle: 'Skill \ufffd',
      });
      const again = await post(hr, pkg);
      expect(again.status).toBe(200);
      expect(again.body.changed).toBe(false);
    });
  });

  describe('crosswalk to the reference frameworks in the competency profile', () => {
    it('carries an exact-linked rating across, rescaled between the 5-level and the 4-level rubric', async () => {
      const f = t.factories;
      const districtB = (await f.createDistrict()).id;
      const hrB = await t.login((await f.createUser({ role: 'hr', districtId: districtB })).email);
      const imported = await post(hrB, SAMPLE);
      expect(imported.status).toBe(201);
      const node = async (code: string) =>
        (
          await t.db.query(`SELECT id FROM competencies WHERE framework_id = $1 AND code = $2`, [
            imported.body.framework.id,
            code,
          ])
        )[0].id as string;
      const hp11 = await node('HP-1.1');
      const hp11a = await node('HP-1.1.a');
      const hp12 = await node('HP-1.2');
      const roleId = (await f.createLeadershipRole({ districtId: districtB })).id;
      const { educator } = await f.createEducatorUser({ districtId: districtB });
      const candidateId = (await f.createCandidate({ districtId: districtB, educatorId: educator.id, roleId })).id;
      const as = (method: 'put' | 'post', path: string, body: object) =>
        t.http()[method](path).send(body).auth(hrB, { type: 'bearer' });
      expect(
        (
          await as('put', `/api/leadership-roles/${roleId}/targets`, {
            targets: [
              { competencyId: refIds.get('PSEL-4'), targetLevel: 3 },
              { competencyId: hp11, targetLevel: 4 },
              { competencyId: hp12, targetLevel: 4 },
            ],
          })
        ).status,
      ).toBe(200);
      const evidence = (competencyId: string, level: number) =>
        as('post', '/api/evidence', {
          candidateId,
          competencyId,
          level,
          source: 'observation',
          observedOn: '2026-10-01',
        });
      expect((await evidence(hp11a, 4)).status).toBe(201); // HP-1.1.a at 4 of 5 → HP-1.1 = 4 → PSEL-4: 4/5 of 4 = 3.2 → 3
      expect((await evidence(refIds.get('PSEL-6')!, 3)).status).toBe(201); // PSEL-6 at 3 of 4 → HP-1.2: 3/4 of 5 = 3.75 → 3
      const profile = await t
        .http()
        .get(`/api/candidates/${candidateId}/competency-profile`)
        .auth(hrB, { type: 'bearer' });
      const byCode = Object.fromEntries(profile.body.map((e: { code: string }) => [e.code, e]));
      expect(byCode['PSEL-4']).toEqual(
        expect.objectContaining({ scale: 4, currentLevel: 3, targetLevel: 3, gap: 0, evidenceCount: 1 }),
      );
      expect(byCode['HP-1.1']).toEqual(
        expect.objectContaining({ scale: 5, currentLevel: 4, gap: 0, evidenceCount: 1 }),
      );
      expect(byCode['HP-1.2']).toEqual(
        expect.objectContaining({ scale: 5, currentLevel: 3, gap: 1, evidenceCount: 1 }),
      );
    });
  });

  it('is described in the OpenAPI document: the package schema and every answer', async () => {
    const doc = (await t.http().get('/api/docs-json')).body;
    const op = doc.paths['/api/competency-frameworks/import'].post;
    expect(op.requestBody.content['application/json'].schema.required).toEqual([
      'CFDocument',
      'CFItems',
      'CFAssociations',
    ]);
    expect(Object.keys(op.responses).sort()).toEqual(['200', '201', '400', '401', '403', '409']);
    expect(op.parameters.map((x: { name: string }) => x.name)).toEqual(['dryRun']);
  });

  describe('body size', () => {
    it('accepts a package above the 1 MiB JSON limit of other routes', async () => {
      const p = copy();
      p.CFDocument.description = 'x'.repeat(1_500_000);
      const districtC = (await t.factories.createDistrict()).id;
      const hrC = await t.login((await t.factories.createUser({ role: 'hr', districtId: districtC })).email);
      expect((await post(hrC, p)).status).toBe(201);
    });

    it('refuses one above 32 MiB with a 413', async () => {
      const res = await post(coordinator, { CFDocument: { description: 'x'.repeat(33 * 1024 * 1024) } });
      expect(res.status).toBe(413);
    });
  });
});
