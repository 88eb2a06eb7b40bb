import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsString, Matches, MaxLength, Min } from 'class-validator';
import { ReadOnly, ValidateBoolean, ValidateString } from '../../common/validation/decorators.js';
import type { IdentityProviderEntity } from './identity-provider.entity.js';

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/**
 * `PUT /api/districts/{id}/identity-provider`: the whole configuration. The client secret is write-only:
 * send it to set or replace it, leave it out to keep the stored one. `version` 0 creates the configuration.
 */
export class PutIdentityProviderDto {
  @ReadOnly('the id is the district’s') districtId?: string;
  @ReadOnly('set by the server', { computed: true }) configured?: boolean;
  @ReadOnly('send clientSecret to set or replace the secret', { computed: true }) clientSecretSet?: boolean;
  @ReadOnly('built from PUBLIC_URL', { computed: true }) redirectUri?: string;
  @ReadOnly('set by the server', { computed: true }) updatedAt?: string | null;

  /** Off: everyone signs in with a password, whatever else is configured. */
  @ValidateBoolean()
  enabled!: boolean;

  /** The button reads "Continue with <displayName>", e.g. "Google" or "Riverbend Microsoft account". */
  @ValidateString({ maxLength: 60, example: 'Google' })
  displayName!: string;

  /**
   * The provider's issuer identifier; its `/.well-known/openid-configuration` is read from it. Google:
   * `https://accounts.google.com`; Entra ID: `https://login.microsoftonline.com/<tenant id>/v2.0`.
   */
  @ValidateString({ maxLength: 500, example: 'https://accounts.google.com' })
  issuerUrl!: string;

  @ValidateString({ maxLength: 255 })
  clientId!: string;

  /** Write-only: never returned, logged or written to the audit log. Omit it to keep the stored secret. */
  @ValidateString({ maxLength: 500, optional: true, description: 'Write-only; omit to keep the stored secret' })
  clientSecret?: string;

  /** The email domains whose people sign in through this provider (a domain belongs to one district). */
  @ApiProperty({ type: [String], example: ['riverbend.example'], minItems: 1, maxItems: 20 })
  @Transform(({ value }: { value: unknown }) =>
    Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v)) : value,
  )
  @IsArray()
  @ArrayMinSize(1, { message: 'emailDomains needs at least one domain' })
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(253, { each: true })
  @Matches(DOMAIN, { each: true, message: 'each of emailDomains must be a domain such as riverbend.example' })
  emailDomains!: string[];

  /** Google Workspace: the ID token's `hd` claim must be this domain. */
  @ValidateString({ maxLength: 253, nullable: true, pattern: DOMAIN, patternMessage: 'hostedDomain must be a domain' })
  hostedDomain?: string | null;

  /** Microsoft Entra ID: the ID token's `tid` claim must be this tenant id. */
  @ValidateString({
    maxLength: 64,
    nullable: true,
    pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    patternMessage: 'tenantId must be the directory (tenant) id, a GUID',
  })
  tenantId?: string | null;

  /** False: the district's people sign in through the provider only (the platform administrator keeps a password). */
  @ValidateBoolean()
  passwordSignInAllowed!: boolean;

  /** The version you read (0 when not configured yet); a stale one is a 409. */
  @ApiProperty({ type: 'integer', minimum: 0 })
  @Type(() => Number)
  @IsInt({ message: 'version is required: send the version you read (0 to create)' })
  @Min(0)
  version!: number;
}

export class IdentityProviderResponseDto {
  /** The district's id: the configuration has the id of its district. */
  @ApiProperty({ format: 'uuid' }) districtId!: string;
  /** False until the first PUT; the other fields then hold their defaults. */
  @ApiProperty() configured!: boolean;
  @ApiProperty() enabled!: boolean;
  @ApiProperty() displayName!: string;
  @ApiProperty() issuerUrl!: string;
  @ApiProperty() clientId!: string;
  /** Whether a client secret is stored (the secret itself is never returned). */
  @ApiProperty() clientSecretSet!: boolean;
  @ApiProperty({ type: [String] }) emailDomains!: string[];
  @ApiProperty({ type: String, nullable: true }) hostedDomain!: string | null;
  @ApiProperty({ type: String, nullable: true }) tenantId!: string | null;
  @ApiProperty() passwordSignInAllowed!: boolean;
  /** Register this redirect URI with the provider. */
  @ApiProperty() redirectUri!: string;
  /** 0 until the first PUT. */
  @ApiProperty() version!: number;
  @ApiProperty({ type: String, nullable: true }) updatedAt!: string | null;
}

export function toIdentityProviderResponse(
  districtId: string,
  row: IdentityProviderEntity | null,
  domains: string[],
  redirectUri: string,
): IdentityProviderResponseDto {
  return {
    districtId,
    configured: row !== null,
    enabled: row?.enabled ?? false,
    displayName: row?.displayName ?? '',
    issuerUrl: row?.issuerUrl ?? '',
    clientId: row?.clientId ?? '',
    clientSecretSet: !!row?.clientSecretCiphertext,
    emailDomains: [...domains].sort(),
    hostedDomain: row?.hostedDomain ?? null,
    tenantId: row?.tenantId ?? null,
    passwordSignInAllowed: row?.passwordSignInAllowed ?? true,
    redirectUri,
    version: row?.version ?? 0,
    updatedAt: row ? row.updatedAt.toISOString() : null,
  };
}
