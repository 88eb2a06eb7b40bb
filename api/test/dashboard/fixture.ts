import type { Stage } from '../../src/modules/candidates/stages.js';
import { EXIT_REASONS, READINESS_BANDS } from '../../src/modules/candidates/stages.js';
import type { EducatorEntity } from '../../src/modules/educators/educator.entity.js';
import type { NominationEntity } from '../../src/modules/nominations/nomination.entity.js';
import { NOMINATION_STATUSES, NOMINATOR_KINDS } from '../../src/modules/nominations/nomination.entity.js';
import type { OpportunityType } from '../../src/modules/opportunities/opportunity.entity.js';
import { SeededRandom } from '../../src/testing/random.js';
import type { TestApp } from '../test-app.js';

export const DAY = 86_400_000;
export const isoDay = (daysFromNow: number) => new Date(Date.now() + daysFromNow * DAY).toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);

type Step = { to: Stage; daysAgo: number; reason?: string; exitReason?: (typeof EXIT_REASONS)[number] };

export interface Fixture {
  d: string;
  o: string;
  schools: Record<'alder' | 'birch' | 'cedar' | 'other', string>;
  roles: Record<'principal' | 'ap' | 'coach' | 'director' | 'mentor' | 'other', string>;
  nodes: Record<'k1' | 'k1a' | 'k2' | 'x', string>;
  hand: Record<'d1' | 'd2' | 'd3' | 'd4' | 'residency', string>;
  emails: Record<'hr' | 'sup' | 'coord' | 'principal' | 'educator' | 'platform' | 'otherHr', string>;
}

/**
 * Riverbend-like data with known answers: a hand-made corner (the Director role, the Principal seats,
 * one residency) whose figures are computed by hand in the spec, and a seeded random population (stalled
 * candidacies, exits, pauses, re-entries, missing demographics, small groups) checked by brute force.
 */
