import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { expected } from '../expected-errors.js';
import { createTestApp, TestApp } from '../test-app.js';

type Who = 'hr' | 'sup' | 'coord' | 'principalA' | 'principalB' | 'otherHr' | 'me' | 'colleague';

const DAY = 86_400_000;
const dayOffset = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

describe('/api/opportunities/:id/interest and /api/opportunity-interests', () => {
  let t: TestApp;
  let districtId: string;
  let schoolA: string;
  let me: { educatorId: string; userId: string; candidateId: string };
  let open: { id: string };
  let ended: { id: string };
  let foreign: { id: string };
  let tokens: Record<Who, string>;

  beforeAll(async () => {
    t = await createTestApp();
    const f = t.factories;
    districtId = (await f.createDistrict()).id;
    const otherId = (await f.createDistrict()).id;
    schoolA = (await f.createSchool({ districtId, name: 'Alder High' })).id;
    const schoolB = (await f.createSchool({ districtId })).id;
    const roleId = (await f.createLeadershipRole({ districtId, title: 'Assistant principal' })).id;
    const mine = await f.createEducatorUser({
      districtId,
      schoolId: schoolA,
      firstName: 'Rosa',
      lastName: 'Quintero',
      jobTitle: 'Math teacher',
    });
    const colleague = await f.createEducatorUser({ districtId, schoolId: schoolA });
    const candidate = await f.createCandidate({ districtId, educatorId: mine.educator.id, roleId }, [
      { to: 'engaged', daysAgo: 10 },
    ]);
    me = { educatorId: mine.educator.id, userId: mine.user.id, candidateId: candidate.id };
    const vision = await f.createCompetency({ frameworkId: (await f.createFramework({ districtId })).id });
    open = await f.createOpportunity({ districtId, title: 'Visioning retreat', seats: 6, endsOn: dayOffset(60) }, [
      vision.id,
    ]);
    // Three days back: closed in every time zone, whatever the hour of the run.
    ended = await f.createOpportunity({
      districtId,
      title: 'Last spring’s curriculum review',
      startsOn: dayOffset(-120),
      endsOn: dayOffset(-3),
    });
    foreign = await f.createOpportunity({ districtId: otherId, title: 'Elsewhere' });
    const login = async (role: 'hr' | 'superintendent' | 'coordinator', d = districtId) =>
      t.login((await f.createUser({ role, districtId: d })).email);
    tokens = {
      hr: await login('hr'),
      sup: await login('superintendent'),
      coord: await login('coordinator'),
      principalA: await t.login((await f.createUser({ role: 'principal', districtId, schoolIds: [schoolA] })).email),
      principalB: await t.login((await f.createUser({ role: 'principal', districtId, schoolIds: [schoolB] })).email),
      otherHr: await login('hr', otherId),
      me: await t.login(mine.user.email),
      colleague: await t.login(colleague.user.email),
    };
  });
  afterAll(() => t.close());

  const as = (who: Who) => ({
    get: (path: string) => t.http().get(path).auth(tokens[who], { type: 'bearer' }),
    post: (path: string, body: object = {}) => t.http().post(path).send(body).auth(tokens[who], { type: 'bearer' }),
    del: (path: string) => t.http().delete(path).auth(tokens[who], { type: 'bearer' }),
  });
  const interestsOf = (who: Who, opportunityId: string) =>
    as(who).get(`/api/opportunity-interests?filter=${encodeURIComponent(JSON.stringify({ opportunityId }))}`);

  describe('POST and DELETE /api/opportunities/:id/interest', () => {
    it('requires authentication', async () => {
      expect((await t.http().post(`/api/opportunities/${open.id}/interest`)).body).toEqual(expected.unauthenticated);
      expect((await t.http().delete(`/api/opportunities/${open.id}/interest`)).body).toEqual(expected.unauthenticated);
    });

    it('is for educators only: other roles get 403', async () => {
      for (const who of ['hr', 'sup', 'coord', 'principalA'] as const) {
        expect((await as(who).post(`/api/opportunities/${open.id}/interest`)).body).toEqual(expected.forbidden);
        expect((await as(who).del(`/api/opportunities/${open.id}/interest`)).body).toEqual(expected.forbidden);
      }
    });

    it("answers 404 for another district's opportunity, and for one that does not exist", async () => {
      expect((await as('me').post(`/api/opportunities/${foreign.id}/interest`)).body).toEqual(expected.notFound);
      expect((await as('me').del(`/api/opportunities/${foreign.id}/interest`)).body).toEqual(expected.notFound);
      expect((await as('me').post('/api/opportunities/00000000-0000-4000-8000-000000000000/interest')).body).toEqual(
        expected.notFound,
      );
      expect(await t.db.query(`SELECT 1 FROM opportunity_interests`)).toEqual([]);
    });

    it('refuses a closed opportunity with 409, and says it is closed', async () => {
      const res = await as('me').post(`/api/opportunities/${ended.id}/interest`);
      expect(res.status).toBe(409);
      expect(res.body).toEqual(
        expect.objectContaining({ code: 'conflict', message: expect.stringMatching(/it is closed/) }),
      );
      expect((await as('me').get(`/api/opportunities/${ended.id}`)).body).toMatchObject({
        closed: true,
        interestedAt: null,
      });
    });

    it('records the interest once (201, then 200 with the same time), and the audit log names the educator', async () => {
      const first = await as('me').post(`/api/opportunities/${open.id}/interest`);
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        id: open.id,
        closed: false,
        interestCount: 1,
        interestedAt: expect.any(String),
      });
      const again = await as('me').post(`/api/opportunities/${open.id}/interest`);
      expect(again.status).toBe(200);
      expect(again.body.interestedAt).toBe(first.body.interestedAt);
      expect(again.body.interestCount).toBe(1);
      // Only the educator's own interest comes back on the opportunity.
      expect((await as('colleague').get(`/api/opportunities/${open.id}`)).body).toMatchObject({
        interestCount: 1,
        interestedAt: null,
      });
      expect((await as('coord').get(`/api/opportunities/${open.id}`)).body.interestedAt).toBeNull();
      const audit: { action: string; actor_user_id: string; district_id: string }[] = await t.db.query(
        `SELECT action, actor_user_id, district_id FROM audit_log WHERE entity = 'opportunity_interests'`,
      );
      expect(audit).toEqual([{ action: 'create', actor_user_id: me.userId, district_id: districtId }]);
    });

    it('withdraws it (200, idempotent), audited', async () => {
      const res = await as('colleague').post(`/api/opportunities/${open.id}/interest`);
      expect(res.status).toBe(201);
      const withdrawn = await as('colleague').del(`/api/opportunities/${open.id}/interest`);
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body).toMatchObject({ id: open.id, interestedAt: null, interestCount: 1 });
      const again = await as('colleague').del(`/api/opportunities/${open.id}/interest`);
      expect(again.status).toBe(200);
      expect(again.body.interestCount).toBe(1);
      const actions: { action: string }[] = await t.db.query(
        `SELECT action FROM audit_log WHERE entity = 'opportunity_interests' ORDER BY occurred_at`,
      );
      expect(actions.map((a) => a.action)).toEqual(['create', 'create', 'delete']);
    });
  });

  describe('GET /api/opportunity-interests', () => {
    it('requires authentication and is scoped like people data', async () => {
      expect((await t.http().get('/api/opportunity-interests')).body).toEqual(expected.unauthenticated);
      const row = {
        id: expect.any(String),
        districtId,
        opportunityId: open.id,
        opportunityTitle: 'Visioning retreat',
        educatorId: me.educatorId,
        firstName: 'Rosa',
        lastName: 'Quintero',
        jobTitle: 'Math teacher',
        schoolId: schoolA,
        schoolName: 'Alder High',
        candidacies: [{ id: me.candidateId, roleTitle: 'Assistant principal', stage: 'engaged' }],
        assignmentStatus: null,
        createdAt: expect.any(String),
      };
      for (const who of ['coord', 'hr', 'sup', 'principalA', 'me'] as const) {
        const res = await interestsOf(who, open.id);
        expect(res.status).toBe(200);
        expect(res.body).toEqual([row]);
        expect(res.headers['content-range']).toBe('opportunity-interests 0-0/1');
      }
      // A principal of another school, a colleague, another district: nobody.
      for (const who of ['principalB', 'colleague', 'otherHr'] as const) {
        const res = await interestsOf(who, open.id);
        expect(res.status).toBe(200);
        expect(res.body).toEqual([]);
      }
    });

    it('names an unknown filter', async () => {
      const res = await as('coord').get(`/api/opportunity-interests?filter=${encodeURIComponent('{"stage":"x"}')}`);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('invalid_list_query');
    });

    it('lets the coordinator assign from the interest; the row then shows the assignment', async () => {
      const [interest] = (await interestsOf('coord', open.id)).body as { candidacies: { id: string }[] }[];
      const res = await as('coord').post('/api/assignments', {
        opportunityId: open.id,
        candidateId: interest!.candidacies[0]!.id,
      });
      expect(res.status).toBe(201);
      expect((await interestsOf('coord', open.id)).body[0].assignmentStatus).toBe('assigned');
    });
  });

  describe('seats and closing', () => {
    it('gives the educator the true seat count without the names of others on it', async () => {
      const f = t.factories;
      const roleId = (await f.createLeadershipRole({ districtId })).id;
      const coordinator = await f.createUser({ role: 'coordinator', districtId });
      const full = await f.createOpportunity({ districtId, title: 'Six seats', seats: 6 });
      for (let i = 0; i < 4; i++) {
        const e = await f.createEducator({ districtId, schoolId: schoolA });
        const c = await f.createCandidate({ districtId, educatorId: e.id, roleId }, [{ to: 'engaged', daysAgo: 3 }]);
        await f.createAssignment({
          districtId,
          opportunityId: full.id,
          candidateId: c.id,
          assignedByUserId: coordinator.id,
        });
      }
      const seen = (await as('me').get(`/api/opportunities/${full.id}`)).body;
      expect(seen).toMatchObject({ seats: 6, seatsTaken: 4, seatsLeft: 2 });
      expect((await as('hr').get(`/api/opportunities/${full.id}`)).body).toMatchObject({ seatsTaken: 4, seatsLeft: 2 });
      const listed = (await as('me').get(`/api/opportunities?filter=${encodeURIComponent('{"q":"Six seats"}')}`)).body;
      expect(listed).toEqual([expect.objectContaining({ seatsTaken: 4, seatsLeft: 2 })]);
      // The assignments themselves stay the others' own.
      const theirs = await as('me').get(
        `/api/assignments?filter=${encodeURIComponent(`{"opportunityId":"${full.id}"}`)}`,
      );
      expect(theirs.body).toEqual([]);
    });

    it('marks past opportunities closed, filters on it, and refuses to assign to them', async () => {
      const closedOnly = await as('me').get(`/api/opportunities?filter=${encodeURIComponent('{"closed":true}')}`);
      expect((closedOnly.body as { id: string }[]).map((o) => o.id)).toEqual([ended.id]);
      const openOnly = await as('me').get(`/api/opportunities?filter=${encodeURIComponent('{"closed":false}')}`);
      const ids = (openOnly.body as { id: string; closed: boolean }[]).map((o) => o.id);
      expect(ids).toContain(open.id);
      expect(ids).not.toContain(ended.id);
      // Ending today is still open: the last day is not over.
      const today = await t.factories.createOpportunity({ districtId, endsOn: dayOffset(0) });
      expect((await as('me').get(`/api/opportunities/${today.id}`)).body.closed).toBe(false);
      const assign = await as('coord').post('/api/assignments', {
        opportunityId: ended.id,
        candidateId: me.candidateId,
      });
      expect(assign.status).toBe(409);
      expect(assign.body.message).toMatch(/closed to new assignments/);
      expect(await t.db.query(`SELECT 1 FROM assignments WHERE opportunity_id = $1`, [ended.id])).toEqual([]);
    });

    it('does not let a PUT change the computed fields, and ignores them when sent back', async () => {
      const current = (await as('coord').get(`/api/opportunities/${open.id}`)).body;
      const res = await t
        .http()
        .put(`/api/opportunities/${open.id}`)
        .send({ ...current, closed: true, interestCount: 99, interestedAt: null, title: 'Visioning retreat 2027' })
        .auth(tokens.coord, { type: 'bearer' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ title: 'Visioning retreat 2027', closed: false, interestCount: 1 });
    });
  });
});
