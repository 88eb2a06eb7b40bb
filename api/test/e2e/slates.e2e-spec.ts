import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, TestApp } from '../test-app.js';

const DAY = 86_400_000;
const READY = [
  { to: 'engaged' as const, daysAgo: 600 },
  { to: 'developing' as const, daysAgo: 400 },
  { to: 'ready' as const, daysAgo: 30 },
];
const isoDay = (daysFromNow: number) => new Date(Date.now() + daysFromNow * DAY).toISOString().slice(0, 10);

interface Factor {
  key: string;
  points: number;
  max: number;
  detail: string;
}
interface Entry {
  candidateId: string;
  lastName: string;
  rank: number;
  pinned: boolean;
  score: number;
  factors: Factor[];
  placementRefusal: string | null;
}
interface Slate {
  frozenAt: string | null;
  frozenBy: string | null;
  gradeBand: string | null;
  entries: Entry[];
  excluded: { candidateId: string; reason: string }[];
  more: number;
}

/** Slates (issue #18 part 3) and the career profile they read willingness from (issue #19 part 1). */
describe('slates and career profiles', () => {
  let t: TestApp;
  let d: string;
  let seat: string;
  let ids: Record<
    'ann' | 'ben' | 'cleo' | 'dee' | 'ivy' | 'coachC' | 'otherC' | 'annEd' | 'benEd' | 'cleoEd' | 'educatorEd',
    string
  >;
  let schools: Record<'alder' | 'birch' | 'cedar' | 'other', string>;
  let roles: Record<'principal' | 'coach' | 'other', string>;
  let tokens: Record<'hr' | 'sup' | 'coord' | 'principal' | 'educator' | 'otherHr', string>;

  const api = (token: string) => ({
    get: (url: string) => t.http().get(url).set('Authorization', `Bearer ${token}`),
    post: (url: string, body: object) => t.http().post(url).set('Authorization', `Bearer ${token}`).send(body),
    put: (url: string, body: object) => t.http().put(url).set('Authorization', `Bearer ${token}`).send(body),
  });
  const slate = async (token = tokens.hr) => {
    const res = await api(token).get(`/api/positions/${seat}/slate`);
    expect(res.status).toBe(200);
    return res.body as Slate;
  };
  const names = (s: Slate) => s.entries.map((e) => e.lastName);
  const factor = (e: Entry, key: string) => e.factors.find((f) => f.key === key)!;
  const decide = (body: object, token = tokens.hr) => api(token).post(`/api/positions/${seat}/slate/decisions`, body);

  beforeAll(async () => {
    t = await createTestApp();
    const f = t.factories;
    d = (await f.createDistrict()).id;
    const o = (await f.createDistrict()).id;
    schools = {
      alder: (await f.createSchool({ districtId: d, name: 'Alder Elementary', gradeBand: 'elementary' })).id,
      birch: (await f.createSchool({ districtId: d, name: 'Birch Middle', gradeBand: 'middle' })).id,
      cedar: (await f.createSchool({ districtId: d, name: 'Cedar Elementary', gradeBand: 'elementary' })).id,
      other: (await f.createSchool({ districtId: o, gradeBand: 'elementary' })).id,
    };
    const principal = await f.createLeadershipRole({ districtId: d, title: 'Principal', level: 'school' });
    const ap = await f.createLeadershipRole({ districtId: d, title: 'Assistant principal', level: 'school' });
    const coach = await f.createLeadershipRole({ districtId: d, title: 'Instructional coach', level: 'classroom' });
    const otherRole = await f.createLeadershipRole({ districtId: o, title: 'Principal' });
    roles = { principal: principal.id, coach: coach.id, other: otherRole.id };
    const framework = await f.createFramework({ districtId: d });
    const k1 = await f.createCompetency({ frameworkId: framework.id, code: 'K1', title: 'Vision' });
    const k2 = await f.createCompetency({ frameworkId: framework.id, code: 'K2', title: 'Instruction' });
    await t.db.query(
      'INSERT INTO role_targets (role_id, competency_id, target_level) VALUES ($1, $2, 3), ($1, $3, 2)',
      [principal.id, k1.id, k2.id],
    );
    const hr = await f.createUser({ role: 'hr', districtId: d, name: 'Hana Reyes' });
    const person = (lastName: string, schoolId: string) =>
      f.createEducator({ districtId: d, schoolId, firstName: 'Pat', lastName });
    const annEd = await person('Adams', schools.alder);
    const benEd = await person('Brown', schools.birch);
    const cleoEd = await person('Chen', schools.cedar);
    const deeEd = await person('Diaz', schools.birch);
    const candidate = (educatorId: string, roleId: string, path: Parameters<typeof f.createCandidate>[1] = READY) =>
      f.createCandidate({ districtId: d, educatorId, roleId }, path);
    const ann = await candidate(annEd.id, principal.id);
    const ben = await candidate(benEd.id, principal.id);
    const cleo = await candidate(cleoEd.id, principal.id, READY.slice(0, 2));
    const dee = await candidate(deeEd.id, principal.id, READY.slice(0, 1));
    // Not on a slate: identified (has not accepted), paused, another role's, another district's.
    const ivy = await candidate((await person('Ivers', schools.alder)).id, principal.id, []);
    await candidate((await person('Paused', schools.alder)).id, principal.id, [
      ...READY,
      { to: 'paused', daysAgo: 3, reason: 'Leave' },
    ]);
    const coachC = await candidate((await person('Coach', schools.alder)).id, coach.id);
    const otherEd = await f.createEducator({ districtId: o, schoolId: schools.other });
    const otherC = await f.createCandidate({ districtId: o, educatorId: otherEd.id, roleId: otherRole.id }, READY);

    const confirm = (candidateId: string, band: 'ready_now' | 'ready_1_2_years', daysAgo: number) =>
      f.createReadinessAssessment({
        districtId: d,
        candidateId,
        confirmedByUserId: hr.id,
        band,
        confirmedAt: new Date(Date.now() - daysAgo * DAY),
      });
    const rate = (candidateId: string, competencyId: string, level: number, daysAgo: number) =>
      f.createEvidence({
        districtId: d,
        candidateId,
        competencyId,
        recorderUserId: hr.id,
        level,
        source: 'observation',
        observedOn: isoDay(-daysAgo),
        createdAt: new Date(Date.now() - daysAgo * DAY),
      });
    // Ann: both targets met, ready now confirmed 20 days ago, one rating since.
    await rate(ann.id, k1.id, 3, 40);
    await rate(ann.id, k2.id, 2, 40);
    await confirm(ann.id, 'ready_now', 20);
    await rate(ann.id, k2.id, 3, 5);
    // Ben: no target met, ready now confirmed 400 days ago. Cleo: one target, ready in 1–2 years.
    await confirm(ben.id, 'ready_now', 400);
    await rate(cleo.id, k1.id, 3, 30);
    await confirm(cleo.id, 'ready_1_2_years', 10);

    // Ann held an assistant principal's seat at Alder Elementary for two years (seat history).
    await f.createPosition({
      districtId: d,
      roleId: ap.id,
      schoolId: schools.alder,
      title: 'Assistant principal, Alder Elementary',
      incumbentEducatorId: annEd.id,
      filledAt: new Date(Date.now() - 731 * DAY),
    });
    seat = (
      await f.createPosition({
        districtId: d,
        roleId: principal.id,
        schoolId: schools.cedar,
        title: 'Principal, Cedar Elementary',
      })
    ).id;

    const educator = await f.createEducatorUser({ districtId: d, schoolId: schools.alder });
    const login = (email: string) => t.login(email);
    tokens = {
      hr: await login(hr.email),
      sup: await login((await f.createUser({ role: 'superintendent', districtId: d })).email),
      coord: await login((await f.createUser({ role: 'coordinator', districtId: d })).email),
      principal: await login(
        (await f.createUser({ role: 'principal', districtId: d, schoolIds: [schools.cedar] })).email,
      ),
      educator: await login(educator.user.email),
      otherHr: await login((await f.createUser({ role: 'hr', districtId: o })).email),
    };
    ids = {
      ann: ann.id,
      ben: ben.id,
      cleo: cleo.id,
      dee: dee.id,
      ivy: ivy.id,
      coachC: coachC.id,
      otherC: otherC.id,
      annEd: annEd.id,
      benEd: benEd.id,
      cleoEd: cleoEd.id,
      educatorEd: educator.educator.id,
    };
    // Where people would move, in their own words (the career profile).
    await api(tokens.hr)
      .put(`/api/educators/${annEd.id}/career-profile`, {
        openToNomination: true,
        moveWillingness: 'listed',
        moveGradeBands: ['elementary'],
        moveSchoolIds: [],
      })
      .expect(200);
    await api(tokens.hr)
      .put(`/api/educators/${benEd.id}/career-profile`, {
        openToNomination: false,
        moveWillingness: 'not_now',
        moveGradeBands: [],
        moveSchoolIds: [],
      })
      .expect(200);
  }, 120_000);
  afterAll(() => t.close());

  it('ranks the candidates who accepted by confirmed band, then score, each with four factors in words', async () => {
    const s = await slate();
    expect(s.gradeBand).toBe('elementary');
    expect(names(s)).toEqual(['Adams', 'Brown', 'Chen', 'Diaz']);
    expect(s.entries.map((e) => e.rank)).toEqual([1, 2, 3, 4]);
    const [ann, ben, cleo, dee] = s.entries as [Entry, Entry, Entry, Entry];
    for (const e of s.entries) {
      expect(e.factors.map((f) => f.key)).toEqual(['confirmation', 'targets', 'experience', 'willingness']);
      expect(e.score).toBe(e.factors.reduce((sum, f) => sum + f.points, 0));
    }
    expect(factor(ann, 'confirmation')).toMatchObject({
      points: 15,
      detail: 'Ready now, confirmed 20 days ago; 1 piece of evidence since',
    });
    expect(factor(ann, 'targets')).toMatchObject({ points: 40, detail: '2 of 2 competency targets met' });
    expect(factor(ann, 'experience')).toMatchObject({
      points: 20,
      detail: 'Works at one of the elementary schools now; 2 years in leadership seats at elementary schools',
    });
    expect(factor(ann, 'willingness')).toMatchObject({
      points: 20,
      detail: 'Lists elementary schools in their career profile',
    });
    expect(ann.score).toBe(95);
    expect(factor(ben, 'confirmation')).toMatchObject({ points: 10, detail: 'Ready now, confirmed 13 months ago' });
    expect(factor(ben, 'targets').points).toBe(0);
    expect(factor(ben, 'experience')).toMatchObject({ points: 0 });
    expect(factor(ben, 'willingness')).toMatchObject({ points: 0, detail: 'Not looking to move now (career profile)' });
    // Cleo works at the seat's school; Dee has said nothing and is not yet confirmed.
    expect(factor(cleo, 'willingness')).toMatchObject({ points: 20, detail: 'Already works at this school' });
    expect(factor(dee, 'willingness')).toMatchObject({ points: 10, detail: 'Not stated yet (career profile)' });
    expect(factor(dee, 'confirmation')).toMatchObject({ points: 0 });
    // Only a candidate in ready can be placed.
    expect(ann.placementRefusal).toBeNull();
    expect(dee.placementRefusal).toMatch(/Pat Diaz: the candidate is engaged/);
    expect(s.excluded).toEqual([]);
    expect(s.more).toBe(0);
  });

  it('never reads demographics: recording them changes nothing, and no answer carries them', async () => {
    const before = await slate();
    await t.db.query(`UPDATE educators SET gender = 'female', race_ethnicity = 'hispanic_latino' WHERE id = $1`, [
      ids.benEd,
    ]);
    await t.db.query(`UPDATE educators SET gender = 'male', race_ethnicity = 'white' WHERE id = $1`, [ids.annEd]);
    const after = await slate();
    expect(after).toEqual(before);
    expect(JSON.stringify(after)).not.toMatch(/gender|race|hispanic|female/i);
  });

  it('is hr’s and the superintendent’s: others are refused, another district gets 404, the superintendent reads only', async () => {
    await slate(tokens.sup);
    for (const token of [tokens.coord, tokens.principal, tokens.educator]) {
      expect((await api(token).get(`/api/positions/${seat}/slate`)).status).toBe(403);
    }
    expect((await api(tokens.otherHr).get(`/api/positions/${seat}/slate`)).status).toBe(404);
    expect((await decide({ candidateId: ids.dee, decision: 'pinned' }, tokens.sup)).status).toBe(403);
    expect((await decide({ candidateId: ids.dee, decision: 'pinned' }, tokens.otherHr)).status).toBe(404);
    expect((await slate()).entries.every((e) => !e.pinned)).toBe(true);
  });

  it('lets hr pin, exclude with a reason and take either back; refuses what is not on the slate', async () => {
    const pinned = await decide({ candidateId: ids.dee, decision: 'pinned' });
    expect(pinned.status).toBe(200);
    expect(names(pinned.body as Slate)).toEqual(['Diaz', 'Adams', 'Brown', 'Chen']);
    expect((pinned.body as Slate).entries[0]).toMatchObject({ rank: 1, pinned: true });

    const noReason = await decide({ candidateId: ids.ben, decision: 'excluded', reason: '  ' });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body)).toMatch(/reason is required/);
    const excluded = await decide({
      candidateId: ids.ben,
      decision: 'excluded',
      reason: 'Leaving the district in June',
    });
    expect(excluded.status).toBe(200);
    expect(names(excluded.body as Slate)).toEqual(['Diaz', 'Adams', 'Chen']);
    expect((excluded.body as Slate).excluded).toMatchObject([
      { candidateId: ids.ben, reason: 'Leaving the district in June' },
    ]);
    // The log keeps who excluded whom and why.
    const log = await api(tokens.hr).get(
      `/api/audit-log?filter=${encodeURIComponent(JSON.stringify({ entity: 'slate_decisions', entityId: seat }))}`,
    );
    expect(log.status).toBe(200);
    expect(JSON.stringify(log.body)).toContain('Leaving the district in June');

    expect((await decide({ candidateId: ids.ivy, decision: 'pinned' })).status).toBe(409);
    expect((await decide({ candidateId: ids.coachC, decision: 'pinned' })).status).toBe(409);
    expect((await decide({ candidateId: ids.otherC, decision: 'pinned' })).status).toBe(404);
    expect((await decide({ candidateId: ids.dee, decision: 'maybe' })).status).toBe(400);

    await decide({ candidateId: ids.dee, decision: 'none' }).expect(200);
    const back = await decide({ candidateId: ids.ben, decision: 'none' });
    expect(names(back.body as Slate)).toEqual(['Adams', 'Brown', 'Chen', 'Diaz']);
    expect((back.body as Slate).excluded).toEqual([]);
  });

  it('freezes: the slate stays as it stood until unfrozen, decisions wait, and freezing twice changes nothing', async () => {
    await decide({ candidateId: ids.cleo, decision: 'pinned' }).expect(200);
    const frozen = await api(tokens.hr).put(`/api/positions/${seat}/slate/freeze`, { frozen: true });
    expect(frozen.status).toBe(200);
    const f1 = frozen.body as Slate;
    expect(f1.frozenAt).not.toBeNull();
    expect(f1.frozenBy).toBe('Hana Reyes');
    expect(names(f1)).toEqual(['Chen', 'Adams', 'Brown', 'Diaz']);

    // Ann changes her mind: the frozen slate keeps what hr froze.
    await api(tokens.hr)
      .put(`/api/educators/${ids.annEd}/career-profile`, {
        openToNomination: true,
        moveWillingness: 'not_now',
        moveGradeBands: [],
        moveSchoolIds: [],
      })
      .expect(200);
    const still = await slate();
    expect(still.entries).toEqual(f1.entries);
    expect((await decide({ candidateId: ids.dee, decision: 'pinned' })).status).toBe(409);
    const again = await api(tokens.hr).put(`/api/positions/${seat}/slate/freeze`, { frozen: true });
    expect((again.body as Slate).frozenAt).toBe(f1.frozenAt);

    const live = (await api(tokens.hr).put(`/api/positions/${seat}/slate/freeze`, { frozen: false }).expect(200))
      .body as Slate;
    expect(live.frozenAt).toBeNull();
    expect(
      factor(
        live.entries.find((e) => e.lastName === 'Adams')!,
        'willingness',
      ).points,
    ).toBe(0);
    await decide({ candidateId: ids.cleo, decision: 'none' }).expect(200);
  });

  it('keeps a pin’s place when it is pinned again, and answers many decisions and freezes at once without a 500', async () => {
    await decide({ candidateId: ids.dee, decision: 'pinned' }).expect(200);
    await decide({ candidateId: ids.ben, decision: 'pinned' }).expect(200);
    const again = await decide({ candidateId: ids.dee, decision: 'pinned' });
    expect(names(again.body as Slate).slice(0, 2)).toEqual(['Diaz', 'Brown']);

    // More requests than the pool has connections, on one slate.
    const requests = Array.from({ length: 16 }, (_, i) =>
      i % 4 === 3
        ? api(tokens.hr).put(`/api/positions/${seat}/slate/freeze`, { frozen: i % 8 === 3 })
        : decide({ candidateId: [ids.ann, ids.ben, ids.cleo][i % 3], decision: i % 2 ? 'pinned' : 'none' }),
    );
    const statuses = (await Promise.all(requests)).map((r) => r.status);
    expect(statuses.filter((s) => s !== 200 && s !== 409)).toEqual([]);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);

    await api(tokens.hr).put(`/api/positions/${seat}/slate/freeze`, { frozen: false }).expect(200);
    for (const c of [ids.ann, ids.ben, ids.cleo, ids.dee])
      await decide({ candidateId: c, decision: 'none' }).expect(200);
    expect(names(await slate())).toEqual(['Adams', 'Brown', 'Chen', 'Diaz']);
  });

  it('places from the slate through the seat’s placement route; the placed candidate leaves the slate', async () => {
    const placed = await api(tokens.hr).post(`/api/positions/${seat}/placement`, { candidateId: ids.ann });
    expect(placed.status).toBe(200);
    expect(names(await slate())).toEqual(['Brown', 'Chen', 'Diaz']);
  });

  describe('career profile', () => {
    const url = (educatorId: string) => `/api/educators/${educatorId}/career-profile`;
    const profile = {
      openToNomination: true,
      moveWillingness: 'listed',
      moveGradeBands: ['middle'],
      moveSchoolIds: [],
    };

    it('is the educator’s own: defaults until saved, then theirs to change', async () => {
      const empty = await api(tokens.educator).get(url(ids.educatorEd));
      expect(empty.status).toBe(200);
      expect(empty.body).toEqual({
        educatorId: ids.educatorEd,
        openToNomination: false,
        moveWillingness: null,
        moveGradeBands: [],
        moveSchoolIds: [],
        interestRoleIds: [],
        updatedAt: null,
      });
      const saved = await api(tokens.educator).put(url(ids.educatorEd), {
        ...profile,
        moveSchoolIds: [schools.cedar, schools.birch, schools.cedar],
        interestRoleIds: [roles.principal, roles.coach, roles.principal],
      });
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({
        openToNomination: true,
        moveWillingness: 'listed',
        moveGradeBands: ['middle'],
      });
      expect([...(saved.body as { moveSchoolIds: string[] }).moveSchoolIds].sort()).toEqual(
        [schools.birch, schools.cedar].sort(),
      );
      const changed = await api(tokens.educator).put(url(ids.educatorEd), {
        ...profile,
        moveSchoolIds: [schools.alder],
      });
      expect((changed.body as { moveSchoolIds: string[] }).moveSchoolIds).toEqual([schools.alder]);
      // Interests left out of the request stay as they were; a list replaces them.
      expect([...(changed.body as { interestRoleIds: string[] }).interestRoleIds].sort()).toEqual(
        [roles.principal, roles.coach].sort(),
      );
      const fewer = await api(tokens.educator).put(url(ids.educatorEd), {
        ...profile,
        moveSchoolIds: [schools.alder],
        interestRoleIds: [roles.coach],
      });
      expect((fewer.body as { interestRoleIds: string[] }).interestRoleIds).toEqual([roles.coach]);
    });

    it('refuses another district’s school and bad values with a 400, keeping the profile as it was', async () => {
      const before = (await api(tokens.educator).get(url(ids.educatorEd))).body as object;
      for (const body of [
        { ...profile, moveSchoolIds: [schools.other] },
        { ...profile, moveGradeBands: ['college'] },
        { ...profile, moveWillingness: 'someday' },
        { ...profile, moveSchoolIds: 'all' },
        { ...profile, openToNomination: 'yes' },
        { ...profile, interestRoleIds: [roles.other] },
        { ...profile, interestRoleIds: 'all' },
      ]) {
        expect((await api(tokens.educator).put(url(ids.educatorEd), body)).status).toBe(400);
      }
      expect((await api(tokens.educator).get(url(ids.educatorEd))).body).toEqual(before);
    });

    it('is read by hr and the superintendent, edited by hr, and hidden from everyone else', async () => {
      await api(tokens.sup).get(url(ids.educatorEd)).expect(200);
      expect((await api(tokens.sup).put(url(ids.educatorEd), profile)).status).toBe(403);
      await api(tokens.hr).put(url(ids.educatorEd), profile).expect(200);
      expect((await api(tokens.educator).get(url(ids.annEd))).status).toBe(404);
      expect((await api(tokens.educator).put(url(ids.annEd), profile)).status).toBe(404);
      for (const token of [tokens.coord, tokens.principal]) {
        expect((await api(token).get(url(ids.educatorEd))).status).toBe(403);
      }
      expect((await api(tokens.otherHr).get(url(ids.educatorEd))).status).toBe(404);
    });

    it('tells hr, the superintendent and principals who is open to being nominated, and no one else', async () => {
      await api(tokens.hr).put(url(ids.cleoEd), profile).expect(200);
      const list = (token: string, filter: object) =>
        api(token).get(`/api/educators?filter=${encodeURIComponent(JSON.stringify(filter))}&range=[0,99]`);
      type Row = { id: string; lastName: string; openToNomination?: boolean };
      const open = async (token: string, filter: object = {}) =>
        ((await list(token, filter).expect(200)).body as Row[])
          .filter((r) => r.openToNomination)
          .map((r) => r.lastName)
          .sort();
      expect(await open(tokens.hr)).toEqual(expect.arrayContaining(['Adams', 'Chen']));
      expect(await open(tokens.hr)).not.toContain('Brown');
      expect(await open(tokens.sup, { openToNomination: true })).toEqual(expect.arrayContaining(['Adams', 'Chen']));
      const notOpen = (await list(tokens.hr, { openToNomination: false }).expect(200)).body as Row[];
      expect(notOpen.map((r) => r.lastName)).toContain('Brown');
      expect(notOpen.some((r) => r.openToNomination)).toBe(false);
      // The Cedar principal: Cleo, in their school, as a row field and as a filter.
      expect(await open(tokens.principal)).toEqual(['Chen']);
      const filtered = (await list(tokens.principal, { openToNomination: true }).expect(200)).body as Row[];
      expect(filtered.map((r) => r.lastName)).toEqual(['Chen']);
      // A coordinator and a colleague see no such field (but their own), and may not filter by it (a total would tell).
      for (const token of [tokens.coord, tokens.educator]) {
        const rows = ((await list(token, {}).expect(200)).body as Row[]).filter((r) => r.id !== ids.educatorEd);
        expect(rows.map((r) => r.lastName)).toContain('Adams');
        expect(rows.some((r) => 'openToNomination' in r)).toBe(false);
        expect((await list(token, { openToNomination: true })).status).toBe(400);
      }
      expect((await api(tokens.coord).get(`/api/educators/${ids.cleoEd}`).expect(200)).body as Row).not.toHaveProperty(
        'openToNomination',
      );
      // The person sees their own.
      const own = (await api(tokens.educator).get(`/api/educators/${ids.educatorEd}`).expect(200)).body as Row;
      expect(own.openToNomination).toBe(true);
      // The educator's record, sent back whole by the console's edit form, is still accepted.
      const record = (await api(tokens.hr).get(`/api/educators/${ids.cleoEd}`).expect(200)).body as Row;
      expect(record.openToNomination).toBe(true);
      await api(tokens.hr).put(`/api/educators/${ids.cleoEd}`, record).expect(200);
    });
  });
});
