import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, TestApp } from '../test-app.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- answers read as JSON */

/**
 * Issue #16, item 4: each district's reminders after its own delays (a nomination waiting for review, an answer
 * not given, no hours on a started assignment, a readiness confirmation grown old), once per period, off when
 * the delay is cleared, never beyond what the recipient may read.
 */
describe('reminders', () => {
  let t: TestApp;
  let districtId: string;
  let hr: { id: string; token: string };
  let nominee: { educatorId: string; userId: string; token: string };
  let ids: { nomination: string; waiting: string; working: string; assignment: string; ready: string };
  const PRIVATE = 'PRIVATE-MARKER';

  const run = async () => {
    await t.db.query(`SELECT graphile_worker.add_job('reminders', '{}'::json)`);
    await t.drainJobs();
  };
  const reminders = async () =>
    (await t.db.query(
      `SELECT user_id AS "userId", title, body, link FROM notifications WHERE kind = 'reminder' ORDER BY title, user_id`,
    )) as any[];
  const settings = async (body: object) => {
    const current = await t.http().get(`/api/district-settings/${districtId}`).auth(hr.token, { type: 'bearer' });
    return t
      .http()
      .put(`/api/district-settings/${districtId}`)
      .auth(hr.token, { type: 'bearer' })
      .send({ smallCellThreshold: current.body.smallCellThreshold, version: current.body.version, ...body });
  };

  beforeAll(async () => {
    t = await createTestApp();
    const f = t.factories;
    districtId = (await f.createDistrict()).id;
    const school = await f.createSchool({ districtId });
    const role = await f.createLeadershipRole({ districtId, title: 'Assistant principal' });
    const hrUser = await f.createUser({ role: 'hr', districtId });
    hr = { id: hrUser.id, token: await t.login(hrUser.email) };
    const a = await f.createEducatorUser({ districtId, schoolId: school.id, firstName: 'Ana', lastName: 'Waiting' });
    nominee = { educatorId: a.educator.id, userId: a.user.id, token: await t.login(a.user.email) };
    const other = await f.createEducator({ districtId, schoolId: school.id, firstName: 'Ben', lastName: 'Pending' });
    const principal = await f.createUser({ role: 'principal', districtId, schoolIds: [school.id] });
    const nomination = await f.createNomination({
      districtId,
      educatorId: other.id,
      targetRoleId: role.id,
      nominatorUserId: principal.id,
      privateNote: PRIVATE,
    } as any);
    await t.db.query(`UPDATE nominations SET created_at = now() - interval '8 days' WHERE id = $1`, [nomination.id]);
    // Approved 10 days ago, not answered.
    const waiting = await f.createCandidate({ districtId, educatorId: a.educator.id, roleId: role.id }, [], {
      enteredDaysAgo: 10,
    });
    // Working on a residency started 15 days ago, no hours; its readiness confirmed 13 months ago.
    const dean = await f.createLeadershipRole({ districtId, title: 'Dean' });
    const working = await f.createCandidate({ districtId, educatorId: a.educator.id, roleId: dean.id }, [
      { to: 'engaged', daysAgo: 40 },
      { to: 'developing', daysAgo: 15 },
    ]);
    const opportunity = await f.createOpportunity({ districtId, title: 'Budget residency' });
    const [asg]: { id: string }[] = await t.db.query(
      `INSERT INTO assignments (district_id, opportunity_id, candidate_id, status, assigned_by_user_id, started_at)
       VALUES ($1, $2, $3, 'in_progress', $4, now() - interval '15 days') RETURNING id`,
      [districtId, opportunity.id, working.id, hr.id],
    );
    await t.db.query(
      `INSERT INTO readiness_assessments (district_id, candidate_id, suggested_band, suggested_reasons, band, rationale,
                                          confirmed_by_user_id, confirmed_at)
       VALUES ($1, $2, 'ready_1_2_years', '[]', 'ready_now', 'RATIONALE-MARKER', $3, now() - interval '13 months')`,
      [districtId, working.id, hr.id],
    );
    ids = {
      nomination: nomination.id,
      waiting: waiting.id,
      working: working.id,
      assignment: asg!.id,
      ready: working.id,
    };
  });
  afterAll(() => t.close());

  it('reminds each person of what waits for them, after the district’s delays, saying nothing private', async () => {
    await run();
    expect(await reminders()).toEqual(
      [
        {
          userId: nominee.userId,
          title: 'Log your hours on Budget residency',
          body: 'Budget residency started 15 days ago and has no hours logged yet.',
          link: `/assignments/${ids.assignment}/show`,
        },
        {
          userId: hr.id,
          title: 'Readiness to review: Ana Waiting',
          body: 'The readiness of Ana Waiting for Dean was last confirmed 13 months ago. Confirm it again or change it.',
          link: `/candidates/${ids.ready}/show`,
        },
        {
          userId: hr.id,
          title: 'Waiting for your review: nomination of Ben Pending',
          body: 'The nomination of Ben Pending for Assistant principal has waited 8 days for a decision.',
          link: `/nominations/${ids.nomination}/show`,
        },
        {
          userId: nominee.userId,
          title: 'Your nomination for Assistant principal waits for your answer',
          body: 'You were nominated for Assistant principal 10 days ago. Open your candidacy to accept or decline.',
          link: `/candidates/${ids.waiting}/show`,
        },
      ].sort((x, y) => (x.title === y.title ? x.userId.localeCompare(y.userId) : x.title.localeCompare(y.title))),
    );
    const text = JSON.stringify(await reminders());
    expect(text).not.toContain('MARKER');
    expect(text).not.toMatch(/ready_now|Ready now/);
    // Each is emailed like any notification (the outbox here).
    const mailed: { n: number }[] = await t.db.query(
      `SELECT count(*)::int AS n FROM email_outbox WHERE subject LIKE 'Log your hours%' OR subject LIKE 'Waiting for%'`,
    );
    expect(mailed[0]!.n).toBe(2);
  });

  it('runs again without repeating itself within the same period', async () => {
    await run();
    await run();
    expect(await reminders()).toHaveLength(4);
  });

  it('comes again after a further delay while the thing still waits', async () => {
    await t.db.query(`UPDATE nominations SET created_at = now() - interval '15 days' WHERE id = $1`, [ids.nomination]);
    await run();
    const again = (await reminders()).filter((r) => r.title.startsWith('Waiting for your review'));
    expect(again.map((r) => r.body).sort()).toEqual([
      'The nomination of Ben Pending for Assistant principal has waited 15 days for a decision.',
      'The nomination of Ben Pending for Assistant principal has waited 8 days for a decision.',
    ]);
  });

  it('follows the district’s settings: a longer delay waits longer, null turns a reminder off', async () => {
    const bad = await settings({ remindAnswerAfterDays: 0 });
    expect(bad.status).toBe(400);
    const res = await settings({ remindAnswerAfterDays: 30, remindReviewAfterDays: null });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(
      expect.objectContaining({
        remindReviewAfterDays: null,
        remindAnswerAfterDays: 30,
        remindHoursAfterDays: 14,
        remindReadinessAfterMonths: 12,
      }),
    );
    await t.db.query(`DELETE FROM notifications WHERE kind = 'reminder'`);
    await run();
    expect((await reminders()).map((r) => r.title)).toEqual([
      'Log your hours on Budget residency',
      'Readiness to review: Ana Waiting',
    ]);
  });

  it('stops once the thing is done', async () => {
    await t.db.query(`DELETE FROM notifications WHERE kind = 'reminder'`);
    await t.db.query(`UPDATE assignments SET hours_logged = 3 WHERE id = $1`, [ids.assignment]);
    await t.db.query(
      `UPDATE readiness_assessments SET confirmed_at = now() - interval '2 months' WHERE candidate_id = $1`,
      [ids.ready],
    );
    await run();
    expect(await reminders()).toEqual([]);
  });

  it('tells the candidate a week before an assignment starts, once, and when it is completed', async () => {
    const starts = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    const retreat = await t.factories.createOpportunity({ districtId, title: 'Leadership retreat', startsOn: starts });
    await t.db.query(
      `INSERT INTO assignments (district_id, opportunity_id, candidate_id, status, assigned_by_user_id)
       VALUES ($1, $2, $3, 'assigned', $4)`,
      [districtId, retreat.id, ids.working, hr.id],
    );
    await run();
    await run();
    const soon: any[] = await t.db.query(
      `SELECT user_id AS "userId", title, body FROM notifications WHERE kind = 'assignment.starting'`,
    );
    expect(soon).toEqual([
      {
        userId: nominee.userId,
        title: 'Starting soon: Leadership retreat',
        body: expect.stringMatching(/^Leadership retreat starts on [A-Z][a-z]+ \d{1,2}\.$/),
      },
    ]);

    const current = await t.http().get(`/api/assignments/${ids.assignment}`).auth(hr.token, { type: 'bearer' });
    const done = await t
      .http()
      .post(`/api/assignments/${ids.assignment}/completion`)
      .auth(hr.token, { type: 'bearer' })
      .send({ levels: [], version: current.body.version, note: 'OUTCOME-MARKER' });
    expect(done.status).toBe(200);
    await t.drainJobs();
    const completed: any[] = await t.db.query(
      `SELECT user_id AS "userId", title, body, link FROM notifications WHERE kind = 'assignment.completed'`,
    );
    expect(completed).toEqual([
      {
        userId: nominee.userId,
        title: 'Completed: Budget residency',
        body: 'Budget residency is marked complete. The levels it confirmed are now evidence in your competency profile.',
        link: `/assignments/${ids.assignment}/show`,
      },
    ]);
  });
});
