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

  describe('per address, across API processes', () => {
    let a: TestApp;
    let b: TestApp;
    beforeAll(async () => {
      a = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
      // A second process on the same database, as behind a load balancer.
      b = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '3' }, { database: a.url });
    });
    afterAll(async () => {
      await b?.close();
      await a?.close();
    });

    const attempt = (app: TestApp) =>
      app.http().post('/api/auth/login').send({ email: 'x@test.example', password: 'wrong-password' });

    it('counts the attempts an address makes on every process: the limit is reached across both', async () => {
      expect((await attempt(a)).status).toBe(401);
      expect((await attempt(a)).status).toBe(401);
      // The second process already knows of the first one's two attempts.
      const third = await attempt(b);
      expect(third.status).toBe(401);
      expect(third.headers['x-ratelimit-remaining']).toBe('0');
      const refused = await attempt(b);
      expect(refused.status).toBe(429);
      expect(refused.body).toEqual(errorBody(429, 'too_many_requests'));
      expect(refused.body.message).toMatch(
        /^Too many sign-in attempts from this address; try again in \d+ (second|minute)s?$/,
      );
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
      expect((await attempt(a)).status).toBe(429);
      // One shared count for the address, kept by the database.
      const rows = await a.db.query(`SELECT key, points FROM login_rate_limits`);
      expect(rows).toEqual([{ key: expect.stringMatching(/^POST \/api\/auth\/login:/), points: 5 }]);
    });

    it('counts attempts that arrive at the same moment on both processes exactly once each', async () => {
      await a.db.query(`DELETE FROM login_rate_limits`); // a new minute
      // Ten accounts, so that only the per-address limit can refuse.
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          (i % 2 ? a : b)
            .http()
            .post('/api/auth/login')
            .send({ email: `x${i}@test.example`, password: 'wrong-password' }),
        ),
      );
      const statuses = answers.map((r) => r.status).sort();
      expect(statuses).toEqual([401, 401, 401, ...Array(7).fill(429)]);
      expect((await a.db.query(`SELECT points FROM login_rate_limits`))[0].points).toBe(10);
    });
  });

  describe('per address: ended windows', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '2' });
    });
    afterAll(() => t.close());

    const attempt = () =>
      t.http().post('/api/auth/login').send({ email: 'x@test.example', password: 'wrong-password' });
    const keys = async () =>
      ((await t.db.query(`SELECT key FROM login_rate_limits ORDER BY key`)) as { key: string }[]).map((r) => r.key);

    it('starts a fresh count when the window ends, and deletes the counts of ended windows', async () => {
      expect((await attempt()).status).toBe(401);
      expect((await attempt()).status).toBe(401);
      expect((await attempt()).status).toBe(429);
      const [own] = await keys();
      // Other addresses: one whose window ended a while ago, one still counting.
      const route = own!.slice(0, own!.lastIndexOf(':'));
      const ended = `${route}:198.51.100.7`;
      const current = `${route}:198.51.100.8`;
      await t.db.query(`INSERT INTO login_rate_limits (key, points, expire) VALUES ($1, 9, $2), ($3, 1, $4)`, [
        ended,
        Date.now() - 5 * 60_000,
        current,
        Date.now() + 30_000,
      ]);
      // The minute passes for this address (its window's end is moved to the past).
      await t.db.query(`UPDATE login_rate_limits SET expire = $2 WHERE key = $1`, [own, Date.now() - 1]);
      expect((await attempt()).status).toBe(401);
      // The sweep runs beside the request; give it a moment.
      for (let i = 0; i < 100 && (await keys()).includes(ended); i++) await new Promise((r) => setTimeout(r, 20));
      expect(await keys()).toEqual([own, current].sort());
      expect((await t.db.query(`SELECT points FROM login_rate_limits WHERE key = $1`, [own]))[0].points).toBe(1);
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
