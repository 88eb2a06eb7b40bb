import { AsyncLocalStorage } from 'node:async_hooks';

/** Who is writing, for the audit triggers: set per request, read when a transaction starts. */
export interface AuditActor {
  correlationId: string | null;
  userId: string | null;
  districtId: string | null;
}

export const auditContext = new AsyncLocalStorage<AuditActor>();
