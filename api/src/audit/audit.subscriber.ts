import type { EntitySubscriberInterface, TransactionStartEvent } from 'typeorm';
import { EventSubscriber } from 'typeorm';
import { auditContext } from './audit-context.js';

/**
 * Hands the request's actor to the audit triggers: transaction-local settings, so a pooled connection
 * never carries one request's identity into another's transaction.
 */
@EventSubscriber()
export class AuditSubscriber implements EntitySubscriberInterface {
  async afterTransactionStart(event: TransactionStartEvent): Promise<void> {
    const actor = auditContext.getStore();
    if (!actor) return;
    await event.queryRunner.query(
      `SELECT set_config('emerge.actor_user_id', $1, true), set_config('emerge.actor_district_id', $2, true),
              set_config('emerge.correlation_id', $3, true)`,
      [actor.userId ?? '', actor.districtId ?? '', actor.correlationId ?? ''],
    );
  }
}
