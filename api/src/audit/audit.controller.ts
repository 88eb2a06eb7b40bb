import { Controller, Get, Injectable, Module, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { whereInScope } from '../auth/access/scope.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth, Authenticated } from '../auth/authenticated.decorator.js';
import { Permission } from '../auth/permissions.js';
import { toIso } from '../common/iso.js';
import { fetchRawPage } from '../common/pagination/apply-list-query.js';
import { ApiListQuery, ListParams } from '../common/pagination/list-query.decorator.js';
import type { ListQuery } from '../common/pagination/list-query.js';
import { sendPage } from '../common/pagination/list-reply.js';
import { AuditLogEntity } from './audit-log.entity.js';
import { AUDIT_LIST, AuditEntryDto } from './audit.dto.js';

type Row = Omit<AuditEntryDto, 'occurredAt'> & { occurredAt: Date };

@Injectable()
export class AuditService {
  constructor(private readonly db: DataSource) {}

  async list(auth: AuthContext, query: ListQuery) {
    const qb = this.db
      .getRepository(AuditLogEntity)
      .createQueryBuilder('a')
      .leftJoin('users', 'u', 'u.id = a.actor_user_id')
      .select([
        'a.id AS "id"',
        'a.occurred_at AS "occurredAt"',
        'a.actor_user_id AS "actorUserId"',
        'u.name AS "actorName"',
        'a.action AS "action"',
        'a.entity AS "entity"',
        'a.entity_id AS "entityId"',
        'a.changes AS "changes"',
        'a.correlation_id AS "correlationId"',
      ]);
    whereInScope(qb, auth.scope, { district: 'a.district_id' });
    const [rows, total] = await fetchRawPage<Row>(qb, query, AUDIT_LIST);
    return {
      items: rows.map((r) => ({ ...r, occurredAt: toIso(r.occurredAt) })),
      total,
      offset: query.offset,
      resource: AUDIT_LIST.resource,
    };
  }
}

/** Read-only by design: there is no route that changes the log, and the database refuses it too. */
@ApiTags('audit-log')
@Controller('audit-log')
export class AuditController {
  constructor(private readonly service: AuditService) {}

  @Get()
  @Authenticated({ permission: Permission.AuditRead })
  @ApiListQuery(AUDIT_LIST)
  @ApiOkResponse({ type: [AuditEntryDto] })
  async listAuditLog(
    @Auth() auth: AuthContext,
    @ListParams(AUDIT_LIST) query: ListQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuditEntryDto[]> {
    return sendPage(reply, await this.service.list(auth, query));
  }
}

@Module({ controllers: [AuditController], providers: [AuditService] })
export class AuditModule {}
