import { migrations } from '@emerge/migrations';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { expected } from '../expected-errors.js';
import { createTestApp, TestApp } from '../test-app.js';

interface Entry {
  actor_user_id: string | null;
  district_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  changes: Record<string, { before?: unknown; after?: unknown }>;
  correlation_id: string | null;
}

describe('audit log', () => {
  let t: TestApp;
  let districtId: string;
  let otherId: string;
  let hr: { id: string; email: string };
  let tokens: Record<'hr' | 'sup' | 'coord' | 'principal' | 'otherHr', string>;

  beforeAll(async () => {
    t = await createTestApp();
    const f = t.factories;
    districtId = (await f.createDistrict()).id;
    otherId = (await f.createDistrict()).id;
    const school = await f.createSchool({ districtId });
    hr = await f.createUser({ role: 'hr', districtId });
    tokens = {
      hr: await t.login(hr.email),
      sup: await t.login((await f.createUser({ role: 'superintendent', districtId })).email),
      coord: await t.login((await f.createUser({ role: 'coordinator', districtId })).email),
      principal: await t.login((await f.createUser({ role: 'principal', districtId, schoolIds: [school.id] })).email),
      otherHr: await t.login((await f.createUser({ role: 'hr', districtId: otherId })).email),
    };
  });
  afterAll(() => t.close());

  const entries = (correlationId: string): Promise<Entry[]> =>
    t.db.query(
      `SELECT actor_user_id, district_id, action, entity, entity_id, changes, correlation_id FROM audit_log
        WHERE correlation_id = $1 ORDER BY occurred_at, entity`,
      [correlationId],
    );

  it('records a create with its actor, district, correlation id and field values, in the writing transaction', async () => {
    const res = await t
      .http()
      .post('/api/schools')
      .send({ name: 'Audit Elementary', code: 'AUD', gradeBand: 'elementary' })
      .auth(tokens.hr, { type: 'bearer' });
    expect(res.status).toBe(201);
    const log = await entries(res.headers['x-correlation-id'] as string);
    expect(log).toEqual([
      {
        actor_user_id: hr.id,
        district_id: districtId,
        action: 'create',
        entity: 'schools',
        entity_id: res.body.id,
        changes: expect.objectContaining({ name: { after: 'Audit Elementary' }, code: { after: 'AUD' } }),
        correlation_id: res.headers['x-correlation-id'],
      },
    ]);
  });

  it('records only the fields an update changed, and a rolled-back write leaves nothing', async () => {
    const school = (await t.http().get('/api/schools?filter={"q":"Audit"}').auth(tokens.hr, { type: 'bearer' }))
      .body[0];
    const res = await t
      .http()
      .put(`/api/schools/${school.id}`)
      .send({ ...school, name: 'Audit Elementary School' })
      .auth(tokens.hr, { type: 'bearer' });
    expect(res.status).toBe(200);
    const [update] = await entries(res.headers['x-correlation-id'] as string);
    expect(update).toMatchObject({ action: 'update', entity: 'schools', entity_id: school.id });
    expect(update!.changes).toEqual({ name: { before: 'Audit Elementary', after: 'Audit Elementary School' } });

    const duplicate = await t
      .http()
      .post('/api/schools')
      .send({ name: 'Copy', code: 'AUD', gradeBand: 'elementary' })
      .auth(tokens.hr, { type: 'bearer' });
    expect(duplicate.status).toBe(409);
    expect(await entries(duplicate.headers['x-correlation-id'] as string)).toEqual([]);
  });

  it('redacts demographic values but records that they changed', async () => {
    const educator = await t.factories.createEducator({ districtId, gender: null });
    const current = (await t.http().get(`/api/educators/${educator.id}`).auth(tokens.hr, { type: 'bearer' })).body;
    const res = await t
      .http()
      .put(`/api/educators/${educator.id}`)
      .send({ ...current, gender: 'female', jobTitle: 'Dean of students' })
      .auth(tokens.hr, { type: 'bearer' });
    expect(res.status).toBe(200);
    const [update] = await entries(res.headers['x-correlation-id'] as string);
    expect(update!.changes).toEqual({
      gender: { before: '[redacted]', after: '[redacted]' },
      job_title: { before: 'Teacher', after: 'Dean of students' },
    });
    const raw = JSON.stringify(await t.db.query(`SELECT changes FROM audit_log WHERE entity = 'educators'`));
    expect(raw).not.toContain('female');
  });

  it('records a stage move as the candidate update and the history row, under one correlation id', async () => {
    const f = t.factories;
    const roleId = (await f.createLeadershipRole({ districtId })).id;
    const e = await f.createEducator({ districtId });
    const c = await f.createCandidate({ districtId, educatorId: e.id, roleId }, [{ to: 'engaged', daysAgo: 3 }]);
    const res = await t
      .http()
      .post(`/api/candidates/${c.id}/transitions`)
      .send({ to: 'developing', expectedStage: 'engaged' })
      .auth(tokens.hr, { type: 'bearer' });
    expect(res.status).toBe(201);
    const log = await entries(res.headers['x-correlation-id'] as string);
    expect(log.map((l) => [l.action, l.entity, l.actor_user_id])).toEqual([
      ['update', 'candidates', hr.id],
      ['create', 'stage_transitions', hr.id],
    ]);
    expect(log[0]!.changes.stage).toEqual({ before: 'engaged', after: 'developing' });
  });

  it('records sign-ins, successful and failed, without the password', async () => {
    const ok = await t.http().post('/api/auth/login').send({ email: hr.email, password: 'emerge-demo-pass' });
    const bad = await t.http().post('/api/auth/login').send({ email: hr.email, password: 'not-the-password' });
    const unknown = await t.http().post('/api/auth/login').send({ email: 'nobody@test.example', password: 'x' });
    expect([ok.status, bad.status, unknown.status]).toEqual([200, 401, 401]);
    expect((await entries(ok.headers['x-correlation-id'] as string)).map((l) => [l.action, l.entity_id])).toEqual([
      ['login_succeeded', hr.id],
    ]);
    const [failed] = await entries(bad.headers['x-correlation-id'] as string);
    expect(failed).toMatchObject({
      action: 'login_failed',
      entity_id: hr.id,
      district_id: districtId,
      actor_user_id: null,
    });
    expect(failed!.changes).toEqual({ email: { after: hr.email }, reason: { after: 'wrong_password' } });
    const [stranger] = await entries(unknown.headers['x-correlation-id'] as string);
    expect(stranger).toMatchObject({ action: 'login_failed', entity_id: null, district_id: null });
    expect(JSON.stringify(await t.db.query(`SELECT changes FROM audit_log`))).not.toContain('not-the-password');
  });

  it('is served to hr and the superintendent of the district only, filterable by entity', async () => {
    const list = await t
      .http()
      .get(`/api/audit-log?filter=${encodeURIComponent(JSON.stringify({ entity: 'schools', actorUserId: hr.id }))}`)
      .auth(tokens.sup, { type: 'bearer' });
    expect(list.status).toBe(200);
    expect((list.body as { entity: string; action: string }[]).map((e) => [e.entity, e.action])).toEqual([
      ['schools', 'update'],
      ['schools', 'create'],
    ]);
    expect(list.body[0]).toMatchObject({ actorUserId: hr.id, actorName: expect.any(String) });
    expect((await t.http().get('/api/audit-log').auth(tokens.coord, { type: 'bearer' })).body).toEqual(
      expected.forbidden,
    );
    expect((await t.http().get('/api/audit-log').auth(tokens.principal, { type: 'bearer' })).status).toBe(403);
    const other = await t.http().get('/api/audit-log').auth(tokens.otherHr, { type: 'bearer' });
    expect(other.status).toBe(200);
    expect((other.body as { entityId: string }[]).every((e) => e.entityId !== hr.id)).toBe(true);
    expect((other.body as unknown[]).length).toBeGreaterThan(0); // their own sign-in
  });

  describe('demographic changes, shown to hr only', () => {
    type Listed = { id: string; action: string; entity: string; entityId: string | null; changes: object };
    const list = async (who: 'hr' | 'sup', filter: Record<string, string> = {}) => {
      const res = await t
        .http()
        .get(`/api/audit-log?filter=${encodeURIComponent(JSON.stringify(filter))}&range=[0,999]`)
        .auth(tokens[who], { type: 'bearer' });
      expect(res.status).toBe(200);
      const total = Number(/\/(\d+)$/.exec(res.headers['content-range'] as string)![1]);
      return { rows: res.body as Listed[], total };
    };
    /** hr edits the educator through the API; returns the request's correlation id. */
    const edit = async (id: string, change: Record<string, unknown>) => {
      const current = (await t.http().get(`/api/educators/${id}`).auth(tokens.hr, { type: 'bearer' })).body;
      const res = await t
        .http()
        .put(`/api/educators/${id}`)
        .send({ ...current, ...change })
        .auth(tokens.hr, { type: 'bearer' });
      expect(res.status).toBe(200);
      return res.headers['x-correlation-id'] as string;
    };
    const DEMOGRAPHIC = /gender|race_?ethnicity/i;

    it('does not list, count or filter to an update that changed only demographic fields, except for hr', async () => {
      const educator = await t.factories.createEducator({ districtId, gender: null, raceEthnicity: null });
      const before = await list('sup');
      const from = new Date(Date.now() - 1).toISOString();
      const genderOnly = await edit(educator.id, { gender: 'male' });
      const raceOnly = await edit(educator.id, { raceEthnicity: 'asian' });
      const to = new Date(Date.now() + 1).toISOString();

      const after = await list('sup');
      expect(after.total).toBe(before.total);
      expect(after.rows.map((r) => r.id)).toEqual(before.rows.map((r) => r.id));
      expect(JSON.stringify(after.rows.filter((r) => r.entityId === educator.id))).not.toMatch(DEMOGRAPHIC);

      // hr: both updates, and that they changed (never the values).
      const hrUpdates = await list('hr', { entityId: educator.id, action: 'update' });
      expect(hrUpdates.total).toBe(2);
      expect(hrUpdates.rows.map((r) => r.changes)).toEqual([
        { race_ethnicity: { before: '[redacted]', after: '[redacted]' } },
        { gender: { before: '[redacted]', after: '[redacted]' } },
      ]);
      expect((await list('hr', { correlationId: genderOnly })).total).toBe(1);
      expect((await list('hr', { from, to })).total).toBe(2);

      // Nothing the superintendent can filter on finds them.
      const none = { rows: [], total: 0 };
      expect(await list('sup', { correlationId: genderOnly })).toEqual(none);
      expect(await list('sup', { correlationId: raceOnly })).toEqual(none);
      expect(await list('sup', { entityId: educator.id, action: 'update' })).toEqual(none);
      expect(await list('sup', { entity: 'educators', action: 'update', from, to })).toEqual(none);
      expect(await list('sup', { from, to })).toEqual(none);
      expect(await list('sup', { actorUserId: hr.id, entity: 'educators', from })).toEqual(none);
    });

    it('shows the superintendent an update of demographic and other fields without the demographic ones', async () => {
      const educator = await t.factories.createEducator({ districtId, gender: 'female', raceEthnicity: 'white' });
      const corr = await edit(educator.id, { gender: 'nonbinary', jobTitle: 'Assistant principal' });
      const jobTitle = { before: 'Teacher', after: 'Assistant principal' };
      const sup = await list('sup', { correlationId: corr });
      expect(sup.total).toBe(1);
      expect(sup.rows).toEqual([
        expect.objectContaining({ action: 'update', entity: 'educators', entityId: educator.id }),
      ]);
      expect(sup.rows[0]!.changes).toEqual({ job_title: jobTitle });
      expect((await list('hr', { correlationId: corr })).rows[0]!.changes).toEqual({
        gender: { before: '[redacted]', after: '[redacted]' },
        job_title: jobTitle,
      });
    });

    it('keeps an educator’s create and delete for the superintendent, without the demographic fields', async () => {
      const educator = await t.factories.createEducator({ districtId, gender: 'female', raceEthnicity: 'asian' });
      await edit(educator.id, { gender: 'prefer_not_to_say' });
      await t.db.query(`DELETE FROM educators WHERE id = $1`, [educator.id]);
      // A filter by the educator's id: their create and delete, and no demographic-only entry.
      const sup = await list('sup', { entityId: educator.id });
      expect(sup.rows.map((r) => r.action).sort()).toEqual(['create', 'delete']);
      expect(sup.total).toBe(2);
      for (const r of sup.rows) {
        expect(r.changes).toMatchObject({ job_title: expect.any(Object), employee_number: expect.any(Object) });
        expect(r.changes).not.toHaveProperty('gender');
        expect(r.changes).not.toHaveProperty('race_ethnicity');
      }
      expect(JSON.stringify(sup.rows)).not.toMatch(DEMOGRAPHIC);
      const hrRows = await list('hr', { entityId: educator.id });
      expect(hrRows.rows.map((r) => r.action).sort()).toEqual(['create', 'delete', 'update']);
      for (const r of hrRows.rows) expect(r.changes).toHaveProperty('gender');
    });
  });

  it('writes the same rows as the first version of the capture function, for inserts, updates and deletes', async () => {
    const f = t.factories;
    const roleId = (await f.createLeadershipRole({ districtId })).id;
    const node = await f.createCompetency({ frameworkId: (await f.createFramework({ districtId })).id });
    const school = await f.createSchool({ districtId });
    const user = await f.createUser({ role: 'principal', districtId, schoolIds: [school.id] });
    // A workload over single-column and composite keys, redacted columns, and no-op updates; fixed ids, so
    // both runs log the same entity ids.
    const workload = async (q: QueryRunner) => {
      await q.query(
        `INSERT INTO educators (id, district_id, employee_number, first_name, last_name, job_title, gender, race_ethnicity)
         SELECT ('00000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, $1, 'EQ-' || g, 'Eq', 'Row' || g,
                'Teacher', CASE WHEN g % 2 = 0 THEN 'female'::gender END,
                CASE WHEN g % 3 = 0 THEN 'asian'::race_ethnicity END
           FROM generate_series(1, 40) g`,
        [districtId],
      );
      await q.query(
        `UPDATE educators SET job_title = CASE WHEN employee_number < 'EQ-2' THEN 'Coach' ELSE job_title END,
                gender = CASE WHEN employee_number LIKE '%5' THEN 'male'::gender ELSE gender END, version = version + 1
          WHERE employee_number LIKE 'EQ-%'`,
      );
      await q.query(`INSERT INTO role_targets (role_id, competency_id, target_level) VALUES ($1, $2, 3)`, [
        roleId,
        node.id,
      ]);
      await q.query(`UPDATE role_targets SET target_level = 4 WHERE role_id = $1`, [roleId]);
      await q.query(`DELETE FROM role_targets WHERE role_id = $1`, [roleId]);
      await q.query(`DELETE FROM user_schools WHERE user_id = $1`, [user.id]);
      await q.query(`UPDATE users SET password_hash = 'x', last_login_at = now() WHERE id = $1`, [user.id]);
      await q.query(`DELETE FROM educators WHERE employee_number IN ('EQ-3', 'EQ-4')`);
      return q.query(
        `SELECT district_id, actor_user_id, action, entity, entity_id, changes, correlation_id FROM audit_log
          WHERE occurred_at >= now() ORDER BY entity, entity_id, action, changes::text`,
      );
    };
    const run = async (first: boolean) => {
      const q = t.db.createQueryRunner();
      await q.connect();
      await q.startTransaction();
      try {
        if (first) await (new faster() as MigrationInterface).down(q);
        return await workload(q);
      } finally {
        await q.rollbackTransaction();
        await q.release();
      }
    };
    const faster = migrations.find((m) => m.name === 'FasterAuditCapture1795730000000')!;
    const before = await run(true);
    const now = await run(false);
    // 40 creates; 14 educators changed (job title: EQ-1, EQ-10…19; gender: EQ-5, 25, 35); the role target's
    // create, update and delete; the school link's delete; the password change; 2 educator deletes.
    expect(before.length).toBe(40 + 14 + 3 + 1 + 1 + 2);
    // The first version also logged the sort keys (AddSortKeys leaves sort_ columns out: they repeat a source).
    const withoutSortKeys = (rows: { changes: Record<string, unknown> }[]) =>
      rows.map((r) => ({
        ...r,
        changes: Object.fromEntries(Object.entries(r.changes).filter(([k]) => !k.startsWith('sort_'))),
      }));
    expect(JSON.stringify(before)).toContain('"sort_school_name"');
    expect(JSON.stringify(now)).not.toContain('sort_');
    expect(now).toEqual(withoutSortKeys(before));
    expect(JSON.stringify(now)).not.toMatch(/female|"male"|asian|"x"/);
  });

  it('cannot be changed: no route writes it and the database refuses updates, deletes and truncation', async () => {
    expect((await t.http().delete('/api/audit-log').auth(tokens.hr, { type: 'bearer' })).status).toBe(404);
    const before = Number((await t.db.query(`SELECT count(*) AS n FROM audit_log`))[0].n);
    await expect(t.db.query(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    expect(Number((await t.db.query(`SELECT count(*) AS n FROM audit_log`))[0].n)).toBe(before);
  });
});
