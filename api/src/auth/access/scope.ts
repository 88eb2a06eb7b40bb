import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { AuthContext, Scope } from '../auth-context.js';

/** Which columns of a query carry the row's district, school and owner. */
export interface ScopeColumns {
  district: string;
  /** The school the row belongs to; without it a `schools` scope sees the district's rows (e.g. schools themselves). */
  school?: string;
  /**
   * The educator the row is about; a `self` scope sees only its own. With `school` (that educator's school),
   * a `schools` scope is matched on this column instead: the schools' educators as an array, which an index
   * on the column serves, rather than a join every row of the district goes through.
   */
  educator?: string;
  /** The user the row is; a `self` scope may see its own user row. */
  user?: string;
}

/**
 * The one place list and aggregate queries are narrowed to the caller's scope: the district, then the
 * principal's schools (an empty list matches nothing) or the caller's own rows. No scope matches nothing.
 */
export function whereInScope<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  scope: Scope,
  cols: ScopeColumns,
): SelectQueryBuilder<T> {
  if (scope.kind === 'platform') return qb.andWhere('1 = 0');
  qb.andWhere(`${cols.district} = :scopeDistrictId`, { scopeDistrictId: scope.districtId });
  if (scope.kind === 'schools' && cols.school) {
    const where = cols.educator
      ? `${cols.educator} = ANY(ARRAY(SELECT se.id FROM educators se WHERE se.school_id = ANY(:scopeSchoolIds)))`
      : `${cols.school} = ANY(:scopeSchoolIds)`;
    qb.andWhere(where, { scopeSchoolIds: scope.schoolIds });
  }
  if (scope.kind === 'self') {
    const own: string[] = [];
    if (cols.educator && scope.educatorId) own.push(`${cols.educator} = :scopeEducatorId`);
    if (cols.user) own.push(`${cols.user} = :scopeUserId`);
    if (cols.educator || cols.user) {
      qb.andWhere(own.length ? `(${own.join(' OR ')})` : '1 = 0', {
        scopeEducatorId: scope.educatorId,
        scopeUserId: scope.userId,
      });
    }
  }
  return qb;
}

/**
 * Nominations (PRODUCT.md §2): hr and the superintendent see the district's; a principal those of their
 * schools' educators and those they made; an educator those they made and those of them once approved.
 * Expects the nomination as `n`.
 */
export function whereNominationInScope<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  auth: AuthContext,
): SelectQueryBuilder<T> {
  const { scope } = auth;
  if (scope.kind === 'platform') return qb.andWhere('1 = 0');
  qb.andWhere('n.district_id = :scopeDistrictId', { scopeDistrictId: scope.districtId });
  if (scope.kind === 'schools') {
    // The schools' educators as an array, so both sides of the OR are index conditions on nominations.
    qb.andWhere(
      `(n.educator_id = ANY(ARRAY(SELECT se.id FROM educators se WHERE se.school_id = ANY(:scopeSchoolIds)))
        OR n.nominator_user_id = :scopeUserId)`,
      {
        scopeSchoolIds: scope.schoolIds,
        scopeUserId: auth.userId,
      },
    );
  } else if (scope.kind === 'self') {
    qb.andWhere(
      `(n.nominator_user_id = :scopeUserId OR (n.educator_id = :scopeEducatorId AND n.status = 'approved'))`,
      {
        scopeUserId: auth.userId,
        scopeEducatorId: scope.educatorId,
      },
    );
  }
  return qb;
}

/** Frameworks (and their nodes): the shared reference ones and the caller's district's own. */
export function whereFrameworkVisible<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  scope: Scope,
  frameworkAlias: string,
): SelectQueryBuilder<T> {
  if (scope.kind === 'platform') return qb.andWhere('1 = 0');
  return qb.andWhere(`(${frameworkAlias}.district_id IS NULL OR ${frameworkAlias}.district_id = :scopeDistrictId)`, {
    scopeDistrictId: scope.districtId,
  });
}
