import { MigrationInterface, QueryRunner } from 'typeorm';
import { CAPTURE as PREVIOUS_CAPTURE } from './1795730000000-FasterAuditCapture.js';

/** Audited tables of this migration and the columns that identify a row (as in AddAuditLog). */
const AUDITED: [string, string][] = [
  ['identity_providers', 'district_id'],
  ['identity_provider_domains', 'domain'],
  ['user_identities', 'id'],
];

const HIDDEN_BEFORE = "ELSE ARRAY['password_hash', 'token_hash'] END";
const HIDDEN_AFTER = "ELSE ARRAY['password_hash', 'token_hash', 'client_secret_ciphertext'] END";

/** The audit capture with the identity provider's encrypted client secret among the redacted columns. */
function captureWithClientSecret(): string {
  if (!PREVIOUS_CAPTURE.includes(HIDDEN_BEFORE)) throw new Error('audit_capture changed: update the redaction list');
  return PREVIOUS_CAPTURE.replace(HIDDEN_BEFORE, HIDDEN_AFTER);
}

/**
 * Single sign-on per district (OpenID Connect): the district's provider and the email domains it answers for
 * (a domain belongs to one district), the people linked by (issuer, subject), and two short-lived tables for
 * sign-ins in flight (state, nonce and PKCE verifier; the one-time ticket that hands the session to the
 * console). The provider and identity tables are audited; the client secret is written as "[redacted]".
 */
export class AddSingleSignOn1796530727204 implements MigrationInterface {
  name = 'AddSingleSignOn1796530727204';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "identity_providers" ("district_id" uuid NOT NULL, "enabled" boolean NOT NULL DEFAULT true,
        "display_name" character varying(60) NOT NULL, "issuer_url" character varying(500) NOT NULL,
        "client_id" character varying(255) NOT NULL, "client_secret_ciphertext" text,
        "hosted_domain" character varying(253), "tenant_id" character varying(64),
        "password_sign_in_allowed" boolean NOT NULL DEFAULT true,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1',
        CONSTRAINT "pk_identity_providers" PRIMARY KEY ("district_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "identity_provider_domains" ("domain" character varying(253) NOT NULL, "district_id" uuid NOT NULL,
        CONSTRAINT "pk_identity_provider_domains" PRIMARY KEY ("domain"))`,
    );
    await queryRunner.query(
      'CREATE INDEX "ix_identity_provider_domains_district" ON "identity_provider_domains"  ("district_id") ',
    );
    await queryRunner.query(
      `CREATE TABLE "sso_states" ("state_hash" character(64) NOT NULL, "binding_hash" character(64) NOT NULL,
        "district_id" uuid NOT NULL, "provider_version" integer NOT NULL, "nonce" character varying(100) NOT NULL,
        "code_verifier" character varying(128) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_sso_states" PRIMARY KEY ("state_hash"))`,
    );
    await queryRunner.query('CREATE INDEX "ix_sso_states_expires" ON "sso_states"  ("expires_at") ');
    await queryRunner.query(
      `CREATE TABLE "sso_tickets" ("ticket_hash" character(64) NOT NULL, "binding_hash" character(64) NOT NULL,
        "user_id" uuid NOT NULL, "end_session_url" character varying(2000),
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_sso_tickets" PRIMARY KEY ("ticket_hash"))`,
    );
    await queryRunner.query('CREATE INDEX "ix_sso_tickets_expires" ON "sso_tickets"  ("expires_at") ');
    await queryRunner.query(
      `CREATE TABLE "user_identities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL,
        "district_id" uuid NOT NULL, "issuer" character varying(500) NOT NULL, "subject" character varying(255) NOT NULL,
        "email_at_link" character varying(254) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "last_used_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "uq_user_identities_user_issuer" UNIQUE ("user_id", "issuer"),
        CONSTRAINT "uq_user_identities_issuer_subject" UNIQUE ("issuer", "subject"),
        CONSTRAINT "pk_user_identities" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query('CREATE INDEX "ix_user_identities_district" ON "user_identities"  ("district_id") ');
    await queryRunner.query(
      'ALTER TABLE "identity_providers" ADD CONSTRAINT "fk_identity_providers_district" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "identity_provider_domains" ADD CONSTRAINT "fk_identity_provider_domains_provider" FOREIGN KEY ("district_id") REFERENCES "identity_providers"("district_id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "sso_states" ADD CONSTRAINT "fk_sso_states_provider" FOREIGN KEY ("district_id") REFERENCES "identity_providers"("district_id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "sso_tickets" ADD CONSTRAINT "fk_sso_tickets_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "user_identities" ADD CONSTRAINT "fk_user_identities_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "user_identities" ADD CONSTRAINT "fk_user_identities_district" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(captureWithClientSecret());
    for (const [table, key] of AUDITED) {
      for (const [op, refs] of [
        ['insert', 'NEW TABLE AS new_rows'],
        ['update', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
        ['delete', 'OLD TABLE AS old_rows'],
      ] as const) {
        await queryRunner.query(
          `CREATE TRIGGER audit_${op} AFTER ${op.toUpperCase()} ON "${table}" REFERENCING ${refs} FOR EACH STATEMENT EXECUTE FUNCTION audit_capture('${key}')`,
        );
      }
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table] of AUDITED) {
      for (const op of ['delete', 'update', 'insert'])
        await queryRunner.query(`DROP TRIGGER audit_${op} ON "${table}"`);
    }
    await queryRunner.query(PREVIOUS_CAPTURE);
    await queryRunner.query('ALTER TABLE "user_identities" DROP CONSTRAINT "fk_user_identities_district"');
    await queryRunner.query('ALTER TABLE "user_identities" DROP CONSTRAINT "fk_user_identities_user"');
    await queryRunner.query('ALTER TABLE "sso_tickets" DROP CONSTRAINT "fk_sso_tickets_user"');
    await queryRunner.query('ALTER TABLE "sso_states" DROP CONSTRAINT "fk_sso_states_provider"');
    await queryRunner.query(
      'ALTER TABLE "identity_provider_domains" DROP CONSTRAINT "fk_identity_provider_domains_provider"',
    );
    await queryRunner.query('ALTER TABLE "identity_providers" DROP CONSTRAINT "fk_identity_providers_district"');
    await queryRunner.query('DROP INDEX "public"."ix_user_identities_district"');
    await queryRunner.query('DROP TABLE "user_identities"');
    await queryRunner.query('DROP INDEX "public"."ix_sso_tickets_expires"');
    await queryRunner.query('DROP TABLE "sso_tickets"');
    await queryRunner.query('DROP INDEX "public"."ix_sso_states_expires"');
    await queryRunner.query('DROP TABLE "sso_states"');
    await queryRunner.query('DROP INDEX "public"."ix_identity_provider_domains_district"');
    await queryRunner.query('DROP TABLE "identity_provider_domains"');
    await queryRunner.query('DROP TABLE "identity_providers"');
  }
}
