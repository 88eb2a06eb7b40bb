import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { EmailChoice } from './email.entity.js';

/** The kinds a person chooses email for, in the words the settings page uses. */
export const EMAIL_KINDS = [
  { kind: 'nomination.submitted', label: 'A nomination waits for your review' },
  { kind: 'nomination.approved', label: 'You are nominated and asked to answer' },
  { kind: 'nomination.answered', label: 'A nominee answers a nomination you made or review' },
  { kind: 'candidate.moved', label: 'Your candidacy moves back, ends, or ends in a placement' },
  { kind: 'assignment.created', label: 'You are given a development assignment' },
  { kind: 'assignment.starting', label: 'Your assignment starts in a week' },
  { kind: 'assignment.completed', label: 'Your assignment is marked complete' },
  { kind: 'readiness.shared', label: 'Your readiness is shared with you' },
  { kind: 'review-session.invited', label: 'You are invited to a talent review session' },
  { kind: 'mentorship.requested', label: 'Someone asks you to be their mentor' },
  { kind: 'mentorship.answered', label: 'A mentor answers your request' },
  { kind: 'reminder', label: 'Reminders of what still waits for you' },
] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number]['kind'];
/** An unsubscribe link in a digest turns off every kind the person gets daily. */
export const DIGEST = 'digest';

const labelOf = (kind: string) => EMAIL_KINDS.find((k) => k.kind === kind)?.label ?? 'Daily digest';

/** One message as it leaves Emerge, whatever carries it (SMTP or the development outbox). */
export interface OutgoingMail {
  userId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Fixed per notification (or digest), so a resent message is recognisably the same one. */
  messageId: string;
  headers: Record<string, string>;
}

type Q = Pick<DataSource, 'query'>;

/**
 * Signs unsubscribe links: the link alone is the authority (one click, no sign-in), so it names one person and one
 * kind and is useless for any other.
 */
export class UnsubscribeTokens {
  constructor(private readonly secret: string) {}

  private sign(userId: string, kind: string): string {
    return createHmac('sha256', this.secret).update(`unsubscribe:${userId}:${kind}`).digest('base64url');
  }

  issue(userId: string, kind: string): string {
    return `${userId}.${kind}.${this.sign(userId, kind)}`;
  }

  /** The person and kind a token names, or null when it is not one of ours. */
  verify(token: string): { userId: string; kind: string } | null {
    const m = /^([0-9a-f-]{36})\.([a-z.]{1,60})\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!m) return null;
    const [, userId, kind, signature] = m as unknown as [string, string, string, string];
    if (kind !== DIGEST && !EMAIL_KINDS.some((k) => k.kind === kind)) return null;
    const expected = Buffer.from(this.sign(userId, kind));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given) ? { userId, kind } : null;
  }
}

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

interface Item {
  title: string;
  body: string;
  link: string;
}

/** Text and HTML of a message: each item with its link into the console, then how to stop such email. */
export class MailComposer {
  constructor(
    private readonly publicUrl: string,
    private readonly tokens: UnsubscribeTokens,
  ) {}

  private get host(): string {
    return new URL(this.publicUrl).hostname;
  }

  /** The console is hash-routed: `/candidates/1/show` is `<origin>/#/candidates/1/show`. */
  consoleUrl(link: string): string {
    return `${this.publicUrl}/#${link}`;
  }

  unsubscribeUrl(userId: string, kind: string): string {
    return `${this.publicUrl}/api/email/unsubscribe?token=${encodeURIComponent(this.tokens.issue(userId, kind))}`;
  }

  compose(
    to: { userId: string; email: string; name: string },
    subject: string,
    items: Item[],
    kind: string,
    messageKey: string,
  ): OutgoingMail {
    const unsubscribe = this.unsubscribeUrl(to.userId, kind);
    const settings = this.consoleUrl('/notification-settings');
    const stop = kind === DIGEST ? 'Stop the daily digest' : `Stop emails like this (${labelOf(kind).toLowerCase()})`;
    const text = [
      `Hello ${to.name},`,
      '',
      ...items.flatMap((i) => [i.title, i.body, `Open it: ${this.consoleUrl(i.link)}`, '']),
      '--',
      `${stop}: ${unsubscribe}`,
      `Choose which emails you get: ${settings}`,
      '',
    ].join('\n');
    const html = [
      '<!doctype html><html lang="en"><head><meta charset="utf-8">',
      `<title>${escapeHtml(subject)}</title></head>`,
      '<body style="font-family:Arial,Helvetica,sans-serif;color:#1a1a1a;line-height:1.5">',
      `<p>Hello ${escapeHtml(to.name)},</p>`,
      ...items.map(
        (i) =>
          `<h2 style="font-size:18px;margin:16px 0 4px">${escapeHtml(i.title)}</h2><p style="margin:0 0 8px">${escapeHtml(i.body)}</p>` +
          `<p><a href="${escapeHtml(this.consoleUrl(i.link))}" style="color:#0b57d0">Open it in Emerge</a></p>`,
      ),
      '<hr><p style="font-size:13px;color:#4a4a4a">',
      `<a href="${escapeHtml(unsubscribe)}" style="color:#0b57d0">${escapeHtml(stop)}</a> · `,
      `<a href="${escapeHtml(settings)}" style="color:#0b57d0">Choose which emails you get</a></p>`,
      '</body></html>',
    ].join('\n');
    return {
      userId: to.userId,
      to: to.email,
      subject,
      text,
      html,
      messageId: `<${messageKey}@${this.host}>`,
      // RFC 8058: a mail client may offer "unsubscribe" and POST to the link without opening a page.
      headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    };
  }
}

