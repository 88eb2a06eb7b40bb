import {
  baseRate,
  DEFAULT_PENSION_RULES,
  eligibleSchoolYear,
  firstDay,
  lastDay,
  schoolYearOfDay,
  wholeYears,
  type SeatState,
} from '@emerge/api';
import { joinHistoryToSeats, simulateSeatHistory, type SimulatedPerson } from '@emerge/api/testing';
import type { EntityManager } from 'typeorm';

const YEARS = 5;

/** The demo's "true" turnover: a little unlike the public base rates, so the forecast has something to learn. */
export function demoRates(title: string): Record<SeatState, number> {
  const base = baseRate(title).rate;
  return { new: base + 0.06, settled: Math.max(0.04, base - 0.06), eligible: base + 0.22 };
}

/** Who fills a role's seats from another role's: assistant principals become principals, and so on. */
const CHAINS: Record<string, { from: string; share: number }[]> = {
  principal: [{ from: 'assistant principal', share: 0.5 }],
  'assistant principal': [{ from: 'dean', share: 0.3 }],
  director: [{ from: 'principal', share: 0.25 }],
  'director of curriculum': [{ from: 'principal', share: 0.25 }],
  'chief academic officer': [{ from: 'director', share: 0.5 }],
  'assistant superintendent': [{ from: 'director of curriculum', share: 0.5 }],
};

/** The demo's chains among the roles of a district, by role title (any case). */
export function demoChains(titleOf: Map<string, string>): (roleId: string) => { fromRoleId: string; share: number }[] {
  const byTitle = new Map([...titleOf].map(([id, title]) => [title.toLowerCase(), id]));
  return (roleId) =>
    (CHAINS[titleOf.get(roleId)?.toLowerCase() ?? ''] ?? [])
      .filter((c) => byTitle.has(c.from))
      .map((c) => ({ fromRoleId: byTitle.get(c.from)!, share: c.share }));
}

/**
 * Retirement data for the roster, consistent with the retirement-eligible year it already has: service from
 * `years_in_education` years ago, and the birth year that makes the default rules first hold in that year.
 */
async function retirementData(m: EntityManager, districtId: string, today: string): Promise<void> {
  const people = (await m.query(
    `SELECT id, years_in_education AS years, retirement_eligible_year AS year FROM educators WHERE district_id = $1`,
    [districtId],
  )) as { id: string; years: number | null; year: number | null }[];
  const rows: [string, number, string][] = [];
  for (const p of people) {
    if (p.years === null || p.year === null) continue;
    const start = `${Number(today.slice(0, 4)) - p.years}-08-15`;
    const service = wholeYears(start, lastDay(p.year));
    const birthYear = p.year + 1 - Math.max(55, 85 - service);
    if (eligibleSchoolYear(birthYear, start, DEFAULT_PENSION_RULES) === p.year) rows.push([p.id, birthYear, start]);
  }
  for (let i = 0; i < rows.length; i += 500) {
    const part = rows.slice(i, i + 500);
    await m.query(
      `UPDATE educators e SET birth_year = x.b, service_start_on = x.s
         FROM unnest($1::uuid[], $2::int[], $3::date[]) x (id, b, s) WHERE e.id = x.id`,
      [part.map((r) => r[0]), part.map((r) => r[1]), part.map((r) => r[2])],
    );
  }
}

/**
 * Five school years of seat history for a district (docs/forecast.md): drawn forward from known rates
 * (`demoRates`, `CHAINS`), then joined to today's seats as seeded: a seat keeps its incumbent from the day they
 * were placed, the history before that day stays, and a vacant seat's last holder left this school year.
 */
export async function seedSeatHistory(m: EntityManager, districtId: string, o: { seed: number }): Promise<void> {
  const today = new Date().toISOString().slice(0, 10);
  await retirementData(m, districtId, today);
  const current = schoolYearOfDay(today);
  const fromYear = current - YEARS;
  const seats = (await m.query(
    `SELECT p.id AS "seatId", p.role_id AS "roleId", r.title, r.level, p.school_id AS "schoolId",
            p.incumbent_educator_id AS incumbent, to_char(p.filled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS "filledOn"
       FROM positions p JOIN leadership_roles r ON r.id = p.role_id
      WHERE p.district_id = $1 ORDER BY p.title, p.id`,
    [districtId],
  )) as {
    seatId: string;
    roleId: string;
    title: string;
    level: string;
    schoolId: string | null;
    incumbent: string | null;
    filledOn: string | null;
  }[];
  const titleOf = new Map(seats.map((s) => [s.roleId, s.title]));
  // Past holders are people of the roster who hold no seat now, are no candidate or nominee and have no login
  // (the demo's stories stay as they are): those who left first, then the most senior. Their recorded birth
  // year and service start decide their eligibility, in the draw and in the forecast alike.
  const pool = (await m.query(
    `SELECT e.id, e.birth_year AS "birthYear", to_char(e.service_start_on, 'YYYY-MM-DD') AS "serviceStartOn"
       FROM educators e
      WHERE e.district_id = $1 AND e.birth_year IS NOT NULL AND e.service_start_on IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM positions p WHERE p.incumbent_educator_id = e.id)
        AND NOT EXISTS (SELECT 1 FROM candidates c WHERE c.educator_id = e.id)
        AND NOT EXISTS (SELECT 1 FROM nominations n WHERE n.educator_id = e.id)
        AND NOT EXISTS (SELECT 1 FROM users u WHERE u.educator_id = e.id)
      ORDER BY e.status = 'inactive' DESC, e.years_in_education DESC, e.employee_number`,
    [districtId],
  )) as SimulatedPerson[];
  const history = simulateSeatHistory({
    seats,
    rates: (roleId) => demoRates(titleOf.get(roleId)!),
    chains: demoChains(titleOf),
    rules: DEFAULT_PENSION_RULES,
    fromYear,
    toYear: current - 1,
    seed: o.seed,
    personId: (n) => `sim-${n}`,
    newPerson: pool.length ? (n) => pool[n % pool.length]! : undefined,
  });
  const tenures = joinHistoryToSeats(history.tenures, seats, today, o.seed + 2);
  const schoolOf = new Map(seats.map((s) => [s.seatId, s.schoolId]));
  await m.query(`DELETE FROM seat_tenures WHERE district_id = $1`, [districtId]);
  for (const t of tenures) {
    await m.query(
      `INSERT INTO seat_tenures (district_id, position_id, role_id, school_id, educator_id, started_on, ended_on, ended_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $7::date IS NULL THEN NULL ELSE 'vacated' END)`,
      [
        districtId,
        t.seatId,
        t.roleId,
        schoolOf.get(t.seatId) ?? null,
        t.educatorId?.startsWith('sim-') ? null : t.educatorId,
        t.startedOn,
        t.endedOn,
      ],
    );
  }
  await m.query(`UPDATE districts SET seat_history_since = $2 WHERE id = $1`, [districtId, firstDay(fromYear)]);
}
