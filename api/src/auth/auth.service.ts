import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { auditContext } from '../audit/audit-context.js';
import { AppError } from '../common/errors/app-error.js';
import { ErrorCode } from '../common/errors/error-code.js';
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
  ) {}

  async login(dto: LoginDto): Promise<LoginResponseDto> {
    const correlationId = auditContext.getStore()?.correlationId ?? null;
    const found = await this.repo.findForLogin(dto.email);
    const ok = await verifyPassword(found?.passwordHash, dto.password);
    if (!found || !found.passwordHash || !ok) {
      await this.repo.recordFailedLogin(dto.email, found, found ? 'wrong_password' : 'unknown_email', correlationId);
      throw new AppError(ErrorCode.InvalidCredentials, 'Email or password is incorrect');
    }
    if (!found.active) {
      await this.repo.recordFailedLogin(dto.email, found, 'disabled', correlationId);
      throw new AppError(ErrorCode.InvalidCredentials, 'This account is disabled; ask your district HR office');
    }
    const identity = await this.repo.loadIdentity(found.id);
    if (!identity) throw new AppError(ErrorCode.InvalidCredentials, 'Email or password is incorrect');
    await this.repo.recordLogin(found, correlationId);
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
