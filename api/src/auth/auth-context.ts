import { AppError } from '../common/errors/app-error.js';
import { ErrorCode } from '../common/errors/error-code.js';
import type { Role } from './permissions.js';

/** Whose rows a caller may see: a whole district, some schools of one, only themself, or no people data. */
export type Scope =
  | { kind: 'platform' }
  | { kind: 'district'; districtId: string }
  | { kind: 'schools'; districtId: string; schoolIds: string[] }
  | { kind: 'self'; districtId: string; userId: string; educatorId: string | null };

/** Built once per request by the auth guard and passed as the first argument to every service call. */
export interface AuthContext {
  userId: string;
  email: string;
  name: string;
  role: Role;
  districtId: string | null;
  schoolIds: string[];
  educatorId: string | null;
  scope: Scope;
}

export function scopeFor(
  role: Role,
  user: { id: string; districtId: string | null; educatorId: string | null },
  schoolIds: string[],
): Scope {
  if (role === 'platform_admin' || user.districtId === null) return { kind: 'platform' };
  switch (role) {
    case 'principal':
      return { kind: 'schools', districtId: user.districtId, schoolIds };
    case 'educator':
      return { kind: 'self', districtId: user.districtId, userId: user.id, educatorId: user.educatorId };
    default:
      return { kind: 'district', districtId: user.districtId };
  }
}

/** The caller's district, for actions that belong to a district account (platform_admin has none). */
export function requireDistrict(auth: AuthContext): string {
  if (!auth.districtId) throw new AppError(ErrorCode.Forbidden, 'This action belongs to a district account');
  return auth.districtId;
}
