import type { DataSource } from 'typeorm';
import { hrOf, writeMessages } from './notify.js';

type Q = Pick<DataSource, 'query'>;

interface Reminder {
  districtId: string;
  userId: string;
  kind: 'reminder' | 'assignment.starting';
  title: string;
  body: string;
  link: string;
  dedupeKey: string;
}

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

/**
 * The daily reminders, each after its district's delay (null: off). A reminder comes again after each further
 * delay while the thing still waits (its key names the period), except readiness: once per confirmation.
 * Like every notification, a reminder says only what its recipient may already read.
 */
export async function sendReminders(q: Q, email: boolean): Promise<number> {
  const out: Reminder[] = [];
  const hrCache = new Map<string, string[]>();
  const hr = async (districtId: string) => {
    if (!hrCache.has(districtId)) hrCache.set(districtId, await hrOf(q, districtId));
    return hrCache.get(districtId)!;
  };

  // hr: a nomination that waits for review.
  const reviews: {
    id: string;
    district_id: string;
    nominator: string;
    nominee: string;
    role: string;
    waited: number;
    period: number;
  }[] = await q.query(
    `SELECT n.id, n.district_id, n.nominator_user_id AS nominator, e.first_name || ' ' || e.last_name AS nominee,
              r.title AS role, (current_date - n.created_at::date) AS waited,
              (current_date - n.created_at::date) / d.remind_review_after_days AS period
         FROM nominations n JOIN districts d ON d.id = n.district_id
         JOIN educators e ON e.id = n.educator_id JOIN leadership_roles r ON r.id = n.target_role_id
        WHERE n.status = 'submitted' AND d.remind_review_after_days IS NOT NULL
          AND n.created_at::date <= current_date - d.remind_review_after_days`,
  );
  for (const n of reviews)
    for (const userId of (await hr(n.district_id)).filter((u) => u !== n.nominator))
      out.push({
        districtId: n.district_id,
        userId,
        kind: 'reminder',
        title: `Waiting for your review: nomination of ${n.nominee}`,
        body: `The nomination of ${n.nominee} for ${n.role} has waited ${days(n.waited)} for a decision.`,
        link: `/nominations/${n.id}/show`,
        dedupeKey: `reminder.review:${n.id}:${n.period}`,
      });

  // The nominee: an approved nomination not yet answered.
  const answers: {
    id: string;
    district_id: string;
    user_id: string;
    role: string;
    waited: number;
    period: number;
  }[] = await q.query(
    `SELECT c.id, c.district_id, u.id AS user_id, r.title AS role, (current_date - c.stage_entered_at::date) AS waited,
              (current_date - c.stage_entered_at::date) / d.remind_answer_after_days AS period
         FROM candidates c JOIN districts d ON d.id = c.district_id JOIN leadership_roles r ON r.id = c.role_id
         JOIN users u ON u.educator_id = c.educator_id AND u.active
        WHERE c.stage = 'identified' AND d.remind_answer_after_days IS NOT NULL
          AND c.stage_entered_at::date <= current_date - d.remind_answer_after_days`,
  );
  for (const c of answers)
    out.push({
      districtId: c.district_id,
      userId: c.user_id,
      kind: 'reminder',
      title: `Your nomination for ${c.role} waits for your answer`,
      body: `You were nominated for ${c.role} ${days(c.waited)} ago. Open your candidacy to accept or decline.`,
      link: `/candidates/${c.id}/show`,
      dedupeKey: `reminder.answer:${c.id}:${c.period}`,
    });

  // The candidate: a started assignment with no hours logged.
  const hours: {
    id: string;
    district_id: string;
    user_id: string;
    title: string;
    waited: number;
    period: number;
  }[] = await q.query(
    `SELECT a.id, a.district_id, u.id AS user_id, o.title, (current_date - a.started_at::date) AS waited,
              (current_date - a.started_at::date) / d.remind_hours_after_days AS period
         FROM assignments a JOIN districts d ON d.id = a.district_id
         JOIN candidates c ON c.id = a.candidate_id JOIN development_opportunities o ON o.id = a.opportunity_id
         JOIN users u ON u.educator_id = c.educator_id AND u.active
        WHERE a.status = 'in_progress' AND a.hours_logged = 0 AND d.remind_hours_after_days IS NOT NULL
          AND a.started_at::date <= current_date - d.remind_hours_after_days`,
  );
  for (const a of hours)
    out.push({
      districtId: a.district_id,
      userId: a.user_id,
      kind: 'reminder',
      title: `Log your hours on ${a.title}`,
      body: `${a.title} started ${days(a.waited)} ago and has no hours logged yet.`,
      link: `/assignments/${a.id}/show`,
      dedupeKey: `reminder.hours:${a.id}:${a.period}`,
    });

  // hr: an active candidate whose last readiness confirmation is older than the district's months.
  const readiness: {
    id: string;
    district_id: string;
    name: string;
    role: string;
    assessment: string;
    months: number;
  }[] = await q.query(
    `SELECT c.id, c.district_id, e.first_name || ' ' || e.last_name AS name, r.title AS role, ra.id AS assessment,
              (extract(year FROM age(now(), ra.confirmed_at)) * 12 + extract(month FROM age(now(), ra.confirmed_at)))::int
                AS months
         FROM candidates c JOIN districts d ON d.id = c.district_id
         JOIN educators e ON e.id = c.educator_id JOIN leadership_roles r ON r.id = c.role_id
         JOIN LATERAL (SELECT id, confirmed_at FROM readiness_assessments WHERE candidate_id = c.id
                        ORDER BY confirmed_at DESC LIMIT 1) ra ON true
        WHERE c.stage IN ('engaged', 'developing', 'ready') AND d.remind_readiness_after_months IS NOT NULL
          AND ra.confirmed_at <= now() - make_interval(months => d.remind_readiness_after_months)`,
  );
  for (const c of readiness)
    for (const userId of await hr(c.district_id))
      out.push({
        districtId: c.district_id,
        userId,
        kind: 'reminder',
        title: `Readiness to review: ${c.name}`,
        body: `The readiness of ${c.name} for ${c.role} was last confirmed ${c.months} months ago. Confirm it again or change it.`,
        link: `/candidates/${c.id}/show`,
        dedupeKey: `reminder.readiness:${c.assessment}`,
      });

  // The candidate: an assignment whose opportunity starts in a week (once per assignment).
  const starting: { id: string; district_id: string; user_id: string; title: string; starts: string }[] = await q.query(
    `SELECT a.id, a.district_id, u.id AS user_id, o.title, to_char(o.starts_on, 'FMMonth FMDD') AS starts
         FROM assignments a JOIN candidates c ON c.id = a.candidate_id
         JOIN development_opportunities o ON o.id = a.opportunity_id
         JOIN users u ON u.educator_id = c.educator_id AND u.active
        WHERE a.status = 'assigned' AND o.starts_on BETWEEN current_date + 1 AND current_date + 7`,
  );
  for (const a of starting)
    out.push({
      districtId: a.district_id,
      userId: a.user_id,
      kind: 'assignment.starting',
      title: `Starting soon: ${a.title}`,
      body: `${a.title} starts on ${a.starts}.`,
      link: `/assignments/${a.id}/show`,
      dedupeKey: `assignment.starting:${a.id}`,
    });

  // Reviewers and the convener: a talent review session that meets tomorrow (once per meeting date).
  const sessions: { id: string; district_id: string; user_id: string; title: string; meets: string }[] = await q.query(
    `SELECT rs.id, rs.district_id, u.id AS user_id, rs.title, to_char(rs.meets_on, 'YYYY-MM-DD') AS meets
       FROM review_sessions rs
       JOIN users u ON u.active AND (u.id = rs.convened_by_user_id
         OR u.id IN (SELECT v.user_id FROM review_session_reviewers v WHERE v.session_id = rs.id))
      WHERE rs.status = 'open' AND rs.meets_on = current_date + 1`,
  );
  for (const r of sessions)
    out.push({
      districtId: r.district_id,
      userId: r.user_id,
      kind: 'reminder',
      title: `Talent review tomorrow: ${r.title}`,
      body: `${r.title} meets tomorrow (${r.meets}). Open it to read the candidates' profiles before the meeting.`,
      link: `/review-sessions/${r.id}/show`,
      dedupeKey: `reminder.review-session:${r.id}:${r.meets}`,
    });

  let written = 0;
  for (let i = 0; i < out.length; i += 500) written += await writeMessages(q, out.slice(i, i + 500), email);
  return written;
}
