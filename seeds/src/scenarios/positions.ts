import { Factories, SeededRandom } from '@emerge/api/testing';
import type { EntityManager } from 'typeorm';
import { backdateEvidence, ReadinessSeeder, seedConfirmations } from './readiness.js';

const DAY = 86_400_000;
const daysFromNow = (days: number) => new Date(Date.now() + days * DAY);
const dateIn = (days: number) => daysFromNow(days).toISOString().slice(0, 10);

/** One seat of the demo: role title, school code (null: district office), and how it is held. */
interface SeatSpec {
  role: string;
  school: string | null;
  /** Defaults to "<role>, <school name>". */
  title?: string;
  /** The incumbent's job title on the roster. */
  jobTitle: string;
  vacant?: boolean;
  /** A known departure, in days from the load day. */
  departsIn?: number;
  /** The most senior person of the school: retirement-eligible within a few years. */
  senior?: boolean;
  /** Taken by a storyline below rather than by a roster pick. */
  story?: 'rhs-principal' | 'rhs-successor' | 'awaiting-confirmation';
}

const p = (school: string, extra: Partial<SeatSpec> = {}): SeatSpec => ({
  role: 'Principal',
  school,
  jobTitle: 'Principal',
  ...extra,
});
const ap = (school: string, extra: Partial<SeatSpec> = {}): SeatSpec => ({
  role: 'Assistant principal',
  school,
  jobTitle: 'Assistant Principal',
  ...extra,
});

const RIVERBEND_SEATS: SeatSpec[] = [
  p('RHS', { story: 'rhs-principal', departsIn: 200 }),
  p('EHS'),
  p('RMS'),
  p('CHMS'),
  p('NSE', { departsIn: 400 }),
  p('MGE'),
  p('HPE', { departsIn: 500 }),
  p('WCE', { senior: true }),
  p('SKA'),
  p('LPE'),
  p('REC', { senior: true }),
  p('BCS'),
  ap('RHS', { title: 'Assistant principal (curriculum), Riverbend High School', story: 'rhs-successor' }),
  ap('RHS', { title: 'Assistant principal (operations), Riverbend High School' }),
  ap('EHS', { title: 'Assistant principal (curriculum), Eastview High School', departsIn: 250 }),
  ap('EHS', { title: 'Assistant principal (operations), Eastview High School' }),
  ap('RMS'),
  ap('CHMS', { vacant: true, story: 'awaiting-confirmation' }),
  ap('SKA'),
  ap('REC'),
  ap('BCS'),
  { role: 'Dean', school: 'RHS', jobTitle: 'Dean of Students' },
  { role: 'Dean', school: 'EHS', jobTitle: 'Dean of Students', vacant: true },
  { role: 'Dean', school: 'RMS', jobTitle: 'Dean of Students', departsIn: 700 },
  { role: 'Dean', school: 'CHMS', jobTitle: 'Dean of Students' },
  {
    role: 'Director',
    school: null,
    title: 'Director of Teaching and Learning',
    jobTitle: 'Director of Teaching and Learning',
    departsIn: 600,
  },
  {
    role: 'Director',
    school: null,
    title: 'Director of Student Services',
    jobTitle: 'Director of Student Services',
    vacant: true,
  },
  {
    role: 'Director',
    school: null,
    title: 'Director of Human Resources',
    jobTitle: 'Director of Human Resources',
    senior: true,
  },
  {
    role: 'Director',
    school: null,
    title: 'Director of Family and Community Engagement',
    jobTitle: 'Director of Family and Community Engagement',
  },
  {
    role: 'Chief academic officer',
    school: null,
    title: 'Chief Academic Officer',
    jobTitle: 'Chief Academic Officer',
    departsIn: 900,
  },
  { role: 'Instructional coach', school: 'RHS', jobTitle: 'Instructional Coach', departsIn: 450 },
  { role: 'Instructional coach', school: 'EHS', jobTitle: 'Instructional Coach' },
  { role: 'Instructional coach', school: 'RMS', jobTitle: 'Instructional Coach' },
  { role: 'Instructional coach', school: 'NSE', jobTitle: 'Instructional Coach' },
  { role: 'Instructional coach', school: 'MGE', jobTitle: 'Instructional Coach', vacant: true },
  {
    role: 'Department chair',
    school: 'RHS',
    title: 'English department chair, Riverbend High School',
    jobTitle: 'Department Chair',
  },
  {
    role: 'Department chair',
    school: 'RHS',
    title: 'Mathematics department chair, Riverbend High School',
    jobTitle: 'Department Chair',
  },
  {
    role: 'Department chair',
    school: 'EHS',
    title: 'Science department chair, Eastview High School',
    jobTitle: 'Department Chair',
    vacant: true,
  },
  { role: 'Mentor teacher', school: 'CHMS', jobTitle: 'Mentor Teacher', senior: true },
  { role: 'PLC lead', school: 'SKA', jobTitle: 'PLC Lead' },
];

