import type { EntityManager } from 'typeorm';

/**
 * When a candidacy exits, its request is withdrawn and its mentorship ended, freeing the mentor's place, in the
 * transaction that moves it. Returns whether a mentorship was ended (the candidacy then names no mentor).
 */
export async function closeMentorshipsOf(
  m: EntityManager,
  candidateId: string,
  userId: string | null,
): Promise<boolean> {
  const rows: { status: string }[] = await m.query(
    `WITH closed AS (
       UPDATE mentorships SET status = CASE WHEN status = 'active' THEN 'ended' ELSE 'withdrawn' END::mentorship_status,
              ended_at = now(), ended_by_user_id = $2, updated_at = now(), version = version + 1
        WHERE candidate_id = $1 AND status IN ('requested', 'active')
        RETURNING mentor_educator_id, status),
     freed AS (
       UPDATE mentors SET taken = taken - 1, updated_at = now(), version = version + 1
         FROM closed WHERE closed.status = 'ended' AND mentors.educator_id = closed.mentor_educator_id)
     SELECT status::text AS status FROM closed`,
    [candidateId, userId],
  );
  return rows.some((r) => r.status === 'ended');
}
