import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { enqueue } from '../../jobs/job-queue.js';

/** What happened, named by the record it happened to. */
export const EVENTS = [
  'nomination.submitted',
  'nomination.approved',
  'candidate.moved',
  'assignment.created',
  'assignment.completed',
  'readiness.shared',
  'review-session.invited',
  'mentorship.requested',
  'mentorship.answered',
] as const;
export type NotifyEvent = (typeof EVENTS)[number];

export interface NotifyPayload {
  event: NotifyEvent;
  /** The nomination, stage transition, assignment or candidate. */
  id: string;
  /** This occurrence: a retried job keeps it, so each person gets each message once. */
  occurrence: string;
}

/** Queues the notifications of an event in the caller's transaction (nothing is sent if it rolls back). */
export function notifyLater(m: EntityManager, event: NotifyEvent, id: string): Promise<void> {
  const occurrence = randomUUID();
  return enqueue(m, 'notify', { event, id, occurrence } satisfies NotifyPayload, `${event}:${id}:${occurrence}`);
}

export interface Message {
  userId: string;
  districtId: string | null;
  kind: NotifyEvent | 'nomination.answered' | 'assignment.starting';
  title: string;
  body: string;
  link: string;
  /** Once per person and key whatever the occurrence (e.g. an invitation, not again when the session is edited). */
  dedupeKey?: string;
}

type Q = Pick<DataSource, 'query'>;

const ORDER = ['identified', 'engaged', 'developing', 'ready', 'placed', 'supported'];

/** The active logins of an educator (usually one). */
export async function loginsOf(q: Q, educatorId: string): Promise<string[]> {
  const rows: { id: string }[] = await q.query(`SELECT id FROM users WHERE educator_id = $1 AND active`, [educatorId]);
  return rows.map((r) => r.id);
}

/** One message to each login of an educator. */
async function toEducator(q: Q, educatorId: string, message: Omit<Message, 'userId'>): Promise<Message[]> {
  return (await loginsOf(q, educatorId)).map((userId) => ({ userId, ...message }));
}

export async function hrOf(q: Q, districtId: string): Promise<string[]> {
  const rows: { id: string }[] = await q.query(
    `SELECT id FROM users WHERE district_id = $1 AND role = 'hr' AND active`,
    [districtId],
  );
  return rows.map((r) => r.id);
}

/**
 * The messages an event gives, read when the job runs. Only what the recipient may already see travels: names,
 * roles, stages and titles; never a rationale, a private note, a demographic or an unshared readiness.
 */
