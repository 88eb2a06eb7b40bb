import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import { expected } from '../expected-errors.js';
import { createTestApp, TestApp } from '../test-app.js';

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('/api/auth', () => {
  let t: TestApp;
  let districtId: string;
  let schoolId: string;

  beforeAll(async () => {
    t = await createTestApp();
    districtId = (await t.factories.createDistrict()).id;
    schoolId = (await t.factories.createSchool({ districtId })).id;
  });
  afterAll(() => t.close());

  describe('POST /api/auth/login', () => {
    it('returns a token and the session user', async () => {
      const user = await t.factories.createUser({
        role: 'principal',
        districtId,
        schoolIds: [schoolId],
        name: 'Pia Principal',
      });
      const res = await t
        .http()
        .post('/api/auth/login')
        .send({ email: user.email.toUpperCase(), password: 'emerge-demo-pass' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        accessToken: expect.any(String),
        user: {
          id: user.id,
          email: user.email,
          name: 'Pia Principal',
          role: 'principal',
          districtId,
          schoolIds: [schoolId],
          educatorId: null,
        },
      });
    });

    it('is a 401 for a wrong password and for an unknown email, with the same message', async () => {
      const user = await t.factories.createUser({ districtId });
      const wrong = await t.http().post('/api/auth/login').send({ email: user.email, password: 'not-the-password' });
      const unknown = await t
        .http()
        .post('/api/auth/login')
        .send({ email: 'nobody@test.example', password: 'whatever-password' });
      expect(wrong.status).toBe(401);
      expect(wrong.body).toEqual(expected.invalidCredentials);
      expect(unknown.status).toBe(401);
      expect(unknown.body).toEqual(expected.invalidCredentials);
    });

    it('is a 401 for a disabled account and for one without a password yet', async () => {
      const disabled = await t.factories.createUser({ districtId, active: false });
      const noPassword = await t.factories.createUser({ districtId, password: null });
      expect(
        (await t.http().post('/api/auth/login').send({ email: disabled.email, password: 'emerge-demo-pass' })).status,
      ).toBe(401);
      expect(
        (await t.http().post('/api/auth/login').send({ email: noPassword.email, password: 'emerge-demo-pass' })).status,
      ).toBe(401);
    });

    it('is a 400 for a malformed body', async () => {
      const res = await t.http().post('/api/auth/login').send({ email: 'not-an-email' });
      expect(res.status).toBe(400);
      expect(res.body).toEqual(expected.validation({ email: expect.any(String), password: expect.any(String) }));
    });
  });

  describe('GET /api/auth/me', () => {
    it('returns the user behind the token', async () => {
      const user = await t.factories.createUser({ role: 'coordinator', districtId });
      const token = await t.login(user.email);
      const res = await t.http().get('/api/auth/me').auth(token, { type: 'bearer' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual(expect.objectContaining({ id: user.id, role: 'coordinator', districtId }));
    });

    it.each([
      ['no token', undefined],
      ['a malformed token', 'abc.def'],
      [
        'a token signed with another key',
        `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: 'x', tv: 0 })}.c2lnbmF0dXJl`,
      ],
    ])('is a 401 with %s', async (_label, token) => {
      const req = t.http().get('/api/auth/me');
      const res = token ? await req.auth(token, { type: 'bearer' }) : await req;
      expect(res.status).toBe(401);
      expect(res.body).toEqual(expected.unauthenticated);
    });

    it('is a 401 once the token has expired', async () => {
      const user = await t.factories.createUser({ districtId });
      const jwt = t.app.get(JwtService);
      const expired = await jwt.signAsync({ sub: user.id, tv: 0 }, { expiresIn: -10 });
      const fresh = await jwt.signAsync({ sub: user.id, tv: 0 });
      expect((await t.http().get('/api/auth/me').auth(fresh, { type: 'bearer' })).status).toBe(200);
      const res = await t.http().get('/api/auth/me').auth(expired, { type: 'bearer' });
      expect(res.status).toBe(401);
      expect(res.body).toEqual(expected.unauthenticated);
    });

    it('revokes issued tokens when the user is disabled', async () => {
      const user = await t.factories.createUser({ districtId });
      const token = await t.login(user.email);
      expect((await t.http().get('/api/auth/me').auth(token, { type: 'bearer' })).status).toBe(200);
      await t.db.query(`UPDATE users SET active = false WHERE id = $1`, [user.id]);
      expect((await t.http().get('/api/auth/me').auth(token, { type: 'bearer' })).status).toBe(401);
    });
  });

  describe('POST /api/auth/set-password', () => {
    it('sets the password once from a link made for a new user, then the link is spent', async () => {
      const hr = await t.factories.createUser({ role: 'hr', districtId });
      const token = await t.login(hr.email);
      const created = await t
        .http()
        .post('/api/users')
        .send({ email: 'new.coordinator@test.example', name: 'New Coordinator', role: 'coordinator' })
        .auth(token, { type: 'bearer' });
      expect(created.status).toBe(201);
      const linkToken = new URLSearchParams(String(created.body.setPasswordPath).split('?')[1]).get('token');
      expect(linkToken).toEqual(expect.any(String));

      const weak = await t.http().post('/api/auth/set-password').send({ token: linkToken, password: 'short' });
      expect(weak.status).toBe(400);
      expect(weak.body).toEqual(expected.validation({ password: 'password must be at least 12 characters' }));
      // A rejected attempt rolls back: the link still works.
      const ok = await t
        .http()
        .post('/api/auth/set-password')
        .send({ token: linkToken, password: 'a-long-enough-passphrase' });
      expect(ok.status).toBe(204);
      expect(
        (
          await t
            .http()
            .post('/api/auth/login')
            .send({ email: 'new.coordinator@test.example', password: 'a-long-enough-passphrase' })
        ).status,
      ).toBe(200);

      const again = await t
        .http()
        .post('/api/auth/set-password')
        .send({ token: linkToken, password: 'another-long-passphrase' });
      expect(again.status).toBe(400);
      expect(again.body).toEqual(expected.validation({ token: expect.any(String) }));
    });

    it('refuses the email as the password', async () => {
      const hr = await t.factories.createUser({ role: 'hr', districtId });
      const token = await t.login(hr.email);
      const created = await t
        .http()
        .post('/api/users')
        .send({ email: 'same.as.password@test.example', name: 'Sam', role: 'superintendent' })
        .auth(token, { type: 'bearer' });
      const linkToken = new URLSearchParams(String(created.body.setPasswordPath).split('?')[1]).get('token');
      const res = await t
        .http()
        .post('/api/auth/set-password')
        .send({ token: linkToken, password: 'same.as.password@test.example' });
      expect(res.body).toEqual(expected.validation({ password: 'password must not be your email' }));
    });
  });
});
