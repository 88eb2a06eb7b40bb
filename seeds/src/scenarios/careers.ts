import { draftActions, type OpenOpportunity } from '@emerge/api';
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

const STATES = ['OH', 'OH', 'OH', 'MI', 'PA'] as const;
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/**
 * Credentials (docs/slates.md): the district's principal and assistant-principal roles require a licence, and
 * their candidates who accepted hold licences in every standing a placement can meet (verified, waiting for
 * hr, expired, none), and often a master's degree.
 */
export async function seedCredentials(
  m: EntityManager,
  districtId: string,
  hrUserId: string,
  seed: number,
): Promise<number> {
  const random = new SeededRandom(seed);
  await m.query(
    `UPDATE leadership_roles SET requires_licence = true WHERE district_id = $1 AND title IN ('Principal', 'Assistant principal')`,
    [districtId],
  );
  const people: { educatorId: string; stage: string }[] = await m.query(
    `SELECT DISTINCT ON (c.educator_id) c.educator_id AS "educatorId", c.stage::text AS stage
       FROM candidates c JOIN leadership_roles r ON r.id = c.role_id
      WHERE c.district_id = $1 AND r.requires_licence AND c.stage IN ('engaged', 'developing', 'ready')
      ORDER BY c.educator_id, c.stage DESC`,
    [districtId],
  );
  let written = 0;
  const add = async (educatorId: string, values: unknown[]) => {
    await m.query(
      `INSERT INTO career_credentials (educator_id, district_id, kind, title, issuer, state, number, issued_on, expires_on,
         verified_by_user_id, verified_at, updated_by_user_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, CASE WHEN $10::uuid IS NULL THEN NULL ELSE now() - interval '20 days' END, $10)`,
      [educatorId, districtId, ...values],
    );
    written++;
  };
  for (const p of people) {
    const roll = random.next();
    // Ready candidates mostly hold one; those still developing often are working towards it.
    const odds = p.stage === 'ready' ? [0.55, 0.75, 0.85] : [0.2, 0.45, 0.55];
    if (roll < odds[2]!) {
      const state = random.pick(STATES);
      const expired = roll >= odds[1]!;
      const issued = day(-random.int(expired ? 2200 : 200, expired ? 3000 : 1500));
      await add(p.educatorId, [
        'licence',
        'Principal licence (building level)',
        `${state} Department of Education`,
        state,
        `${state}-${random.int(100000, 999999)}`,
        issued,
        expired ? day(-random.int(10, 300)) : day(random.int(200, 1800)),
        roll < odds[0]! || expired ? hrUserId : null,
      ]);
    }
    if (random.chance(0.5)) {
      await add(p.educatorId, [
        'degree',
        'M.Ed. Educational Leadership',
        random.pick(['Riverbend State University', 'Lakeside College', 'Northern University']),
        null,
        null,
        day(-random.int(400, 4000)),
        null,
        random.chance(0.7) ? hrUserId : null,
      ]);
    }
  }
  return written;
}

/**
 * Agreed development plans (docs/development.md) for about half the candidates developing or ready, drafted by
 * the API's own rule from their gaps as they stand, agreed one to four months ago: the actions due since are
 * mostly done and some overdue, so the coordinator's home has something to follow up. The demo logins'
 * candidacies start without one, for the journey.
 */
export async function seedDevelopmentPlans(
  m: EntityManager,
  districtId: string,
  coordinatorUserId: string,
  seed: number,
): Promise<number> {
  const random = new SeededRandom(seed);
  const candidacies: { id: string; roleId: string }[] = await m.query(
    `SELECT c.id, c.role_id AS "roleId"
       FROM candidates c
      WHERE c.district_id = $1 AND c.stage IN ('developing', 'ready')
        AND NOT EXISTS (SELECT 1 FROM users x WHERE x.educator_id = c.educator_id)
      ORDER BY c.created_at, c.id`,
    [districtId],
  );
  const opportunities: OpenOpportunity[] = await m.query(
    `SELECT o.id, o.title, o.seats - o.seats_taken AS "seatsLeft", to_char(o.ends_on, 'YYYY-MM-DD') AS "endsOn",
            ARRAY(SELECT oc.competency_id FROM opportunity_competencies oc WHERE oc.opportunity_id = o.id) AS "competencyIds"
       FROM development_opportunities o WHERE o.district_id = $1`,
    [districtId],
  );
  let written = 0;
  for (const c of candidacies) {
    if (!random.chance(0.5)) continue;
    const targets: { competencyId: string; code: string; title: string; targetLevel: number; level: number | null }[] =
      await m.query(
        `SELECT rt.competency_id AS "competencyId", n.code, n.title, rt.target_level AS "targetLevel", tl.level
           FROM role_targets rt JOIN competencies n ON n.id = rt.competency_id
           LEFT JOIN target_levels tl ON tl.candidate_id = $1 AND tl.competency_id = rt.competency_id
          WHERE rt.role_id = $2`,
        [c.id, c.roleId],
      );
    const profile = targets.map((t) => ({
      competencyId: t.competencyId,
      code: t.code,
      title: t.title,
      frameworkShortName: '',
      targetLevel: t.targetLevel,
      scale: 4,
      currentLevel: t.level,
      gap: t.level === null ? null : t.targetLevel - t.level,
      evidenceCount: t.level === null ? 0 : 1,
      sources: [],
    }));
    const agreedDaysAgo = random.int(30, 120);
    const agreedOn = new Date(Date.now() - agreedDaysAgo * 86_400_000);
    const actions = draftActions(profile, opportunities, agreedOn);
    if (actions.length === 0) continue;
    const [plan]: { id: string }[] = await m.query(
      `INSERT INTO development_plans (candidate_id, district_id, number, status, candidate_agreed_at,
         candidate_agreed_by_user_id, coordinator_agreed_at, coordinator_agreed_by_user_id, agreed_at, created_at,
         created_by_user_id, updated_at)
       VALUES ($1, $2, 1, 'agreed', $3, NULL, $3, $4, $3, $3, $4, $3) RETURNING id`,
      [c.id, districtId, agreedOn, coordinatorUserId],
    );
    const today = new Date().toISOString().slice(0, 10);
    for (const [i, a] of actions.entries()) {
      // Most of what fell due is done, on its due day.
      const done = a.dueOn !== null && a.dueOn < today && random.chance(0.7);
      await m.query(
        `INSERT INTO plan_actions (plan_id, district_id, position, competency_id, kind, opportunity_id, description, owner,
           due_on, done_at, done_by_user_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          plan!.id,
          districtId,
          i + 1,
          a.competencyId,
          a.kind,
          a.opportunityId,
          a.description,
          a.owner,
          a.dueOn,
          done ? `${a.dueOn}T16:00:00Z` : null,
          done ? coordinatorUserId : null,
        ],
      );
    }
    written++;
  }
  return written;
}
