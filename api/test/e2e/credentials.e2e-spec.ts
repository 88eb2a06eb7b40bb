import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, TestApp } from '../test-app.js';

const DAY = 86_400_000;
const isoDay = (daysFromNow: number) => new Date(Date.now() + daysFromNow * DAY).toISOString().slice(0, 10);
const READY = [
  { to: 'engaged' as const, daysAgo: 300 },
  { to: 'developing' as const, daysAgo: 200 },
  { to: 'ready' as const, daysAgo: 20 },
];

interface Credential {
  id: string;
  educatorId: string;
  kind: string;
  title: string;
  state: string | null;
  number: string | null;
  expiresOn: string | null;
  status: string;
  verifiedAt: string | null;
  verifiedByName: string | null;
  version: number;
}

/** Credentials on a career profile, hr's verification, and what a placement into a licensed role says (issue #19). */
describe('credentials', () => {
  let t: TestApp;
  let d: string;
  let ids: Record<
    'teacher' | 'colleague' | 'otherSchoolEd' | 'seat' | 'role' | 'candTeacher' | 'candColleague',
    string
  >;
  let tokens: Record<'hr' | 'sup' | 'coord' | 'principal' | 'teacher' | 'colleague' | 'otherHr', string>;
  const as = (token: string) => ({
    get: (url: string) => t.http().get(url).set('Authorization', `Bearer ${token}`),
    post: (url: string, body: object) => t.http().post(url).set('Authorization', `Bearer ${token}`).send(body),
    put: (url: string, body: object) => t.http().put(url).set('Authorization', `Bearer ${token}`).send(body),
    delete: (url: string) => t.http().delete(url).set('Authorization', `Bearer ${token}`),
  });
  const LICENCE = {
    kind: 'licence',
    title: 'Principal licence (building level)',
    issuer: 'State Board of Education',
    state: 'OH',
    number: 'OH-4471-22',
    issuedOn: '2022-07-01',
    expiresOn: isoDay(400),
  };
  const add = async (educatorId: string, body: object, token = tokens.teacher) => {
    const res = await as(token).post(`/api/educators/${educatorId}/credentials`, body);
    expect(res.status).toBe(201);
    return res.body as Credential;
  };

  beforeAll(async () => {
    t = await createTestApp();
    const f = t.factories;
    d = (await f.createDistrict()).id;
    const other = (await f.createDistrict()).id;
    const school = (await f.createSchool({ districtId: d, name: 'Alder Elementary' })).id;
    const school2 = (await f.createSchool({ districtId: d, name: 'Birch Middle' })).id;
    const { educator: teacher, user: teacherUser } = await f.createEducatorUser({
      districtId: d,
      schoolId: school,
      firstName: 'Maya',
      lastName: 'Okafor',
    });
    const { educator: colleague, user: colleagueUser } = await f.createEducatorUser({
      districtId: d,
      schoolId: school,
      firstName: 'Ravi',
      lastName: 'Shah',
    });
    const otherSchoolEd = await f.createEducator({ districtId: d, schoolId: school2 });
    const role = await f.createLeadershipRole({ districtId: d, title: 'Principal', level: 'school' });
    const seat = await f.createPosition({
      districtId: d,
      roleId: role.id,
      schoolId: school,
      title: 'Principal, Alder',
    });
    const candTeacher = await f.createCandidate({ districtId: d, educatorId: teacher.id, roleId: role.id }, READY);
    const candColleague = await f.createCandidate({ districtId: d, educatorId: colleague.id, roleId: role.id }, READY);
    ids = {
      teacher: teacher.id,
      colleague: colleague.id,
      otherSchoolEd: otherSchoolEd.id,
      seat: seat.id,
      role: role.id,
      candTeacher: candTeacher.id,
      candColleague: candColleague.id,
    };
    const user = async (role: 'hr' | 'superintendent' | 'coordinator' | 'principal', districtId = d) =>
      t.login((await f.createUser({ role, districtId, schoolIds: role === 'principal' ? [school] : [] })).email);
    tokens = {
      hr: await user('hr'),
      sup: await user('superintendent'),
      coord: await user('coordinator'),
      principal: await user('principal'),
      teacher: await t.login(teacherUser.email),
      colleague: await t.login(colleagueUser.email),
      otherHr: await user('hr', other),
    };
  });

  afterAll(async () => {
    await t?.close();
  });

  it('lets the educator record a licence, unverified until hr checks it', async () => {
    const c = await add(ids.teacher, LICENCE);
    expect(c).toMatchObject({
      educatorId: ids.teacher,
      kind: 'licence',
      state: 'OH',
      number: 'OH-4471-22',
      status: 'unverified',
      verifiedAt: null,
      version: 1,
    });
    const mine = await as(tokens.teacher).get(`/api/educators/${ids.teacher}/credentials`);
    expect(mine.status).toBe(200);
    expect((mine.body as Credential[]).map((x) => x.id)).toEqual([c.id]);
  });

  it('refuses bad input with a 400 naming the field, and writes nothing', async () => {
    const url = `/api/educators/${ids.teacher}/credentials`;
    const before = (await as(tokens.teacher).get(url)).body as Credential[];
    const cases: [object, string][] = [
      [{ ...LICENCE, state: 'Ohio' }, 'state'],
      [{ ...LICENCE, kind: 'diploma' }, 'kind'],
      [{ ...LICENCE, title: '   ' }, 'title'],
      [{ ...LICENCE, expiresOn: '2027-02-30' }, 'expiresOn'],
      [{ ...LICENCE, issuedOn: '2024-01-01', expiresOn: '2023-12-31' }, 'expiresOn'],
      [{ ...LICENCE, verifiedBy: 'me' }, 'verifiedBy'],
    ];
    for (const [body, field] of cases) {
      const res = await as(tokens.teacher).post(url, body);
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.errors ?? {})).toContain(field);
    }
    expect((await as(tokens.teacher).get(url)).body).toEqual(before);
  });

  it('shows credentials to the person, hr and the superintendent only', async () => {
    const url = `/api/educators/${ids.teacher}/credentials`;
    expect((await as(tokens.hr).get(url)).status).toBe(200);
    expect((await as(tokens.sup).get(url)).status).toBe(200);
    expect((await as(tokens.colleague).get(url)).status).toBe(404);
    expect((await as(tokens.otherHr).get(url)).status).toBe(404);
    expect((await as(tokens.coord).get(url)).status).toBe(403);
    expect((await as(tokens.principal).get(url)).status).toBe(403);
    // Nor can they add one to someone else's profile, or touch one by its own id.
    const [c] = (await as(tokens.hr).get(url)).body as Credential[];
    expect((await as(tokens.colleague).post(url, LICENCE)).status).toBe(404);
    expect((await as(tokens.colleague).put(`/api/credentials/${c!.id}`, { ...c, number: 'X' })).status).toBe(404);
    expect((await as(tokens.colleague).delete(`/api/credentials/${c!.id}`)).status).toBe(404);
    expect((await as(tokens.otherHr).delete(`/api/credentials/${c!.id}`)).status).toBe(404);
    expect((await as(tokens.sup).put(`/api/credentials/${c!.id}`, { ...c, number: 'X' })).status).toBe(403);
    expect((await as(tokens.principal).delete(`/api/credentials/${c!.id}`)).status).toBe(403);
    // Nobody else's read or attempt changed it.
    expect(((await as(tokens.hr).get(url)).body as Credential[])[0]).toEqual(c);
  });

  it('lets only hr verify, at the version they checked; any later edit clears it', async () => {
    const c = await add(ids.teacher, { ...LICENCE, title: 'Superintendent licence', number: 'OH-9' });
    const verify = (token: string, version: number) =>
      as(token).post(`/api/credentials/${c.id}/verification`, { version });
    expect((await verify(tokens.teacher, c.version)).status).toBe(403);
    expect((await verify(tokens.sup, c.version)).status).toBe(403);
    expect((await verify(tokens.otherHr, c.version)).status).toBe(404);
    expect((await verify(tokens.hr, c.version + 1)).status).toBe(409);

    const verified = await verify(tokens.hr, c.version);
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ status: 'verified', version: c.version + 1 });
    expect(verified.body.verifiedAt).toEqual(expect.any(String));
    expect(verified.body.verifiedByName).toEqual(expect.any(String));

    // Sent back as read: nothing changes, and it stays verified.
    const same = await as(tokens.teacher).put(`/api/credentials/${c.id}`, verified.body);
    expect(same.status).toBe(200);
    expect(same.body).toEqual(verified.body);
    // A stale copy is a 409.
    expect((await as(tokens.teacher).put(`/api/credentials/${c.id}`, { ...c, number: 'OH-10' })).status).toBe(409);

    const edited = await as(tokens.teacher).put(`/api/credentials/${c.id}`, { ...verified.body, number: 'OH-10' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      number: 'OH-10',
      status: 'unverified',
      verifiedAt: null,
      verifiedByName: null,
    });
    expect(edited.body.version).toBe(verified.body.version + 1);
  });

  it('lets no one in hr verify their own credential', async () => {
    const ed = await t.factories.createEducator({ districtId: d });
    const hrCandidate = await t.factories.createUser({ role: 'hr', districtId: d, educatorId: ed.id });
    const token = await t.login(hrCandidate.email);
    const c = await add(ed.id, LICENCE, token);
    const own = await as(token).post(`/api/credentials/${c.id}/verification`, { version: c.version });
    expect(own.status).toBe(403);
    expect(own.body.message).toMatch(/another member of hr/);
    // A colleague in hr may.
    expect((await as(tokens.hr).post(`/api/credentials/${c.id}/verification`, { version: c.version })).status).toBe(
      200,
    );
  });

  it('counts a credential past its expiry as expired, verified or not', async () => {
    const c = await add(ids.colleague, { ...LICENCE, issuedOn: '2015-07-01', expiresOn: isoDay(-1) }, tokens.colleague);
    expect(c.status).toBe('expired');
    const v = await as(tokens.hr).post(`/api/credentials/${c.id}/verification`, { version: c.version });
    expect(v.body.status).toBe('expired');
    await as(tokens.colleague).delete(`/api/credentials/${c.id}`).expect(200);
  });

  it('returns the deleted record, after which it is gone', async () => {
    const c = await add(ids.teacher, { kind: 'degree', title: 'M.Ed. Educational Leadership', issuer: 'State U' });
    expect(c).toMatchObject({ state: null, number: null, issuedOn: null, expiresOn: null, issuer: 'State U' });
    const del = await as(tokens.teacher).delete(`/api/credentials/${c.id}`);
    expect(del.status).toBe(200);
    expect(del.body).toEqual(c);
    expect((await as(tokens.teacher).delete(`/api/credentials/${c.id}`)).status).toBe(404);
  });

  it('keeps a profile to 50 credentials, also when two are added at once', async () => {
    const ed = (await t.factories.createEducator({ districtId: d })).id;
    await t.db.query(
      `INSERT INTO career_credentials (educator_id, district_id, kind, title)
       SELECT $1, $2, 'certification', 'Workshop ' || n FROM generate_series(1, 49) n`,
      [ed, d],
    );
    const url = `/api/educators/${ed}/credentials`;
    const body = { kind: 'certification', title: 'One more' };
    const answers = await Promise.all([as(tokens.hr).post(url, body), as(tokens.hr).post(url, body)]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM career_credentials WHERE educator_id = $1', [ed]);
    expect(n).toBe(50);
  });

  describe('a role that requires a licence', () => {
    interface BenchEntry {
      candidateId: string;
      licence: string | null;
    }
    const bench = async (token: string) => {
      const res = await as(token).get(`/api/positions/${ids.seat}/bench`);
      expect(res.status).toBe(200);
      return new Map((res.body.candidates as BenchEntry[]).map((e) => [e.candidateId, e.licence]));
    };
    const slate = async () => {
      const res = await as(tokens.hr).get(`/api/positions/${ids.seat}/slate`);
      expect(res.status).toBe(200);
      return new Map((res.body.entries as BenchEntry[]).map((e) => [e.candidateId, e.licence]));
    };

    it('says nothing of licences while the role does not require one', async () => {
      expect((await bench(tokens.hr)).get(ids.candTeacher)).toBeNull();
      expect((await slate()).get(ids.candTeacher)).toBeNull();
    });

    it('is set on the role by hr, and the seat says so', async () => {
      const role = (await as(tokens.hr).get(`/api/leadership-roles/${ids.role}`)).body;
      expect(role.requiresLicence).toBe(false);
      const put = await as(tokens.hr).put(`/api/leadership-roles/${ids.role}`, { ...role, requiresLicence: true });
      expect(put.status).toBe(200);
      expect(put.body.requiresLicence).toBe(true);
      const seat = await as(tokens.hr).get(`/api/positions/${ids.seat}`);
      expect(seat.body.roleRequiresLicence).toBe(true);
      // The seat sent back with its role's flag as it was read is still a valid PUT.
      const again = await as(tokens.hr).put(`/api/positions/${ids.seat}`, { ...seat.body, roleRequiresLicence: false });
      expect(again.status).toBe(200);
    });

    it('shows each candidate’s standing on the bench and the slate to hr, and not to a coordinator', async () => {
      // The teacher holds an unverified current licence (and a verified one she edited); the colleague none.
      const hrBench = await bench(tokens.hr);
      expect(hrBench.get(ids.candTeacher)).toBe('unverified');
      expect(hrBench.get(ids.candColleague)).toBe('none');
      expect((await bench(tokens.sup)).get(ids.candTeacher)).toBe('unverified');
      const coord = await bench(tokens.coord);
      expect([...coord.values()].every((v) => v === null)).toBe(true);
      const s = await slate();
      expect(s.get(ids.candTeacher)).toBe('unverified');
      expect(s.get(ids.candColleague)).toBe('none');
    });

    it('warns on placement without a verified licence, and places all the same', async () => {
      const placed = await as(tokens.hr).post(`/api/positions/${ids.seat}/placement`, {
        candidateId: ids.candColleague,
      });
      expect(placed.status).toBe(200);
      expect(placed.body.warnings).toEqual(['Ravi Shah has no licence on record: this role requires one']);
      expect(placed.body.stage).toBe('placed');
    });

    it('places without a warning once hr has verified a current licence', async () => {
      const f = t.factories;
      const seat2 = await f.createPosition({ districtId: d, roleId: ids.role, title: 'Principal, Birch' });
      const list = (await as(tokens.hr).get(`/api/educators/${ids.teacher}/credentials`)).body as Credential[];
      const current = list.find((c) => c.status === 'unverified' && c.kind === 'licence')!;
      await as(tokens.hr).post(`/api/credentials/${current.id}/verification`, { version: current.version }).expect(200);
      const onBench = (await as(tokens.hr).get(`/api/positions/${seat2.id}/bench`)).body.candidates as BenchEntry[];
      expect(onBench.find((e) => e.candidateId === ids.candTeacher)?.licence).toBe('verified');
      const placed = await as(tokens.hr).post(`/api/positions/${seat2.id}/placement`, {
        candidateId: ids.candTeacher,
      });
      expect(placed.status).toBe(200);
      expect(placed.body.warnings).toEqual([]);
    });
  });
});
