import { ApiProperty } from '@nestjs/swagger';
import type { ListSpec } from '../../common/pagination/list-query.js';
import { plainSearch } from '../../common/pagination/search.js';

export const NOTIFICATION_LIST: ListSpec = {
  resource: 'notifications',
  idColumn: 'n.id',
  sort: { createdAt: 'n.created_at' },
  defaultSort: ['createdAt', 'DESC'],
  filters: {
    /** true: only those not yet read. */
    unread: { column: 'n.id', type: 'boolean', where: (p) => `(n.read_at IS NULL) = ANY(:${p})` },
  },
  search: plainSearch('n.title'),
};

export class NotificationResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  /** nomination.submitted, nomination.approved, nomination.answered, candidate.moved, assignment.created, assignment.starting, assignment.completed, readiness.shared, review-session.invited, mentorship.requested, mentorship.answered, reminder */
  @ApiProperty() kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  /** The console route of the record it is about, e.g. `/candidates/{id}/show`. */
  @ApiProperty() link!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) readAt!: string | null;
}

export class UnreadCountDto {
  @ApiProperty() unread!: number;
}