/** Carries a message out: to SMTP, or to the outbox table. Must be idempotent per messageId where it can be. */
export type SendMail = (mail: OutgoingMail) => Promise<void>;

/**
 * The job of one notification: email it when its recipient wants it immediately, then remember that it went.
 * A crash between the two sends it again with the same Message-ID (the outbox keeps one; mail clients fold
 * repeats of a Message-ID into one message).
 */
export async function emailNotification(
  q: Q,
  composer: MailComposer,
  send: SendMail,
  notificationId: string,
): Promise<boolean> {
  const [n] = await q.query(
    `SELECT n.id, n.user_id AS "userId", n.kind, n.title, n.body, n.link, u.email, u.name,
            coalesce(s.email, 'immediate') AS choice
       FROM notifications n JOIN users u ON u.id = n.user_id AND u.active
       LEFT JOIN notification_settings s ON s.user_id = n.user_id AND s.kind = n.kind
      WHERE n.id = $1 AND n.emailed_at IS NULL`,
    [notificationId],
  );
  if (!n || (n.choice as EmailChoice) !== 'immediate') return false;
  await send(composer.compose(n, n.title, [n], n.kind, `notification-${n.id}`));
  await q.query(`UPDATE notifications SET emailed_at = now() WHERE id = $1`, [notificationId]);
  return true;
}

/** How far back a digest looks: what waited longer than a week is left to the bell. */
const DIGEST_WINDOW = `interval '7 days'`;

/** The daily job: one digest job per person with notifications waiting for it (keyed by person and day). */
export async function queueDigests(q: Q): Promise<number> {
  const rows: unknown[] = await q.query(
    `SELECT graphile_worker.add_job('send-digest', json_build_object('userId', p.user_id, 'day', current_date),
              job_key => 'digest:' || p.user_id || ':' || current_date, max_attempts => 25)
       FROM (SELECT DISTINCT s.user_id FROM notification_settings s
               JOIN notifications n ON n.user_id = s.user_id AND n.kind = s.kind
                AND n.emailed_at IS NULL AND n.created_at > now() - ${DIGEST_WINDOW}
              WHERE s.email = 'daily') p`,
  );
  return rows.length;
}

/** One person's digest of a day: every waiting notification of a kind they get daily, in one message. */
export async function sendDigest(
  q: Q,
  composer: MailComposer,
  send: SendMail,
  { userId, day }: { userId: string; day: string },
): Promise<number> {
  const rows: { id: string; title: string; body: string; link: string; email: string; name: string }[] = await q.query(
    `SELECT n.id, n.title, n.body, n.link, u.email, u.name
       FROM notifications n JOIN users u ON u.id = n.user_id AND u.active
       JOIN notification_settings s ON s.user_id = n.user_id AND s.kind = n.kind AND s.email = 'daily'
      WHERE n.user_id = $1 AND n.emailed_at IS NULL AND n.created_at > now() - ${DIGEST_WINDOW}
      ORDER BY n.created_at`,
    [userId],
  );
  if (rows.length === 0) return 0;
  const to = { userId, email: rows[0]!.email, name: rows[0]!.name };
  const subject = rows.length === 1 ? `Emerge: ${rows[0]!.title}` : `Emerge: ${rows.length} updates for you`;
  // The Message-ID names the exact notifications: a retry after a crash sends the same message, while a digest
  // that has gained items since is a new message (not one a mail client would fold away as a repeat).
  const items = createHash('sha256')
    .update(rows.map((r) => r.id).join(','))
    .digest('hex')
    .slice(0, 16);
  await send(composer.compose(to, subject, rows, DIGEST, `digest-${userId}-${day}-${items}`));
  await q.query(`UPDATE notifications SET emailed_at = now() WHERE id = ANY($1::uuid[])`, [rows.map((r) => r.id)]);
  return rows.length;
}

/** The person's choices, every kind listed (no row: immediately). */
export async function settingsOf(q: Q, userId: string): Promise<{ kind: string; label: string; email: EmailChoice }[]> {
  const rows: { kind: string; email: EmailChoice }[] = await q.query(
    `SELECT kind, email FROM notification_settings WHERE user_id = $1`,
    [userId],
  );
  const chosen = new Map(rows.map((r) => [r.kind, r.email]));
  return EMAIL_KINDS.map(({ kind, label }) => ({ kind, label, email: chosen.get(kind) ?? 'immediate' }));
}

/** Records choices (a person removed meanwhile records nothing). */
export async function chooseEmail(
  q: Q,
  userId: string,
  choices: { kind: string; email: EmailChoice }[],
): Promise<void> {
  // A kind named twice: the last choice counts (one row may not be upserted twice in a statement).
  choices = [...new Map(choices.map((c) => [c.kind, c])).values()];
  if (choices.length === 0) return;
  await q.query(
    `INSERT INTO notification_settings (user_id, kind, email)
     SELECT $1, c.kind, c.email FROM json_to_recordset($2::json) AS c(kind text, email text)
      WHERE EXISTS (SELECT 1 FROM users WHERE id = $1)
     ON CONFLICT (user_id, kind) DO UPDATE SET email = excluded.email, updated_at = now()
       WHERE notification_settings.email IS DISTINCT FROM excluded.email`,
    [userId, JSON.stringify(choices)],
  );
}

/** A one-click unsubscribe: that kind off, or for a digest every kind that came daily. */
export async function unsubscribe(q: Q, userId: string, kind: string): Promise<string[]> {
  const kinds =
    kind === DIGEST ? (await settingsOf(q, userId)).filter((s) => s.email === 'daily').map((s) => s.kind) : [kind];
  await chooseEmail(
    q,
    userId,
    kinds.map((k) => ({ kind: k, email: 'off' as const })),
  );
  return kinds.map(labelOf);
}
