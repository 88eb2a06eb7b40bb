import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { expected } from '../expected-errors.js';
import { createTestApp, TestApp } from '../test-app.js';

describe('/api/schools', () => {
  let t: TestApp;
  let districtId: string;
  let otherDistrictId: string;
  let hr: string;
  let superintendent: string;
  let principal: string;
  let otherHr: string;
  const schoolIds: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    const f = t.factories;
    districtId = (await f.createDistrict({ name: 'Riverbend' })).id;
    otherDistrictId = (await f.createDistrict({ name: 'Lakeside' })).id;
    const bands = ['high', 'middle', 'elementary'] as const;
    for (let i = 0; i < 30; i++) {
      const s = await f.createSchool({
        districtId,
        name: `School ${String(i).padStart(2, '0')}`,
        code: `C${i}`,
        gradeBand: bands[i % 3],
      });
      schoolIds.push(s.id);
    }
    await f.createSchool({ districtId: otherDistrictId, name: 'Lakeside High', code: 'LHS' });
    const users = {
      hr: await f.createUser({ role: 'hr', districtId }),
      sup: await f.createUser({ role: 'superintendent', districtId }),
      principal: await f.createUser({ role: 'principal', districtId, schoolIds: [schoolIds[0]!] }),
      otherHr: await f.createUser({ role: 'hr', districtId: otherDistrictId }),
    };
    [hr, superintendent, principal, otherHr] = (await Promise.all(
      [users.hr, users.sup, users.principal, users.otherHr].map((u) => t.login(u.email)),
    )) as [string, string, string, string];
  });
  afterAll(() => t.close());

  describe('GET /api/schools', () => {
    it('requires authentication', async () => {
      const res = await t.http().get('/api/schools');
      expect(res.status).toBe(401);
      expect(res.body).toEqual(expected.unauthenticated);
    });

    it('lists only the caller district, sorted and paged, with Content-Range', async () => {
      const res = await t
        .http()
        .get('/api/schools')
        .query({ sort: '["name","DESC"]', range: '[0,9]' })
        .auth(hr, { type: 'bearer' });
      expect(res.status).toBe(200);
      expect(res.headers['content-range']).toBe('schools 0-9/30');
      expect(res.body).toHaveLength(10);
      expect(res.body[0]).toEqual({
        id: expect.any(String),
        districtId,
        name: 'School 29',
        code: 'C29',
        gradeBand: 'elementary',
        version: 1,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
    });

    it('pages through the rest with a stable order', async () => {
      const res = await t
        .http()
        .get('/api/schools')
        .query({ sort: '["name","ASC"]', range: '[25,49]' })
        .auth(hr, { type: 'bearer' });
      expect(res.headers['content-range']).toBe('schools 25-29/30');
      expect(res.body.map((s: { name: string }) => s.name)).toEqual([
        'School 25',
        'School 26',
        'School 27',
        'School 28',
        'School 29',
      ]);
    });

    it('filters by an enum, by any of several values, by free text, and by ids', async () => {
      const high = await t
        .http()
        .get('/api/schools')
        .query({ filter: '{"gradeBand":"high"}' })
        .auth(hr, { type: 'bearer' });
      expect(high.headers['content-range']).toBe('schools 0-9/10');
      const two = await t
        .http()
        .get('/api/schools')
        .query({ filter: '{"gradeBand":["high","middle"]}' })
        .auth(hr, { type: 'bearer' });
      expect(two.body).toHaveLength(20);
      const q = await t.http().get('/api/schools').query({ filter: '{"q":"school 1"}' }).auth(hr, { type: 'bearer' });
      expect(q.body.map((s: { name: string }) => s.name)).toEqual([
        'School 10',
        'School 11',
        'School 12',
        'School 13',
        'School 14',
        'School 15',
        'School 16',
        'School 17',
        'School 18',
        'School 19',
      ]);
      const ids = await t
        .http()
        .get('/api/schools')
        .query({ filter: JSON.stringify({ id: schoolIds.slice(0, 3) }) })
        .auth(hr, { type: 'bearer' });
      expect(ids.body.map((s: { id: string }) => s.id).sort()).toEqual(schoolIds.slice(0, 3).sort());
    });

    it("never returns another district's schools, even when asked by id", async () => {
      const res = await t
        .http()
        .get('/api/schools')
        .query({ filter: JSON.stringify({ id: schoolIds.slice(0, 3) }) })
        .auth(otherHr, { type: 'bearer' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual([]);
      expect(res.headers['content-range']).toBe('schools */0');
    });

    it('clamps a range longer than 1,000 rows and says so in Content-Range', async () => {
      const res = await t.http().get('/api/schools').query({ range: '[0,5000]' }).auth(hr, { type: 'bearer' });
      expect(res.status).toBe(200);
      expect(res.headers['content-range']).toBe('schools 0-29/30');
    });

    it.each([
      [{ sort: '["secret","ASC"]' }, 'sort'],
      [{ sort: '["name","SIDEWAYS"]' }, 'sort'],
      [{ sort: 'name' }, 'sort'],
      [{ range: '[10,2]' }, 'range'],
      [{ range: '[0' }, 'range'],
      [{ range: '[-1,5]' }, 'range'],
      [{ filter: '{"districtId":"x"}' }, 'districtId'],
      [{ filter: '{"gradeBand":"college"}' }, 'gradeBand'],
      [{ filter: '[1]' }, 'filter'],
      [{ filter: '{"id":["not-a-uuid"]}' }, 'id'],
      [{ page: '2' }, 'page'],
      [{ sort: '["constructor","ASC"]' }, 'sort'],
      [{ filter: '{"toString":"x"}' }, 'toString'],
      [{ filter: '{"q":"a\\u0000b"}' }, 'q'],
    ])('rejects the malformed list query %j with a 400 naming %s', async (query, key) => {
      const res = await t.http().get('/api/schools').query(query).auth(hr, { type: 'bearer' });
      expect(res.status).toBe(400);
      expect(res.body).toEqual(expected.listQuery({ [key]: expect.any(String) }));
    });
  });

  describe('GET /api/schools/:id', () => {
    it('lets every district role read a school of its district', async () => {
      for (const token of [hr, superintendent, principal]) {
        const res = await t.http().get(`/api/schools/${schoolIds[5]}`).auth(token, { type: 'bearer' });
        expect(res.status).toBe(200);
      }
    });

    it("is a 404 for another district's school", async () => {
      const res = await t.http().get(`/api/schools/${schoolIds[5]}`).auth(otherHr, { type: 'bearer' });
      expect(res.status).toBe(404);
      expect(res.body).toEqual(expected.notFound);
    });
  });

  describe('POST /api/schools', () => {
    it('is a 403 for a role without the permission', async () => {
      for (const token of [superintendent, principal]) {
        const res = await t
          .http()
          .post('/api/schools')
          .send({ name: 'X', code: 'X1', gradeBand: 'high' })
          .auth(token, { type: 'bearer' });
        expect(res.status).toBe(403);
        expect(res.body).toEqual(expected.forbidden);
      }
    });

    it('reports every invalid field beside its name, and writes nothing', async () => {
      const res = await t
        .http()
        .post('/api/schools')
        .send({ name: '', code: 'bad code!', gradeBand: 'college', extra: 1 })
        .auth(hr, { type: 'bearer' });
      expect(res.status).toBe(400);
      expect(res.body).toEqual(
        expected.validation({
          name: expect.any(String),
          code: 'code may hold letters, digits, dot, dash and underscore',
          gradeBand: 'gradeBand must be one of: elementary, middle, high, k8, k12, other',
          extra: 'extra is not a field of this resource',
        }),
      );
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM schools WHERE district_id = $1`, [districtId]);
      expect(n).toBe(30);
    });

    it('creates a school in the caller district, ignoring nothing it was not allowed', async () => {
      const res = await t
        .http()
        .post('/api/schools')
        .send({ name: '  New Academy ', code: 'NA1', gradeBand: 'k12' })
        .auth(hr, { type: 'bearer' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual(
        expect.objectContaining({ name: 'New Academy', code: 'NA1', gradeBand: 'k12', districtId, version: 1 }),
      );
    });

    it('is a 409 on a duplicate code, shown beside the code field', async () => {
      const res = await t
        .http()
        .post('/api/schools')
        .send({ name: 'Dup', code: 'C1', gradeBand: 'high' })
        .auth(hr, { type: 'bearer' });
      expect(res.status).toBe(409);
      expect(res.body).toEqual(expected.unique({ code: expect.any(String) }));
    });

    it('rejects a NUL character with a 400, not a 500', async () => {
      const res = await t
        .http()
        .post('/api/schools')
        .send({ name: 'Bad\u0000Name', code: 'NUL1', gradeBand: 'high' })
        .auth(hr, { type: 'bearer' });
      expect(res.status).toBe(400);
      expect(res.body).toEqual(expected.validation({ name: 'name must not contain NUL characters' }));
    });

    it('allows the same code in another district', async () => {
      const res = await t
        .http()
        .post('/api/schools')
        .send({ name: 'Other C1', code: 'C1', gradeBand: 'high' })
        .auth(otherHr, { type: 'bearer' });
      expect(res.status).toBe(201);
      expect(res.body.districtId).toBe(otherDistrictId);
    });
  });

  describe('PUT /api/schools/:id', () => {
    const fetchSchool = async (id: string) =>
      (await t.http().get(`/api/schools/${id}`).auth(hr, { type: 'bearer' })).body;

    it('accepts the whole record back, ignores unchanged read-only fields and bumps the version', async () => {
      const record = await fetchSchool(schoolIds[2]!);
      const res = await t
        .http()
        .put(`/api/schools/${record.id}`)
        .send({ ...record, name: 'Renamed School' })
        .auth(hr, { type: 'bearer' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ...record, name: 'Renamed School', version: 2, updatedAt: expect.any(String) });
    });

    it('is a 409 for a stale version, and keeps the newer write', async () => {
      const record = await fetchSchool(schoolIds[3]!);
      const first = await t
        .http()
        .put(`/api/schools/${record.id}`)
        .send({ ...record, name: 'First writer' })
        .auth(hr, { type: 'bearer' });
      expect(first.status).toBe(200);
      const second = await t
        .http()
        .put(`/api/schools/${record.id}`)
        .send({ ...record, name: 'Second writer' })
        .auth(hr, { type: 'bearer' });
      expect(second.status).toBe(409);
      expect(second.body).toEqual(expected.staleVersion);
      expect((await fetchSchool(record.id)).name).toBe('First writer');
    });

    it('is a 400 naming the field when a read-only field changes', async () => {
      const record = await fetchSchool(schoolIds[4]!);
      const res = await t
        .http()
        .put(`/api/schools/${record.id}`)
        .send({ ...record, districtId: otherDistrictId })
        .auth(hr, { type: 'bearer' });
      expect(res.status).toBe(400);
      expect(res.body).toEqual(
        expected.readOnly({ districtId: 'districtId cannot be changed here: a school stays in its district' }),
      );
    });

    it('is a 400 for an unknown field and a missing version', async () => {
      const record = await fetchSchool(schoolIds[4]!);
      const { version: _v, ...noVersion } = record;
      const res = await t
        .http()
        .put(`/api/schools/${record.id}`)
        .send({ ...noVersion, colour: 'red' })
        .auth(hr, { type: 'bearer' });
      expect(res.status).toBe(400);
      expect(res.body).toEqual(expected.validation({ colour: expect.any(String), version: expect.any(String) }));
    });

    it('is a 404 for another district and a 403 for a reader', async () => {
      const record = await fetchSchool(schoolIds[4]!);
      expect(
        (await t.http().put(`/api/schools/${record.id}`).send(record).auth(otherHr, { type: 'bearer' })).status,
      ).toBe(404);
      expect(
        (await t.http().put(`/api/schools/${record.id}`).send(record).auth(principal, { type: 'bearer' })).status,
      ).toBe(403);
    });
  });

  describe('DELETE /api/schools/:id', () => {
    it('returns the deleted school', async () => {
      const school = await t.factories.createSchool({ districtId, name: 'Closing School' });
      const res = await t.http().delete(`/api/schools/${school.id}`).auth(hr, { type: 'bearer' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual(expect.objectContaining({ id: school.id, name: 'Closing School' }));
      expect((await t.http().get(`/api/schools/${school.id}`).auth(hr, { type: 'bearer' })).status).toBe(404);
    });

    it('is a 409 naming the alternative when people refer to the school', async () => {
      const res = await t.http().delete(`/api/schools/${schoolIds[0]}`).auth(hr, { type: 'bearer' });
      expect(res.status).toBe(409);
      expect(res.body).toEqual(expected.inUse);
    });

    it('is a 404 for another district', async () => {
      expect((await t.http().delete(`/api/schools/${schoolIds[9]}`).auth(otherHr, { type: 'bearer' })).status).toBe(
        404,
      );
    });
  });
});
