import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Role } from './permissions.js';

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

  async findForLogin(email: string): Promise<{ id: string; passwordHash: string | null; active: boolean } | undefined> {
    const rows: { id: string; passwordHash: string | null; active: boolean }[] = await this.db.query(
      `SELECT id, password_hash AS "passwordHash", active FROM users WHERE email = $1`,
      [email.trim().toLowerCase()],
    );
    return rows[0];
  }

  async recordLogin(userId: string): Promise<void> {
    await this.db.query(`UPDATE users SET last_login_at = now() WHERE id = $1`, [userId]);
  }
}
