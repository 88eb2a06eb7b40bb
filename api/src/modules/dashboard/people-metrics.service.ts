import { Injectable } from '@nestjs/common';
import type { AuthContext } from '../../auth/auth-context.js';
import { ACTIVE_STAGES } from '../candidates/stages.js';
import { GENDERS, RACE_ETHNICITIES } from '../educators/educator.entity.js';
import type { NominatorKind } from '../nominations/nomination.entity.js';
import { NOMINATOR_KINDS } from '../nominations/nomination.entity.js';
import type { DashboardQueryDto, EquityDimension, EquityQueryDto } from './dashboard-query.dto.js';
import type { Method, PublishedCount } from './disclosure.js';
import { protectColumn } from './disclosure.js';
import { MetricContextService, toPeriod } from './metric-context.service.js';
import { ratio } from './metric-math.js';
import { type MetricContext, schoolYearOf, wholeDistrict } from './metric-sql.js';
import type { EquityResponseDto, EquityTableDto, NominationsResponseDto } from './people-metrics.dto.js';
import type { GroupCount } from './people-metrics.repository.js';
import { ELIGIBLE_LIST_LIMIT, PeopleMetricsRepository } from './people-metrics.repository.js';

export const NOT_RECORDED = 'not_recorded';
export const GROUPS: Record<EquityDimension, readonly string[]> = {
  gender: [...GENDERS, NOT_RECORDED],
  raceEthnicity: [...RACE_ETHNICITIES, NOT_RECORDED],
};
const REPRESENTATION_COLUMNS = ['eligible', 'nominated', ...ACTIVE_STAGES];
/** Columns whose people do not depend on the school year (the eligible pool and the stages now). */
const TIMELESS = new Set(['eligible', ...ACTIVE_STAGES]);

/**
 * How a column is protected (docs/metrics.md): `rounded` when its people are the whole district's, as in
 * the table without filters; `noisy` when a filter narrows them.
 */
export function columnMethod(ctx: MetricContext, column: string, table: 'representation' | 'entered'): Method {
  const narrowed = ctx.schoolId !== null || ctx.level !== null || ctx.roleId !== null;
  const timeless = table === 'representation' && TIMELESS.has(column);
  return narrowed || (ctx.period !== null && !timeless) ? 'noisy' : 'rounded';
}

/** A groups × columns table of people, each column protected on its own, with its exact total. */
export function equityTable(
  ctx: MetricContext,
  dimension: EquityDimension,
  name: 'representation' | 'entered',
  columns: readonly string[],
  counts: GroupCount[],
  opts: { unsafe?: boolean } = {},
): EquityTableDto {
  const groups = GROUPS[dimension];
  const at = new Map(counts.map((c) => [`${c.col}|${c.grp}`, c]));
  const methods = columns.map((col) => columnMethod(ctx, col, name));
  const protectedColumns = columns.map((col, j) =>
    protectColumn(
      groups.map((group) => ({
        group,
        n: at.get(`${col}|${group}`)?.n ?? 0,
        keySum: at.get(`${col}|${group}`)?.ks ?? 0,
      })),
      { threshold: ctx.threshold, method: methods[j]!, salt: `${methods[j]}|${dimension}`, unsafe: opts.unsafe },
    ),
  );
  const totals = columns.map((col) => groups.reduce((s, g) => s + (at.get(`${col}|${g}`)?.n ?? 0), 0));
  return {
    columns: [...columns],
    methods,
    rows: groups.map((group, i) => ({
      group,
      cells: protectedColumns.map((column) => column[i]!),
      shares: protectedColumns.map((column, j) =>
        column[i]!.count === null ? null : ratio(column[i]!.count!, totals[j]!),
      ),
    })),
    totals: totals.map((n) => ({ count: n, suppressed: false })),
  };
}

const rate = (next: PublishedCount, current: PublishedCount) =>
  next.count === null || current.count === null ? null : ratio(next.count, current.count);

@Injectable()
export class PeopleMetricsService {
  constructor(
    private readonly context: MetricContextService,
    private readonly metrics: PeopleMetricsRepository,
  ) {}

  async nominations(auth: AuthContext, query: DashboardQueryDto): Promise<NominationsResponseDto> {
    const ctx = await this.context.resolve(auth, query);
    // Names of people nobody nominated are roster detail: hr's alone.
    const withList = auth.role === 'hr';
    const row = wholeDistrict(ctx)
      ? await this.metrics.nominationsOfDistrict(ctx.districtId, schoolYearOf(ctx), withList)
      : await this.metrics.nominations(ctx, withList);
    const count = (kind: string, status?: string) =>
      row.byKind.filter((k) => k.kind === kind && (!status || k.status === status)).reduce((s, k) => s + k.n, 0);
    const bySchool = row.bySchool.map((s) => ({
      schoolId: s.schoolId,
      schoolName: s.schoolName,
      nominations: s.nominations,
      approved: s.approved,
      lastNominatedAt: s.lastAt === null ? null : new Date(s.lastAt).toISOString(),
      nominatedLast12Months: s.recent,
      eligibleEducators: s.eligible,
      eligibleNeverNominated: s.never,
    }));
    return {
      period: toPeriod(ctx),
      byKind: NOMINATOR_KINDS.map((kind: NominatorKind) => ({
        kind,
        total: count(kind),
        submitted: count(kind, 'submitted'),
        approved: count(kind, 'approved'),
        declined: count(kind, 'declined'),
        withdrawn: count(kind, 'withdrawn'),
      })),
      bySchool,
      schoolsWithoutRecentNomination: bySchool
        .filter((s) => s.schoolId !== null && !s.nominatedLast12Months)
        .map((s) => s.schoolId!),
      eligibleNeverNominated: {
        total: row.neverTotal,
        educators: row.educators,
        truncated: withList && row.neverTotal > ELIGIBLE_LIST_LIMIT,
      },
    };
  }

  async equity(auth: AuthContext, query: EquityQueryDto): Promise<EquityResponseDto> {
    const ctx = await this.context.resolve(auth, query);
    const { representation, entered } = wholeDistrict(ctx)
      ? await this.metrics.equityOfDistrict(ctx.districtId, query.dimension, schoolYearOf(ctx))
      : await this.metrics.equity(ctx, query.dimension);
    const rep = equityTable(ctx, query.dimension, 'representation', REPRESENTATION_COLUMNS, representation);
    const ent = equityTable(ctx, query.dimension, 'entered', ACTIVE_STAGES, entered);
    const steps = ACTIVE_STAGES.slice(0, -1).map((s, i) => `${s}>${ACTIVE_STAGES[i + 1]}`);
    const rates = (cells: PublishedCount[]) => steps.map((_, i) => rate(cells[i + 1]!, cells[i]!));
    return {
      period: toPeriod(ctx),
      dimension: query.dimension,
      threshold: ctx.threshold,
      representation: rep,
      entered: ent,
      conversions: {
        steps,
        rows: ent.rows.map((r) => ({ group: r.group, rates: rates(r.cells) })),
        overall: rates(ent.totals),
      },
    };
  }
}
