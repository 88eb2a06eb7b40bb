import { migrations, SORT_KEY_FILL, SORT_KEY_MISMATCHES } from '@emerge/migrations';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { MigrationInterface } from 'typeorm';
import { createTestApp, rolledBack, TestApp } from '../test-app.js';

/**
 * Sort keys (migration AddSortKeys) are copies of another table's values, kept by triggers; the scale
 * generator fills them set-based instead. After every kind of write they must equal their definitions, and
 * the lists sorted by them must come out in the source's order.
 */
describe('sort keys', () => {
  let t: TestApp;
  let d: string;
  let hr: string;
  const id: Record<string, string> = {};

  const mismatches = async () => {
    const out: Record<string, number> = {};
    for (const { table, sql } of SORT_KEY_MISMATCHES) out[table] = Number((await t.db.query(sql))[0].n);
    return out;
  };
  const none = { educators: 0, candidates: 0, nominations: 0, positions: 0 };
  const ids = async (resource: string, sort: string, direction = 'ASC') => {
    const res = await t
      .http()
      .get(`/api/${resource}`)
      .query({ sort: JSON.stringify([sort, direction]), range: '[0,99]' })
      .auth(hr, { type: 'bearer' });
    expect(res.status).toBe(200);
    return (res.body as { id: string }[]).map((r) => r.id);
  };

  beforeAll(async () => {
    t = await createTestApp();
    const f = t.factories;
    d = (await f.createDistrict()).id;
    const hrUser = await f.createUser({ role: 'hr', districtId: d });
    hr = await t.login(hrUser.email);
    id.alder = (await f.createSchool({ districtId: d, name: 'Alder' })).id;
    id.birch = (await f.createSchool({ districtId: d, name: 'Birch' })).id;
    id.ap = (await f.createLeadershipRole({ districtId: d, title: 'Assistant principal', level: 'school' })).id;
    id.coach = (await f.createLeadershipRole({ districtId: d, title: 'Coach', level: 'classroom' })).id;
    id.ann = (await f.createEducator({ districtId: d, schoolId: id.alder, lastName: 'Ames' })).id;
    id.bo = (
      await f.createEducator({ districtId: d, schoolId: id.birch, lastName: 'Bell', retirementEligibleYear: 2030 })
    ).id;
    id.cy = (await f.createEducator({ districtId: d, schoolId: null, lastName: 'Cole' })).id;
    id.annC = (await f.createCandidate({ districtId: d, educatorId: id.ann, roleId: id.ap })).id;
    id.boC = (await f.createCandidate({ districtId: d, educatorId: id.bo, roleId: id.coach })).id;
    id.annN = (
      await f.createNomination({
        districtId: d,
        educatorId: id.ann,
        targetRoleId: id.coach,
        nominatorUserId: hrUser.id,
      })
    ).id;
    id.boN = (
      await f.createNomination({ districtId: d, educatorId: id.bo, targetRoleId: id.ap, nominatorUserId: hrUser.id })
    ).id;
    id.seatBo = (
      await f.createPosition({ districtId: d, roleId: id.ap, title: 'AP 1', incumbentEducatorId: id.bo })
    ).id;
    id.seatAnn = (
      await f.createPosition({ districtId: d, roleId: id.ap, title: 'AP 2', incumbentEducatorId: id.ann })
    ).id;
    id.vacant = (await f.createPosition({ districtId: d, roleId: id.ap, title: 'AP 3' })).id;
  });
  afterAll(() => t.close());

  it('are filled on insert, and the lists sort by them', async () => {
    expect(await mismatches()).toEqual(none);
    // No school first (nulls are the smallest values), then Alder, Birch.
    expect(await ids('educators', 'schoolName')).toEqual([id.cy, id.ann, id.bo]);
    expect(await ids('candidates', 'roleTitle')).toEqual([id.annC, id.boC]);
    expect(await ids('candidates', 'roleLevel')).toEqual([id.boC, id.annC]); // classroom before school
    expect(await ids('candidates', 'schoolName')).toEqual([id.annC, id.boC]);
    expect(await ids('nominations', 'targetRoleTitle')).toEqual([id.boN, id.annN]);
    expect(await ids('positions', 'incumbentName')).toEqual([id.vacant, id.seatAnn, id.seatBo]);
    // Vacant (open now: null) first; Ames has no retirement year and no projected date (null too).
    expect((await ids('positions', 'projectedOpeningOn')).at(-1)).toBe(id.seatBo);
  });

  it('follow renames, moves and changes of the sources', async () => {
    // Birch becomes Aardvark (now before Alder); the Assistant principal role becomes Zone lead (district).
    await t.db.query(`UPDATE schools SET name = 'Aardvark' WHERE id = $1`, [id.birch]);
    await t.db.query(`UPDATE leadership_roles SET title = 'Zone lead', level = 'district' WHERE id = $1`, [id.ap]);
    await t.db.query(`UPDATE educators SET school_id = $2 WHERE id = $1`, [id.cy, id.alder]);
    await t.db.query(`UPDATE educators SET last_name = 'Zeller', retirement_eligible_year = 2027 WHERE id = $1`, [
      id.ann,
    ]);
    await t.db.query(`UPDATE positions SET projected_vacancy_on = '2026-01-01' WHERE id = $1`, [id.seatBo]);
    await t.db.query(`UPDATE candidates SET role_id = $2 WHERE id = $1`, [id.boC, id.ap]);
    await t.db.query(`UPDATE nominations SET target_role_id = $2 WHERE id = $1`, [id.annN, id.ap]);
    expect(await mismatches()).toEqual(none);

    // Ann and Cy now share Alder: the id breaks the tie.
    expect(await ids('educators', 'schoolName')).toEqual([id.bo, ...[id.ann!, id.cy!].sort()]);
    expect(await ids('candidates', 'roleTitle')).toEqual([id.boC, id.annC].sort()); // both Zone lead now
    expect(await ids('nominations', 'targetRoleTitle')).toEqual([id.annN, id.boN].sort());
    expect(await ids('positions', 'incumbentName')).toEqual([id.vacant, id.seatBo, id.seatAnn]);
    expect(await ids('positions', 'projectedOpeningOn')).toEqual([id.vacant, id.seatBo, id.seatAnn]);
  });

  it('leave the audit log as it was: a rename is one entry, on the renamed row', async () => {
    const before = Number((await t.db.query(`SELECT count(*)::int AS n FROM audit_log`))[0].n);
    await t.db.query(`UPDATE schools SET name = 'Cedar' WHERE id = $1`, [id.alder]);
    const [entry] = (await t.db.query(
      `SELECT changes FROM audit_log WHERE entity = 'schools' AND entity_id = $1 ORDER BY occurred_at DESC LIMIT 1`,
      [id.alder],
    )) as { changes: Record<string, unknown> }[];
    expect(Number((await t.db.query(`SELECT count(*)::int AS n FROM audit_log`))[0].n)).toBe(before + 1);
    expect(entry!.changes).toEqual({ name: { before: 'Alder', after: 'Cedar' } });
    expect(await mismatches()).toEqual(none);
  });

  it('has a migration whose down undoes its up (columns, triggers, the audit capture)', async () => {
    const migration = migrations.find((m) => m.name === 'AddSortKeys1796800000001')!;
    await rolledBack(t.db, async (q) => {
      const capture = `SELECT prosrc FROM pg_proc WHERE proname = 'audit_capture'`;
      const [now] = (await q.query(capture)) as { prosrc: string }[];
      await (new migration() as MigrationInterface).down(q);
      expect(((await q.query(capture))[0] as { prosrc: string }).prosrc).not.toContain('sort');
      expect(
        await q.query(`SELECT count(*)::int AS n FROM information_schema.columns WHERE column_name LIKE 'sort\\_%'`),
      ).toEqual([{ n: 0 }]);
      await (new migration() as MigrationInterface).up(q);
      expect((await q.query(capture))[0]).toEqual(now);
      for (const { sql } of SORT_KEY_MISMATCHES) expect(await q.query(sql)).toEqual([{ n: 0 }]);
    });
  });

  it('are what the set-based fill writes', async () => {
    await t.db.query(`UPDATE educators SET sort_school_name = 'wrong' WHERE id = $1`, [id.ann]);
    // A direct write is put right by the row's own trigger.
    expect(await mismatches()).toEqual(none);
    // As the generator loads: triggers off, then the set-based fill.
    const q = t.db.createQueryRunner();
    await q.connect();
    try {
      await q.query(`SET session_replication_role = replica`);
      await q.query(`UPDATE educators SET sort_school_name = 'wrong' WHERE district_id = $1`, [d]);
      await q.query(
        `UPDATE positions SET sort_opens_on = NULL, sort_incumbent_last_name = 'x' WHERE district_id = $1`,
        [d],
      );
      expect(await mismatches()).toEqual({ ...none, educators: 3, positions: 3 });
      for (const fill of SORT_KEY_FILL) await q.query(fill);
      await q.query(`SET session_replication_role = origin`);
    } finally {
      await q.release();
    }
    expect(await mismatches()).toEqual(none);
  });
});
