import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../../auth/auth-context.js';
import { requireDistrict } from '../../auth/auth-context.js';
import type { FieldErrors } from '../../common/errors/app-error.js';
import { AppError } from '../../common/errors/app-error.js';
import type { DashboardQueryDto, PeriodDto } from './dashboard-query.dto.js';
import type { MetricContext } from './metric-sql.js';
import { parseSchoolYear } from './school-year.js';

/** Checks a dashboard request's filters against the caller's district and scope (400 naming the bad one). */
@Injectable()
export class MetricContextService {
  constructor(private readonly db: DataSource) {}

  async resolve(auth: AuthContext, query: DashboardQueryDto): Promise<MetricContext> {
    const districtId = requireDistrict(auth);
    const errors: FieldErrors = {};
    const period = query.schoolYear === undefined ? null : parseSchoolYear(query.schoolYear);
    if (query.schoolYear !== undefined && !period)
      errors.schoolYear = 'schoolYear must be a school year like 2025-26 (July 1 to June 30 of the next year)';
    const [found]: { threshold: number; school: boolean; role: boolean }[] = await this.db.query(
      `SELECT d.small_cell_threshold AS threshold,
              EXISTS (SELECT 1 FROM schools s WHERE s.id = $2 AND s.district_id = d.id) AS school,
              EXISTS (SELECT 1 FROM leadership_roles r WHERE r.id = $3 AND r.district_id = d.id) AS role
         FROM districts d WHERE d.id = $1`,
      [districtId, query.schoolId ?? null, query.roleId ?? null],
    );
    if (!found) throw AppError.notFound('District');
    const { scope } = auth;
    if (query.schoolId !== undefined) {
      if (scope.kind === 'schools' && !scope.schoolIds.includes(query.schoolId))
        errors.schoolId = 'schoolId must be one of your schools';
      else if (!found.school) errors.schoolId = 'schoolId must be a school of your district';
    }
    if (query.roleId !== undefined && !found.role) errors.roleId = 'roleId must be a leadership role of your district';
    if (Object.keys(errors).length) throw AppError.validation(errors);
    return {
      auth,
      districtId,
      level: query.level ?? null,
      schoolId: query.schoolId ?? null,
      roleId: query.roleId ?? null,
      period,
      threshold: found.threshold,
    };
  }
}

export function toPeriod(ctx: MetricContext): PeriodDto {
  const p = ctx.period;
  return { schoolYear: p?.schoolYear ?? null, firstDay: p?.firstDay ?? null, lastDay: p?.lastDay ?? null };
}
