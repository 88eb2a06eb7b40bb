import type { LeadershipLevel } from '../educators/educator.entity.js';

type Q = { query(sql: string, params?: unknown[]): Promise<unknown> };

const RANKS = `ARRAY['classroom', 'school', 'district']`;

/**
 * An educator's level: the highest of the seats they hold and of the roster's current leadership level;
 * classroom when neither says more. `educator` is the SQL naming their id.
 */
export const levelOf = (educator: string) => `coalesce((
  SELECT (${RANKS})[max(array_position(${RANKS}, l))]
    FROM (SELECT r.level::text AS l FROM positions p JOIN leadership_roles r ON r.id = p.role_id
           WHERE p.incumbent_educator_id = ${educator}
          UNION ALL SELECT le.leadership_level::text FROM educators le WHERE le.id = ${educator}) x), 'classroom')`;

export interface Gap {
  id: string;
  title: string;
  target: number;
}

export interface FittingMentor {
  id: string;
  firstName: string;
  lastName: string;
  jobTitle: string | null;
  schoolName: string | null;
  level: LeadershipLevel;
  room: number;
  /** Titles of the gaps on which the mentor's own evidence meets the target. */
  strengths: string[];
}

/** The competencies where the candidacy is below its role's target, the largest gap first. */
export function gapsOf(q: Q, candidateId: string): Promise<Gap[]> {
  return q.query(
    `SELECT k.id, k.title, rt.target_level AS target
       FROM candidates c JOIN role_targets rt ON rt.role_id = c.role_id
       JOIN competencies k ON k.id = rt.competency_id
       LEFT JOIN target_levels tl ON tl.candidate_id = c.id AND tl.competency_id = rt.competency_id
      WHERE c.id = $1 AND coalesce(tl.level, 0) < rt.target_level
      ORDER BY rt.target_level - coalesce(tl.level, 0) DESC, k.title`,
    [candidateId],
  ) as Promise<Gap[]>;
}

/**
 * Mentors who fit a candidacy: active, with a login and room, not the candidate, not their line manager (a
 * school leader of the candidate's school), at the role's level or the next one up; with the gaps their own
 * evidence (latest ratings and kept target levels of their own candidacies) meets. Emerge holds no reporting
 * lines, so a district-office candidate's manager is not known and nobody is left out for it.
 */
export function mentorsWhoFit(q: Q, candidateId: string, gaps: Gap[]): Promise<FittingMentor[]> {
  return q.query(
    `WITH cand AS (
       SELECT c.id, c.district_id, c.educator_id, ce.school_id,
              array_position(${RANKS}, r.level::text) AS target_rank
         FROM candidates c JOIN educators ce ON ce.id = c.educator_id JOIN leadership_roles r ON r.id = c.role_id
        WHERE c.id = $1),
     gap AS (SELECT * FROM jsonb_to_recordset($2::jsonb) AS g(id uuid, title text, target int)),
     pool AS (
       SELECT m.educator_id, m.capacity - m.taken AS room, ${levelOf('m.educator_id')} AS level
         FROM mentors m JOIN cand ON cand.district_id = m.district_id
         JOIN educators me ON me.id = m.educator_id AND me.status = 'active'
        WHERE m.active AND m.taken < m.capacity AND m.educator_id <> cand.educator_id
          AND EXISTS (SELECT 1 FROM users u WHERE u.educator_id = m.educator_id AND u.active)
          -- The line manager: a school leader of the candidate's own school, by seat or by the roster.
          AND NOT (cand.school_id IS NOT NULL AND (me.school_id IS NOT DISTINCT FROM cand.school_id
              AND me.leadership_level IS NOT DISTINCT FROM 'school'
            OR EXISTS (SELECT 1 FROM positions p JOIN leadership_roles pr ON pr.id = p.role_id
                        WHERE p.incumbent_educator_id = m.educator_id AND pr.level = 'school'
                          AND p.school_id = cand.school_id))))
     SELECT pool.educator_id AS id, e.first_name AS "firstName", e.last_name AS "lastName",
            e.job_title AS "jobTitle", s.name AS "schoolName", pool.level, pool.room,
            ARRAY(SELECT g.title FROM gap g
                   WHERE (SELECT max(x.level) FROM (
                            SELECT lr.level FROM latest_ratings lr JOIN candidates mc ON mc.id = lr.candidate_id
                             WHERE mc.educator_id = pool.educator_id AND lr.competency_id = g.id
                            UNION ALL
                            SELECT tl.level FROM target_levels tl JOIN candidates mc ON mc.id = tl.candidate_id
                             WHERE mc.educator_id = pool.educator_id AND tl.competency_id = g.id) x) >= g.target
                   ORDER BY g.title) AS strengths
       FROM pool CROSS JOIN cand JOIN educators e ON e.id = pool.educator_id
       LEFT JOIN schools s ON s.id = e.school_id
      WHERE array_position(${RANKS}, pool.level) - cand.target_rank IN (0, 1)`,
    [candidateId, JSON.stringify(gaps)],
  ) as Promise<FittingMentor[]>;
}
