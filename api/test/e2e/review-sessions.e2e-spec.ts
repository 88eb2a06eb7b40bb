import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, TestApp } from '../test-app.js';

const DAY = 86_400_000;
const ENGAGED = [{ to: 'engaged' as const, daysAgo: 300 }];
const DEVELOPING = [...ENGAGED, { to: 'developing' as const, daysAgo: 200 }];
const isoDay = (daysFromNow: number) => new Date(Date.now() + daysFromNow * DAY).toISOString().slice(0, 10);

interface Decision {
  readiness: string | null;
  stage: string | null;
  opportunityId: string | null;
}
interface Candidate {
  candidateId: string;
  lastName: string;
  stage: string;
  readiness: string;
  row: string;
  stageMoves: string[];
  strength: string;
  strengthDetail: string;
  targetsMet: number;
  targetsTotal: number;
  decision: Decision | null;
  rationale: string | null;
}
interface Session {
  id: string;
  title: string;
  status: string;
  version: number;
  decisionCount: number;
  candidates: Candidate[];
  grid: { row: string; strength: string; count: number }[];
  changes: { candidateId: string; before: Decision; after: Decision; rationale: string; changedByName: string }[];
  reviewers: { userId: string; name: string; role: string }[];
  canFacilitate: boolean;
  applied: { confirmations: number; stageMoves: number; assignments: number } | null;
  more: number;
}

