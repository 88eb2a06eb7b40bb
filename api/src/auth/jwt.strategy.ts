import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { createSecretKey } from 'node:crypto';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AppError } from '../common/errors/app-error.js';
import { ErrorCode } from '../common/errors/error-code.js';
import type { AuthContext } from './auth-context.js';
import { scopeFor } from './auth-context.js';
import { AuthRepository } from './auth.repository.js';
import { JWT_SECRET } from './jwt-secret.js';

export interface TokenPayload {
  sub: string;
  /** The user's token version when issued; a mismatch means the token was revoked. */
  tv: number;
}

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(JWT_SECRET) secret: string,
    private readonly repo: AuthRepository,
  ) {
    // A KeyObject made once: given the string, jsonwebtoken builds one on every request (first trying to
    // parse it as a public key), which was the biggest single cost of an authenticated read.
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // passport-jwt's types say string or Buffer; it hands the key to jsonwebtoken, which takes a KeyObject.
      secretOrKey: createSecretKey(Buffer.from(secret, 'utf8')) as unknown as Buffer,
      algorithms: ['HS256'],
    });
  }

  async validate(payload: TokenPayload): Promise<AuthContext> {
    const user = typeof payload.sub === 'string' ? await this.repo.loadIdentity(payload.sub) : undefined;
    if (!user || !user.active || user.tokenVersion !== payload.tv) {
      throw new AppError(ErrorCode.Unauthenticated, 'Your session has ended; please sign in again');
    }
    return {
      userId: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      districtId: user.districtId,
      schoolIds: user.schoolIds,
      educatorId: user.educatorId,
      scope: scopeFor(user.role, user, user.schoolIds),
    };
  }
}
