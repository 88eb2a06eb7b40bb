import { Role } from '@emerge/api';
import { Factories } from '@emerge/api/testing';
import { DataSource } from 'typeorm';

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
    const f = new Factories(m);
    const riverbend = await f.createDistrict({ name: 'Riverbend Unified School District', slug: 'riverbend' });
    const lakeside = await f.createDistrict({ name: 'Lakeside County Schools', slug: 'lakeside' });
    const rSchools = [];
    for (const [name, code, gradeBand] of RIVERBEND_SCHOOLS)
      rSchools.push(await f.createSchool({ districtId: riverbend.id, name, code, gradeBand }));
    for (const [name, code, gradeBand] of LAKESIDE_SCHOOLS)
      await f.createSchool({ districtId: lakeside.id, name, code, gradeBand });
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
    for (const account of DEMO_ACCOUNTS) {
      const districtId = account.email.endsWith('@lakeside.example') ? lakeside.id : riverbend.id;
      await f.createUser({
        email: account.email,
        name: names[account.email] ?? account.email,
        role: account.role,
        districtId: account.role === 'platform_admin' ? null : districtId,
        schoolIds: account.role === 'principal' ? [rhs.id] : [],
        password: DEMO_PASSWORD,
      });
    }
    return true;
  });
}
