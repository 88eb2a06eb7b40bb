import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, TestApp } from '../test-app.js';

const PATH = [
  { to: 'engaged' as const, daysAgo: 90 },
  { to: 'developing' as const, daysAgo: 30 },
];

interface Action {
  id: string;
  competencyId: string | null;
  competencyCode: string | null;
  kind: string;
  opportunityId: string | null;
  description: string;
  owner: string;
  dueOn: string | null;
  doneAt: string | null;
  assignmentId: string | null;
  overdue: boolean;
}
interface Plan {
  id: string;
  candidateId: string;
  number: number;
  status: string;
  candidateAgreedAt: string | null;
  coordinatorAgreedAt: string | null;
  agreedAt: string | null;
  actions: Action[];
  version: number;
}

/** Development plans (issue #19 part 2): drafted from gaps, agreed by both sides, kept, revised and ticked. */
describe('development plans', () => {
  let t: TestApp;
  let d: string;
  let ids: Record<
    | 'cand'
    | 'identified'
    | 'colleagueCand'
    | 'k1'
    | 'k2'
    | 'k3'
    | 'oppK1'
    | 'oppFull'
    | 'oppOther'
    | 'coordUser'
    | 'otherSchoolCand',
    string
  >;
  let tokens: Record<'hr' | 'coord' | 'principal' | 'principal2' | 'teacher' | 'colleague' | 'otherCoord', string>;
  const as = (token: string) => ({
    get: (url: string) => t.http().get(url).set('Authorization', `Bearer ${token}`),
    post: (url: string, body: object = {}) => t.http().post(url).set('Authorization', `Bearer ${token}`).send(body),
    put: (url: string, body: object) => t.http().put(url).set('Authorization', `Bearer ${token}`).send(body),
  });
  const plans = async (token: string, candidateId = ids.cand) => {
    const res = await as(token).get(`/api/candidates/${candidateId}/development-plan`);
    expect(res.status).toBe(200);
    return res.body as { agreed: Plan | null; draft: Plan | null; versions: { number: number; status: string }[] };
  };
  const editable = (a: Action) => ({
    competencyId: a.competencyId,
    kind: a.kind,
    opportunityId: a.opportunityId,
    description: a.description,
    owner: a.owner,
    dueOn: a.dueOn,
  });

  beforeAll(async () => {
    t = await createTestApp();
    const f = t.factories;
    d = (await f.createDistrict()).id;
    const other = (await f.createDistrict()).id;
    const alder = (await f.createSchool({ districtId: d, name: 'Alder' })).id;
    const birch = (await f.createSchool({ districtId: d, name: 'Birch' })).id;
    const role = (await f.createLeadershipRole({ districtId: d, title: 'Assistant principal' })).id;
    const framework = (await f.createFramework({ districtId: d })).id;
    const k1 = (await f.createCompetency({ frameworkId: framework, code: 'K1', title: 'Vision' })).id;
    const k2 = (await f.createCompetency({ frameworkId: framework, code: 'K2', title: 'Equity' })).id;
    const k3 = (await f.createCompetency({ frameworkId: framework, code: 'K3', title: 'Operations' })).id;
    await t.db.query(
      'INSERT INTO role_targets (role_id, competency_id, target_level) VALUES ($1, $2, 3), ($1, $3, 3), ($1, $4, 2)',
      [role, k1, k2, k3],
    );
    const hr = await f.createUser({ role: 'hr', districtId: d });
    const coord = await f.createUser({ role: 'coordinator', districtId: d });
    const { educator: teacher, user: teacherUser } = await f.createEducatorUser({ districtId: d, schoolId: alder });
    const { educator: colleague, user: colleagueUser } = await f.createEducatorUser({ districtId: d, schoolId: alder });
    const other2 = await f.createEducator({ districtId: d, schoolId: birch });
    const cand = (await f.createCandidate({ districtId: d, educatorId: teacher.id, roleId: role }, PATH)).id;
    const colleagueCand = (await f.createCandidate({ districtId: d, educatorId: colleague.id, roleId: role }, PATH)).id;
    const otherSchoolCand = (await f.createCandidate({ districtId: d, educatorId: other2.id, roleId: role }, PATH)).id;
    const identifiedEd = await f.createEducator({ districtId: d, schoolId: alder });
    const identified = (await f.createCandidate({ districtId: d, educatorId: identifiedEd.id, roleId: role })).id;
    // K1: a level 1 against a target of 3; K2: no evidence; K3: met.
    await f.createEvidence({ districtId: d, candidateId: cand, competencyId: k1, level: 1, recorderUserId: hr.id });
    await f.createEvidence({ districtId: d, candidateId: cand, competencyId: k3, level: 2, recorderUserId: hr.id });
    const oppK1 = (
      await f.createOpportunity({ districtId: d, hostSchoolId: alder, seats: 3, title: 'Vision retreat' }, [k1])
    ).id;
    const oppFull = (await f.createOpportunity({ districtId: d, hostSchoolId: alder, seats: 1, title: 'Full' }, [k2]))
      .id;
    // Its one seat is taken.
    await f.createAssignment({
      districtId: d,
      opportunityId: oppFull,
      candidateId: colleagueCand,
      assignedByUserId: hr.id,
    });
    const otherFramework = (await f.createFramework({ districtId: other })).id;
    const otherK = (await f.createCompetency({ frameworkId: otherFramework })).id;
    const otherSchool = (await f.createSchool({ districtId: other })).id;
    const oppOther = (await f.createOpportunity({ districtId: other, hostSchoolId: otherSchool }, [otherK])).id;
    ids = {
      cand,
      identified,
      colleagueCand,
      k1,
      k2,
      k3,
      oppK1,
      oppFull,
      oppOther,
      coordUser: coord.id,
      otherSchoolCand,
    };
    const login = async (u: { email: string }) => t.login(u.email);
    tokens = {
      hr: await login(hr),
      coord: await login(coord),
      principal: await login(await f.createUser({ role: 'principal', districtId: d, schoolIds: [alder] })),
      principal2: await login(await f.createUser({ role: 'principal', districtId: d, schoolIds: [birch] })),
      teacher: await login(teacherUser),
      colleague: await login(colleagueUser),
      otherCoord: await login(await f.createUser({ role: 'coordinator', districtId: other })),
    };
  });

  afterAll(async () => {
    await t?.close();
  });

  it('has no plan until one is drafted, and no draft before the nomination is accepted', async () => {
    expect(await plans(tokens.teacher)).toMatchObject({ agreed: null, draft: null, versions: [] });
    const res = await as(tokens.hr).post(`/api/candidates/${ids.identified}/development-plan`);
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/accepted the nomination/);
  });

  it('drafts an action for every gap: an opportunity with a seat that develops it, else a mentor conversation', async () => {
    const res = await as(tokens.teacher).post(`/api/candidates/${ids.cand}/development-plan`);
    expect(res.status).toBe(201);
    const plan = res.body as Plan;
    expect(plan).toMatchObject({ number: 1, status: 'draft', candidateAgreedAt: null, coordinatorAgreedAt: null });
    const k1 = plan.actions.filter((a) => a.competencyId === ids.k1);
    const k2 = plan.actions.filter((a) => a.competencyId === ids.k2);
    expect(k1.map((a) => a.kind).sort()).toEqual(['opportunity', 'reflection']);
    expect(k1.find((a) => a.kind === 'opportunity')).toMatchObject({ opportunityId: ids.oppK1, owner: 'coordinator' });
    // K2's only opportunity is full.
    expect(k2.map((a) => a.kind).sort()).toEqual(['mentor_conversation', 'reflection']);
    // K3 is met.
    expect(plan.actions.some((a) => a.competencyId === ids.k3)).toBe(false);
    expect(plan.actions.every((a) => a.dueOn !== null && a.doneAt === null)).toBe(true);
    // One draft at a time: a second is a 409, also when two are asked for at once.
    expect((await as(tokens.coord).post(`/api/candidates/${ids.cand}/development-plan`)).status).toBe(409);
    const race = await Promise.all([
      as(tokens.coord).post(`/api/candidates/${ids.colleagueCand}/development-plan`),
      as(tokens.hr).post(`/api/candidates/${ids.colleagueCand}/development-plan`),
    ]);
    expect(race.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it('lets the candidate, coordinators, hr and the school’s principal read it, and no one else', async () => {
    const url = `/api/candidates/${ids.cand}/development-plan`;
    for (const who of ['teacher', 'coord', 'hr', 'principal'] as const)
      expect((await as(tokens[who]).get(url)).status).toBe(200);
    expect((await as(tokens.colleague).get(url)).status).toBe(404);
    expect((await as(tokens.principal2).get(url)).status).toBe(404);
    expect((await as(tokens.otherCoord).get(url)).status).toBe(404);
    // A principal reads but does not write it.
    const draft = (await plans(tokens.hr)).draft!;
    expect(
      (await as(tokens.principal).post(`/api/development-plans/${draft.id}/agreement`, { version: draft.version }))
        .status,
    ).toBe(403);
    expect(
      (await as(tokens.colleague).post(`/api/development-plans/${draft.id}/agreement`, { version: draft.version }))
        .status,
    ).toBe(404);
    expect((await as(tokens.otherCoord).get(`/api/development-plans/${draft.id}`)).status).toBe(404);
  });

  it('refuses an action naming another district’s opportunity or competency, and writes nothing', async () => {
    const draft = (await plans(tokens.coord)).draft!;
    const actions = draft.actions.map(editable);
    const bad = await as(tokens.coord).put(`/api/development-plans/${draft.id}`, {
      version: draft.version,
      actions: [...actions, { ...actions[0]!, kind: 'opportunity', opportunityId: ids.oppOther }],
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors)).toEqual([`actions.${actions.length}.opportunityId`]);
    const noOpp = await as(tokens.coord).put(`/api/development-plans/${draft.id}`, {
      version: draft.version,
      actions: [{ ...actions[0]!, kind: 'opportunity', opportunityId: null }],
    });
    expect(noOpp.status).toBe(400);
    expect((await plans(tokens.coord)).draft).toEqual(draft);
  });

  it('becomes the plan in force once the candidate and a coordinator have both agreed to the same version', async () => {
    const draft = (await plans(tokens.coord)).draft!;
    const actions = draft.actions.map(editable);
    const edited = await as(tokens.coord).put(`/api/development-plans/${draft.id}`, {
      version: draft.version,
      actions: [
        ...actions,
        {
          competencyId: null,
          kind: 'other',
          opportunityId: null,
          description: 'Shadow the AP for a day',
          owner: 'candidate',
          dueOn: '2020-01-01',
        },
      ],
    });
    expect(edited.status).toBe(200);
    const v = edited.body.version as number;
    expect(v).toBe(draft.version + 1);

    // Agreeing to an older version is a 409.
    expect(
      (await as(tokens.teacher).post(`/api/development-plans/${draft.id}/agreement`, { version: draft.version }))
        .status,
    ).toBe(409);
    const mine = await as(tokens.teacher).post(`/api/development-plans/${draft.id}/agreement`, { version: v });
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ status: 'draft', coordinatorAgreedAt: null });
    expect(mine.body.candidateAgreedAt).toEqual(expect.any(String));

    // A change after one side agreed asks both again.
    const changed = await as(tokens.coord).put(`/api/development-plans/${draft.id}`, {
      version: mine.body.version,
      actions: mine.body.actions.map(editable),
    });
    expect(changed.body.candidateAgreedAt).toBeNull();
    let plan = changed.body as Plan;
    plan = (await as(tokens.teacher).post(`/api/development-plans/${plan.id}/agreement`, { version: plan.version }))
      .body;
    const both = await as(tokens.coord).post(`/api/development-plans/${plan.id}/agreement`, { version: plan.version });
    expect(both.status).toBe(200);
    expect(both.body).toMatchObject({ status: 'agreed', coordinatorAgreedBy: expect.any(String) });
    expect(both.body.agreedAt).toEqual(expect.any(String));

    // An agreed plan is kept as agreed.
    const put = await as(tokens.coord).put(`/api/development-plans/${plan.id}`, {
      version: both.body.version,
      actions: [],
    });
    expect(put.status).toBe(409);
    expect((await plans(tokens.teacher)).agreed?.actions).toEqual(both.body.actions);
  });

  it('ticks the action when the opportunity it names is completed, in that transaction', async () => {
    const asg = await t.factories.createAssignment({
      districtId: d,
      opportunityId: ids.oppK1,
      candidateId: ids.cand,
      assignedByUserId: ids.coordUser,
      status: 'in_progress',
      startedAt: new Date(),
    });
    const done = await as(tokens.coord).post(`/api/assignments/${asg.id}/completion`, {
      version: asg.version,
      levels: [{ competencyId: ids.k1, level: 2 }],
    });
    expect(done.status).toBe(200);
    const agreed = (await plans(tokens.teacher)).agreed!;
    const action = agreed.actions.find((a) => a.opportunityId === ids.oppK1)!;
    expect(action.assignmentId).toBe(asg.id);
    expect(action.doneAt).toEqual(expect.any(String));
    expect(agreed.actions.filter((a) => a.doneAt !== null)).toHaveLength(1);
    // What the assignment ticked stays ticked; nor does the candidate tick an experience herself.
    for (const [token, done] of [
      [tokens.coord, false],
      [tokens.teacher, false],
      [tokens.teacher, true],
    ] as const) {
      const res = await as(token).post(`/api/plan-actions/${action.id}/completion`, { done });
      expect(res.status).toBe(409);
    }
  });

  it('lets the candidate tick an action by hand, on the plan in force only', async () => {
    const { agreed } = await plans(tokens.teacher);
    const reflection = agreed!.actions.find((a) => a.kind === 'reflection' && a.doneAt === null)!;
    const res = await as(tokens.teacher).post(`/api/plan-actions/${reflection.id}/completion`, { done: true });
    expect(res.status).toBe(200);
    expect(res.body.doneAt).toEqual(expect.any(String));
    // Taken back, and done again.
    const undone = await as(tokens.teacher).post(`/api/plan-actions/${reflection.id}/completion`, { done: false });
    expect(undone.status).toBe(200);
    expect(undone.body.doneAt).toBeNull();
    await as(tokens.teacher).post(`/api/plan-actions/${reflection.id}/completion`, { done: true }).expect(200);
    expect(
      (await as(tokens.colleague).post(`/api/plan-actions/${reflection.id}/completion`, { done: false })).status,
    ).toBe(404);
    expect(
      (await as(tokens.principal).post(`/api/plan-actions/${reflection.id}/completion`, { done: false })).status,
    ).toBe(403);
  });

  it('shows coordinators what is overdue across their candidates, and principals only their schools’', async () => {
    const list = async (token: string, filter: object) => {
      const res = await as(token).get(`/api/plan-actions?filter=${encodeURIComponent(JSON.stringify(filter))}`);
      expect(res.status).toBe(200);
      return res.body as (Action & { candidateId: string; lastName: string })[];
    };
    const overdue = await list(tokens.coord, { overdue: true });
    expect(overdue.map((a) => a.description)).toEqual(['Shadow the AP for a day']);
    expect(overdue[0]!.candidateId).toBe(ids.cand);
    const open = await list(tokens.coord, { done: false });
    expect(open.every((a) => a.doneAt === null)).toBe(true);
    expect(open.length).toBeGreaterThan(1);
    expect((await list(tokens.principal, { overdue: true })).length).toBe(1);
    expect(await list(tokens.principal2, {})).toEqual([]);
    expect(await list(tokens.colleague, {})).toEqual([]);
    expect((await list(tokens.teacher, { overdue: true })).length).toBe(1);
  });

  it('revises the plan as a new draft that carries the actions over, and keeps the agreed version as it was', async () => {
    const before = (await plans(tokens.coord)).agreed!;
    const rev = await as(tokens.coord).post(`/api/candidates/${ids.cand}/development-plan`);
    expect(rev.status).toBe(201);
    expect(rev.body.number).toBe(2);
    expect(rev.body.actions.map(editable)).toEqual(before.actions.map(editable));
    expect(rev.body.actions.map((a: Action) => a.doneAt)).toEqual(before.actions.map((a) => a.doneAt));
    // A draft's action is not ticked by hand.
    expect(
      (await as(tokens.teacher).post(`/api/plan-actions/${rev.body.actions[0].id}/completion`, { done: true })).status,
    ).toBe(409);

    // While the revision is discussed, the candidate ticks an action of the plan in force.
    const tickedMeanwhile = before.actions.slice(1).find((a) => a.doneAt === null && a.kind !== 'opportunity')!;
    await as(tokens.teacher).post(`/api/plan-actions/${tickedMeanwhile.id}/completion`, { done: true }).expect(200);

    // An action is kept by its id (what was done of it stays done); an id not of this draft is a 400.
    const unknown = await as(tokens.coord).put(`/api/development-plans/${rev.body.id}`, {
      version: rev.body.version,
      actions: [{ id: before.actions[0]!.id, ...editable(before.actions[0]!) }],
    });
    expect(unknown.status).toBe(400);
    expect(Object.keys(unknown.body.errors)).toEqual(['actions.0.id']);
    const kept = (rev.body.actions as Action[]).slice(1);
    let plan = (
      await as(tokens.coord).put(`/api/development-plans/${rev.body.id}`, {
        version: rev.body.version,
        actions: kept.map((a) => ({ id: a.id, ...editable(a) })),
      })
    ).body;
    expect(plan.actions.map((a: Action) => [a.description, a.doneAt, a.assignmentId])).toEqual(
      kept.map((a) => [a.description, a.doneAt, a.assignmentId]),
    );
    plan = (await as(tokens.coord).post(`/api/development-plans/${plan.id}/agreement`, { version: plan.version })).body;
    plan = (await as(tokens.teacher).post(`/api/development-plans/${plan.id}/agreement`, { version: plan.version }))
      .body;
    expect(plan.status).toBe('agreed');
    // The tick made on the old plan meanwhile is carried into the new one.
    expect(plan.actions.find((a: Action) => a.description === tickedMeanwhile.description).doneAt).toEqual(
      expect.any(String),
    );
    const now = await plans(tokens.teacher);
    expect(now.versions.map((v) => [v.number, v.status])).toEqual([
      [2, 'agreed'],
      [1, 'superseded'],
    ]);
    const old = await as(tokens.teacher).get(`/api/development-plans/${before.id}`);
    expect(old.body).toMatchObject({ status: 'superseded', agreedAt: before.agreedAt });
    expect(old.body.actions.map((a: Action) => a.id)).toEqual(before.actions.map((a) => a.id));
    expect(old.body.actions.map(editable)).toEqual(before.actions.map(editable));
  });

  it('lets nobody agree to their own plan for the program: a coordinator who is the candidate agrees as the candidate', async () => {
    const f = t.factories;
    const ed = await f.createEducator({ districtId: d });
    const coordCandidate = await f.createUser({ role: 'coordinator', districtId: d, educatorId: ed.id });
    const role = (await f.createLeadershipRole({ districtId: d })).id;
    const cand = (await f.createCandidate({ districtId: d, educatorId: ed.id, roleId: role }, PATH)).id;
    const token = await t.login(coordCandidate.email);
    const draft = (await as(token).post(`/api/candidates/${cand}/development-plan`)).body as Plan;
    const res = await as(token).post(`/api/development-plans/${draft.id}/agreement`, { version: draft.version });
    expect(res.status).toBe(200);
    expect(res.body.candidateAgreedAt).toEqual(expect.any(String));
    expect(res.body).toMatchObject({ coordinatorAgreedAt: null, status: 'draft' });
  });

  it('keeps a paused candidacy’s plan as it is, off the lists of what is due', async () => {
    const { draft } = await plans(tokens.coord, ids.colleagueCand);
    await t.db.query(`UPDATE candidates SET stage = 'paused', paused_from = 'developing' WHERE id = $1`, [
      ids.colleagueCand,
    ]);
    const put = await as(tokens.coord).put(`/api/development-plans/${draft!.id}`, {
      version: draft!.version,
      actions: [],
    });
    expect(put.status).toBe(409);
    const agree = await as(tokens.coord).post(`/api/development-plans/${draft!.id}/agreement`, {
      version: draft!.version,
    });
    expect(agree.status).toBe(409);
    expect((await plans(tokens.coord, ids.colleagueCand)).draft).toEqual(draft);
  });
});
