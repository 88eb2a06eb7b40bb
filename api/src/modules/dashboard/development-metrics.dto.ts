import { ApiProperty } from '@nestjs/swagger';
import type { ActiveStage } from '../candidates/stages.js';
import { ACTIVE_STAGES } from '../candidates/stages.js';
import type { LeadershipLevel } from '../educators/educator.entity.js';
import { LEADERSHIP_LEVELS } from '../educators/educator.entity.js';
import type { OpportunityType } from '../opportunities/opportunity.entity.js';
import { OPPORTUNITY_TYPES } from '../opportunities/opportunity.entity.js';
import { PeriodDto } from './dashboard-query.dto.js';

export class HeatmapFiguresDto {
  /** Candidacies whose role targets the competency. */
  @ApiProperty() candidates!: number;
  /** Of those, with a current level on it. */
  @ApiProperty() rated!: number;
  /** Mean current level of the rated ones, 2 decimals. */
  @ApiProperty({ nullable: true, type: Number }) averageLevel!: number | null;
  /** Mean target level of all of them (roles may target the competency at different levels). */
  @ApiProperty({ nullable: true, type: Number }) averageTarget!: number | null;
  /** Mean of (target − current) over the rated ones; positive: below target. */
  @ApiProperty({ nullable: true, type: Number }) averageGap!: number | null;
  /** Rated ones at or above their target. */
  @ApiProperty() meetingTarget!: number;
}

export class HeatmapCompetencyDto {
  @ApiProperty({ format: 'uuid' }) competencyId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
  @ApiProperty() frameworkShortName!: string;
  /** Levels of the framework's rubric. */
  @ApiProperty() scale!: number;
  /** Over every stage and level. */
  @ApiProperty({ type: HeatmapFiguresDto }) overall!: HeatmapFiguresDto;
}

export class HeatmapCellDto extends HeatmapFiguresDto {
  @ApiProperty({ format: 'uuid' }) competencyId!: string;
  /** The target role's level. */
  @ApiProperty({ enum: LEADERSHIP_LEVELS, enumName: 'LeadershipLevel' }) level!: LeadershipLevel;
  @ApiProperty({ enum: ACTIVE_STAGES, enumName: 'ActiveStage' }) stage!: ActiveStage;
}

export class CompetencyHeatmapResponseDto {
  @ApiProperty({ type: PeriodDto }) period!: PeriodDto;
  /** Competencies targeted by the (filtered) roles, in framework order. */
  @ApiProperty({ type: [HeatmapCompetencyDto] }) competencies!: HeatmapCompetencyDto[];
  /** One per competency × role level × stage that has candidacies. */
  @ApiProperty({ type: [HeatmapCellDto] }) cells!: HeatmapCellDto[];
}

export class OpportunityFiguresDto {
  @ApiProperty() opportunities!: number;
  /** Seats of the catalog entries. */
  @ApiProperty() seats!: number;
  /** Seats held by anyone (the catalog's count, every school). */
  @ApiProperty() seatsTaken!: number;
  /** seats − seatsTaken. */
  @ApiProperty() seatsOpen!: number;
  /** Seats held by candidacies in the caller's scope and filters (assignments not withdrawn). */
  @ApiProperty() seatsFilled!: number;
  /** Completed assignments of those candidacies. */
  @ApiProperty() completions!: number;
  /** Hours logged on their assignments, whatever the status. */
  @ApiProperty() hoursLogged!: number;
}

export class OpportunityTypeFiguresDto extends OpportunityFiguresDto {
  @ApiProperty({ enum: OPPORTUNITY_TYPES, enumName: 'OpportunityType' }) type!: OpportunityType;
}

export class OpportunityCompetencyFiguresDto extends OpportunityFiguresDto {
  @ApiProperty({ format: 'uuid' }) competencyId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
  @ApiProperty() frameworkShortName!: string;
}

export class OpportunitiesResponseDto {
  @ApiProperty({ type: PeriodDto }) period!: PeriodDto;
  @ApiProperty({ type: OpportunityFiguresDto }) totals!: OpportunityFiguresDto;
  /** Every type, zeros included. */
  @ApiProperty({ type: [OpportunityTypeFiguresDto] }) byType!: OpportunityTypeFiguresDto[];
  /** An opportunity counts under each competency it develops, so these rows do not add up to the totals. */
  @ApiProperty({ type: [OpportunityCompetencyFiguresDto] }) byCompetency!: OpportunityCompetencyFiguresDto[];
}
