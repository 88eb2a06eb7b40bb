import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from '../../auth/auth-context.js';
import { Auth, Authenticated } from '../../auth/authenticated.decorator.js';
import { Permission } from '../../auth/permissions.js';
import { DashboardQueryDto, EquityQueryDto } from './dashboard-query.dto.js';
import { CompetencyHeatmapResponseDto, OpportunitiesResponseDto } from './development-metrics.dto.js';
import { DevelopmentMetricsService } from './development-metrics.service.js';
import { EquityResponseDto, NominationsResponseDto } from './people-metrics.dto.js';
import { PeopleMetricsService } from './people-metrics.service.js';
import { BenchResponseDto, FunnelResponseDto, TimeInStageResponseDto } from './pipeline-metrics.dto.js';
import { PipelineMetricsService } from './pipeline-metrics.service.js';

/**
 * Aggregates for the dashboards (docs/metrics.md defines every figure). hr and the superintendent see their
 * district, coordinators too (equity excepted), a principal their schools' people.
 */
@ApiTags('dashboard')
@ApiResponse({ status: 400, description: 'A filter is malformed or not one of yours (errors names it)' })
@Controller('dashboard')
export class DashboardController {
  constructor(
    private readonly pipeline: PipelineMetricsService,
    private readonly development: DevelopmentMetricsService,
    private readonly people: PeopleMetricsService,
  ) {}

  /** Candidacies per stage now, entries per stage during the period, conversion and exits. */
  @Get('funnel')
  @Authenticated({ permission: Permission.DashboardRead })
  @ApiOkResponse({ type: FunnelResponseDto })
  getFunnel(@Auth() auth: AuthContext, @Query() query: DashboardQueryDto): Promise<FunnelResponseDto> {
    return this.pipeline.funnel(auth, query);
  }

  /** Median and 75th percentile days of completed stays per stage; open stays apart. */
  @Get('time-in-stage')
  @Authenticated({ permission: Permission.DashboardRead })
  @ApiOkResponse({ type: TimeInStageResponseDto })
  getTimeInStage(@Auth() auth: AuthContext, @Query() query: DashboardQueryDto): Promise<TimeInStageResponseDto> {
    return this.pipeline.timeInStage(auth, query);
  }

  /** Per leadership role: seats, openings, bench by confirmed band, coverage and risk. */
  @Get('bench')
  @Authenticated({ permission: Permission.DashboardRead })
  @ApiOkResponse({ type: BenchResponseDto })
  getBench(@Auth() auth: AuthContext, @Query() query: DashboardQueryDto): Promise<BenchResponseDto> {
    return this.pipeline.bench(auth, query);
  }

  /** Average current level per targeted competency by stage and level, against the targets (heatmap). */
  @Get('competencies')
  @Authenticated({ permission: Permission.DashboardRead })
  @ApiOkResponse({ type: CompetencyHeatmapResponseDto })
  getCompetencyHeatmap(
    @Auth() auth: AuthContext,
    @Query() query: DashboardQueryDto,
  ): Promise<CompetencyHeatmapResponseDto> {
    return this.development.competencies(auth, query);
  }

  /** Nominations by nominator kind and school; schools without recent ones; eligible people never nominated. */
  @Get('nominations')
  @Authenticated({ permission: Permission.DashboardRead })
  @ApiOkResponse({ type: NominationsResponseDto })
  getNominationMetrics(@Auth() auth: AuthContext, @Query() query: DashboardQueryDto): Promise<NominationsResponseDto> {
    return this.people.nominations(auth, query);
  }

  /** Representation and conversion by a self-reported group, with small-cell suppression (hr, superintendent). */
  @Get('equity')
  @Authenticated({ permission: Permission.DashboardEquity })
  @ApiOkResponse({ type: EquityResponseDto })
  getEquity(@Auth() auth: AuthContext, @Query() query: EquityQueryDto): Promise<EquityResponseDto> {
    return this.people.equity(auth, query);
  }

  /** Seats, seats filled, completions and hours by opportunity type and by competency developed. */
  @Get('opportunities')
  @Authenticated({ permission: Permission.DashboardRead })
  @ApiOkResponse({ type: OpportunitiesResponseDto })
  getOpportunityMetrics(
    @Auth() auth: AuthContext,
    @Query() query: DashboardQueryDto,
  ): Promise<OpportunitiesResponseDto> {
    return this.development.opportunities(auth, query);
  }
}