export async function compose(q: Q, { event, id }: NotifyPayload): Promise<Message[]> {
  switch (event) {
    case 'nomination.submitted': {
      const [n] = await q.query(
        `SELECT n.district_id, n.nominator_user_id, r.title AS role, e.first_name || ' ' || e.last_name AS nominee,
                u.name AS nominator
           FROM nominations n JOIN leadership_roles r ON r.id = n.target_role_id
           JOIN educators e ON e.id = n.educator_id JOIN users u ON u.id = n.nominator_user_id
          WHERE n.id = $1 AND n.status = 'submitted'`,
        [id],
      );
      if (!n) return [];
      const hr = (await hrOf(q, n.district_id)).filter((userId) => userId !== n.nominator_user_id);
      return hr.map((userId) => ({
        userId,
        districtId: n.district_id,
        kind: event,
        title: `New nomination to review: ${n.nominee}`,
        body: `${n.nominator} nominated ${n.nominee} for ${n.role}. Approve or decline it in Emerge.`,
        link: `/nominations/${id}/show`,
      }));
    }
    case 'nomination.approved': {
      const [n] = await q.query(
        `SELECT n.district_id, n.educator_id, n.candidate_id, r.title AS role
           FROM nominations n JOIN leadership_roles r ON r.id = n.target_role_id
          WHERE n.id = $1 AND n.status = 'approved'`,
        [id],
      );
      if (!n) return [];
      return toEducator(q, n.educator_id, {
        districtId: n.district_id,
        kind: event,
        title: `You have been nominated for ${n.role}`,
        body: `Your district would like to develop you as a future ${n.role}. Open your candidacy to accept or decline.`,
        link: `/candidates/${n.candidate_id}/show`,
      });
    }
    case 'candidate.moved':
      return moved(q, id);
    case 'assignment.created': {
      const [a] = await q.query(
        `SELECT a.district_id, c.educator_id, o.title, a.due_on::text AS due
           FROM assignments a JOIN candidates c ON c.id = a.candidate_id
           JOIN development_opportunities o ON o.id = a.opportunity_id WHERE a.id = $1`,
        [id],
      );
      if (!a) return [];
      return toEducator(q, a.educator_id, {
        districtId: a.district_id,
        kind: event,
        title: `New assignment: ${a.title}`,
        body: `You have been assigned to ${a.title}${a.due ? `, due ${a.due}` : ''}.`,
        link: `/assignments/${id}/show`,
      });
    }
    case 'assignment.completed': {
      const [a] = await q.query(
        `SELECT a.district_id, c.educator_id, o.title FROM assignments a JOIN candidates c ON c.id = a.candidate_id
           JOIN development_opportunities o ON o.id = a.opportunity_id WHERE a.id = $1 AND a.status = 'completed'`,
        [id],
      );
      if (!a) return [];
      return toEducator(q, a.educator_id, {
        districtId: a.district_id,
        kind: event,
        title: `Completed: ${a.title}`,
        body: `${a.title} is marked complete. The levels it confirmed are now evidence in your competency profile.`,
        link: `/assignments/${id}/show`,
      });
    }
    case 'review-session.invited': {
      // Every reviewer, each once per session: editing the session tells only the newly invited.
      const rows: {
        district_id: string;
        user_id: string;
        title: string;
        meets: string | null;
        convener: string | null;
      }[] = await q.query(
        `SELECT rs.district_id, v.user_id, rs.title, to_char(rs.meets_on, 'YYYY-MM-DD') AS meets, u.name AS convener
             FROM review_sessions rs JOIN review_session_reviewers v ON v.session_id = rs.id
             JOIN users r ON r.id = v.user_id AND r.active LEFT JOIN users u ON u.id = rs.convened_by_user_id
            WHERE rs.id = $1 AND rs.status = 'open'`,
        [id],
      );
      return rows.map((r) => ({
        userId: r.user_id,
        districtId: r.district_id,
        kind: event,
        title: `Talent review: ${r.title}`,
        body: `${r.convener ?? 'Your district'} invites you to review ${r.title}${r.meets ? `, meeting on ${r.meets}` : ''}. Open it to see the candidates of your scope before the meeting.`,
        link: `/review-sessions/${id}/show`,
        dedupeKey: `review-session.invited:${id}`,
      }));
    }
    case 'readiness.shared': {
      const [c] = await q.query(
        `SELECT c.district_id, c.educator_id, r.title AS role FROM candidates c
           JOIN leadership_roles r ON r.id = c.role_id WHERE c.id = $1 AND c.readiness_shared`,
        [id],
      );
      if (!c) return [];
      return toEducator(q, c.educator_id, {
        districtId: c.district_id,
        kind: event,
        title: `Your readiness for ${c.role} is shared with you`,
        body: `You can now read how ready you are judged for ${c.role}, and why.`,
        link: `/candidates/${id}/show`,
      });
    }
    case 'mentorship.requested':
    case 'mentorship.answered': {
      const [ms] = await q.query(
        `SELECT ms.district_id, ms.status::text AS status, ms.mentor_educator_id, c.educator_id,
                e.first_name || ' ' || e.last_name AS mentee, me.first_name || ' ' || me.last_name AS mentor,
                r.title AS role
           FROM mentorships ms JOIN candidates c ON c.id = ms.candidate_id
           JOIN educators e ON e.id = c.educator_id JOIN educators me ON me.id = ms.mentor_educator_id
           JOIN leadership_roles r ON r.id = c.role_id WHERE ms.id = $1`,
        [id],
      );
      if (!ms) return [];
      if (event === 'mentorship.requested') {
        if (ms.status !== 'requested') return [];
        return toEducator(q, ms.mentor_educator_id, {
          districtId: ms.district_id,
          kind: event,
          title: `${ms.mentee} asks you to be their mentor`,
          body: `${ms.mentee}, preparing for ${ms.role}, would like you as their mentor. Accept or decline it in Emerge.`,
          link: `/mentorships/${id}/show`,
        });
      }
      if (ms.status !== 'active' && ms.status !== 'declined') return [];
      return toEducator(q, ms.educator_id, {
        districtId: ms.district_id,
        kind: event,
        title: ms.status === 'active' ? `${ms.mentor} is your mentor` : `${ms.mentor} cannot mentor you now`,
        body:
          ms.status === 'active'
            ? `${ms.mentor} accepted your request. They can now read your development plan.`
            : `${ms.mentor} declined your request. Choose another suggested mentor from your path.`,
        link: `/mentorships/${id}/show`,
      });
    }
  }
}

