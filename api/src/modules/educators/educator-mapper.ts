import type { AuthContext } from '../../auth/auth-context.js';
import { toIso } from '../../common/iso.js';
import type { ColleagueResponseDto, EducatorResponseDto } from './educator.dto.js';
import type { EducatorRow } from './educator.repository.js';

/** Retirement data, and what is computed from it, is hr's and the superintendent's (issue #18). */
export const seesRetirementData = (auth: AuthContext) => auth.role === 'hr' || auth.role === 'superintendent';

/** Who sees a person's retirement data: hr, the superintendent, and the person themself. */
export const seesRetirement = (auth: AuthContext, educatorId: string) =>
  seesRetirementData(auth) || auth.educatorId === educatorId;

/**
 * Who sees that a person is open to being nominated (issue #19): those who nominate or plan (hr, the
 * superintendent, principals for their schools) and the person. Coordinators and colleagues do not.
 */
export const SEES_OPEN_TO_NOMINATION = ['hr', 'superintendent', 'principal'] as const;
export const seesOpenToNomination = (auth: AuthContext, educatorId?: string) =>
  (SEES_OPEN_TO_NOMINATION as readonly string[]).includes(auth.role) ||
  (educatorId !== undefined && auth.educatorId === educatorId);

/** Demographics are shown individually to hr only (PRODUCT.md §1); retirement data as `seesRetirement`. */
export function toEducatorResponse(row: EducatorRow, auth: AuthContext): EducatorResponseDto {
  const out: EducatorResponseDto = {
    id: row.id,
    districtId: row.districtId,
    employeeNumber: row.employeeNumber,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    schoolId: row.schoolId,
    schoolName: row.schoolName,
    jobTitle: row.jobTitle,
    leadershipLevel: row.leadershipLevel,
    yearsInEducation: row.yearsInEducation,
    status: row.status,
    hasLogin: row.userId !== null,
    userId: row.userId,
    version: row.version,
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
  };
  if (seesOpenToNomination(auth, row.id)) out.openToNomination = row.openToNomination;
  if (seesRetirement(auth, row.id)) {
    out.retirementEligibleYear = row.retirementEligibleYear;
    out.birthYear = row.birthYear;
    out.serviceStartOn = row.serviceStartOn;
  }
  if (auth.role === 'hr') {
    out.gender = row.gender;
    out.raceEthnicity = row.raceEthnicity;
  }
  return out;
}

export function toColleagueResponse(row: EducatorRow): ColleagueResponseDto {
  return {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    jobTitle: row.jobTitle,
    schoolId: row.schoolId,
    schoolName: row.schoolName,
  };
}

/** An educator sees their own record in full and colleagues' id, name, title and school only. */
export function toEducatorView(row: EducatorRow, auth: AuthContext): EducatorResponseDto | ColleagueResponseDto {
  if (auth.scope.kind === 'self' && row.id !== auth.educatorId) return toColleagueResponse(row);
  return toEducatorResponse(row, auth);
}
