import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { whereInScope } from '../../auth/access/scope.js';
import type { Scope } from '../../auth/auth-context.js';
import { RowById } from '../../common/crud/row-by-id.js';
import { applyListQuery, fetchRawPage } from '../../common/pagination/apply-list-query.js';
import type { ListQuery } from '../../common/pagination/list-query.js';
import { COLLEAGUE_LIST, EDUCATOR_LIST } from './educator.dto.js';
import { EducatorEntity } from './educator.entity.js';

/** An educator row with its school's name and login, as lists and pages show it. */
export interface EducatorRow extends EducatorEntity {
  schoolName: string | null;
  userId: string | null;
  openToNomination: boolean;
}

const COLUMNS: [string, string][] = [
  ['e.id', 'id'],
  ['e.district_id', 'districtId'],
  ['e.employee_number', 'employeeNumber'],
  ['e.first_name', 'firstName'],
  ['e.last_name', 'lastName'],
  ['e.email', 'email'],
  ['e.school_id', 'schoolId'],
  ['s.name', 'schoolName'],
  ['e.job_title', 'jobTitle'],
  ['e.leadership_level', 'leadershipLevel'],
  ['e.years_in_education', 'yearsInEducation'],
  ['e.status', 'status'],
  ['e.retirement_eligible_year', 'retirementEligibleYear'],
  ['e.birth_year', 'birthYear'],
  ["to_char(e.service_start_on, 'YYYY-MM-DD')", 'serviceStartOn'],
  ['e.gender', 'gender'],
  ['e.race_ethnicity', 'raceEthnicity'],
  ['u.id', 'userId'],
  ['COALESCE(cp.open_to_nomination, false)', 'openToNomination'],
  ['e.version', 'version'],
  ['e.created_at', 'createdAt'],
  ['e.updated_at', 'updatedAt'],
];

@Injectable()
export class EducatorRepository {
  constructor(private readonly db: DataSource) {}

  private readonly byId = new RowById<EducatorRow>(() => this.base(), 'e.id');

  private base(manager: EntityManager | DataSource = this.db): SelectQueryBuilder<EducatorEntity> {
    const qb = manager
      .getRepository(EducatorEntity)
      .createQueryBuilder('e')
      .leftJoin('schools', 's', 's.id = e.school_id')
      .leftJoin('users', 'u', 'u.educator_id = e.id')
      .leftJoin('career_profiles', 'cp', 'cp.educator_id = e.id');
    qb.select(COLUMNS.map(([col, alias]) => `${col} AS "${alias}"`));
    return qb;
  }

  /**
   * A page in scope. An educator (self scope) sees the colleagues of their school, so the list narrows
   * to that school; the service reduces what it returns of them.
   */
  async list(scope: Scope, query: ListQuery, colleaguesOf?: string | null): Promise<[EducatorRow[], number]> {
    const qb = this.base();
    if (scope.kind === 'self') {
      qb.andWhere('e.district_id = :d', { d: scope.districtId });
      // Colleagues share the school (district-office staff: the district office); the caller is always included.
      const colleagues =
        '(e.id = :me OR e.school_id IS NOT DISTINCT FROM (SELECT me.school_id FROM educators me WHERE me.id = :me))';
      qb.andWhere(colleaguesOf ? colleagues : '1 = 0', { me: colleaguesOf });
    } else {
      whereInScope(qb, scope, { district: 'e.district_id', school: 'e.school_id' });
    }
    // A colleague's search reads names only: matching on an email or employee number they are not shown
    // would tell them what it holds.
    return fetchRawPage<EducatorRow>(qb, query, scope.kind === 'self' ? COLLEAGUE_LIST : EDUCATOR_LIST);
  }

  findRow(manager: EntityManager | DataSource, id: string): Promise<EducatorRow | undefined> {
    return this.byId.find(manager, id);
  }

  /** Streams the rows of a list query (no paging) for export. */
  async stream(scope: Scope, query: ListQuery) {
    const qb = this.base();
    whereInScope(qb, scope, { district: 'e.district_id', school: 'e.school_id' });
    const q = applyListQuery(qb, { ...query, offset: 0 }, EDUCATOR_LIST)
      .limit(undefined)
      .offset(undefined);
    return q.stream();
  }

  insert(manager: EntityManager, values: Partial<EducatorEntity>): Promise<EducatorEntity> {
    return manager.save(manager.create(EducatorEntity, values));
  }

  async schoolInDistrict(districtId: string, schoolId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM schools WHERE id = $1 AND district_id = $2`, [
      schoolId,
      districtId,
    ]);
    return rows.length > 0;
  }

  /** A deactivated educator cannot sign in: disable the linked login and revoke its tokens. */
  async disableLogin(manager: EntityManager, educatorId: string): Promise<void> {
    await manager.query(
      `UPDATE users SET active = false, token_version = token_version + 1, updated_at = now(), version = version + 1 WHERE educator_id = $1 AND active`,
      [educatorId],
    );
  }
}
