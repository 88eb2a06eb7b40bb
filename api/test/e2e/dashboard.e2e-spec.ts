import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MAX_NOISE } from '../../src/modules/dashboard/disclosure.js';
import { mean, ratio, round } from '../../src/modules/dashboard/metric-math.js';
import type { MetricContext } from '../../src/modules/dashboard/metric-sql.js';
import type { GroupCount } from '../../src/modules/dashboard/people-metrics.repository.js';
import { equityTable } from '../../src/modules/dashboard/people-metrics.service.js';
import type { Filters, Viewer } from '../dashboard/brute-force.js';
import { BruteForce, bruteForceRounding, loadRaw } from '../dashboard/brute-force.js';
import type { Fixture } from '../dashboard/fixture.js';
import { buildFixture } from '../dashboard/fixture.js';
import { expected } from '../expected-errors.js';
import { createTestApp, TestApp } from '../test-app.js';

type Who = 'hr' | 'sup' | 'coord' | 'principal' | 'educator' | 'platform' | 'otherHr';
type Cell = { count: number | null; suppressed: boolean };
type Table = { columns: string[]; rows: { group: string; cells: Cell[]; shares: (number | null)[] }[]; totals: Cell[] };

const now = new Date();
const startYear = now.getUTCMonth() >= 6 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
const schoolYear = (start: number) => `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
const CURRENT = schoolYear(startYear);
const PREVIOUS = schoolYear(startYear - 1);
const ENDPOINTS = [
  'funnel',
  'time-in-stage',
  'bench',
  'competencies',
  'nominations',
  'equity?dimension=gender',
  'opportunities',
];

/** Dashboard aggregates against hand-computed figures and a brute-force recount of the raw rows. */
describe('/dashboard', () => {
  let t: TestApp;
  let fx: Fixture;
  let tokens: Record<Who, string>;
  let bf: BruteForce;
  let principalSchools: string[];

  beforeAll(async () => {
    t = await createTestApp();
    fx = await buildFixture(t);
    tokens = {} as Record<Who, string>;
    for (const [who, email] of Object.entries(fx.emails)) tokens[who as Who] = await t.login(email);
    bf = new BruteForce(await loadRaw(t.db, fx.d));
    principalSchools = [fx.schools.alder];
  });
  afterAll(() => t.close());

  const get = (who: Who, path: string, query: Record<string, string | undefined> = {}) => {
    const qs = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined));
    const sep = path.includes('?') ? '&' : '?';
    return t
      .http()
      .get(`/api/dashboard/${path}${qs.size ? sep + qs.toString() : ''}`)
      .auth(tokens[who], { type: 'bearer' });
  };
  const ok = async (who: Who, path: string, query: Filters & { dimension?: string } = {}) => {
    const res = await get(who, path, { ...query });
    if (res.status !== 200) throw new Error(`${path} ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const viewer = (who: 'hr' | 'sup' | 'coord' | 'principal'): Viewer =>
    who === 'principal'
      ? { role: 'principal', schoolIds: principalSchools }
      : { role: who === 'sup' ? 'superintendent' : who === 'coord' ? 'coordinator' : 'hr' };
  const filterSets = (): Filters[] => [
    {},
    { level: 'school' },
    { level: 'classroom', schoolYear: CURRENT },
    { schoolId: fx.schools.alder },
    { roleId: fx.roles.principal },
    { schoolYear: CURRENT },
    { schoolYear: PREVIOUS },
    { schoolId: fx.schools.birch, roleId: fx.roles.ap, schoolYear: PREVIOUS },
  ];

  describe('access', () => {
    it('requires authentication', async () => {
      for (const path of ENDPOINTS)
        expect((await t.http().get(`/api/dashboard/${path}`)).body).toEqual(expected.unauthenticated);
    });

    it.each(['educator', 'platform'] as const)('is a 403 for %s on every aggregate', async (who) => {
      for (const path of ENDPOINTS) expect((await get(who, path)).body).toEqual(expected.forbidden);
    });

    it('gives coordinators and principals every aggregate but equity', async () => {
      for (const who of ['coord', 'principal'] as const) {
        for (const path of ENDPOINTS.filter((p) => !p.startsWith('equity')))
          expect((await get(who, path)).status).toBe(200);
        expect((await get(who, 'equity', { dimension: 'gender' })).body).toEqual(expected.forbidden);
      }
      for (const who of ['hr', 'sup'] as const)
        expect((await get(who, 'equity', { dimension: 'gender' })).status).toBe(200);
    });
  });

  it('documents every aggregate with its filters and response type in OpenAPI', async () => {
    const doc = (await t.http().get('/api/docs-json')).body;
    for (const path of ENDPOINTS.map((p) => p.split('?')[0])) {
      const op = doc.paths[`/api/dashboard/${path}`].get;
      expect(op.parameters.map((p: { name: string }) => p.name)).toEqual(
        expect.arrayContaining(['level', 'schoolId', 'roleId', 'schoolYear']),
      );
      expect(op.responses['200'].content['application/json'].schema.$ref).toMatch(/ResponseDto$/);
    }
    expect(doc.components.schemas.EquityRowDto.properties.shares).toEqual({
      type: 'array',
      items: { type: 'number', nullable: true },
    });
  });

  describe('filters', () => {
    it.each([
      [{ level: 'county' }, 'level'],
      [{ schoolYear: '2025-27' }, 'schoolYear'],
      [{ schoolYear: '2025' }, 'schoolYear'],
      [{ roleId: 'nope' }, 'roleId'],
      [{ schoolId: '' }, 'schoolId'],
      [{ colour: 'blue' }, 'colour'],
    ])('refuses %j with a 400 naming %s', async (query, field) => {
      const res = await get('hr', 'funnel', query);
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.errors)).toEqual([field]);
    });

    it('refuses a school or role of another district, and a principal’s other schools', async () => {
      const res = await get('hr', 'bench', { schoolId: fx.schools.other, roleId: fx.roles.other });
      expect(res.body).toEqual(
        expected.validation({
          schoolId: 'schoolId must be a school of your district',
          roleId: 'roleId must be a leadership role of your district',
        }),
      );
      expect((await get('principal', 'funnel', { schoolId: fx.schools.birch })).body).toEqual(
        expected.validation({ schoolId: 'schoolId must be one of your schools' }),
      );
      expect((await get('otherHr', 'funnel', { schoolId: fx.schools.alder })).status).toBe(400);
    });

    it('needs a dimension for equity', async () => {
      expect((await get('hr', 'equity')).body.errors).toEqual({ dimension: expect.any(String) });
      expect((await get('hr', 'equity', { dimension: 'age' })).body.errors).toEqual({
        dimension: 'dimension must be one of: gender, raceEthnicity',
      });
    });
  });

  describe('GET /api/dashboard/funnel', () => {
    it('counts the hand-made Director candidacies as computed by hand', async () => {
      const body = await ok('hr', 'funnel', { roleId: fx.roles.director });
      const stage = (s: string) => body.stages.find((x: { stage: string }) => x.stage === s);
      expect([stage('identified'), stage('developing'), stage('paused'), stage('exited')]).toEqual([
        { stage: 'identified', current: 1, entered: 4 },
        { stage: 'developing', current: 1, entered: 1 },
        { stage: 'paused', current: 1, entered: 1 },
        { stage: 'exited', current: 1, entered: 1 },
      ]);
      expect(stage('engaged')).toEqual({ stage: 'engaged', current: 0, entered: 3 });
      expect(body.activeTotal).toBe(2);
      expect(body.conversions.map((c: { rate: number | null }) => c.rate)).toEqual([0.75, 0.333, 0, null, null]);
      expect(body.exits.filter((e: { count: number }) => e.count > 0)).toEqual([{ reason: 'withdrew', count: 1 }]);
    });

    it('equals a brute-force count for every role and filter', async () => {
      for (const who of ['hr', 'sup', 'coord', 'principal'] as const)
        for (const f of filterSets()) {
          if (who === 'principal' && f.schoolId === fx.schools.birch) continue;
          expect({ f, body: await ok(who, 'funnel', f) }).toEqual({ f, body: bf.funnel(viewer(who), f) });
        }
    });

    it('counts only a principal’s schools', async () => {
      const mine = await ok('principal', 'funnel');
      expect(mine).toEqual(await ok('hr', 'funnel', { schoolId: fx.schools.alder }));
      expect(mine.activeTotal).toBeLessThan((await ok('hr', 'funnel')).activeTotal);
      expect(mine.activeTotal).toBeGreaterThan(0);
    });

    it('shows another district only its own numbers', async () => {
      const lakeside = new BruteForce(await loadRaw(t.db, fx.o));
      const body = await ok('otherHr', 'funnel');
      expect(body).toEqual(lakeside.funnel({ role: 'hr' }, {}));
      expect(body.activeTotal).toBe(3);
      expect(
        (await ok('otherHr', 'nominations')).byKind.reduce((s: number, k: { total: number }) => s + k.total, 0),
      ).toBe(3);
    });
  });

  it('rounds every figure as PostgreSQL’s round(numeric) does: half away from zero, on the decimal value', async () => {
    // Deterministic pseudo-random values of the dashboards' kinds (days, hours, ratios), and known halves.
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const xs = [-0.125, 0.125, 1.005, 2.675, -2.675, 1.45, 0.1 + 0.2, 0.05, -0.05, 2.5, -2.5, 12.25, 1e-7];
    const ds = xs.map(() => 2);
    for (let i = 0; i < 3000; i++) {
      const d = i % 4;
      const scale = [1, 10, 1000, 1e6][i % 4]!;
      // Every third value an exact decimal half at d places, the others arbitrary doubles.
      xs.push(i % 3 ? (next() - 0.5) * scale : (Math.round((next() - 0.5) * scale * 10 ** d) + 0.5) / 10 ** d);
      ds.push(d);
    }
    const rows: { x: number; d: number; r: number }[] = await t.db.query(
      `SELECT x, d, round(x::numeric, d)::float8 AS r FROM unnest($1::float8[], $2::int[]) AS u(x, d)`,
      [xs, ds],
    );
    const wrong = rows.filter((w) => round(w.x, w.d) !== w.r || bruteForceRounding.round(w.x, w.d) !== w.r);
    expect(wrong).toEqual([]);

    const as = Array.from({ length: 2000 }, () => Math.round((next() - 0.5) * 2000));
    const bs = Array.from({ length: 2000 }, (_, i) => [8, 16, 2000, 200, 3][i % 5]! * (i % 2 ? 1 : -1));
    const divs: { a: number; b: number; r3: number; r2: number }[] = await t.db.query(
      `SELECT a, b, round(a::numeric / b, 3)::float8 AS r3, round(a::numeric / b, 2)::float8 AS r2
         FROM unnest($1::int[], $2::int[]) AS u(a, b)`,
      [as, bs],
    );
    const off = divs.filter(
      (v) =>
        ratio(v.a, v.b) !== v.r3 ||
        mean(v.a, v.b) !== v.r2 ||
        bruteForceRounding.ratio(v.a, v.b) !== v.r3 ||
        bruteForceRounding.mean(v.a, v.b) !== v.r2,
    );
    expect(off).toEqual([]);
  });

  describe('GET /api/dashboard/time-in-stage', () => {
    it('gives the Director stays computed by hand', async () => {
      const body = await ok('hr', 'time-in-stage', { roleId: fx.roles.director });
      const stage = (s: string) => body.stages.find((x: { stage: string }) => x.stage === s);
      // identified: 30, 40, 50 days; engaged: 100, 50, 40; d3 has waited 400 days in identified.
      expect(stage('identified')).toEqual({
        stage: 'identified',
        completed: { count: 3, medianDays: 40, p75Days: 45 },
        open: { count: 1, medianAgeDays: 400, stalled: 1 },
      });
      expect(stage('engaged')).toEqual({
        stage: 'engaged',
        completed: { count: 3, medianDays: 50, p75Days: 75 },
        open: { count: 0, medianAgeDays: null, stalled: 0 },
      });
      expect(stage('developing').open).toEqual({ count: 1, medianAgeDays: 100, stalled: null });
      expect(stage('paused').open).toEqual({ count: 1, medianAgeDays: 20, stalled: null });
    });

    it('counts 0 stalled, not null, in a stage with completed stays and none open; null only without completed stays', async () => {
      type StageTime = { stage: string; completed: { count: number }; open: { count: number; stalled: number | null } };
      const director: StageTime[] = (await ok('hr', 'time-in-stage', { roleId: fx.roles.director })).stages;
      const engaged = director.find((s) => s.stage === 'engaged')!;
      expect(engaged.completed.count).toBe(3);
      expect(engaged.open).toEqual({ count: 0, medianAgeDays: null, stalled: 0 });
      let seen = 0;
      for (const f of filterSets())
        for (const s of (await ok('hr', 'time-in-stage', f)).stages as StageTime[]) {
          expect({ f, stage: s.stage, stalled: s.open.stalled === null }).toEqual({
            f,
            stage: s.stage,
            stalled: s.completed.count === 0,
          });
          if (s.completed.count > 0 && s.open.count === 0) seen++;
        }
      expect(seen).toBeGreaterThan(1);
    });

    it('equals a brute-force recount of the transition history', async () => {
      for (const who of ['hr', 'principal'] as const)
        for (const f of filterSets()) {
          if (who === 'principal' && f.schoolId === fx.schools.birch) continue;
          const body = await ok(who, 'time-in-stage', f);
          expect({ f, body }).toEqual({ f, body: bf.timeInStage(viewer(who), f, new Date(body.asOf)) });
        }
      expect((await ok('hr', 'time-in-stage', { schoolYear: PREVIOUS })).asOf).toBe(`${startYear}-07-01T00:00:00.000Z`);
    });
  });

  describe('GET /api/dashboard/bench', () => {
    it('counts the Principal seats, the Director bench and the uncovered Mentor role by hand', async () => {
      const body = await ok('hr', 'bench');
      const role = (id: string) => body.roles.find((r: { roleId: string }) => r.roleId === id);
      expect(role(fx.roles.principal)).toMatchObject({
        positions: 5,
        vacantNow: 1,
        opening12Months: 2,
        opening24Months: 3,
        opening36Months: 3,
        openingInSchoolYear: null,
      });
      expect(role(fx.roles.director)).toEqual({
        roleId: fx.roles.director,
        title: 'Director',
        level: 'district',
        positions: 1,
        vacantNow: 1,
        opening12Months: 0,
        opening24Months: 0,
        opening36Months: 0,
        openingInSchoolYear: null,
        // d1 (developing, ready_now) and d3 (identified); d4 is paused and d2 exited: not on the bench.
        candidates: { readyNow: 1, ready1To2Years: 0, ready3PlusYears: 0, notAssessed: 1 },
        coverage: 1,
        atRisk: false,
      });
      expect(role(fx.roles.mentor)).toMatchObject({ positions: 1, vacantNow: 1, coverage: 0, atRisk: true });
      expect(body.rolesAtRisk).toContain(fx.roles.mentor);
      expect(body.rolesAtRisk).not.toContain(fx.roles.director);
    });

    it('equals a brute-force recount of seats and bench', async () => {
      for (const who of ['hr', 'coord', 'principal'] as const)
        for (const f of filterSets()) {
          if (who === 'principal' && f.schoolId === fx.schools.birch) continue;
          expect({ f, body: await ok(who, 'bench', f) }).toEqual({ f, body: bf.bench(viewer(who), f) });
        }
    });
  });

  describe('GET /api/dashboard/competencies', () => {
    it('rates the Director candidacies by hand: the latest rating, ties to the higher, exact links rescaled', async () => {
      const body = await ok('hr', 'competencies', { roleId: fx.roles.director });
      expect(body.competencies.map((c: { code: string }) => c.code)).toEqual(['K1']);
      expect(body.competencies[0].overall).toEqual({
        candidates: 2,
        rated: 2,
        averageLevel: 3.5,
        averageTarget: 3,
        averageGap: -0.5,
        meetingTarget: 2,
      });
      expect(body.cells).toEqual([
        {
          competencyId: fx.nodes.k1,
          level: 'district',
          stage: 'identified',
          candidates: 1,
          rated: 1,
          averageLevel: 3,
          averageTarget: 3,
          averageGap: 0,
          meetingTarget: 1,
        },
        {
          competencyId: fx.nodes.k1,
          level: 'district',
          stage: 'developing',
          candidates: 1,
          rated: 1,
          averageLevel: 4,
          averageTarget: 3,
          averageGap: -1,
          meetingTarget: 1,
        },
      ]);
      // Ratings observed by the end of last school year only: none of these.
      const before = await ok('hr', 'competencies', { roleId: fx.roles.director, schoolYear: PREVIOUS });
      expect(before.competencies[0].overall).toMatchObject({ candidates: 2, rated: 0, averageLevel: null });
    });

    it('equals the per-candidate profile rule (competencies/profile.ts) applied to every candidacy', async () => {
      for (const who of ['hr', 'principal'] as const)
        for (const f of filterSets()) {
          if (who === 'principal' && f.schoolId === fx.schools.birch) continue;
          expect({ f, body: await ok(who, 'competencies', f) }).toEqual({ f, body: bf.competencies(viewer(who), f) });
        }
    });
  });

  describe('GET /api/dashboard/nominations', () => {
    it('lists the schools without a nomination in the last 12 months', async () => {
      const body = await ok('hr', 'nominations');
      expect(body.schoolsWithoutRecentNomination).toEqual([fx.schools.birch, fx.schools.cedar]);
      const cedar = body.bySchool.find((s: { schoolId: string }) => s.schoolId === fx.schools.cedar);
      expect(cedar).toMatchObject({ nominations: 0, lastNominatedAt: null, nominatedLast12Months: false });
      expect(body.bySchool.at(-1)).toMatchObject({ schoolId: null, schoolName: null });
    });

    it('equals a brute-force count; only hr gets the names', async () => {
      for (const who of ['hr', 'sup', 'coord', 'principal'] as const)
        for (const f of filterSets()) {
          if (who === 'principal' && f.schoolId === fx.schools.birch) continue;
          expect({ f, body: await ok(who, 'nominations', f) }).toEqual({ f, body: bf.nominations(viewer(who), f) });
        }
      expect((await ok('hr', 'nominations')).eligibleNeverNominated.educators.length).toBeGreaterThan(0);
      expect((await ok('sup', 'nominations')).eligibleNeverNominated.educators).toBeNull();
    });
  });

  describe('GET /api/dashboard/opportunities', () => {
    it('counts the residency by hand: a withdrawn assignment frees its seat but keeps its hours', async () => {
      const body = await ok('hr', 'opportunities');
      expect(body.byType.find((r: { type: string }) => r.type === 'residency')).toEqual({
        type: 'residency',
        opportunities: 1,
        seats: 3,
        seatsTaken: 2,
        seatsOpen: 1,
        seatsFilled: 2,
        completions: 1,
        hoursLogged: 15.5,
      });
      const principal = await ok('principal', 'opportunities');
      expect(principal.byType.find((r: { type: string }) => r.type === 'residency')).toMatchObject({
        seatsTaken: 2,
        seatsFilled: 1,
        completions: 1,
        hoursLogged: 10.5,
      });
    });

    it('equals a brute-force count', async () => {
      for (const who of ['hr', 'coord', 'principal'] as const)
        for (const f of filterSets()) {
          if (who === 'principal' && f.schoolId === fx.schools.birch) continue;
          expect({ f, body: await ok(who, 'opportunities', f) }).toEqual({ f, body: bf.opportunities(viewer(who), f) });
        }
    });
  });

  describe('GET /api/dashboard/equity', () => {
    const REPRESENTATION = [
      'eligible',
      'nominated',
      'identified',
      'engaged',
      'developing',
      'ready',
      'placed',
      'supported',
    ];
    const STAGES = REPRESENTATION.slice(2);
    let keys: Map<string, number>;
    beforeAll(async () => {
      const rows: { educator_id: string; key: number }[] = await t.db.query(
        'SELECT educator_id, key FROM disclosure_keys',
      );
      keys = new Map(rows.map((r) => [r.educator_id, r.key]));
    });

    /** The method replayed on the brute-force people of every cell and their keys. */
    const replay = (f: Filters, dimension: 'gender' | 'raceEthnicity', threshold: number) => {
      const truth = bf.equityCounts({ role: 'hr' }, f, dimension);
      const counts = (members: string[][][], columns: string[]): GroupCount[] =>
        truth.groups.flatMap((grp, i) =>
          columns.map((col, j) => ({
            col,
            grp,
            n: members[i]![j]!.length,
            ks: members[i]![j]!.reduce((sum, id) => sum + keys.get(id)!, 0),
          })),
        );
      const ctx = {
        schoolId: f.schoolId ?? null,
        level: f.level ?? null,
        roleId: f.roleId ?? null,
        period: f.schoolYear ? {} : null,
        threshold,
      } as unknown as MetricContext;
      return {
        truth,
        representation: equityTable(
          ctx,
          dimension,
          'representation',
          REPRESENTATION,
          counts(truth.members.representation, REPRESENTATION),
        ),
        entered: equityTable(ctx, dimension, 'entered', STAGES, counts(truth.members.entered, STAGES)),
      };
    };

    /** What holds of any published table, whatever the draws: exact totals, bounded error, nothing small exact. */
    const check = (table: Table & { methods: string[] }, truth: number[][], threshold: number) => {
      const wrong: string[] = [];
      table.totals.forEach((c, j) => {
        const n = truth.reduce((s, row) => s + row[j]!, 0);
        if (c.count !== n || c.suppressed) wrong.push(`total ${j}: ${JSON.stringify(c)} ≠ ${n}`);
      });
      table.rows.forEach((row, i) =>
        row.cells.forEach((c, j) => {
          const v = truth[i]![j]!;
          if (c.suppressed) return;
          const err = table.methods[j] === 'rounded' ? 2 : MAX_NOISE;
          if ((c as { exact?: boolean }).exact !== false) wrong.push(`${row.group}/${j} not marked inexact`);
          if (Math.abs(c.count! - v) > err) wrong.push(`${row.group}/${j}: ${c.count} vs ${v}`);
          if (c.count! < threshold) wrong.push(`${row.group}/${j}: published ${c.count} below ${threshold}`);
          if (table.methods[j] === 'rounded' && (v < threshold || c.count! % 3 !== 0)) wrong.push(`${row.group}/${j}`);
        }),
      );
      expect(wrong).toEqual([]);
      return table.rows.flatMap((r) => r.cells).filter((c) => c.suppressed).length;
    };

    it('publishes the method applied to a brute-force count of people: exact totals, rounded or noisy cells', async () => {
      for (const dimension of ['gender', 'raceEthnicity'] as const)
        for (const f of filterSets()) {
          const body = await ok('hr', 'equity', { ...f, dimension });
          const expectedTables = replay(f, dimension, 10);
          expect(body.representation.rows.map((r: { group: string }) => r.group)).toEqual(expectedTables.truth.groups);
          expect({ f, table: body.representation }).toEqual({ f, table: expectedTables.representation });
          expect({ f, table: body.entered }).toEqual({ f, table: expectedTables.entered });
          const narrowed = Boolean(f.schoolId || f.level || f.roleId);
          expect(body.representation.methods).toEqual(
            REPRESENTATION.map((c) => (narrowed || (f.schoolYear && c === 'nominated') ? 'noisy' : 'rounded')),
          );
          check(body.representation, expectedTables.truth.representation, 10);
          check(body.entered, expectedTables.truth.entered, 10);
          body.conversions.rows.forEach((row: { rates: (number | null)[] }, i: number) =>
            row.rates.forEach((rate, k) => {
              const [a, b] = [body.entered.rows[i].cells[k], body.entered.rows[i].cells[k + 1]];
              expect(rate).toBe(a.suppressed || b.suppressed ? null : ratio(b.count, a.count));
            }),
          );
          expect(await ok('sup', 'equity', { ...f, dimension })).toEqual(body);
        }
    });

    it('keeps missing demographics as their own group, and never publishes a zero or a small group', async () => {
      const body = await ok('hr', 'equity', { dimension: 'raceEthnicity' });
      const row = (g: string) => body.representation.rows.find((r: { group: string }) => r.group === g);
      const truth = bf.equityCounts({ role: 'hr' }, {}, 'raceEthnicity');
      const eligible = (g: string) => truth.representation[truth.groups.indexOf(g)]![0]!;
      expect(eligible('not_recorded')).toBeGreaterThan(0);
      expect(eligible('american_indian_alaska_native')).toBe(0);
      expect(row('american_indian_alaska_native').cells[0]).toEqual({ count: null, suppressed: true });
      expect(eligible('two_or_more')).toBeLessThan(10);
      expect(row('two_or_more').cells[0]).toEqual({ count: null, suppressed: true });
    });

    it('applies a new threshold at once', async () => {
      const before = await ok('hr', 'equity', { dimension: 'gender' });
      const truth = bf.equityCounts({ role: 'hr' }, {}, 'gender');
      // A count between 5 and 9 exists, hidden at 10.
      const flat = truth.representation.flat();
      const mid = flat.findIndex((v) => v >= 5 && v < 10);
      expect(mid).toBeGreaterThanOrEqual(0);
      const settings = await t.http().get(`/api/district-settings/${fx.d}`).auth(tokens.hr, { type: 'bearer' });
      expect(settings.body).toEqual({
        id: fx.d,
        name: 'Riverbend',
        smallCellThreshold: 10,
        remindReviewAfterDays: 7,
        remindAnswerAfterDays: 7,
        remindHoursAfterDays: 14,
        remindReadinessAfterMonths: 12,
        pensionRules: [
          { minAge: 65, minYears: 5, ruleOfN: null },
          { minAge: 55, minYears: null, ruleOfN: 85 },
        ],
        pensionRulesAreDefault: true,
        seatHistorySince: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        version: expect.any(Number),
        updatedAt: expect.any(String),
      });
      const put = (who: Who, body: object) =>
        t.http().put(`/api/district-settings/${fx.d}`).send(body).auth(tokens[who], { type: 'bearer' });
      expect((await put('hr', { ...settings.body, smallCellThreshold: 4 })).body).toEqual(
        expected.validation({ smallCellThreshold: 'smallCellThreshold must not be less than 5' }),
      );
      expect((await put('sup', { ...settings.body, smallCellThreshold: 5 })).body).toEqual(expected.forbidden);
      expect(
        (await put('hr', { ...settings.body, version: settings.body.version + 1, smallCellThreshold: 5 })).body,
      ).toEqual(expected.staleVersion);
      const saved = await put('hr', { ...settings.body, smallCellThreshold: 5 });
      expect(saved.status).toBe(200);
      expect(saved.body.smallCellThreshold).toBe(5);
      const after = await ok('hr', 'equity', { dimension: 'gender' });
      expect(after.threshold).toBe(5);
      expect(after.representation).toEqual(replay({}, 'gender', 5).representation);
      const hiddenBefore = check(before.representation, truth.representation, 10);
      const hiddenAfter = check(after.representation, truth.representation, 5);
      expect(hiddenAfter).toBeLessThan(hiddenBefore);
      const restore = await put('hr', { ...saved.body, smallCellThreshold: 10 });
      expect(restore.status).toBe(200);
    });
  });

  describe('/api/district-settings/{id}', () => {
    it('is the caller’s own district only, read by hr and the superintendent', async () => {
      const path = `/api/district-settings/${fx.d}`;
      expect((await t.http().get(path).auth(tokens.sup, { type: 'bearer' })).status).toBe(200);
      expect((await t.http().get(path).auth(tokens.coord, { type: 'bearer' })).body).toEqual(expected.forbidden);
      expect((await t.http().get(path).auth(tokens.otherHr, { type: 'bearer' })).body).toEqual(expected.notFound);
      const mine = await t.http().get(path).auth(tokens.hr, { type: 'bearer' });
      expect(
        (
          await t
            .http()
            .put(path)
            .send({ ...mine.body, name: 'Renamed' })
            .auth(tokens.hr, { type: 'bearer' })
        ).body,
      ).toEqual(expected.readOnly({ name: expect.stringContaining('platform administrator') }));
    });
  });
});
