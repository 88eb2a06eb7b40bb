import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
import type { AuthContext } from '../auth/auth-context.js';
import { auditContext } from './audit-context.js';

/** Runs the handler inside the caller's audit context (after the guard has identified them). */
@Injectable()
export class AuditContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<{ id?: string; user?: AuthContext }>();
    const actor = {
      correlationId: typeof request.id === 'string' ? request.id : null,
      userId: request.user?.userId ?? null,
      districtId: request.user?.districtId ?? null,
    };
    // Subscribing inside run() keeps the handler and everything it awaits in this context.
    return new Observable((subscriber) => auditContext.run(actor, () => next.handle().subscribe(subscriber)));
  }
}
