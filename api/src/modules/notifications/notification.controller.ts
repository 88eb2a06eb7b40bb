import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthContext } from '../../auth/auth-context.js';
import { Auth, Authenticated } from '../../auth/authenticated.decorator.js';
import { Permission } from '../../auth/permissions.js';
import { ApiListQuery, ListParams } from '../../common/pagination/list-query.decorator.js';
import type { ListQuery } from '../../common/pagination/list-query.js';
import { sendPage } from '../../common/pagination/list-reply.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import { NOTIFICATION_LIST, NotificationResponseDto } from './notification.dto.js';
import { NotificationService } from './notification.service.js';

class MarkedDto {
  /** How many were unread until now. */
  @ApiProperty() marked!: number;
}

@ApiTags('notifications')
@Controller('notifications')
export class NotificationController {
  constructor(private readonly service: NotificationService) {}

  /** The caller's notifications, newest first; `filter={"unread":true}` with `range=[0,0]` gives the unread count. */
  @Get()
  @Authenticated({ permission: Permission.NotificationRead })
  @ApiListQuery(NOTIFICATION_LIST)
  @ApiOkResponse({ type: [NotificationResponseDto] })
  async listNotifications(
    @Auth() auth: AuthContext,
    @ListParams(NOTIFICATION_LIST) query: ListQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<NotificationResponseDto[]> {
    return sendPage(reply, await this.service.list(auth, query));
  }

  @Get(':id')
  @Authenticated({ permission: Permission.NotificationRead })
  @ApiOkResponse({ type: NotificationResponseDto })
  getNotification(@Auth() auth: AuthContext, @Param() { id }: UuidParam): Promise<NotificationResponseDto> {
    return this.service.get(auth, id);
  }

  @Post('read-all')
  @HttpCode(200)
  @Authenticated({ permission: Permission.NotificationRead })
  @ApiOkResponse({ type: MarkedDto })
  async markAllNotificationsRead(@Auth() auth: AuthContext): Promise<MarkedDto> {
    return { marked: await this.service.markAllRead(auth) };
  }

  @Post(':id/read')
  @HttpCode(200)
  @Authenticated({ permission: Permission.NotificationRead })
  @ApiOkResponse({ type: NotificationResponseDto })
  markNotificationRead(@Auth() auth: AuthContext, @Param() { id }: UuidParam): Promise<NotificationResponseDto> {
    return this.service.markRead(auth, id);
  }
}
