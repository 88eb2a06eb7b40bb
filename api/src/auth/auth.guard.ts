import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard as PassportGuard } from '@nestjs/passport';
import { AppError } from '../common/errors/app-error.js';
import { ErrorCode } from '../common/errors/error-code.js';
import type { AuthContext } from './auth-context.js';
import { AUTH_METADATA, AuthMetadata } from './authenticated.decorator.js';
import { roleHas } from './permissions.js';

class JwtGuard extends PassportGuard('jwt') {
  override handleRequest<T>(err: unknown, user: T): T {
    // A thrown error (e.g. the database is down while loading the user) keeps its own answer (503), not a 401.
    if (err) throw err;
    if (!user) throw new AppError(ErrorCode.Unauthenticated, 'Sign in first: a valid bearer token is required');
    return user;
  }
}

/** Registered globally: a route is denied unless it is @Public or the caller's role holds its permission. */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly jwt = new JwtGuard();

  constructor(private readonly reflector: Reflector) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const meta = this.reflector.getAllAndOverride<AuthMetadata | undefined>(AUTH_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (meta?.public) return true;
    await this.jwt.canActivate(context);
    if (!meta) throw new AppError(ErrorCode.Forbidden, 'This route declares no permission');
    const auth = context.switchToHttp().getRequest<{ user: AuthContext }>().user;
    if (!roleHas(auth.role, meta.permission)) {
      throw new AppError(ErrorCode.Forbidden, `Your role (${auth.role}) may not do this (${meta.permission})`);
    }
    return true;
  }
}
