import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { whereInScope } from '../../auth/access/scope.js';
import type { AuthContext } from '../../auth/auth-context.js';
import type { LeadershipLevel } from '../educators/educator.entity.js';
import type { Period } from './school-year.js';

/** The validated request of one dashboard call. */
export interface MetricContext {
  auth: AuthContext;
  districtId: string;
  level: LeadershipLevel | null;
  schoolId: string | null;
  roleId: string | null;
  period: Period | null;
  /** The district's small-cell threshold, read on every request (a change applies at once). */
  threshold: number;
}

/** A request about the whole district, unfiltered: the dashboards' kept counts answer it. */
export const wholeDistrict = (ctx: MetricContext): boolean =>
  ctx.auth.scope.kind === 'district' && !ctx.level && !ctx.schoolId && !ctx.roleId;

/** The school year's first calendar year (2025 for 2025-26), as the counts are kept; null for all history. */
export const schoolYearOf = (ctx: MetricContext): number | null =>
  ctx.period ? ctx.period.from.getUTCFullYear() : null;

/** Where the filters apply in one base query. */
interface FilterColumns {
  /** The target leadership role's level (`r.level`); omitted when the filter does not apply. */
  level?: string;
  /** The educator's school. */
  school?: string;
  /** The target leadership role. */
  role?: string;
}

/**
 * One aggregate statement: scoped base sets are built with QueryBuilder and `whereInScope` (the one place
 * scope is decided), then used as CTEs of a hand-written statement with named parameters, which the
 * driver numbers exactly as QueryBuilder does.
 */
export class MetricQuery {
  private readonly params: Record<string, unknown> = {};

  constructor(
    private readonly db: DataSource,
    readonly ctx: MetricContext,
  ) {
    this.params.districtId = ctx.districtId;
  }

  /** Binds a value and returns its placeholder. */
  bind(name: string, value: unknown): string {
    this.params[name] = value;
    return `:${name}`;
  }

  /** A base query narrowed to the caller's scope and the request's filters; returns its SQL for a CTE. */
  base(
    qb: SelectQueryBuilder<ObjectLiteral>,
    scope: { district: string; school?: string },
    cols: FilterColumns,
  ): string {
    whereInScope(qb, this.ctx.auth.scope, scope);
    if (cols.level && this.ctx.level) qb.andWhere(`${cols.level} = :fLevel`, { fLevel: this.ctx.level });
    if (cols.school && this.ctx.schoolId) qb.andWhere(`${cols.school} = :fSchoolId`, { fSchoolId: this.ctx.schoolId });
    if (cols.role && this.ctx.roleId) qb.andWhere(`${cols.role} = :fRoleId`, { fRoleId: this.ctx.roleId });
    Object.assign(this.params, qb.getParameters());
    return qb.getQuery();
  }

  /**
   * Candidacies in scope and filters, as `c` with its educator `e` and target role `r`. The joins are made
   * only when a filter, the scope or the selection needs them (a district-wide count reads candidates alone).
   */
  candidates(select: string[], where?: string): string {
    const text = [...select, where ?? ''].join(' ');
    const qb = this.db.createQueryBuilder().select(select).from('candidates', 'c');
    if (this.ctx.auth.scope.kind !== 'district' || this.ctx.schoolId || /\be\./.test(text))
      qb.innerJoin('educators', 'e', 'e.id = c.educator_id');
    if (this.ctx.level || /\br\./.test(text)) qb.innerJoin('leadership_roles', 'r', 'r.id = c.role_id');
    if (where) qb.where(where);
    return this.base(qb, { district: 'c.district_id', school: 'e.school_id' }, CANDIDATE_FILTERS);
  }

  /** Educators in scope (their school) and the school filter, as `e`. */
  educators(select: string[], where?: string): string {
    const qb = this.db.createQueryBuilder().select(select).from('educators', 'e');
    if (where) qb.where(where);
    return this.base(qb, { district: 'e.district_id', school: 'e.school_id' }, { school: 'e.school_id' });
  }

  /** Nominations of educators in scope, as `n` with its nominee `e` and target role `r`. */
  nominations(select: string[]): string {
    const qb = this.db
      .createQueryBuilder()
      .select(select)
      .from('nominations', 'n')
      .innerJoin('educators', 'e', 'e.id = n.educator_id')
      .innerJoin('leadership_roles', 'r', 'r.id = n.target_role_id');
    return this.base(
      qb,
      { district: 'n.district_id', school: 'e.school_id' },
      { level: 'r.level', school: 'e.school_id', role: 'n.target_role_id' },
    );
  }

  /** A role filter (level and role) for an inline subquery over `roleAlias` (leadership_roles). */
  roleCondition(roleAlias: string): string {
    const parts: string[] = [];
    if (this.ctx.level) parts.push(`${roleAlias}.level = ${this.bind('fLevel', this.ctx.level)}`);
    if (this.ctx.roleId) parts.push(`${roleAlias}.id = ${this.bind('fRoleId', this.ctx.roleId)}`);
    return parts.length ? ` AND ${parts.join(' AND ')}` : '';
  }

  async run<T>(sql: string): Promise<T> {
    return (await this.rows<T>(sql))[0]!;
  }

  /**
   * Runs the statement in a read-only transaction with room to hash and sort in memory: aggregates over a
   * district's whole history would otherwise spill to disk at the default work_mem. The transaction opens
   * with one round trip (BEGIN and SET LOCAL sent together as a simple query), not three.
   */
  async rows<T>(sql: string): Promise<T[]> {
    const [query, params] = this.db.driver.escapeQueryWithParameters(sql, this.params);
    const runner = this.db.createQueryRunner('slave');
    try {
      await runner.query(`BEGIN READ ONLY; SET LOCAL work_mem = '${DASHBOARD_WORK_MEM}'`);
      try {
        const rows = (await runner.query(query, params)) as T[];
        await runner.query('COMMIT');
        return rows;
      } catch (error) {
        await runner.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    } finally {
      await runner.release();
    }
  }
}

/** Per sort or hash of one dashboard statement (PostgreSQL's default is 4MB). */
export const DASHBOARD_WORK_MEM = '64MB';

export const CANDIDATE_FILTERS: FilterColumns = { level: 'r.level', school: 'e.school_id', role: 'c.role_id' };

/** SQL list of quoted values, for constants only (never for request values). */
export const sqlList = (values: readonly string[]): string => values.map((v) => `'${v}'`).join(', ');
