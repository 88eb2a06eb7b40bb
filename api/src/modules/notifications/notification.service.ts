import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../../auth/auth-context.js';
import { AppError } from '../../common/errors/app-error.js';
import { toIso } from '../../common/iso.js';
import { fetchRawPage } from '../../common/pagination/apply-list-query.js';
import type { ListQuery, Page } from '../../common/pagination/list-query.js';
import type { NotificationResponseDto } from './notification.dto.js';
import { NOTIFICATION_LIST } from './notification.dto.js';
import { NotificationEntity } from './notification.entity.js';

type Row = Omit<NotificationResponseDto, 'createdAt' | 'readAt'> & { createdAt: Date; readAt: Date | null };

const toResponse = (r: Row): NotificationResponseDto => ({
  ...r,
  createdAt: toIso(r.createdAt),
  readAt: r.readAt ? toIso(r.readAt) : null,
});

/** A person's own notifications: nobody reads or marks another's (404, as if it did not exist). */
@Injectable()
export class NotificationService {
  constructor(private readonly db: DataSource) {}

  private base(userId: string) {
    return this.db
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .select([
        'n.id AS "id"',
        'n.kind AS "kind"',
        'n.title AS "title"',
        'n.body AS "body"',
        'n.link AS "link"',
        'n.created_at AS "createdAt"',
        'n.read_at AS "readAt"',
      ])
      .where('n.user_id = :userId', { userId });
  }

  async list(auth: AuthContext, query: ListQuery): Promise<Page<NotificationResponseDto>> {
    const [rows, total] = await fetchRawPage<Row>(this.base(auth.userId), query, NOTIFICATION_LIST);
    return { items: rows.map(toResponse), total, offset: query.offset, resource: NOTIFICATION_LIST.resource };
  }

  async get(auth: AuthContext, id: string): Promise<NotificationResponseDto> {
    const row = await this.base(auth.userId).andWhere('n.id = :id', { id }).getRawOne<Row>();
    if (!row) throw AppError.notFound('Notification');
    return toResponse(row);
  }

  /** Marking read twice keeps the first time. */
  async markRead(auth: AuthContext, id: string): Promise<NotificationResponseDto> {
    await this.db.query(`UPDATE notifications SET read_at = now() WHERE id = $1 AND user_id = $2 AND read_at IS NULL`, [
      id,
      auth.userId,
    ]);
    return this.get(auth, id);
  }

  async markAllRead(auth: AuthContext): Promise<number> {
    const rows: { id: string }[] = await this.db.query(
      `WITH done AS (UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL RETURNING id)
       SELECT id FROM done`,
      [auth.userId],
    );
    return rows.length;
  }
}
