import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, TestApp } from '../test-app.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- answers read as JSON */

/**
 * Issue #16, item 3: without SMTP_URL outside production, email is kept in an outbox that platform_admin reads,
 * so a demo shows real messages without a mail server. Nobody else reads it.
 */
describe('email outbox (no SMTP server)', () => {
  let t: TestApp;
  let admin: string;
  let hr: string;
  let nomineeEmail: string;
  let candidateId: string;

  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_URL: 'https://emerge.demo.test' });
    const f = t.factories;
    const districtId = (await f.createDistrict()).id;
    const school = await f.createSchool({ districtId });
    const roleId = (await f.createLeadershipRole({ districtId, title: 'Assistant principal' })).id;
    admin = await t.login((await f.createUser({ role: 'platform_admin', districtId: null })).email);
    hr = await t.login((await f.createUser({ role: 'hr', districtId })).email);
    const a = await f.createEducatorUser({ districtId, schoolId: school.id, firstName: 'Ana', lastName: 'Outbox' });
    nomineeEmail = a.user.email;
    const n = await t
      .http()
      .post('/api/nominations')
      .auth(hr, { type: 'bearer' })
      .send({ educatorId: a.educator.id, targetRoleId: roleId, rationale: 'Leads the grade team well.' });
    expect(n.status).toBe(201);
    const d = await t
      .http()
      .post(`/api/nominations/${n.body.id}/decision`)
      .auth(hr, { type: 'bearer' })
      .send({ decision: 'approve' });
    candidateId = d.body.candidateId;
    await t.drainJobs();
  });
  afterAll(() => t.close());

  it('keeps each message, newest first, for platform_admin to read, with its headers', async () => {
    const list = await t
      .http()
      .get(`/api/email-outbox?filter=${encodeURIComponent(JSON.stringify({ q: nomineeEmail }))}`)
      .auth(admin, { type: 'bearer' });
    expect(list.status).toBe(200);
    expect(list.headers['content-range']).toMatch(/^email-outbox 0-0\/1$/);
    const [message] = list.body as any[];
    expect(message).toEqual(
      expect.objectContaining({
        toAddress: nomineeEmail,
        subject: 'You have been nominated for Assistant principal',
        messageId: expect.stringMatching(/@emerge\.demo\.test>$/),
      }),
    );
    expect(message.text).toContain(`https://emerge.demo.test/#/candidates/${candidateId}/show`);
    expect(message.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const one = await t.http().get(`/api/email-outbox/${message.id}`).auth(admin, { type: 'bearer' });
    expect(one.body).toEqual(message);
    // The settings page says email is on (to the outbox).
    const settings = await t.http().get('/api/me/notification-settings').auth(hr, { type: 'bearer' });
    expect(settings.body.emailEnabled).toBe(true);
  });

  it('is platform_admin’s only', async () => {
    expect((await t.http().get('/api/email-outbox').auth(hr, { type: 'bearer' })).status).toBe(403);
    expect((await t.http().get('/api/email-outbox')).status).toBe(401);
  });

  it('a job run twice keeps one copy', async () => {
    const count = async () =>
      ((await t.db.query(`SELECT count(*)::int AS n FROM email_outbox`)) as { n: number }[])[0]!.n;
    const before = await count();
    await t.db.query(`UPDATE notifications SET emailed_at = NULL`);
    const ids: { id: string }[] = await t.db.query(`SELECT id FROM notifications`);
    for (const { id } of ids)
      await t.db.query(`SELECT graphile_worker.add_job('email', json_build_object('notificationId', $1::text))`, [id]);
    await t.drainJobs();
    expect(await count()).toBe(before);
  });
});
