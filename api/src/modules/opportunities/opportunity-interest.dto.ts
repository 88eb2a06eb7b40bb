import { ApiProperty } from '@nestjs/swagger';
import type { ListSpec } from '../../common/pagination/list-query.js';
import { educatorName } from '../../common/pagination/search.js';
import type { AssignmentStatus } from '../assignments/assignment.entity.js';
import { ASSIGNMENT_STATUSES } from '../assignments/assignment.entity.js';
import type { Stage } from '../candidates/stages.js';
import { STAGES } from '../candidates/stages.js';

export const OPPORTUNITY_INTEREST_LIST: ListSpec = {
  resource: 'opportunity-interests',
  idColumn: 'i.id',
  sort: {
    createdAt: 'i.created_at',
    lastName: 'e.last_name',
    opportunityTitle: 'o.title',
    schoolName: 's.name',
  },
  defaultSort: ['createdAt', 'ASC'],
  filters: {
    opportunityId: { column: 'i.opportunity_id', type: 'uuid' },
    educatorId: { column: 'i.educator_id', type: 'uuid' },
    schoolId: { column: 'e.school_id', type: 'uuid' },
  },
  search: { terms: [{ educator: 'i.educator_id', alias: 'e', text: educatorName }, { text: 'o.title' }], ranked: true },
};

/** One of the educator's active candidacies, so a coordinator can assign from the interest. */
export class InterestCandidacyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() roleTitle!: string;
  @ApiProperty({ enum: STAGES, enumName: 'CandidateStage' }) stage!: Stage;
}

export class OpportunityInterestResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) districtId!: string;
  @ApiProperty({ format: 'uuid' }) opportunityId!: string;
  @ApiProperty() opportunityTitle!: string;
  @ApiProperty({ format: 'uuid' }) educatorId!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
  @ApiProperty() jobTitle!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) schoolId!: string | null;
  @ApiProperty({ nullable: true, type: String }) schoolName!: string | null;
  /** The educator's candidacies that are not exited: assignable once engaged or later. */
  @ApiProperty({ type: [InterestCandidacyDto] }) candidacies!: InterestCandidacyDto[];
  /** The status of the educator's assignment to this opportunity that holds a seat; null when none. */
  @ApiProperty({ enum: ASSIGNMENT_STATUSES, enumName: 'AssignmentStatus', nullable: true })
  assignmentStatus!: AssignmentStatus | null;
  /** When they said they are interested. */
  @ApiProperty() createdAt!: string;
}
