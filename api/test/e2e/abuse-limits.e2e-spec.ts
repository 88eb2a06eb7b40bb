import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { errorBody } from '../expected-errors.js';
import { createTestApp, TestApp } from '../test-app.js';

describe('sign-in abuse limits', () => {
  describe('per address', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
    });
    afterAll(() => t.close());

    it('answers 429 with Retry-After in the error shape once an address exceeds its attempts per minute', async () => {
      const attempt = () =>
        t.http().post('/api/auth/login').send({ email: 'x@test.example', password: 'wrong-password' });
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await attempt()).status);
      expect(statuses).toEqual([401, 401, 401]);
      const refused = await attempt();
      expect(refused.status).toBe(429);
      expect(refused.body).toEqual(errorBody(429, 'too_many_requests'));
      expect(refused.body.message).toMatch(
        /^Too many sign-in attempts from this address; try again in \d+ (second|minute)s?$/,
      );
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
      // Other routes are not limited by it.
      expect((await t.http().get('/api/health')).status).toBe(200);
    });
  });

  describe('per account', () => {
    let t: TestApp;
    let email: string;
    let other: string;
    beforeAll(async () => {
      t = await createTestApp({ LOGIN_MAX_FAILURES: '3', LOGIN_LOCKOUT_MINUTES: '15' });
      const districtId = (await t.factories.createDistrict()).id;
      email = (await t.factories.createUser({ role: 'hr', districtId })).email;
      other = (await t.factories.createUser({ role: 'hr', districtId })).email;
    });
    afterAll(() => t.close());

    const login = (who: string, password: string) => t.http().post('/api/auth/login').send({ email: who, password });

    it('a success clears the count: failures only lock when they follow each other', async () => {
      expect((await login(email, 'wrong-password-1')).status).toBe(401);
      expect((await login(email, 'wrong-password-2')).status).toBe(401);
      expect((await login(email, 'emerge-demo-pass')).status).toBe(200);
      expect((await login(email, 'wrong-password-3')).status).toBe(401);
      expect((await login(email, 'wrong-password-4')).status).toBe(401);
      expect((await login(email, 'emerge-demo-pass')).status).toBe(200);
    });

    it('locks the account after repeated failures, even for the right password, with a clear message', async () => {
      for (let i = 0; i < 3; i++) expect((await login(email, `wrong-password-${i}`)).status).toBe(401);
      const locked = await login(email, 'emerge-demo-pass');
      expect(locked.status).toBe(429);
      expect(locked.body).toEqual(
        errorBody(429, 'too_many_requests', {
          message:
            'Too many failed sign-ins for this account. Try again in 15 minutes, or ask your HR office for a set-password link',
        }),
      );
      const retryAfter = Number(locked.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(14 * 60);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
      // Attempts while locked are recorded but do not extend the lock.
      const [row] = await t.db.query(
        `SELECT count(*) FILTER (WHERE changes->'reason'->>'after' = 'locked')::int AS locked FROM audit_log WHERE action = 'login_failed'`,
      );
      expect(row.locked).toBe(1);
      // Another account is untouched.
      expect((await login(other, 'emerge-demo-pass')).status).toBe(200);
    });

    it('locks an unknown email the same way, so a lockout does not reveal which accounts exist', async () => {
      const stranger = 'nobody-here@test.example';
      for (let i = 0; i < 3; i++) expect((await login(stranger, `guess-${i}-password`)).status).toBe(401);
      const locked = await login(stranger, 'another-guess-1');
      expect(locked.status).toBe(429);
      expect(locked.body.message).toMatch(/^Too many failed sign-ins for this account/);
    });

    it('locks for no longer than the configured window', async () => {
      const short = await createTestApp({ LOGIN_MAX_FAILURES: '2', LOGIN_LOCKOUT_MINUTES: '1' });
      try {
        const districtId = (await short.factories.createDistrict()).id;
        const who = (await short.factories.createUser({ role: 'hr', districtId })).email;
        const attempt = (password: string) => short.http().post('/api/auth/login').send({ email: who, password });
        expect((await attempt('wrong-password-a')).status).toBe(401);
        expect((await attempt('wrong-password-b')).status).toBe(401);
        const locked = await attempt('emerge-demo-pass');
        expect(locked.status).toBe(429);
        expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(60);
      } finally {
        await short.close();
      }
    });
  });
});
