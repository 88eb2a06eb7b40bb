import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { expected } from '../expected-errors.js';
import { createTestApp, TestApp } from '../test-app.js';

describe('/api/competency-frameworks and /api/competencies', () => {
  let t: TestApp;
  let reference: { id: string };
  let own: { id: string };
  let foreign: { id: string };
  let refDomain: { id: string };
  let ownCompetency: { id: string };
  let ownIndicator: { id: string };
  let foreignNode: { id: string };
  let educator: string;
  let otherHr: string;
  let platform: string;

  beforeAll(async () => {
    t = await createTestApp();
    const f = t.factories;
    const districtId = (await f.createDistrict()).id;
    const otherId = (await f.createDistrict()).id;
    reference = await f.createFramework({ title: 'Reference Standards', shortName: 'REF' });
    own = await f.createFramework({
      districtId,
      title: 'Riverbend Leadership Framework',
      shortName: 'RLF',
      rubric: [
        { level: 1, label: 'Beginning' },
        { level: 2, label: 'Applying' },
        { level: 3, label: 'Leading' },
      ],
    });
    foreign = await f.createFramework({ districtId: otherId, title: 'Secret Framework', shortName: 'SEC' });
    refDomain = await f.createCompetency({ frameworkId: reference.id, code: 'REF-1', title: 'Vision' });
    const domain = await f.createCompetency({
      frameworkId: own.id,
      code: 'RLF-1',
      title: 'Leading for vision',
      position: 0,
    });
    ownCompetency = await f.createCompetency({
      frameworkId: own.id,
      parentId: domain.id,
      kind: 'competency',
      code: 'RLF-1.1',
      title: 'Builds a shared vision',
      position: 0,
    });
    ownIndicator = await f.createCompetency({
      frameworkId: own.id,
      parentId: ownCompetency.id,
      kind: 'indicator',
      code: 'RLF-1.1.a',
      title: 'Facilitates visioning with students',
      position: 0,
    });
    foreignNode = await f.createCompetency({ frameworkId: foreign.id, code: 'SEC-1', title: 'Hidden' });
    await f.link(ownCompetency.id, refDomain.id, 'exact', districtId);
    await f.link(foreignNode.id, refDomain.id, 'related', otherId);
    const { user } = await f.createEducatorUser({ districtId });
    educator = await t.login(user.email);
    otherHr = await t.login((await f.createUser({ role: 'hr', districtId: otherId })).email);
    platform = await t.login((await f.createUser({ role: 'platform_admin' })).email);
  });
  afterAll(() => t.close());

  const get = (path: string, token: string) => t.http().get(path).auth(token, { type: 'bearer' });

  it('requires authentication, and is a 403 for platform_admin', async () => {
    expect((await t.http().get('/api/competency-frameworks')).status).toBe(401);
    expect((await get('/api/competency-frameworks', platform)).status).toBe(403);
  });

  it('lists the reference frameworks and the district own, never another district', async () => {
    const res = await get('/api/competency-frameworks?sort=["title","ASC"]', educator);
    expect(res.status).toBe(200);
    expect(res.body.map((x: { title: string }) => x.title)).toEqual([
      'Reference Standards',
      'Riverbend Leadership Framework',
    ]);
    const ownRow = res.body.find((x: { id: string }) => x.id === own.id);
    expect(ownRow).toEqual(
      expect.objectContaining({
        reference: false,
        nodeCount: 3,
        rubric: [
          { level: 1, label: 'Beginning' },
          { level: 2, label: 'Applying' },
          { level: 3, label: 'Leading' },
        ],
      }),
    );
    const refs = await get(
      `/api/competency-frameworks?filter=${encodeURIComponent(JSON.stringify({ reference: true }))}`,
      educator,
    );
    expect(refs.body.map((x: { id: string }) => x.id)).toEqual([reference.id]);
  });

  it('is a 404 for another district framework and node', async () => {
    expect((await get(`/api/competency-frameworks/${foreign.id}`, educator)).body).toEqual(expected.notFound);
    expect((await get(`/api/competencies/${foreignNode.id}`, educator)).status).toBe(404);
    expect((await get(`/api/competency-frameworks/${own.id}`, otherHr)).status).toBe(404);
  });

  it('walks a tree level by level', async () => {
    const roots = await get(
      `/api/competencies?filter=${encodeURIComponent(JSON.stringify({ frameworkId: own.id, root: true }))}`,
      educator,
    );
    expect(roots.body.map((n: { code: string }) => n.code)).toEqual(['RLF-1']);
    const children = await get(
      `/api/competencies?filter=${encodeURIComponent(JSON.stringify({ parentId: ownCompetency.id }))}`,
      educator,
    );
    expect(children.body).toEqual([
      {
        id: ownIndicator.id,
        frameworkId: own.id,
        frameworkShortName: 'RLF',
        parentId: ownCompetency.id,
        kind: 'indicator',
        code: 'RLF-1.1.a',
        title: 'Facilitates visioning with students',
        description: '',
        position: 0,
        caseIdentifier: null,
        itemType: null,
        educationLevels: [],
        listEnumeration: null,
        language: null,
        reference: false,
        version: 1,
      },
    ]);
  });

  it('shows a node crosswalk in both directions, only to nodes the district may see', async () => {
    const fromOwn = await get(`/api/competencies/${ownCompetency.id}`, educator);
    expect(fromOwn.body.crosswalk).toEqual([
      {
        id: expect.any(String),
        kind: 'exact',
        nodeId: refDomain.id,
        nodeCode: 'REF-1',
        nodeTitle: 'Vision',
        frameworkId: reference.id,
        frameworkShortName: 'REF',
        shipped: false,
      },
    ]);
    const fromRef = await get(`/api/competencies/${refDomain.id}`, educator);
    expect(fromRef.body.crosswalk.map((c: { nodeId: string }) => c.nodeId)).toEqual([ownCompetency.id]);
    const fromRefOther = await get(`/api/competencies/${refDomain.id}`, otherHr);
    expect(fromRefOther.body.crosswalk.map((c: { nodeId: string }) => c.nodeId)).toEqual([foreignNode.id]);
  });
});
