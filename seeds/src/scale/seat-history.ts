import type { Tenure } from '@emerge/api';
import { firstDay, schoolYearOfDay } from '@emerge/api';
import { SeededRandom, simulateSeatHistory, type SimulatedPerson } from '@emerge/api/testing';
import type pg from 'pg';
import { demoChains, demoRates } from '../scenarios/seat-history.js';

const YEARS = 5;
const CHUNK = 5000;

interface SeatRow {
  seatId: string;
  d: string;
  roleId: string;
  title: string;
  schoolId: string | null;
  incumbent: string | null;
  filledOn: string | null;
}

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Today's seats become what the history ends with, so that the data follows the drawn rates to the end: a filled
 * seat's incumbent is its last holder, from the day they took it (the generated incumbent stays when that
 * holder already holds another seat); a vacant seat's last holder left 20 to 120 days ago.
 */
function adopt(tenures: Tenure[], seats: SeatRow[], today: string, seed: number) {
  const r = new SeededRandom(seed);
  const open = new Map(tenures.filter((t) => t.endedOn === null).map((t) => [t.seatId, t]));
  const taken = new Set<string>();
  const updates: { seatId: string; incumbent: string; filledOn: string }[] = [];
  for (const seat of seats) {
    const last = open.get(seat.seatId);
    if (!last) continue;
    if (seat.incumbent === null) {
      const left = addDays(today, -r.int(20, 120));
      last.endedOn = left < last.startedOn ? last.startedOn : left;
      continue;
    }
    const person = last.educatorId;
    if (!person || person.startsWith('sim-') || taken.has(person)) last.educatorId = seat.incumbent;
    taken.add(last.educatorId!);
    updates.push({ seatId: seat.seatId, incumbent: last.educatorId!, filledOn: last.startedOn });
  }
  return updates;
}

/**
 * Five school years of seat history for every generated district, drawn from the demo's known rates and
 * chains (`demoRates`, `demoChains`); today's seats take the history's last holders (`adopt`). Past holders
 * are people of the district's roster who held no seat (those who left first), so their recorded birth year
 * and service start decide their eligibility, in the draw and in the forecast alike. Returns the tenures
 * written.
 */
export async function writeSeatHistory(client: pg.Client, seed: number, asOf: number): Promise<number> {
  const today = new Date(asOf).toISOString().slice(0, 10);
  const fromYear = schoolYearOfDay(today) - YEARS;
  const { rows: seats } = await client.query<SeatRow>(
    `SELECT p.id AS "seatId", p.district_id AS d, p.role_id AS "roleId", r.title, p.school_id AS "schoolId",
            p.incumbent_educator_id AS incumbent, to_char(p.filled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS "filledOn"
       FROM positions p JOIN leadership_roles r ON r.id = p.role_id
      ORDER BY p.district_id, p.id`,
  );
  const byDistrict = new Map<string, SeatRow[]>();
  for (const s of seats) byDistrict.set(s.d, [...(byDistrict.get(s.d) ?? []), s]);
  let written = 0;
  let n = 0;
  for (const [d, own] of byDistrict) {
    // About two past holders per seat over five years; the most senior first, those who left before them.
    const { rows: pool } = await client.query<SimulatedPerson>(
      `SELECT e.id, e.birth_year AS "birthYear", to_char(e.service_start_on, 'YYYY-MM-DD') AS "serviceStartOn"
         FROM educators e
        WHERE e.district_id = $1 AND e.birth_year IS NOT NULL AND e.service_start_on IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM positions p WHERE p.incumbent_educator_id = e.id)
        ORDER BY e.status = 'inactive' DESC, e.years_in_education DESC, e.id
        LIMIT $2`,
      [d, own.length * 3],
    );
    const titleOf = new Map(own.map((s) => [s.roleId, s.title]));
    const history = simulateSeatHistory({
      seats: own,
      rates: (roleId) => demoRates(titleOf.get(roleId)!),
      chains: demoChains(titleOf),
      rules: [
        { minAge: 65, minYears: 5 },
        { minAge: 55, ruleOfN: 85 },
      ],
      fromYear,
      toYear: fromYear + YEARS - 1,
      seed: seed * 10_000 + n,
      personId: (i) => `sim-${i}`,
      newPerson: pool.length ? (i) => pool[i % pool.length]! : undefined,
    });
    const tenures = history.tenures;
    const updates = adopt(tenures, own, today, seed * 10_000 + n + 1);
    n++;
    await client.query(
      `UPDATE positions p SET incumbent_educator_id = x.e, filled_at = x.f::timestamptz
         FROM unnest($1::uuid[], $2::uuid[], $3::date[]) x (id, e, f) WHERE p.id = x.id`,
      [updates.map((u) => u.seatId), updates.map((u) => u.incumbent), updates.map((u) => u.filledOn)],
    );
    const school = new Map(own.map((s) => [s.seatId, s.schoolId]));
    for (let i = 0; i < tenures.length; i += CHUNK) {
      const part = tenures.slice(i, i + CHUNK);
      await client.query(
        `INSERT INTO seat_tenures (district_id, position_id, role_id, school_id, educator_id, started_on, ended_on, ended_by)
         SELECT $1, x.p, x.r, x.s, x.e, x.a, x.b, CASE WHEN x.b IS NULL THEN NULL ELSE 'vacated' END
           FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::date[], $7::date[]) x (p, r, s, e, a, b)`,
        [
          d,
          part.map((t) => t.seatId),
          part.map((t) => t.roleId),
          part.map((t) => school.get(t.seatId) ?? null),
          part.map((t) => (t.educatorId?.startsWith('sim-') ? null : t.educatorId)),
          part.map((t) => t.startedOn),
          part.map((t) => t.endedOn),
        ],
      );
    }
    written += tenures.length;
  }
  await client.query(`UPDATE districts SET seat_history_since = $1`, [firstDay(fromYear)]);
  return written;
}
