import { EducatorEntity } from '@emerge/api';
import { Factories, SeededRandom } from '@emerge/api/testing';
import type { EntityManager } from 'typeorm';
import { FIRST_NAMES, LAST_NAMES, SUPPORT_TITLES, TEACHING_TITLES } from './names.js';

type Level = 'classroom' | 'school' | 'district';
type Stage = 'identified' | 'engaged' | 'developing' | 'ready' | 'placed' | 'supported' | 'paused' | 'exited';

export const ROLE_CATALOG: [string, Level, string][] = [
  ['Teacher leader', 'classroom', 'Leads colleagues in improving instruction while teaching.'],
  ['Instructional coach', 'classroom', 'Coaches teachers through observation, feedback and modelling.'],
  ['Department chair', 'classroom', 'Leads a subject department: curriculum review, scheduling, new-teacher support.'],
  ['Mentor teacher', 'classroom', 'Mentors first- and second-year teachers.'],
  ['PLC lead', 'classroom', 'Facilitates a professional learning community around student work.'],
  ['Dean', 'school', 'Leads student culture and family partnerships for a school.'],
  ['Assistant principal', 'school', 'Shares the leadership of a school with its principal.'],
  ['Principal', 'school', "Leads a school's vision, staff and community."],
  ['Director', 'district', 'Leads a district programme or department.'],
  ['Chief academic officer', 'district', "Leads the district's teaching and learning."],
];

const ACTIVE: Stage[] = ['identified', 'engaged', 'developing', 'ready', 'placed', 'supported'];
const GENDERS = ['female', 'female', 'female', 'male', 'male', 'nonbinary', 'prefer_not_to_say'] as const;
const RACES = [
  'white',
  'white',
  'white',
  'hispanic_latino',
  'hispanic_latino',
  'black_african_american',
  'asian',
  'two_or_more',
  'american_indian_alaska_native',
  'native_hawaiian_pacific_islander',
] as const;
const RATIONALES = [
  'Led the grade-level team through a full curriculum review this year and brought every colleague along.',
  'Colleagues seek out her feedback; she built the peer-observation rota that the whole school now uses.',
  'Ran the family partnership evenings and doubled attendance; a natural at building trust with the community.',
  'Took on the strategic-planning committee and turned the data into a plan teachers actually follow.',
  'Mentors two new teachers informally and both stayed; shows the patience and clarity a coach needs.',
  'Led the visioning sessions for our learner-centred pilot with students at the table.',
  'Quietly holds the PLC together; the student-work protocols she introduced raised the quality of our talk.',
];

interface School {
  id: string;
  code: string;
  gradeBand: string;
}

export interface PeopleOptions {
  districtId: string;
  schools: School[];
  educators: number;
  candidates: number;
  extraNominations: { submitted: number; declined: number; withdrawn: number };
  hrUserId: string;
  /** Principal user per school id (nominators). */
  principalUsers: Map<string, string>;
  emailDomain: string;
  employeePrefix: string;
  random: SeededRandom;
  /** Educators that must exist with these details (demo logins), by email. */
  fixed: { email: string; firstName: string; lastName: string; schoolId: string; jobTitle: string }[];
}

const DAY = 86_400_000;

