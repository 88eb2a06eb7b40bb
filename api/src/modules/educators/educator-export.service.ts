import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify';
import type { Readable } from 'node:stream';
import type { AuthContext } from '../../auth/auth-context.js';
import type { ListQuery } from '../../common/pagination/list-query.js';
import { EducatorRepository } from './educator.repository.js';
import { refuseOpenToNominationFilter, refuseRetirementSort } from './educator.service.js';

const BASE_COLUMNS = [
  ['employeeNumber', 'employee_number'],
  ['firstName', 'first_name'],
  ['lastName', 'last_name'],
  ['email', 'email'],
  ['schoolName', 'school'],
  ['jobTitle', 'job_title'],
  ['leadershipLevel', 'leadership_level'],
  ['yearsInEducation', 'years_in_education'],
  ['status', 'status'],
] as const;
const RETIREMENT_COLUMNS = [
  ['retirementEligibleYear', 'retirement_eligible_year'],
  ['birthYear', 'birth_year'],
  ['serviceStartOn', 'service_start_on'],
] as const;
const DEMOGRAPHIC_COLUMNS = [
  ['gender', 'gender'],
  ['raceEthnicity', 'race_ethnicity'],
] as const;

/** Streams the filtered roster as CSV; retirement data for hr and the superintendent, demographics for hr. */
@Injectable()
export class EducatorExportService {
  constructor(private readonly educators: EducatorRepository) {}

  async export(auth: AuthContext, query: ListQuery): Promise<Readable> {
    refuseRetirementSort(auth, query);
    refuseOpenToNominationFilter(auth, query);
    const columns = [
      ...BASE_COLUMNS,
      ...(auth.role === 'hr' || auth.role === 'superintendent' ? RETIREMENT_COLUMNS : []),
      ...(auth.role === 'hr' ? DEMOGRAPHIC_COLUMNS : []),
    ];
    const rows = await this.educators.stream(auth.scope, query);
    const csv = stringify({ header: true, columns: columns.map(([key, header]) => ({ key, header })), bom: true });
    rows.on('error', (e) => csv.destroy(e));
    return rows.pipe(csv);
  }
}
