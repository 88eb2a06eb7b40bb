import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { expected } from '../expected-errors.js';
import { createTestApp, TestApp } from '../test-app.js';

type Who = 'hr' | 'sup' | 'coord' | 'principalA' | 'principalB' | 'otherHr' | 'me' | 'colleague';

describe('/api/opportunities and /api/assignments', () => {
  let t: TestApp;
  let districtId: string;
  let roleId: string;
  let schoolA: string;
  let coordinatorId: string;
  let vision: { id: string };
  let plc: { id: string };
  let foreignNode: { id: string };
  let foreignSchool: string;
  let myCandidate: { id: string };
  let identifiedCandidate: { id: string };
  let tokens: Record<Who, string>;

  beforeAll(async () => {
    t = await createTestApp();
    const f = t.factories;
    districtId = (await f.createDistrict()).id;
    const otherId = (await f.createDistrict()).id;
    schoolA = (await f.createSchool({ districtId })).id;
    const schoolB = (await f.createSchool({ districtId })).id;
    foreignSchool = (await f.createSchool({ districtId: otherId })).id;
    roleId = (await f.createLeadershipRole({ districtId })).id;
    const me = await f.createEducatorUser({ districtId, schoolId: schoolA });
    const colleague = await f.createEducatorUser({ districtId, schoolId: schoolA });
    myCandidate = await f.createCandidate({ districtId, educatorId: me.educator.id, roleId }, [
      { to: 'engaged', daysAgo: 20 },
    ]);
    identifiedCandidate = await f.createCandidate({ districtId, educatorId: colleague.educator.id, roleId });
    const framework = await f.createFramework({
      districtId,
      shortName: 'RLF',
      rubric: [
        { level: 1, label: 'Beginning' },
        { level: 2, label: 'Applying' },
        { level: 3, label: 'Leading' },
      ],
    });
    vision = await f.createCompetency({ frameworkId: framework.id, code: 'RLF-1', title: 'Vision' });
    plc = await f.createCompetency({ frameworkId: framework.id, code: 'RLF-2', title: 'Leading a PLC' });
    foreignNode = await f.createCompetency({ frameworkId: (await f.createFramework({ districtId: otherId })).id });
    const coordinator = await f.createUser({ role: 'coordinator', districtId });
    coordinatorId = coordinator.id;
    const login = async (role: 'hr' | 'superintendent', d = districtId) =>
      t.login((await f.createUser({ role, districtId: d })).email);
    tokens = {
      hr: await login('hr'),
      sup: await login('superintendent'),
      coord: await t.login(coordinator.email),
      principalA: await t.login((await f.createUser({ role: 'principal', districtId, schoolIds: [schoolA] })).email),
      principalB: await t.login((await f.createUser({ role: 'principal', districtId, schoolIds: [schoolB] })).email),
      otherHr: await login('hr', otherId),
      me: await t.login(me.user.email),
      colleague: await t.login(colleague.user.email),
    };
  });
  afterAll(() => t.close());

  const as = (who: Who) => ({
    get: (path: string) => t.http().get(path).auth(tokens[who], { type: 'bearer' }),
    post: (path: string, body: object) => t.http().post(path).send(body).auth(tokens[who], { type: 'bearer' }),
    put: (path: string, body: object) => t.http().put(path).send(body).auth(tokens[who], { type: 'bearer' }),
    del: (path: string) => t.http().delete(path).auth(tokens[who], { type: 'bearer' }),
  });
  // Relative to today: an opportunity whose end has passed is closed and takes no assignments.
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const STARTS = day(-90);
  const ENDS = day(60);
  const opportunity = (overrides: object = {}) => ({
    title: 'Lead the ninth-grade visioning retreat',
    type: 'project',
    level: 'school',
    hostSchoolId: schoolA,
    seats: 3,
    startsOn: STARTS,
    endsOn: ENDS,
    hours: 24,
    description: 'Plan and facilitate the retreat with students and families.',
    competencyIds: [vision.id, plc.id],
    ...overrides,
  });
  const count = async (sql: string, params: unknown[] = []) =>
    Number(((await t.db.query(sql, params)) as { n: string }[])[0]!.n);

  describe('opportunities', () => {
    it('lets a coordinator create one, and everyone in the district read it', async () => {
      const res = await as('coord').post('/api/opportunities', opportunity());
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        title: 'Lead the ninth-grade visioning retreat',
        seats: 3,
        seatsTaken: 0,
        seatsLeft: 3,
        startsOn: STARTS,
        endsOn: ENDS,
        competencyIds: [vision.id, plc.id],
        competencies: [
          { id: vision.id, code: 'RLF-1', title: 'Vision', frameworkShortName: 'RLF' },
          { id: plc.id, code: 'RLF-2', title: 'Leading a PLC', frameworkShortName: 'RLF' },
        ],
        version: 1,
      });
      for (const who of ['hr', 'sup', 'principalB', 'me'] as const)
        expect((await as(who).get(`/api/opportunities/${res.body.id}`)).status).toBe(200);
      expect((await as('otherHr').get(`/api/opportunities/${res.body.id}`)).body).toEqual(expected.notFound);
    });

    it('refuses other roles and names every bad field', async () => {
      for (const who of ['sup', 'principalA', 'me'] as const)
        expect((await as(who).post('/api/opportunities', opportunity())).body).toEqual(expected.forbidden);
      const res = await as('hr').post(
        '/api/opportunities',
        opportunity({ competencyIds: [foreignNode.id], hostSchoolId: foreignSchool, endsOn: day(-100) }),
      );
      expect(res.body).toEqual(
        expected.validation({
          competencyIds: `not a competency of a framework your district uses: ${foreignNode.id}`,
          hostSchoolId: "hostSchoolId must be one of the district's schools",
          endsOn: 'endsOn cannot be before startsOn',
        }),
      );
      const bad = await as('hr').post(
        '/api/opportunities',
        opportunity({ seats: 0, type: 'party', competencyIds: [] }),
      );
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.body.errors as object).sort()).toEqual(['seats', 'type']);
      expect(
        await count(`SELECT count(*) AS n FROM development_opportunities WHERE district_id <> $1`, [districtId]),
      ).toBe(0);
    });

    it('filters the catalog by seats left and competency', async () => {
      const full = (await as('coord').post('/api/opportunities', opportunity({ title: 'Full', seats: 1 }))).body;
      await as('coord').post('/api/assignments', { opportunityId: full.id, candidateId: myCandidate.id });
      const open = await as('coord').get(
        `/api/opportunities?filter=${encodeURIComponent(JSON.stringify({ hasSeats: true, competencyId: plc.id }))}`,
      );
      expect(open.status).toBe(200);
      const titles = (open.body as { title: string; seatsLeft: number }[]).map((o) => o.title);
      expect(titles).not.toContain('Full');
      expect((open.body as { seatsLeft: number }[]).every((o) => o.seatsLeft > 0)).toBe(true);
      const taken = await as('coord').get(
        `/api/opportunities?filter=${encodeURIComponent(JSON.stringify({ hasSeats: false }))}`,
      );
      expect((taken.body as { title: string }[]).map((o) => o.title)).toEqual(['Full']);
    });

    it('updates with the version, never below the seats taken, and deletes only what nobody was assigned to', async () => {
      const o = (await as('coord').post('/api/opportunities', opportunity({ title: 'Edit me', seats: 2 }))).body;
      await as('coord').post('/api/assignments', { opportunityId: o.id, candidateId: myCandidate.id });
      const current = (await as('coord').get(`/api/opportunities/${o.id}`)).body;
      expect(current.seatsTaken).toBe(1);
      expect((await as('coord').put(`/api/opportunities/${o.id}`, { ...current, seats: 0 })).status).toBe(400);
      const raised = await as('coord').put(`/api/opportunities/${o.id}`, {
        ...current,
        seats: 4,
        competencyIds: [plc.id],
      });
      expect(raised.status).toBe(200);
      expect(raised.body).toMatchObject({
        seats: 4,
        seatsLeft: 3,
        competencyIds: [plc.id],
        version: current.version + 1,
      });
      expect((await as('coord').put(`/api/opportunities/${o.id}`, { ...current, seats: 5 })).body).toEqual(
        expected.staleVersion,
      );
      expect(
        (await as('coord').put(`/api/opportunities/${o.id}`, { ...raised.body, seatsTaken: 0 })).body.errors,
      ).toEqual({
        seatsTaken: 'seatsTaken cannot be changed here: counts assignments: assign or withdraw candidates instead',
      });
      expect((await as('coord').del(`/api/opportunities/${o.id}`)).body).toEqual(expected.inUse);
      const unused = (await as('coord').post('/api/opportunities', opportunity({ title: 'Unused' }))).body;
      const deleted = await as('coord').del(`/api/opportunities/${unused.id}`);
      expect(deleted.status).toBe(200);
      expect(deleted.body.title).toBe('Unused');
      expect((await as('coord').get(`/api/opportunities/${unused.id}`)).status).toBe(404);
    });
  });

  describe('assignments', () => {
    let opp: { id: string };
    beforeAll(async () => {
      opp = (await as('coord').post('/api/opportunities', opportunity({ title: 'Visioning', seats: 3 }))).body;
    });

    it('assigns engaged candidates only, once per opportunity', async () => {
      expect(
        (await as('coord').post('/api/assignments', { opportunityId: opp.id, candidateId: identifiedCandidate.id }))
          .status,
      ).toBe(409);
      for (const who of ['sup', 'principalA', 'me'] as const)
        expect(
          (await as(who).post('/api/assignments', { opportunityId: opp.id, candidateId: myCandidate.id })).status,
        ).toBe(403);
      expect(
        (await as('otherHr').post('/api/assignments', { opportunityId: opp.id, candidateId: myCandidate.id })).status,
      ).toBe(404);
      const res = await as('coord').post('/api/assignments', { opportunityId: opp.id, candidateId: myCandidate.id });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        status: 'assigned',
        dueOn: ENDS,
        hoursLogged: 0,
        opportunityTitle: 'Visioning',
        candidateStage: 'engaged',
        assignedByUserId: coordinatorId,
      });
      const again = await as('coord').post('/api/assignments', { opportunityId: opp.id, candidateId: myCandidate.id });
      expect(again.status).toBe(409);
      expect(again.body.message).toBe('The candidate is already on this opportunity');
    });

    it('never oversells seats under 10 concurrent assignments', async () => {
      const f = t.factories;
      const o = (await as('coord').post('/api/opportunities', opportunity({ title: 'Three seats', seats: 3 }))).body;
      const candidates = [];
      for (let i = 0; i < 10; i++) {
        const e = await f.createEducator({ districtId, schoolId: schoolA });
        candidates.push(
          await f.createCandidate({ districtId, educatorId: e.id, roleId }, [{ to: 'engaged', daysAgo: 5 }]),
        );
      }
      const results = await Promise.all(
        candidates.map((c) => as('coord').post('/api/assignments', { opportunityId: o.id, candidateId: c.id })),
      );
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([201, 201, 201, 409, 409, 409, 409, 409, 409, 409]);
      expect(results.filter((r) => r.status === 409).every((r) => /No seats left/.test(r.body.message))).toBe(true);
      expect(await count(`SELECT count(*) AS n FROM assignments WHERE opportunity_id = $1`, [o.id])).toBe(3);
      expect((await as('coord').get(`/api/opportunities/${o.id}`)).body).toMatchObject({ seatsTaken: 3, seatsLeft: 0 });
      // Withdrawing frees a seat for the next candidate.
      const first = results.find((r) => r.status === 201)!.body;
      const withdrawn = await as('coord').post(`/api/assignments/${first.id}/withdrawal`, {
        reason: 'Moved to the spring cohort',
        version: first.version,
      });
      expect(withdrawn.body).toMatchObject({ status: 'withdrawn', outcomeNote: 'Moved to the spring cohort' });
      const refused = candidates.find((c) => !results.some((r) => r.status === 201 && r.body.candidateId === c.id))!;
      expect(
        (await as('coord').post('/api/assignments', { opportunityId: o.id, candidateId: refused.id })).status,
      ).toBe(201);
      expect((await as('coord').get(`/api/opportunities/${o.id}`)).body.seatsTaken).toBe(3);
    });

    it('lets the candidate log hours and a reflection on their own assignment; the first start moves them to developing', async () => {
      const [mine] = (await as('me').get('/api/assignments?filter={"opportunityId":"' + opp.id + '"}')).body;
      expect(mine.candidateId).toBe(myCandidate.id);
      expect((await as('colleague').get(`/api/assignments/${mine.id}`)).body).toEqual(expected.notFound);
      expect((await as('principalB').get(`/api/assignments/${mine.id}`)).body).toEqual(expected.notFound);
      expect((await as('principalA').get(`/api/assignments/${mine.id}`)).status).toBe(200);
      expect((await as('me').put(`/api/assignments/${mine.id}`, { ...mine, dueOn: day(200) })).body).toEqual(
        expected.validation({ dueOn: 'only a coordinator or hr moves the due date' }),
      );
      expect((await as('me').put(`/api/assignments/${mine.id}`, { ...mine, status: 'completed' })).status).toBe(400);
      const logged = await as('me').put(`/api/assignments/${mine.id}`, {
        ...mine,
        hoursLogged: 6.5,
        reflection: 'Drafted the retreat agenda with two student leaders.',
      });
      expect(logged.status).toBe(200);
      expect(logged.body).toMatchObject({
        status: 'in_progress',
        hoursLogged: 6.5,
        reflection: 'Drafted the retreat agenda with two student leaders.',
        candidateStage: 'developing',
      });
      expect(logged.body.startedAt).not.toBeNull();
      const moves = (await t.db.query(
        `SELECT from_stage, to_stage, actor_user_id, reason FROM stage_transitions WHERE candidate_id = $1 ORDER BY created_at`,
        [myCandidate.id],
      )) as { from_stage: string; to_stage: string; actor_user_id: string | null; reason: string }[];
      expect(moves.at(-1)).toEqual({
        from_stage: 'engaged',
        to_stage: 'developing',
        actor_user_id: null,
        reason: 'Started a first development assignment: Visioning',
      });
    });

    it('does not move a candidate forward again on a later start', async () => {
      const f = t.factories;
      const e = await f.createEducator({ districtId, schoolId: schoolA });
      const c = await f.createCandidate({ districtId, educatorId: e.id, roleId }, [{ to: 'engaged', daysAgo: 3 }]);
      const o1 = (await as('coord').post('/api/opportunities', opportunity({ title: 'First' }))).body;
      const o2 = (await as('coord').post('/api/opportunities', opportunity({ title: 'Second' }))).body;
      const a1 = (await as('coord').post('/api/assignments', { opportunityId: o1.id, candidateId: c.id })).body;
      const a2 = (await as('coord').post('/api/assignments', { opportunityId: o2.id, candidateId: c.id })).body;
      expect(
        (await as('coord').post(`/api/assignments/${a1.id}/start`, { version: a1.version })).body.candidateStage,
      ).toBe('developing');
      // hr moves them back a step; starting the second assignment leaves that decision alone.
      const back = await as('hr').post(`/api/candidates/${c.id}/transitions`, {
        to: 'engaged',
        expectedStage: 'developing',
        reason: 'Paused development during a leave',
      });
      expect(back.status).toBe(201);
      const started = await as('coord').post(`/api/assignments/${a2.id}/start`, { version: a2.version });
      expect(started.body).toMatchObject({ status: 'in_progress', candidateStage: 'engaged' });
      expect(
        (await as('coord').post(`/api/assignments/${a2.id}/start`, { version: started.body.version })).status,
      ).toBe(409);
    });

    it('completes with a confirmed level per developed competency and records exactly that evidence', async () => {
      const [mine] = (await as('coord').get('/api/assignments?filter={"opportunityId":"' + opp.id + '"}')).body;
      expect(
        (await as('me').post(`/api/assignments/${mine.id}/completion`, { levels: [], version: mine.version })).status,
      ).toBe(403);
      const missing = await as('coord').post(`/api/assignments/${mine.id}/completion`, {
        levels: [{ competencyId: vision.id, level: 4 }],
        version: mine.version,
      });
      expect(missing.body).toEqual(
        expected.validation({
          'levels[0].level': "level must be one of RLF's rubric levels: 1, 2, 3",
          levels: 'confirm a level for every competency developed: RLF-2 missing',
        }),
      );
      const evidenceBefore = await count(`SELECT count(*) AS n FROM evidence WHERE candidate_id = $1`, [
        myCandidate.id,
      ]);
      expect(evidenceBefore).toBe(0);
      const done = await as('coord').post(`/api/assignments/${mine.id}/completion`, {
        levels: [
          { competencyId: vision.id, level: 3 },
          { competencyId: plc.id, level: 2 },
        ],
        note: 'Ran the retreat; families asked for a second one.',
        observedOn: '2026-11-20',
        version: mine.version,
      });
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({
        status: 'completed',
        outcomeNote: 'Ran the retreat; families asked for a second one.',
      });
      const evidence = await as('coord').get(
        `/api/evidence?filter=${encodeURIComponent(JSON.stringify({ assignmentId: mine.id }))}&sort=["level","DESC"]`,
      );
      expect(evidence.body).toEqual([
        expect.objectContaining({
          candidateId: myCandidate.id,
          competencyId: vision.id,
          level: 3,
          levelLabel: 'Leading',
          source: 'opportunity_completion',
          observedOn: '2026-11-20',
          assignmentId: mine.id,
          note: 'Completed "Visioning": Ran the retreat; families asked for a second one.',
        }),
        expect.objectContaining({ competencyId: plc.id, level: 2, source: 'opportunity_completion' }),
      ]);
      expect(await count(`SELECT count(*) AS n FROM evidence WHERE candidate_id = $1`, [myCandidate.id])).toBe(2);
      // A completed assignment is closed: no second completion, no more hours, no withdrawal.
      expect(
        (await as('coord').post(`/api/assignments/${mine.id}/completion`, { levels: [], version: done.body.version }))
          .status,
      ).toBe(409);
      expect((await as('me').put(`/api/assignments/${mine.id}`, { ...done.body, hoursLogged: 9 })).status).toBe(409);
      expect(
        (await as('coord').post(`/api/assignments/${mine.id}/withdrawal`, { reason: 'x', version: done.body.version }))
          .status,
      ).toBe(409);
      expect(await count(`SELECT count(*) AS n FROM evidence WHERE candidate_id = $1`, [myCandidate.id])).toBe(2);
    });

    it('filters overdue work and scopes the list', async () => {
      const f = t.factories;
      const e = await f.createEducator({ districtId, schoolId: schoolA });
      const c = await f.createCandidate({ districtId, educatorId: e.id, roleId }, [{ to: 'developing', daysAgo: 3 }]);
      const o = await f.createOpportunity({ districtId, title: 'Late one' }, [vision.id]);
      await f.createAssignment({
        districtId,
        opportunityId: o.id,
        candidateId: c.id,
        assignedByUserId: coordinatorId,
        dueOn: '2026-01-15',
      });
      const overdue = await as('coord').get(`/api/assignments?filter=${encodeURIComponent('{"overdue":true}')}`);
      expect(
        (overdue.body as { opportunityTitle: string; overdue: boolean }[]).map((a) => [a.opportunityTitle, a.overdue]),
      ).toEqual([['Late one', true]]);
      const mine = await as('me').get('/api/assignments');
      expect((mine.body as { candidateId: string }[]).every((a) => a.candidateId === myCandidate.id)).toBe(true);
      expect((await as('otherHr').get('/api/assignments')).body).toEqual([]);
      expect((await as('principalB').get('/api/assignments')).body).toEqual([]);
    });
  });
});
