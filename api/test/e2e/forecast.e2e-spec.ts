import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  DEFAULT_PENSION_RULES,
  eligibleSchoolYear,
  firstDay,
  schoolYearOfDay,
  type SeatState,
} from '../../src/modules/succession/forecast-model.js';
import { simulateSeatHistory } from '../../src/testing/seat-history.js';
import { createTestApp, TestApp } from '../test-app.js';

const READY_PATH = [
  { to: 'engaged' as const, daysAgo: 300 },
  { to: 'developing' as const, daysAgo: 200 },
  { to: 'ready' as const, daysAgo: 30 },
];
const today = () => new Date().toISOString().slice(0, 10);
const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../../dist/cli/forecast-backtest.js', import.meta.url));

interface Tenure {
  educator_id: string | null;
  started_on: string;
  ended_on: string | null;
  ended_by: string | null;
}

/** The vacancy forecast: the seat history it learns from, who sees what, and its backtest. */
describe('/forecast', () => {
  let t: TestApp;
  let d: string;
  let tokens: Record<'hr' | 'sup' | 'coord' | 'principal' | 'educator', string>;
  let roles: Record<'principal' | 'ap' | 'cao', string>;
  let schools: string[];

  const tenuresOf = async (positionId: string) =>
    (await t.db.query(
      `SELECT educator_id, to_char(started_on, 'YYYY-MM-DD') AS started_on, to_char(ended_on, 'YYYY-MM-DD') AS ended_on,
              ended_by FROM seat_tenures WHERE position_id = $1 ORDER BY started_on, ended_on NULLS LAST`,
      [positionId],
    )) as Tenure[];
  const as = (who: keyof typeof tokens) => ({
    get: (path: string) => t.http().get(path).auth(tokens[who], { type: 'bearer' }),
    put: (path: string, body: object) => t.http().put(path).auth(tokens[who], { type: 'bearer' }).send(body),
    post: (path: string, body: object) => t.http().post(path).auth(tokens[who], { type: 'bearer' }).send(body),
    del: (path: string) => t.http().delete(path).auth(tokens[who], { type: 'bearer' }),
  });

  beforeAll(async () => {
    t = await createTestApp();
    const f = t.factories;
    d = (await f.createDistrict()).id;
    schools = [];
    for (let i = 0; i < 12; i++) schools.push((await f.createSchool({ districtId: d, name: `School ${i}` })).id);
    roles = {
      principal: (await f.createLeadershipRole({ districtId: d, title: 'Principal', level: 'school' })).id,
      ap: (await f.createLeadershipRole({ districtId: d, title: 'Assistant principal', level: 'school' })).id,
      cao: (await f.createLeadershipRole({ districtId: d, title: 'Chief academic officer', level: 'district' })).id,
    };
    const hr = await f.createUser({ role: 'hr', districtId: d });
    const sup = await f.createUser({ role: 'superintendent', districtId: d });
    const coord = await f.createUser({ role: 'coordinator', districtId: d });
    const principal = await f.createUser({ role: 'principal', districtId: d, schoolIds: [schools[0]!] });
    const educator = await f.createEducatorUser({ districtId: d, schoolId: schools[0]! });
    tokens = {
      hr: await t.login(hr.email),
      sup: await t.login(sup.email),
      coord: await t.login(coord.email),
      principal: await t.login(principal.email),
      educator: await t.login(educator.user.email),
    };
  });
  afterAll(() => t.close());

  describe('the seat history', () => {
    it('follows the positions: a new incumbent ends the last tenure as an opening, a deleted seat without one', async () => {
      const f = t.factories;
      const [ann, ben] = [
        await f.createEducator({ districtId: d, schoolId: schools[1]!, lastName: 'Ann' }),
        await f.createEducator({ districtId: d, schoolId: schools[1]!, lastName: 'Ben' }),
      ];
      const created = await as('hr').post('/api/positions', {
        roleId: roles.ap,
        schoolId: schools[1],
        incumbentEducatorId: ann.id,
      });
      expect(created.status).toBe(201);
      const id = created.body.id as string;
      expect(await tenuresOf(id)).toEqual([
        { educator_id: ann.id, started_on: today(), ended_on: null, ended_by: null },
      ]);
      const changed = await as('hr').put(`/api/positions/${id}`, { ...created.body, incumbentEducatorId: ben.id });
      expect(changed.status).toBe(200);
      expect(await tenuresOf(id)).toEqual([
        { educator_id: ann.id, started_on: today(), ended_on: today(), ended_by: 'vacated' },
        { educator_id: ben.id, started_on: today(), ended_on: null, ended_by: null },
      ]);
      expect((await as('hr').del(`/api/positions/${id}`)).status).toBe(200);
      expect((await tenuresOf(id)).at(-1)).toEqual({
        educator_id: ben.id,
        started_on: today(),
        ended_on: today(),
        ended_by: 'seat_removed',
      });
    });

    it('keeps an incumbent’s start when their seat moves to another school: no opening, not new again', async () => {
      const f = t.factories;
      const dean = await f.createEducator({ districtId: d, schoolId: schools[4]!, lastName: 'Mover' });
      const seat = await f.createPosition({
        districtId: d,
        roleId: roles.ap,
        schoolId: schools[4]!,
        incumbentEducatorId: dean.id,
        filledAt: new Date('2019-08-01T00:00:00Z'),
      });
      const record = await as('hr').get(`/api/positions/${seat.id}`);
      const moved = await as('hr').put(`/api/positions/${seat.id}`, { ...record.body, schoolId: schools[5] });
      expect(moved.status).toBe(200);
      expect(await tenuresOf(seat.id)).toEqual([
        { educator_id: dean.id, started_on: '2019-08-01', ended_on: today(), ended_by: 'seat_removed' },
        { educator_id: dean.id, started_on: '2019-08-01', ended_on: null, ended_by: null },
      ]);
    });

    it('records a chain: placing an assistant principal into a principal seat opens the seat they leave', async () => {
      const f = t.factories;
      const ap = await f.createEducator({ districtId: d, schoolId: schools[2]!, lastName: 'Chain' });
      const retiring = await f.createEducator({ districtId: d, schoolId: schools[2]!, lastName: 'Retiring' });
      const apSeat = await f.createPosition({
        districtId: d,
        roleId: roles.ap,
        schoolId: schools[2]!,
        incumbentEducatorId: ap.id,
      });
      const principalSeat = await f.createPosition({
        districtId: d,
        roleId: roles.principal,
        schoolId: schools[2]!,
        incumbentEducatorId: retiring.id,
        filledAt: new Date('2015-08-01T00:00:00Z'),
      });
      const candidate = await f.createCandidate(
        { districtId: d, educatorId: ap.id, roleId: roles.principal },
        READY_PATH,
      );
      const placed = await as('hr').post(`/api/positions/${principalSeat.id}/placement`, { candidateId: candidate.id });
      expect(placed.status).toBe(200);
      expect(await tenuresOf(principalSeat.id)).toEqual([
        { educator_id: retiring.id, started_on: '2015-08-01', ended_on: today(), ended_by: 'vacated' },
        { educator_id: ap.id, started_on: today(), ended_on: null, ended_by: null },
      ]);
      expect((await tenuresOf(apSeat.id)).at(-1)).toMatchObject({
        educator_id: ap.id,
        ended_on: today(),
        ended_by: 'vacated',
      });
    });
  });

  describe('GET /api/forecast', () => {
    let cao: string;
    beforeAll(async () => {
      const f = t.factories;
      // Twelve principal seats (above the small-cell threshold of 10), and one chief academic officer.
      for (const [i, school] of schools.entries()) {
        const incumbent = await f.createEducator({ districtId: d, schoolId: school, lastName: `Principal${i}` });
        await f.createPosition({
          districtId: d,
          roleId: roles.principal,
          schoolId: school,
          title: `Principal ${i}`,
          incumbentEducatorId: incumbent.id,
          filledAt: new Date(Date.now() - (i + 1) * 300 * 86_400_000),
        });
      }
      cao = (
        await f.createEducator({ districtId: d, lastName: 'Officer', birthYear: 1958, serviceStartOn: '1985-08-15' })
      ).id;
      await f.createPosition({
        districtId: d,
        roleId: roles.cao,
        title: 'Chief academic officer',
        incumbentEducatorId: cao,
      });
      // One candidate for principal, confirmed ready now.
      const [hrUser] = (await t.db.query(`SELECT id FROM users WHERE district_id = $1 AND role = 'hr'`, [d])) as {
        id: string;
      }[];
      const readyEducator = await f.createEducator({ districtId: d, schoolId: schools[3]! });
      const ready = await f.createCandidate(
        { districtId: d, educatorId: readyEducator.id, roleId: roles.principal },
        READY_PATH,
      );
      await f.createReadinessAssessment({
        districtId: d,
        candidateId: ready.id,
        confirmedByUserId: hrUser!.id,
        band: 'ready_now',
      });
    });

    it('gives hr each seat’s chances and every role with its rates', async () => {
      const res = await as('hr').get('/api/forecast');
      expect(res.status).toBe(200);
      expect(res.body.schoolYears).toHaveLength(5);
      expect(res.body.schoolYears[0]).toMatch(/^\d{4}-\d{2}$/);
      const caoSeat = res.body.seats.find((s: { incumbentEducatorId: string }) => s.incumbentEducatorId === cao);
      // Born 1958, in service since 1985: the rule of 85 held long ago, so eligible now and likelier to go.
      expect(caoSeat.retirementEligibleYear).toBe(eligibleSchoolYear(1958, '1985-08-15', DEFAULT_PENSION_RULES));
      expect(caoSeat.within1).toBeGreaterThan(0);
      expect(caoSeat.within5).toBeGreaterThan(caoSeat.within1);
      const caoGroup = res.body.groups.find((g: { roleId: string }) => g.roleId === roles.cao);
      expect(caoGroup).toMatchObject({ seats: 1, suppressed: false, baseRateSource: expect.any(String) });
      expect(caoGroup.rates.map((r: { state: SeatState }) => r.state)).toEqual(['new', 'settled', 'eligible']);
      for (const y of caoGroup.years) expect(y.low).toBeLessThanOrEqual(y.high);
      // Coverage: the one ready-now candidate against the principal seats' openings; the likeliest seat to open
      // is covered by them, the rest likelier than not to open within 2 years are at risk.
      const principalGroup = res.body.groups.find((g: { roleId: string }) => g.roleId === roles.principal);
      expect(principalGroup.coverage).toMatchObject({ readyNow: 1, readyIn1To2Years: 0 });
      expect(principalGroup.coverage.years[0].readyBy).toBe(1);
      expect(principalGroup.coverage.years[0].openingsThrough).toBeCloseTo(
        principalGroup.years[0].expected + principalGroup.vacantNow,
        1,
      );
      const likely = res.body.seats.filter(
        (s: { roleId: string; within2: number }) => s.roleId === roles.principal && s.within2 >= 0.5,
      ).length;
      const flagged = res.body.seats.filter(
        (s: { roleId: string; atRisk: boolean }) => s.roleId === roles.principal && s.atRisk,
      );
      expect(flagged).toHaveLength(Math.max(0, likely - 1));
      expect(principalGroup.coverage.seatsAtRisk).toBe(flagged.length);
      const sup = await as('sup').get(`/api/forecast?roleId=${roles.cao}`);
      expect(sup.body.seats).toHaveLength(1);
      expect(sup.body.groups.map((g: { roleId: string }) => g.roleId)).toEqual([roles.cao]);
    });

    it('gives coordinators and principals whole-number counts, small roles pooled and suppressed, no seat', async () => {
      for (const who of ['coord', 'principal'] as const) {
        const res = await as(who).get('/api/forecast');
        expect(res.status).toBe(200);
        expect(res.body.seats).toBeNull();
        const ids = res.body.groups.map((g: { roleId: string | null }) => g.roleId);
        expect(ids).toContain(roles.principal);
        expect(ids).not.toContain(roles.cao);
        const pool = res.body.groups.find(
          (g: { roleId: null; level: string }) => g.roleId === null && g.level === 'district',
        );
        expect(pool).toMatchObject({ seats: 1, suppressed: true, years: null, vacantNow: 0 });
        const principal = res.body.groups.find((g: { roleId: string }) => g.roleId === roles.principal);
        expect(principal.rates).toBeUndefined();
        // A coordinator sees the district's candidates, so their readiness counts; a principal's are their schools'.
        if (who === 'coord') expect(principal.coverage).toMatchObject({ readyNow: 1, readyIn1To2Years: 0 });
        else expect(principal.coverage).toBeNull();
        expect(principal.coverage?.seatsAtRisk).toBeUndefined();
        for (const y of principal.years) expect(Number.isInteger(y.expected)).toBe(true);
        expect(JSON.stringify(res.body)).not.toContain('Officer');
      }
      expect((await as('educator').get('/api/forecast')).status).toBe(403);
      const other = (await t.factories.createLeadershipRole({ districtId: (await t.factories.createDistrict()).id }))
        .id;
      const bad = await as('hr').get(`/api/forecast?roleId=${other}`);
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual({ roleId: 'roleId must be a leadership role of your district' });
    });

    it('tells a curious coordinator nothing when one person’s retirement data changes', async () => {
      const before = await as('coord').get('/api/forecast');
      const record = await as('hr').get(`/api/educators/${cao}`);
      expect(record.body.birthYear).toBe(1958);
      const younger = await as('hr').put(`/api/educators/${cao}`, {
        ...record.body,
        birthYear: 1990,
        serviceStartOn: '2015-08-15',
      });
      expect(younger.status).toBe(200);
      const after = await as('coord').get('/api/forecast');
      expect(after.body.groups).toEqual(before.body.groups);
      // hr's own view moves: the officer is no longer eligible.
      const hrSeat = (await as('hr').get(`/api/forecast?roleId=${roles.cao}`)).body.seats[0];
      expect(hrSeat.retirementEligibleYear).toBe(eligibleSchoolYear(1990, '2015-08-15', DEFAULT_PENSION_RULES));
      expect(hrSeat.retirementEligibleYear).toBeGreaterThan(schoolYearOfDay(today()) + 15);
      // Nor does the roster tell: no retirement data for a coordinator or a principal, no sorting by it.
      const seen = await as('coord').get(`/api/educators/${cao}`);
      expect(seen.body).not.toHaveProperty('birthYear');
      expect(seen.body).not.toHaveProperty('retirementEligibleYear');
      const sorted = await as('principal').get('/api/educators?sort=["retirementEligibleYear","ASC"]');
      expect(sorted.status).toBe(400);
      expect(sorted.body.errors.sort).toMatch(/retirement data/);
    });

    it('refuses a day that does not exist, and an empty pension rule', async () => {
      const record = await as('hr').get(`/api/educators/${cao}`);
      const bad = await as('hr').put(`/api/educators/${cao}`, { ...record.body, serviceStartOn: '2015-02-30' });
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toHaveProperty('serviceStartOn');
      const settings = await as('hr').get(`/api/district-settings/${d}`);
      expect(settings.body).toMatchObject({ pensionRulesAreDefault: true, pensionRules: expect.any(Array) });
      const empty = await as('hr').put(`/api/district-settings/${d}`, { ...settings.body, pensionRules: [{}] });
      expect(empty.status).toBe(400);
      expect(empty.body.errors).toEqual({ pensionRules: 'rule 1 needs minAge, minYears or ruleOfN' });
      // The default rules sent back unchanged stay the default; a rule of 80 replaces them.
      const same = await as('hr').put(`/api/district-settings/${d}`, settings.body);
      expect(same.status).toBe(200);
      expect(same.body.pensionRulesAreDefault).toBe(true);
      const rule80 = await as('hr').put(`/api/district-settings/${d}`, {
        ...same.body,
        pensionRules: [{ minAge: 50, ruleOfN: 80 }],
      });
      expect(rule80.status).toBe(200);
      expect(rule80.body).toMatchObject({
        pensionRulesAreDefault: false,
        pensionRules: [{ minAge: 50, minYears: null, ruleOfN: 80 }],
      });
      const seat = (await as('hr').get(`/api/forecast?roleId=${roles.cao}`)).body.seats[0];
      expect(seat.retirementEligibleYear).toBe(eligibleSchoolYear(1990, '2015-08-15', [{ minAge: 50, ruleOfN: 80 }]));
    });
  });

  it('backtests a district whose true turnover is known: npm run forecast:backtest meets the issue’s targets', async () => {
    const f = t.factories;
    const district = await f.createDistrict({ slug: 'backtest-known' });
    const role = async (title: string) =>
      (await f.createLeadershipRole({ districtId: district.id, title, level: 'school' })).id;
    const [p, a] = [await role('Principal'), await role('Assistant principal')];
    const truth: Record<string, Record<SeatState, number>> = {
      [p]: { new: 0.2, settled: 0.08, eligible: 0.35 },
      [a]: { new: 0.35, settled: 0.2, eligible: 0.45 },
    };
    const seats = [
      ...Array.from({ length: 120 }, (_, i) => ({ seatId: `p${i}`, roleId: p })),
      ...Array.from({ length: 150 }, (_, i) => ({ seatId: `a${i}`, roleId: a })),
    ];
    const last = schoolYearOfDay(today()) - 1;
    const history = simulateSeatHistory({
      seats,
      rates: (r) => truth[r]!,
      chains: (r) => (r === p ? [{ fromRoleId: a, share: 0.5 }] : []),
      rules: DEFAULT_PENSION_RULES,
      fromYear: last - 5,
      toYear: last,
      seed: 42,
      personId: (n) => `person-${n}`,
    });
    // The people and seats as rows; the tenures straight into the history.
    const people = new Map<string, string>();
    for (const [i, person] of history.people.entries()) {
      const e = await f.createEducator({
        districtId: district.id,
        lastName: `Sim${i}`,
        birthYear: person.birthYear,
        serviceStartOn: person.serviceStartOn,
      });
      people.set(person.id, e.id);
    }
    const positions = new Map<string, string>();
    for (const s of seats)
      positions.set(
        s.seatId,
        (await f.createPosition({ districtId: district.id, roleId: s.roleId, title: s.seatId })).id,
      );
    await t.db.query(`DELETE FROM seat_tenures WHERE district_id = $1`, [district.id]);
    for (const tenure of history.tenures)
      await t.db.query(
        `INSERT INTO seat_tenures (district_id, position_id, role_id, educator_id, started_on, ended_on, ended_by)
         VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $6::date IS NULL THEN NULL ELSE 'vacated' END)`,
        [
          district.id,
          positions.get(tenure.seatId),
          tenure.roleId,
          people.get(tenure.educatorId!),
          tenure.startedOn,
          tenure.endedOn,
        ],
      );
    await t.db.query(`UPDATE districts SET seat_history_since = $2 WHERE id = $1`, [district.id, firstDay(last - 5)]);

    const { stdout } = await run(process.execPath, [CLI, '--district', 'backtest-known'], {
      env: { ...process.env, DATABASE_URL: t.url },
    });
    expect(stdout).toContain('Principal');
    expect(stdout).not.toContain('MAE over target');
    const summary = /All roles: (\d+) role-years, MAE ([\d.]+), (\d+) % of outcomes inside/.exec(stdout);
    expect(summary).not.toBeNull();
    expect(Number(summary![1])).toBe(2 * 6);
    const coverage = Number(summary![3]);
    expect(coverage).toBeGreaterThanOrEqual(70);
    expect(coverage).toBeLessThanOrEqual(90);
  });
});
