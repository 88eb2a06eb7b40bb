import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { whereInScope } from '../../auth/access/scope.js';
import type { Scope } from '../../auth/auth-context.js';
import { RowById } from '../../common/crud/row-by-id.js';
import { fetchRawPage } from '../../common/pagination/apply-list-query.js';
import type { ListQuery } from '../../common/pagination/list-query.js';
import type { ReadinessBand, Stage } from '../candidates/stages.js';
import type { EducatorStatus, LeadershipLevel } from '../educators/educator.entity.js';
import { BENCH_STAGES, OPENING_SQL, POSITION_LIST } from './position.dto.js';
import type { PositionStatus } from './position.entity.js';
import { PositionEntity } from './position.entity.js';

export interface PositionRow {
  id: string;
  districtId: string;
  title: string;
  roleId: string;
  roleTitle: string;
  roleLevel: LeadershipLevel;
  roleRequiresLicence: boolean;
  schoolId: string | null;
  schoolName: string | null;
  incumbentEducatorId: string | null;
  incumbentName: string | null;
  incumbentRetirementEligibleYear: number | null;
  status: PositionStatus;
  projectedVacancyOn: string | null;
  projectedOpeningOn: string | null;
  placedCandidateId: string | null;
  filledAt: Date | null;
  benchReadyNow: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface BenchRow {
  candidateId: string;
  educatorId: string;
  firstName: string;
  lastName: string;
  educatorStatus: EducatorStatus;
  schoolId: string | null;
  schoolName: string | null;
  roleId: string;
  stage: Stage;
  stageEnteredAt: Date;
  readiness: ReadinessBand;
  readinessConfirmedAt: Date | null;
  evidenceCount: number;
  newEvidence: number;
}

const COLUMNS = [
  'p.id AS "id"',
  'p.district_id AS "districtId"',
  'p.title AS "title"',
  'p.role_id AS "roleId"',
  'r.title AS "roleTitle"',
  'r.level AS "roleLevel"',
  'r.requires_licence AS "roleRequiresLicence"',
  'p.school_id AS "schoolId"',
  's.name AS "schoolName"',
  'p.incumbent_educator_id AS "incumbentEducatorId"',
  `i.first_name || ' ' || i.last_name AS "incumbentName"`,
  'i.retirement_eligible_year AS "incumbentRetirementEligibleYear"',
  'p.status AS "status"',
  `to_char(p.projected_vacancy_on, 'YYYY-MM-DD') AS "projectedVacancyOn"`,
  `to_char(${OPENING_SQL}, 'YYYY-MM-DD') AS "projectedOpeningOn"`,
  'p.placed_candidate_id AS "placedCandidateId"',
  'p.filled_at AS "filledAt"',
  `(SELECT count(*) FROM candidates bc WHERE bc.role_id = p.role_id AND bc.readiness = 'ready_now'
     AND bc.stage IN (${BENCH_STAGES.map((s) => `'${s}'`).join(', ')}))::int AS "benchReadyNow"`,
  'p.version AS "version"',
  'p.created_at AS "createdAt"',
  'p.updated_at AS "updatedAt"',
];

@Injectable()
export class PositionRepository {
  constructor(private readonly db: DataSource) {}

  private readonly byId = new RowById<PositionRow>(() => this.base(), 'p.id');

  private base(manager: EntityManager | DataSource = this.db): SelectQueryBuilder<PositionEntity> {
    return manager
      .getRepository(PositionEntity)
      .createQueryBuilder('p')
      .innerJoin('leadership_roles', 'r', 'r.id = p.role_id')
      .leftJoin('schools', 's', 's.id = p.school_id')
      .leftJoin('educators', 'i', 'i.id = p.incumbent_educator_id')
      .select(COLUMNS);
  }

  list(scope: Scope, query: ListQuery): Promise<[PositionRow[], number]> {
    const qb = whereInScope(this.base(), scope, { district: 'p.district_id' });
    return fetchRawPage<PositionRow>(qb, query, POSITION_LIST);
  }

