import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface ProviderForSignIn {
  districtId: string;
  version: number;
  enabled: boolean;
  displayName: string;
  issuerUrl: string;
  clientId: string;
  clientSecretCiphertext: string | null;
  hostedDomain: string | null;
  tenantId: string | null;
  passwordSignInAllowed: boolean;
  emailDomains: string[];
}

export interface PendingSignIn {
  districtId: string;
  providerVersion: number;
  bindingHash: string;
  nonce: string;
  codeVerifier: string;
  expired: boolean;
}

export interface AccountRow {
  id: string;
  active: boolean;
  role: string;
  districtId: string | null;
}

const PROVIDER_SELECT = `
  SELECT p.district_id AS "districtId", p.version, p.enabled, p.display_name AS "displayName",
         p.issuer_url AS "issuerUrl", p.client_id AS "clientId", p.client_secret_ciphertext AS "clientSecretCiphertext",
         p.hosted_domain AS "hostedDomain", p.tenant_id AS "tenantId",
         p.password_sign_in_allowed AS "passwordSignInAllowed",
         coalesce((SELECT array_agg(d.domain ORDER BY d.domain) FROM identity_provider_domains d
                    WHERE d.district_id = p.district_id), '{}') AS "emailDomains"
    FROM identity_providers p`;

/** Sign-ins in flight, tickets and linked identities. */
@Injectable()
export class SsoRepository {
  constructor(private readonly db: DataSource) {}

  async providerForDomain(domain: string): Promise<ProviderForSignIn | undefined> {
    const rows: ProviderForSignIn[] = await this.db.query(
      `${PROVIDER_SELECT} WHERE p.district_id = (SELECT district_id FROM identity_provider_domains WHERE domain = $1)`,
      [domain],
    );
    return rows[0];
  }

  async providerOf(districtId: string): Promise<ProviderForSignIn | undefined> {
    const rows: ProviderForSignIn[] = await this.db.query(`${PROVIDER_SELECT} WHERE p.district_id = $1`, [districtId]);
    return rows[0];
  }

  /** Stores a sign-in in flight and clears the expired ones. */
  async saveState(values: {
    stateHash: string;
    bindingHash: string;
    districtId: string;
    providerVersion: number;
    nonce: string;
    codeVerifier: string;
    ttlSeconds: number;
  }): Promise<void> {
    await this.db.query(`DELETE FROM sso_states WHERE expires_at < now()`);
    await this.db.query(
      `INSERT INTO sso_states (state_hash, binding_hash, district_id, provider_version, nonce, code_verifier, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(secs => $7))`,
      [
        values.stateHash,
        values.bindingHash,
        values.districtId,
        values.providerVersion,
        values.nonce,
        values.codeVerifier,
        values.ttlSeconds,
      ],
    );
  }

  /** Deletes and returns the sign-in of this state: a state is answered once, whatever the outcome. */
  async takeState(stateHash: string): Promise<PendingSignIn | undefined> {
    const [rows]: [PendingSignIn[], number] = await this.db.query(
      `DELETE FROM sso_states WHERE state_hash = $1
       RETURNING district_id AS "districtId", provider_version AS "providerVersion", binding_hash AS "bindingHash",
                 nonce, code_verifier AS "codeVerifier", expires_at < now() AS expired`,
      [stateHash],
    );
    return rows[0];
  }

  async identity(
    issuer: string,
    subject: string,
  ): Promise<{ id: string; userId: string; districtId: string } | undefined> {
    const rows: { id: string; userId: string; districtId: string }[] = await this.db.query(
      `SELECT id, user_id AS "userId", district_id AS "districtId" FROM user_identities WHERE issuer = $1 AND subject = $2`,
      [issuer, subject],
    );
    return rows[0];
  }

  /** A district account (never platform_admin) with this email. */
  async accountByEmail(districtId: string, email: string): Promise<AccountRow | undefined> {
    const rows: AccountRow[] = await this.db.query(
      `SELECT id, active, role, district_id AS "districtId" FROM users
        WHERE email = $1 AND district_id = $2 AND role <> 'platform_admin'`,
      [email, districtId],
    );
    return rows[0];
  }

  async account(userId: string): Promise<AccountRow | undefined> {
    const rows: AccountRow[] = await this.db.query(
      `SELECT id, active, role, district_id AS "districtId" FROM users WHERE id = $1`,
      [userId],
    );
    return rows[0];
  }

  async hasIdentityAt(userId: string, issuer: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM user_identities WHERE user_id = $1 AND issuer = $2`, [
      userId,
      issuer,
    ]);
    return rows.length > 0;
  }

  /** The first sign-in's link; inside a transaction, so the audit triggers see the actor. */
  async link(
    manager: EntityManager,
    values: { userId: string; districtId: string; issuer: string; subject: string; email: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO user_identities (user_id, district_id, issuer, subject, email_at_link, last_used_at)
       VALUES ($1, $2, $3, $4, $5, now())`,
      [values.userId, values.districtId, values.issuer, values.subject, values.email],
    );
  }

  async touch(identityId: string): Promise<void> {
    await this.db.query(`UPDATE user_identities SET last_used_at = now() WHERE id = $1`, [identityId]);
  }

  async saveTicket(values: {
    ticketHash: string;
    bindingHash: string;
    userId: string;
    endSessionUrl: string | null;
    ttlSeconds: number;
  }): Promise<void> {
    await this.db.query(`DELETE FROM sso_tickets WHERE expires_at < now()`);
    await this.db.query(
      `INSERT INTO sso_tickets (ticket_hash, binding_hash, user_id, end_session_url, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))`,
      [values.ticketHash, values.bindingHash, values.userId, values.endSessionUrl, values.ttlSeconds],
    );
  }

  /** Deletes and returns the ticket (single use), if it is unexpired and from the same browser. */
  async takeTicket(
    ticketHash: string,
    bindingHash: string,
  ): Promise<{ userId: string; endSessionUrl: string | null } | undefined> {
    const [rows]: [{ userId: string; endSessionUrl: string | null; ok: boolean }[], number] = await this.db.query(
      `DELETE FROM sso_tickets WHERE ticket_hash = $1
       RETURNING user_id AS "userId", end_session_url AS "endSessionUrl",
                 (expires_at > now() AND binding_hash = $2) AS ok`,
      [ticketHash, bindingHash],
    );
    const row = rows[0];
    return row?.ok ? { userId: row.userId, endSessionUrl: row.endSessionUrl } : undefined;
  }

  /** A refused single sign-on, in the district's audit log (it does not count towards the password lockout). */
  async recordRefusal(values: {
    districtId: string | null;
    userId: string | null;
    email: string | null;
    reason: string;
    detail: string | null;
    correlationId: string | null;
  }): Promise<void> {
    const changes: Record<string, { after: string }> = {
      method: { after: 'sso' },
      reason: { after: values.reason },
    };
    if (values.email) changes.email = { after: values.email.slice(0, 254) };
    if (values.detail) changes.detail = { after: values.detail.slice(0, 300) };
    await this.db.query(
      `INSERT INTO audit_log (district_id, actor_user_id, action, entity, entity_id, changes, correlation_id)
       VALUES ($1, NULL, 'login_failed', 'users', $2, $3::jsonb, $4)`,
      [values.districtId, values.userId, JSON.stringify(changes), values.correlationId],
    );
  }
}
