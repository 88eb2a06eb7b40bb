import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { EMAIL_KINDS } from '../../src/modules/notifications/email.js';
import { createTestApp, TestApp } from '../test-app.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- answers read as JSON */

/** A real SMTP server on loopback: what it receives is what a district's mail server would. */
class Mailbox {
  readonly received: ParsedMail[] = [];
  private server: SMTPServer | null = null;
  port = 0;
  /**
   * Down: the server answers every connection "421" and hangs up. (Closing it instead would free its port, which
   * another test's server could take meanwhile.)
   */
  down = false;

  async start(port = 0): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onConnect: (_session, callback) =>
        callback(this.down ? Object.assign(new Error('Service not available'), { responseCode: 421 }) : undefined),
      onData: (stream, _session, callback) => {
        simpleParser(stream).then(
          (mail) => {
            this.received.push(mail);
            callback();
          },
          (error: Error) => callback(error),
        );
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
    this.server = null;
  }

  to(address: string): ParsedMail[] {
    return this.received.filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((a) => a?.text.includes(address)));
  }
}

/** A header as it arrived (raw line, without its name). */
const header = (mail: ParsedMail, name: string) =>
  mail.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, '');
/** The unsubscribe URL of a message, from its List-Unsubscribe header (mailparser parses it into an object). */
const unsubscribeUrl = (mail: ParsedMail) => {
  const raw = mail.headerLines.find((h) => h.key === 'list-unsubscribe')!.line;
  return new URL(/<([^>]+)>/.exec(raw)![1]!);
};

/**
 * Issue #16, item 3 (email): notifications reach a real SMTP server on loopback in text and HTML, once each, with
 * an RFC 8058 one-click unsubscribe; each person chooses immediately, a daily digest, or off, per kind; SMTP down
 * is retried with nothing lost.
 */