const LAKESIDE_SEATS: SeatSpec[] = [
  p('LHS', { departsIn: 300 }),
  p('LMS'),
  p('SHE'),
  ap('LHS', { vacant: true }),
  {
    role: 'Director',
    school: null,
    title: 'Director of Teaching and Learning',
    jobTitle: 'Director of Teaching and Learning',
  },
];

interface Person {
  id: string;
  schoolId: string | null;
  years: number;
  email: string | null;
}

interface Context {
  m: EntityManager;
  f: Factories;
  districtId: string;
  roles: Map<string, { id: string; level: string }>;
  schools: Map<string, { id: string; name: string }>;
  /** Active roster members free to take a seat (no candidacy, not a demo login). */
  free: Person[];
  random: SeededRandom;
}

async function context(m: EntityManager, f: Factories, districtId: string, random: SeededRandom): Promise<Context> {
  const roles = new Map<string, { id: string; level: string }>(
    (
      (await m.query(`SELECT id, title, level FROM leadership_roles WHERE district_id = $1`, [districtId])) as {
        id: string;
        title: string;
        level: string;
      }[]
    ).map((r) => [r.title, { id: r.id, level: r.level }]),
  );
  const schools = new Map<string, { id: string; name: string }>(
    (
      (await m.query(`SELECT id, code, name FROM schools WHERE district_id = $1`, [districtId])) as {
        id: string;
        code: string;
        name: string;
      }[]
    ).map((s) => [s.code, { id: s.id, name: s.name }]),
  );
  const free: Person[] = await m.query(
    `SELECT e.id, e.school_id AS "schoolId", COALESCE(e.years_in_education, 0) AS years, e.email FROM educators e
      WHERE e.district_id = $1 AND e.status = 'active'
        AND NOT EXISTS (SELECT 1 FROM candidates c WHERE c.educator_id = e.id)
        AND NOT EXISTS (SELECT 1 FROM nominations n WHERE n.educator_id = e.id)
        AND NOT EXISTS (SELECT 1 FROM users u WHERE u.educator_id = e.id)
      ORDER BY e.employee_number`,
    [districtId],
  );
  return { m, f, districtId, roles, schools, free, random };
}

const closest = (pool: Person[], years: number): Person | undefined =>
  [...pool].sort((a, b) => Math.abs(a.years - years) - Math.abs(b.years - years))[0];

/**
 * A free person of the seat's school (any school but RHS for the district office): mid-career for most
 * seats (about 20 years in; 14 for classroom roles), the most senior for `senior` ones.
 */
function pick(ctx: Context, spec: SeatSpec): Person | undefined {
  const schoolId = spec.school ? ctx.schools.get(spec.school)!.id : null;
  const rhs = ctx.schools.get('RHS')?.id;
  const pool = ctx.free.filter((e) => (schoolId ? e.schoolId === schoolId : e.schoolId !== rhs && e.years >= 15));
  const chosen = closest(pool, spec.senior ? 99 : ctx.roles.get(spec.role)?.level === 'classroom' ? 14 : 20);
  if (chosen) ctx.free.splice(ctx.free.indexOf(chosen), 1);
  return chosen;
}

