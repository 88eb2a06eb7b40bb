import { ApiProperty } from '@nestjs/swagger';
import {
  AcceptsCloneOf,
  ReadOnly,
  ValidateDate,
  ValidateEnum,
  ValidateString,
  ValidateVersion,
} from '../../common/validation/decorators.js';

export const CREDENTIAL_KINDS = ['licence', 'degree', 'certification'] as const;
export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];

/** One credential as of today: verified by hr and current, recorded but not verified, or past its expiry. */
export const CREDENTIAL_STATUSES = ['verified', 'unverified', 'expired'] as const;
export type CredentialStatus = (typeof CREDENTIAL_STATUSES)[number];

/**
 * A person's licence standing for a role that requires one, best first: a verified current licence, one not
 * verified yet, only expired ones, none on record.
 */
export const LICENCE_STATUSES = ['verified', 'unverified', 'expired', 'none'] as const;
export type LicenceStatus = (typeof LICENCE_STATUSES)[number];

const STATE = /^[A-Z]{2}$/;

class CredentialFields {
  @ValidateEnum(CREDENTIAL_KINDS, 'CredentialKind') kind!: CredentialKind;
  /** E.g. "Administrator licence (building level)", "M.Ed. Educational Leadership". */
  @ValidateString({ maxLength: 200 }) title!: string;
  /** Who issued it: a state board, a university, a certifying body. */
  @ValidateString({ maxLength: 200, optional: true }) issuer?: string;
  /** Two-letter state or territory code of a licence, e.g. "OH". */
  @ValidateString({
    maxLength: 2,
    nullable: true,
    pattern: STATE,
    patternMessage: 'state must be a two-letter code such as OH',
  })
  state?: string | null;
  @ValidateString({ maxLength: 60, nullable: true }) number?: string | null;
  @ValidateDate({ nullable: true }) issuedOn?: string | null;
  /** Null: it does not expire. */
  @ValidateDate({ nullable: true }) expiresOn?: string | null;
}

@AcceptsCloneOf(() => UpdateCredentialDto)
export class CreateCredentialDto extends CredentialFields {}

export class UpdateCredentialDto extends CredentialFields {
  @ReadOnly('ids never change') id?: string;
  @ReadOnly('a credential belongs to its holder') educatorId?: string;
  @ReadOnly('computed from the verification and the expiry date', { computed: true }) status?: string;
  @ReadOnly('hr verifies through POST /api/credentials/{id}/verification; an edit clears it', { computed: true })
  verifiedAt?: string;
  @ReadOnly('hr verifies through POST /api/credentials/{id}/verification', { computed: true })
  verifiedByName?: string;
  @ReadOnly('set by the server') createdAt?: string;
  @ReadOnly('set by the server') updatedAt?: string;
  @ValidateVersion() version!: number;
}

export class VerifyCredentialDto {
  /** The version you checked: if the holder edited it meanwhile the verification is a 409. */
  @ValidateVersion() version!: number;
}

export class CredentialDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) educatorId!: string;
  @ApiProperty({ enum: CREDENTIAL_KINDS, enumName: 'CredentialKind' }) kind!: CredentialKind;
  @ApiProperty() title!: string;
  @ApiProperty() issuer!: string;
  @ApiProperty({ nullable: true, type: String }) state!: string | null;
  @ApiProperty({ nullable: true, type: String }) number!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) issuedOn!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) expiresOn!: string | null;
  @ApiProperty({ enum: CREDENTIAL_STATUSES, enumName: 'CredentialStatus' }) status!: CredentialStatus;
  /** When hr checked it against the issuer; null until then and again after any edit. */
  @ApiProperty({ nullable: true, type: String }) verifiedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) verifiedByName!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}
