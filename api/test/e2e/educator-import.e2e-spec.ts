import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestApp, TestApp } from '../test-app.js';

const sample = readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '../../../docs/samples/roster.csv'));

describe('POST /api/educators/import', () => {
  let t: TestApp;
  let districtId: string;
  let hr: string;
  let principal: string;

  beforeAll(async () => {
    t = await createTestApp();
    const f = t.factories;
    districtId = (await f.createDistrict()).id;
    for (const code of ['RHS', 'RMS', 'NSE', 'EHS', 'CHMS'])
      await f.createSchool({ districtId, code, name: `School ${code}` });
    hr = await t.login((await f.createUser({ role: 'hr', districtId })).email);
    principal = await t.login(
      (await f.createUser({ role: 'principal', districtId, schoolIds: [(await f.createSchool({ districtId })).id] }))
        .email,
    );
  });
  afterAll(() => t.close());

  const upload = (body: string | Buffer, token = hr, query = '') =>
    t
      .http()
      .post(`/api/educators/import${query}`)
      .set('Content-Type', 'text/csv')
      .auth(token, { type: 'bearer' })
      .send(body);
  const count = async () =>
    (await t.db.query(`SELECT count(*)::int AS n FROM educators WHERE district_id = $1`, [districtId]))[0].n as number;

  it('is a 403 for a principal', async () => {
    expect((await upload(sample, principal)).status).toBe(403);
  });

  it('is a 415 without a CSV body', async () => {
    const res = await t.http().post('/api/educators/import').auth(hr, { type: 'bearer' }).send({ rows: [] });
    expect(res.status).toBe(415);
  });

  it('dry-runs the sample: reports what would change and writes nothing', async () => {
    const res = await upload(sample, hr, '?dryRun=true');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ dryRun: true, rows: 6, created: 6, updated: 0, unchanged: 0, ignoredColumns: [] });
    expect(await count()).toBe(0);
  });

  it('imports the sample (BOM, quoted commas and newlines, any header case), then the same file changes nothing', async () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), sample]);
    const first = await upload(withBom);
    expect(first.body).toEqual({ dryRun: false, rows: 6, created: 6, updated: 0, unchanged: 0, ignoredColumns: [] });
    const [luis] = await t.db.query(
      `SELECT first_name, job_title, leadership_level, status FROM educators WHERE employee_number = 'RB-90002'`,
    );
    expect(luis).toEqual({
      first_name: 'Luis',
      job_title: 'Science Teacher, Grade 7',
      leadership_level: null,
      status: 'active',
    });
    const [sione] = await t.db.query(`SELECT job_title, school_id FROM educators WHERE employee_number = 'RB-90006'`);
    expect(sione).toEqual({ job_title: 'District Data Coordinator\n(part time)', school_id: null });
    const second = await upload(sample);
    expect(second.body).toEqual({ dryRun: false, rows: 6, created: 0, updated: 0, unchanged: 6, ignoredColumns: [] });
    expect(await count()).toBe(6);
  });

  it('updates only the columns the file has, and leaves people missing from the file alone', async () => {
    const res = await upload(
      'employee_number,first_name,last_name,job_title,extra note\nRB-90001,Amara,Okonkwo,Assistant Principal,hello\n',
    );
    expect(res.body).toEqual({
      dryRun: false,
      rows: 1,
      created: 0,
      updated: 1,
      unchanged: 0,
      ignoredColumns: ['extra_note'],
    });
    const [amara] = await t.db.query(
      `SELECT job_title, email, version FROM educators WHERE employee_number = 'RB-90001'`,
    );
    expect(amara).toEqual({ job_title: 'Assistant Principal', email: 'amara.okonkwo@riverbend.example', version: 2 });
    expect(await count()).toBe(6);
  });

  it('rejects a file with bad rows: every problem with its line and column, and nothing written', async () => {
    const before = await t.db.query(`SELECT id, version FROM educators ORDER BY id`);
    const csv = [
      'employee_number,first_name,last_name,email,school_code,job_title,years_in_education,status',
      'RB-91001,Ok,Row,ok.row@riverbend.example,RHS,Teacher,3,active',
      'RB-91002,,Nofirst,bad-email,ZZZ,Teacher,abc,retired',
      'RB-91001,Dup,Row,,RHS,Teacher,1,active',
      'RB-90001,Amara,Okonkwo,,RHS,Teacher,200,active',
    ].join('\n');
    const res = await upload(csv);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      statusCode: 400,
      code: 'import_invalid',
      message: expect.stringContaining('nothing was imported'),
      correlationId: expect.any(String),
      errors: [
        { line: 3, column: 'first_name', message: 'first_name is required' },
        { line: 3, column: 'email', message: 'email is not an email address' },
        { line: 3, column: 'school_code', message: 'no school of the district has the code ZZZ' },
        { line: 3, column: 'years_in_education', message: 'years_in_education must be a whole number from 0 to 70' },
        { line: 3, column: 'status', message: 'status must be one of: active, inactive (or empty)' },
        { line: 4, column: 'employee_number', message: 'employee number RB-91001 already appears on line 2' },
        { line: 5, column: 'years_in_education', message: 'years_in_education must be a whole number from 0 to 70' },
      ],
    });
    expect(await t.db.query(`SELECT id, version FROM educators ORDER BY id`)).toEqual(before);
  });

  it('counts lines across quoted line breaks, blank lines and staging batches', async () => {
    const lines = [
      'employee_number,first_name,last_name,job_title,years_in_education',
      'LN-0,Al,Multi,"Teacher\n(part time)",1',
      '',
    ];
    for (let i = 1; i <= 2500; i++) lines.push(`LN-${i},Al,Row${i},Teacher,${i === 2400 ? 99 : 1}`);
    const res = await upload(lines.join('\n'));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { line: 2404, column: 'years_in_education', message: 'years_in_education must be a whole number from 0 to 70' },
    ]);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM educators WHERE employee_number LIKE 'LN-%'`))[0].n).toBe(
      0,
    );
  });

  it('names a missing required column', async () => {
    const res = await upload('employee_number,first_name\nX1,Al\n');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { line: 1, column: 'last_name', message: 'the required column last_name is missing' },
      { line: 1, column: 'job_title', message: 'the required column job_title is missing' },
    ]);
  });

  it('marks leavers inactive and disables their logins', async () => {
    const [amara] = await t.db.query(`SELECT id FROM educators WHERE employee_number = 'RB-90001'`);
    const user = await t.factories.createUser({ role: 'educator', districtId, educatorId: amara.id });
    const token = await t.login(user.email);
    const res = await upload(
      'employee_number,first_name,last_name,job_title,status\nRB-90001,Amara,Okonkwo,Assistant Principal,inactive\n',
    );
    expect(res.body.updated).toBe(1);
    expect((await t.http().get('/api/auth/me').auth(token, { type: 'bearer' })).status).toBe(401);
  });

  it('imports a 100,000-row file', async () => {
    const lines = ['employee_number,first_name,last_name,email,school_code,job_title,years_in_education,status'];
    for (let i = 0; i < 100_000; i++)
      lines.push(`BULK-${i},First${i},Last${i},bulk${i}@riverbend.example,NSE,Teacher,${i % 40},active`);
    const started = Date.now();
    const res = await upload(lines.join('\n'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual(expect.objectContaining({ rows: 100_000, created: 100_000 }));
    expect(await count()).toBe(100_006);
    process.stdout.write(`[import] 100,000 rows in ${Date.now() - started} ms\n`);
  }, 180_000);

  it('writes one audit row per created or changed educator, and none for unchanged ones', async () => {
    const csv = (title: string) =>
      ['employee_number,first_name,last_name,job_title', `AUD-1,Ada,Audit,${title}`, 'AUD-2,Bo,Audit,Teacher'].join(
        '\n',
      );
    const audit = () =>
      t.db.query(
        `SELECT a.action, a.changes FROM audit_log a JOIN educators e ON e.id::text = a.entity_id
          WHERE a.entity = 'educators' AND e.employee_number LIKE 'AUD-%' ORDER BY a.action, e.employee_number`,
      );
    expect((await upload(csv('Teacher'))).body).toEqual(expect.objectContaining({ created: 2 }));
    expect((await audit()).map((r: { action: string }) => r.action)).toEqual(['create', 'create']);
    expect((await upload(csv('Coach'))).body).toEqual(
      expect.objectContaining({ created: 0, updated: 1, unchanged: 1 }),
    );
    const rows = await audit();
    expect(rows.map((r: { action: string }) => r.action)).toEqual(['create', 'create', 'update']);
    expect(rows[2].changes).toEqual({ job_title: { before: 'Teacher', after: 'Coach' } });
  });

  it('exports the roster as CSV, with retirement data for hr and the superintendent, demographics for hr only', async () => {
    const hrCsv = await t
      .http()
      .get(`/api/educators/export?filter=${encodeURIComponent(JSON.stringify({ q: 'RB-9000' }))}`)
      .auth(hr, { type: 'bearer' });
    expect(hrCsv.status).toBe(200);
    expect(hrCsv.headers['content-type']).toMatch(/text\/csv/);
    const text = hrCsv.text.replace(/^\uFEFF/, '');
    expect(text.split('\n')[0]).toBe(
      'employee_number,first_name,last_name,email,school,job_title,leadership_level,years_in_education,status,retirement_eligible_year,birth_year,service_start_on,gender,race_ethnicity',
    );
    expect(text).toContain('"Science Teacher, Grade 7"');
    const sup = await t.factories.createUser({ role: 'superintendent', districtId });
    const supCsv = await t
      .http()
      .get('/api/educators/export?range=[0,9]')
      .auth(await t.login(sup.email), { type: 'bearer' });
    expect(supCsv.text.replace(/^\uFEFF/, '').split('\n')[0]).toBe(
      'employee_number,first_name,last_name,email,school,job_title,leadership_level,years_in_education,status,retirement_eligible_year,birth_year,service_start_on',
    );
    const principal = await t.factories.createUser({ role: 'principal', districtId });
    const principalCsv = await t
      .http()
      .get('/api/educators/export?range=[0,9]')
      .auth(await t.login(principal.email), { type: 'bearer' });
    expect(principalCsv.text.replace(/^\uFEFF/, '').split('\n')[0]).toBe(
      'employee_number,first_name,last_name,email,school,job_title,leadership_level,years_in_education,status',
    );
  });

  it('refuses a file that is not UTF-8 (a Windows-1252 "é"), naming its line, and imports nothing', async () => {
    const latin1 = Buffer.concat([
      Buffer.from('employee_number,first_name,last_name,job_title\nW-1,Ada,Valid,Teacher\nW-2,Ren'),
      Buffer.from([0xe9]), // "é" in Windows-1252; in UTF-8 it is C3 A9
      Buffer.from(',Dubois,Teacher\nW-3,Bo,Valid,Teacher\n'),
    ]);
    const message = 'line 3 is not valid UTF-8; save the file as UTF-8 (CSV UTF-8 in Excel) and import again';
    for (const query of ['?dryRun=true', '']) {
      const res = await upload(latin1, hr, query);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        statusCode: 400,
        code: 'import_invalid',
        message: expect.stringContaining(message),
        correlationId: expect.any(String),
        errors: [{ line: 3, column: '', message }],
      });
    }
    const written = async () =>
      (await t.db.query(`SELECT count(*)::int AS n FROM educators WHERE employee_number LIKE 'W-%'`))[0].n as number;
    expect(await written()).toBe(0);
    // The same file saved as UTF-8 imports, with the accent intact.
    const utf8 = Buffer.from(latin1.toString('latin1'), 'utf8');
    expect((await upload(utf8)).body).toEqual(expect.objectContaining({ created: 3 }));
    const [rene] = await t.db.query(`SELECT first_name FROM educators WHERE employee_number = 'W-2'`);
    expect(rene.first_name).toBe('René');
  });

  it('counts the line of an invalid byte deep in a large file, past the first chunks and quoted line breaks', async () => {
    const lines = ['employee_number,first_name,last_name,job_title', 'DEEP-0,Al,Multi,"Teacher\n(part time)"'];
    for (let i = 1; i <= 5000; i++) lines.push(`DEEP-${i},Zoë,Row${i},Teacher`); // valid two-byte characters
    const text = lines.join('\n');
    // Line 4003 of the file (the header is line 1 and DEEP-0 spans lines 2 and 3): DEEP-4000.
    const at = text.indexOf('DEEP-4000,Zo') + 'DEEP-4000,Zo'.length;
    const body = Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([0xeb]), Buffer.from(text.slice(at + 1))]);
    expect(body.length).toBeGreaterThan(100_000);
    const res = await upload(body);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      {
        line: 4003,
        column: '',
        message: 'line 4003 is not valid UTF-8; save the file as UTF-8 (CSV UTF-8 in Excel) and import again',
      },
    ]);
    expect(
      (await t.db.query(`SELECT count(*)::int AS n FROM educators WHERE employee_number LIKE 'DEEP-%'`))[0].n,
    ).toBe(0);
  });

  it('refuses a header that repeats a column (any case or spacing), naming it, and imports nothing', async () => {
    const res = await upload('employee_number,First Name,last_name,job_title, first_name \nREP-1,Al,Rep,Teacher,Bo\n');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      statusCode: 400,
      code: 'import_invalid',
      message: expect.stringContaining('nothing was imported'),
      correlationId: expect.any(String),
      errors: [
        {
          line: 1,
          column: 'first_name',
          message: 'the column first_name appears more than once (columns 2 and 5); keep one',
        },
      ],
    });
    expect((await t.db.query(`SELECT count(*)::int AS n FROM educators WHERE employee_number = 'REP-1'`))[0].n).toBe(0);
  });
});
