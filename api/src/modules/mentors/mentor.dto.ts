import { ApiProperty } from '@nestjs/swagger';
import type { ListSpec } from '../../common/pagination/list-query.js';
import { educatorName } from '../../common/pagination/search.js';
import {
  ValidateBoolean,
  ValidateDate,
  ValidateInt,
  ValidateString,
  ValidateUUID,
  ValidateVersion,
} from '../../common/validation/decorators.js';
import { LEADERSHIP_LEVELS, type LeadershipLevel } from '../educators/educator.entity.js';

export const MENTORSHIP_STATUSES = ['requested', 'active', 'declined', 'withdrawn', 'ended'] as const;
export type MentorshipStatus = (typeof MENTORSHIP_STATUSES)[number];
/** Most mentees a mentor takes at once: the database refuses more. */
export const MAX_MENTOR_CAPACITY = 20;

/** hr marks an educator as a mentor (or changes their room, or retires them). */
export class PutMentorDto {
  /** How many mentees at once; not below those they have now. 0 keeps them listed without new requests. */
  @ValidateInt({ min: 0, max: MAX_MENTOR_CAPACITY }) capacity!: number;
  /** false: no longer offered; their current mentorships go on. */
  @ValidateBoolean() active!: boolean;
}

export class MentorDto {
  /** The educator's id. */
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
  @ApiProperty({ nullable: true, type: String }) jobTitle!: string | null;
  @ApiProperty({ nullable: true, type: String }) schoolName!: string | null;
  /** The highest level of the leadership seats they hold (classroom when none). */
  @ApiProperty({ enum: LEADERSHIP_LEVELS, enumName: 'LeadershipLevel' }) level!: LeadershipLevel;
  @ApiProperty() capacity!: number;
  /** Active mentorships now. */
  @ApiProperty() taken!: number;
  @ApiProperty() active!: boolean;
  /** Whether they can answer a request: a mentor needs an active login. */
  @ApiProperty() hasLogin!: boolean;
  @ApiProperty() version!: number;
}

export const MENTOR_LIST: ListSpec = {
  resource: 'mentors',
  idColumn: 'm.educator_id',
  sort: { lastName: 'e.last_name', taken: 'm.taken', capacity: 'm.capacity' },
  defaultSort: ['lastName', 'ASC'],
  filters: {
    active: { column: 'm.active', type: 'boolean' },
    schoolId: { column: 'e.school_id', type: 'uuid' },
    hasRoom: {
      column: 'm.educator_id',
      type: 'boolean',
      where: (p) => `(m.active AND m.taken < m.capacity) = ANY(:${p})`,
    },
  },
  search: { terms: [{ educator: 'm.educator_id', alias: 'e', text: educatorName }] },
};

/** A mentor who fits a candidacy: room to take them, same or next level as the role, not their line manager. */
export class MentorSuggestionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
  @ApiProperty({ nullable: true, type: String }) jobTitle!: string | null;
  @ApiProperty({ nullable: true, type: String }) schoolName!: string | null;
  /** Their level (coordinators and hr; null for the candidate). */
  @ApiProperty({ enum: LEADERSHIP_LEVELS, enumName: 'LeadershipLevel', nullable: true }) level!: LeadershipLevel | null;
  /** Places left (coordinators and hr; null for the candidate). */
  @ApiProperty({ nullable: true, type: Number }) room!: number | null;
  /**
   * The candidate's gap competencies on which the mentor's own evidence meets the role's target, strongest
   * fit first. Given to coordinators and hr; null for the candidate, who sees a shortlist in name order
   * (a ranking would tell a colleague's standing).
   */
  @ApiProperty({ type: [String], nullable: true }) strengths!: string[] | null;
  /** 1 for the best fit (coordinators and hr); null for the candidate. */
  @ApiProperty({ nullable: true, type: Number }) rank!: number | null;
}

export class MentorSuggestionsDto {
  @ApiProperty({ format: 'uuid' }) candidateId!: string;
  /** The competencies where the candidate is below the role's target (coordinators, hr and the candidate). */
  @ApiProperty({ type: [String] }) gaps!: string[];
  @ApiProperty({ type: [MentorSuggestionDto] }) mentors!: MentorSuggestionDto[];
}

export class RequestMentorshipDto {
  /** One of the district's mentors with room. */
  @ValidateUUID() mentorEducatorId!: string;
  /** A note to the mentor: what the candidate hopes to work on. */
  @ValidateString({ maxLength: 1000, optional: true }) message?: string;
}

export class AnswerMentorshipDto {
  @ValidateBoolean() accept!: boolean;
  /** A word back to the candidate (optional). */
  @ValidateString({ maxLength: 1000, optional: true }) answer?: string;
  @ValidateVersion() version!: number;
}

export class EndMentorshipDto {
  @ValidateVersion() version!: number;
}

export class MentorshipDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) candidateId!: string;
  /** The mentee. */
  @ApiProperty() candidateName!: string;
  /** The mentee's educator record (their shared reflections are filtered by it). */
  @ApiProperty({ format: 'uuid' }) menteeEducatorId!: string;
  /** The role the candidacy aims at. */
  @ApiProperty() roleTitle!: string;
  @ApiProperty({ format: 'uuid' }) mentorEducatorId!: string;
  @ApiProperty() mentorName!: string;
  @ApiProperty({ enum: MENTORSHIP_STATUSES, enumName: 'MentorshipStatus' }) status!: MentorshipStatus;
  @ApiProperty() message!: string;
  @ApiProperty({ nullable: true, type: String }) answer!: string | null;
  @ApiProperty() requestedAt!: string;
  @ApiProperty({ nullable: true, type: String }) answeredAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) endedAt!: string | null;
  /** Hours of the sessions logged, to the quarter hour. */
  @ApiProperty() hours!: number;
  /** The caller's part: the mentor, the mentee, or neither (program staff, the candidate's principal). */
  @ApiProperty({ enum: ['mentor', 'mentee', 'program'] }) yourPart!: 'mentor' | 'mentee' | 'program';
  @ApiProperty() version!: number;
}

export const MENTORSHIP_LIST: ListSpec = {
  resource: 'mentorships',
  idColumn: 'ms.id',
  sort: { requestedAt: 'ms.requested_at', status: 'ms.status' },
  defaultSort: ['requestedAt', 'DESC'],
  filters: {
    status: { column: 'ms.status', type: 'string', values: MENTORSHIP_STATUSES },
    candidateId: { column: 'ms.candidate_id', type: 'uuid' },
    mentorEducatorId: { column: 'ms.mentor_educator_id', type: 'uuid' },
  },
  search: { terms: [{ educator: 'c.educator_id', alias: 'e', text: educatorName }] },
};

export class LogSessionDto {
  @ValidateDate() heldOn!: string;
  /** Length in minutes (5 to 720). */
  @ValidateInt({ min: 5, max: 720 }) minutes!: number;
  /** What it was about, in a line: read by the mentor, the mentee and the program, so nothing private. */
  @ValidateString({ maxLength: 500, optional: true }) topic?: string;
}

export class MentoringSessionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) mentorshipId!: string;
  @ApiProperty({ format: 'date' }) heldOn!: string;
  @ApiProperty() minutes!: number;
  @ApiProperty() topic!: string;
  /** Who logged it: the mentor or the mentee. */
  @ApiProperty({ enum: ['mentor', 'mentee'] }) loggedBy!: 'mentor' | 'mentee';
  @ApiProperty() createdAt!: string;
}
