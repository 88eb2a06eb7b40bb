import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, TestApp } from '../test-app.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- answers read as JSON */

/**
 * Issue #16, items 2 and 3: a change queues its notifications in its own transaction (graphile-worker on the same
 * PostgreSQL), the worker writes each once per person, and each person reads and marks only their own.
 */
describe('notifications', () => {
  let t: TestApp;
  let districtId: string;
  let roleId: string;
  let hr: string;
  let hr2: string;
  let nominee: { educatorId: string; userId: string; token: string };
  let peer: { userId: string; token: string };
  let outsider: string;
  const RATIONALE = 'Runs the grade team with a calm hand and RATIONALE-MARKER detail.';
  const PRIVATE = 'PRIVATE-MARKER: health leave last spring';

  const as = (token: string) => ({
    get: (url: string) => t.http().get(url).auth(token, { type: 'bearer' }),
    post: (url: string, body: object = {}) => t.http().post(url).auth(token, { type: 'bearer' }).send(body),
  });
  const inbox = async (token: string) => {
    const res = await as(token).get('/api/notifications?range=[0,49]');
    expect(res.status).toBe(200);
    return res.body as any[];
  };
  const jobs = async () =>
    ((await t.db.query(`SELECT count(*)::int AS n FROM graphile_worker.jobs`)) as { n: number }[])[0]!.n;
  const allNotifications = async () =>
    (await t.db.query(`SELECT user_id AS "userId", kind, title, body, link FROM notifications`)) as any[];

  beforeAll(async () => {
    t = await createTestApp();
    const f = t.factories;
    districtId = (await f.createDistrict()).id;
    const school = await f.createSchool({ districtId });
    roleId = (await f.createLeadershipRole({ districtId, title: 'Assistant principal' })).id;
    hr = await t.login((await f.createUser({ role: 'hr', districtId })).email);
    hr2 = await t.login((await f.createUser({ role: 'hr', districtId })).email);
    const a = await f.createEducatorUser({ districtId, schoolId: school.id, firstName: 'Ana', lastName: 'Nominee' });
    nominee = { educatorId: a.educator.id, userId: a.user.id, token: await t.login(a.user.email) };
    const b = await f.createEducatorUser({ districtId, schoolId: school.id, firstName: 'Pat', lastName: 'Peer' });
    peer = { userId: b.user.id, token: await t.login(b.user.email) };
    outsider = await t.login((await f.createUser({ role: 'hr' })).email);
  });
  afterAll(() => t.close());

  let nominationId: string;
  let candidateId: string;

  it('a nomination tells every hr of the district, once, without the rationale or the private note', async () => {
    const res = await as(peer.token).post('/api/nominations', {
      educatorId: nominee.educatorId,
      targetRoleId: roleId,
      rationale: RATIONALE,
      privateNote: PRIVATE,
    });
    expect(res.status).toBe(201);
    nominationId = res.body.id;
    // Queued with the nomination, written by the worker.
    expect(await inbox(hr)).toEqual([]);
    await t.drainJobs();
    await t.drainJobs(); // a second run finds nothing to do
    for (const token of [hr, hr2]) {
      const [n, ...more] = await inbox(token);
      expect(more).toEqual([]);
      expect(n).toEqual({
        id: expect.any(String),
        kind: 'nomination.submitted',
        title: 'New nomination to review: Ana Nominee',
        body: 'Pat Peer nominated Ana Nominee for Assistant principal. Approve or decline it in Emerge.',
        link: `/nominations/${nominationId}/show`,
        createdAt: expect.any(String),
        readAt: null,
      });
    }
    expect(await inbox(peer.token)).toEqual([]);
    expect(await inbox(nominee.token)).toEqual([]);
    expect(await inbox(outsider)).toEqual([]);
  });

  it('a change that is refused queues nothing', async () => {
    const before = await jobs();
    const refused = await as(hr).post(`/api/nominations/${nominationId}/decision`, { decision: 'decline' });
    expect(refused.status).toBe(400); // a decline needs a reason
    await t.db.query(`UPDATE educators SET status = 'inactive' WHERE id = $1`, [nominee.educatorId]);
    const conflict = await as(hr).post(`/api/nominations/${nominationId}/decision`, { decision: 'approve' });
    expect(conflict.status).toBe(409); // rolled back after the candidacy was begun
    await t.db.query(`UPDATE educators SET status = 'active' WHERE id = $1`, [nominee.educatorId]);
    expect(await jobs()).toBe(before);
  });

  it('approval asks the nominee to answer, with a link straight to the answer', async () => {
    const res = await as(hr).post(`/api/nominations/${nominationId}/decision`, { decision: 'approve' });
    expect(res.status).toBe(200);
    candidateId = res.body.candidateId;
    await t.drainJobs();
    const [n] = await inbox(nominee.token);
    expect(n).toEqual(
      expect.objectContaining({
        kind: 'nomination.approved',
        title: 'You have been nominated for Assistant principal',
        link: `/candidates/${candidateId}/show`,
      }),
    );
    // The candidacy's page is the nominee's to read.
    expect((await as(nominee.token).get(`/api/candidates/${candidateId}`)).status).toBe(200);
  });

  it('the answer goes to the nominator (to the nomination they may read) and to hr, not to the nominee', async () => {
    const res = await as(nominee.token).post(`/api/candidates/${candidateId}/consent`, { accepted: true });
    expect(res.status).toBe(200);
    await t.drainJobs();
    const [toPeer] = await inbox(peer.token);
    expect(toPeer).toEqual(
      expect.objectContaining({
        kind: 'nomination.answered',
        title: 'Ana Nominee accepted the nomination',
        link: `/nominations/${nominationId}/show`,
      }),
    );
    expect((await as(peer.token).get(toPeer.link.replace(/^\/(.*)\/show$/, '/api/$1'))).status).toBe(200);
    for (const token of [hr, hr2])
      expect((await inbox(token))[0]).toEqual(
        expect.objectContaining({ kind: 'nomination.answered', link: `/candidates/${candidateId}/show` }),
      );
    expect((await inbox(nominee.token)).map((n) => n.kind)).toEqual(['nomination.approved']);
  });

  it('a retried job writes each notification once', async () => {
    const before = (await allNotifications()).length;
    // The same occurrence queued twice (as a retry after a lost acknowledgement would run it again).
    const payload = JSON.stringify({ event: 'nomination.approved', id: nominationId, occurrence: 'retry-test' });
    for (const key of ['retry-a', 'retry-b'])
      await t.db.query(`SELECT graphile_worker.add_job('notify', $1::json, job_key => $2)`, [payload, key]);
    await t.drainJobs();
    expect((await allNotifications()).length).toBe(before + 1);
  });

  it('nothing private travels in any notification', async () => {
    const text = JSON.stringify(await allNotifications());
    expect(text).not.toContain('RATIONALE-MARKER');
    expect(text).not.toContain('PRIVATE-MARKER');
  });

  it('each person reads and marks only their own: 404 for anyone else’s', async () => {
    const [mine] = await inbox(nominee.token);
    for (const token of [peer.token, hr, outsider]) {
      expect((await as(token).get(`/api/notifications/${mine.id}`)).status).toBe(404);
      expect((await as(token).post(`/api/notifications/${mine.id}/read`)).status).toBe(404);
    }
    expect((await as(nominee.token).get(`/api/notifications/${mine.id}`)).body.readAt).toBeNull();
    const read = await as(nominee.token).post(`/api/notifications/${mine.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    // Marking again keeps the first time.
    expect((await as(nominee.token).post(`/api/notifications/${mine.id}/read`)).body.readAt).toBe(read.body.readAt);
  });

  it('counts the unread through the list total, and marks all of one’s own read', async () => {
    const unread = async (token: string) => {
      const res = await as(token).get(`/api/notifications?filter=${encodeURIComponent('{"unread":true}')}&range=[0,0]`);
      return Number(/\/(\d+)$/.exec(res.headers['content-range'] as string)![1]);
    };
    expect(await unread(hr)).toBe(2);
    expect(await unread(hr2)).toBe(2);
    const all = await as(hr).post('/api/notifications/read-all');
    expect(all.body).toEqual({ marked: 2 });
    expect(await unread(hr)).toBe(0);
    expect(await unread(hr2)).toBe(2);
  });

  it('tells the candidate of an assignment, a step back and an exit, but not of their own move', async () => {
    const coordinator = await t.login((await t.factories.createUser({ role: 'coordinator', districtId })).email);
    const opportunity = await t.factories.createOpportunity({ districtId, title: 'Budget residency', seats: 3 }, []);
    const assigned = await as(coordinator).post('/api/assignments', { opportunityId: opportunity.id, candidateId });
    expect(assigned.status).toBe(201);
    const move = async (expectedStage: string, to: string, extra: object = {}) => {
      const res = await as(hr).post(`/api/candidates/${candidateId}/transitions`, {
        to,
        expectedStage,
        reason: 'Review of the year',
        ...extra,
      });
      expect({ status: res.status, body: res.status === 201 ? 'ok' : res.body }).toEqual({ status: 201, body: 'ok' });
    };
    await move('engaged', 'developing');
    await move('developing', 'engaged');
    await move('engaged', 'exited', { exitReason: 'other' });
    await t.drainJobs();
    const kinds = (await inbox(nominee.token)).map((n) => `${n.kind}: ${n.title}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'assignment.created: New assignment: Budget residency',
        'candidate.moved: Your candidacy for Assistant principal is now engaged',
        'candidate.moved: Your candidacy for Assistant principal is now exited',
      ]),
    );
    // Forward to developing is progress the candidate sees on their page; no message for it.
    expect(kinds.filter((k) => k.includes('now developing'))).toEqual([]);
  });
});
