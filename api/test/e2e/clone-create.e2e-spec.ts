import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, TestApp } from '../test-app.js';

/**
 * react-admin's Clone button opens the create form filled with a record read from the API, so the POST
 * carries that record's read-only fields (id, districtId, version, timestamps, denormalized names, computed
 * figures). Create accepts and ignores them, as PUT does; an unknown field is still a 400.
 */
describe('POST with a body copied from a GET (react-admin Clone)', () => {
  let t: TestApp;
  let districtId: string;
  let otherDistrictId: string;
  let schoolId: string;
  let hr: string;

  beforeAll(async () => {
    t = await createTestApp();
    const f = t.factories;
    districtId = (await f.createDistrict()).id;
    otherDistrictId = (await f.createDistrict()).id;
    schoolId = (await f.createSchool({ districtId, name: 'Clone High', code: 'CLONE-HS' })).id;
    hr = await t.login((await f.createUser({ role: 'hr', districtId })).email);
  });
  afterAll(() => t.close());

  const read = async (path: string) => {
    const res = await t.http().get(path).auth(hr, { type: 'bearer' });
    expect(res.status).toBe(200);
    return res.body as Record<string, unknown>;
  };
  const create = (path: string, body: object) => t.http().post(path).send(body).auth(hr, { type: 'bearer' });

  /** The clone is a new record: new id, version 1, fresh timestamps, the caller's district. */
  const expectNewRecord = (made: Record<string, unknown>, source: Record<string, unknown>) => {
    expect(made.id).not.toBe(source.id);
    expect(made.version).toBe(1);
    expect(made.createdAt).not.toBe(source.createdAt);
    expect(made.districtId).toBe(districtId);
  };

  it('schools: the whole record with a new code creates a school; foreign read-only values are ignored', async () => {
    const source = await read(`/api/schools/${schoolId}`);
    // The clone of an old, much-edited record from the console; its districtId even names another district.
    const body = { ...source, code: 'CLONE-HS2', name: 'Clone High II', version: 7, districtId: otherDistrictId };
    expect(Object.keys(body)).toEqual(
      expect.arrayContaining(['id', 'districtId', 'version', 'createdAt', 'updatedAt']),
    );
    const res = await create('/api/schools', body);
    expect(res.status).toBe(201);
    expectNewRecord(res.body, source);
    expect(res.body).toEqual(
      expect.objectContaining({ name: 'Clone High II', code: 'CLONE-HS2', gradeBand: source.gradeBand }),
    );
    expect(await read(`/api/schools/${res.body.id}`)).toEqual(res.body);
    // The source is untouched.
    expect(await read(`/api/schools/${schoolId}`)).toEqual(source);
  });

  it('educators: the whole record (school name, login flags, demographics) with a new employee number', async () => {
    const educator = await t.factories.createEducator({
      districtId,
      schoolId,
      jobTitle: 'Math Teacher',
      leadershipLevel: 'classroom',
      yearsInEducation: 9,
      retirementEligibleYear: 2040,
      gender: 'female',
    });
    await t.factories.createUser({ role: 'educator', districtId, educatorId: educator.id });
    const source = await read(`/api/educators/${educator.id}`);
    expect(source).toEqual(
      expect.objectContaining({ schoolName: 'Clone High', hasLogin: true, userId: expect.any(String) }),
    );
    const res = await create('/api/educators', {
      ...source,
      employeeNumber: `${String(source.employeeNumber)}-C`,
      email: 'clone.educator@test.example',
      firstName: 'Cloned',
    });
    expect(res.status).toBe(201);
    expectNewRecord(res.body, source);
    // Editable fields come from the copy; the login is not copied: the new person has none.
    expect(res.body).toEqual(
      expect.objectContaining({
        firstName: 'Cloned',
        lastName: source.lastName,
        schoolId,
        schoolName: 'Clone High',
        jobTitle: 'Math Teacher',
        leadershipLevel: 'classroom',
        yearsInEducation: 9,
        retirementEligibleYear: 2040,
        gender: 'female',
        hasLogin: false,
        userId: null,
      }),
    );
  });

  it('positions: denormalized names and computed bench figures in the copy are ignored', async () => {
    const role = await t.factories.createLeadershipRole({ districtId, title: 'Dean', level: 'school' });
    const incumbent = await t.factories.createEducator({ districtId, schoolId, retirementEligibleYear: 2031 });
    const position = await t.factories.createPosition({
      districtId,
      roleId: role.id,
      schoolId,
      incumbentEducatorId: incumbent.id,
      title: 'Dean, Clone High',
    });
    const source = await read(`/api/positions/${position.id}`);
    expect(source).toEqual(expect.objectContaining({ roleTitle: 'Dean', schoolName: 'Clone High', status: 'filled' }));
    // A person holds one seat, so the clone names another incumbent; the copy still carries the first one's
    // name and retirement year, which follow the new incumbent instead.
    const other = await t.factories.createEducator({ districtId, schoolId, retirementEligibleYear: 2035 });
    const res = await create('/api/positions', {
      ...source,
      title: 'Dean (second seat), Clone High',
      incumbentEducatorId: other.id,
    });
    expect(res.status).toBe(201);
    expectNewRecord(res.body, source);
    expect(res.body).toEqual(
      expect.objectContaining({
        title: 'Dean (second seat), Clone High',
        roleId: role.id,
        roleTitle: 'Dean',
        schoolId,
        incumbentEducatorId: other.id,
        incumbentName: `${other.firstName} ${other.lastName}`,
        incumbentRetirementEligibleYear: 2035,
        status: 'filled',
      }),
    );
  });

  it('users: a copy of a staff account with a new email (active and the one-time link fields dropped)', async () => {
    const coordinator = await t.factories.createUser({ role: 'coordinator', districtId, name: 'Coord Inator' });
    const source = await read(`/api/users/${coordinator.id}`);
    const res = await create('/api/users', { ...source, email: 'coord.clone@test.example' });
    expect(res.status).toBe(201);
    expectNewRecord(res.body, source);
    expect(res.body).toEqual(
      expect.objectContaining({
        role: 'coordinator',
        name: 'Coord Inator',
        email: 'coord.clone@test.example',
        active: true,
      }),
    );
  });

  it('still refuses a field the resource does not know, and invalid editable fields', async () => {
    const source = await read(`/api/schools/${schoolId}`);
    const unknown = await create('/api/schools', { ...source, code: 'CLONE-X', principalName: 'Someone' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual({ principalName: 'principalName is not a field of this resource' });
    const invalid = await create('/api/schools', { ...source, code: 'has spaces' });
    expect(invalid.status).toBe(400);
    expect(Object.keys(invalid.body.errors)).toEqual(['code']);
    const count = await t.db.query(`SELECT count(*)::int AS n FROM schools WHERE code IN ('CLONE-X', 'has spaces')`);
    expect(count[0].n).toBe(0);
  });
});