async function seat(
  ctx: Context,
  spec: SeatSpec,
  incumbent: { id: string } | null,
  placed: { candidateId: string; at: Date } | null = null,
): Promise<string> {
  const school = spec.school ? ctx.schools.get(spec.school)! : null;
  const role = ctx.roles.get(spec.role)!;
  if (incumbent) {
    await ctx.m.query(
      `UPDATE educators SET job_title = $2, leadership_level = $3, school_id = CASE WHEN $4 THEN NULL ELSE school_id END WHERE id = $1`,
      [incumbent.id, spec.jobTitle, role.level, school === null],
    );
  }
  const row = await ctx.f.createPosition({
    districtId: ctx.districtId,
    roleId: role.id,
    schoolId: school?.id ?? null,
    title: spec.title ?? `${spec.role}, ${school?.name ?? 'District office'}`,
    incumbentEducatorId: incumbent?.id ?? null,
    projectedVacancyOn: incumbent && spec.departsIn ? dateIn(spec.departsIn) : null,
    placedCandidateId: placed?.candidateId ?? null,
    filledAt: incumbent ? (placed?.at ?? daysFromNow(-ctx.random.int(200, 2900))) : null,
  });
  return row.id;
}

/** A new candidacy for a roster member, nominated and walked to `ready`, as seedPeople builds them. */
async function readyCandidate(
  ctx: Context,
  educatorId: string,
  role: string,
  nominator: { userId: string; kind: 'principal' | 'hr' },
  hrUserId: string,
  rationale: string,
  days: { start: number; engaged: number; developing: number; ready: number },
): Promise<{ id: string; roleId: string }> {
  const roleId = ctx.roles.get(role)!.id;
  const candidate = await ctx.f.createCandidate(
    { districtId: ctx.districtId, educatorId, roleId },
    [
      { to: 'engaged', daysAgo: days.engaged, reason: 'Accepted the nomination' },
      { to: 'developing', daysAgo: days.developing },
      { to: 'ready', daysAgo: days.ready },
    ],
    { enteredDaysAgo: days.start, actorUserId: hrUserId },
  );
  await ctx.f.createNomination({
    districtId: ctx.districtId,
    educatorId,
    targetRoleId: roleId,
    nominatorUserId: nominator.userId,
    nominatorKind: nominator.kind,
    rationale,
    status: 'approved',
    decidedByUserId: hrUserId,
    decidedAt: daysFromNow(-days.start),
    candidateId: candidate.id,
    createdAt: daysFromNow(-days.start - 12),
  });
  return { id: candidate.id, roleId };
}

export interface PositionSeedOptions {
  riverbendId: string;
  lakesideId: string;
  users: { hr: string; superintendent: string; lakesideHr: string; rhsPrincipal: string };
  elenaCandidateId: string;
}

/**
 * ~40 Riverbend seats and a few Lakeside ones, with incumbents from the roster (placed and supported
 * candidates in seats of their role), vacancies, and departures projected within 12–36 months; then
 * readiness confirmations. Two storylines: Riverbend High School's principal leaves in about seven
 * months and her assistant principal is confirmed ready now; a ready candidate for the vacant assistant
 * principal seat at Cedar Hollow waits for confirmation (the console's placement journey).
 */
