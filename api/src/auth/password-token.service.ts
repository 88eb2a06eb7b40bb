import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { PasswordTokenEntity } from './password-token.entity.js';

export const SET_PASSWORD_TTL_HOURS = 72;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Issues and redeems one-time set-password tokens. */
@Injectable()
export class PasswordTokenService {
  /** Creates a token for the user (voiding earlier unused ones) and returns the console path that redeems it. */
  async issue(manager: EntityManager, userId: string): Promise<{ setPasswordPath: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + SET_PASSWORD_TTL_HOURS * 3600 * 1000);
    await manager.query(`UPDATE password_tokens SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [userId]);
    await manager.insert(PasswordTokenEntity, { userId, tokenHash: sha256(token), expiresAt, usedAt: null });
    return { setPasswordPath: `/#/set-password?token=${token}`, expiresAt };
  }

  /** Marks the token used and returns its user, or undefined when unknown, used or expired. */
  async redeem(manager: EntityManager, token: string): Promise<string | undefined> {
    const rows: { user_id: string }[][] = await manager.query(
      `UPDATE password_tokens SET used_at = now()
        WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
        RETURNING user_id`,
      [sha256(token)],
    );
    return rows[0]?.[0]?.user_id;
  }
}
