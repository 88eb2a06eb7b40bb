import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, TestApp } from '../test-app.js';

const PATH = [
  { to: 'engaged' as const, daysAgo: 90 },
  { to: 'developing' as const, daysAgo: 30 },
];

interface Reflection {
  id: string;
  body: string;
  shareMentor: boolean;
  shareCoordinator: boolean;
  shareHr: boolean;
  evidenceId: string | null;
  own: boolean;
  version: number;
}

/**
 * Reflections (issue #19 part 4): private by default; shared per reflection with the mentor, the coordinators
 * or hr; a shared one ticks its plan action and may become evidence. The attacker is every other reader: the
 * principal, the superintendent, a colleague, the program before it is shared, the mentor before and after the
 * mentorship, and the audit log.
 */
describe('reflections', () => {
  let t: TestApp;
  let d: string;
  let ids: Record<
    'cand' | 'teacherEd' | 'mentorEd' | 'mentor2Ed' | 'attr1' | 'attr2' | 'k1' | 'otherK' | 'action' | 'mentorship',
    string
  >;
  let tokens: Record<
    'hr' | 'coord' | 'sup' | 'principal' | 'teacher' | 'colleague' | 'mentor' | 'mentor2' | 'otherHr',
    string
  >;
  const MARKER = 'zebra-quartz-private-thought';
  const as = (token: string) => ({
    get: (url: string) => t.http().get(url).set('Authorization', `Bearer ${token}`),
    post: (url: string, body: object = {}) => t.http().post(url).set('Authorization', `Bearer ${token}`).send(body),
    put: (url: string, body: object) => t.http().put(url).set('Authorization', `Bearer ${token}`).send(body),
    delete: (url: string) => t.http().delete(url).set('Authorization', `Bearer ${token}`),
  });
  const visible = async (token: string) => {
    const res = await as(token).get('/api/reflections');
    return res.status === 200 ? (res.body as Reflection[]).map((r) => r.body) : res.status;
  };
  const body = (
    r: Partial<Reflection> & { competencyIds?: string[]; planActionId?: string | null; prompt?: string | null } = {},
  ) => ({
    competencyIds: [ids.attr1],
    prompt: null,
    body: `${MARKER}: I held back in the team meeting.`,
    shareMentor: false,
    shareCoordinator: false,
    shareHr: false,
    ...r,
  });

  beforeAll(async () => {
    t = await createTestApp();
    const f = t.factories;
    d = (await f.createDistrict()).id;
    const other = (await f.createDistrict()).id;
    const alder = (await f.createSchool({ districtId: d, name: 'Alder' })).id;
    const birch = (await f.createSchool({ districtId: d, name: 'Birch' })).id;
    const role = (await f.createLeadershipRole({ districtId: d, title: 'Assistant principal', level: 'school' })).id;
    const portrait = (
      await f.createFramework({ districtId: null, key: 'portrait-of-a-leader', title: 'Portrait of a Leader' })
    ).id;
    const attr1 = (
      await f.createCompetency({
        frameworkId: portrait,
        code: 'POL-COL',
        title: 'Collaboration',
        description: 'Leaders build trust across teams. They share credit.',
      })
    ).id;
    const attr2 = (await f.createCompetency({ frameworkId: portrait, code: 'POL-ADV', title: 'Advocacy' })).id;
    const framework = (await f.createFramework({ districtId: d })).id;
    const k1 = (await f.createCompetency({ frameworkId: framework, code: 'K1', title: 'Vision' })).id;
    await t.db.query('INSERT INTO role_targets (role_id, competency_id, target_level) VALUES ($1, $2, 3)', [role, k1]);
    const otherFw = (await f.createFramework({ districtId: other })).id;
    const otherK = (await f.createCompetency({ frameworkId: otherFw })).id;
    const hr = await f.createUser({ role: 'hr', districtId: d });
    const coord = await f.createUser({ role: 'coordinator', districtId: d });
    const { educator: teacher, user: teacherUser } = await f.createEducatorUser({ districtId: d, schoolId: alder });
    const { user: colleagueUser } = await f.createEducatorUser({ districtId: d, schoolId: alder });
    const { educator: mentor, user: mentorUser } = await f.createEducatorUser({
      districtId: d,
      schoolId: birch,
      leadershipLevel: 'school',
    });
    const { educator: mentor2, user: mentor2User } = await f.createEducatorUser({ districtId: d, schoolId: birch });
    const cand = (await f.createCandidate({ districtId: d, educatorId: teacher.id, roleId: role }, PATH)).id;
    await t.db.query(
      'INSERT INTO mentors (educator_id, district_id, capacity, taken) VALUES ($1, $3, 2, 1), ($2, $3, 2, 0)',
      [mentor.id, mentor2.id, d],
    );
    const [ms]: { id: string }[] = await t.db.query(
      `INSERT INTO mentorships (district_id, candidate_id, mentor_educator_id, status, answered_at)
       VALUES ($1, $2, $3, 'active', now() - interval '10 days') RETURNING id`,
      [d, cand, mentor.id],
    );
    const [plan]: { id: string }[] = await t.db.query(
      `INSERT INTO development_plans (district_id, candidate_id, number, status, candidate_agreed_at, coordinator_agreed_at, agreed_at)
       VALUES ($1, $2, 1, 'agreed', now(), now(), now()) RETURNING id`,
      [d, cand],
    );
    const [action]: { id: string }[] = await t.db.query(
      `INSERT INTO plan_actions (plan_id, district_id, position, competency_id, kind, description, owner)
       VALUES ($1, $2, 1, $3, 'reflection', 'Reflect on how you build a shared vision', 'candidate') RETURNING id`,
      [plan!.id, d, k1],
    );
    ids = {
      cand,
      teacherEd: teacher.id,
      mentorEd: mentor.id,
      mentor2Ed: mentor2.id,
      attr1,
      attr2,
      k1,
      otherK,
      action: action!.id,
      mentorship: ms!.id,
    };
    const login = async (u: { email: string }) => t.login(u.email);
    tokens = {
      hr: await login(hr),
      coord: await login(coord),
      sup: await login(await f.createUser({ role: 'superintendent', districtId: d })),
      principal: await login(await f.createUser({ role: 'principal', districtId: d, schoolIds: [alder] })),
      teacher: await login(teacherUser),
      colleague: await login(colleagueUser),
      mentor: await login(mentorUser),
      mentor2: await login(mentor2User),
      otherHr: await login(await f.createUser({ role: 'hr', districtId: other })),
    };
  });

  afterAll(async () => {
    await t?.close();
  });

  it("offers the Portrait of a Leader's attributes with prompts drawn from each", async () => {
    const res = await as(tokens.teacher).get('/api/reflection-attributes');
    expect(res.status).toBe(200);
    expect(res.body.frameworkTitle).toBe('Portrait of a Leader');
    const collaboration = (res.body.attributes as { title: string; prompts: string[] }[]).find(
      (a) => a.title === 'Collaboration',
    )!;
    expect(collaboration.prompts[0]).toMatch(/^"Leaders build trust across teams\."/);
  });

  it('keeps a new reflection private: no other reader, list, item or audit entry shows its words', async () => {
    const res = await as(tokens.teacher).post(
      '/api/reflections',
      body({ prompt: 'Where did collaboration ask the most of you?' }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ own: true, shareMentor: false, shareCoordinator: false, shareHr: false });
    const id = res.body.id as string;
    expect(await visible(tokens.teacher)).toEqual([expect.stringContaining(MARKER)]);
    for (const who of ['coord', 'hr', 'mentor', 'colleague'] as const) {
      expect([who, await visible(tokens[who])]).toEqual([who, []]);
      expect([who, (await as(tokens[who]).get(`/api/reflections/${id}`)).status]).toEqual([who, 404]);
    }
    for (const who of ['principal', 'sup'] as const) {
      expect([who, await visible(tokens[who])]).toEqual([who, 403]);
      expect([who, (await as(tokens[who]).get(`/api/reflections/${id}`)).status]).toEqual([who, 403]);
    }
    expect((await as(tokens.otherHr).get(`/api/reflections/${id}`)).status).toBe(404);
    // The audit log (hr and the superintendent read it) does not even say that a reflection was written.
    for (const who of ['hr', 'sup'] as const) {
      const log = await as(tokens[who]).get(
        `/api/audit-log?filter=${encodeURIComponent(JSON.stringify({ entity: 'reflections' }))}`,
      );
      expect([who, log.status, log.body]).toEqual([who, 200, []]);
      const all = await as(tokens[who]).get('/api/audit-log?range=[0,999]');
      expect(JSON.stringify(all.body)).not.toContain(MARKER);
      expect(JSON.stringify(all.body)).not.toContain(id);
    }
    // Nobody but the author edits or deletes it.
    for (const who of ['mentor', 'colleague'] as const) {
      expect((await as(tokens[who]).put(`/api/reflections/${id}`, { ...body(), version: 1 })).status).toBe(404);
      expect((await as(tokens[who]).delete(`/api/reflections/${id}`)).status).toBe(404);
    }
    expect((await as(tokens.coord).delete(`/api/reflections/${id}`)).status).toBe(403);
  });

  it('shares a reflection with exactly whom the author chose, and the mentor only while mentoring', async () => {
    const [mine] = (await as(tokens.teacher).get('/api/reflections')).body as Reflection[];
    const withMentor = await as(tokens.teacher).put(`/api/reflections/${mine!.id}`, {
      ...body({ shareMentor: true }),
      version: mine!.version,
    });
    expect(withMentor.status).toBe(200);
    expect(await visible(tokens.mentor)).toEqual([expect.stringContaining(MARKER)]);
    expect(await visible(tokens.coord)).toEqual([]);
    expect(await visible(tokens.hr)).toEqual([]);
    const withCoord = await as(tokens.teacher).put(`/api/reflections/${mine!.id}`, {
      ...body({ shareMentor: true, shareCoordinator: true }),
      version: withMentor.body.version,
    });
    expect(await visible(tokens.coord)).toEqual([expect.stringContaining(MARKER)]);
    expect(await visible(tokens.hr)).toEqual([]);
    // The mentorship ends: the mentor no longer reads it, and the next mentor does not inherit it.
    await t.db.query(`UPDATE mentorships SET status = 'ended', ended_at = now() WHERE id = $1`, [ids.mentorship]);
    expect(await visible(tokens.mentor)).toEqual([]);
    expect((await as(tokens.mentor).get(`/api/reflections/${mine!.id}`)).status).toBe(404);
    const [next]: { id: string }[] = await t.db.query(
      `INSERT INTO mentorships (district_id, candidate_id, mentor_educator_id, status, answered_at)
       VALUES ($1, $2, $3, 'active', now()) RETURNING id`,
      [d, ids.cand, ids.mentor2Ed],
    );
    expect(await visible(tokens.mentor2)).toEqual([]);
    await t.db.query(`UPDATE mentorships SET status = 'ended', ended_at = now() WHERE id = $1`, [next!.id]);
    await t.db.query(`UPDATE mentorships SET status = 'active', ended_at = NULL WHERE id = $1`, [ids.mentorship]);
    expect(await visible(tokens.mentor)).toEqual([expect.stringContaining(MARKER)]);
    expect(withCoord.body.shareCoordinator).toBe(true);
    // Shared with hr only: hr reads it, the coordinators do not.
    const hrOnly = await as(tokens.teacher).post('/api/reflections', body({ body: 'For hr only', shareHr: true }));
    expect(await visible(tokens.hr)).toEqual(['For hr only']);
    expect(await visible(tokens.coord)).not.toContain('For hr only');
    await as(tokens.teacher).delete(`/api/reflections/${hrOnly.body.id}`);
    expect(await visible(tokens.hr)).toEqual([]);
    // With no mentor, there is nobody to share it with as "my mentor".
    const lonely = await as(tokens.colleague).post('/api/reflections', body({ shareMentor: true }));
    expect(lonely.status).toBe(400);
    expect(Object.keys(lonely.body.errors)).toEqual(['shareMentor']);
  });

  it('filters by attribute, and refuses what is not the author’s to name', async () => {
    await as(tokens.teacher).post('/api/reflections', body({ competencyIds: [ids.attr2], body: 'On advocacy' }));
    const byAttr = await as(tokens.teacher).get(
      `/api/reflections?filter=${encodeURIComponent(JSON.stringify({ competencyId: ids.attr2 }))}`,
    );
    expect((byAttr.body as Reflection[]).map((r) => r.body)).toEqual(['On advocacy']);
    for (const [bad, field] of [
      [body({ competencyIds: [] }), 'competencyIds'],
      [body({ competencyIds: [ids.otherK] }), 'competencyIds'],
      [body({ body: '   ' }), 'body'],
      [body({ planActionId: '00000000-0000-4000-8000-000000000000' }), 'planActionId'],
    ] as const) {
      const res = await as(tokens.teacher).post('/api/reflections', bad);
      expect([field, res.status, Object.keys(res.body.errors ?? {})]).toEqual([field, 400, [field]]);
    }
    expect((await as(tokens.colleague).post('/api/reflections', body({ planActionId: ids.action }))).status).toBe(400);
    expect((await as(tokens.coord).post('/api/reflections', body())).status).toBe(403);
  });

  it('ticks the plan action it answers once shared, not while private', async () => {
    const res = await as(tokens.teacher).post(
      '/api/reflections',
      body({ competencyIds: [ids.attr1], body: 'A shared vision starts with listening.', planActionId: ids.action }),
    );
    expect(res.status).toBe(201);
    const done = async () =>
      (
        (await t.db.query('SELECT done_at FROM plan_actions WHERE id = $1', [ids.action])) as { done_at: Date | null }[]
      )[0]!.done_at;
    expect(await done()).toBeNull();
    await as(tokens.teacher).put(`/api/reflections/${res.body.id}`, {
      ...body({ body: 'A shared vision starts with listening.', planActionId: ids.action, shareCoordinator: true }),
      version: res.body.version,
    });
    expect(await done()).not.toBeNull();
  });

  it('makes a shared reflection self-reflection evidence on her own candidacy, once', async () => {
    const [shared] = ((await as(tokens.teacher).get('/api/reflections')).body as Reflection[]).filter(
      (r) => r.shareCoordinator && r.body.includes(MARKER),
    );
    const privateOne = ((await as(tokens.teacher).get('/api/reflections')).body as Reflection[]).find(
      (r) => r.body === 'On advocacy',
    )!;
    const refused = await as(tokens.teacher).post(`/api/reflections/${privateOne.id}/evidence`, {
      candidateId: ids.cand,
      competencyId: ids.k1,
      level: 2,
      version: privateOne.version,
    });
    expect(refused.status).toBe(409);
    const res = await as(tokens.teacher).post(`/api/reflections/${shared!.id}/evidence`, {
      candidateId: ids.cand,
      competencyId: ids.k1,
      level: 2,
      version: shared!.version,
    });
    expect(res.status).toBe(200);
    expect(res.body.evidenceId).toEqual(expect.any(String));
    const evidence = await as(tokens.coord).get(`/api/evidence/${res.body.evidenceId}`);
    expect(evidence.body).toMatchObject({ source: 'self_reflection', level: 2, candidateId: ids.cand });
    const again = await as(tokens.teacher).post(`/api/reflections/${shared!.id}/evidence`, {
      candidateId: ids.cand,
      competencyId: ids.k1,
      level: 2,
      version: res.body.version,
    });
    expect(again.status).toBe(409);
    // As evidence its words are read where evidence is: it cannot claim to be private again.
    const unshare = await as(tokens.teacher).put(`/api/reflections/${shared!.id}`, {
      ...body(),
      version: res.body.version,
    });
    expect(unshare.status).toBe(409);
  });
});
