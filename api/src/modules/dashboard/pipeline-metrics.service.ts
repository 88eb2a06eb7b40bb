import { Injectable } from '@nestjs/common';
import type { AuthContext } from '../../auth/auth-context.js';
import type { ExitReason } from '../candidates/stages.js';
import { ACTIVE_STAGES, EXIT_REASONS, STAGES } from '../candidates/stages.js';
import type { LeadershipLevel } from '../educators/educator.entity.js';
import type { DashboardQueryDto } from './dashboard-query.dto.js';
import { MetricContextService, toPeriod } from './metric-context.service.js';
import { percentileOfCounts, ratio, round, type ValueCount } from './metric-math.js';
import { schoolYearOf, wholeDistrict } from './metric-sql.js';
import type {
  BenchFiguresDto,
  BenchResponseDto,
  BenchRoleDto,
  FunnelResponseDto,
  StageTimeDto,
  TimeInStageResponseDto,
} from './pipeline-metrics.dto.js';
import { PipelineMetricsRepository } from './pipeline-metrics.repository.js';

const days = (v: number | null | undefined) => (v === null || v === undefined ? null : round(v, 1));

@Injectable()
export class PipelineMetricsService {
  constructor(
    private readonly context: MetricContextService,
    private readonly metrics: PipelineMetricsRepository,
  ) {}

  async funnel(auth: AuthContext, query: DashboardQueryDto): Promise<FunnelResponseDto> {
    const ctx = await this.context.resolve(auth, query);
    const row = wholeDistrict(ctx)
      ? await this.metrics.funnelOfDistrict(ctx.districtId, schoolYearOf(ctx))
      : await this.metrics.funnel(ctx);
    const current = (s: string) => row.snapshot[s] ?? 0;
    const entered = (s: string) => row.entered[s] ?? 0;
    return {
      period: toPeriod(ctx),
      stages: STAGES.map((stage) => ({ stage, current: current(stage), entered: entered(stage) })),
      activeTotal: ACTIVE_STAGES.reduce((s, stage) => s + current(stage), 0),
      conversions: ACTIVE_STAGES.slice(0, -1).map((from, i) => {
        const to = ACTIVE_STAGES[i + 1]!;
        return { from, to, rate: ratio(entered(to), entered(from)) };
      }),
      exits: EXIT_REASONS.map((reason: ExitReason) => ({ reason, count: row.exits[reason] ?? 0 })),
    };
  }

  async timeInStage(auth: AuthContext, query: DashboardQueryDto): Promise<TimeInStageResponseDto> {
    const ctx = await this.context.resolve(auth, query);
    const now = new Date();
    const asOf = ctx.period && ctx.period.to < now ? ctx.period.to : now;
    // The whole district as of now reads the kept counts; a filter, a narrower scope or a past year the history.
    const counts =
      wholeDistrict(ctx) && asOf === now
        ? await this.metrics.stayCountsNow(ctx.districtId, schoolYearOf(ctx), asOf)
        : await this.metrics.stayCounts(ctx, asOf);
    const of = (stage: string, open: boolean): ValueCount[] =>
      counts.filter((c) => c.stage === stage && c.open === open).map((c) => ({ value: c.days, n: c.n }));
    const stages: StageTimeDto[] = [...ACTIVE_STAGES, 'paused' as const].map((stage) => {
      const done = of(stage, false);
      const still = of(stage, true);
      const count = (list: ValueCount[]) => list.reduce((s, c) => s + c.n, 0);
      const p75 = percentileOfCounts(done, 0.75);
      return {
        stage,
        completed: { count: count(done), medianDays: days(percentileOfCounts(done, 0.5)), p75Days: days(p75) },
        open: {
          count: count(still),
          medianAgeDays: days(percentileOfCounts(still, 0.5)),
          // Against the completed stays' p75: null without them, else a count (0 when nothing is open).
          stalled: p75 === null ? null : count(still.filter((c) => c.value > p75)),
        },
      };
    });
    return { period: toPeriod(ctx), asOf: asOf.toISOString(), stages };
  }

  async bench(auth: AuthContext, query: DashboardQueryDto): Promise<BenchResponseDto> {
    const ctx = await this.context.resolve(auth, query);
    const rows = await this.metrics.bench(ctx);
    const figures = (r: Omit<BenchFiguresDto, 'coverage'>): BenchFiguresDto => ({
      ...r,
      coverage: ratio(r.candidates.readyNow, r.vacantNow + r.opening12Months),
    });
    const roles: BenchRoleDto[] = rows.map((r) => {
      const f = figures({
        positions: r.positions,
        vacantNow: r.vacant,
        opening12Months: r.o12,
        opening24Months: r.o24,
        opening36Months: r.o36,
        openingInSchoolYear: r.inYear,
        candidates: {
          readyNow: r.readyNow,
          ready1To2Years: r.ready12,
          ready3PlusYears: r.ready3,
          notAssessed: r.notAssessed,
        },
      });
      return {
        roleId: r.roleId,
        title: r.title,
        level: r.level as LeadershipLevel,
        ...f,
        atRisk: f.vacantNow + f.opening12Months > 0 && f.candidates.readyNow === 0,
      };
    });
    const sum = (pick: (r: BenchRoleDto) => number) => roles.reduce((s, r) => s + pick(r), 0);
    const totals = figures({
      positions: sum((r) => r.positions),
      vacantNow: sum((r) => r.vacantNow),
      opening12Months: sum((r) => r.opening12Months),
      opening24Months: sum((r) => r.opening24Months),
      opening36Months: sum((r) => r.opening36Months),
      openingInSchoolYear: ctx.period ? sum((r) => r.openingInSchoolYear ?? 0) : null,
      candidates: {
        readyNow: sum((r) => r.candidates.readyNow),
        ready1To2Years: sum((r) => r.candidates.ready1To2Years),
        ready3PlusYears: sum((r) => r.candidates.ready3PlusYears),
        notAssessed: sum((r) => r.candidates.notAssessed),
      },
    });
    return {
      period: toPeriod(ctx),
      asOf: rows[0]?.today ?? new Date().toISOString().slice(0, 10),
      roles,
      totals,
      rolesAtRisk: roles.filter((r) => r.atRisk).map((r) => r.roleId),
    };
  }
}
