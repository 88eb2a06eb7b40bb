import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse } from '@nestjs/swagger';
import type { AuthContext } from './auth-context.js';
import { Permission } from './permissions.js';

export const AUTH_METADATA = 'emerge:auth';

export type AuthMetadata = { public: true } | { public: false; permission: Permission };

/** The route needs a valid token and the given permission; scope is checked by the service. */
export function Authenticated(options: { permission: Permission }): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(AUTH_METADATA, { public: false, permission: options.permission } satisfies AuthMetadata),
    ApiBearerAuth(),
    ApiResponse({ status: 401, description: 'Missing, invalid or expired token' }),
    ApiResponse({ status: 403, description: `The role lacks the permission ${options.permission}` }),
  );
}

/** The route needs no token (login, health). Every other route is denied by default. */
export function Public(): MethodDecorator & ClassDecorator {
  return SetMetadata(AUTH_METADATA, { public: true } satisfies AuthMetadata);
}

/** The caller's AuthContext, set by the auth guard. */
export const Auth = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthContext => {
  const request = ctx.switchToHttp().getRequest<{ user?: AuthContext }>();
  if (!request.user) throw new Error('Auth() used on a route without authentication');
  return request.user;
});
