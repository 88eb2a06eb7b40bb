import { gapsOf, mentorsWhoFit } from '@emerge/api';
import { Factories, SeededRandom } from '@emerge/api/testing';
import type { EntityManager } from 'typeorm';

const TOPICS = [
  'Reading the school improvement plan together',
  'Preparing a difficult conversation with a parent group',
  'Leading the first PLC of the year',
  'Budget choices for next year',
  'Shadowing a walkthrough and debriefing it',
  'Planning the family night',
  'Giving feedback after an observation',
  '',
];
const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export interface DemoMentor {
  /** The login the demo prints. */
  email: string;
  password: string;
  /** The school whose assistant principal (or else principal) mentors. */
  schoolCode: string;
  /** A demo candidacy they mentor from the start (Elena's). */
  menteeCandidateId: string;
}

/**
 * Mentors (docs/development.md): leaders in seats, with a login, who take two or three mentees; active
 * mentorships with the sessions logged for about four in ten developing, ready, placed and supported candidates,
 * each with the mentor who fits best by the API's own rule. With `demo`, one of them signs in as the demo mentor,
 * mentors Elena and has a request waiting.
 */
export async function seedMentors(
  m: EntityManager,
  f: Factories,
  districtId: string,
  seed: number,
  demo?: DemoMentor,
): Promise<number> {
  const random = new SeededRandom(seed);
  const leaders: { id: string; email: string | null; name: string; schoolCode: string | null; title: string }[] =
    await m.query(
      `SELECT DISTINCT ON (e.id) e.id, e.email, e.first_name || ' ' || e.last_name AS name, s.code AS "schoolCode",
              r.title
         FROM positions p JOIN leadership_roles r ON r.id = p.role_id JOIN educators e ON e.id = p.incumbent_educator_id
         LEFT JOIN schools s ON s.id = e.school_id
        WHERE p.district_id = $1 AND e.status = 'active'
          AND NOT EXISTS (SELECT 1 FROM users u WHERE u.educator_id = e.id)
        ORDER BY e.id, r.level DESC`,
      [districtId],
    );
  leaders.sort((a, b) => a.name.localeCompare(b.name));
  const demoLeader = demo
    ? (leaders.find((l) => l.schoolCode === demo.schoolCode && /assistant/i.test(l.title)) ??
      leaders.find((l) => l.schoolCode === demo.schoolCode))
    : undefined;
  const chosen = leaders.filter((l) => l === demoLeader || (l.email && random.chance(0.5)));
  const mentorUser = new Map<string, string>();
  for (const l of chosen) {
    const demoOne = l === demoLeader;
    if (demoOne) await m.query('UPDATE educators SET email = $2 WHERE id = $1', [l.id, demo!.email]);
    const user = await f.createUser({
      email: demoOne ? demo!.email : l.email!,
      name: l.name,
      role: 'educator',
      districtId,
      educatorId: l.id,
      // The others have been invited: they set a password (or use the district's sign-in) when they first answer.
      password: demoOne ? demo!.password : null,
    });
    mentorUser.set(l.id, user.id);
    await m.query('INSERT INTO mentors (educator_id, district_id, capacity) VALUES ($1, $2, $3)', [
      l.id,
      districtId,
      demoOne ? 3 : random.int(2, 3),
    ]);
  }

  const candidacies: { id: string }[] = await m.query(
    `SELECT c.id FROM candidates c
      WHERE c.district_id = $1 AND c.stage IN ('developing', 'ready', 'placed', 'supported')
        AND NOT EXISTS (SELECT 1 FROM users x WHERE x.educator_id = c.educator_id)
      ORDER BY c.created_at, c.id`,
    [districtId],
  );
  const pairs: { candidateId: string; mentorId?: string; pending?: boolean }[] = [];
  if (demo && demoLeader) pairs.push({ candidateId: demo.menteeCandidateId, mentorId: demoLeader.id });
  for (const c of candidacies) if (random.chance(0.4)) pairs.push({ candidateId: c.id });
  let written = 0;
  let pendingForDemo = false;
  for (const pair of pairs) {
    const fitting = await mentorsWhoFit(m, pair.candidateId, await gapsOf(m, pair.candidateId));
    const pendingHere =
      !!demoLeader && !pendingForDemo && !pair.mentorId && fitting.some((x) => x.id === demoLeader.id);
    const best = pair.mentorId
      ? fitting.find((x) => x.id === pair.mentorId)
      : pendingHere
        ? fitting.find((x) => x.id === demoLeader.id)
        : fitting.filter((x) => x.id !== demoLeader?.id).sort((a, b) => b.strengths.length - a.strengths.length)[0];
    if (!best) continue;
    const answeredDaysAgo = random.int(20, 240);
    const requestedAt = new Date(Date.now() - (pendingHere ? 3 : answeredDaysAgo + random.int(2, 10)) * DAY);
    const answeredAt = pendingHere ? null : new Date(Date.now() - answeredDaysAgo * DAY);
    const [row]: { id: string }[] = await m.query(
      `INSERT INTO mentorships (district_id, candidate_id, mentor_educator_id, status, message, requested_at,
         answered_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6::timestamptz, $7::timestamptz, $6::timestamptz, coalesce($7::timestamptz, $6::timestamptz)) RETURNING id`,
      [
        districtId,
        pair.candidateId,
        best.id,
        pendingHere ? 'requested' : 'active',
        pendingHere ? 'I would value your view on running a school team; could we meet every few weeks?' : '',
        requestedAt,
        answeredAt,
      ],
    );
    if (pendingHere) {
      pendingForDemo = true;
      continue;
    }
    await m.query('UPDATE mentors SET taken = taken + 1 WHERE educator_id = $1', [best.id]);
    await m.query('UPDATE candidates SET mentor_educator_id = $2 WHERE id = $1', [pair.candidateId, best.id]);
    // A meeting every three weeks or so since the mentorship began.
    for (let d = answeredDaysAgo - random.int(3, 10); d > 0; d -= random.int(14, 28)) {
      await m.query(
        `INSERT INTO mentoring_sessions (mentorship_id, district_id, held_on, minutes, topic, logged_by_user_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          row!.id,
          districtId,
          isoDay(new Date(Date.now() - d * DAY)),
          random.pick([30, 45, 60, 60, 90]),
          random.pick(TOPICS),
          mentorUser.get(best.id) ?? null,
          new Date(Date.now() - d * DAY),
        ],
      );
    }
    written += 1;
  }
  return written;
}
