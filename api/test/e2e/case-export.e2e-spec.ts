import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { expected } from '../expected-errors.js';
import { createTestApp, TestApp } from '../test-app.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- packages are free-form JSON */
type Pkg = any;

const read = (path: string): Pkg => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const SAMPLE = read('../../../docs/samples/case-framework.json');
// OpenSALT's JSON Schema of a CASE 1.0 package (source in test/fixtures/case/README.md).
const SCHEMA = read('../fixtures/case/schema/case-v1p0-cfpackage-schema.opensalt.json');
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
const validate = ajv.compile(SCHEMA);
const schemaErrors = (pkg: Pkg) => (validate(pkg) ? [] : validate.errors!.map((e) => `${e.instancePath} ${e.message}`));

const triple = (a: Pkg) =>
  `${a.associationType} ${String(a.originNodeURI.identifier).toLowerCase()} ${String(a.destinationNodeURI.identifier).toLowerCase()}`;

describe('GET /api/competency-frameworks/:id/case (CASE 1.0 export)', () => {
  let t: TestApp;
  let hr: string;
  let educator: string;
  let otherHr: string;
  let referenceId: string;
  let imported: Pkg;

  beforeAll(async () => {
    t = await createTestApp();
    const f = t.factories;
    const districtId = (await f.createDistrict()).id;
    // The reference nodes the sample links to (as the shipped reference frameworks carry them).
    const refs: Record<string, string> = {
      'PSEL-4': 'f42c055e-f9f1-5339-9a74-a4f70f785931',
      'PSEL-6': '0346de29-f807-557d-8030-37aabf1136a5',
    };
    referenceId = (await f.createFramework({ shortName: 'PSEL', title: 'PSEL reference' })).id;
    for (const [code, caseIdentifier] of Object.entries(refs))
      await f.createCompetency({ frameworkId: referenceId, code, caseIdentifier });
    hr = await t.login((await f.createUser({ role: 'hr', districtId })).email);
    educator = await t.login((await f.createUser({ role: 'educator', districtId })).email);
    otherHr = await t.login((await f.createUser({ role: 'hr' })).email);
    imported = await post(hr, SAMPLE);
  });
  afterAll(() => t.close());

  async function post(token: string, body: Pkg): Promise<Pkg> {
    const res = await t.http().post('/api/competency-frameworks/import').auth(token, { type: 'bearer' }).send(body);
    if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }
  const exportOf = (token: string, id: string) =>
    t.http().get(`/api/competency-frameworks/${id}/case`).auth(token, { type: 'bearer' });
  const tree = async (frameworkId: string) =>
    t.db.query(
      `SELECT c.code, c.title, c.kind, c.position, p.code AS parent, c.item_type AS "itemType"
         FROM competencies c LEFT JOIN competencies p ON p.id = c.parent_id
        WHERE c.framework_id = $1 ORDER BY c.code`,
      [frameworkId],
    );

  it('exports an imported framework as a package valid against the CASE 1.0 schema, as a download', async () => {
    const res = await exportOf(hr, imported.framework.id);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="Harbor-Point-Leadership-Standards.case.json"',
    );
    expect(schemaErrors(res.body)).toEqual([]);
  });

  it('export of an import gives back every item as published, every association, and the rubric', async () => {
    const pkg = (await exportOf(hr, imported.framework.id)).body;
    expect(pkg.CFDocument).toEqual(expect.objectContaining(SAMPLE.CFDocument));
    const byId = new Map(pkg.CFItems.map((i: Pkg) => [i.identifier, i]));
    expect(pkg.CFItems).toHaveLength(SAMPLE.CFItems.length);
    for (const item of SAMPLE.CFItems) expect(byId.get(item.identifier)).toEqual(expect.objectContaining(item));
    const exported = new Set(pkg.CFAssociations.map(triple));
    for (const a of SAMPLE.CFAssociations) expect(exported).toContain(triple(a));
    expect(exported.size).toBe(SAMPLE.CFAssociations.length);
    const levels = pkg.CFRubrics[0].CFRubricCriteria[0].CFRubricCriterionLevels.map((l: Pkg) => [l.score, l.quality]);
    expect(levels).toEqual(imported.framework.rubric.map((r: Pkg) => [r.level, r.label]));
  });

  it('import of an export is the same framework: no change in its own district, the same tree in another', async () => {
    const pkg = (await exportOf(hr, imported.framework.id)).body;
    const again = await t.http().post('/api/competency-frameworks/import').auth(hr, { type: 'bearer' }).send(pkg);
    expect(again.status).toBe(200);
    expect(again.body.changed).toBe(false);
    const elsewhere = await post(otherHr, pkg);
    expect(elsewhere.created).toEqual(imported.created);
    expect(elsewhere.framework.rubric).toEqual(imported.framework.rubric);
    expect(await tree(elsewhere.framework.id)).toEqual(await tree(imported.framework.id));
  });

  it('writes a framework made in the console as valid CASE that imports to the same tree, links and edits included', async () => {
    const as = (path: string, body: object) => t.http().post(path).auth(hr, { type: 'bearer' }).send(body);
    const fw = (await as('/api/competency-frameworks', { title: 'Coaching Standards', shortName: 'CS' })).body;
    const domain = (
      await as('/api/competencies', { frameworkId: fw.id, kind: 'domain', code: 'CS-1', title: 'Vision' })
    ).body;
    const child = (
      await as('/api/competencies', {
        frameworkId: fw.id,
        parentId: domain.id,
        kind: 'competency',
        code: 'CS-1.1',
        title: 'Shares a vision',
        description: 'With staff and families',
      })
    ).body;
    const psel4 = (await t.db.query(`SELECT id FROM competencies WHERE code = 'PSEL-4'`))[0].id;
    expect((await as('/api/crosswalk-links', { fromId: child.id, toId: psel4, kind: 'exact' })).status).toBe(201);
    const pkg = (await exportOf(hr, fw.id)).body;
    expect(schemaErrors(pkg)).toEqual([]);
    expect(pkg.CFItems.find((i: Pkg) => i.identifier === child.id)).toEqual(
      expect.objectContaining({
        humanCodingScheme: 'CS-1.1',
        fullStatement: 'Shares a vision',
        notes: 'With staff and families',
        CFItemType: 'Competency',
      }),
    );
    const copy = await post(otherHr, pkg);
    expect(copy.created).toEqual({ framework: 1, items: 2, links: 1, associations: 1 });
    expect(await tree(copy.framework.id)).toEqual(
      (await tree(fw.id)).map((n: Pkg) => ({ ...n, itemType: n.kind.charAt(0).toUpperCase() + n.kind.slice(1) })),
    );
  });

  it('writes an edit made in the console after the import', async () => {
    const id = imported.framework.id;
    const [node] = await t.db.query(`SELECT id FROM competencies WHERE framework_id = $1 AND code = 'HP-2.1'`, [id]);
    const current = (await t.http().get(`/api/competencies/${node.id}`).auth(hr, { type: 'bearer' })).body;
    const put = await t
      .http()
      .put(`/api/competencies/${node.id}`)
      .auth(hr, { type: 'bearer' })
      .send({ ...current, code: 'HP-2.1*', title: 'Builds trusting teams' });
    expect(put.status).toBe(200);
    const pkg = (await exportOf(hr, id)).body;
    expect(pkg.CFItems.find((i: Pkg) => i.identifier === current.caseIdentifier)).toEqual(
      expect.objectContaining({ humanCodingScheme: 'HP-2.1*', fullStatement: 'Builds trusting teams' }),
    );
  });

  it('is readable by every district role for frameworks they read, and a 404 for another district', async () => {
    expect((await exportOf(educator, imported.framework.id)).status).toBe(200);
    const reference = await exportOf(educator, referenceId);
    expect(reference.status).toBe(200);
    expect(schemaErrors(reference.body)).toEqual([]);
    expect((await exportOf(otherHr, imported.framework.id)).body).toEqual(expected.notFound);
    expect((await t.http().get(`/api/competency-frameworks/${referenceId}/case`)).status).toBe(401);
  });
});
