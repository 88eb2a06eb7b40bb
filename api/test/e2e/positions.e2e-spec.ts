import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { expected } from '../expected-errors.js';
import { createTestApp, TestApp } from '../test-app.js';

const DAY = 86_400_000;
const READY_PATH = [
  { to: 'engaged' as const, daysAgo: 300 },
  { to: 'developing' as const, daysAgo: 200 },
  { to: 'ready' as const, daysAgo: 30 },
];
type Ids = Record<
  | 'schoolA'
  | 'schoolB'
  | 'otherSchool'
  | 'principalRole'
  | 'apRole'
  | 'otherRole'
  | 'retiring'
  | 'leaving'
  | 'ann'
  | 'annC'
  | 'benC'
  | 'cleoC'
  | 'coachC'
  | 'pausedC'
  | 'placedC'
  | 'otherC'
  | 'otherEducator'
  | 'principalA'
  | 'principalB'
  | 'apA'
  | 'soon'
  | 'raceSeat'
  | 'raceSeat2'
  | 'raceSeat3'
  | 'otherSeat',
  string
>;
const isoDay = (daysFromNow: number) => new Date(Date.now() + daysFromNow * DAY).toISOString().slice(0, 10);

/** Positions: CRUD, the bench by confirmed readiness, and placement (one transaction, one winner). */
describe('/positions', () => {
  let t: TestApp;
  let d: string;
  let hrUserId: string;
  let ids: Ids;
  let racers: string[] = [];
  let tokens: Record<'hr' | 'sup' | 'coord' | 'principal' | 'educator' | 'otherHr', string>;
  const year = new Date().getUTCFullYear();

  beforeAll(async () => {
    t = await createTestApp();
    const f = t.factories;
    d = (await f.createDistrict()).id;
    const o = (await f.createDistrict()).id;
    const schoolA = await f.createSchool({ districtId: d, name: 'Alder High' });
    const schoolB = await f.createSchool({ districtId: d, name: 'Birch Middle' });
    const otherSchool = await f.createSchool({ districtId: o });
    const principalRole = await f.createLeadershipRole({ districtId: d, title: 'Principal', level: 'school' });
    const apRole = await f.createLeadershipRole({ districtId: d, title: 'Assistant principal', level: 'school' });
    const coachRole = await f.createLeadershipRole({ districtId: d, title: 'Instructional coach', level: 'classroom' });
    const otherRole = await f.createLeadershipRole({ districtId: o, title: 'Principal' });
    const framework = await f.createFramework({ districtId: d });
    const k1 = await f.createCompetency({ frameworkId: framework.id, code: 'K1', title: 'Vision' });
    await t.db.query(`INSERT INTO role_targets (role_id, competency_id, target_level) VALUES ($1, $2, 3)`, [
      principalRole.id,
      k1.id,
    ]);
    const hr = await f.createUser({ role: 'hr', districtId: d });
    hrUserId = hr.id;
    const educator = await f.createEducatorUser({ districtId: d, schoolId: schoolA.id });
    const person = (lastName: string, extra: object = {}) =>
      f.createEducator({ districtId: d, schoolId: schoolA.id, firstName: 'Pat', lastName, ...extra });
    const retiring = await person('Retiring', { retirementEligibleYear: year + 2 });
    const leaving = await person('Leaving', { retirementEligibleYear: year + 10 });
    const ann = await person('Adams');
    const ben = await person('Brown');
    const cleo = await person('Chen');
    const candidate = (educatorId: string, roleId: string, path: Parameters<typeof f.createCandidate>[1]) =>
      f.createCandidate({ districtId: d, educatorId, roleId }, path);
    const annC = await candidate(ann.id, principalRole.id, READY_PATH);
    const benC = await candidate(ben.id, principalRole.id, READY_PATH);
    const cleoC = await candidate(cleo.id, principalRole.id, READY_PATH.slice(0, 2));
    const coachC = await candidate((await person('Coach')).id, coachRole.id, READY_PATH);
    const pausedC = await candidate((await person('Paused')).id, principalRole.id, [
      ...READY_PATH,
      { to: 'paused', daysAgo: 3, reason: 'Leave' },
    ]);
    const placedC = await candidate((await person('Placed')).id, principalRole.id, [
      ...READY_PATH,
      { to: 'placed', daysAgo: 2 },
    ]);
    racers = [];
    for (let i = 0; i < 5; i++)
      racers.push((await candidate((await person(`Racer${i}`)).id, principalRole.id, READY_PATH)).id);
    const otherEducator = await f.createEducator({ districtId: o, schoolId: otherSchool.id });
    const otherC = await f.createCandidate(
      { districtId: o, educatorId: otherEducator.id, roleId: otherRole.id },
      READY_PATH,
    );
    // Ann: ready_now, confirmed 10 days ago; one rating before, one after. Ben: ready_1_2_years. Cleo: none.
    await f.createReadinessAssessment({
      districtId: d,
      candidateId: annC.id,
      confirmedByUserId: hr.id,
      band: 'ready_now',
      confirmedAt: new Date(Date.now() - 10 * DAY),
    });
    await f.createReadinessAssessment({
      districtId: d,
      candidateId: benC.id,
      confirmedByUserId: hr.id,
      band: 'ready_1_2_years',
    });
    const rate = (candidateId: string, level: number, source: 'observation' | 'artifact', daysAgo: number) =>
      f.createEvidence({
        districtId: d,
        candidateId,
        competencyId: k1.id,
        recorderUserId: hr.id,
        level,
        source,
        observedOn: isoDay(-daysAgo),
        createdAt: new Date(Date.now() - daysAgo * DAY),
      });
    await rate(annC.id, 3, 'observation', 20);
    await rate(annC.id, 3, 'artifact', 5);
    await rate(cleoC.id, 1, 'observation', 40);
    const pos = (o2: Parameters<typeof f.createPosition>[0]) => f.createPosition(o2);
    const principalA = await pos({
      districtId: d,
      roleId: principalRole.id,
      schoolId: schoolA.id,
      title: 'Principal, Alder High',
      incumbentEducatorId: retiring.id,
    });
    const principalB = await pos({
      districtId: d,
      roleId: principalRole.id,
      schoolId: schoolB.id,
      title: 'Principal, Birch Middle',
    });
    const apA = await pos({
      districtId: d,
      roleId: apRole.id,
      schoolId: schoolA.id,
      title: 'Assistant principal, Alder High',
      incumbentEducatorId: ann.id,
    });
    const soon = await pos({
      districtId: d,
      roleId: apRole.id,
      schoolId: schoolB.id,
      title: 'Assistant principal, Birch Middle',
      incumbentEducatorId: leaving.id,
      projectedVacancyOn: isoDay(100),
    });
    const raceSeat = await pos({ districtId: d, roleId: principalRole.id, title: 'Principal on special assignment' });
    const raceSeat2 = await pos({ districtId: d, roleId: principalRole.id, title: 'Principal, Summer Academy' });
    const raceSeat3 = await pos({ districtId: d, roleId: principalRole.id, title: 'Principal, Evening School' });
    const otherSeat = await pos({ districtId: o, roleId: otherRole.id, title: 'Elsewhere' });
    ids = {
      schoolA: schoolA.id,
      schoolB: schoolB.id,
      otherSchool: otherSchool.id,
      principalRole: principalRole.id,
      apRole: apRole.id,
      otherRole: otherRole.id,
      retiring: retiring.id,
      leaving: leaving.id,
      ann: ann.id,
      annC: annC.id,
      benC: benC.id,
      cleoC: cleoC.id,
      coachC: coachC.id,
      pausedC: pausedC.id,
      placedC: placedC.id,
      otherC: otherC.id,
      otherEducator: otherEducator.id,
      principalA: principalA.id,
      principalB: principalB.id,
      apA: apA.id,
      soon: soon.id,
      raceSeat: raceSeat.id,
      raceSeat2: raceSeat2.id,
      raceSeat3: raceSeat3.id,
      otherSeat: otherSeat.id,
    };
    const login = (email: string) => t.login(email);
    tokens = {
      hr: await login(hr.email),
      sup: await login((await f.createUser({ role: 'superintendent', districtId: d })).email),
      coord: await login((await f.createUser({ role: 'coordinator', districtId: d })).email),
      principal: await login((await f.createUser({ role: 'principal', districtId: d, schoolIds: [schoolA.id] })).email),
      educator: await login(educator.user.email),
      otherHr: await login((await f.createUser({ role: 'hr', districtId: o })).email),
    };
  });
  afterAll(() => t.close());

  const as = (who: keyof typeof tokens) => ({
    get: (path: string) => t.http().get(path).auth(tokens[who], { type: 'bearer' }),
    post: (path: string, body: object = {}) => t.http().post(path).send(body).auth(tokens[who], { type: 'bearer' }),
    put: (path: string, body: object) => t.http().put(path).send(body).auth(tokens[who], { type: 'bearer' }),
    delete: (path: string) => t.http().delete(path).auth(tokens[who], { type: 'bearer' }),
  });
  const list = async (filter: object, sort = '["title","ASC"]') => {
    const res = await as('hr').get(
      `/api/positions?filter=${encodeURIComponent(JSON.stringify(filter))}&sort=${encodeURIComponent(sort)}`,
    );
    expect(res.status).toBe(200);
    return res.body as { id: string; title: string }[];
  };

  describe('GET /api/positions', () => {
    it('requires authentication', async () => {
      expect((await t.http().get('/api/positions')).body).toEqual(expected.unauthenticated);
    });

    it.each(['principal', 'educator'] as const)('is a 403 for %s', async (who) => {
      expect((await as(who).get('/api/positions')).body).toEqual(expected.forbidden);
    });

    it('lists the district’s seats with their denormalized names, for hr, the superintendent and coordinators', async () => {
      for (const who of ['hr', 'sup', 'coord'] as const) {
        const res = await as(who).get('/api/positions');
        expect(res.status).toBe(200);
        expect(res.headers['content-range']).toBe('positions 0-6/7');
      }
      const res = await as('hr').get(`/api/positions/${ids.principalA}`);
      expect(res.body).toEqual({
        id: ids.principalA,
        districtId: d,
        title: 'Principal, Alder High',
        roleId: ids.principalRole,
        roleTitle: 'Principal',
        roleLevel: 'school',
        roleRequiresLicence: false,
        schoolId: ids.schoolA,
        schoolName: 'Alder High',
        incumbentEducatorId: ids.retiring,
        incumbentName: 'Pat Retiring',
        incumbentRetirementEligibleYear: year + 2,
        status: 'filled',
        projectedVacancyOn: null,
        projectedOpeningOn: `${year + 2}-07-01`,
        placedCandidateId: null,
        filledAt: expect.any(String),
        benchReadyNow: 1,
        version: 1,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect((await as('otherHr').get(`/api/positions/${ids.principalA}`)).body).toEqual(expected.notFound);
    });

    it('filters by status, role, school, level and opening window; sorts by projected opening', async () => {
      expect((await list({ status: 'vacant' })).map((p) => p.title)).toEqual([
        'Principal on special assignment',
        'Principal, Birch Middle',
        'Principal, Evening School',
        'Principal, Summer Academy',
      ]);
      expect((await list({ roleId: ids.apRole, schoolId: ids.schoolA })).map((p) => p.id)).toEqual([ids.apA]);
      expect((await list({ level: 'district' })).length).toBe(0);
      // 100 days from now opens within 12 months; July 1 two years on (19-31 months away) only within 36.
      expect((await list({ opensWithinMonths: 12 })).map((p) => p.id)).toEqual([ids.soon]);
      expect((await list({ opensWithinMonths: 36 }, '["projectedOpeningOn","ASC"]')).map((p) => p.id)).toEqual([
        ids.soon,
        ids.principalA,
      ]);
      expect((await list({ q: 'birch' })).length).toBe(2);
      const bad = await as('hr').get(`/api/positions?filter=${encodeURIComponent('{"nope":1}')}`);
      expect(bad.body).toEqual(expected.listQuery({ nope: expect.any(String) }));
    });
  });

  describe('retirement data in seats (issue #18)', () => {
    it('gives a coordinator no incumbent’s retirement year: not on the seat, not in its opening, filter or sort', async () => {
      const seat = (await as('coord').get(`/api/positions/${ids.principalA}`)).body;
      expect(seat).toMatchObject({ incumbentRetirementEligibleYear: null, projectedOpeningOn: null, status: 'filled' });
      const soon = (await as('coord').get(`/api/positions/${ids.soon}`)).body;
      expect(soon.projectedOpeningOn).toBe(soon.projectedVacancyOn);
      const coordList = async (filter: object, sort = '["title","ASC"]') =>
        (
          await as('coord').get(
            `/api/positions?filter=${encodeURIComponent(JSON.stringify(filter))}&sort=${encodeURIComponent(sort)}`,
          )
        ).body as { id: string }[];
      // hr sees the retiring principal open within 36 months; a coordinator only the known departure.
      expect((await coordList({ opensWithinMonths: 36 })).map((p) => p.id)).toEqual([ids.soon]);
      const sorted = (await coordList({ status: 'filled' }, '["projectedOpeningOn","DESC"]')).map((p) => p.id);
      expect(sorted.indexOf(ids.soon)).toBeGreaterThanOrEqual(0);
      expect(JSON.stringify(await coordList({}))).not.toContain(String(year + 2));
      // Nor does the bench dashboard count a retirement year for them.
      const bench = (who: 'hr' | 'coord') =>
        t
          .http()
          .get(`/api/dashboard/bench?roleId=${ids.principalRole}`)
          .auth(tokens[who], { type: 'bearer' })
          .then((r) => r.body.roles[0] as { opening36Months: number });
      expect((await bench('hr')).opening36Months).toBe((await bench('coord')).opening36Months + 1);
    });
  });

  describe('POST, PUT, DELETE /api/positions', () => {
    it('is hr’s: 403 for the superintendent and coordinators', async () => {
      for (const who of ['sup', 'coord'] as const) {
        expect((await as(who).post('/api/positions', { roleId: ids.apRole })).body).toEqual(expected.forbidden);
        expect((await as(who).delete(`/api/positions/${ids.apA}`)).body).toEqual(expected.forbidden);
      }
      expect((await as('otherHr').delete(`/api/positions/${ids.apA}`)).body).toEqual(expected.notFound);
    });

    it('checks role, school and incumbent against the district, and status against the incumbent', async () => {
      const res = await as('hr').post('/api/positions', {
        roleId: ids.otherRole,
        schoolId: ids.otherSchool,
        incumbentEducatorId: ids.otherEducator,
      });
      expect(res.body).toEqual(
        expected.validation({
          roleId: "roleId must be one of your district's leadership roles",
          schoolId: "schoolId must be one of your district's schools, or null for the district office",
          incumbentEducatorId: "incumbentEducatorId must be one of your district's educators",
        }),
      );
      expect((await as('hr').post('/api/positions', { roleId: ids.apRole, status: 'filled' })).body).toEqual(
        expected.validation({ status: 'a filled seat needs an incumbent: set incumbentEducatorId' }),
      );
      expect(
        (
          await as('hr').post('/api/positions', {
            roleId: ids.apRole,
            incumbentEducatorId: ids.retiring,
            status: 'vacant',
          })
        ).body,
      ).toEqual(
        expected.validation({
          incumbentEducatorId: 'Pat Retiring already holds "Principal, Alder High"; make that seat vacant first',
          status: 'a vacant seat has no incumbent: clear incumbentEducatorId',
        }),
      );
      expect(
        (await as('hr').post('/api/positions', { roleId: ids.apRole, projectedVacancyOn: '2027-13-01' })).body,
      ).toEqual(expected.validation({ projectedVacancyOn: 'projectedVacancyOn must be a date like 2027-06-30' }));
      expect(
        (await as('hr').post('/api/positions', { roleId: ids.apRole, projectedVacancyOn: '2027-06-30' })).body,
      ).toEqual(
        expected.validation({
          projectedVacancyOn: 'a vacant seat is open now: a projected vacancy applies to a filled seat only',
        }),
      );
    });

    it('creates a seat with a default title and derived status; edits and deletes it', async () => {
      const created = await as('hr').post('/api/positions', { roleId: ids.apRole, schoolId: ids.schoolB });
      expect(created.status).toBe(201);
      expect(created.body).toEqual(
        expect.objectContaining({
          title: 'Assistant principal, Birch Middle',
          status: 'vacant',
          incumbentEducatorId: null,
          filledAt: null,
          projectedOpeningOn: null,
          version: 1,
        }),
      );
      const office = await as('hr').post('/api/positions', { roleId: ids.apRole, schoolId: null });
      expect(office.body.title).toBe('Assistant principal, District office');
      const id = created.body.id as string;
      const stale = await as('hr').put(`/api/positions/${id}`, { ...created.body, version: 7 });
      expect(stale.body).toEqual(expected.staleVersion);
      const renamed = await as('hr').put(`/api/positions/${id}`, { ...created.body, roleTitle: 'Dean' });
      expect(renamed.body).toEqual(
        expect.objectContaining({
          statusCode: 400,
          errors: { roleTitle: 'roleTitle cannot be changed here: edit the leadership role instead' },
        }),
      );
      const newcomer = await t.factories.createEducator({
        districtId: d,
        schoolId: ids.schoolB,
        retirementEligibleYear: year + 1,
      });
      const filled = await as('hr').put(`/api/positions/${id}`, {
        ...created.body,
        incumbentEducatorId: newcomer.id,
        projectedVacancyOn: isoDay(30),
      });
      expect(filled.status).toBe(200);
      expect(filled.body).toEqual(
        expect.objectContaining({
          status: 'filled',
          incumbentEducatorId: newcomer.id,
          projectedOpeningOn: isoDay(30),
          filledAt: expect.any(String),
          version: 2,
        }),
      );
      const cleared = await as('hr').put(`/api/positions/${id}`, {
        ...filled.body,
        incumbentEducatorId: null,
        projectedVacancyOn: null,
      });
      expect(cleared.body).toEqual(expect.objectContaining({ status: 'vacant', filledAt: null, version: 3 }));
      const deleted = await as('hr').delete(`/api/positions/${id}`);
      expect(deleted.status).toBe(200);
      expect(deleted.body.id).toBe(id);
      expect((await as('hr').get(`/api/positions/${id}`)).body).toEqual(expected.notFound);
      expect((await as('hr').delete(`/api/positions/${office.body.id}`)).status).toBe(200);
    });
  });

  describe('GET /api/positions/:id/bench', () => {
    it('is a 403 for principals and educators, and a 404 across districts', async () => {
      for (const who of ['principal', 'educator'] as const)
        expect((await as(who).get(`/api/positions/${ids.principalB}/bench`)).body).toEqual(expected.forbidden);
      expect((await as('otherHr').get(`/api/positions/${ids.principalB}/bench`)).body).toEqual(expected.notFound);
    });

    it('lists the role’s candidates not yet placed, by confirmed band, with a profile summary', async () => {
      const res = await as('coord').get(`/api/positions/${ids.principalB}/bench`);
      expect(res.status).toBe(200);
      expect(res.body.counts).toEqual({ ready_now: 1, ready_1_2_years: 1, ready_3_plus_years: 0, not_assessed: 6 });
      const names = res.body.candidates.map((c: { lastName: string }) => c.lastName);
      // Paused, placed, exited and other roles' candidates are not on the bench.
      expect(names).toEqual(['Adams', 'Brown', 'Racer0', 'Racer1', 'Racer2', 'Racer3', 'Racer4', 'Chen']);
      const [ann, ben] = res.body.candidates;
      expect(ann).toEqual({
        candidateId: ids.annC,
        educatorId: ids.ann,
        firstName: 'Pat',
        lastName: 'Adams',
        schoolId: ids.schoolA,
        schoolName: 'Alder High',
        stage: 'ready',
        daysInStage: 30,
        readiness: 'ready_now',
        readinessConfirmedAt: expect.any(String),
        suggestedBand: 'ready_now',
        targetsMet: 1,
        targetsTotal: 1,
        largestGaps: [],
        evidenceCount: 2,
        newEvidenceSinceConfirmation: 1,
        placementRefusal: null,
        // The role does not require a licence.
        licence: null,
      });
      expect(ben).toEqual(expect.objectContaining({ readiness: 'ready_1_2_years', suggestedBand: 'not_assessed' }));
      const cleo = res.body.candidates[7];
      expect(cleo).toEqual(
        expect.objectContaining({
          stage: 'developing',
          readiness: 'not_assessed',
          suggestedBand: 'ready_3_plus_years',
          targetsMet: 0,
          largestGaps: [
            { competencyId: expect.any(String), code: 'K1', title: 'Vision', targetLevel: 3, currentLevel: 1, gap: 2 },
          ],
          placementRefusal: 'Pat Chen: the candidate is developing; only a candidate in ready can be placed',
        }),
      );
    });
  });

  describe('POST /api/positions/:id/placement', () => {
    const place = (who: keyof typeof tokens, seat: string, candidateId: string) =>
      as(who).post(`/api/positions/${seat}/placement`, { candidateId });

    it('requires authentication and hr', async () => {
      expect((await t.http().post(`/api/positions/${ids.principalA}/placement`).send({})).status).toBe(401);
      for (const who of ['sup', 'coord', 'principal', 'educator'] as const)
        expect((await place(who, ids.principalA, ids.annC)).body).toEqual(expected.forbidden);
    });

    it('is a 404 for a seat or candidate outside the district, or unknown', async () => {
      expect((await place('hr', ids.otherSeat, ids.annC)).body).toEqual(expected.notFound);
      expect((await place('hr', ids.principalA, ids.otherC)).body).toEqual(expected.notFound);
      expect((await place('hr', ids.principalA, '00000000-0000-4000-8000-000000000000')).body).toEqual(
        expected.notFound,
      );
      expect((await place('hr', ids.principalA, 'nope')).body).toEqual(
        expected.validation({ candidateId: 'candidateId must be a UUID' }),
      );
    });

    it('refuses, with a reason, a candidate not ready or for another role', async () => {
      const notReady = await place('hr', ids.principalA, ids.cleoC);
      expect(notReady.status).toBe(409);
      expect(notReady.body.message).toBe(
        'Pat Chen cannot be placed: the candidate is developing; only a candidate in ready can be placed',
      );
      const paused = await place('hr', ids.principalA, ids.pausedC);
      expect(paused.body.message).toBe(
        'Pat Paused cannot be placed: the candidate is paused; only a candidate in ready can be placed',
      );
      const otherRole = await place('hr', ids.principalA, ids.coachC);
      expect(otherRole.status).toBe(409);
      expect(otherRole.body.message).toBe(
        'Pat Coach is a candidate for Instructional coach; this seat is a Principal position',
      );
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM stage_transitions WHERE to_stage = 'placed'`);
      expect(n).toBe(1); // only the factory's placed candidate
    });

    it('fills the seat, moves the candidate to placed, and both the old incumbent and the old seat are let go', async () => {
      const res = await place('hr', ids.principalA, ids.annC);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        position: expect.objectContaining({
          id: ids.principalA,
          incumbentEducatorId: ids.ann,
          incumbentName: 'Pat Adams',
          status: 'filled',
          placedCandidateId: ids.annC,
          filledAt: expect.any(String),
          projectedVacancyOn: null,
          version: 2,
        }),
        candidateId: ids.annC,
        stage: 'placed',
        previousIncumbentEducatorId: ids.retiring,
        vacatedPositionIds: [ids.apA],
        warnings: [],
      });
      const ap = await as('hr').get(`/api/positions/${ids.apA}`);
      expect(ap.body).toEqual(
        expect.objectContaining({ status: 'vacant', incumbentEducatorId: null, placedCandidateId: null }),
      );
      expect(await list({ incumbentEducatorId: ids.retiring })).toEqual([]);
      const candidate = await as('hr').get(`/api/candidates/${ids.annC}`);
      expect(candidate.body.stage).toBe('placed');
      const history = await as('hr').get(
        `/api/stage-transitions?filter=${encodeURIComponent(JSON.stringify({ candidateId: ids.annC, toStage: 'placed' }))}`,
      );
      expect(history.body).toEqual([
        {
          id: expect.any(String),
          candidateId: ids.annC,
          fromStage: 'ready',
          toStage: 'placed',
          actorUserId: hrUserId,
          actorName: expect.any(String),
          reason: 'Placed into Principal, Alder High',
          exitReason: null,
          createdAt: expect.any(String),
        },
      ]);
      // Now off the bench, and the seat refuses a second placement while she is placed.
      const bench = await as('hr').get(`/api/positions/${ids.principalB}/bench`);
      expect(bench.body.candidates.map((c: { lastName: string }) => c.lastName)).not.toContain('Adams');
      const again = await place('hr', ids.principalA, ids.benC);
      expect(again.status).toBe(409);
      expect(again.body.message).toMatch(/^Pat Adams was placed into this seat on \d{4}-\d{2}-\d{2}; to replace them/);
      const twice = await place('hr', ids.principalB, ids.annC);
      expect(twice.body.message).toBe('Pat Adams cannot be placed: the candidate is already placed');
    });

    it('lets exactly one of five concurrent placements into one seat succeed', async () => {
      const results = await Promise.all(racers.map((c) => place('hr', ids.raceSeat, c)));
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
      const winner = results.find((r) => r.status === 200)!.body.candidateId as string;
      const rows: { id: string; stage: string }[] = await t.db.query(
        `SELECT id, stage FROM candidates WHERE id = ANY($1::uuid[])`,
        [racers],
      );
      expect(rows.filter((r) => r.stage === 'placed').map((r) => r.id)).toEqual([winner]);
      const [seat] = await t.db.query(`SELECT placed_candidate_id AS "placed" FROM positions WHERE id = $1`, [
        ids.raceSeat,
      ]);
      expect(seat.placed).toBe(winner);
    });

    it('lets exactly one of two concurrent placements of one candidate succeed', async () => {
      const [a, b] = await Promise.all([place('hr', ids.raceSeat2, ids.benC), place('hr', ids.raceSeat3, ids.benC)]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const [{ n }] = await t.db.query(
        `SELECT count(*)::int AS n FROM stage_transitions WHERE candidate_id = $1 AND to_stage = 'placed'`,
        [ids.benC],
      );
      expect(n).toBe(1);
      const seats: { n: number }[] = await t.db.query(
        `SELECT count(*)::int AS n FROM positions WHERE placed_candidate_id = $1`,
        [ids.benC],
      );
      expect(seats[0]!.n).toBe(1);
    });
  });
});
