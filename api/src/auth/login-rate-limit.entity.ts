import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Sign-in attempts per client address in the current window, shared by every API process. The columns are
 * the ones rate-limiter-flexible's PostgreSQL store reads and writes (it must not create the table itself).
 */
@Entity('login_rate_limits')
@Index('ix_login_rate_limits_expire', ['expire'])
export class LoginRateLimitEntity {
  /** `<route>:<client address>`, e.g. `POST /api/auth/login:203.0.113.7`. */
  @PrimaryColumn({ type: 'varchar', length: 255, primaryKeyConstraintName: 'pk_login_rate_limits' })
  key!: string;

  /** Attempts counted in the window. */
  @Column({ type: 'int', default: 0 })
  points!: number;

  /** When the window ends, in Unix milliseconds (the store's format); expired rows are deleted. */
  @Column({ type: 'bigint', nullable: true })
  expire!: string | null;
}
