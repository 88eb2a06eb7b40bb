import { measureUtility, type MeasuredColumn, type Utility } from '@emerge/api';
import type pg from 'pg';
import { recordStatements } from './harness.js';

interface Table {
  columns: string[];
  methods: ('rounded' | 'noisy')[];
  rows: { group: string; cells: { count: number | null }[] }[];
}
interface Row {
  col: string;
  grp: string;
  n: number;
}

/**
 * What disclosure control costs on real-sized data: the equity answers the API gives for the district,
 * district-wide and under filters, against the true counts from the same SQL statement the API ran.
 */
export async function benchEquityUtility(
  client: pg.Client,
  databaseUrl: string,
  hrEmail: string,
  districtId: string,
): Promise<{ requests: number; threshold: number; utility: Utility }> {
  const [{ threshold }] = (
    await client.query<{ threshold: number }>(`SELECT small_cell_threshold AS threshold FROM districts WHERE id = $1`, [
      districtId,
    ])
  ).rows as [{ threshold: number }];
  const schools = (
    await client.query<{ id: string }>(`SELECT id FROM schools WHERE district_id = $1 ORDER BY id LIMIT 10`, [
      districtId,
    ])
  ).rows;
  const roles = (
    await client.query<{ id: string }>(`SELECT id FROM leadership_roles WHERE district_id = $1 ORDER BY id LIMIT 5`, [
      districtId,
    ])
  ).rows;
  const filters: Record<string, string>[] = [
    {},
    { schoolYear: '2025-26' },
    { schoolYear: '2024-25' },
    ...['classroom', 'school', 'district'].map((level) => ({ level })),
    ...schools.map((s) => ({ schoolId: s.id })),
    ...roles.map((r) => ({ roleId: r.id })),
  ];
  const paths = ['gender', 'raceEthnicity'].flatMap((dimension) =>
    filters.map((f) => `/api/dashboard/equity?${new URLSearchParams({ ...f, dimension }).toString()}`),
  );
  const recorded = await recordStatements(
    databaseUrl,
    paths.map((path) => ({ email: hrEmail, path })),
  );
  const columns: MeasuredColumn[] = [];
  for (const { statements, body } of recorded) {
    const sql = statements.find((s) => s.sql.includes('disclosure_keys'));
    if (!sql) throw new Error('the equity request ran no keyed statement');
    const { rows } = await client.query<{ representation: Row[]; entered: Row[] }>(sql.sql, sql.parameters);
    const answer = JSON.parse(body) as Record<'representation' | 'entered', Table>;
    for (const name of ['representation', 'entered'] as const) {
      const truth = new Map(rows[0]![name].map((r) => [`${r.col}|${r.grp}`, r.n]));
      const table = answer[name];
      table.columns.forEach((col, j) =>
        columns.push({
          method: table.methods[j]!,
          truth: table.rows.map((r) => truth.get(`${col}|${r.group}`) ?? 0),
          published: table.rows.map((r) => r.cells[j]!.count),
        }),
      );
    }
  }
  return { requests: paths.length, threshold, utility: measureUtility(columns, threshold) };
}

export function formatUtility(u: Utility): string[] {
  const pct = (a: number, b: number) => `${((100 * a) / Math.max(b, 1)).toFixed(1)} %`;
  const f = (x: number | null) => (x === null ? '–' : x.toFixed(2));
  return [
    `counts published: ${u.published} of ${u.cells} (${pct(u.published, u.cells)}); of counts ≥ threshold: ${u.largePublished} of ${u.large} (${pct(u.largePublished, u.large)})`,
    `abs error, rounded: mean ${f(u.meanAbsError.rounded)}, max ${f(u.maxAbsError.rounded)}; noisy: mean ${f(u.meanAbsError.noisy)}, max ${f(u.maxAbsError.noisy)}`,
    `order kept where the true gap is ≥ 5: ${u.orderKept} of ${u.orderPairs} pairs (${pct(u.orderKept, u.orderPairs)})`,
  ];
}
