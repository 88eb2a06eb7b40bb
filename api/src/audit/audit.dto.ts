import { ApiProperty } from '@nestjs/swagger';
import type { ListSpec } from '../common/pagination/list-query.js';

export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'login_succeeded', 'login_failed'] as const;

export const AUDIT_LIST: ListSpec = {
  resource: 'audit-log',
  idColumn: 'a.id',
  sort: { occurredAt: 'a.occurred_at', entity: 'a.entity', action: 'a.action' },
  defaultSort: ['occurredAt', 'DESC'],
  filters: {
    actorUserId: { column: 'a.actor_user_id', type: 'uuid' },
    entity: { column: 'a.entity', type: 'string' },
    entityId: { column: 'a.entity_id', type: 'string' },
    action: { column: 'a.action', type: 'string', values: AUDIT_ACTIONS },
    correlationId: { column: 'a.correlation_id', type: 'string' },
    from: { column: 'a.occurred_at', type: 'date', op: 'gte' },
    to: { column: 'a.occurred_at', type: 'date', op: 'lte' },
  },
  // Millions of entries per district: past 10,000 the total is "more than" (narrow the filters to count).
  exactCountUpTo: 10_000,
};

export class AuditEntryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() occurredAt!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Null: the system' })
  actorUserId!: string | null;
  @ApiProperty({ nullable: true, type: String }) actorName!: string | null;
  @ApiProperty({ enum: AUDIT_ACTIONS }) action!: string;
  @ApiProperty({ description: 'The table written, e.g. candidates' }) entity!: string;
  @ApiProperty({ nullable: true, type: String }) entityId!: string | null;
  @ApiProperty({
    description:
      'Field (column name) → {before?, after?}; secrets appear as "[redacted]". Demographic fields (an ' +
      'educator\'s gender, race_ethnicity) are hr\'s alone: hr sees them as "[redacted]" (that they changed, ' +
      'never the values); for every other role they are left out, and an update that changed nothing else is ' +
      'not listed at all (nor counted in Content-Range, nor found by a filter).',
    type: 'object',
    additionalProperties: true,
  })
  changes!: Record<string, { before?: unknown; after?: unknown }>;
  @ApiProperty({ nullable: true, type: String }) correlationId!: string | null;
}
