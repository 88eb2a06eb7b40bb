import { Injectable } from '@nestjs/common';
import type { AuthContext } from '../../auth/auth-context.js';
import type { ActiveStage } from '../candidates/stages.js';
import { ACTIVE_STAGES } from '../candidates/stages.js';
import type { LeadershipLevel } from '../educators/educator.entity.js';
import { LEADERSHIP_LEVELS } from '../educators/educator.entity.js';
import type { OpportunityType } from '../opportunities/opportunity.entity.js';
import { OPPORTUNITY_TYPES } from '../opportunities/opportunity.entity.js';
import type { DashboardQueryDto } from './dashboard-query.dto.js';
import type {
  CompetencyHeatmapResponseDto,
  HeatmapFiguresDto,
  OpportunitiesResponseDto,
  OpportunityFiguresDto,
} from './development-metrics.dto.js';
import type { HeatmapRow, OpportunitySums } from './development-metrics.repository.js';
import { DevelopmentMetricsRepository } from './development-metrics.repository.js';
import { MetricContextService, toPeriod } from './metric-context.service.js';
import { mean, round } from './metric-math.js';

const heat = (r: HeatmapRow): HeatmapFiguresDto => ({
  candidates: r.candidates,
  rated: r.rated,
  averageLevel: mean(r.levelSum, r.rated),
  averageTarget: mean(r.targetSum, r.candidates),
  averageGap: mean(r.gapSum, r.rated),
  meetingTarget: r.meeting,
});

const NO_RATINGS = heat({
  competencyId: '',
  level: null,
  stage: null,
  candidates: 0,
  rated: 0,
  levelSum: 0,
  targetSum: 0,
  gapSum: 0,
  meeting: 0,
});

const EMPTY: OpportunitySums = {
  opportunities: 0,
  seats: 0,
  seatsTaken: 0,
  seatsFilled: 0,
  completions: 0,
  hoursLogged: 0,
};

const figures = (s: OpportunitySums): OpportunityFiguresDto => ({
  opportunities: s.opportunities,
  seats: s.seats,
  seatsTaken: s.seatsTaken,
  seatsOpen: s.seats - s.seatsTaken,
  seatsFilled: s.seatsFilled,
  completions: s.completions,
  hoursLogged: round(Number(s.hoursLogged), 1),
});

@Injectable()
export class DevelopmentMetricsService {
  constructor(
    private readonly context: MetricContextService,
    private readonly metrics: DevelopmentMetricsRepository,
  ) {}

  async competencies(auth: AuthContext, query: DashboardQueryDto): Promise<CompetencyHeatmapResponseDto> {
    const ctx = await this.context.resolve(auth, query);
    const { cells, competencies } = await this.metrics.heatmap(ctx);
    const overall = new Map(cells.filter((c) => c.stage === null).map((c) => [c.competencyId, heat(c)]));
    const order = new Map(competencies.map((c, i) => [c.competencyId, i]));
    const rank = (c: HeatmapRow) => [
      order.get(c.competencyId) ?? 0,
      LEADERSHIP_LEVELS.indexOf(c.level as LeadershipLevel),
      ACTIVE_STAGES.indexOf(c.stage as ActiveStage),
    ];
    const byRank = (a: HeatmapRow, b: HeatmapRow) => {
      const [x, y] = [rank(a), rank(b)];
      return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!;
    };
    return {
      period: toPeriod(ctx),
      competencies: competencies.map((c) => ({ ...c, overall: overall.get(c.competencyId) ?? NO_RATINGS })),
      cells: cells
        .filter((c) => c.stage !== null)
        .sort(byRank)
        .map((c) => ({
          competencyId: c.competencyId,
          level: c.level as LeadershipLevel,
          stage: c.stage as ActiveStage,
          ...heat(c),
        })),
    };
  }

  async opportunities(auth: AuthContext, query: DashboardQueryDto): Promise<OpportunitiesResponseDto> {
    const ctx = await this.context.resolve(auth, query);
    const row = await this.metrics.opportunities(ctx);
    const byType = new Map(row.byType.map((t) => [t.type, t]));
    return {
      period: toPeriod(ctx),
      totals: figures(row.totals),
      byType: OPPORTUNITY_TYPES.map((type: OpportunityType) => ({ type, ...figures(byType.get(type) ?? EMPTY) })),
      byCompetency: row.byCompetency.map((c) => ({
        competencyId: c.competencyId,
        code: c.code,
        title: c.title,
        frameworkShortName: c.frameworkShortName,
        ...figures(c),
      })),
    };
  }
}
