import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, TestApp } from '../test-app.js';

const ROWS = 10_050;

/**
 * Totals of the lists a district fills with millions of rows (audit log, evidence): exact up to 10,000 rows
 * past the page's start, beyond that a lower bound the answer names as such.
 */
describe('list totals past 10,000', () => {
  let t: TestApp;
  let hr: string;
  let superintendent: string;
  let otherHr: string;
  let d: string;
  const entries = async (entity: string) =>
    Number(
      (
        await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity = $1 AND district_id = $2`, [entity, d])
      )[0].n,
    );

  const page = async (token: string, filter: Record<string, unknown>, range = [0, 24]) => {
    const res = await t
      .http()
      .get('/api/audit-log')
      .query({ filter: JSON.stringify(filter), range: JSON.stringify(range) })
      .auth(token, { type: 'bearer' });
    expect(res.status).toBe(200);
    const m = /^audit-log (\d+)-(\d+)\/(\d+)$/.exec(res.headers['content-range'] as string)!;
    return {
      range: [Number(m[1]), Number(m[2])],
      total: Number(m[3]),
      lowerBound: res.headers['x-total-is-lower-bound'],
    };
  };

  beforeAll(async () => {
    t = await createTestApp();
    const f = t.factories;
    d = (await f.createDistrict()).id;
    const other = (await f.createDistrict()).id;
    await f.createSchool({ districtId: d, code: 'RHS' });
    hr = await t.login((await f.createUser({ role: 'hr', districtId: d })).email);
    superintendent = await t.login((await f.createUser({ role: 'superintendent', districtId: d })).email);
    otherHr = await t.login((await f.createUser({ role: 'hr', districtId: other })).email);
    // One audit entry per educator created, written by the roster import (the public path).
    const csv = ['employee_number,first_name,last_name,email,school_code,job_title'];
    for (let i = 0; i < ROWS; i++) csv.push(`N${i},Pat,Lane${i},pat.lane${i}@count.example,RHS,Teacher`);
    const res = await t
      .http()
      .post('/api/educators/import')
      .set('Content-Type', 'text/csv')
      .auth(hr, { type: 'bearer' })
      .send(csv.join('\n'));
    expect(res.body).toMatchObject({ created: ROWS });
  }, 120_000);

  afterAll(() => t.close());

  it('says "at least" past 10,000 rows, and counts exactly when the page reaches near the end', async () => {
    const exact = await entries('educators');
    expect(exact).toBeGreaterThanOrEqual(ROWS);

    const first = await page(hr, { entity: 'educators' });
    expect(first).toEqual({ range: [0, 24], total: 10_001, lowerBound: 'true' });

    // From row 100 on, 10,000 more reach past the end: the total is exact again, and no header says otherwise.
    const late = await page(hr, { entity: 'educators' }, [100, 124]);
    expect(late).toEqual({ range: [100, 124], total: exact, lowerBound: undefined });
  });

  it('counts a narrow filter exactly', async () => {
    const schools = await page(hr, { entity: 'schools' });
    expect(schools.lowerBound).toBeUndefined();
    expect(schools.total).toBe(await entries('schools'));
    expect(schools.total).toBeGreaterThan(0);
  });

  it('counts for the superintendent the entries they see, and another district sees none of them', async () => {
    expect(await page(superintendent, { entity: 'educators' })).toEqual({
      range: [0, 24],
      total: 10_001,
      lowerBound: 'true',
    });
    const other = await t
      .http()
      .get('/api/audit-log')
      .query({ filter: JSON.stringify({ entity: 'educators' }) })
      .auth(otherHr, { type: 'bearer' });
    expect(other.headers['content-range']).toBe('audit-log */0');
    expect(other.headers['x-total-is-lower-bound']).toBeUndefined();
  });
});
