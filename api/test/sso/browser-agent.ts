import type { TestApp } from '../test-app.js';

interface Cookie {
  host: string;
  name: string;
  value: string;
  path: string;
}

export interface Answer {
  status: number;
  location: string | undefined;
  text: string;
  json: unknown;
}

/**
 * A browser as far as sign-in needs one: a cookie jar per host and path, redirects followed by hand. Requests
 * to Emerge's public origin go to the in-process app (supertest); everything else over loopback HTTP.
 */
export class BrowserAgent {
  private cookies: Cookie[] = [];

  constructor(
    private readonly t: TestApp,
    private readonly emergeOrigin: string,
  ) {}

  /** A second browser: no cookies. */
  fresh(): BrowserAgent {
    return new BrowserAgent(this.t, this.emergeOrigin);
  }

  cookie(name: string): string | undefined {
    return this.cookies.find((c) => c.name === name)?.value;
  }

  /** Drops a host's cookies (e.g. the provider's session, so that its login page shows again). */
  forget(host: string): void {
    this.cookies = this.cookies.filter((c) => c.host !== host);
  }

  setCookie(host: string, name: string, value: string, path = '/'): void {
    this.cookies = this.cookies.filter((c) => !(c.host === host && c.name === name && c.path === path));
    this.cookies.push({ host, name, value, path });
  }

  async get(url: string): Promise<Answer> {
    return this.send('GET', url);
  }

  async postJson(url: string, body: unknown): Promise<Answer> {
    return this.send('POST', url, { json: body });
  }

  async postForm(url: string, form: Record<string, string>): Promise<Answer> {
    return this.send('POST', url, { form });
  }

  async send(method: 'GET' | 'POST', url: string, body: { json?: unknown; form?: Record<string, string> } = {}) {
    const target = new URL(url, this.emergeOrigin);
    const cookieHeader = this.cookies
      .filter((c) => c.host === target.host && target.pathname.startsWith(c.path))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
    let status: number;
    let headers: Record<string, string | string[] | undefined>;
    let text: string;
    if (target.origin === this.emergeOrigin) {
      let req =
        method === 'GET' ? this.t.http().get(target.pathname + target.search) : this.t.http().post(target.pathname);
      if (cookieHeader) req = req.set('Cookie', cookieHeader);
      if (body.json !== undefined) req = req.send(body.json as object);
      const res = await req.redirects(0);
      status = res.status;
      headers = res.headers as Record<string, string | string[]>;
      text = res.text ?? '';
    } else {
      const res = await fetch(target, {
        method,
        redirect: 'manual',
        headers: {
          ...(cookieHeader && { cookie: cookieHeader }),
          ...(body.form && { 'content-type': 'application/x-www-form-urlencoded' }),
          ...(body.json !== undefined && { 'content-type': 'application/json' }),
        },
        body: body.form ? new URLSearchParams(body.form).toString() : body.json ? JSON.stringify(body.json) : undefined,
      });
      status = res.status;
      headers = { location: res.headers.get('location') ?? undefined, 'set-cookie': res.headers.getSetCookie() };
      text = await res.text();
    }
    this.store(target, headers['set-cookie']);
    const location = typeof headers.location === 'string' ? new URL(headers.location, target).href : undefined;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status, location, text, json };
  }

  private store(target: URL, setCookie: string | string[] | undefined): void {
    for (const line of typeof setCookie === 'string' ? [setCookie] : (setCookie ?? [])) {
      const [pair, ...attributes] = line.split(';').map((s) => s.trim());
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      let path = '/';
      let gone = value === '';
      for (const a of attributes) {
        const [k, v = ''] = a.split('=');
        const key = k!.toLowerCase();
        if (key === 'path') path = v;
        if (key === 'max-age' && Number(v) <= 0) gone = true;
        if (key === 'expires' && Date.parse(v) < Date.now()) gone = true;
      }
      this.cookies = this.cookies.filter((c) => !(c.host === target.host && c.name === name && c.path === path));
      if (!gone) this.cookies.push({ host: target.host, name, value, path });
    }
  }
}
