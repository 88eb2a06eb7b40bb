import { Injectable } from '@nestjs/common';
import type { AuthContext } from '../../auth/auth-context.js';
import { ACTIVE_STAGES } from '../candidates/stages.js';
import { GENDERS, RACE_ETHNICITIES } from '../educators/educator.entity.js';
import type { NominatorKind } from '../nominations/nomination.entity.js';
import { NOMINATOR_KINDS } from '../nominations/nomination.entity.js';
import type { DashboardQueryDto, EquityDimension, EquityQueryDto } from './dashboard-query.dto.js';
import { MetricContextService, toPeriod } from './metric-context.service.js';
import { ratio } from './metric-math.js';
import type { EquityResponseDto, EquityTableDto, NominationsResponseDto } from './people-metrics.dto.js';
import type { GroupCount } from './people-metrics.repository.js';
import { ELIGIBLE_LIST_LIMIT, PeopleMetricsRepository } from './people-metrics.repository.js';
import type { SuppressedCount } from './suppression.js';
import { suppressTable } from './suppression.js';

export const NOT_RECORDED = 'not_recorded';
const GROUPS: Record<EquityDimension, readonly string[]> = {
  gender: [...GENDERS, NOT_RECORDED],
  raceEthnicity: [...RACE_ETHNICITIES, NOT_RECORDED],
};
const REPRESENTATION_COLUMNS = ['eligible', 'nominated', ...ACTIVE_STAGES];

/** A groups × columns table of people, suppressed with its column totals (the only sums it publishes). */
function table(groups: readonly string[], columns: readonly string[], counts: GroupCount[], threshold: number) {
  const at = new Map(counts.map((c) => [`${c.col}|${c.grp}`, c.n]));
  const values = groups.map((g) => columns.map((col) => at.get(`${col}|${g}`) ?? 0));
  const t = suppressTable(values, threshold, { columnTotals: true });
  const share = (c: SuppressedCount, total: SuppressedCount) =>
    c.count === null || total.count === null ? null : ratio(c.count, total.count);
  const dto: EquityTableDto = {
    columns: [...columns],
    rows: groups.map((group, i) => ({
      group,
      cells: t.cells[i]!,
      shares: t.cells[i]!.map((c, j) => share(c, t.columnTotals![j]!)),
    })),
    totals: t.columnTotals!,
  };
  return dto;
}

const rate = (next: SuppressedCount, current: SuppressedCount) =>
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
    const row = await this.metrics.nominations(ctx, withList);
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
    const { representation, entered } = await this.metrics.equity(ctx, query.dimension);
    const groups = GROUPS[query.dimension];
    const rep = table(groups, REPRESENTATION_COLUMNS, representation, ctx.threshold);
    const ent = table(groups, ACTIVE_STAGES, entered, ctx.threshold);
    const steps = ACTIVE_STAGES.slice(0, -1).map((s, i) => `${s}>${ACTIVE_STAGES[i + 1]}`);
    const rates = (cells: SuppressedCount[]) => steps.map((_, i) => rate(cells[i + 1]!, cells[i]!));
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
