import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
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

  it('cannot be changed: no route writes it and the database refuses updates, deletes and truncation', async () => {
    expect((await t.http().delete('/api/audit-log').auth(tokens.hr, { type: 'bearer' })).status).toBe(404);
    const before = Number((await t.db.query(`SELECT count(*) AS n FROM audit_log`))[0].n);
    await expect(t.db.query(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    expect(Number((await t.db.query(`SELECT count(*) AS n FROM audit_log`))[0].n)).toBe(before);
  });
});
