import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { expected } from '../expected-errors.js';
import { createTestApp, TestApp } from '../test-app.js';

describe('/api/evidence', () => {
  let t: TestApp;
  let candidateA: { id: string };
  let candidateB: { id: string };
  let node: { id: string };
  let foreignNode: { id: string };
  let tokens: Record<'hr' | 'sup' | 'coord' | 'principalA' | 'principalB' | 'otherHr' | 'candidate', string>;

  beforeAll(async () => {
    t = await createTestApp();
    const f = t.factories;
    const districtId = (await f.createDistrict()).id;
    const otherId = (await f.createDistrict()).id;
    const schoolA = (await f.createSchool({ districtId })).id;
    const schoolB = (await f.createSchool({ districtId })).id;
    const roleId = (await f.createLeadershipRole({ districtId })).id;
    const { educator, user } = await f.createEducatorUser({ districtId, schoolId: schoolA });
    const other = await f.createEducator({ districtId, schoolId: schoolB });
    candidateA = await f.createCandidate({ districtId, educatorId: educator.id, roleId }, [
      { to: 'engaged', daysAgo: 10 },
    ]);
    candidateB = await f.createCandidate({ districtId, educatorId: other.id, roleId });
    const framework = await f.createFramework({
      districtId,
      shortName: 'RLF',
      rubric: [
        { level: 1, label: 'Beginning' },
        { level: 2, label: 'Applying' },
        { level: 3, label: 'Leading' },
      ],
    });
    node = await f.createCompetency({ frameworkId: framework.id, code: 'RLF-1', title: 'Vision' });
    foreignNode = await f.createCompetency({ frameworkId: (await f.createFramework({ districtId: otherId })).id });
    const login = async (role: 'hr' | 'superintendent' | 'coordinator', d = districtId) =>
      t.login((await f.createUser({ role, districtId: d })).email);
    tokens = {
      hr: await login('hr'),
      sup: await login('superintendent'),
      coord: await login('coordinator'),
      principalA: await t.login((await f.createUser({ role: 'principal', districtId, schoolIds: [schoolA] })).email),
      principalB: await t.login((await f.createUser({ role: 'principal', districtId, schoolIds: [schoolB] })).email),
      otherHr: await login('hr', otherId),
      candidate: await t.login(user.email),
    };
  });
  afterAll(() => t.close());

  const post = (who: keyof typeof tokens, body: object) =>
    t.http().post('/api/evidence').send(body).auth(tokens[who], { type: 'bearer' });
  const get = (who: keyof typeof tokens, path: string) => t.http().get(path).auth(tokens[who], { type: 'bearer' });
  const valid = () => ({
    candidateId: candidateA.id,
    competencyId: node.id,
    level: 2,
    source: 'observation',
    note: 'Led the visioning session',
    observedOn: '2026-11-01',
  });

  it('requires authentication; a superintendent reads but does not record', async () => {
    expect((await t.http().post('/api/evidence').send(valid())).status).toBe(401);
    expect((await post('sup', valid())).status).toBe(403);
  });

  it('is a 404 for a candidate outside the caller scope', async () => {
    expect((await post('principalB', valid())).status).toBe(404);
    expect((await post('otherHr', valid())).status).toBe(404);
  });

  it('checks the level against the framework rubric, the node against the district, the date against today', async () => {
    const res = await post('hr', { ...valid(), level: 4, observedOn: '2999-01-01' });
    expect(res.body).toEqual(
      expected.validation({
        level: "level must be one of the framework's rubric levels: 1, 2, 3",
        observedOn: 'observedOn cannot be in the future',
      }),
    );
    const foreign = await post('hr', { ...valid(), competencyId: foreignNode.id });
    expect(foreign.body).toEqual(expected.validation({ competencyId: expect.any(String) }));
    const completion = await post('coord', { ...valid(), source: 'opportunity_completion' });
    expect(completion.status).toBe(400);
  });

  it('records evidence from a principal of the school and shows the rubric label', async () => {
    const res = await post('principalA', valid());
    expect(res.status).toBe(201);
    expect(res.body).toEqual(
      expect.objectContaining({
        candidateId: candidateA.id,
        competencyCode: 'RLF-1',
        frameworkShortName: 'RLF',
        level: 2,
        levelLabel: 'Applying',
        source: 'observation',
        observedOn: '2026-11-01',
      }),
    );
  });

  it('lets the candidate add only self_reflection, on themself', async () => {
    expect((await post('candidate', valid())).body).toEqual(
      expected.validation({ source: 'you may add self_reflection evidence only' }),
    );
    expect(
      (await post('candidate', { ...valid(), candidateId: candidateB.id, source: 'self_reflection' })).status,
    ).toBe(404);
    expect((await post('candidate', { ...valid(), source: 'self_reflection', level: 1 })).status).toBe(201);
  });

  it('lists by candidate and source within scope', async () => {
    const mine = await get(
      'candidate',
      `/api/evidence?filter=${encodeURIComponent(JSON.stringify({ candidateId: candidateA.id }))}`,
    );
    expect(mine.body).toHaveLength(2);
    expect(
      (
        await get(
          'principalB',
          `/api/evidence?filter=${encodeURIComponent(JSON.stringify({ candidateId: candidateA.id }))}`,
        )
      ).body,
    ).toEqual([]);
    const reflections = await get(
      'hr',
      `/api/evidence?filter=${encodeURIComponent(JSON.stringify({ source: 'self_reflection' }))}`,
    );
    expect(reflections.headers['content-range']).toBe('evidence 0-0/1');
    expect((await get('sup', `/api/evidence/${mine.body[0].id}`)).status).toBe(200);
    expect((await get('otherHr', `/api/evidence/${mine.body[0].id}`)).status).toBe(404);
  });
});
