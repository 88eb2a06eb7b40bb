import { ApiProperty } from '@nestjs/swagger';
import type { ActiveStage, ExitReason, Stage } from '../candidates/stages.js';
import { ACTIVE_STAGES, EXIT_REASONS, STAGES } from '../candidates/stages.js';
import type { LeadershipLevel } from '../educators/educator.entity.js';
import { LEADERSHIP_LEVELS } from '../educators/educator.entity.js';
import { PeriodDto } from './dashboard-query.dto.js';

export class FunnelStageDto {
  @ApiProperty({ enum: STAGES, enumName: 'Stage' }) stage!: Stage;
  /** Candidacies in this stage now. */
  @ApiProperty() current!: number;
  /** Candidacies that entered this stage during the period (each counted once). */
  @ApiProperty() entered!: number;
}

export class FunnelConversionDto {
  @ApiProperty({ enum: ACTIVE_STAGES, enumName: 'ActiveStage' }) from!: ActiveStage;
  @ApiProperty({ enum: ACTIVE_STAGES, enumName: 'ActiveStage' }) to!: ActiveStage;
  /** Entered `to` ÷ entered `from` during the period, 3 decimals; null when none entered `from`. */
  @ApiProperty({ nullable: true, type: Number }) rate!: number | null;
}

export class ExitCountDto {
  @ApiProperty({ enum: EXIT_REASONS, enumName: 'ExitReason' }) reason!: ExitReason;
  /** Candidacies that exited for this reason during the period. */
  @ApiProperty() count!: number;
}

export class FunnelResponseDto {
  @ApiProperty({ type: PeriodDto }) period!: PeriodDto;
  /** Every stage in pipeline order, then paused and exited. */
  @ApiProperty({ type: [FunnelStageDto] }) stages!: FunnelStageDto[];
  /** Candidacies in an active stage now (identified … supported). */
  @ApiProperty() activeTotal!: number;
  @ApiProperty({ type: [FunnelConversionDto] }) conversions!: FunnelConversionDto[];
  @ApiProperty({ type: [ExitCountDto] }) exits!: ExitCountDto[];
}

export class CompletedStaysDto {
  @ApiProperty() count!: number;
  @ApiProperty({ nullable: true, type: Number }) medianDays!: number | null;
  @ApiProperty({ nullable: true, type: Number }) p75Days!: number | null;
}

export class OpenStaysDto {
  @ApiProperty() count!: number;
  @ApiProperty({ nullable: true, type: Number }) medianAgeDays!: number | null;
  /** Open stays older than the stage's 75th percentile of completed stays; null without completed stays. */
  @ApiProperty({ nullable: true, type: Number }) stalled!: number | null;
}

export class StageTimeDto {
  @ApiProperty({ enum: STAGES, enumName: 'Stage' }) stage!: Stage;
  @ApiProperty({ type: CompletedStaysDto }) completed!: CompletedStaysDto;
  @ApiProperty({ type: OpenStaysDto }) open!: OpenStaysDto;
}

export class TimeInStageResponseDto {
  @ApiProperty({ type: PeriodDto }) period!: PeriodDto;
  /** Open stays are measured at this moment: now, or the end of a past school year. */
  @ApiProperty() asOf!: string;
  /** The active stages in order, then paused. */
  @ApiProperty({ type: [StageTimeDto] }) stages!: StageTimeDto[];
}

export class BenchBandsDto {
  @ApiProperty() readyNow!: number;
  @ApiProperty() ready1To2Years!: number;
  @ApiProperty() ready3PlusYears!: number;
  @ApiProperty() notAssessed!: number;
}

export class BenchFiguresDto {
  @ApiProperty() positions!: number;
  @ApiProperty() vacantNow!: number;
  /** Filled seats projected to open within 12 months of today (overdue dates included). */
  @ApiProperty() opening12Months!: number;
  @ApiProperty() opening24Months!: number;
  @ApiProperty() opening36Months!: number;
  /** Filled seats projected to open during the requested school year; null without one. */
  @ApiProperty({ nullable: true, type: Number }) openingInSchoolYear!: number | null;
  /** Bench candidacies (identified … ready) by confirmed band. */
  @ApiProperty({ type: BenchBandsDto }) candidates!: BenchBandsDto;
  /** readyNow ÷ (vacantNow + opening12Months), 3 decimals; null when nothing opens. */
  @ApiProperty({ nullable: true, type: Number }) coverage!: number | null;
}

export class BenchRoleDto extends BenchFiguresDto {
  @ApiProperty({ format: 'uuid' }) roleId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: LEADERSHIP_LEVELS, enumName: 'LeadershipLevel' }) level!: LeadershipLevel;
  /** A seat is vacant or opens within 12 months and no bench candidate is ready_now. */
  @ApiProperty() atRisk!: boolean;
}

export class BenchResponseDto {
  @ApiProperty({ type: PeriodDto }) period!: PeriodDto;
  /** Today's date, from which the windows count. */
  @ApiProperty({ example: '2026-11-26' }) asOf!: string;
  @ApiProperty({ type: [BenchRoleDto] }) roles!: BenchRoleDto[];
  @ApiProperty({ type: BenchFiguresDto }) totals!: BenchFiguresDto;
  @ApiProperty({ type: [String], format: 'uuid' }) rolesAtRisk!: string[];
}
