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
// The district provider's end-session URL of a single sign-on session, and, once signed out, the offer.
const END_SESSION = 'emerge.endSession';
const OFFER_PROVIDER_SIGN_OUT = 'emerge.providerSignOut';

const RETURN_PATH = 'emerge.returnPath';
const SAFE_PATH = /^\/[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/;

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
    localStorage.removeItem(END_SESSION);
  },
  /** After a single sign-on: where to end the provider's session too (null: the provider has no such page). */
  saveEndSession(url: string | null): void {
    if (url) localStorage.setItem(END_SESSION, url);
    else localStorage.removeItem(END_SESSION);
  },
  /** Signing out of Emerge keeps the provider's end-session URL for the sign-in page to offer, once. */
  signOut(): void {
    const url = localStorage.getItem(END_SESSION);
    this.clear();
    if (url) localStorage.setItem(OFFER_PROVIDER_SIGN_OUT, url);
  },
  takeProviderSignOut(): string | null {
    const url = localStorage.getItem(OFFER_PROVIDER_SIGN_OUT);
    localStorage.removeItem(OFFER_PROVIDER_SIGN_OUT);
    return url;
  },
  /** A console route to return to after single sign-on; only a plain path (no other site, no script). */
  saveReturnPath(path: string | undefined): void {
    if (path && SAFE_PATH.test(path) && path !== '/login') sessionStorage.setItem(RETURN_PATH, path);
    else sessionStorage.removeItem(RETURN_PATH);
  },
  takeReturnPath(): string | null {
    const path = sessionStorage.getItem(RETURN_PATH);
    sessionStorage.removeItem(RETURN_PATH);
    return path && SAFE_PATH.test(path) ? path : null;
  },
};
