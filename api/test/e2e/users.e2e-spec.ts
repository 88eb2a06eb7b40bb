import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { expected } from '../expected-errors.js';
import { createTestApp, TestApp } from '../test-app.js';

describe('/api/users', () => {
  let t: TestApp;
  let districtId: string;
  let otherDistrictId: string;
  let schoolA: string;
  let schoolB: string;
  let otherSchool: string;
  let hrId: string;
  let hr: string;
  let otherHr: string;
  let principal: string;
  let platform: string;

  beforeAll(async () => {
    t = await createTestApp();
    const f = t.factories;
    districtId = (await f.createDistrict()).id;
    otherDistrictId = (await f.createDistrict()).id;
    schoolA = (await f.createSchool({ districtId })).id;
    schoolB = (await f.createSchool({ districtId })).id;
    otherSchool = (await f.createSchool({ districtId: otherDistrictId })).id;
    const hrUser = await f.createUser({ role: 'hr', districtId });
    hrId = hrUser.id;
    hr = await t.login(hrUser.email);
    otherHr = await t.login((await f.createUser({ role: 'hr', districtId: otherDistrictId })).email);
    principal = await t.login((await f.createUser({ role: 'principal', districtId, schoolIds: [schoolA] })).email);
    platform = await t.login((await f.createUser({ role: 'platform_admin' })).email);
  });
  afterAll(() => t.close());

  const bearer = (token: string) => ({ type: 'bearer' as const, token });
  const get = (path: string, token: string) => t.http().get(path).auth(bearer(token).token, bearer(token));

  describe('POST /api/users', () => {
    it('is a 403 for a principal', async () => {
      const res = await t
        .http()
        .post('/api/users')
        .send({ email: 'x@test.example', name: 'X', role: 'coordinator' })
        .auth(principal, { type: 'bearer' });
      expect(res.status).toBe(403);
    });

    it('creates a principal who leads schools of the district, with a one-time set-password link', async () => {
      const res = await t
        .http()
        .post('/api/users')
        .send({
          email: 'New.Principal@Test.example',
          name: 'New Principal',
          role: 'principal',
          schoolIds: [schoolA, schoolB],
        })
        .auth(hr, { type: 'bearer' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        districtId,
        email: 'new.principal@test.example',
        name: 'New Principal',
        role: 'principal',
        schoolIds: [schoolA, schoolB].sort(),
        active: true,
        educatorId: null,
        lastLoginAt: null,
        version: 1,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        setPasswordPath: expect.stringMatching(/^\/#\/set-password\?token=[A-Za-z0-9_-]{40,}$/),
        setPasswordExpiresAt: expect.any(String),
      });
      const again = await get(`/api/users/${res.body.id}`, hr);
      expect(again.body.setPasswordPath).toBeUndefined();
    });

    const invalid: [string, () => object, Record<string, unknown>][] = [
      [
        'a school of another district',
        () => ({ email: 'p2@test.example', name: 'P', role: 'principal', schoolIds: [otherSchool] }),
        { schoolIds: "every school must be one of the district's schools" },
      ],
      [
        'a principal without schools',
        () => ({ email: 'p3@test.example', name: 'P', role: 'principal' }),
        { schoolIds: 'a principal leads at least one school' },
      ],
      [
        'schools for a coordinator',
        () => ({ email: 'c1@test.example', name: 'C', role: 'coordinator', schoolIds: [schoolA] }),
        { schoolIds: 'only principals lead schools' },
      ],
      [
        'an educator role',
        () => ({ email: 'e1@test.example', name: 'E', role: 'educator' }),
        { role: expect.any(String) },
      ],
      [
        'a platform_admin role',
        () => ({ email: 'a1@test.example', name: 'A', role: 'platform_admin' }),
        { role: expect.any(String) },
      ],
      [
        'another district',
        () => ({ email: 'x1@test.example', name: 'X', role: 'hr', districtId: otherDistrictId }),
        { districtId: 'users are created in your own district' },
      ],
    ];
    it.each(invalid)('rejects %s', async (_label, body, errors) => {
      const res = await t.http().post('/api/users').send(body()).auth(hr, { type: 'bearer' });
      expect(res.status).toBe(400);
      expect(res.body).toEqual(expected.validation(errors));
    });

    it('is a 409 beside the email when it is taken, in any district', async () => {
      const existing = await t.factories.createUser({ districtId: otherDistrictId });
      const res = await t
        .http()
        .post('/api/users')
        .send({ email: existing.email, name: 'Dup', role: 'coordinator' })
        .auth(hr, { type: 'bearer' });
      expect(res.status).toBe(409);
      expect(res.body).toEqual(expected.unique({ email: 'A user with this email already exists' }));
    });
  });

  describe('platform_admin', () => {
    it('creates a district and its first hr user, and nothing else', async () => {
      const district = await t
        .http()
        .post('/api/districts')
        .send({ name: 'Brand New USD', slug: 'brand-new' })
        .auth(platform, { type: 'bearer' });
      expect(district.status).toBe(201);
      expect(district.body.smallCellThreshold).toBe(10);
      const user = await t
        .http()
        .post('/api/users')
        .send({ email: 'first.hr@brand-new.example', name: 'First HR', role: 'hr', districtId: district.body.id })
        .auth(platform, { type: 'bearer' });
      expect(user.status).toBe(201);
      expect(user.body.districtId).toBe(district.body.id);
      const principalAttempt = await t
        .http()
        .post('/api/users')
        .send({ email: 'p@brand-new.example', name: 'P', role: 'principal', districtId: district.body.id })
        .auth(platform, { type: 'bearer' });
      expect(principalAttempt.status).toBe(400);
      expect((await get('/api/schools', platform)).status).toBe(403);
    });

    it('cannot take over an hr account once its owner has chosen a password', async () => {
      const owned = await t.factories.createUser({ role: 'hr', districtId });
      expect(
        (await t.http().post(`/api/users/${owned.id}/password-link`).auth(platform, { type: 'bearer' })).status,
      ).toBe(404);
      expect((await get(`/api/users/${owned.id}`, platform)).status).toBe(200);
    });

    it('rejects a small-cell threshold below 5', async () => {
      const res = await t
        .http()
        .post('/api/districts')
        .send({ name: 'Tiny', slug: 'tiny', smallCellThreshold: 3 })
        .auth(platform, { type: 'bearer' });
      expect(res.status).toBe(400);
      expect(res.body).toEqual(expected.validation({ smallCellThreshold: expect.any(String) }));
    });

    it('lists only hr accounts', async () => {
      const res = await get('/api/users?range=[0,999]', platform);
      expect(res.status).toBe(200);
      expect(new Set(res.body.map((u: { role: string }) => u.role))).toEqual(new Set(['hr']));
    });

    it('is a 403 for districts to anyone else', async () => {
      expect((await get('/api/districts', hr)).status).toBe(403);
    });
  });

  describe('GET /api/users', () => {
    it('lists the district users only, filtered by role and school', async () => {
      const res = await get(
        `/api/users?filter=${encodeURIComponent(JSON.stringify({ role: 'principal', schoolId: schoolA }))}`,
        hr,
      );
      expect(res.status).toBe(200);
      expect(res.body.length).toBeGreaterThanOrEqual(2);
      for (const u of res.body) {
        expect(u.districtId).toBe(districtId);
        expect(u.schoolIds).toContain(schoolA);
      }
      const other = await get(
        `/api/users?filter=${encodeURIComponent(JSON.stringify({ role: 'principal' }))}`,
        otherHr,
      );
      expect(other.body).toEqual([]);
    });

    it('is a 404 for a user of another district', async () => {
      const res = await get(`/api/users/${hrId}`, otherHr);
      expect(res.status).toBe(404);
      expect(res.body).toEqual(expected.notFound);
    });
  });

  describe('the superintendent', () => {
    const FIELDS = [
      'active',
      'createdAt',
      'districtId',
      'educatorId',
      'email',
      'id',
      'lastLoginAt',
      'name',
      'role',
      'schoolIds',
      'updatedAt',
      'version',
    ];

    it("reads the district's users, and nothing secret of theirs (no password hash, token or set-password link)", async () => {
      const superintendent = await t.factories.createUser({ role: 'superintendent', districtId });
      const sup = await t.login(superintendent.email);
      const list = await get('/api/users?range=[0,999]', sup);
      expect(list.status).toBe(200);
      const { n } = (await t.db.query(`SELECT count(*)::int AS n FROM users WHERE district_id = $1`, [districtId]))[0];
      expect(list.body).toHaveLength(n);
      expect(list.headers['content-range']).toBe(`users 0-${n - 1}/${n}`);
      expect(list.body.map((u: { id: string }) => u.id)).toEqual(expect.arrayContaining([hrId, superintendent.id]));
      for (const u of list.body) {
        expect(u.districtId).toBe(districtId);
        expect(Object.keys(u).sort()).toEqual(FIELDS);
      }
      const one = await get(`/api/users/${hrId}`, sup);
      expect(one.status).toBe(200);
      expect(Object.keys(one.body).sort()).toEqual(FIELDS);
      // The stored secrets of the accounts shown appear nowhere in the answers.
      const secrets: { password_hash: string | null; token_hash: string | null }[] = await t.db.query(
        `SELECT u.password_hash, pt.token_hash FROM users u LEFT JOIN password_tokens pt ON pt.user_id = u.id
          WHERE u.district_id = $1`,
        [districtId],
      );
      const hashes = secrets.flatMap((r) => [r.password_hash, r.token_hash]).filter((h): h is string => !!h);
      expect(hashes.length).toBeGreaterThan(0);
      for (const h of hashes) {
        expect(list.text).not.toContain(h);
        expect(one.text).not.toContain(h);
      }
      expect(list.text).not.toMatch(/argon2|passwordHash|tokenVersion|setPassword/);
    });

    it("is a 404 for another district's user, and may not change anyone", async () => {
      const sup = await t.login((await t.factories.createUser({ role: 'superintendent', districtId })).email);
      const otherUser = await t.factories.createUser({ role: 'coordinator', districtId: otherDistrictId });
      const across = await get(`/api/users/${otherUser.id}`, sup);
      expect(across.status).toBe(404);
      expect(across.body).toEqual(expected.notFound);
      const filtered = await get(
        `/api/users?filter=${encodeURIComponent(JSON.stringify({ id: [otherUser.id] }))}`,
        sup,
      );
      expect(filtered.body).toEqual([]);
      const me = (await get(`/api/users/${hrId}`, hr)).body;
      const put = await t
        .http()
        .put(`/api/users/${hrId}`)
        .send({ ...me, name: 'Renamed' })
        .auth(sup, { type: 'bearer' });
      expect(put.status).toBe(403);
      const post = await t
        .http()
        .post('/api/users')
        .send({ email: 'sup-made@test.example', name: 'X', role: 'coordinator' })
        .auth(sup, { type: 'bearer' });
      expect(post.status).toBe(403);
      const link = await t.http().post(`/api/users/${hrId}/password-link`).auth(sup, { type: 'bearer' });
      expect(link.status).toBe(403);
      expect(await t.db.query(`SELECT name FROM users WHERE id = $1`, [hrId])).toEqual([{ name: me.name }]);
    });
  });

  describe('PUT /api/users/:id', () => {
    it('does not let hr raise or change their own role, or deactivate themself', async () => {
      const me = (await get(`/api/users/${hrId}`, hr)).body;
      const role = await t
        .http()
        .put(`/api/users/${hrId}`)
        .send({ ...me, role: 'superintendent' })
        .auth(hr, { type: 'bearer' });
      expect(role.status).toBe(400);
      expect(role.body).toEqual(expected.validation({ role: 'you cannot change your own role' }));
      const off = await t
        .http()
        .put(`/api/users/${hrId}`)
        .send({ ...me, active: false })
        .auth(hr, { type: 'bearer' });
      expect(off.body).toEqual(expected.validation({ active: 'you cannot deactivate yourself' }));
      const move = await t
        .http()
        .put(`/api/users/${hrId}`)
        .send({ ...me, districtId: otherDistrictId })
        .auth(hr, { type: 'bearer' });
      expect(move.status).toBe(400);
      expect(move.body).toEqual(expected.readOnly({ districtId: expect.any(String) }));
    });

    it("changes a principal's schools and ends their sessions", async () => {
      const user = await t.factories.createUser({ role: 'principal', districtId, schoolIds: [schoolA] });
      const token = await t.login(user.email);
      const record = (await get(`/api/users/${user.id}`, hr)).body;
      const res = await t
        .http()
        .put(`/api/users/${user.id}`)
        .send({ ...record, schoolIds: [schoolB] })
        .auth(hr, { type: 'bearer' });
      expect(res.status).toBe(200);
      expect(res.body.schoolIds).toEqual([schoolB]);
      expect(res.body.version).toBe(2);
      expect((await get('/api/auth/me', token)).status).toBe(401);
      const fresh = await t.login(user.email);
      expect((await get('/api/auth/me', fresh)).body.schoolIds).toEqual([schoolB]);
    });

    it('deactivates a user, whose token stops working at once', async () => {
      const user = await t.factories.createUser({ role: 'coordinator', districtId });
      const token = await t.login(user.email);
      const record = (await get(`/api/users/${user.id}`, hr)).body;
      expect(
        (
          await t
            .http()
            .put(`/api/users/${user.id}`)
            .send({ ...record, active: false })
            .auth(hr, { type: 'bearer' })
        ).status,
      ).toBe(200);
      expect((await get('/api/schools', token)).status).toBe(401);
    });

    it('is a 404 across districts', async () => {
      const record = (await get(`/api/users/${hrId}`, hr)).body;
      expect((await t.http().put(`/api/users/${hrId}`).send(record).auth(otherHr, { type: 'bearer' })).status).toBe(
        404,
      );
    });
  });

  describe('DELETE /api/users/:id', () => {
    it('is a 409 that names the alternative', async () => {
      const user = await t.factories.createUser({ role: 'coordinator', districtId });
      const res = await t.http().delete(`/api/users/${user.id}`).auth(hr, { type: 'bearer' });
      expect(res.status).toBe(409);
      expect(res.body.message).toMatch(/deactivate/);
    });
  });
});
