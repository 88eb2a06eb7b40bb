import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../../auth/auth-context.js';
import { Auth, Authenticated, Public } from '../../auth/authenticated.decorator.js';
import { Permission } from '../../auth/permissions.js';
import { AppError } from '../../common/errors/app-error.js';
import { toIso } from '../../common/iso.js';
import { fetchRawPage } from '../../common/pagination/apply-list-query.js';
import { ApiListQuery, ListParams } from '../../common/pagination/list-query.decorator.js';
import type { ListQuery } from '../../common/pagination/list-query.js';
import { sendPage } from '../../common/pagination/list-reply.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import {
  NotificationSettingsDto,
  OUTBOX_LIST,
  OutboxMessageDto,
  PutNotificationSettingsDto,
  UnsubscribeQueryDto,
} from './email.dto.js';
import { EmailOutboxEntity } from './email.entity.js';
import { chooseEmail, escapeHtml, settingsOf, unsubscribe } from './email.js';
import { MailerService } from './mailer.service.js';

@ApiTags('notifications')
@Controller('me/notification-settings')
export class NotificationSettingsController {
  constructor(
    private readonly db: DataSource,
    private readonly mailer: MailerService,
  ) {}

  private async current(userId: string): Promise<NotificationSettingsDto> {
    return { emailEnabled: this.mailer.enabled, settings: await settingsOf(this.db, userId) };
  }

  /** The caller's email choice for every kind of notification (no choice made: immediately). */
  @Get()
  @Authenticated({ permission: Permission.NotificationSettingsManage })
  @ApiOkResponse({ type: NotificationSettingsDto })
  getNotificationSettings(@Auth() auth: AuthContext): Promise<NotificationSettingsDto> {
    return this.current(auth.userId);
  }

  /** Changes the kinds named; the others keep their choice. */
  @Put()
  @Authenticated({ permission: Permission.NotificationSettingsManage })
  @ApiOkResponse({ type: NotificationSettingsDto })
  async putNotificationSettings(
    @Auth() auth: AuthContext,
    @Body() dto: PutNotificationSettingsDto,
  ): Promise<NotificationSettingsDto> {
    await chooseEmail(this.db, auth.userId, dto.settings);
    return this.current(auth.userId);
  }
}

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Emerge</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;color:#1a1a1a;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5">
<main><h1 style="font-size:1.5rem">${title}</h1>${body}</main></body></html>`;

/**
 * The link at the foot of every email. GET only shows a page asking to confirm (mail scanners open links);
 * POST, from that page or from the mail client's one-click button (RFC 8058), turns the kind off.
 */
@ApiTags('notifications')
@Controller('email/unsubscribe')
export class UnsubscribeController {
  constructor(
    private readonly db: DataSource,
    private readonly mailer: MailerService,
  ) {}

  /** A person's browser gets a page; any other client the API's error body. */
  private refuse(request: FastifyRequest, reply: FastifyReply) {
    if (!String(request.headers.accept ?? '').includes('text/html'))
      throw AppError.validation({ token: 'is not an unsubscribe link made by Emerge' }, 'Not an unsubscribe link');
    return reply
      .status(400)
      .type('text/html; charset=utf-8')
      .send(
        page(
          'This link does not work',
          '<p>The unsubscribe link is incomplete or was not made by Emerge. Sign in to Emerge and choose which emails you get under <strong>Notification settings</strong>.</p>',
        ),
      );
  }

  @Get()
  @Public()
  @ApiProduces('text/html')
  @ApiResponse({ status: 200, description: 'A page that asks to confirm' })
  @ApiResponse({ status: 400, description: 'Not a link Emerge made' })
  showUnsubscribe(@Query() { token }: UnsubscribeQueryDto, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const target = this.mailer.tokens.verify(token);
    if (!target) return this.refuse(request, reply);
    const what = target.kind === 'digest' ? 'the daily digest' : 'emails like the one you received';
    return reply.type('text/html; charset=utf-8').send(
      page(
        'Stop these emails?',
        `<p>You will stop getting ${what} from Emerge. You still see every notification in Emerge itself.</p>
<form method="post" action="?token=${encodeURIComponent(token)}">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit" style="font-size:1rem;padding:.6rem 1.2rem;background:#0b57d0;color:#fff;border:0;border-radius:4px">Stop these emails</button>
</form>`,
      ),
    );
  }

  @Post()
  @Public()
  @HttpCode(200)
  @ApiProduces('text/html')
  @ApiResponse({ status: 200, description: 'Turned off' })
  @ApiResponse({ status: 400, description: 'Not a link Emerge made' })
  async unsubscribe(
    @Query() { token }: UnsubscribeQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const target = this.mailer.tokens.verify(token);
    if (!target) return this.refuse(request, reply);
    const kinds = await unsubscribe(this.db, target.userId, target.kind);
    const list = kinds.length
      ? `<ul>${kinds.map((k) => `<li>${escapeHtml(k)}</li>`).join('')}</ul>`
      : '<p>Nothing was being emailed to you daily.</p>';
    return reply
      .type('text/html; charset=utf-8')
      .send(
        page(
          'You will not get these emails any more',
          `<p>Turned off:</p>${list}<p>To change this, sign in to Emerge and open <strong>Notification settings</strong>.</p>`,
        ),
      );
  }
}

type OutboxRow = Omit<OutboxMessageDto, 'createdAt'> & { createdAt: Date };

/** What Emerge would have sent, kept when there is no SMTP server (development, demos). */
@ApiTags('notifications')
@Controller('email-outbox')
export class OutboxController {
  constructor(private readonly db: DataSource) {}

  private base() {
    return this.db
      .getRepository(EmailOutboxEntity)
      .createQueryBuilder('o')
      .select([
        'o.id AS "id"',
        'o.to_address AS "toAddress"',
        'o.subject AS "subject"',
        'o.text AS "text"',
        'o.html AS "html"',
        'o.headers AS "headers"',
        'o.message_id AS "messageId"',
        'o.created_at AS "createdAt"',
      ]);
  }

  @Get()
  @Authenticated({ permission: Permission.EmailOutboxRead })
  @ApiListQuery(OUTBOX_LIST)
  @ApiOkResponse({ type: [OutboxMessageDto] })
  async listOutbox(
    @ListParams(OUTBOX_LIST) query: ListQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OutboxMessageDto[]> {
    const [rows, total] = await fetchRawPage<OutboxRow>(this.base(), query, OUTBOX_LIST);
    return sendPage(reply, {
      items: rows.map((r) => ({ ...r, createdAt: toIso(r.createdAt) })),
      total,
      offset: query.offset,
      resource: OUTBOX_LIST.resource,
    });
  }

  @Get(':id')
  @Authenticated({ permission: Permission.EmailOutboxRead })
  @ApiOkResponse({ type: OutboxMessageDto })
  async getOutboxMessage(@Param() { id }: UuidParam): Promise<OutboxMessageDto> {
    const row = await this.base().where('o.id = :id', { id }).getRawOne<OutboxRow>();
    if (!row) throw AppError.notFound('Message');
    return { ...row, createdAt: toIso(row.createdAt) };
  }
}