/** A move: the nominee's answer goes to the nominators and hr; placement, a step back or an exit to the candidate. */
async function moved(q: Q, transitionId: string): Promise<Message[]> {
  const [t] = await q.query(
    `SELECT t.district_id, t.candidate_id, t.from_stage, t.to_stage, t.actor_user_id, c.educator_id,
            r.title AS role, e.first_name || ' ' || e.last_name AS name
       FROM stage_transitions t JOIN candidates c ON c.id = t.candidate_id
       JOIN leadership_roles r ON r.id = c.role_id JOIN educators e ON e.id = c.educator_id
      WHERE t.id = $1`,
    [transitionId],
  );
  if (!t || !t.from_stage) return [];
  const own = await loginsOf(q, t.educator_id);
  if (t.from_stage === 'identified' && (t.to_stage === 'engaged' || t.to_stage === 'exited')) {
    const answer = t.to_stage === 'engaged' ? 'accepted' : 'declined';
    const nominations: { id: string; nominator: string }[] = await q.query(
      `SELECT id, nominator_user_id AS nominator FROM nominations WHERE candidate_id = $1 AND status = 'approved'`,
      [t.candidate_id],
    );
    const hr = await hrOf(q, t.district_id);
    // A nominator who is not hr may not read the candidacy, but reads their own nomination.
    const recipients = [
      ...nominations.map((n) => ({ userId: n.nominator, link: `/nominations/${n.id}/show`, yours: true })),
      ...hr.map((userId) => ({ userId, link: `/candidates/${t.candidate_id}/show`, yours: false })),
    ];
    const out: Message[] = [];
    const told = new Set<string>(own);
    for (const r of recipients) {
      if (told.has(r.userId)) continue;
      told.add(r.userId);
      out.push({
        userId: r.userId,
        districtId: t.district_id,
        kind: 'nomination.answered',
        title: `${t.name} ${answer} the nomination`,
        body: `${t.name} ${answer} ${r.yours ? 'your' : 'the'} nomination for ${t.role}.`,
        link: hr.includes(r.userId) ? `/candidates/${t.candidate_id}/show` : r.link,
      });
    }
    return out;
  }
  const back = ORDER.indexOf(t.to_stage) >= 0 && ORDER.indexOf(t.to_stage) < ORDER.indexOf(t.from_stage);
  if (t.to_stage !== 'placed' && t.to_stage !== 'exited' && !back) return [];
  // The candidate's own move (e.g. withdrawing) needs no message to them.
  return own
    .filter((userId) => userId !== t.actor_user_id)
    .map((userId) => ({
      userId,
      districtId: t.district_id,
      kind: 'candidate.moved' as const,
      title:
        t.to_stage === 'placed'
          ? `You have been placed as ${t.role}`
          : `Your candidacy for ${t.role} is now ${t.to_stage}`,
      body:
        t.to_stage === 'placed'
          ? `Congratulations: your candidacy for ${t.role} ended in a placement.`
          : `Your candidacy for ${t.role} moved from ${t.from_stage} to ${t.to_stage}. Open it to read why.`,
      link: `/candidates/${t.candidate_id}/show`,
    }));
}

/**
 * The job: writes each message once per person and occurrence, whatever the retries, and with `email` queues
 * each new one's email (see `writeMessages`).
 */
export async function deliver(q: Q, payload: NotifyPayload, email: boolean): Promise<number> {
  const key = `${payload.event}:${payload.id}:${payload.occurrence}`;
  return writeMessages(
    q,
    (await compose(q, payload)).map((m) => ({ ...m, dedupeKey: m.dedupeKey ?? key })),
    email,
  );
}

/**
 * Writes messages, each at most once per person and key, and with `email` queues each new one's email in the
 * same statement (keyed by the notification, so it too is queued once). Returns how many were new.
 */
export async function writeMessages(
  q: Q,
  messages: (Omit<Message, 'kind'> & { kind: string; dedupeKey: string })[],
  email: boolean,
): Promise<number> {
  if (messages.length === 0) return 0;
  const rows: unknown[] = await q.query(
    `WITH written AS (
       INSERT INTO notifications (district_id, user_id, kind, title, body, link, dedupe_key)
       SELECT m."districtId", m."userId", m.kind, left(m.title, 300), m.body, m.link, m."dedupeKey"
         FROM json_to_recordset($1::json)
           AS m("districtId" uuid, "userId" uuid, kind text, title text, body text, link text, "dedupeKey" text)
       ON CONFLICT ON CONSTRAINT uq_notifications_user_dedupe DO NOTHING RETURNING id)
     SELECT id, CASE WHEN $2 THEN graphile_worker.add_job('email', json_build_object('notificationId', id),
                 job_key => 'email:' || id, max_attempts => 25) END AS job
       FROM written`,
    [JSON.stringify(messages), email],
  );
  return rows.length;
}