export async function buildFixture(t: TestApp): Promise<Fixture> {
  const f = t.factories;
  const rnd = new SeededRandom(2026);
  const d = (await f.createDistrict({ name: 'Riverbend' })).id;
  const o = (await f.createDistrict({ name: 'Lakeside' })).id;
  const alder = (await f.createSchool({ districtId: d, name: 'Alder High' })).id;
  const birch = (await f.createSchool({ districtId: d, name: 'Birch Middle' })).id;
  const cedar = (await f.createSchool({ districtId: d, name: 'Cedar Elementary' })).id;
  const other = (await f.createSchool({ districtId: o, name: 'Lakeside High' })).id;
  const role = async (title: string, level: 'classroom' | 'school' | 'district', districtId = d) =>
    (await f.createLeadershipRole({ districtId, title, level })).id;
  const roles = {
    principal: await role('Principal', 'school'),
    ap: await role('Assistant principal', 'school'),
    coach: await role('Instructional coach', 'classroom'),
    director: await role('Director', 'district'),
    mentor: await role('Mentor teacher', 'classroom'),
    other: await role('Principal', 'school', o),
  };

  const own = await f.createFramework({ districtId: d, shortName: 'RB' });
  const reference = await f.createFramework({
    districtId: null,
    shortName: 'REF5',
    rubric: [1, 2, 3, 4, 5].map((level) => ({ level, label: `L${level}` })),
  });
  const k1 = await f.createCompetency({ frameworkId: own.id, code: 'K1', title: 'Vision', position: 1 });
  const k1a = await f.createCompetency({
    frameworkId: own.id,
    code: 'K1.a',
    title: 'Shares the vision',
    kind: 'indicator',
    parentId: k1.id,
    position: 2,
  });
  const k2 = await f.createCompetency({ frameworkId: own.id, code: 'K2', title: 'Coaching', position: 3 });
  const x = await f.createCompetency({ frameworkId: reference.id, code: 'X', title: 'Mission', position: 1 });
  await f.link(x.id, k1.id, 'exact', d);
  const target = (roleId: string, competencyId: string, level: number) =>
    t.db.query(`INSERT INTO role_targets (role_id, competency_id, target_level) VALUES ($1, $2, $3)`, [
      roleId,
      competencyId,
      level,
    ]);
  await target(roles.principal, k1.id, 3);
  await target(roles.principal, k2.id, 3);
  await target(roles.ap, k1.id, 2);
  await target(roles.ap, k2.id, 2);
  await target(roles.coach, k2.id, 2);
  await target(roles.director, k1.id, 3);

  const hr = await f.createUser({ role: 'hr', districtId: d });
  const sup = await f.createUser({ role: 'superintendent', districtId: d });
  const coord = await f.createUser({ role: 'coordinator', districtId: d });
  const principal = await f.createUser({ role: 'principal', districtId: d, schoolIds: [alder] });
  const platform = await f.createUser({ role: 'platform_admin' });
  const otherHr = await f.createUser({ role: 'hr', districtId: o });
  const educatorUser = await f.createEducatorUser({ districtId: d, schoolId: alder, gender: 'female' });

  // The random population: small groups (nonbinary, prefer_not_to_say) and missing demographics on purpose.
  const genders = [
    'female',
    'female',
    'female',
    'female',
    'male',
    'male',
    'male',
    'nonbinary',
    'prefer_not_to_say',
    null,
    null,
  ] as const;
  const races = [
    'white',
    'white',
    'white',
    'black_african_american',
    'hispanic_latino',
    'hispanic_latino',
    'asian',
    'two_or_more',
    null,
    null,
  ] as const;
  const places = [alder, alder, alder, birch, birch, birch, cedar, cedar, null] as const;
  const people: EducatorEntity[] = [educatorUser.educator];
  for (let i = 0; i < 90; i++) {
    people.push(
      await f.createEducator({
        districtId: d,
        schoolId: rnd.pick(places),
        gender: rnd.pick(genders),
        raceEthnicity: rnd.pick(races),
        yearsInEducation: rnd.chance(0.1) ? null : rnd.int(0, 25),
        status: rnd.chance(0.1) ? 'inactive' : 'active',
        retirementEligibleYear: rnd.chance(0.3) ? new Date().getUTCFullYear() + rnd.int(0, 4) : null,
      }),
    );
  }

  const stagesForward = ['engaged', 'developing', 'ready', 'placed', 'supported'] as const;
  const randomPath = (): { path: Step[]; enteredDaysAgo: number } => {
    let at = rnd.int(40, 720);
    const enteredDaysAgo = at;
    const path: Step[] = [];
    const reach = rnd.int(0, stagesForward.length);
    for (let i = 0; i < reach; i++) {
      const gap = rnd.int(3, 150);
      if (at - gap < 2) break;
      at -= gap;
      path.push({ to: stagesForward[i]!, daysAgo: at });
    }
    const side = rnd.next();
    if (side < 0.2 && at > 3) {
      at = rnd.int(1, at - 1);
      path.push({ to: 'exited', daysAgo: at, reason: 'Left', exitReason: rnd.pick(EXIT_REASONS) });
      // A few come back: re-entry at identified.
      if (rnd.chance(0.3) && at > 2) path.push({ to: 'identified', daysAgo: rnd.int(1, at - 1), reason: 'Back' });
    } else if (side < 0.3 && at > 3) {
      path.push({ to: 'paused', daysAgo: rnd.int(1, at - 1), reason: 'Leave' });
    }
    return { path, enteredDaysAgo };
  };
  const randomRoles = [roles.principal, roles.ap, roles.coach];
  const candidateIds: string[] = [];
  for (const person of people.slice(0, 70)) {
    const picks = rnd.chance(0.15) ? [randomRoles[0]!, randomRoles[2]!] : [rnd.pick(randomRoles)];
    for (const roleId of picks) {
      const { path, enteredDaysAgo } = randomPath();
      const c = await f.createCandidate({ districtId: d, educatorId: person.id, roleId }, path, { enteredDaysAgo });
      candidateIds.push(c.id);
      await t.db.query(`UPDATE candidates SET readiness = $2 WHERE id = $1`, [c.id, rnd.pick(READINESS_BANDS)]);
    }
  }
  const nodes = [k1.id, k1a.id, k2.id, x.id];
  const dates = [isoDay(-10), isoDay(-40), isoDay(-40), isoDay(-200), isoDay(-420)];
  for (const candidateId of candidateIds) {
    for (let n = rnd.int(0, 4); n > 0; n--) {
      const competencyId = rnd.pick(nodes);
      await f.createEvidence({
        districtId: d,
        candidateId,
        competencyId,
        recorderUserId: hr.id,
        level: rnd.int(1, competencyId === x.id ? 5 : 4),
        observedOn: rnd.pick(dates),
      });
    }
  }

  // The hand-made corner: four Director candidacies at Birch (see the spec for their figures).
  const director = async (enteredDaysAgo: number, path: Step[], readiness: (typeof READINESS_BANDS)[number]) => {
    const e = await f.createEducator({ districtId: d, schoolId: birch, gender: 'male', yearsInEducation: 12 });
    const c = await f.createCandidate({ districtId: d, educatorId: e.id, roleId: roles.director }, path, {
      enteredDaysAgo,
    });
    await t.db.query(`UPDATE candidates SET readiness = $2 WHERE id = $1`, [c.id, readiness]);
    return c.id;
  };
  const hand = {
    d1: await director(
      230,
      [
        { to: 'engaged', daysAgo: 200 },
        { to: 'developing', daysAgo: 100 },
      ],
      'ready_now',
    ),
    d2: await director(
      340,
      [
        { to: 'engaged', daysAgo: 300 },
        { to: 'exited', daysAgo: 250, reason: 'Moved on', exitReason: 'withdrew' },
      ],
      'not_assessed',
    ),
    d3: await director(400, [], 'not_assessed'),
    d4: await director(
      110,
      [
        { to: 'engaged', daysAgo: 60 },
        { to: 'paused', daysAgo: 20, reason: 'Leave' },
      ],
      'ready_now',
    ),
    residency: '',
  };
  const rate = (candidateId: string, competencyId: string, level: number, daysAgoObserved: number) =>
    f.createEvidence({
      districtId: d,
      candidateId,
      competencyId,
      recorderUserId: hr.id,
      level,
      observedOn: isoDay(-daysAgoObserved),
    });
  await rate(hand.d1, k1.id, 1, 80);
  await rate(hand.d1, k1a.id, 2, 50);
  await rate(hand.d1, k1.id, 4, 50); // same day as the 2: the higher wins
  await rate(hand.d3, x.id, 4, 30); // exact link, 5 levels → 4: floor(4/5·4) = 3

  // Seats. Principal: vacant, retiring incumbent (July 1 next year), a date in 500 days, nothing known, overdue.
  const year = new Date().getUTCFullYear();
  const incumbent = (i: number) => people[70 + i]!.id;
  await t.db.query(`UPDATE educators SET retirement_eligible_year = $2 WHERE id = $1`, [incumbent(0), year + 1]);
  await t.db.query(`UPDATE educators SET retirement_eligible_year = NULL WHERE id = ANY($1::uuid[])`, [
    [incumbent(1), incumbent(2), incumbent(3), incumbent(4)],
  ]);
  const seat = (roleId: string, schoolId: string | null, incumbentEducatorId: string | null, projected?: string) =>
    f.createPosition({
      districtId: d,
      roleId,
      schoolId,
      incumbentEducatorId,
      projectedVacancyOn: projected ?? null,
    });
  await seat(roles.principal, alder, null);
  await seat(roles.principal, birch, incumbent(0));
  await seat(roles.principal, cedar, incumbent(1), isoDay(500));
  await seat(roles.principal, null, incumbent(2));
  await seat(roles.principal, alder, incumbent(3), isoDay(-10));
  await seat(roles.ap, alder, incumbent(4), isoDay(900));
  await seat(roles.ap, birch, null);
  await seat(roles.director, null, null);
  await seat(roles.mentor, cedar, null);
  await f.createPosition({ districtId: o, roleId: roles.other, schoolId: other });

  // Nominations: recent ones at Alder and the district office, only old ones at Birch, none at Cedar.
  const schoolOf = new Map(people.map((p) => [p.id, p.schoolId]));
  const open = new Set<string>();
  for (let i = 0; i < 45; i++) {
    const educatorId = rnd.pick(people).id;
    const school = schoolOf.get(educatorId);
    if (school === cedar) continue;
    const targetRoleId = rnd.pick([...randomRoles, roles.director]);
    let status = rnd.pick(NOMINATION_STATUSES);
    if (status === 'submitted' && open.has(`${educatorId}|${targetRoleId}`)) status = 'declined';
    if (status === 'submitted') open.add(`${educatorId}|${targetRoleId}`);
    const n: NominationEntity = await f.createNomination({
      districtId: d,
      educatorId,
      targetRoleId,
      nominatorUserId: hr.id,
      nominatorKind: rnd.pick(NOMINATOR_KINDS),
      status,
    });
    const age = school === birch ? rnd.int(400, 700) : rnd.int(0, 600);
    await t.db.query(`UPDATE nominations SET created_at = $2 WHERE id = $1`, [n.id, daysAgo(age)]);
  }

  // Opportunities, and one residency computed by hand.
  const opportunity = (
    type: OpportunityType,
    level: 'classroom' | 'school' | 'district',
    seats: number,
    startsOn: string | null,
    competencies: string[],
  ) => f.createOpportunity({ districtId: d, type, level, seats, startsOn }, competencies);
  const residency = await opportunity('residency', 'school', 3, isoDay(-100), [k1.id]);
  const opps = [
    await opportunity('mentorship', 'classroom', 6, isoDay(-400), [k2.id]),
    await opportunity('project', 'school', 5, null, [k1.id, k2.id]),
    await opportunity('shadowing', 'district', 4, isoDay(-20), []),
  ];
  hand.residency = residency.id;
  const byEducator = new Map<string, string>();
  for (const row of (await t.db.query(`SELECT id, educator_id FROM candidates WHERE district_id = $1`, [d])) as {
    id: string;
    educator_id: string;
  }[])
    byEducator.set(row.educator_id, row.id);
  const atSchool = (school: string) => people.find((p) => p.schoolId === school && byEducator.has(p.id))!;
  const assign = (
    opportunityId: string,
    candidateId: string,
    status: 'assigned' | 'in_progress' | 'completed' | 'withdrawn',
    hours: string,
  ) =>
    f.createAssignment({
      districtId: d,
      opportunityId,
      candidateId,
      assignedByUserId: hr.id,
      status,
      hoursLogged: hours,
    });
  const alderCandidate = byEducator.get(atSchool(alder).id)!;
  const birchCandidate = byEducator.get(atSchool(birch).id)!;
  await assign(residency.id, alderCandidate, 'completed', '10.5');
  await assign(residency.id, birchCandidate, 'withdrawn', '2.0');
  await assign(residency.id, birchCandidate, 'in_progress', '3.0');
  const statuses = ['assigned', 'in_progress', 'completed', 'completed', 'withdrawn'] as const;
  const pool = [...byEducator.values()];
  for (const opp of opps) {
    const used = new Set<string>();
    for (let i = 0; i < opp.seats - 1; i++) {
      const candidateId = rnd.pick(pool);
      if (used.has(candidateId)) continue;
      used.add(candidateId);
      await assign(opp.id, candidateId, rnd.pick(statuses), `${rnd.int(0, 40)}.${rnd.int(0, 9)}`);
    }
  }

  // Lakeside: a little of everything, which Riverbend's figures must never include.
  for (let i = 0; i < 3; i++) {
    const e = await f.createEducator({ districtId: o, schoolId: other, gender: 'female', yearsInEducation: 8 });
    await f.createCandidate({ districtId: o, educatorId: e.id, roleId: roles.other }, [{ to: 'engaged', daysAgo: 20 }]);
    await f.createNomination({
      districtId: o,
      educatorId: e.id,
      targetRoleId: roles.other,
      nominatorUserId: otherHr.id,
    });
  }

  return {
    d,
    o,
    schools: { alder, birch, cedar, other },
    roles,
    nodes: { k1: k1.id, k1a: k1a.id, k2: k2.id, x: x.id },
    hand,
    emails: {
      hr: hr.email,
      sup: sup.email,
      coord: coord.email,
      principal: principal.email,
      educator: educatorUser.user.email,
      platform: platform.email,
      otherHr: otherHr.email,
    },
  };
}
