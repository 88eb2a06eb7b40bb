import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { DistrictEntity } from '../districts/district.entity.js';

/**
 * A district's OpenID Connect provider (Google Workspace, Microsoft Entra ID, …): at most one per district,
 * keyed by the district. The client secret is stored encrypted (AES-256-GCM, see secret-box.ts) and never
 * leaves the API; the audit triggers write it as "[redacted]".
 */
@Entity('identity_providers')
export class IdentityProviderEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_identity_providers' })
  districtId!: string;

  @OneToOne(() => DistrictEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'district_id', foreignKeyConstraintName: 'fk_identity_providers_district' })
  district?: DistrictEntity;

  /** Off: the district signs in with passwords only, whatever else is configured. */
  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  /** Shown on the sign-in page: "Continue with <displayName>". */
  @Column({ type: 'varchar', length: 60 })
  displayName!: string;

  @Column({ type: 'varchar', length: 500 })
  issuerUrl!: string;

  @Column({ type: 'varchar', length: 255 })
  clientId!: string;

  /** `v1.<iv>.<tag>.<ciphertext>` (base64url), bound to the district id; null for a public client. */
  @Column({ type: 'text', nullable: true })
  clientSecretCiphertext!: string | null;

  /** Google Workspace `hd` claim the ID token must carry, when set. */
  @Column({ type: 'varchar', length: 253, nullable: true })
  hostedDomain!: string | null;

  /** Microsoft Entra `tid` claim the ID token must carry, when set. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  tenantId!: string | null;

  /** When false, the district's people sign in through the provider only (platform_admin keeps a password). */
  @Column({ type: 'boolean', default: true })
  passwordSignInAllowed!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ default: 1 })
  version!: number;
}

/** An email domain a district's provider answers for; a domain belongs to one district of the installation. */
@Entity('identity_provider_domains')
@Index('ix_identity_provider_domains_district', ['districtId'])
export class IdentityProviderDomainEntity {
  /** Lower-case, e.g. `riverbend.example`. */
  @PrimaryColumn({ type: 'varchar', length: 253, primaryKeyConstraintName: 'pk_identity_provider_domains' })
  domain!: string;

  @Column({ type: 'uuid' })
  districtId!: string;

  @ManyToOne(() => IdentityProviderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'district_id',
    referencedColumnName: 'districtId',
    foreignKeyConstraintName: 'fk_identity_provider_domains_provider',
  })
  provider?: IdentityProviderEntity;
}
