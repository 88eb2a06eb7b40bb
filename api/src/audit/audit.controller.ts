import { Controller, Get, Injectable, Module, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { whereInScope } from '../auth/access/scope.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth, Authenticated } from '../auth/authenticated.decorator.js';
import { Permission } from '../auth/permissions.js';
import { toIso } from '../common/iso.js';
import { fetchCountedPage } from '../common/pagination/apply-list-query.js';
import { ApiListQuery, ListParams } from '../common/pagination/list-query.decorator.js';
import type { ListQuery } from '../common/pagination/list-query.js';
import { sendPage } from '../common/pagination/list-reply.js';
import { AuditLogEntity } from './audit-log.entity.js';
import { AUDIT_LIST, AuditEntryDto } from './audit.dto.js';

type Row = Omit<AuditEntryDto, 'occurredAt'> & { occurredAt: Date };

/**
 * The educators' demographic columns, keyed in `changes` as the capture trigger writes them (the column
 * names, snake_case; migration FasterAuditCapture). Only hr sees that they changed (PRODUCT.md §1).
 */
export const DEMOGRAPHIC_KEYS = ['gender', 'race_ethnicity'] as const;
const DEMOGRAPHIC_ARRAY = `ARRAY[${DEMOGRAPHIC_KEYS.map((k) => `'${k}'`).join(', ')}]::text[]`;
/** `changes` without the demographic keys: jsonb minus text[], on educators entries only. */
const CHANGES_WITHOUT_DEMOGRAPHICS = `CASE WHEN a.entity = 'educators' THEN a.changes - ${DEMOGRAPHIC_ARRAY} ELSE a.changes END`;
/**
 * Not an update of an educator that changed demographic fields only. An update entry always holds at least
 * one key (the trigger writes none for a no-op), so an empty remainder means demographics alone. The cheap
 * column tests come first and short-circuit: the jsonb test runs on educators updates only.
 */
const NOT_DEMOGRAPHIC_ONLY = `NOT (a.entity = 'educators' AND a.action = 'update' AND (a.changes - ${DEMOGRAPHIC_ARRAY}) = '{}'::jsonb)`;

@Injectable()
export class AuditService {
  constructor(private readonly db: DataSource) {}

  async list(auth: AuthContext, query: ListQuery) {
    // Demographic changes are hr's alone: anyone else reads entries without those keys, and does not see
    // (nor count, nor filter to) an update that changed demographics only. In SQL, so pages and totals agree.
    const demographics = auth.role === 'hr';
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
        `${demographics ? 'a.changes' : CHANGES_WITHOUT_DEMOGRAPHICS} AS "changes"`,
        'a.correlation_id AS "correlationId"',
      ]);
    whereInScope(qb, auth.scope, { district: 'a.district_id' });
    if (!demographics) qb.andWhere(NOT_DEMOGRAPHIC_ONLY);
    const { rows, total, lowerBound } = await fetchCountedPage<Row>(qb, query, AUDIT_LIST);
    return {
      items: rows.map((r) => ({ ...r, occurredAt: toIso(r.occurredAt) })),
      total,
      totalIsLowerBound: lowerBound,
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
