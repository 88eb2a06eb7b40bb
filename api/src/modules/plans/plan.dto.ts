import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, ValidateNested } from 'class-validator';
import type { ListSpec } from '../../common/pagination/list-query.js';
import { educatorName } from '../../common/pagination/search.js';
import {
  ValidateBoolean,
  ValidateDate,
  ValidateEnum,
  ValidateString,
  ValidateUUID,
  ValidateVersion,
} from '../../common/validation/decorators.js';
import type { PlanActionKind, PlanActionOwner } from './plan-draft.js';
import { PLAN_ACTION_KINDS, PLAN_ACTION_OWNERS } from './plan-draft.js';

export const PLAN_STATUSES = ['draft', 'agreed', 'superseded'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
/** A plan holds at most this many actions. */
export const MAX_PLAN_ACTIONS = 60;

export class PlanActionInput {
  /** An action of this draft that is kept (edited or not): what was done of it stays done. Absent: a new action. */
  @ValidateUUID({ optional: true }) id?: string;
  @ValidateUUID({ nullable: true }) competencyId!: string | null;
  @ValidateEnum(PLAN_ACTION_KINDS, 'PlanActionKind') kind!: PlanActionKind;
  /** Required for kind opportunity: one of the district's opportunities. */
  @ValidateUUID({ nullable: true }) opportunityId!: string | null;
  @ValidateString({ maxLength: 1000 }) description!: string;
  @ValidateEnum(PLAN_ACTION_OWNERS, 'PlanActionOwner') owner!: PlanActionOwner;
  @ValidateDate({ nullable: true }) dueOn!: string | null;
}

/** The draft's actions, replaced as a whole; `version` is the draft's, as read. */
export class UpdatePlanDto {
  @IsArray({ message: 'actions must be a list' })
  @ArrayMaxSize(MAX_PLAN_ACTIONS, { message: `a plan holds at most ${MAX_PLAN_ACTIONS} actions` })
  @ValidateNested({ each: true })
  @Type(() => PlanActionInput)
  @ApiProperty({ type: [PlanActionInput] })
  actions!: PlanActionInput[];
  @ValidateVersion() version!: number;
}

export class AgreePlanDto {
  /** The draft's version you read: agreeing to something that changed meanwhile is a 409. */
  @ValidateVersion() version!: number;
}

export class CompleteActionDto {
  /** true: done now; false: not done after all. */
  @ValidateBoolean() done!: boolean;
}

export class PlanActionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() position!: number;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) competencyId!: string | null;
  @ApiProperty({ nullable: true, type: String }) competencyCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) competencyTitle!: string | null;
  @ApiProperty({ enum: PLAN_ACTION_KINDS, enumName: 'PlanActionKind' }) kind!: PlanActionKind;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) opportunityId!: string | null;
  @ApiProperty({ nullable: true, type: String }) opportunityTitle!: string | null;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: PLAN_ACTION_OWNERS, enumName: 'PlanActionOwner' }) owner!: PlanActionOwner;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) dueOn!: string | null;
  @ApiProperty({ nullable: true, type: String }) doneAt!: string | null;
  /** The completed assignment that ticked it; null when ticked by hand or not done. */
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) assignmentId!: string | null;
  /** Not done and past its due date. */
  @ApiProperty() overdue!: boolean;
}

export class PlanDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) candidateId!: string;
  /** 1 for the first plan of the candidacy, then 2, 3… */
  @ApiProperty() number!: number;
  @ApiProperty({ enum: PLAN_STATUSES, enumName: 'PlanStatus' }) status!: PlanStatus;
  @ApiProperty({ nullable: true, type: String }) candidateAgreedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) coordinatorAgreedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) coordinatorAgreedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) agreedAt!: string | null;
  @ApiProperty({ type: [PlanActionDto] }) actions!: PlanActionDto[];
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class PlanVersionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() number!: number;
  @ApiProperty({ enum: PLAN_STATUSES, enumName: 'PlanStatus' }) status!: PlanStatus;
  @ApiProperty({ nullable: true, type: String }) agreedAt!: string | null;
}

export class CandidatePlansDto {
  @ApiProperty({ format: 'uuid' }) candidateId!: string;
  /** The plan in force: the agreed one; null before any is agreed. */
  @ApiProperty({ type: PlanDto, nullable: true }) agreed!: PlanDto | null;
  /** The draft being discussed, if any: a first plan, or a revision of the agreed one. */
  @ApiProperty({ type: PlanDto, nullable: true }) draft!: PlanDto | null;
  /** Every plan of the candidacy, newest first; agreed versions are kept as they were agreed. */
  @ApiProperty({ type: [PlanVersionDto] }) versions!: PlanVersionDto[];
}

export const PLAN_ACTION_LIST: ListSpec = {
  resource: 'plan-actions',
  idColumn: 'a.id',
  sort: { dueOn: 'a.due_on', lastName: 'e.last_name', roleTitle: 'r.title' },
  defaultSort: ['dueOn', 'ASC'],
  filters: {
    candidateId: { column: 'p.candidate_id', type: 'uuid' },
    owner: { column: 'a.owner', type: 'string', values: PLAN_ACTION_OWNERS },
    done: { column: 'a.id', type: 'boolean', where: (p) => `(a.done_at IS NOT NULL) = ANY(:${p})` },
    overdue: {
      column: 'a.id',
      type: 'boolean',
      where: (p) => `(a.done_at IS NULL AND a.due_on < CURRENT_DATE) IS TRUE = ANY(:${p})`,
    },
    dueOnOrBefore: { column: 'a.due_on', type: 'date', op: 'lte' },
  },
  search: { terms: [{ educator: 'c.educator_id', alias: 'e', text: educatorName }, { text: 'a.description' }] },
};

/** An action of a plan in force, with whose it is: the coordinator's list of what is due. */
export class PlanActionListItemDto extends PlanActionDto {
  @ApiProperty({ format: 'uuid' }) planId!: string;
  @ApiProperty({ format: 'uuid' }) candidateId!: string;
  @ApiProperty({ format: 'uuid' }) educatorId!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
  @ApiProperty() roleTitle!: string;
}
