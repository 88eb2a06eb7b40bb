import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { errorBody } from '../expected-errors.js';
import { createTestApp, TestApp } from '../test-app.js';

describe('Idempotency-Key on creating POSTs', () => {
  let t: TestApp;
  let hr: string;
  let otherHr: string;
  let body: { educatorId: string; targetRoleId: string; rationale: string };
  let evidenceBody: object;
  let districtId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const f = t.factories;
    districtId = (await f.createDistrict()).id;
    const roleId = (await f.createLeadershipRole({ districtId })).id;
    const nominee = await f.createEducator({ districtId });
    hr = await t.login((await f.createUser({ role: 'hr', districtId })).email);
    otherHr = await t.login((await f.createUser({ role: 'hr', districtId })).email);
    body = {
      educatorId: nominee.id,
      targetRoleId: roleId,
      rationale: 'Runs the ninth-grade team and the family evenings with care.',
    };
    const candidate = await f.createCandidate(
      { districtId, educatorId: (await f.createEducator({ districtId })).id, roleId },
      [{ to: 'engaged', daysAgo: 4 }],
    );
    const node = await f.createCompetency({ frameworkId: (await f.createFramework({ districtId })).id });
    evidenceBody = {
      candidateId: candidate.id,
      competencyId: node.id,
      level: 2,
      source: 'observation',
      observedOn: '2026-11-02',
    };
  });
  afterAll(() => t.close());

  const count = async (table: string) => Number((await t.db.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
  const post = (path: string, token: string, payload: object, key?: string) => {
    const req = t.http().post(path).send(payload).auth(token, { type: 'bearer' });
    return key ? req.set('Idempotency-Key', key) : req;
  };

  it('replays the first answer to a retry and creates nothing new', async () => {
    const key = randomUUID();
    const first = await post('/api/nominations', hr, body, key);
    expect(first.status).toBe(201);
    const nominations = await count('nominations');
    const retry = await post('/api/nominations', hr, body, key);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await count('nominations')).toBe(nominations);
  });

  it('refuses the same key with a different request, and keys are per user', async () => {
    const key = randomUUID();
    expect((await post('/api/evidence', hr, evidenceBody, key)).status).toBe(201);
    const changed = await post('/api/evidence', hr, { ...evidenceBody, level: 3 }, key);
    expect(changed.status).toBe(409);
    expect(changed.body).toEqual(
      errorBody(409, 'conflict', {
        message: 'This Idempotency-Key was already used for a different request; use a new key for a new request',
      }),
    );
    // Another user's identical key is their own.
    const before = await count('evidence');
    expect((await post('/api/evidence', otherHr, evidenceBody, key)).status).toBe(201);
    expect(await count('evidence')).toBe(before + 1);
  });

  it('stores nothing for a failed request, so it can be retried with the same key once corrected', async () => {
    const key = randomUUID();
    const bad = await post('/api/evidence', hr, { ...evidenceBody, level: 99 }, key);
    expect(bad.status).toBe(400);
    const later = await post('/api/evidence', hr, { ...evidenceBody, level: 99 }, key);
    expect(later.status).toBe(400); // re-validated, not replayed from a stored failure
    expect(later.headers['idempotent-replayed']).toBeUndefined();
  });

  it('answers a retry while the first request is still running with a 409, and lets it through once that one died', async () => {
    const key = randomUUID();
    expect((await post('/api/evidence', hr, evidenceBody, key)).status).toBe(201);
    // The first request as it looks while still in flight: claimed, no answer stored yet.
    await t.db.query(`UPDATE idempotency_keys SET status_code = NULL, response_body = NULL WHERE key = $1`, [key]);
    const before = await count('evidence');
    const retry = await post('/api/evidence', hr, evidenceBody, key);
    expect(retry.body).toEqual(
      errorBody(409, 'conflict', {
        message: 'A request with this Idempotency-Key is still being processed; retry in a moment',
      }),
    );
    expect(await count('evidence')).toBe(before);
    // Ten minutes later with still no answer, the first request died: the retry runs.
    await t.db.query(`UPDATE idempotency_keys SET created_at = now() - interval '10 minutes' WHERE key = $1`, [key]);
    expect((await post('/api/evidence', hr, evidenceBody, key)).status).toBe(201);
    expect(await count('evidence')).toBe(before + 1);
  });

  it('serves concurrent retries with exactly one creation', async () => {
    const key = randomUUID();
    const before = await count('evidence');
    const results = await Promise.all(Array.from({ length: 5 }, () => post('/api/evidence', hr, evidenceBody, key)));
    const created = results.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(results.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    expect(new Set(created.map((r) => r.body.id)).size).toBe(1);
    expect(await count('evidence')).toBe(before + 1);
  });

  it('rejects a malformed key and works as before without one', async () => {
    const res = await post('/api/evidence', hr, evidenceBody, 'x'.repeat(201));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual({ 'Idempotency-Key': 'must be 1 to 200 visible ASCII characters, e.g. a UUID' });
    const before = await count('evidence');
    await post('/api/evidence', hr, evidenceBody);
    await post('/api/evidence', hr, evidenceBody);
    expect(await count('evidence')).toBe(before + 2);
  });
});
