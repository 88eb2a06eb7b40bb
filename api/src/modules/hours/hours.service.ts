import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService } from '../../auth/access/access.service.js';
import { whereInScope } from '../../auth/access/scope.js';
import type { AuthContext } from '../../auth/auth-context.js';
import { Permission } from '../../auth/permissions.js';
import { fetchRawPage } from '../../common/pagination/apply-list-query.js';
import type { ListQuery, Page } from '../../common/pagination/list-query.js';
import { PLAN_STAGES } from '../plans/plan.service.js';
import { schoolYearName } from '../succession/forecast-model.js';
import type { CandidateHoursDto, HoursOfKindDto, HoursRowDto } from './hours.dto.js';
import { HOURS_COLUMNS, HOURS_LIST, PROGRESS_SQL } from './hours.dto.js';

/** The school year (July to June) of a moment, by its first calendar year. */
const YEAR = (at: string) => `extract(year FROM (${at} AT TIME ZONE 'UTC') - interval '6 months')::int`;

const kind = (rows: { y: number; hours: string }[], target: number | null): HoursOfKindDto => ({
  total: rows.reduce((sum, r) => sum + Number(r.hours), 0),
  target,
  byYear: rows.map((r) => ({ schoolYear: schoolYearName(r.y), hours: Number(r.hours) })),
});

/** Internship and mentoring hours against the role's targets (issue #19 part 5). */
@Injectable()
export class HoursService {
  constructor(
    private readonly access: AccessService,
    private readonly db: DataSource,
  ) {}

  async of(auth: AuthContext, candidateId: string): Promise<CandidateHoursDto> {
    await this.access.require(auth, Permission.CandidateRead, [candidateId], 'Candidate');
    const [targets]: { internship: number | null; mentoring: number | null }[] = await this.db.query(
      `SELECT r.internship_hours_target AS internship, r.mentoring_hours_target AS mentoring
         FROM candidates c JOIN leadership_roles r ON r.id = c.role_id WHERE c.id = $1`,
      [candidateId],
    );
    const internship: { y: number; hours: string }[] = await this.db.query(
      `SELECT ${YEAR('coalesce(a.started_at, a.created_at)')} AS y, sum(a.hours_logged) AS hours
         FROM assignments a WHERE a.candidate_id = $1 AND a.status <> 'withdrawn' AND a.hours_logged > 0
        GROUP BY 1 ORDER BY 1`,
      [candidateId],
    );
    const mentoring: { y: number; hours: string }[] = await this.db.query(
      `SELECT ${YEAR("x.held_on::timestamp AT TIME ZONE 'UTC'")} AS y, round(sum(x.minutes) / 15.0) / 4 AS hours
         FROM mentoring_sessions x JOIN mentorships ms ON ms.id = x.mentorship_id
        WHERE ms.candidate_id = $1 GROUP BY 1 ORDER BY 1`,
      [candidateId],
    );
    return {
      candidateId,
      internship: kind(internship, targets?.internship ?? null),
      mentoring: kind(mentoring, targets?.mentoring ?? null),
    };
  }

  /** Candidacies of the caller's scope, from engaged on, whose role sets a target: the least advanced first. */
  async list(auth: AuthContext, query: ListQuery): Promise<Page<HoursRowDto>> {
    await this.access.require(auth, Permission.CandidateRead, []);
    const qb = this.db
      .createQueryBuilder()
      .from('candidates', 'c')
      .innerJoin('educators', 'e', 'e.id = c.educator_id')
      .innerJoin('leadership_roles', 'r', 'r.id = c.role_id')
      .select([
        'c.id AS "id"',
        'e.first_name AS "firstName"',
        'e.last_name AS "lastName"',
        'r.title AS "roleTitle"',
        'c.stage::text AS "stage"',
        `${HOURS_COLUMNS.internship}::float AS "internshipHours"`,
        'r.internship_hours_target AS "internshipTarget"',
        `${HOURS_COLUMNS.mentoring}::float AS "mentoringHours"`,
        'r.mentoring_hours_target AS "mentoringTarget"',
        `${PROGRESS_SQL}::float AS "progress"`,
        `${PROGRESS_SQL} < 1 AS "behind"`,
      ])
      .where(`c.stage IN (${PLAN_STAGES.map((s) => `'${s}'`).join(', ')})`)
      .andWhere('(r.internship_hours_target IS NOT NULL OR r.mentoring_hours_target IS NOT NULL)');
    whereInScope(qb, auth.scope, { district: 'c.district_id', school: 'e.school_id', educator: 'c.educator_id' });
    const [items, total] = await fetchRawPage<HoursRowDto>(qb, query, HOURS_LIST);
    return { items, total, offset: query.offset, resource: HOURS_LIST.resource };
  }
}
