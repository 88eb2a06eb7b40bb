import { Role } from '@emerge/api';
import { Factories, SeededRandom } from '@emerge/api/testing';
import { DataSource } from 'typeorm';
import { seedCareerProfiles, seedCredentials, seedDevelopmentPlans } from './careers.js';
import { seedDevelopment } from './development.js';
import { seedTargetsAndEvidence } from './evidence.js';
import { seedDistrictFramework } from './framework.js';
import { seedMentors } from './mentors.js';
import { FIRST_NAMES, LAST_NAMES } from './names.js';
import { seedPeople } from './people.js';
import { seedPositionsAndReadiness } from './positions.js';
import { seedSeatHistory } from './seat-history.js';

export const DEMO_PASSWORD = 'emerge-demo-pass';

/** The demo logins of PRODUCT.md §5, printed by `npm start`. */
export const DEMO_ACCOUNTS: { email: string; role: Role; note: string }[] = [
  { email: 'platform@emerge.example', role: 'platform_admin', note: 'runs the installation' },
  { email: 'hr@riverbend.example', role: 'hr', note: 'Riverbend talent office' },
  { email: 'superintendent@riverbend.example', role: 'superintendent', note: 'Riverbend superintendent' },
  { email: 'coordinator@riverbend.example', role: 'coordinator', note: 'leadership-program coordinator' },
  { email: 'principal@riverbend.example', role: 'principal', note: 'principal of Riverbend High School' },
  { email: 'educator@riverbend.example', role: 'educator', note: 'teacher at Riverbend High School, a candidate' },
  { email: 'teacher@riverbend.example', role: 'educator', note: 'teacher at Riverbend High School, not yet nominated' },
  { email: 'mentor@riverbend.example', role: 'educator', note: 'a leader at Eastview High School who mentors Elena' },
  { email: 'hr@lakeside.example', role: 'hr', note: 'Lakeside County Schools talent office' },
];

const RIVERBEND_SCHOOLS = [
  ['Riverbend High School', 'RHS', 'high'],
  ['Eastview High School', 'EHS', 'high'],
  ['Riverbend Middle School', 'RMS', 'middle'],
  ['Cedar Hollow Middle School', 'CHMS', 'middle'],
  ['Northside Elementary', 'NSE', 'elementary'],
  ['Maple Grove Elementary', 'MGE', 'elementary'],
  ['Harbor Point Elementary', 'HPE', 'elementary'],
  ['Willow Creek Elementary', 'WCE', 'elementary'],
  ['Sunrise K-8 Academy', 'SKA', 'k8'],
  ['Lincoln Park Elementary', 'LPE', 'elementary'],
  ['Riverbend Early College', 'REC', 'high'],
  ['Bridgeway Community School', 'BCS', 'k12'],
] as const;

const LAKESIDE_SCHOOLS = [
  ['Lakeside High School', 'LHS', 'high'],
  ['Lakeside Middle School', 'LMS', 'middle'],
  ['Shoreline Elementary', 'SHE', 'elementary'],
] as const;