/** Roster, roles, nominations and candidates with multi-year histories, all from one seeded random source. */
export async function seedPeople(m: EntityManager, o: PeopleOptions) {
  const f = new Factories(m, o.random);
  const r = o.random;
  const roles = new Map<string, { id: string; level: Level }>();
  for (const [title, level, description] of ROLE_CATALOG)
    roles.set(title, {
      id: (await f.createLeadershipRole({ districtId: o.districtId, title, level, description })).id,
      level,
    });

  // The roster: teachers mostly, some support roles, a few current leaders; about a fifth without demographics.
  const year = new Date().getFullYear();
  const rows: Record<string, unknown>[] = [];
  const used = new Set<string>();
  for (let i = 0; i < o.educators; i++) {
    const fixed = o.fixed[i];
    const school = fixed ? o.schools.find((s) => s.id === fixed.schoolId)! : i < 70 ? o.schools[0]! : r.pick(o.schools);
    let first = fixed?.firstName ?? r.pick(FIRST_NAMES);
    let last = fixed?.lastName ?? r.pick(LAST_NAMES);
    while (!fixed && used.has(`${first} ${last}`)) [first, last] = [r.pick(FIRST_NAMES), r.pick(LAST_NAMES)];
    used.add(`${first} ${last}`);
    const years = r.int(1, 34);
    const support = !fixed && r.chance(0.12);
    const title =
      fixed?.jobTitle ??
      (support ? r.pick(SUPPORT_TITLES) : r.pick(TEACHING_TITLES[school.gradeBand] ?? TEACHING_TITLES.high!));
    const recorded = r.chance(0.8);
    rows.push({
      districtId: o.districtId,
      employeeNumber: `${o.employeePrefix}-${String(10001 + i)}`,
      firstName: first,
      lastName: last,
      email: fixed?.email ?? `${first}.${last}${i}@${o.emailDomain}`.toLowerCase().replace(/[^a-z0-9.@-]/g, ''),
      schoolId: school.id,
      jobTitle: title,
      leadershipLevel:
        support && ['Department Chair', 'Instructional Coach', 'Mentor Teacher', 'PLC Lead'].includes(title)
          ? 'classroom'
          : null,
      yearsInEducation: years,
      status: !fixed && r.chance(0.03) ? 'inactive' : 'active',
      retirementEligibleYear: year + Math.max(1, 30 - years + r.int(-3, 6)),
      gender: recorded ? r.pick(GENDERS) : null,
      raceEthnicity: recorded ? r.pick(RACES) : null,
    });
  }
  const educatorIds: string[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const result = await m.getRepository(EducatorEntity).insert(rows.slice(i, i + 500));
    educatorIds.push(...result.identifiers.map((x) => String(x.id)));
  }
  const educators = rows.map((row, i) => ({ ...row, id: educatorIds[i]! })) as ({
    id: string;
    schoolId: string;
    status: string;
    email: string;
    yearsInEducation: number;
  } & Record<string, unknown>)[];

  // Some educators have logins and nominate colleagues or themselves.
  const peerUsers = new Map<string, string>();
  for (const e of educators
    .filter((x) => x.status === 'active' && !o.fixed.some((fx) => fx.email === x.email))
    .slice(80, 110)) {
    const user = await f.createUser({
      role: 'educator',
      districtId: o.districtId,
      educatorId: e.id,
      email: e.email,
      name: `${e.firstName} ${e.lastName}`,
      password: null,
    });
    peerUsers.set(e.id, user.id);
  }
  const peerList = [...peerUsers.entries()];

  const pickRole = (years: number): { title: string; id: string } => {
    const titles =
      years < 6
        ? ROLE_CATALOG.filter((x) => x[1] === 'classroom')
        : years < 15
          ? ROLE_CATALOG.filter((x) => x[1] !== 'district')
          : ROLE_CATALOG;
    const title = r.pick(titles)[0];
    return { title, id: roles.get(title)!.id };
  };
  const nominator = (e: {
    id: string;
    schoolId: string;
  }): { userId: string; kind: 'hr' | 'principal' | 'peer' | 'self' } => {
    const roll = r.next();
    const principal = o.principalUsers.get(e.schoolId);
    if (roll < 0.4 && principal) return { userId: principal, kind: 'principal' };
    if (roll < 0.6) return { userId: o.hrUserId, kind: 'hr' };
    if (roll < 0.75 && peerUsers.has(e.id)) return { userId: peerUsers.get(e.id)!, kind: 'self' };
    const peer = peerList.find(([eid]) => eid !== e.id && educators.find((x) => x.id === eid)?.schoolId === e.schoolId);
    if (peer) return { userId: peer[1], kind: 'peer' };
    return principal ? { userId: principal, kind: 'principal' } : { userId: o.hrUserId, kind: 'hr' };
  };

  // Candidates over every stage and side state, with histories over three school years.
  const plan: Stage[] = [];
  const weights: [Stage, number][] = [
    ['identified', 0.12],
    ['engaged', 0.12],
    ['developing', 0.24],
    ['ready', 0.15],
    ['placed', 0.08],
    ['supported', 0.07],
    ['paused', 0.08],
    ['exited', 0.14],
  ];
  for (const [stage, w] of weights)
    for (let i = 0; i < Math.max(1, Math.round(w * o.candidates)); i++) plan.push(stage);
  for (let i = plan.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [plan[i], plan[j]] = [plan[j]!, plan[i]!];
  }
  const pool = educators.filter((e) => e.status === 'active' && !o.fixed.some((fx) => fx.email === e.email));
  const rhsPool = pool.filter((e) => e.schoolId === o.schools[0]!.id);
  const chosen = [...rhsPool.slice(0, 10), ...pool.filter((e) => e.schoolId !== o.schools[0]!.id)].slice(
    0,
    plan.length,
  );
  const candidates: { id: string; educatorId: string; stage: Stage }[] = [];
  for (let i = 0; i < chosen.length; i++) {
    const e = chosen[i]!;
    const finalStage = plan[i]!;
    const role = pickRole(e.yearsInEducation);
    const path = stagePath(finalStage, r);
    const start = r.int(40 + path.length * 25, 1050);
    const steps = spread(path, start, r);
    const who = nominator(e);
    const candidate = await f.createCandidate({ districtId: o.districtId, educatorId: e.id, roleId: role.id }, steps, {
      enteredDaysAgo: start,
      actorUserId: o.hrUserId,
    });
    await f.createNomination({
      districtId: o.districtId,
      educatorId: e.id,
      targetRoleId: role.id,
      nominatorUserId: who.userId,
      nominatorKind: who.kind,
      rationale: r.pick(RATIONALES),
      privateNote: r.chance(0.3) ? 'Check workload before the spring term.' : null,
      status: 'approved',
      decidedByUserId: o.hrUserId,
      decidedAt: new Date(Date.now() - start * DAY),
      candidateId: candidate.id,
      createdAt: new Date(Date.now() - (start + r.int(3, 20)) * DAY),
    });
    candidates.push({ id: candidate.id, educatorId: e.id, stage: finalStage });
  }

  // Open, declined and withdrawn nominations: hr's review queue and the history around it.
  const others = pool.slice(chosen.length + 20);
  let k = 0;
  for (const [status, n] of [
    ['submitted', o.extraNominations.submitted],
    ['declined', o.extraNominations.declined],
    ['withdrawn', o.extraNominations.withdrawn],
  ] as const) {
    for (let i = 0; i < n; i++) {
      const e = others[k++ % others.length]!;
      const who = nominator(e);
      const daysAgo = status === 'submitted' ? r.int(1, 30) : r.int(40, 700);
      await f.createNomination({
        districtId: o.districtId,
        educatorId: e.id,
        targetRoleId: pickRole(e.yearsInEducation).id,
        nominatorUserId: who.userId,
        nominatorKind: who.kind,
        rationale: r.pick(RATIONALES),
        status,
        decisionReason:
          status === 'declined' ? 'Not this cycle: we agreed a development plan with the nominee first.' : null,
        decidedByUserId: status === 'submitted' ? null : status === 'withdrawn' ? who.userId : o.hrUserId,
        decidedAt: status === 'submitted' ? null : new Date(Date.now() - (daysAgo - 5) * DAY),
        createdAt: new Date(Date.now() - daysAgo * DAY),
      });
    }
  }
  return { roles, educators, candidates, peerUsers };
}

