import type { AuthProvider } from 'react-admin';
import { canAccess } from './canAccess';
import { apiErrorText, type ApiErrorBody } from './errorText';
import { API_URL, httpClient } from './httpClient';
import { session, SessionUser } from './session';

// No getPermissions: with react-admin 5.15 + react-router 7 an immediate one loops redirects (STACK-NOTES).
export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    const response = await fetch(`${API_URL}/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ email: username, password }),
    });
    const body = (await response.json().catch(() => ({}))) as ApiErrorBody & {
      accessToken?: string;
      user?: SessionUser;
    };
    if (!response.ok || !body.accessToken || !body.user) {
      throw new Error(response.ok ? 'Sign-in failed. Try again.' : apiErrorText(response.status, body));
    }
    session.save(body.accessToken, body.user);
  },
  async logout() {
    session.signOut();
  },
  async checkAuth() {
    if (!session.token()) throw new Error('Please sign in');
  },
  async checkError(error: { status?: number }) {
    if (error?.status === 401) {
      session.clear();
      throw new Error(apiErrorText(401));
    }
  },
  async getIdentity() {
    const user = session.user();
    if (!user) throw new Error('Please sign in');
    return { id: user.id, fullName: user.name, role: user.role };
  },
  async canAccess({ resource, action }) {
    return canAccess(session.user()?.role, { resource: resource ?? '', action });
  },
};

/** Refreshes the stored user from the API (role or schools may have changed). */
export async function refreshSession(): Promise<void> {
  const { json } = await httpClient(`${API_URL}/auth/me`);
  const token = session.token();
  if (token) session.save(token, json as SessionUser);
}
