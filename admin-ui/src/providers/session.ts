/** The signed-in user, as returned by POST /api/auth/login and GET /api/auth/me. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  districtId: string | null;
  schoolIds: string[];
  educatorId: string | null;
}

export type Role = 'platform_admin' | 'hr' | 'superintendent' | 'coordinator' | 'principal' | 'educator';

const TOKEN = 'emerge.token';
const USER = 'emerge.user';

export const session = {
  token: (): string | null => localStorage.getItem(TOKEN),
  user: (): SessionUser | null => {
    const raw = localStorage.getItem(USER);
    return raw ? (JSON.parse(raw) as SessionUser) : null;
  },
  save(token: string, user: SessionUser): void {
    localStorage.setItem(TOKEN, token);
    localStorage.setItem(USER, JSON.stringify(user));
  },
  clear(): void {
    localStorage.removeItem(TOKEN);
    localStorage.removeItem(USER);
  },
};
