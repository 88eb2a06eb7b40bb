import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, TestApp } from '../test-app.js';

const PATH = [
  { to: 'engaged' as const, daysAgo: 90 },
  { to: 'developing' as const, daysAgo: 30 },
];

/** Hours (issue #19 part 5): internship and mentoring hours by school year, against the role's targets. */
describe('hours', () => {
  let t: TestApp;
  let ids: Record<'cand' | 'other' | 'role', string>;
  let tokens: Record<'hr' | 'coord' | 'principal' | 'principal2' | 'teacher' | 'colleague', string>;
  const as = (token: string) => ({
    get: (url: string) => t.http().get(url).set('Authorization', `Bearer ${token}`),
    put: (url: string, body: object) => t.http().put(url).set('Authorization', `Bearer ${token}`).send(body),
  });
  const schoolYear = () => {
    const now = new Date();
    const y = now.getUTCMonth() >= 6 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
    return `${y}-${String((y + 1) % 100).padStart(2, '0')}`;
  };

  beforeAll(async () => {
    t = await createTestApp();
    const f = t.factories;
    const d = (await f.createDistrict()).id;
    const alder = (await f.createSchool({ districtId: d, name: 'Alder' })).id;
    const birch = (await f.createSchool({ districtId: d, name: 'Birch' })).id;
    const role = (await f.createLeadershipRole({ districtId: d, title: 'Principal', level: 'school' })).id;
    const untargeted = (await f.createLeadershipRole({ districtId: d, title: 'Coach', level: 'classroom' })).id;
    const hr = await f.createUser({ role: 'hr', districtId: d });
    const coord = await f.createUser({ role: 'coordinator', districtId: d });
    const { educator: teacher, user: teacherUser } = await f.createEducatorUser({ districtId: d, schoolId: alder });
    const { user: colleagueUser } = await f.createEducatorUser({ districtId: d, schoolId: alder });
    const mentor = await f.createEducator({ districtId: d, schoolId: birch });
    const cand = (await f.createCandidate({ districtId: d, educatorId: teacher.id, roleId: role }, PATH)).id;
    const other = (
      await f.createCandidate(
        {
          districtId: d,
          educatorId: (await f.createEducator({ districtId: d, schoolId: alder })).id,
          roleId: untargeted,
        },
        PATH,
      )
    ).id;
    const opp = (await f.createOpportunity({ districtId: d, hostSchoolId: alder, seats: 5 }, [])).id;
    const opp2 = (await f.createOpportunity({ districtId: d, hostSchoolId: alder, seats: 5 }, [])).id;
    const a = await f.createAssignment({
      districtId: d,
      opportunityId: opp,
      candidateId: cand,
      assignedByUserId: hr.id,
      status: 'in_progress',
      startedAt: new Date(),
    });
    const w = await f.createAssignment({
      districtId: d,
      opportunityId: opp2,
      candidateId: cand,
      assignedByUserId: hr.id,
    });
    await t.db.query(`UPDATE assignments SET hours_logged = 4 WHERE id = $1`, [a.id]);
    await t.db.query(`UPDATE assignments SET hours_logged = 3, status = 'withdrawn' WHERE id = $1`, [w.id]);
    await t.db.query('INSERT INTO mentors (educator_id, district_id, capacity, taken) VALUES ($1, $2, 2, 1)', [
      mentor.id,
      d,
    ]);
    const [ms]: { id: string }[] = await t.db.query(
      `INSERT INTO mentorships (district_id, candidate_id, mentor_educator_id, status, answered_at)
       VALUES ($1, $2, $3, 'active', now() - interval '20 days') RETURNING id`,
      [d, cand, mentor.id],
    );
    await t.db.query(
      `INSERT INTO mentoring_sessions (mentorship_id, district_id, held_on, minutes)
       VALUES ($1, $2, CURRENT_DATE - 10, 60), ($1, $2, CURRENT_DATE - 3, 30)`,
      [ms!.id, d],
    );
    ids = { cand, other, role };
    const login = async (u: { email: string }) => t.login(u.email);
    tokens = {
      hr: await login(hr),
      coord: await login(coord),
      principal: await login(await f.createUser({ role: 'principal', districtId: d, schoolIds: [alder] })),
      principal2: await login(await f.createUser({ role: 'principal', districtId: d, schoolIds: [birch] })),
      teacher: await login(teacherUser),
      colleague: await login(colleagueUser),
    };
  });

  afterAll(async () => {
    await t?.close();
  });

  it('lets hr set the targets of a role, within bounds', async () => {
    const role = (await as(tokens.hr).get(`/api/leadership-roles/${ids.role}`)).body;
    const bad = await as(tokens.hr).put(`/api/leadership-roles/${ids.role}`, { ...role, internshipHoursTarget: 0 });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors)).toEqual(['internshipHoursTarget']);
    const res = await as(tokens.hr).put(`/api/leadership-roles/${ids.role}`, {
      ...role,
      internshipHoursTarget: 10,
      mentoringHoursTarget: 2,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ internshipHoursTarget: 10, mentoringHoursTarget: 2 });
  });

  it("totals a candidacy's hours by kind and school year against the targets", async () => {
    for (const token of [tokens.teacher, tokens.coord, tokens.principal]) {
      const res = await as(token).get(`/api/candidates/${ids.cand}/hours`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        candidateId: ids.cand,
        // The withdrawn assignment's 3 hours do not count.
        internship: { total: 4, target: 10, byYear: [{ schoolYear: schoolYear(), hours: 4 }] },
        mentoring: { total: 1.5, target: 2, byYear: [{ schoolYear: expect.any(String), hours: 1.5 }] },
      });
    }
    expect((await as(tokens.colleague).get(`/api/candidates/${ids.cand}/hours`)).status).toBe(404);
    expect((await as(tokens.principal2).get(`/api/candidates/${ids.cand}/hours`)).status).toBe(404);
  });

  it('lists the candidacies behind their targets for the coordinator, the least advanced first', async () => {
    const res = await as(tokens.coord).get(
      `/api/candidate-hours?filter=${encodeURIComponent(JSON.stringify({ behind: true }))}`,
    );
    expect(res.status).toBe(200);
    // The role without targets is not listed; progress is the lesser share: 4 of 10 internship hours.
    expect(res.body).toEqual([
      expect.objectContaining({
        id: ids.cand,
        internshipHours: 4,
        internshipTarget: 10,
        mentoringHours: 1.5,
        mentoringTarget: 2,
        progress: 0.4,
        behind: true,
      }),
    ]);
    expect(res.headers['content-range']).toBe('candidate-hours 0-0/1');
    const ahead = await as(tokens.coord).get(
      `/api/candidate-hours?filter=${encodeURIComponent(JSON.stringify({ behind: false }))}`,
    );
    expect(ahead.body).toEqual([]);
    expect((await as(tokens.principal2).get('/api/candidate-hours')).body).toEqual([]);
    expect(((await as(tokens.teacher).get('/api/candidate-hours')).body as { id: string }[]).map((r) => r.id)).toEqual([
      ids.cand,
    ]);
    expect((await as(tokens.colleague).get('/api/candidate-hours')).body).toEqual([]);
    const sorted = await as(tokens.coord).get('/api/candidate-hours?sort=["lastName","ASC"]');
    expect(sorted.status).toBe(200);
  });
});
