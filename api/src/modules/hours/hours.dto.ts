import { ApiProperty } from '@nestjs/swagger';
import type { ListSpec } from '../../common/pagination/list-query.js';
import { educatorName } from '../../common/pagination/search.js';

export class HoursInYearDto {
  /** The school year, July to June: "2025-26". */
  @ApiProperty() schoolYear!: string;
  @ApiProperty() hours!: number;
}

export class HoursOfKindDto {
  @ApiProperty() total!: number;
  /** The role's target; null when the district set none. */
  @ApiProperty({ nullable: true, type: Number }) target!: number | null;
  /** Oldest school year first. */
  @ApiProperty({ type: [HoursInYearDto] }) byYear!: HoursInYearDto[];
}

export class CandidateHoursDto {
  @ApiProperty({ format: 'uuid' }) candidateId!: string;
  /** Logged on the candidacy's assignments (withdrawn ones aside), by the school year each started. */
  @ApiProperty({ type: HoursOfKindDto }) internship!: HoursOfKindDto;
  /** Mentoring sessions of the candidacy's mentorships, by the school year each was held. */
  @ApiProperty({ type: HoursOfKindDto }) mentoring!: HoursOfKindDto;
}

/** A candidacy whose role sets an hours target: how far along it is. */
export class HoursRowDto {
  /** The candidacy. */
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
  @ApiProperty() roleTitle!: string;
  @ApiProperty() stage!: string;
  @ApiProperty() internshipHours!: number;
  @ApiProperty({ nullable: true, type: Number }) internshipTarget!: number | null;
  @ApiProperty() mentoringHours!: number;
  @ApiProperty({ nullable: true, type: Number }) mentoringTarget!: number | null;
  /** The lesser share of a target reached, 0 to 1 (targets set only). */
  @ApiProperty() progress!: number;
  /** Below a target. */
  @ApiProperty() behind!: boolean;
}

const INTERNSHIP = `coalesce((SELECT sum(a.hours_logged) FROM assignments a
  WHERE a.candidate_id = c.id AND a.status <> 'withdrawn'), 0)`;
const MENTORING = `coalesce((SELECT round(sum(x.minutes) / 15.0) / 4 FROM mentoring_sessions x
  JOIN mentorships ms ON ms.id = x.mentorship_id WHERE ms.candidate_id = c.id), 0)`;
export const HOURS_COLUMNS = { internship: INTERNSHIP, mentoring: MENTORING };
export const PROGRESS_SQL = `least(
  CASE WHEN r.internship_hours_target IS NULL THEN 1 ELSE least(1, ${INTERNSHIP} / r.internship_hours_target) END,
  CASE WHEN r.mentoring_hours_target IS NULL THEN 1 ELSE least(1, ${MENTORING} / r.mentoring_hours_target) END)`;

export const HOURS_LIST: ListSpec = {
  resource: 'candidate-hours',
  idColumn: 'c.id',
  sort: { progress: PROGRESS_SQL, lastName: 'e.last_name' },
  defaultSort: ['progress', 'ASC'],
  filters: {
    roleId: { column: 'c.role_id', type: 'uuid' },
    behind: { column: 'c.id', type: 'boolean', where: (p) => `(${PROGRESS_SQL} < 1) = ANY(:${p})` },
  },
  search: { terms: [{ educator: 'c.educator_id', alias: 'e', text: educatorName }] },
};
