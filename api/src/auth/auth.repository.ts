import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Role } from './permissions.js';

export interface LoginRow {
  id: string;
  role: Role;
  passwordHash: string | null;
  active: boolean;
  districtId: string | null;
}

export interface IdentityRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  districtId: string | null;
  educatorId: string | null;
  active: boolean;
  tokenVersion: number;
  schoolIds: string[];
}

@Injectable()
export class AuthRepository {
  constructor(private readonly db: DataSource) {}

  /** One statement: the user and the schools they lead. */
  async loadIdentity(userId: string): Promise<IdentityRow | undefined> {
    const rows: IdentityRow[] = await this.db.query(
      `SELECT u.id, u.email, u.name, u.role, u.district_id AS "districtId", u.educator_id AS "educatorId",
              u.active, u.token_version AS "tokenVersion",
              COALESCE(array_agg(us.school_id ORDER BY us.school_id) FILTER (WHERE us.school_id IS NOT NULL), '{}') AS "schoolIds"
         FROM users u LEFT JOIN user_schools us ON us.user_id = u.id
        WHERE u.id = $1
        GROUP BY u.id`,
      [userId],
    );
    return rows[0];
  }

  async findForLogin(email: string): Promise<LoginRow | undefined> {
    const rows: LoginRow[] = await this.db.query(
      `SELECT id, role, password_hash AS "passwordHash", active, district_id AS "districtId" FROM users WHERE email = $1`,
      [email.trim().toLowerCase()],
    );
    return rows[0];
  }

  /** The sign-in row of a user found another way (single sign-on). */
  async findById(userId: string): Promise<LoginRow | undefined> {
    const rows: LoginRow[] = await this.db.query(
      `SELECT id, role, password_hash AS "passwordHash", active, district_id AS "districtId" FROM users WHERE id = $1`,
      [userId],
    );
    return rows[0];
  }

  /** The provider's name when the district has single sign-on on and password sign-in off; else undefined. */
  async passwordRefusedBy(districtId: string | null): Promise<string | undefined> {
    if (!districtId) return undefined;
    const rows: { name: string }[] = await this.db.query(
      `SELECT display_name AS name FROM identity_providers
        WHERE district_id = $1 AND enabled AND NOT password_sign_in_allowed`,
      [districtId],
    );
    return rows[0]?.name;
  }

  /** A successful sign-in: the last-login time and the audit event, together. */
  async recordLogin(
    user: LoginRow,
    correlationId: string | null,
    method: 'password' | 'sso' = 'password',
  ): Promise<void> {
    await this.db.transaction(async (m) => {
      await m.query(`UPDATE users SET last_login_at = now() WHERE id = $1`, [user.id]);
      await m.query(
        `INSERT INTO audit_log (district_id, actor_user_id, action, entity, entity_id, changes, correlation_id)
         VALUES ($1, $2::uuid, 'login_succeeded', 'users', $2::text, $4::jsonb, $3)`,
        [
          user.districtId,
          user.id,
          correlationId,
          method === 'sso' ? JSON.stringify({ method: { after: 'sso' } }) : '{}',
        ],
      );
    });
  }

  /** A refused sign-in, with the email tried (an unknown one too: that is how guessing shows). */
  async recordFailedLogin(
    email: string,
    user: LoginRow | undefined,
    reason: string,
    correlationId: string | null,
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO audit_log (district_id, actor_user_id, action, entity, entity_id, changes, correlation_id)
       VALUES ($1, NULL, 'login_failed', 'users', $2, $3::jsonb, $4)`,
      [
        user?.districtId ?? null,
        user?.id ?? null,
        JSON.stringify({ email: { after: email.trim().toLowerCase().slice(0, 254) }, reason: { after: reason } }),
        correlationId,
      ],
    );
  }

  /**
   * The account's counted failures (not those refused while locked) since its last success and within
   * the window, oldest first: the lockout slides as the oldest ones age out.
   */
  async recentFailures(userId: string, windowMinutes: number): Promise<Date[]> {
    const rows: { at: Date }[] = await this.db.query(
      `SELECT occurred_at AS at FROM audit_log
        WHERE entity = 'users' AND entity_id = $1 AND action = 'login_failed'
          AND occurred_at > now() - make_interval(mins => $2)
          AND coalesce(changes->'reason'->>'after', '') <> 'locked'
          -- A refused single sign-on says nothing about the password: it does not count towards the lockout.
          AND coalesce(changes->'method'->>'after', '') <> 'sso'
          AND occurred_at > coalesce((SELECT max(occurred_at) FROM audit_log
                                       WHERE entity = 'users' AND entity_id = $1 AND action = 'login_succeeded'), '-infinity')
        ORDER BY occurred_at`,
      [userId, windowMinutes],
    );
    return rows.map((r) => new Date(r.at));
  }
}