/** Loads the demo when the database has no district yet; a restart never duplicates it. Returns whether it loaded. */
export async function seedDemoIfEmpty(db: DataSource): Promise<boolean> {
  return db.transaction(async (m) => {
    // Serialises two starts racing on one database.
    await m.query('SELECT pg_advisory_xact_lock(4242001)');
    const [{ n }] = (await m.query('SELECT count(*)::int AS n FROM districts')) as [{ n: number }];
    if (n > 0) return false;
    const random = new SeededRandom(20261126);
    const f = new Factories(m, random);
    const riverbend = await f.createDistrict({ name: 'Riverbend Unified School District', slug: 'riverbend' });
    const lakeside = await f.createDistrict({ name: 'Lakeside County Schools', slug: 'lakeside' });
    const rSchools = [];
    for (const [name, code, gradeBand] of RIVERBEND_SCHOOLS)
      rSchools.push(await f.createSchool({ districtId: riverbend.id, name, code, gradeBand }));
    const lSchools = [];
    for (const [name, code, gradeBand] of LAKESIDE_SCHOOLS)
      lSchools.push(await f.createSchool({ districtId: lakeside.id, name, code, gradeBand }));
    const rhs = rSchools[0]!;

    const names: Record<string, string> = {
      'platform@emerge.example': 'Pat Platform',
      'hr@riverbend.example': 'Harriet Ramos',
      'superintendent@riverbend.example': 'Dr. Samuel Okafor',
      'coordinator@riverbend.example': 'Corinne Dubois',
      'principal@riverbend.example': 'Priya Natarajan',
      'educator@riverbend.example': 'Elena Torres',
      'teacher@riverbend.example': 'Theo Bennett',
      'hr@lakeside.example': 'Lena Hughes',
    };
    const users = new Map<string, string>();
    for (const account of DEMO_ACCOUNTS) {
      if (account.role === 'educator') continue; // linked to their roster records below (the mentor: seedMentors)
      const districtId = account.email.endsWith('@lakeside.example') ? lakeside.id : riverbend.id;
      const user = await f.createUser({
        email: account.email,
        name: names[account.email] ?? account.email,
        role: account.role,
        districtId: account.role === 'platform_admin' ? null : districtId,
        schoolIds: account.role === 'principal' ? [rhs.id] : [],
        password: DEMO_PASSWORD,
      });
      users.set(account.email, user.id);
    }
    // Every other Riverbend school has a principal too (they nominate; they have no password yet).
    const principalUsers = new Map<string, string>([[rhs.id, users.get('principal@riverbend.example')!]]);
    for (const school of rSchools.slice(1)) {
      const name = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
      const user = await f.createUser({
        email: `principal.${school.code.toLowerCase()}@riverbend.example`,
        name,
        role: 'principal',
        districtId: riverbend.id,
        schoolIds: [school.id],
        password: null,
      });
      principalUsers.set(school.id, user.id);
    }

    const fixed = [
      {
        email: 'educator@riverbend.example',
        firstName: 'Elena',
        lastName: 'Torres',
        schoolId: rhs.id,
        jobTitle: 'English Teacher',
      },
      {
        email: 'teacher@riverbend.example',
        firstName: 'Theo',
        lastName: 'Bennett',
        schoolId: rhs.id,
        jobTitle: 'Mathematics Teacher',
      },
      {
        email: 'priya.natarajan@riverbend.example',
        firstName: 'Priya',
        lastName: 'Natarajan',
        schoolId: rhs.id,
        jobTitle: 'Principal',
      },
    ];
    const people = await seedPeople(m, {
      districtId: riverbend.id,
      schools: rSchools,
      educators: 600,
      candidates: 120,
      extraNominations: { submitted: 16, declined: 9, withdrawn: 5 },
      hrUserId: users.get('hr@riverbend.example')!,
      principalUsers,
      emailDomain: 'riverbend.example',
      employeePrefix: 'RB',
      random,
      fixed,
    });
    const elena = people.educators.find((e) => e.email === 'educator@riverbend.example')!;
    const theo = people.educators.find((e) => e.email === 'teacher@riverbend.example')!;
    for (const [email, educator] of [
      ['educator@riverbend.example', elena],
      ['teacher@riverbend.example', theo],
    ] as const) {
      await f.createUser({
        email,
        name: names[email]!,
        role: 'educator',
        districtId: riverbend.id,
        educatorId: educator.id,
        password: DEMO_PASSWORD,
      });
    }
    // Elena: nominated by her principal two years ago, now developing toward assistant principal.
    const ap = people.roles.get('Assistant principal')!.id;
    const elenaCandidate = await f.createCandidate(
      {
        districtId: riverbend.id,
        educatorId: elena.id,
        roleId: ap,
      },
      [
        { to: 'engaged', daysAgo: 640, reason: 'Accepted the nomination' },
        { to: 'developing', daysAgo: 410 },
      ],
      { enteredDaysAgo: 660, actorUserId: users.get('hr@riverbend.example')! },
    );
    await f.createNomination({
      districtId: riverbend.id,
      educatorId: elena.id,
      targetRoleId: ap,
      nominatorUserId: users.get('principal@riverbend.example')!,
      nominatorKind: 'principal',
      rationale:
        'Elena led our ninth-grade team through a full curriculum review and runs the family partnership evenings.',
      status: 'approved',
      decidedByUserId: users.get('hr@riverbend.example')!,
      decidedAt: new Date(Date.now() - 660 * 86_400_000),
      candidateId: elenaCandidate.id,
      createdAt: new Date(Date.now() - 675 * 86_400_000),
    });

    // Riverbend's own framework, crosswalked to the reference ones (loaded before the demo).
    const frameworkNodes = await seedDistrictFramework(m, riverbend.id);
    await seedTargetsAndEvidence(
      m,
      riverbend.id,
      frameworkNodes,
      { hr: users.get('hr@riverbend.example')!, coordinator: users.get('coordinator@riverbend.example')! },
      random,
    );
    await seedDevelopment(
      m,
      f,
      riverbend.id,
      frameworkNodes,
      { coordinator: users.get('coordinator@riverbend.example')! },
      random,
    );

    // Lakeside: a smaller district with its own roster and a few candidates.
    const lakesideHr = users.get('hr@lakeside.example')!;
    await seedPeople(m, {
      districtId: lakeside.id,
      schools: lSchools,
      educators: 60,
      candidates: 8,
      extraNominations: { submitted: 3, declined: 1, withdrawn: 0 },
      hrUserId: lakesideHr,
      principalUsers: new Map(),
      emailDomain: 'lakeside.example',
      employeePrefix: 'LK',
      random,
      fixed: [],
    });

    // Seats, bench and readiness reviews in both districts (its own random source, after everything else).
    await seedPositionsAndReadiness(m, f, {
      riverbendId: riverbend.id,
      lakesideId: lakeside.id,
      users: {
        hr: users.get('hr@riverbend.example')!,
        superintendent: users.get('superintendent@riverbend.example')!,
        lakesideHr,
        rhsPrincipal: users.get('principal@riverbend.example')!,
      },
      elenaCandidateId: elenaCandidate.id,
    });
    // Five years of who held which seat: what the vacancy forecast learns from (docs/forecast.md).
    await seedSeatHistory(m, riverbend.id, { seed: 18 });
    await seedSeatHistory(m, lakeside.id, { seed: 19 });
    await seedCareerProfiles(m, riverbend.id, 20);
    await seedCareerProfiles(m, lakeside.id, 21);
    await seedCredentials(m, riverbend.id, users.get('hr@riverbend.example')!, 22);
    await seedCredentials(m, lakeside.id, lakesideHr, 23);
    await seedDevelopmentPlans(m, riverbend.id, users.get('coordinator@riverbend.example')!, 24);
    await seedDevelopmentPlans(m, lakeside.id, lakesideHr, 25);
    await seedMentors(m, f, riverbend.id, 26, {
      email: 'mentor@riverbend.example',
      password: DEMO_PASSWORD,
      schoolCode: 'EHS',
      menteeCandidateId: elenaCandidate.id,
    });
    await seedMentors(m, f, lakeside.id, 27);
    // What the district expects before a seat: a principal residency's internship hours, and mentoring.
    await m.query(
      `UPDATE leadership_roles SET internship_hours_target = CASE title WHEN 'Principal' THEN 300 ELSE 120 END,
              mentoring_hours_target = CASE title WHEN 'Principal' THEN 24 ELSE 12 END
        WHERE district_id = $1 AND title IN ('Principal', 'Assistant principal')`,
      [riverbend.id],
    );
    return true;
  });
}
