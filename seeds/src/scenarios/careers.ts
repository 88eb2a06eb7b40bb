import { SeededRandom } from '@emerge/api/testing';
import type { EntityManager } from 'typeorm';

const BANDS = ['elementary', 'middle', 'high'] as const;

/**
 * Career profiles (docs/slates.md) for the district's candidates who accepted and a few teachers: about a third
 * would move anywhere, a third list kinds of school (their own and one more) and a school, one in ten not now,
 * the rest have not said, so every reason a slate gives for willingness appears in the demo.
 */
export async function seedCareerProfiles(m: EntityManager, districtId: string, seed: number): Promise<number> {
  const random = new SeededRandom(seed);
  const schools: { id: string; band: string }[] = await m.query(
    'SELECT id, grade_band AS band FROM schools WHERE district_id = $1 ORDER BY code',
    [districtId],
  );
  const people: { educatorId: string; band: string | null; candidate: boolean }[] = await m.query(
    `SELECT e.id AS "educatorId", s.grade_band AS band,
            EXISTS (SELECT 1 FROM candidates c WHERE c.educator_id = e.id
                      AND c.stage IN ('engaged', 'developing', 'ready')) AS candidate
       FROM educators e LEFT JOIN schools s ON s.id = e.school_id
      WHERE e.district_id = $1 AND e.status = 'active'
        AND NOT EXISTS (SELECT 1 FROM users u WHERE u.educator_id = e.id) -- the demo logins start with none
      ORDER BY e.employee_number`,
    [districtId],
  );
  let written = 0;
  for (const p of people) {
    if (!p.candidate && !random.chance(0.04)) continue;
    const roll = random.next();
    if (roll < 0.25) continue;
    const willingness = roll < 0.55 ? 'anywhere' : roll < 0.9 ? 'listed' : 'not_now';
    const bands = willingness === 'listed' ? [...new Set([p.band ?? 'high', random.pick(BANDS)])] : [];
    const listedSchools = willingness === 'listed' && random.chance(0.5) ? [random.pick(schools).id] : [];
    await m.query(
      `INSERT INTO career_profiles (educator_id, district_id, open_to_nomination, move_willingness, move_grade_bands)
       VALUES ($1, $2, $3, $4, $5::school_grade_band[])`,
      [p.educatorId, districtId, !p.candidate || random.chance(0.5), willingness, bands],
    );
    for (const schoolId of listedSchools) {
      await m.query('INSERT INTO career_profile_schools (educator_id, school_id, district_id) VALUES ($1, $2, $3)', [
        p.educatorId,
        schoolId,
        districtId,
      ]);
    }
    written++;
  }
  return written;
}
