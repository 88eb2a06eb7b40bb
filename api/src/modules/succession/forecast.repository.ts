import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ACTIVE_STAGES } from '../candidates/stages.js';
import { sqlList } from '../dashboard/metric-sql.js';
import type { PensionRule, Tenure } from './forecast-model.js';

export interface ForecastDistrict {
  pensionRules: PensionRule[] | null;
  seatHistorySince: string;
  threshold: number;
}

export interface ForecastRole {
  id: string;
  title: string;
  level: string;
}

export interface ForecastPosition {
  id: string;
  roleId: string;
  schoolId: string | null;
  schoolName: string | null;
  title: string;
  incumbentEducatorId: string | null;
  incumbentName: string | null;
  knownDepartureOn: string | null;
  tenureStartedOn: string | null;
}

/** What a person's retirement eligibility is decided from. */
export interface ForecastPerson {
  id: string;
  birthYear: number | null;
  serviceStartOn: string | null;
  retirementEligibleYear: number | null;
}

export interface ForecastInputs {
  district: ForecastDistrict;
  roles: ForecastRole[];
  positions: ForecastPosition[];
  tenures: Tenure[];
  people: ForecastPerson[];
  /** Active candidacies per role, and how many of them hold a seat of each role now. */
  bench: { roleId: string; fromRoleId: string | null; n: number }[];
  /** Candidacies not yet placed, of people on the roster, per role and confirmed band. */
  ready: { roleId: string; readiness: string; n: number }[];
}

const DAY = (col: string) => `to_char(${col}, 'YYYY-MM-DD')`;
const PIPELINE = sqlList(ACTIVE_STAGES.filter((s) => !['placed', 'supported'].includes(s)));

/** The forecast's inputs for one district, read in one repeatable-read snapshot. */
@Injectable()
export class ForecastRepository {
  constructor(private readonly db: DataSource) {}

  inputs(districtId: string): Promise<ForecastInputs> {
    return this.db.transaction('REPEATABLE READ', async (m) => {
      const [district] = (await m.query(
        `SELECT pension_rules AS "pensionRules", ${DAY('seat_history_since')} AS "seatHistorySince",
                small_cell_threshold AS threshold
           FROM districts WHERE id = $1`,
        [districtId],
      )) as ForecastDistrict[];
      const roles = (await m.query(
        `SELECT id, title, level FROM leadership_roles WHERE district_id = $1 ORDER BY level, title, id`,
        [districtId],
      )) as ForecastRole[];
      const positions = (await m.query(
        `SELECT p.id, p.role_id AS "roleId", p.school_id AS "schoolId", s.name AS "schoolName", p.title,
                p.incumbent_educator_id AS "incumbentEducatorId",
                CASE WHEN e.id IS NULL THEN NULL ELSE e.first_name || ' ' || e.last_name END AS "incumbentName",
                ${DAY('p.projected_vacancy_on')} AS "knownDepartureOn", ${DAY('t.started_on')} AS "tenureStartedOn"
           FROM positions p
           LEFT JOIN schools s ON s.id = p.school_id
           LEFT JOIN educators e ON e.id = p.incumbent_educator_id
           LEFT JOIN seat_tenures t ON t.position_id = p.id AND t.ended_on IS NULL
          WHERE p.district_id = $1
          ORDER BY p.title, p.id`,
        [districtId],
      )) as ForecastPosition[];
      const tenures = (
        (await m.query(
          `SELECT position_id AS "seatId", role_id AS "roleId", educator_id AS "educatorId",
                  ${DAY('started_on')} AS "startedOn", ${DAY('ended_on')} AS "endedOn", ended_by AS "endedBy"
             FROM seat_tenures WHERE district_id = $1 ORDER BY started_on, id`,
          [districtId],
        )) as (Omit<Tenure, 'vacated'> & { endedBy: string | null })[]
      ).map(({ endedBy, ...t }) => ({ ...t, vacated: endedBy !== 'seat_removed' }));
      const people = (await m.query(
        `SELECT e.id, e.birth_year AS "birthYear", ${DAY('e.service_start_on')} AS "serviceStartOn",
                e.retirement_eligible_year AS "retirementEligibleYear"
           FROM educators e
          WHERE e.id IN (SELECT educator_id FROM seat_tenures WHERE district_id = $1
                         UNION SELECT incumbent_educator_id FROM positions WHERE district_id = $1)`,
        [districtId],
      )) as ForecastPerson[];
      const bench = (await m.query(
        `SELECT c.role_id AS "roleId", p.role_id AS "fromRoleId", count(DISTINCT c.id)::int AS n
           FROM candidates c
           LEFT JOIN positions p ON p.district_id = c.district_id AND p.incumbent_educator_id = c.educator_id
          WHERE c.district_id = $1 AND c.stage IN (${PIPELINE})
          GROUP BY 1, 2`,
        [districtId],
      )) as ForecastInputs['bench'];
      const ready = (await m.query(
        `SELECT c.role_id AS "roleId", c.readiness::text AS readiness, count(*)::int AS n
           FROM candidates c JOIN educators e ON e.id = c.educator_id
          WHERE c.district_id = $1 AND c.stage IN (${PIPELINE}) AND e.status = 'active'
          GROUP BY 1, 2`,
        [districtId],
      )) as ForecastInputs['ready'];
      return { district: district!, roles, positions, tenures, people, bench, ready };
    });
  }

  /**
   * Changes to any input show here (row counts and latest updates, each through an index): the cached
   * forecast is reused while it is the same, on the same day.
   */
  async fingerprint(districtId: string): Promise<string> {
    const [row] = (await this.db.query(
      `SELECT concat_ws('|',
         (SELECT updated_at FROM districts WHERE id = $1),
         (SELECT count(*) || ':' || COALESCE(max(updated_at)::text, '') FROM leadership_roles WHERE district_id = $1),
         (SELECT count(*) || ':' || COALESCE(max(updated_at)::text, '') FROM positions WHERE district_id = $1),
         (SELECT count(*) FROM seat_tenures WHERE district_id = $1),
         (SELECT max(updated_at) FROM educators WHERE district_id = $1),
         (SELECT max(updated_at) FROM candidates WHERE district_id = $1)) AS key`,
      [districtId],
    )) as { key: string }[];
    return row!.key;
  }
}