/** Talent review sessions (issue #18 part 4): the grid, the facilitator's recorded moves, and the all-or-nothing close. */
describe('talent review sessions', () => {
  let t: TestApp;
  let d: string;
  let role: string;
  let seat: string;
  let opportunity: string;
  let fullOpportunity: string;
  let ids: Record<'ann' | 'ben' | 'cleo' | 'dee' | 'ivy' | 'otherC', string>;
  let schools: Record<'alder' | 'cedar', string>;
  let users: Record<'principal' | 'coord' | 'hr', string>;
  let tokens: Record<'hr' | 'sup' | 'coord' | 'principal' | 'outsider' | 'educator' | 'otherHr', string>;
  let session: string;

  const api = (token: string) => ({
    get: (url: string) => t.http().get(url).set('Authorization', `Bearer ${token}`),
    post: (url: string, body: object) => t.http().post(url).set('Authorization', `Bearer ${token}`).send(body),
    put: (url: string, body: object) => t.http().put(url).set('Authorization', `Bearer ${token}`).send(body),
  });
  const read = async (token = tokens.hr) => {
    const res = await api(token).get(`/api/review-sessions/${session}`);
    expect(res.status).toBe(200);
    return res.body as Session;
  };
  const decide = (body: object, token = tokens.hr) =>
    api(token).post(`/api/review-sessions/${session}/decisions`, body);
  const person = (s: Session, lastName: string) => s.candidates.find((c) => c.lastName === lastName)!;
  const candidateRow = async (id: string) =>
    (
      (await t.db.query('SELECT stage, readiness FROM candidates WHERE id = $1', [id])) as {
        stage: string;
        readiness: string;
      }[]
    )[0]!;

  beforeAll(async () => {
    t = await createTestApp();
    const f = t.factories;
    d = (await f.createDistrict()).id;
    const o = (await f.createDistrict()).id;
    schools = {
      alder: (await f.createSchool({ districtId: d, name: 'Alder Elementary' })).id,
      cedar: (await f.createSchool({ districtId: d, name: 'Cedar Elementary' })).id,
    };
    const otherSchool = (await f.createSchool({ districtId: o })).id;
    role = (await f.createLeadershipRole({ districtId: d, title: 'Principal', level: 'school' })).id;
    const coach = await f.createLeadershipRole({ districtId: d, title: 'Instructional coach', level: 'classroom' });
    const otherRole = await f.createLeadershipRole({ districtId: o, title: 'Principal' });
    const framework = await f.createFramework({ districtId: d });
    const k1 = await f.createCompetency({ frameworkId: framework.id, code: 'K1', title: 'Vision' });
    const k2 = await f.createCompetency({ frameworkId: framework.id, code: 'K2', title: 'Instruction' });
    await t.db.query(
      'INSERT INTO role_targets (role_id, competency_id, target_level) VALUES ($1, $2, 3), ($1, $3, 2)',
      [role, k1.id, k2.id],
    );
    const hr = await f.createUser({ role: 'hr', districtId: d, name: 'Hana Reyes' });
    const principal = await f.createUser({ role: 'principal', districtId: d, schoolIds: [schools.cedar] });
    const coord = await f.createUser({ role: 'coordinator', districtId: d });
    users = { principal: principal.id, coord: coord.id, hr: hr.id };
    const educator = (lastName: string, schoolId: string) =>
      f.createEducator({ districtId: d, schoolId, firstName: 'Pat', lastName });
    const candidate = async (lastName: string, schoolId: string, path: Parameters<typeof f.createCandidate>[1]) =>
      (
        await f.createCandidate(
          { districtId: d, educatorId: (await educator(lastName, schoolId)).id, roleId: role },
          path,
        )
      ).id;
    ids = {
      ann: await candidate('Adams', schools.alder, [...DEVELOPING, { to: 'ready', daysAgo: 30 }]),
      ben: await candidate('Brown', schools.alder, DEVELOPING),
      cleo: await candidate('Chen', schools.cedar, DEVELOPING),
      dee: await candidate('Diaz', schools.alder, ENGAGED),
      // Not in the session: has not accepted yet.
      ivy: await candidate('Ivers', schools.cedar, []),
      otherC: (
        await f.createCandidate(
          {
            districtId: o,
            educatorId: (await f.createEducator({ districtId: o, schoolId: otherSchool })).id,
            roleId: otherRole.id,
          },
          DEVELOPING,
        )
      ).id,
    };
    // Another role's candidate at Cedar: outside a session for the principal's role.
    await f.createCandidate(
      { districtId: d, educatorId: (await educator('Coach', schools.cedar)).id, roleId: coach.id },
      DEVELOPING,
    );
    const rate = (candidateId: string, competencyId: string, level: number, source: 'observation' | 'artifact') =>
      f.createEvidence({
        districtId: d,
        candidateId,
        competencyId,
        recorderUserId: hr.id,
        level,
        source,
        observedOn: isoDay(-10),
      });
    // Ann: both targets from two sources (strong). Cleo: one target, one source (moderate). Ben, Dee: none.
    for (const k of [k1.id, k2.id]) {
      await rate(ids.ann, k, 3, 'observation');
      await rate(ids.ann, k, 3, 'artifact');
    }
    await rate(ids.cleo, k1.id, 3, 'observation');
    opportunity = (await f.createOpportunity({ districtId: d, title: 'Principal residency', seats: 3 }, [k1.id])).id;
    fullOpportunity = (await f.createOpportunity({ districtId: d, title: 'Full cohort', seats: 1, seatsTaken: 1 })).id;
    seat = (await f.createPosition({ districtId: d, roleId: role, schoolId: schools.cedar, title: 'Principal, Cedar' }))
      .id;

    const login = (email: string) => t.login(email);
    tokens = {
      hr: await login(hr.email),
      sup: await login((await f.createUser({ role: 'superintendent', districtId: d })).email),
      coord: await login(coord.email),
      principal: await login(principal.email),
      outsider: await login(
        (await f.createUser({ role: 'principal', districtId: d, schoolIds: [schools.cedar] })).email,
      ),
      educator: await login((await f.createEducatorUser({ districtId: d, schoolId: schools.alder })).user.email),
      otherHr: await login((await f.createUser({ role: 'hr', districtId: o })).email),
    };
  }, 120_000);
  afterAll(() => t.close());

  it('is convened by hr for a role with principals and coordinators as reviewers; bad references are 400 and nothing is written', async () => {
    const body = {
      title: 'Principal pipeline review',
      roleId: role,
      schoolIds: [],
      reviewerUserIds: [users.principal, users.coord],
      meetsOn: isoDay(7),
    };
    const before = Number((await t.db.query('SELECT count(*) AS n FROM review_sessions'))[0].n);
    const bad = [
      { ...body, roleId: null },
      { ...body, reviewerUserIds: [users.hr] },
      { ...body, schoolIds: ['00000000-0000-4000-8000-000000000000'] },
      { ...body, title: '' },
      { ...body, meetsOn: '2027-02-30' },
    ];
    for (const b of bad) expect((await api(tokens.hr).post('/api/review-sessions', b)).status).toBe(400);
    expect(Number((await t.db.query('SELECT count(*) AS n FROM review_sessions'))[0].n)).toBe(before);
    expect((await api(tokens.principal).post('/api/review-sessions', body)).status).toBe(403);
    expect((await api(tokens.coord).post('/api/review-sessions', body)).status).toBe(403);

    const res = await api(tokens.hr).post('/api/review-sessions', body);
    expect(res.status).toBe(201);
    session = (res.body as Session).id;
    expect((res.body as Session).reviewers.map((r) => r.role).sort()).toEqual(['coordinator', 'principal']);
  });

  it('shows each reviewer the candidates in their scope on a grid of confirmed readiness × strength of evidence', async () => {
    const s = await read();
    expect(s.candidates.map((c) => c.lastName)).toEqual(['Adams', 'Brown', 'Chen', 'Diaz']);
    expect(person(s, 'Adams').strength).toBe('strong');
    expect(person(s, 'Adams').targetsMet).toBe(2);
    expect(person(s, 'Chen').strength).toBe('moderate');
    expect(person(s, 'Chen').strengthDetail).toBe('1 of 2 targets evidenced, 0 from 2+ sources');
    expect(person(s, 'Brown').strength).toBe('limited');
    expect(s.grid).toHaveLength(12);
    expect(s.grid.find((g) => g.row === 'not_assessed' && g.strength === 'limited')!.count).toBe(2);
    // The moves a decision may take: on one stage, or a pause (the form offers these).
    expect(person(s, 'Chen').stageMoves).toEqual(['ready', 'paused']);
    expect(person(s, 'Diaz').stageMoves).toEqual(['developing', 'paused']);
    expect(s.canFacilitate).toBe(true);

    // The Cedar principal reviews Cedar's people only; the coordinator, the district's.
    const p = await read(tokens.principal);
    expect(p.candidates.map((c) => c.lastName)).toEqual(['Chen']);
    expect(p.grid.reduce((n, g) => n + g.count, 0)).toBe(1);
    expect(p.canFacilitate).toBe(false);
    expect((await read(tokens.coord)).candidates).toHaveLength(4);
    expect((await read(tokens.sup)).candidates).toHaveLength(4);

    // Not invited, another district, an educator: nothing.
    expect((await api(tokens.outsider).get(`/api/review-sessions/${session}`)).status).toBe(404);
    expect((await api(tokens.otherHr).get(`/api/review-sessions/${session}`)).status).toBe(404);
    expect((await api(tokens.educator).get(`/api/review-sessions/${session}`)).status).toBe(403);
    const listed = async (token: string) =>
      ((await api(token).get('/api/review-sessions').expect(200)).body as Session[]).map((x) => x.id);
    expect(await listed(tokens.principal)).toContain(session);
    expect(await listed(tokens.outsider)).not.toContain(session);
  });

  it('invites each reviewer once (editing the session tells only the newly invited) and reminds everyone the day before', async () => {
    const kinds = async (userId: string, kind: string) =>
      (
        (await t.db.query('SELECT title FROM notifications WHERE user_id = $1 AND kind = $2 ORDER BY created_at', [
          userId,
          kind,
        ])) as { title: string }[]
      ).map((n) => n.title);
    await t.drainJobs();
    expect(await kinds(users.principal, 'review-session.invited')).toEqual([
      'Talent review: Principal pipeline review',
    ]);
    expect(await kinds(users.coord, 'review-session.invited')).toHaveLength(1);
    expect(await kinds(users.hr, 'review-session.invited')).toEqual([]);

    const s = await read();
    const edited = {
      title: s.title,
      roleId: role,
      schoolIds: [],
      reviewerUserIds: [users.principal, users.coord],
      meetsOn: isoDay(1),
      version: s.version,
    };
    await api(tokens.hr).put(`/api/review-sessions/${session}`, edited).expect(200);
    expect((await api(tokens.hr).put(`/api/review-sessions/${session}`, edited)).status).toBe(409);
    await t.drainJobs();
    expect(await kinds(users.principal, 'review-session.invited')).toHaveLength(1);

    await t.db.query(`SELECT graphile_worker.add_job('reminders', '{}'::json)`);
    await t.drainJobs();
    for (const user of [users.principal, users.coord, users.hr]) {
      expect(await kinds(user, 'reminder')).toEqual(['Talent review tomorrow: Principal pipeline review']);
    }
  });

  it('records each move with before, after, who and why; a principal sees the changes about their people only', async () => {
    expect((await decide({ candidateId: ids.cleo, readiness: 'ready_now' })).status).toBe(400);
    expect((await decide({ candidateId: ids.cleo, readiness: 'ready_now', rationale: ' ' })).status).toBe(400);
    expect((await decide({ candidateId: ids.cleo, readiness: 'someday', rationale: 'x' })).status).toBe(400);
    // engaged → ready skips developing: the stage rules refuse it now, not at the close.
    expect((await decide({ candidateId: ids.dee, stage: 'ready', rationale: 'Skip' })).status).toBe(400);
    expect((await decide({ candidateId: ids.ivy, readiness: 'ready_now', rationale: 'Not here' })).status).toBe(409);
    expect((await decide({ candidateId: ids.otherC, readiness: 'ready_now', rationale: 'Elsewhere' })).status).toBe(
      404,
    );
    expect(
      (await decide({ candidateId: ids.cleo, readiness: 'ready_now', rationale: 'x' }, tokens.principal)).status,
    ).toBe(403);

    // The same stage again is no move; a pause with an assignment could never be applied.
    expect((await decide({ candidateId: ids.cleo, stage: 'developing', rationale: 'Stay' })).status).toBe(400);
    expect(
      (await decide({ candidateId: ids.dee, stage: 'paused', opportunityId: opportunity, rationale: 'Both' })).status,
    ).toBe(400);
    // The superintendent facilitates readiness only: stage moves and assignments are hr's.
    expect((await decide({ candidateId: ids.cleo, stage: 'ready', rationale: 'x' }, tokens.sup)).status).toBe(403);
    expect(
      (await decide({ candidateId: ids.cleo, opportunityId: opportunity, rationale: 'x' }, tokens.sup)).status,
    ).toBe(403);
    await decide({ candidateId: ids.ben, readiness: 'ready_3_plus_years', rationale: 'Early days' }, tokens.sup).expect(
      200,
    );
    await decide({ candidateId: ids.ben, rationale: 'Decided by mistake' }, tokens.sup).expect(200);

    await decide({ candidateId: ids.cleo, readiness: 'ready_1_2_years', rationale: 'Strong year at Cedar' }).expect(
      200,
    );
    await decide({
      candidateId: ids.cleo,
      readiness: 'ready_now',
      stage: 'ready',
      rationale: 'Led the Cedar turnaround plan',
    }).expect(200);
    await decide({
      candidateId: ids.dee,
      readiness: 'ready_1_2_years',
      stage: 'developing',
      opportunityId: opportunity,
      rationale: 'Needs a residency first; private to hr',
    }).expect(200);

    const s = await read();
    expect(person(s, 'Chen').row).toBe('ready_now');
    expect(person(s, 'Chen').readiness).toBe('not_assessed');
    expect(person(s, 'Chen').decision).toEqual({ readiness: 'ready_now', stage: 'ready', opportunityId: null });
    const cleoChanges = s.changes.filter((c) => c.candidateId === ids.cleo);
    expect(cleoChanges.map((c) => [c.before.readiness, c.after.readiness, c.rationale, c.changedByName])).toEqual([
      ['not_assessed', 'ready_1_2_years', 'Strong year at Cedar', 'Hana Reyes'],
      ['ready_1_2_years', 'ready_now', 'Led the Cedar turnaround plan', 'Hana Reyes'],
    ]);
    expect(s.decisionCount).toBe(2);

    const principalView = await t
      .http()
      .get(`/api/review-sessions/${session}`)
      .set('Authorization', `Bearer ${tokens.principal}`);
    expect(principalView.status).toBe(200);
    expect((principalView.body as Session).changes.map((c) => c.candidateId)).toEqual([ids.cleo, ids.cleo]);
    expect(principalView.text).not.toContain('private to hr');
    // Counts follow the scope: the principal counts the one decision about her school's people, not Diaz's.
    expect((principalView.body as Session).decisionCount).toBe(1);
    const listed = (await api(tokens.principal).get('/api/review-sessions').expect(200)).body as Session[];
    expect(listed.find((x) => x.id === session)!.decisionCount).toBe(1);
    expect(principalView.text).not.toContain(ids.dee);
  });

  it('closes all or nothing: a decision that no longer applies refuses the close and nothing is written', async () => {
    await decide({ candidateId: ids.ben, opportunityId: fullOpportunity, rationale: 'Join the full cohort' }).expect(
      200,
    );
    const s = await read();
    const counts = async () =>
      (
        await t.db.query(
          `SELECT (SELECT count(*) FROM readiness_assessments WHERE candidate_id = ANY($1::uuid[]))::int AS confirmations,
                  (SELECT count(*) FROM stage_transitions WHERE candidate_id = ANY($1::uuid[]))::int AS transitions,
                  (SELECT count(*) FROM assignments WHERE candidate_id = ANY($1::uuid[]))::int AS assignments`,
          [[ids.ben, ids.cleo, ids.dee]],
        )
      )[0];
    const before = await counts();
    const stale = await api(tokens.hr).post(`/api/review-sessions/${session}/close`, { version: s.version + 5 });
    expect(stale.status).toBe(409);
    const refused = await api(tokens.hr).post(`/api/review-sessions/${session}/close`, { version: s.version });
    expect(refused.status).toBe(409);
    expect((refused.body as { message: string }).message).toContain('Pat Brown');
    expect(await counts()).toEqual(before);
    expect(await candidateRow(ids.cleo)).toEqual({ stage: 'developing', readiness: 'not_assessed' });
    expect((await read()).status).toBe('open');
  });

  it('applies the decisions on close: confirmations naming the session, stage moves, development actions; then it is read-only', async () => {
    await decide({ candidateId: ids.ben, rationale: 'Cohort is full; revisit in spring' }).expect(200);

    // A stage move decided from one stage is not applied from another: Adams is moved back meanwhile.
    await decide({ candidateId: ids.ann, stage: 'paused', rationale: 'Asked for a year off' }).expect(200);
    await api(tokens.hr)
      .post(`/api/candidates/${ids.ann}/transitions`, {
        to: 'developing',
        expectedStage: 'ready',
        reason: 'Needs another year',
      })
      .expect(201);
    const moved = await api(tokens.hr).post(`/api/review-sessions/${session}/close`, {
      version: (await read()).version,
    });
    expect(moved.status).toBe(409);
    expect((moved.body as { message: string }).message).toContain('Pat Adams moved from ready to developing');
    await decide({ candidateId: ids.ann, rationale: 'Moved back; no pause after all' }).expect(200);

    const s = await read();
    expect(person(s, 'Brown').decision).toBeNull();
    const closed = await api(tokens.hr).post(`/api/review-sessions/${session}/close`, { version: s.version });
    expect(closed.status).toBe(200);
    const c = closed.body as Session;
    expect(c.status).toBe('closed');
    expect(c.applied).toEqual({ confirmations: 2, stageMoves: 2, assignments: 1 });
    expect(c.canFacilitate).toBe(false);
    expect((await read(tokens.principal)).applied).toBeNull();

    expect(await candidateRow(ids.cleo)).toEqual({ stage: 'ready', readiness: 'ready_now' });
    expect(await candidateRow(ids.dee)).toEqual({ stage: 'developing', readiness: 'ready_1_2_years' });
    const [confirmation] = await t.db.query(
      'SELECT rationale, confirmed_by_user_id AS "by" FROM readiness_assessments WHERE candidate_id = $1',
      [ids.cleo],
    );
    expect(confirmation).toEqual({
      rationale: 'Talent review "Principal pipeline review": Led the Cedar turnaround plan',
      by: users.hr,
    });
    const assigned = await t.db.query('SELECT opportunity_id AS "o" FROM assignments WHERE candidate_id = $1', [
      ids.dee,
    ]);
    expect(assigned).toEqual([{ o: opportunity }]);

    expect((await decide({ candidateId: ids.ann, readiness: 'ready_now', rationale: 'Late' })).status).toBe(409);
    expect((await api(tokens.hr).post(`/api/review-sessions/${session}/close`, { version: c.version })).status).toBe(
      409,
    );

    // The readiness confirmed in the session is what placement reads: Cleo can step into the Cedar seat.
    const placed = await api(tokens.hr).post(`/api/positions/${seat}/placement`, { candidateId: ids.cleo });
    expect(placed.status).toBe(200);
  });
});
