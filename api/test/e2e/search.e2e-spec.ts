import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, TestApp } from '../test-app.js';

interface Row {
  id: string;
  firstName?: string;
  lastName?: string;
}

/** Free-text search (`q`): trigram indexes, a typo forgiven, matches ranked, only what the caller may see. */
describe('search', () => {
  let t: TestApp;
  let hr: string;
  let principal: string;
  let colleague: string;
  const id: Record<string, string> = {};

  const list = async (token: string, resource: string, q: string, sort = ['lastName', 'ASC']) => {
    const res = await t
      .http()
      .get(`/api/${resource}`)
      .query({ filter: JSON.stringify({ q }), sort: JSON.stringify(sort), range: '[0,24]' })
      .set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    const total = Number(/\/(\d+)$/.exec(res.headers['content-range'] as string)![1]);
    return { rows: res.body as Row[], total };
  };
  const names = (rows: Row[]) => rows.map((r) => `${r.firstName} ${r.lastName}`);

  beforeAll(async () => {
    t = await createTestApp();
    const f = t.factories;
    const d = (await f.createDistrict()).id;
    const other = (await f.createDistrict()).id;
    const school = (await f.createSchool({ districtId: d, name: 'Alder High School' })).id;
    await f.createSchool({ districtId: d, name: 'Alder Middle School' });
    const role = (await f.createLeadershipRole({ districtId: d, title: 'Assistant principal' })).id;
    const people: [string, string, string][] = [
      ['katherine', 'Katherine', 'Johnson'],
      ['kate', 'Kate', 'Johnston'],
      ['jonathan', 'Jonathan', 'Lee'],
      ['ann', 'Ann', 'Lee'],
      ['joanne', 'Joanne', 'Smith'],
      ['marjo', 'Benjamin', 'Marjo'],
    ];
    for (const [key, firstName, lastName] of people) {
      const e = await f.createEducator({
        districtId: d,
        schoolId: school,
        firstName,
        lastName,
        email: `${firstName[0]!.toLowerCase()}${lastName.toLowerCase()}@riverbend.example`,
        ...(key === 'katherine' ? { employeeNumber: 'T-4471' } : {}),
      });
      id[key] = e.id;
    }
    // Namesakes in another district are never found.
    await f.createEducator({ districtId: other, firstName: 'Katherine', lastName: 'Johnson' });
    const hrUser = await f.createUser({ role: 'hr', districtId: d });
    const principalUser = await f.createUser({ role: 'principal', districtId: d, schoolIds: [school] });
    const me = await f.createEducatorUser({ districtId: d, schoolId: school, firstName: 'Zoe', lastName: 'Quinn' });
    for (const key of ['katherine', 'ann', 'joanne'])
      id[`${key}C`] = (await f.createCandidate({ districtId: d, educatorId: id[key]!, roleId: role }, [])).id;
    id['seat'] = (
      await f.createPosition({
        districtId: d,
        roleId: role,
        title: 'Principal, Alder',
        incumbentEducatorId: id['kate'],
      })
    ).id;
    hr = await t.login(hrUser.email);
    principal = await t.login(principalUser.email);
    colleague = await t.login(me.user.email);
  });

  afterAll(() => t.close());

  it('finds a person with a typo of one letter, best match first', async () => {
    const { rows } = await list(hr, 'educators', 'Jonson');
    expect(names(rows)[0]).toBe('Katherine Johnson');
    expect(rows.every((r) => r.id !== id['marjo'])).toBe(true);
  });

  it('ranks matches by closeness before the requested sort, and counts them', async () => {
    // Sorted by last name descending, Joanne Smith would come first; Ann Lee matches the word exactly.
    const { rows, total } = await list(hr, 'educators', 'ann', ['lastName', 'DESC']);
    expect(names(rows)).toEqual(['Ann Lee', 'Joanne Smith']);
    expect(total).toBe(2);
  });

  it('matches the start of a word for one or two characters', async () => {
    const { rows } = await list(hr, 'educators', 'jo');
    expect(names(rows).sort()).toEqual(['Jonathan Lee', 'Kate Johnston', 'Katherine Johnson', 'Joanne Smith'].sort());
  });

  it('takes % and _ literally', async () => {
    expect((await list(hr, 'educators', '%')).total).toBe(0);
    expect((await list(hr, 'educators', '__')).total).toBe(0);
  });

  it('finds hr an educator by email and employee number', async () => {
    // An identifier matches as typed: every email shares the district's domain.
    expect(names((await list(hr, 'educators', 'kjohnson@riverbend')).rows)).toEqual(['Katherine Johnson']);
    expect(names((await list(hr, 'educators', 't-4471')).rows)).toEqual(['Katherine Johnson']);
    expect((await list(hr, 'educators', 't-4472')).total).toBe(0);
  });

  it('lets a colleague search names only, not what they cannot see', async () => {
    expect(names((await list(colleague, 'educators', 'Johnsen')).rows)).toContain('Katherine Johnson');
    expect((await list(colleague, 'educators', 'kjohnson@riverbend')).total).toBe(0);
    expect((await list(colleague, 'educators', 'T-4471')).total).toBe(0);
  });

  it('searches candidates and nominations through their educator, in scope', async () => {
    const { rows, total } = await list(principal, 'candidates', 'Jonson');
    expect(rows.map((r) => r.id)).toEqual([id['katherineC']]);
    expect(total).toBe(1);
    expect((await list(hr, 'candidates', 'Smith')).rows.map((r) => r.id)).toEqual([id['joanneC']]);
  });

  it('matches unranked lists as typed: a school name does not bring its neighbours', async () => {
    const res = await t
      .http()
      .get('/api/schools')
      .query({ filter: JSON.stringify({ q: 'Alder High School' }) })
      .set('Authorization', `Bearer ${hr}`);
    expect((res.body as { name: string }[]).map((s) => s.name)).toEqual(['Alder High School']);
  });

  it('searches a position by its incumbent, with a typo', async () => {
    const { rows } = await list(hr, 'positions', 'Johnsten', ['title', 'ASC']);
    expect(rows.map((r) => r.id)).toEqual([id['seat']]);
  });
});
