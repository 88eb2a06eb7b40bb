import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, TestApp } from '../test-app.js';

const PATH = [
  { to: 'engaged' as const, daysAgo: 90 },
  { to: 'developing' as const, daysAgo: 30 },
];

interface Suggestion {
  id: string;
  lastName: string;
  level: string;
  room: number;
  strengths: string[] | null;
  rank: number | null;
}
interface Mentorship {
  id: string;
  candidateId: string;
  mentorEducatorId: string;
  status: string;
  hours: number;
  yourPart: string;
  version: number;
}

/** Mentors (issue #19 part 3): marked by hr, suggested, requested, accepted within capacity, and no wider a door. */
describe('mentors', () => {
  let t: TestApp;
  let d: string;
  let ids: Record<
    | 'cand'
    | 'cand2'
    | 'cand3'
    | 'colleagueCand'
    | 'teacherEd'
    | 'zeller'
    | 'adams'
    | 'lineManager'
    | 'classroom'
    | 'noLogin'
    | 'crowded'
    | 'k1'
    | 'k2'
    | 'otherDistrictCand',
    string
  >;
  let tokens: Record<
    'hr' | 'coord' | 'principal' | 'teacher' | 'colleague' | 'zeller' | 'adams' | 'crowded' | 'otherHr',
    string
  >;
  const as = (token: string) => ({
    get: (url: string) => t.http().get(url).set('Authorization', `Bearer ${token}`),
    post: (url: string, body: object = {}) => t.http().post(url).set('Authorization', `Bearer ${token}`).send(body),
    put: (url: string, body: object) => t.http().put(url).set('Authorization', `Bearer ${token}`).send(body),
  });
  const taken = async (educatorId: string) =>
    ((await t.db.query('SELECT taken FROM mentors WHERE educator_id = $1', [educatorId])) as { taken: number }[])[0]!
      .taken;
  const mentorship = async (token: string, id: string) => {
    const res = await as(token).get(`/api/mentorships/${id}`);
    expect(res.status).toBe(200);
    return res.body as Mentorship;
  };

  beforeAll(async () => {
    t = await createTestApp();
    const f = t.factories;
    d = (await f.createDistrict()).id;
    const other = (await f.createDistrict()).id;
    const alder = (await f.createSchool({ districtId: d, name: 'Alder' })).id;
    const birch = (await f.createSchool({ districtId: d, name: 'Birch' })).id;
    const ap = (await f.createLeadershipRole({ districtId: d, title: 'Assistant principal', level: 'school' })).id;
    const principalRole = (await f.createLeadershipRole({ districtId: d, title: 'Principal', level: 'school' })).id;
    const director = (await f.createLeadershipRole({ districtId: d, title: 'Director', level: 'district' })).id;
    const framework = (await f.createFramework({ districtId: d })).id;
    const k1 = (await f.createCompetency({ frameworkId: framework, code: 'K1', title: 'Vision' })).id;
    const k2 = (await f.createCompetency({ frameworkId: framework, code: 'K2', title: 'Equity' })).id;
    await t.db.query(
      'INSERT INTO role_targets (role_id, competency_id, target_level) VALUES ($1, $2, 3), ($1, $3, 3)',
      [ap, k1, k2],
    );
    const hr = await f.createUser({ role: 'hr', districtId: d });
    const coord = await f.createUser({ role: 'coordinator', districtId: d });
    const { educator: teacher, user: teacherUser } = await f.createEducatorUser({ districtId: d, schoolId: alder });
    const { educator: colleague, user: colleagueUser } = await f.createEducatorUser({ districtId: d, schoolId: alder });
    // Mentors: Zeller leads Birch and showed Vision as a candidate; Adams is a district director without
    // evidence; the line manager leads Alder (the teacher's school); one is a classroom teacher; one has no login.
    const zeller = await f.createEducatorUser({ districtId: d, schoolId: birch, lastName: 'Zeller', firstName: 'Zoe' });
    const adams = await f.createEducatorUser({ districtId: d, schoolId: null, lastName: 'Adams', firstName: 'Ann' });
    const line = await f.createEducatorUser({ districtId: d, schoolId: alder, lastName: 'Line' });
    const classroom = await f.createEducatorUser({ districtId: d, schoolId: birch, lastName: 'Class' });
    const crowded = await f.createEducatorUser({ districtId: d, schoolId: birch, lastName: 'Crowded' });
    const noLogin = await f.createEducator({ districtId: d, schoolId: birch, lastName: 'Nologin' });
    await f.createPosition({
      districtId: d,
      roleId: principalRole,
      schoolId: birch,
      incumbentEducatorId: zeller.educator.id,
    });
    await f.createPosition({ districtId: d, roleId: director, incumbentEducatorId: adams.educator.id });
    await f.createPosition({
      districtId: d,
      roleId: principalRole,
      schoolId: alder,
      incumbentEducatorId: line.educator.id,
    });
    await f.createPosition({ districtId: d, roleId: director, incumbentEducatorId: crowded.educator.id });
    const zellerCand = (
      await f.createCandidate({ districtId: d, educatorId: zeller.educator.id, roleId: principalRole }, PATH)
    ).id;
    await f.createEvidence({
      districtId: d,
      candidateId: zellerCand,
      competencyId: k1,
      level: 4,
      recorderUserId: hr.id,
    });

    const cand = (await f.createCandidate({ districtId: d, educatorId: teacher.id, roleId: ap }, PATH)).id;
    const colleagueCand = (await f.createCandidate({ districtId: d, educatorId: colleague.id, roleId: ap }, PATH)).id;
    const cand2 = (
      await f.createCandidate(
        { districtId: d, educatorId: (await f.createEducator({ districtId: d, schoolId: birch })).id, roleId: ap },
        PATH,
      )
    ).id;
    const cand3 = (
      await f.createCandidate(
        { districtId: d, educatorId: (await f.createEducator({ districtId: d, schoolId: birch })).id, roleId: ap },
        PATH,
      )
    ).id;
    await f.createEvidence({ districtId: d, candidateId: cand, competencyId: k1, level: 1, recorderUserId: hr.id });
    const otherSchool = (await f.createSchool({ districtId: other })).id;
    const otherRole = (await f.createLeadershipRole({ districtId: other })).id;
    const otherEd = await f.createEducator({ districtId: other, schoolId: otherSchool });
    const otherDistrictCand = (
      await f.createCandidate({ districtId: other, educatorId: otherEd.id, roleId: otherRole }, PATH)
    ).id;
    ids = {
      cand,
      cand2,
      cand3,
      colleagueCand,
      teacherEd: teacher.id,
      zeller: zeller.educator.id,
      adams: adams.educator.id,
      lineManager: line.educator.id,
      classroom: classroom.educator.id,
      noLogin: noLogin.id,
      crowded: crowded.educator.id,
      k1,
      k2,
      otherDistrictCand,
    };
    const login = async (u: { email: string }) => t.login(u.email);
    tokens = {
      hr: await login(hr),
      coord: await login(coord),
      principal: await login(await f.createUser({ role: 'principal', districtId: d, schoolIds: [alder] })),
      teacher: await login(teacherUser),
      colleague: await login(colleagueUser),
      zeller: await login(zeller.user),
      adams: await login(adams.user),
      crowded: await login(crowded.user),
      otherHr: await login(await f.createUser({ role: 'hr', districtId: other })),
    };
  });

  afterAll(async () => {
    await t?.close();
  });

  it('hr marks mentors with a capacity; a mentor needs a login, and only hr marks', async () => {
    for (const id of [ids.zeller, ids.adams, ids.lineManager, ids.classroom]) {
      const res = await as(tokens.hr).put(`/api/educators/${id}/mentor`, { capacity: 2, active: true });
      expect(res.status).toBe(200);
    }
    const crowded = await as(tokens.hr).put(`/api/educators/${ids.crowded}/mentor`, { capacity: 0, active: true });
    expect(crowded.body).toMatchObject({ capacity: 0, taken: 0, active: true, level: 'district', hasLogin: true });
    const noLogin = await as(tokens.hr).put(`/api/educators/${ids.noLogin}/mentor`, { capacity: 2, active: true });
    expect(noLogin.status).toBe(400);
    expect(noLogin.body.errors.educatorId).toMatch(/login/);
    expect(
      (await as(tokens.coord).put(`/api/educators/${ids.adams}/mentor`, { capacity: 5, active: true })).status,
    ).toBe(403);
    expect(
      (await as(tokens.otherHr).put(`/api/educators/${ids.adams}/mentor`, { capacity: 5, active: true })).status,
    ).toBe(404);
    const bad = await as(tokens.hr).put(`/api/educators/${ids.adams}/mentor`, { capacity: 99, active: true });
    expect(bad.status).toBe(400);
    const list = await as(tokens.coord).get('/api/mentors?sort=["lastName","ASC"]');
    expect(list.status).toBe(200);
    expect((list.body as { lastName: string }[]).map((m) => m.lastName)).toEqual([
      'Adams',
      'Class',
      'Crowded',
      'Line',
      'Zeller',
    ]);
    expect((await as(tokens.teacher).get('/api/mentors')).status).toBe(403);
  });

  it('suggests mentors with room, at the role level or the next, never the line manager; ranked for the program only', async () => {
    const staff = await as(tokens.coord).get(`/api/candidates/${ids.cand}/mentor-suggestions`);
    expect(staff.status).toBe(200);
    expect(staff.body.gaps).toEqual(['Equity', 'Vision']);
    const ranked = staff.body.mentors as Suggestion[];
    expect(ranked.map((m) => [m.lastName, m.rank, m.strengths])).toEqual([
      ['Zeller', 1, ['Vision']],
      ['Adams', 2, []],
    ]);
    expect(ranked.map((m) => m.level)).toEqual(['school', 'district']);

    const own = await as(tokens.teacher).get(`/api/candidates/${ids.cand}/mentor-suggestions`);
    expect(own.status).toBe(200);
    const shortlist = own.body.mentors as Suggestion[];
    expect(shortlist.map((m) => [m.lastName, m.rank, m.strengths, m.level, m.room])).toEqual([
      ['Adams', null, null, null, null],
      ['Zeller', null, null, null, null],
    ]);
    // The attacker: the candidate's answer does not change when a mentor's evidence does.
    const before = JSON.stringify(own.body);
    const adamsCand = (
      await t.factories.createCandidate(
        {
          districtId: d,
          educatorId: ids.adams,
          roleId: (await t.db.query('SELECT role_id FROM candidates WHERE id = $1', [ids.cand]))[0].role_id,
        },
        PATH,
      )
    ).id;
    const hrId = (
      (await t.db.query(`SELECT id FROM users WHERE district_id = $1 AND role = 'hr'`, [d])) as { id: string }[]
    )[0]!.id;
    for (const k of [ids.k1, ids.k2]) {
      await t.factories.createEvidence({
        districtId: d,
        candidateId: adamsCand,
        competencyId: k,
        level: 4,
        recorderUserId: hrId,
      });
    }
    const after = await as(tokens.teacher).get(`/api/candidates/${ids.cand}/mentor-suggestions`);
    expect(JSON.stringify(after.body)).toBe(before);
    const reranked = (await as(tokens.coord).get(`/api/candidates/${ids.cand}/mentor-suggestions`)).body
      .mentors as Suggestion[];
    expect(reranked.map((m) => m.lastName)).toEqual(['Adams', 'Zeller']);

    expect((await as(tokens.principal).get(`/api/candidates/${ids.cand}/mentor-suggestions`)).status).toBe(403);
    expect((await as(tokens.colleague).get(`/api/candidates/${ids.cand}/mentor-suggestions`)).status).toBe(404);
    expect((await as(tokens.hr).get(`/api/candidates/${ids.otherDistrictCand}/mentor-suggestions`)).status).toBe(404);
  });

  it('takes a request from the candidate, one open at a time, and tells the mentor', async () => {
    // No room, a classroom teacher for a school role, oneself, or someone not a mentor: one neutral answer,
    // so that requests do not tell a candidate about a colleague.
    const answers = new Set<string>();
    for (const mentorEducatorId of [ids.crowded, ids.classroom, ids.teacherEd, ids.noLogin, ids.lineManager]) {
      const res = await as(tokens.teacher).post(`/api/candidates/${ids.cand}/mentorships`, { mentorEducatorId });
      expect(res.status).toBe(400);
      answers.add(JSON.stringify([res.body.message, res.body.errors]));
    }
    expect(answers.size).toBe(1);
    const self = await as(tokens.hr).post(`/api/candidates/${ids.cand}/mentorships`, {
      mentorEducatorId: ids.teacherEd,
    });
    expect(self.status).toBe(400);
    expect(
      (await as(tokens.principal).post(`/api/candidates/${ids.cand}/mentorships`, { mentorEducatorId: ids.zeller }))
        .status,
    ).toBe(403);
    expect(
      (await as(tokens.colleague).post(`/api/candidates/${ids.cand}/mentorships`, { mentorEducatorId: ids.zeller }))
        .status,
    ).toBe(404);

    const res = await as(tokens.teacher).post(`/api/candidates/${ids.cand}/mentorships`, {
      mentorEducatorId: ids.zeller,
      message: 'I would like to grow my vision work',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'requested', yourPart: 'mentee', hours: 0 });
    const again = await as(tokens.teacher).post(`/api/candidates/${ids.cand}/mentorships`, {
      mentorEducatorId: ids.adams,
    });
    expect(again.status).toBe(409);
    await t.drainJobs();
    const [note]: { title: string }[] = await t.db.query(
      `SELECT n.title FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE u.educator_id = $1 AND n.kind = 'mentorship.requested'`,
      [ids.zeller],
    );
    expect(note?.title).toMatch(/asks you to be their mentor/);

    // The mentor sees the request; nobody else's.
    const mine = await as(tokens.zeller).get('/api/mentorships');
    expect((mine.body as Mentorship[]).map((m) => [m.id, m.yourPart])).toEqual([[res.body.id, 'mentor']]);
    expect((await as(tokens.adams).get('/api/mentorships')).body).toEqual([]);
    expect((await as(tokens.adams).get(`/api/mentorships/${res.body.id}`)).status).toBe(404);
    expect((await as(tokens.principal).get(`/api/mentorships/${res.body.id}`)).status).toBe(200);
  });

  it('lets only the mentor answer; on acceptance the mentor reads the plan and nothing else of the record', async () => {
    const [open] = (await as(tokens.teacher).get(`/api/mentorships?filter={"candidateId":"${ids.cand}"}`))
      .body as Mentorship[];
    // Before acceptance the mentor has no door to the plan.
    expect((await as(tokens.zeller).get(`/api/candidates/${ids.cand}/development-plan`)).status).toBe(404);
    const byCandidate = await as(tokens.teacher).post(`/api/mentorships/${open!.id}/answer`, {
      accept: true,
      version: open!.version,
    });
    expect(byCandidate.status).toBe(403);
    expect(
      (await as(tokens.adams).post(`/api/mentorships/${open!.id}/answer`, { accept: true, version: 1 })).status,
    ).toBe(404);
    const stale = await as(tokens.zeller).post(`/api/mentorships/${open!.id}/answer`, { accept: true, version: 999 });
    expect(stale.status).toBe(409);
    const ok = await as(tokens.zeller).post(`/api/mentorships/${open!.id}/answer`, {
      accept: true,
      answer: 'Gladly',
      version: open!.version,
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'active', yourPart: 'mentor', answer: 'Gladly' });
    expect(await taken(ids.zeller)).toBe(1);
    const candidate = await as(tokens.coord).get(`/api/candidates/${ids.cand}`);
    expect(candidate.body.mentorEducatorId).toBe(ids.zeller);
    await t.drainJobs();
    const [note]: { title: string }[] = await t.db.query(
      `SELECT title FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE u.educator_id = $1 AND n.kind = 'mentorship.answered'`,
      [ids.teacherEd],
    );
    expect(note?.title).toMatch(/is your mentor/);

    await as(tokens.teacher).post(`/api/candidates/${ids.cand}/development-plan`);
    const plan = await as(tokens.zeller).get(`/api/candidates/${ids.cand}/development-plan`);
    expect(plan.status).toBe(200);
    expect(plan.body.draft.actions.length).toBeGreaterThan(0);
    expect((await as(tokens.zeller).get(`/api/development-plans/${plan.body.draft.id}`)).status).toBe(200);
    // Nothing else: the candidacy, its profile, readiness, evidence, assignments, the educator record.
    for (const url of [
      `/api/candidates/${ids.cand}`,
      `/api/candidates/${ids.cand}/competency-profile`,
      `/api/candidates/${ids.cand}/readiness`,
      `/api/educators/${ids.teacherEd}/career-profile`,
      `/api/educators/${ids.teacherEd}/credentials`,
    ]) {
      expect([url, (await as(tokens.zeller).get(url)).status]).toEqual([url, 404]);
    }
    for (const url of [
      `/api/evidence?filter={"candidateId":"${ids.cand}"}`,
      `/api/assignments?filter={"candidateId":"${ids.cand}"}`,
      `/api/candidates?filter={"id":["${ids.cand}"]}`,
    ]) {
      const res = await as(tokens.zeller).get(url);
      expect([url, res.status, JSON.stringify(res.body).includes(ids.cand)]).toEqual([url, 200, false]);
    }
    // The mentor cannot change the plan either.
    expect(
      (await as(tokens.zeller).post(`/api/development-plans/${plan.body.draft.id}/agreement`, { version: 1 })).status,
    ).toBe(404);
  });

  it('names the mentor on the candidacy only through a mentorship', async () => {
    const c = await as(tokens.coord).get(`/api/candidates/${ids.cand}`);
    expect(c.body.mentorEducatorId).toBe(ids.zeller);
    const res = await as(tokens.coord).put(`/api/candidates/${ids.cand}`, { ...c.body, mentorEducatorId: ids.adams });
    expect(res.status).toBe(400);
    expect(res.body.errors.mentorEducatorId).toMatch(/mentorships/);
  });

  it('logs sessions from either side, once, in the past, while active', async () => {
    const [ms] = (await as(tokens.teacher).get(`/api/mentorships?filter={"status":"active"}`)).body as Mentorship[];
    const today = new Date().toISOString().slice(0, 10);
    const a = await as(tokens.teacher).post(`/api/mentorships/${ms!.id}/sessions`, {
      heldOn: today,
      minutes: 60,
      topic: 'Vision statement draft',
    });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ minutes: 60, loggedBy: 'mentee' });
    const b = await as(tokens.zeller).post(`/api/mentorships/${ms!.id}/sessions`, { heldOn: today, minutes: 30 });
    expect(b.body.loggedBy).toBe('mentor');
    const future = await as(tokens.zeller).post(`/api/mentorships/${ms!.id}/sessions`, {
      heldOn: '2999-01-01',
      minutes: 30,
    });
    expect(future.status).toBe(400);
    expect(
      (await as(tokens.zeller).post(`/api/mentorships/${ms!.id}/sessions`, { heldOn: today, minutes: 2 })).status,
    ).toBe(400);
    expect(
      (await as(tokens.colleague).post(`/api/mentorships/${ms!.id}/sessions`, { heldOn: today, minutes: 30 })).status,
    ).toBe(404);
    expect(
      (await as(tokens.coord).post(`/api/mentorships/${ms!.id}/sessions`, { heldOn: today, minutes: 30 })).status,
    ).toBe(403);
    expect((await mentorship(tokens.coord, ms!.id)).hours).toBe(1.5);
    const sessions = await as(tokens.principal).get(`/api/mentorships/${ms!.id}/sessions`);
    expect((sessions.body as { minutes: number }[]).map((s) => s.minutes).sort()).toEqual([30, 60]);
  });

  it('keeps a mentor within capacity when two acceptances race for the last place', async () => {
    await as(tokens.hr).put(`/api/educators/${ids.crowded}/mentor`, { capacity: 1, active: true });
    const requests: Mentorship[] = [];
    for (const c of [ids.cand2, ids.cand3]) {
      const res = await as(tokens.coord).post(`/api/candidates/${c}/mentorships`, { mentorEducatorId: ids.crowded });
      expect(res.status).toBe(201);
      requests.push(res.body as Mentorship);
    }
    const answers = await Promise.all(
      requests.map((r) =>
        as(tokens.crowded).post(`/api/mentorships/${r.id}/answer`, { accept: true, version: r.version }),
      ),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await taken(ids.crowded)).toBe(1);
    const counted: { active: number }[] = await t.db.query(
      `SELECT count(*)::int AS active FROM mentorships WHERE mentor_educator_id = $1 AND status = 'active'`,
      [ids.crowded],
    );
    expect(counted[0]!.active).toBe(1);
    // The database is the backstop whatever the code does.
    await expect(
      t.db.query('UPDATE mentors SET taken = capacity + 1 WHERE educator_id = $1', [ids.crowded]),
    ).rejects.toThrow(/ck_mentors_taken/);
    const lower = await as(tokens.hr).put(`/api/educators/${ids.crowded}/mentor`, { capacity: 0, active: true });
    expect(lower.status).toBe(409);
  });

  it('frees the place when a mentorship ends or its candidacy exits', async () => {
    const [ms] = (await as(tokens.teacher).get(`/api/mentorships?filter={"status":"active"}`)).body as Mentorship[];
    const ended = await as(tokens.teacher).post(`/api/mentorships/${ms!.id}/end`, { version: ms!.version });
    expect(ended.status).toBe(200);
    expect(ended.body.status).toBe('ended');
    expect(await taken(ids.zeller)).toBe(0);
    expect((await as(tokens.coord).get(`/api/candidates/${ids.cand}`)).body.mentorEducatorId).toBeNull();
    expect((await as(tokens.zeller).get(`/api/candidates/${ids.cand}/development-plan`)).status).toBe(404);
    // Hours stay on the record.
    expect((await mentorship(tokens.teacher, ms!.id)).hours).toBe(1.5);

    const [active] = (
      await as(tokens.coord).get(`/api/mentorships?filter={"mentorEducatorId":"${ids.crowded}","status":"active"}`)
    ).body as Mentorship[];
    const c = (await as(tokens.coord).get(`/api/candidates/${active!.candidateId}`)).body as { stage: string };
    const exit = await as(tokens.coord).post(`/api/candidates/${active!.candidateId}/transitions`, {
      to: 'exited',
      expectedStage: c.stage,
      reason: 'Moved away',
      exitReason: 'left_district',
    });
    expect(exit.status).toBe(201);
    expect((await mentorship(tokens.coord, active!.id)).status).toBe('ended');
    expect(await taken(ids.crowded)).toBe(0);
  });

  it('withdraws the requests to a mentor hr retires, and a pending request when its candidacy exits', async () => {
    await as(tokens.hr).put(`/api/educators/${ids.adams}/mentor`, { capacity: 2, active: true });
    const pending = await as(tokens.teacher).post(`/api/candidates/${ids.cand}/mentorships`, {
      mentorEducatorId: ids.adams,
    });
    expect(pending.status).toBe(201);
    const retired = await as(tokens.hr).put(`/api/educators/${ids.adams}/mentor`, { capacity: 2, active: false });
    expect(retired.status).toBe(200);
    expect((await mentorship(tokens.teacher, pending.body.id)).status).toBe('withdrawn');
    await as(tokens.hr).put(`/api/educators/${ids.adams}/mentor`, { capacity: 2, active: true });

    const again = await as(tokens.teacher).post(`/api/candidates/${ids.cand}/mentorships`, {
      mentorEducatorId: ids.adams,
    });
    expect(again.status).toBe(201);
    const c = (await as(tokens.coord).get(`/api/candidates/${ids.cand}`)).body as { stage: string };
    const exit = await as(tokens.coord).post(`/api/candidates/${ids.cand}/transitions`, {
      to: 'exited',
      expectedStage: c.stage,
      reason: 'Took a post elsewhere',
      exitReason: 'left_district',
    });
    expect(exit.status).toBe(201);
    expect((await mentorship(tokens.teacher, again.body.id)).status).toBe('withdrawn');
    expect(await taken(ids.adams)).toBe(0);
  });
});
