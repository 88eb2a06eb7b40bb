import type { BrowserAgent } from './browser-agent.js';

/** `POST /api/auth/sso/start`: the provider URL to go to (the agent keeps the binding cookie). */
export async function startSignIn(b: BrowserAgent, email: string): Promise<string> {
  const res = await b.postJson('/api/auth/sso/start', { email });
  if (res.status !== 200) throw new Error(`sso/start ${res.status}: ${res.text}`);
  return (res.json as { authorizationUrl: string }).authorizationUrl;
}

const formAction = (html: string) => /<form[^>]*action="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');

/**
 * Goes through the provider as a person would: follows its redirects, posts its login form as `accountId`
 * and its consent form, and stops at the redirect back to Emerge, whose URL it returns (not followed).
 */
export async function signInAtProvider(
  b: BrowserAgent,
  authorizationUrl: string,
  accountId: string,
  emergeOrigin: string,
): Promise<string> {
  // No provider session from an earlier sign-in: the provider must ask who is signing in.
  b.forget(new URL(authorizationUrl).host);
  let res = await b.get(authorizationUrl);
  let loggedIn = false;
  for (let step = 0; step < 12; step++) {
    if (res.location?.startsWith(emergeOrigin)) {
      if (!loggedIn) throw new Error('the provider answered without its login page');
      return res.location;
    }
    if (res.status >= 300 && res.status < 400 && res.location) {
      res = await b.get(res.location);
      continue;
    }
    const action = res.status === 200 ? formAction(res.text) : undefined;
    if (action && res.text.includes('value="login"')) {
      res = await b.postForm(action, { prompt: 'login', login: accountId, password: 'any password' });
      loggedIn = true;
    } else if (action && res.text.includes('value="consent"')) {
      res = await b.postForm(action, { prompt: 'consent' });
    } else {
      throw new Error(`unexpected provider answer ${res.status}: ${res.text.slice(0, 500)}`);
    }
  }
  throw new Error('the provider never sent the browser back');
}

export interface Outcome {
  status: number;
  location: string;
  ticket?: string;
  error?: string;
}

/** Follows the provider's redirect to Emerge's callback and reads where Emerge sends the console. */
export async function deliver(b: BrowserAgent, callbackUrl: string): Promise<Outcome> {
  const res = await b.get(callbackUrl);
  const location = res.location ?? '';
  const fragment = new URLSearchParams(location.split('?')[1] ?? '');
  return {
    status: res.status,
    location,
    ...(fragment.get('ticket') && { ticket: fragment.get('ticket')! }),
    ...(fragment.get('sso_error') && { error: fragment.get('sso_error')! }),
  };
}

/** The whole sign-in up to the console's ticket or refusal. */
export async function signIn(
  b: BrowserAgent,
  email: string,
  accountId: string,
  emergeOrigin: string,
): Promise<Outcome & { callbackUrl: string }> {
  const callbackUrl = await signInAtProvider(b, await startSignIn(b, email), accountId, emergeOrigin);
  return { ...(await deliver(b, callbackUrl)), callbackUrl };
}

/** `POST /api/auth/sso/exchange`. */
export async function exchange(b: BrowserAgent, ticket: string) {
  return b.postJson('/api/auth/sso/exchange', { ticket });
}