/** The stages a candidate walks to reach `final` (after identified). */
function stagePath(
  final: Stage,
  r: SeededRandom,
): {
  to: Stage;
  reason?: string;
  exitReason?: 'completed' | 'declined' | 'withdrew' | 'not_selected' | 'left_district' | 'other';
}[] {
  if (final === 'identified') return [];
  if (final === 'paused' || final === 'exited') {
    const reached = ACTIVE[r.int(0, 3)]!;
    const before = stagePath(reached, r);
    if (final === 'paused')
      return [
        ...before,
        { to: 'paused', reason: r.pick(['Parental leave', 'Medical leave', 'Asked to pause for a semester']) },
      ];
    const exitReason =
      reached === 'identified' ? 'declined' : r.pick(['withdrew', 'not_selected', 'left_district', 'other'] as const);
    return [
      ...before,
      {
        to: 'exited',
        reason: exitReason === 'declined' ? 'Declined the nomination' : 'Discussed with the candidate',
        exitReason,
      },
    ];
  }
  return ACTIVE.slice(1, ACTIVE.indexOf(final) + 1).map((to) => ({ to }));
}

/** Places the steps between `start` days ago and today, leaving the last stay open for a while. */
function spread<T>(steps: T[], start: number, r: SeededRandom): (T & { daysAgo: number })[] {
  let daysAgo = start;
  return steps.map((s, i) => {
    const remaining = steps.length - i;
    const span = Math.max(5, Math.floor((daysAgo - 10) / (remaining + 1)));
    daysAgo = Math.max(1, daysAgo - r.int(Math.floor(span / 2), span));
    return { ...s, daysAgo };
  });
}