  findRow(manager: EntityManager | DataSource, id: string): Promise<PositionRow | undefined> {
    return this.byId.find(manager, id);
  }

  lock(manager: EntityManager, id: string): Promise<PositionEntity | null> {
    return manager.getRepository(PositionEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Serialises every change of who sits where for one educator (edits and placements), so two requests
   * cannot seat the same person twice. Held until the transaction ends.
   */
  async lockEducatorSeats(manager: EntityManager, educatorId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('position-incumbent'), hashtext($1))`, [educatorId]);
  }

  /** The seats an educator holds, other than `exceptId`, locked. */
  seatsHeldBy(manager: EntityManager, educatorId: string, exceptId: string | null): Promise<PositionEntity[]> {
    const qb = manager
      .getRepository(PositionEntity)
      .createQueryBuilder('p')
      .setLock('pessimistic_write')
      .where('p.incumbent_educator_id = :educatorId', { educatorId })
      .orderBy('p.id');
    if (exceptId) qb.andWhere('p.id <> :exceptId', { exceptId });
    return qb.getMany();
  }

  async role(
    manager: EntityManager,
    districtId: string,
    id: string,
  ): Promise<{ title: string; requiresLicence: boolean } | undefined> {
    const rows: { title: string; requiresLicence: boolean }[] = await manager.query(
      `SELECT title, requires_licence AS "requiresLicence" FROM leadership_roles WHERE id = $1 AND district_id = $2`,
      [id, districtId],
    );
    return rows[0];
  }

  async school(manager: EntityManager, districtId: string, id: string): Promise<{ name: string } | undefined> {
    const rows: { name: string }[] = await manager.query(
      `SELECT name FROM schools WHERE id = $1 AND district_id = $2`,
      [id, districtId],
    );
    return rows[0];
  }

  async educator(
    manager: EntityManager,
    districtId: string,
    id: string,
  ): Promise<{ name: string; status: EducatorStatus } | undefined> {
    const rows: { name: string; status: EducatorStatus }[] = await manager.query(
      `SELECT first_name || ' ' || last_name AS name, status FROM educators WHERE id = $1 AND district_id = $2`,
      [id, districtId],
    );
    return rows[0];
  }

  /** The role's bench candidates (BENCH_STAGES) with their evidence counts, minus the seat's own incumbent. */
  bench(districtId: string, roleId: string, incumbentEducatorId: string | null): Promise<BenchRow[]> {
    return this.db.query(
      `SELECT c.id AS "candidateId", c.educator_id AS "educatorId", e.first_name AS "firstName", e.last_name AS "lastName",
              e.status AS "educatorStatus", e.school_id AS "schoolId", s.name AS "schoolName", c.role_id AS "roleId", c.stage,
              c.stage_entered_at AS "stageEnteredAt", c.readiness, c.readiness_confirmed_at AS "readinessConfirmedAt",
              (SELECT count(*) FROM evidence v WHERE v.candidate_id = c.id)::int AS "evidenceCount",
              (SELECT count(*) FROM evidence v WHERE v.candidate_id = c.id AND v.created_at > c.readiness_confirmed_at)::int AS "newEvidence"
         FROM candidates c JOIN educators e ON e.id = c.educator_id LEFT JOIN schools s ON s.id = e.school_id
        WHERE c.district_id = $1 AND c.role_id = $2 AND c.stage = ANY($3::candidate_stage[])
          AND c.educator_id IS DISTINCT FROM $4`,
      [districtId, roleId, BENCH_STAGES, incumbentEducatorId],
    );
  }

  /** The stage of the candidacy last placed into a seat, with the person's name. */
  async placedCandidate(
    manager: EntityManager,
    candidateId: string,
  ): Promise<{ stage: Stage; name: string } | undefined> {
    const rows: { stage: Stage; name: string }[] = await manager.query(
      `SELECT c.stage, e.first_name || ' ' || e.last_name AS name FROM candidates c JOIN educators e ON e.id = c.educator_id WHERE c.id = $1`,
      [candidateId],
    );
    return rows[0];
  }
}
