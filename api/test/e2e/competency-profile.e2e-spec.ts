import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { expected } from '../expected-errors.js';
import { createTestApp, TestApp } from '../test-app.js';

describe('role targets and competency profiles', () => {
  let t: TestApp;
  let roleId: string;
  let candidateId: string;
  let hr: string;
  let principalB: string;
  let candidateToken: string;
  let d1: { id: string };
  let c1: { id: string };
  let i1: { id: string };
  let ref: { id: string };
  let rel: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    const f = t.factories;
    const districtId = (await f.createDistrict()).id;
    const schoolA = (await f.createSchool({ districtId })).id;
    const schoolB = (await f.createSchool({ districtId })).id;
    roleId = (await f.createLeadershipRole({ districtId })).id;
    const own = await f.createFramework({ districtId, shortName: 'RLF' });
    const reference = await f.createFramework({
      shortName: 'REF',
      rubric: [1, 2, 3, 4, 5].map((level) => ({ level, label: `L${level}` })),
    });
    d1 = await f.createCompetency({ frameworkId: own.id, code: 'D1' });
    c1 = await f.createCompetency({ frameworkId: own.id, parentId: d1.id, kind: 'competency', code: 'C1' });
    i1 = await f.createCompetency({ frameworkId: own.id, parentId: c1.id, kind: 'indicator', code: 'I1' });
    ref = await f.createCompetency({ frameworkId: reference.id, code: 'R1' });
    rel = await f.createCompetency({ frameworkId: reference.id, code: 'R2' });
    await f.link(c1.id, ref.id, 'exact');
    await f.link(rel.id, d1.id, 'related');
    const { educator, user } = await f.createEducatorUser({ districtId, schoolId: schoolA });
    candidateId = (
      await f.createCandidate({ districtId, educatorId: educator.id, roleId }, [{ to: 'engaged', daysAgo: 40 }])
    ).id;
    hr = await t.login((await f.createUser({ role: 'hr', districtId })).email);
    principalB = await t.login((await f.createUser({ role: 'principal', districtId, schoolIds: [schoolB] })).email);
    candidateToken = await t.login(user.email);
  });
  afterAll(() => t.close());

  const as = (token: string) => ({
    get: (path: string) => t.http().get(path).auth(token, { type: 'bearer' }),
    put: (path: string, body: object) => t.http().put(path).send(body).auth(token, { type: 'bearer' }),
    post: (path: string, body: object) => t.http().post(path).send(body).auth(token, { type: 'bearer' }),
  });

  it('lets hr set a role targets, checking each level against its rubric', async () => {
    const bad = await as(hr).put(`/api/leadership-roles/${roleId}/targets`, {
      targets: [{ competencyId: c1.id, targetLevel: 5 }],
    });
    expect(bad.body).toEqual(expected.validation({ 'targets.0.targetLevel': 'the rubric has 4 levels' }));
    expect((await as(principalB).put(`/api/leadership-roles/${roleId}/targets`, { targets: [] })).status).toBe(403);
    const ok = await as(hr).put(`/api/leadership-roles/${roleId}/targets`, {
      targets: [
        { competencyId: d1.id, targetLevel: 3 },
        { competencyId: c1.id, targetLevel: 3 },
        { competencyId: ref.id, targetLevel: 4 },
      ],
    });
    expect(ok.status).toBe(200);
    expect(
      ok.body.map((x: { code: string; targetLevel: number; scale: number }) => [x.code, x.targetLevel, x.scale]),
    ).toEqual([
      ['R1', 4, 5],
      ['D1', 3, 4],
      ['C1', 3, 4],
    ]);
  });

  it('computes the profile by hand-checkable rules: roll-up, exact carry with rescaling, related listed, gap', async () => {
    const add = (competencyId: string, level: number, observedOn: string, source = 'observation') =>
      as(hr).post('/api/evidence', { candidateId, competencyId, level, source, observedOn });
    await add(i1.id, 2, '2026-09-01'); // rolls up to C1 and D1; carried to R1 as 2/4 → 2.5 of 5 → 2
    await add(i1.id, 3, '2026-10-01', 'artifact'); // newer: C1 and D1 become 3; R1 becomes 3 (3.75 → 3)
    await add(ref.id, 5, '2026-10-01', 'feedback_360'); // same day on R1: ties take the higher, so R1 = 5; carried to C1 as 4
    const r2 = (await add(rel.id, 4, '2026-11-01')).body.id; // related to D1: listed, not counted
    const res = await as(hr).get(`/api/candidates/${candidateId}/competency-profile`);
    expect(res.status).toBe(200);
    const byCode = Object.fromEntries(res.body.map((e: { code: string }) => [e.code, e]));
    expect(byCode.R1).toEqual(
      expect.objectContaining({
        currentLevel: 5,
        targetLevel: 4,
        gap: -1,
        evidenceCount: 3,
        sources: ['artifact', 'feedback_360', 'observation'],
      }),
    );
    expect(byCode.C1).toEqual(expect.objectContaining({ currentLevel: 4, gap: -1, evidenceCount: 3 }));
    expect(byCode.D1).toEqual(
      expect.objectContaining({ currentLevel: 3, gap: 0, evidenceCount: 2, relatedEvidenceIds: [r2] }),
    );
  });

  it('is scoped like the candidate', async () => {
    expect((await as(principalB).get(`/api/candidates/${candidateId}/competency-profile`)).status).toBe(404);
    expect((await as(candidateToken).get(`/api/candidates/${candidateId}/competency-profile`)).status).toBe(200);
  });
});
