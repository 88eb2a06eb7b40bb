import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';
import { IdentityProviderEntity } from './identity-provider.entity.js';

/**
 * A sign-in in flight, between the redirect to the provider and its answer: single use (deleted when the
 * answer arrives), ten minutes at most, and bound to the browser that started it by a cookie.
 */
@Entity('sso_states')
@Index('ix_sso_states_expires', ['expiresAt'])
export class SsoStateEntity {
  /** SHA-256 of the `state` sent to the provider. */
  @PrimaryColumn({ type: 'char', length: 64, primaryKeyConstraintName: 'pk_sso_states' })
  stateHash!: string;

  /** SHA-256 of the browser-binding cookie set when the sign-in started. */
  @Column({ type: 'char', length: 64 })
  bindingHash!: string;

  @Column({ type: 'uuid' })
  districtId!: string;

  @ManyToOne(() => IdentityProviderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'district_id',
    referencedColumnName: 'districtId',
    foreignKeyConstraintName: 'fk_sso_states_provider',
  })
  provider?: IdentityProviderEntity;

  /** The provider configuration's version when the sign-in started: a change meanwhile voids it. */
  @Column({ type: 'int' })
  providerVersion!: number;

  @Column({ type: 'varchar', length: 100 })
  nonce!: string;

  @Column({ type: 'varchar', length: 128 })
  codeVerifier!: string;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/**
 * Hands the session from the provider's redirect to the console: the callback stores the SHA-256 of a
 * one-time ticket; the console trades the ticket (from the same browser, within a minute) for the token.
 */
@Entity('sso_tickets')
@Index('ix_sso_tickets_expires', ['expiresAt'])
export class SsoTicketEntity {
  @PrimaryColumn({ type: 'char', length: 64, primaryKeyConstraintName: 'pk_sso_tickets' })
  ticketHash!: string;

  @Column({ type: 'char', length: 64 })
  bindingHash!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_sso_tickets_user' })
  user?: UserEntity;

  /** The provider's end-session URL, offered at sign-out (null when the provider has none). */
  @Column({ type: 'varchar', length: 2000, nullable: true })
  endSessionUrl!: string | null;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;
}