export async function seedPositionsAndReadiness(m: EntityManager, f: Factories, o: PositionSeedOptions): Promise<void> {
  const random = new SeededRandom(20261201);
  await backdateEvidence(m, [o.riverbendId, o.lakesideId]);
  const rb = await context(m, f, o.riverbendId, random);
  const rhs = rb.schools.get('RHS')!;
  const chms = rb.schools.get('CHMS')!;

  // Riverbend High School: Priya Natarajan (principal@) leaves; her curriculum AP is her successor.
  const [priya]: { id: string }[] = await m.query(
    `SELECT id FROM educators WHERE district_id = $1 AND email = 'priya.natarajan@riverbend.example'`,
    [o.riverbendId],
  );
  // Mid-career people, years from retirement: the point of a succession plan.
  const successor = closest(
    rb.free.filter((e) => e.schoolId === rhs.id),
    17,
  )!;
  rb.free.splice(rb.free.indexOf(successor), 1);
  const successorCandidate = await readyCandidate(
    rb,
    successor.id,
    'Principal',
    { userId: o.users.rhsPrincipal, kind: 'principal' },
    o.users.hr,
    'Has run our master schedule and the ninth-grade academy for three years; staff already look to them to lead.',
    { start: 760, engaged: 740, developing: 520, ready: 75 },
  );
  const [chmsPrincipal]: { id: string }[] = await m.query(
    `SELECT id FROM users WHERE email = 'principal.chms@riverbend.example'`,
  );
  const awaiting = closest(
    rb.free.filter((e) => e.schoolId === chms.id),
    13,
  )!;
  rb.free.splice(rb.free.indexOf(awaiting), 1);
  const awaitingCandidate = await readyCandidate(
    rb,
    awaiting.id,
    'Assistant principal',
    { userId: chmsPrincipal?.id ?? o.users.hr, kind: chmsPrincipal ? 'principal' : 'hr' },
    o.users.hr,
    'Leads our seventh-grade team and the attendance taskforce; families and colleagues trust their judgement.',
    { start: 600, engaged: 580, developing: 400, ready: 40 },
  );

  // Placed and supported candidates sit in a seat of their role.
  const placedRows: { id: string; educatorId: string; role: string; placedAt: Date }[] = await m.query(
    `SELECT c.id, c.educator_id AS "educatorId", r.title AS role,
            (SELECT max(t.created_at) FROM stage_transitions t WHERE t.candidate_id = c.id AND t.to_stage = 'placed') AS "placedAt"
       FROM candidates c JOIN leadership_roles r ON r.id = c.role_id
      WHERE c.district_id = $1 AND c.stage IN ('placed', 'supported') ORDER BY c.created_at, c.id`,
    [o.riverbendId],
  );
  const placedBySeat = new Map<SeatSpec, (typeof placedRows)[number]>();
  for (const row of placedRows) {
    const spec = RIVERBEND_SEATS.find((s) => s.role === row.role && !s.vacant && !s.story && !placedBySeat.has(s));
    if (spec) placedBySeat.set(spec, row);
  }

  for (const spec of RIVERBEND_SEATS) {
    const placed = placedBySeat.get(spec);
    if (spec.story === 'rhs-principal') await seat(rb, spec, priya ?? null);
    else if (spec.story === 'rhs-successor') await seat(rb, spec, successor);
    else if (spec.vacant) await seat(rb, spec, null);
    else if (placed)
      await seat(rb, spec, { id: placed.educatorId }, { candidateId: placed.id, at: new Date(placed.placedAt) });
    else await seat(rb, spec, pick(rb, spec) ?? null);
  }

  // Readiness: the successor was judged 1–2 years out last year and ready now after this spring's review.
  const seeder = new ReadinessSeeder(m, f, o.riverbendId, random);
  for (const target of (await seeder.suggestion(successorCandidate, daysFromNow(-330))).profile) {
    await seeder.rate(
      successorCandidate.id,
      target.competencyId,
      Math.max(1, target.targetLevel - 1),
      'observation',
      daysFromNow(-360),
      o.users.hr,
    );
  }
  await seeder.confirm(successorCandidate, daysFromNow(-330), o.users.hr, 'ready_1_2_years');
  await seeder.topUp(successorCandidate, daysFromNow(-45), o.users.hr);
  await seeder.confirm(successorCandidate, daysFromNow(-45), o.users.superintendent, 'ready_now');
  await seeder.share(successorCandidate.id);
  // The Cedar Hollow candidate has the evidence for ready now; nobody has confirmed it yet.
  await seeder.topUp(awaitingCandidate, daysFromNow(-20), o.users.hr);

  await seedConfirmations(m, f, o.riverbendId, { hr: o.users.hr, superintendent: o.users.superintendent }, random, {
    skip: new Set([successorCandidate.id, awaitingCandidate.id]),
    elenaCandidateId: o.elenaCandidateId,
    shareCount: 3,
  });

  const lk = await context(m, f, o.lakesideId, random);
  for (const spec of LAKESIDE_SEATS) await seat(lk, spec, spec.vacant ? null : (pick(lk, spec) ?? null));
  await seedConfirmations(m, f, o.lakesideId, { hr: o.users.lakesideHr }, random, { skip: new Set(), shareCount: 1 });
}
