import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { errorBody, expected } from '../expected-errors.js';
import { createTestApp, TestApp } from '../test-app.js';

/** The readiness rule through the API, confirmation history, the new-evidence flag and sharing (docs/readiness.md). */
describe('/candidates/:id/readiness', () => {
  let t: TestApp;
  let districtId: string;
  let candidateId: string;
  let exitedId: string;
  let hrUserId: string;
  let k: { id: string }[];
  let tokens: Record<
    'hr' | 'sup' | 'coord' | 'principalA' | 'principalB' | 'otherHr' | 'candidate' | 'otherEducator',
    string
  >;

  beforeAll(async () => {
    t = await createTestApp();
    const f = t.factories;
    districtId = (await f.createDistrict()).id;
    const otherDistrictId = (await f.createDistrict()).id;
    const schoolA = (await f.createSchool({ districtId })).id;
    const schoolB = (await f.createSchool({ districtId })).id;
    const roleId = (await f.createLeadershipRole({ districtId, title: 'Assistant principal' })).id;
    const framework = await f.createFramework({ districtId, shortName: 'RDY' });
    k = [];
    for (const [code, title] of [
      ['K1', 'Vision'],
      ['K2', 'Instruction'],
      ['K3', 'Community'],
    ])
      k.push(await f.createCompetency({ frameworkId: framework.id, code, title }));
    const { educator, user } = await f.createEducatorUser({ districtId, schoolId: schoolA });
    candidateId = (
      await f.createCandidate({ districtId, educatorId: educator.id, roleId }, [
        { to: 'engaged', daysAgo: 90 },
        { to: 'developing', daysAgo: 60 },
      ])
    ).id;
    const leaver = await f.createEducator({ districtId, schoolId: schoolA });
    exitedId = (
      await f.createCandidate({ districtId, educatorId: leaver.id, roleId }, [
        { to: 'exited', daysAgo: 5, exitReason: 'withdrew', reason: 'Moved away' },
      ])
    ).id;
    const other = await f.createEducatorUser({ districtId, schoolId: schoolA });
    const hr = await f.createUser({ role: 'hr', districtId, name: 'Harriet HR' });
    hrUserId = hr.id;
    const login = (email: string) => t.login(email);
    tokens = {
      hr: await login(hr.email),
      sup: await login((await f.createUser({ role: 'superintendent', districtId, name: 'Sam Super' })).email),
      coord: await login((await f.createUser({ role: 'coordinator', districtId })).email),
      principalA: await login((await f.createUser({ role: 'principal', districtId, schoolIds: [schoolA] })).email),
      principalB: await login((await f.createUser({ role: 'principal', districtId, schoolIds: [schoolB] })).email),
      otherHr: await login((await f.createUser({ role: 'hr', districtId: otherDistrictId })).email),
      candidate: await login(user.email),
      otherEducator: await login(other.user.email),
    };
    const targets = await as('hr').put(`/api/leadership-roles/${roleId}/targets`, {
      targets: [
        { competencyId: k[0]!.id, targetLevel: 3 },
        { competencyId: k[1]!.id, targetLevel: 3 },
        { competencyId: k[2]!.id, targetLevel: 2 },
      ],
    });
    expect(targets.status).toBe(200);
  });
  afterAll(() => t.close());

  const as = (who: keyof typeof tokens) => ({
    get: (path: string) => t.http().get(path).auth(tokens[who], { type: 'bearer' }),
    post: (path: string, body: object = {}) => t.http().post(path).send(body).auth(tokens[who], { type: 'bearer' }),
    put: (path: string, body: object) => t.http().put(path).send(body).auth(tokens[who], { type: 'bearer' }),
  });
  const url = () => `/api/candidates/${candidateId}/readiness`;
  const evidence = async (i: number, level: number, source: string, observedOn: string): Promise<string> => {
    const res = await as('hr').post('/api/evidence', {
      candidateId,
      competencyId: k[i]!.id,
      level,
      source,
      observedOn,
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const target = (i: number, code: string, message: string) => ({ code, competencyId: k[i]!.id, message });

  describe('GET: the suggested band follows the rule, case by case', () => {
    it('requires authentication', async () => {
      const res = await t.http().get(url());
      expect(res.status).toBe(401);
      expect(res.body).toEqual(expected.unauthenticated);
    });

    it('is not_assessed before any evidence', async () => {
      const res = await as('hr').get(url());
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        candidateId,
        shared: false,
        suggestedBand: 'not_assessed',
        reasons: [{ code: 'no_evidence', message: "No evidence yet on any of the role's 3 targets" }],
        targetsMet: 0,
        targetsTotal: 3,
        band: 'not_assessed',
        rationale: null,
        confirmedAt: null,
        confirmedByUserId: null,
        confirmedByName: null,
        newEvidenceSinceConfirmation: 0,
        newEvidenceIds: [],
        history: [],
        candidateVersion: expect.any(Number),
        actions: { canConfirm: true, canShare: true },
      });
    });

    it('is ready_3_plus_years with one target met and two without evidence', async () => {
      await evidence(0, 3, 'observation', '2026-01-10');
      const res = await as('hr').get(url());
      expect(res.body.suggestedBand).toBe('ready_3_plus_years');
      expect(res.body.reasons).toEqual([
        { code: 'summary', message: '1 of 3 targets met; 2 targets without evidence; fewer than half met' },
        target(
          0,
          'single_source',
          'K1 Vision: level 3 meets target 3, but all its evidence is from observation; ready now needs 2 different sources',
        ),
        target(1, 'target_unrated', 'K2 Instruction: no evidence yet (target 3)'),
        target(2, 'target_unrated', 'K3 Community: no evidence yet (target 2)'),
      ]);
    });

    it('is ready_1_2_years with a one-level gap, two of three met, on single sources', async () => {
      await evidence(1, 2, 'artifact', '2026-01-12');
      await evidence(2, 2, 'feedback_360', '2026-01-12');
      const res = await as('hr').get(url());
      expect(res.body.suggestedBand).toBe('ready_1_2_years');
      expect(res.body.targetsMet).toBe(2);
      expect(res.body.reasons.map((r: { message: string }) => r.message)).toEqual([
        '2 of 3 targets met; every other within 1 level; 2 met targets on a single source of evidence',
        'K1 Vision: level 3 meets target 3, but all its evidence is from observation; ready now needs 2 different sources',
        'K2 Instruction: level 2, target 3 (gap 1 level)',
        'K3 Community: level 2 meets target 2, but all its evidence is from 360° feedback; ready now needs 2 different sources',
      ]);
    });

    it('is ready_now when every target is met on two sources each', async () => {
      await evidence(0, 3, 'artifact', '2026-02-01');
      await evidence(1, 3, 'observation', '2026-02-01'); // newer than the 2 of 2026-01-12: K2 is now 3
      await evidence(2, 3, 'observation', '2026-02-01');
      const res = await as('hr').get(url());
      expect(res.body.suggestedBand).toBe('ready_now');
      expect(res.body.reasons).toEqual([
        { code: 'summary', message: 'All 3 targets met, each on evidence from at least 2 sources' },
        target(0, 'target_met', 'K1 Vision: level 3 meets target 3 (sources: artifact, observation)'),
        target(1, 'target_met', 'K2 Instruction: level 3 meets target 3 (sources: artifact, observation)'),
        target(2, 'target_met', 'K3 Community: level 3 meets target 2 (sources: 360° feedback, observation)'),
      ]);
    });

    it('is scoped like the candidate: 404 outside the principal’s schools and the district', async () => {
      expect((await as('principalA').get(url())).status).toBe(200);
      expect((await as('principalB').get(url())).body).toEqual(expected.notFound);
      expect((await as('otherHr').get(url())).body).toEqual(expected.notFound);
      expect((await as('otherEducator').get(url())).body).toEqual(expected.notFound);
    });
  });

  describe('POST: confirmation', () => {
    it('requires authentication', async () => {
      expect((await t.http().post(url()).send({ band: 'ready_now', rationale: 'x' })).status).toBe(401);
    });

    it.each(['coord', 'principalA', 'candidate'] as const)('is a 403 for %s', async (who) => {
      const res = await as(who).post(url(), { band: 'ready_now', rationale: 'Ready.' });
      expect(res.status).toBe(403);
      expect(res.body).toEqual(expected.forbidden);
    });

    it('is a 404 for another district', async () => {
      expect((await as('otherHr').post(url(), { band: 'ready_now', rationale: 'Ready.' })).body).toEqual(
        expected.notFound,
      );
    });

    it('requires a rationale and a confirmable band', async () => {
      expect((await as('hr').post(url(), { band: 'ready_now', rationale: '   ' })).body).toEqual(
        expected.validation({ rationale: 'rationale is required' }),
      );
      expect((await as('hr').post(url(), { band: 'ready_now' })).body).toEqual(
        expected.validation({ rationale: expect.any(String) }),
      );
      expect((await as('hr').post(url(), { band: 'not_assessed', rationale: 'Reset.' })).body).toEqual(
        expected.validation({ band: 'band must be one of: ready_now, ready_1_2_years, ready_3_plus_years' }),
      );
    });

    it('is a 409 for an exited candidacy and for a stale expectedVersion', async () => {
      const exited = await as('hr').post(`/api/candidates/${exitedId}/readiness`, {
        band: 'ready_now',
        rationale: 'Ready.',
      });
      expect(exited.status).toBe(409);
      expect(exited.body.message).toMatch(/exited/);
      const stale = await as('hr').post(url(), { band: 'ready_now', rationale: 'Ready.', expectedVersion: 999 });
      expect(stale.body).toEqual(expected.staleVersion);
      expect((await as('hr').get(url())).body.history).toEqual([]);
    });

    it('keeps the suggestion of the moment with a different confirmed band, and updates the candidate', async () => {
      const before = await as('hr').get(url());
      const res = await as('hr').post(url(), {
        band: 'ready_1_2_years',
        rationale: 'Strong on paper; wants a year leading the master schedule first.',
        expectedVersion: before.body.candidateVersion,
      });
      expect(res.status).toBe(201);
      expect(res.body).toEqual(
        expect.objectContaining({
          suggestedBand: 'ready_now',
          band: 'ready_1_2_years',
          rationale: 'Strong on paper; wants a year leading the master schedule first.',
          confirmedAt: expect.any(String),
          confirmedByUserId: hrUserId,
          confirmedByName: 'Harriet HR',
          newEvidenceSinceConfirmation: 0,
          newEvidenceIds: [],
          candidateVersion: before.body.candidateVersion + 1,
        }),
      );
      expect(res.body.history).toEqual([
        {
          id: expect.any(String),
          suggestedBand: 'ready_now',
          suggestedReasons: before.body.reasons,
          band: 'ready_1_2_years',
          rationale: 'Strong on paper; wants a year leading the master schedule first.',
          confirmedByUserId: hrUserId,
          confirmedByName: 'Harriet HR',
          confirmedAt: res.body.confirmedAt,
        },
      ]);
      const candidate = await as('hr').get(`/api/candidates/${candidateId}`);
      expect(candidate.body.readiness).toBe('ready_1_2_years');
      const [row] = await t.db.query(
        `SELECT c.readiness_confirmed_at = a.confirmed_at AS same FROM candidates c JOIN readiness_assessments a ON a.candidate_id = c.id WHERE c.id = $1`,
        [candidateId],
      );
      expect(row.same).toBe(true);
    });

    it('flags evidence recorded after the confirmation', async () => {
      const id = await evidence(1, 2, 'self_reflection', '2026-01-05'); // observed earlier, recorded now: still new
      const res = await as('hr').get(url());
      expect(res.body.newEvidenceSinceConfirmation).toBe(1);
      expect(res.body.newEvidenceIds).toEqual([id]);
      // An older observation does not change K2's current level (the most recent rating counts).
      expect(res.body.suggestedBand).toBe('ready_now');
    });

    it('keeps every confirmation, newest first; a newer one resets the flag', async () => {
      const res = await as('sup').post(url(), {
        band: 'ready_now',
        rationale: 'Cabinet review: ready for an AP seat.',
      });
      expect(res.status).toBe(201);
      expect(res.body.actions).toEqual({ canConfirm: true, canShare: false });
      expect(
        res.body.history.map((h: { band: string; confirmedByName: string }) => [h.band, h.confirmedByName]),
      ).toEqual([
        ['ready_now', 'Sam Super'],
        ['ready_1_2_years', 'Harriet HR'],
      ]);
      expect(res.body.newEvidenceSinceConfirmation).toBe(0);
      expect((await as('hr').get(`/api/candidates/${candidateId}`)).body.readiness).toBe('ready_now');
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM readiness_assessments WHERE candidate_id = $1`, [
        candidateId,
      ]);
      expect(n).toBe(2);
    });
  });

  describe('sharing with the educator', () => {
    const sharing = () => `${url()}/sharing`;

    it('hides the band from the educator until hr shares it', async () => {
      const res = await as('candidate').get(url());
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ candidateId, shared: false });
      expect((await as('candidate').get(`/api/candidates/${candidateId}`)).body.readiness).toBeNull();
    });

    it('is hr’s decision: 403 for the superintendent, coordinator and educator; 404 across districts', async () => {
      for (const who of ['sup', 'coord', 'candidate'] as const)
        expect((await as(who).post(sharing(), { shared: true })).body).toEqual(expected.forbidden);
      expect((await as('otherHr').post(sharing(), { shared: true })).body).toEqual(expected.notFound);
      expect((await as('hr').post(sharing(), { shared: 'yes' })).body).toEqual(
        expected.validation({ shared: expect.any(String) }),
      );
    });

    it('once shared, the educator sees their readiness; unshared, it is hidden again', async () => {
      const shared = await as('hr').post(sharing(), { shared: true });
      expect(shared.status).toBe(200);
      expect(shared.body.shared).toBe(true);
      const mine = await as('candidate').get(url());
      expect(mine.body).toEqual(
        expect.objectContaining({
          shared: true,
          band: 'ready_now',
          rationale: 'Cabinet review: ready for an AP seat.',
          actions: { canConfirm: false, canShare: false },
        }),
      );
      expect((await as('candidate').get(`/api/candidates/${candidateId}`)).body.readiness).toBe('ready_now');
      await as('hr').post(sharing(), { shared: false });
      expect((await as('candidate').get(url())).body).toEqual({ candidateId, shared: false });
    });

    it('is not editable through the candidate PUT', async () => {
      const current = (await as('hr').get(`/api/candidates/${candidateId}`)).body;
      const { actions: _actions, ...record } = current;
      const res = await as('hr').put(`/api/candidates/${candidateId}`, { ...record, readinessShared: true });
      expect(res.body).toEqual(
        errorBody(400, 'read_only_field', {
          errors: {
            readinessShared: 'readinessShared cannot be changed here: use POST /api/candidates/{id}/readiness/sharing',
          },
        }),
      );
    });
  });
});
