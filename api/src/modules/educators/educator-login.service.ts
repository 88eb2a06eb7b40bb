import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../../auth/access/access.service.js';
import type { AuthContext } from '../../auth/auth-context.js';
import { PasswordTokenService } from '../../auth/password-token.service.js';
import { Permission } from '../../auth/permissions.js';
import { AppError } from '../../common/errors/app-error.js';
import { ErrorCode } from '../../common/errors/error-code.js';
import type { EducatorLoginResultDto } from './educator.dto.js';

interface Target {
  id: string;
  name: string;
  email: string | null;
  status: string;
  user_id: string | null;
  user_active: boolean | null;
  email_taken: boolean;
}

/** Gives educators logins (a user with role educator linked to them) with one-time set-password links. */
@Injectable()
export class EducatorLoginService {
  constructor(
    private readonly access: AccessService,
    private readonly tokens: PasswordTokenService,
    private readonly db: DataSource,
  ) {}

  async giveOne(auth: AuthContext, educatorId: string): Promise<EducatorLoginResultDto> {
    const [result] = await this.give(auth, [educatorId]);
    if (result!.result === 'skipped') throw new AppError(ErrorCode.Conflict, result!.reason ?? 'No login was given');
    return result!;
  }

  /** For a selection: each person gets a login or a fresh link, or is skipped with the reason. One transaction. */
  async give(auth: AuthContext, educatorIds: string[]): Promise<EducatorLoginResultDto[]> {
    await this.access.require(auth, Permission.EducatorLoginManage, educatorIds, 'Educator');
    return this.db.transaction(async (m) => {
      const targets = await this.targets(m, educatorIds);
      const results: EducatorLoginResultDto[] = [];
      for (const t of targets) {
        const skip = (reason: string) => results.push({ educatorId: t.id, name: t.name, result: 'skipped', reason });
        if (t.status !== 'active') skip('the educator is inactive');
        else if (!t.email) skip('the educator has no email on the roster');
        else if (!t.user_id && t.email_taken) skip('another user already has this email');
        else {
          let userId = t.user_id;
          if (!userId) {
            const [row]: { id: string }[] = await m.query(
              `INSERT INTO users (district_id, email, name, role, educator_id, active) VALUES ($1, $2, $3, 'educator', $4, true) RETURNING id`,
              [auth.districtId, t.email.toLowerCase(), t.name, t.id],
            );
            userId = row!.id;
          } else if (!t.user_active) {
            await m.query(`UPDATE users SET active = true, updated_at = now(), version = version + 1 WHERE id = $1`, [
              userId,
            ]);
          }
          const link = await this.tokens.issue(m, userId);
          results.push({
            educatorId: t.id,
            name: t.name,
            result: t.user_id ? 'reissued' : 'created',
            userId,
            email: t.email.toLowerCase(),
            setPasswordPath: link.setPasswordPath,
            setPasswordExpiresAt: link.expiresAt.toISOString(),
          });
        }
      }
      return results;
    });
  }

  private targets(m: EntityManager, ids: string[]): Promise<Target[]> {
    return m.query(
      `SELECT e.id, e.first_name || ' ' || e.last_name AS name, e.email, e.status, u.id AS user_id, u.active AS user_active,
              EXISTS (SELECT 1 FROM users o WHERE o.email = lower(e.email) AND o.educator_id IS DISTINCT FROM e.id) AS email_taken
         FROM educators e LEFT JOIN users u ON u.educator_id = e.id
        WHERE e.id = ANY($1::uuid[])
        ORDER BY e.last_name, e.first_name
          FOR UPDATE OF e`,
      [ids],
    );
  }
}