describe('email notifications', () => {
  const box = new Mailbox();
  let t: TestApp;
  let districtId: string;
  let roleId: string;
  let hr: { email: string; token: string };
  let coordinator: string;
  let nominee: { educatorId: string; userId: string; email: string; token: string };
  let peer: string;
  const RATIONALE = 'RATIONALE-MARKER: steady with families';
  const PRIVATE = 'PRIVATE-MARKER: leave last spring';

  const as = (token: string) => ({
    get: (url: string) => t.http().get(url).auth(token, { type: 'bearer' }),
    post: (url: string, body: object = {}) => t.http().post(url).auth(token, { type: 'bearer' }).send(body),
    put: (url: string, body: object) => t.http().put(url).auth(token, { type: 'bearer' }).send(body),
  });
  const settingsOf = async (token: string) => {
    const res = await as(token).get('/api/me/notification-settings');
    expect(res.status).toBe(200);
    return Object.fromEntries((res.body.settings as any[]).map((s) => [s.kind, s.email]));
  };
  const nominateAndApprove = async (role = roleId) => {
    const n = await as(peer).post('/api/nominations', {
      educatorId: nominee.educatorId,
      targetRoleId: role,
      rationale: RATIONALE,
      privateNote: PRIVATE,
    });
    expect(n.status).toBe(201);
    await t.drainJobs(); // hr is told while the nomination waits
    const d = await as(hr.token).post(`/api/nominations/${n.body.id}/decision`, { decision: 'approve' });
    expect(d.status).toBe(200);
    return d.body.candidateId as string;
  };

  beforeAll(async () => {
    await box.start();
    t = await createTestApp({
      SMTP_URL: `smtp://127.0.0.1:${box.port}`,
      MAIL_FROM: 'Riverbend Emerge <emerge@riverbend.test>',
      PUBLIC_URL: 'https://emerge.riverbend.test',
    });
    const f = t.factories;
    districtId = (await f.createDistrict()).id;
    const school = await f.createSchool({ districtId });
    roleId = (await f.createLeadershipRole({ districtId, title: 'Assistant principal' })).id;
    const hrUser = await f.createUser({ role: 'hr', districtId });
    hr = { email: hrUser.email, token: await t.login(hrUser.email) };
    coordinator = await t.login((await f.createUser({ role: 'coordinator', districtId })).email);
    const a = await f.createEducatorUser({ districtId, schoolId: school.id, firstName: 'Ana', lastName: 'Nominee' });
    nominee = { educatorId: a.educator.id, userId: a.user.id, email: a.user.email, token: await t.login(a.user.email) };
    const b = await f.createEducatorUser({ districtId, schoolId: school.id, firstName: 'Pat', lastName: 'Peer' });
    peer = await t.login(b.user.email);
  });
  afterAll(async () => {
    await t.close();
    await box.stop();
  });

  let candidateId: string;

  it('emails hr the nomination and the nominee the request to answer: text and HTML, a link straight to it', async () => {
    candidateId = await nominateAndApprove();
    await t.drainJobs();
    const [toHr, ...moreHr] = box.to(hr.email);
    expect(moreHr).toEqual([]);
    expect(toHr!.subject).toBe('New nomination to review: Ana Nominee');
    const [mail, ...more] = box.to(nominee.email);
    expect(more).toEqual([]);
    expect(mail!.subject).toBe('You have been nominated for Assistant principal');
    expect(mail!.from!.text).toBe('"Riverbend Emerge" <emerge@riverbend.test>');
    const link = `https://emerge.riverbend.test/#/candidates/${candidateId}/show`;
    expect(mail!.text).toContain(`Open it: ${link}`);
    expect(mail!.html).toContain(`href="${link}"`);
    expect(mail!.html).toContain('<html lang="en">');
    expect(mail!.messageId).toMatch(/^<notification-[0-9a-f-]{36}@emerge\.riverbend\.test>$/);
    // RFC 8058: an https link and the one-click marker.
    expect(unsubscribeUrl(mail!).origin + unsubscribeUrl(mail!).pathname).toBe(
      'https://emerge.riverbend.test/api/email/unsubscribe',
    );
    expect(header(mail!, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    // Nothing private travels.
    const all = JSON.stringify(box.received.map((m) => [m.subject, m.text, m.html]));
    expect(all).not.toContain('RATIONALE-MARKER');
    expect(all).not.toContain('PRIVATE-MARKER');
  });

  it('sends each notification once, however often its job runs', async () => {
    const before = box.received.length;
    const ids: { id: string }[] = await t.db.query(`SELECT id FROM notifications`);
    for (const { id } of ids)
      await t.db.query(`SELECT graphile_worker.add_job('email', json_build_object('notificationId', $1::text))`, [id]);
    await t.drainJobs();
    expect(box.received.length).toBe(before);
  });

  it('lists every kind with its choice (immediately unless chosen) and refuses what is not a kind or a choice', async () => {
    const res = await as(nominee.token).get('/api/me/notification-settings');
    expect(res.body.emailEnabled).toBe(true);
    expect(res.body.settings).toHaveLength(EMAIL_KINDS.length);
    expect(EMAIL_KINDS.length).toBe(12);
    expect(res.body.settings[0]).toEqual({
      kind: 'nomination.submitted',
      label: 'A nomination waits for your review',
      email: 'immediate',
    });
    for (const body of [
      { settings: [{ kind: 'nomination.everything', email: 'off' }] },
      { settings: [{ kind: 'assignment.created', email: 'weekly' }] },
      { settings: 'off' },
      {},
    ]) {
      const bad = await as(nominee.token).put('/api/me/notification-settings', body);
      expect({ body, status: bad.status }).toEqual({ body, status: 400 });
    }
    expect(Object.values(await settingsOf(nominee.token))).toEqual(Array(EMAIL_KINDS.length).fill('immediate'));
    // A kind named twice: the last choice counts.
    const twice = await as(hr.token).put('/api/me/notification-settings', {
      settings: [
        { kind: 'reminder', email: 'off' },
        { kind: 'reminder', email: 'daily' },
      ],
    });
    expect(twice.status).toBe(200);
    expect((await settingsOf(hr.token)).reminder).toBe('daily');
  });

  it('one click on the link turns that kind off for that person only; opening the link changes nothing', async () => {
    const [mail] = box.to(nominee.email);
    const url = unsubscribeUrl(mail!);
    const path = `${url.pathname}${url.search}`;
    const page = await t.http().get(path);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('Stop these emails');
    expect((await settingsOf(nominee.token))['nomination.approved']).toBe('immediate');

    // Tampered: another kind, another person, a made-up signature.
    const token = url.searchParams.get('token')!;
    const [userId, , sig] = [token.slice(0, 36), '', token.slice(token.lastIndexOf('.') + 1)];
    for (const forged of [
      `${userId}.assignment.created.${sig}`,
      `${hr.email}.nomination.approved.${sig}`,
      token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
      'nonsense',
    ]) {
      const res = await t
        .http()
        .post(`/api/email/unsubscribe?token=${encodeURIComponent(forged)}`)
        .type('form')
        .send('List-Unsubscribe=One-Click');
      expect({ forged, status: res.status }).toEqual({ forged, status: 400 });
    }
    // A person following a bad link in a browser reads a page that says what to do.
    const shown = await t.http().get('/api/email/unsubscribe?token=nonsense').set('Accept', 'text/html');
    expect(shown.status).toBe(400);
    expect(shown.text).toContain('Notification settings');
    expect(Object.values(await settingsOf(nominee.token))).toEqual(Array(EMAIL_KINDS.length).fill('immediate'));

    // As a mail client sends it (RFC 8058: a POST with the one-click body, no cookie, no token).
    const click = await t.http().post(path).type('form').send('List-Unsubscribe=One-Click');
    expect(click.status).toBe(200);
    expect(click.text).toContain('You are nominated and asked to answer');
    expect(await settingsOf(nominee.token)).toEqual(
      expect.objectContaining({ 'nomination.approved': 'off', 'assignment.created': 'immediate' }),
    );
    expect((await settingsOf(hr.token))['nomination.approved']).toBe('immediate');
    // multipart/form-data is the other encoding the RFC allows; a second click is harmless.
    const again = await t.http().post(path).field('List-Unsubscribe', 'One-Click');
    expect(again.status).toBe(200);
  });

  it('a kind turned off still rings the bell but sends no email', async () => {
    const other = (await t.factories.createLeadershipRole({ districtId, title: 'Dean of students' })).id;
    const before = box.to(nominee.email).length;
    await nominateAndApprove(other);
    await t.drainJobs();
    expect(box.to(nominee.email).length).toBe(before);
    const bell = await as(nominee.token).get('/api/notifications?range=[0,0]');
    expect(bell.body[0].title).toBe('You have been nominated for Dean of students');
  });

  it('a daily choice gathers the day’s notifications into one digest, sent once', async () => {
    const put = await as(nominee.token).put('/api/me/notification-settings', {
      settings: [{ kind: 'assignment.created', email: 'daily' }],
    });
    expect(put.status).toBe(200);
    expect(put.body.settings.find((s: any) => s.kind === 'assignment.created').email).toBe('daily');
    const consent = await as(nominee.token).post(`/api/candidates/${candidateId}/consent`, { accepted: true });
    expect(consent.status).toBe(200);
    const before = box.to(nominee.email).length;
    for (const title of ['Budget residency', 'Family engagement lab']) {
      const opportunity = await t.factories.createOpportunity({ districtId, title, seats: 3 }, []);
      const res = await as(coordinator).post('/api/assignments', { opportunityId: opportunity.id, candidateId });
      expect(res.status).toBe(201);
    }
    await t.drainJobs();
    expect(box.to(nominee.email).length).toBe(before); // nothing yet: it waits for the digest

    // The 07:00 job, as the crontab starts it; twice, as a restarted worker might.
    for (let i = 0; i < 2; i++) {
      await t.db.query(`SELECT graphile_worker.add_job('email-digest', '{}'::json)`);
      await t.drainJobs();
    }
    const digests = box.to(nominee.email).slice(before);
    expect(digests).toHaveLength(1);
    const digest = digests[0]!;
    expect(digest.subject).toBe('Emerge: 2 updates for you');
    expect(digest.text).toContain('New assignment: Budget residency');
    expect(digest.text).toContain('New assignment: Family engagement lab');
    expect(digest.text).toContain('Stop the daily digest');

    // Its one-click link turns off what came daily, and only that.
    const url = unsubscribeUrl(digest);
    const click = await t.http().post(`${url.pathname}${url.search}`).type('form').send('List-Unsubscribe=One-Click');
    expect(click.status).toBe(200);
    expect(await settingsOf(nominee.token)).toEqual(
      expect.objectContaining({ 'assignment.created': 'off', 'candidate.moved': 'immediate' }),
    );
  });

  it('SMTP down: the email waits and is retried with backoff; when SMTP is back it arrives once', async () => {
    box.down = true;
    const before = box.to(hr.email).length;
    const n = await as(peer).post('/api/nominations', {
      educatorId: nominee.educatorId,
      targetRoleId: (await t.factories.createLeadershipRole({ districtId, title: 'Instructional coach' })).id,
      rationale: RATIONALE,
    });
    expect(n.status).toBe(201);
    await t.drainJobs();
    const [failed]: any[] = await t.db.query(
      `SELECT attempts, last_error, run_at > now() AS later FROM graphile_worker.jobs WHERE task_identifier = 'email'`,
    );
    expect(failed).toEqual(expect.objectContaining({ attempts: 1, later: true }));
    expect(failed.last_error).toMatch(/421|not available/i);

    box.down = false;
    // The backoff has passed.
    await t.db.query(`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE task_id =
      (SELECT id FROM graphile_worker._private_tasks WHERE identifier = 'email')`);
    await t.drainJobs();
    await t.drainJobs();
    const arrived = box.to(hr.email).slice(before);
    expect(arrived.map((m) => m.subject)).toEqual(['New nomination to review: Ana Nominee']);
    expect(await t.db.query(`SELECT 1 FROM graphile_worker.jobs`)).toEqual([]);
  });

  it('a deactivated login gets neither a notification nor an email', async () => {
    await t.db.query(`UPDATE users SET active = false WHERE id = $1`, [nominee.userId]);
    await t.db.query(`DELETE FROM notification_settings WHERE user_id = $1`, [nominee.userId]);
    const before = box.to(nominee.email).length;
    const opportunity = await t.factories.createOpportunity({ districtId, title: 'Summer institute', seats: 3 }, []);
    expect(
      (await as(coordinator).post('/api/assignments', { opportunityId: opportunity.id, candidateId })).status,
    ).toBe(201);
    await t.drainJobs();
    expect(box.to(nominee.email).length).toBe(before);
    expect(
      await t.db.query(`SELECT 1 FROM notifications WHERE user_id = $1 AND title LIKE '%Summer%'`, [nominee.userId]),
    ).toEqual([]);
  });
});
