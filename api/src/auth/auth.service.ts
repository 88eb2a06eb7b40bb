import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { auditContext } from '../audit/audit-context.js';
import { AppError } from '../common/errors/app-error.js';
import { ErrorCode } from '../common/errors/error-code.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.js';
import type { AuthContext } from './auth-context.js';
import { LoginDto, LoginResponseDto, SessionUserDto, SetPasswordDto } from './auth.dto.js';
import { AuthRepository } from './auth.repository.js';
import { TokenPayload } from './jwt.strategy.js';
import { PasswordTokenService } from './password-token.service.js';
import { hashPassword, passwordProblem, verifyPassword } from './password.js';

export function toSessionUser(auth: AuthContext): SessionUserDto {
  return {
    id: auth.userId,
    email: auth.email,
    name: auth.name,
    role: auth.role,
    districtId: auth.districtId,
    schoolIds: auth.schoolIds,
    educatorId: auth.educatorId,
  };
}

@Injectable()
export class AuthService {
  constructor(
    private readonly repo: AuthRepository,
    private readonly jwt: JwtService,
    private readonly tokens: PasswordTokenService,
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // Unknown emails lock out like real accounts, so a lockout does not reveal which emails exist.
  private readonly unknownFailures = new Map<string, number[]>();

  /** Seconds until the account may try again, or 0. */
  private async lockedFor(email: string, userId: string | undefined): Promise<number> {
    const windowMs = this.config.loginLockoutMinutes * 60_000;
    const now = Date.now();
    const failures = userId
      ? (await this.repo.recentFailures(userId, this.config.loginLockoutMinutes)).map((d) => d.getTime())
      : (this.unknownFailures.get(email) ?? []).filter((t) => t > now - windowMs);
    if (failures.length < this.config.loginMaxFailures) return 0;
    // Unlocks when enough of the oldest failures have aged out of the window.
    const unlockAt = failures[failures.length - this.config.loginMaxFailures]! + windowMs;
    return Math.max(1, (unlockAt - now) / 1000);
  }

  private noteUnknownFailure(email: string): void {
    const now = Date.now();
    const windowMs = this.config.loginLockoutMinutes * 60_000;
    const kept = (this.unknownFailures.get(email) ?? []).filter((t) => t > now - windowMs);
    this.unknownFailures.delete(email);
    this.unknownFailures.set(email, [...kept, now]);
    if (this.unknownFailures.size > 10_000) this.unknownFailures.delete(this.unknownFailures.keys().next().value!);
  }

  async login(dto: LoginDto): Promise<LoginResponseDto> {
    const correlationId = auditContext.getStore()?.correlationId ?? null;
    const email = dto.email.trim().toLowerCase();
    const found = await this.repo.findForLogin(email);
    const locked = await this.lockedFor(email, found?.id);
    if (locked > 0) {
      await this.repo.recordFailedLogin(email, found, 'locked', correlationId);
      const minutes = Math.ceil(locked / 60);
      throw AppError.tooManyRequests(
        `Too many failed sign-ins for this account. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or ask your HR office for a set-password link`,
        locked,
      );
    }
    const ok = await verifyPassword(found?.passwordHash, dto.password);
    if (!found || !found.passwordHash || !ok) {
      await this.repo.recordFailedLogin(email, found, found ? 'wrong_password' : 'unknown_email', correlationId);
      if (!found) this.noteUnknownFailure(email);
      throw new AppError(ErrorCode.InvalidCredentials, 'Email or password is incorrect');
    }
    if (!found.active) {
      await this.repo.recordFailedLogin(dto.email, found, 'disabled', correlationId);
      throw new AppError(ErrorCode.InvalidCredentials, 'This account is disabled; ask your district HR office');
    }
    // Only after the right password, so that the answer reveals nothing about an account to a guesser.
    const provider = found.role === 'platform_admin' ? undefined : await this.repo.passwordRefusedBy(found.districtId);
    if (provider) {
      await this.repo.recordFailedLogin(email, found, 'password_sign_in_disabled', correlationId);
      throw new AppError(
        ErrorCode.PasswordSignInDisabled,
        `Your district signs in with ${provider}: choose "Continue with ${provider}"`,
      );
    }
    const session = await this.issueSession(found.id);
    await this.repo.recordLogin(found, correlationId);
    return session;
  }

  /**
   * The session a sign-in ends with, by password or single sign-on alike: a token that carries the user's
   * token version, so disabling the user or changing their role, schools or password revokes it.
   */
  async issueSession(userId: string): Promise<LoginResponseDto> {
    const identity = await this.repo.loadIdentity(userId);
    if (!identity?.active) throw new AppError(ErrorCode.InvalidCredentials, 'Email or password is incorrect');
    const payload: TokenPayload = { sub: identity.id, tv: identity.tokenVersion };
    const { tokenVersion: _tv, active: _a, ...user } = identity;
    return { accessToken: await this.jwt.signAsync(payload), user };
  }

  /** Redeems a one-time link: sets the password and revokes the user's existing tokens. */
  async setPassword(dto: SetPasswordDto): Promise<void> {
    await this.db.transaction(async (manager) => {
      const userId = await this.tokens.redeem(manager, dto.token);
      if (!userId) throw AppError.validation({ token: 'This link is invalid, used or expired; ask for a new one' });
      const [user]: { email: string }[] = await manager.query(`SELECT email FROM users WHERE id = $1`, [userId]);
      const problem = passwordProblem(dto.password, user?.email ?? '');
      if (problem) throw AppError.validation({ password: problem });
      await manager.query(`UPDATE users SET password_hash = $2, token_version = token_version + 1 WHERE id = $1`, [
        userId,
        await hashPassword(dto.password),
      ]);
    });
  }
}
