import { migrations } from '@emerge/migrations';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { generateKeyPairSync, KeyObject, randomBytes, sign } from 'node:crypto';
import { Writable } from 'node:stream';
import type { MigrationInterface } from 'typeorm';
import { expected } from '../expected-errors.js';
import { BrowserAgent } from '../sso/browser-agent.js';
import { deliver, exchange, signIn, signInAtProvider, startSignIn } from '../sso/flow.js';
import { startTestProvider, TestProvider } from '../sso/test-provider.js';
import { createTestApp, rolledBack, TestApp } from '../test-app.js';

/**
 * Single sign-on against real OpenID providers (oidc-provider) on loopback, driven as a browser would: the
 * provider's login and consent forms are posted, its redirects followed by hand. Refusals a correct provider
 * never produces (wrong audience, expired or unsigned ID token, …) come from a tamper hook on that provider's
 * token endpoint, which re-signs the ID token with the provider's real key (or none, or another key).
 */

const ORIGIN = 'http://emerge.test';
const REDIRECT = `${ORIGIN}/api/auth/sso/callback`;
const SECRET_A = `secret-a-${randomBytes(12).toString('hex')}`;
const SECRET_B = `secret-b-${randomBytes(12).toString('hex')}`;
const SECRET_C = `secret-c-${randomBytes(12).toString('hex')}`;
const TENANT = '7d1c9a3e-0b5f-4c2e-9f61-2a8e4b7c5d10';

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const claimsOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
/** An RS256 JWS of `claims` with this key and kid. */
const rs256 = (claims: object, key: KeyObject, kid: string) => {
  const input = `${b64({ alg: 'RS256', typ: 'JWT', kid })}.${b64(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
};

describe('single sign-on (OpenID Connect)', () => {
  let t: TestApp;
  let a: TestProvider;
  let b: TestProvider;
  const logs: string[] = [];
  const answers: string[] = [];
  let districtA: string;
  let districtB: string;
  let districtC: string;
  let tokens: Record<'hrA' | 'hrB' | 'supA' | 'platform', string>;
  let ana: { id: string; email: string };
  let browser: BrowserAgent;

  const put = async (token: string, districtId: string, body: Record<string, unknown>) => {
    const res = await t
      .http()
      .put(`/api/districts/${districtId}/identity-provider`)
      .set('Authorization', `Bearer ${token}`)
      .send(body);
    answers.push(res.text);
    return res;
  };
  const get = async (token: string, districtId: string) => {
    const res = await t
      .http()
      .get(`/api/districts/${districtId}/identity-provider`)
      .set('Authorization', `Bearer ${token}`);
    answers.push(res.text);
    return res;
  };
  const configure = async (token: string, districtId: string, over: Record<string, unknown>) => {
    const current = (await get(token, districtId)).body as { version: number };
    const res = await put(token, districtId, { version: current.version, ...over });
    if (res.status !== 200) throw new Error(`configure ${res.status}: ${res.text}`);
    return res.body as Record<string, unknown>;
  };
  const baseA = () => ({
    enabled: true,
    displayName: 'Riverbend Google',
    issuerUrl: a.issuer,
    clientId: 'emerge-a',
    emailDomains: ['riverbend.test'],
    hostedDomain: null,
    tenantId: null,
    passwordSignInAllowed: true,
  });
  const run = async (email: string, account: string, agent = browser) => {
    const outcome = await signIn(agent, email, account, ORIGIN);
    answers.push(outcome.location);
    return outcome;
  };
  /** What the audit log says about the latest refusal (openid-client's check). */
  const lastDetail = async () =>
    (
      (await t.db.query(
        `SELECT changes->'detail'->>'after' AS d FROM audit_log WHERE action = 'login_failed' ORDER BY occurred_at DESC LIMIT 1`,
      )) as { d: string }[]
    )[0]!.d;
  const refusals = async (reason: string) =>
    (
      (await t.db.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'login_failed' AND changes->'reason'->>'after' = $1
            AND changes->'method'->>'after' = 'sso'`,
        [reason],
      )) as { n: number }[]
    )[0]!.n;

  beforeAll(async () => {
    a = await startTestProvider({
      clients: [
        { clientId: 'emerge-a', clientSecret: SECRET_A, redirectUri: REDIRECT },
        // District C uses the same issuer (as every Google district does), with its own client.
        { clientId: 'emerge-c', clientSecret: SECRET_C, redirectUri: REDIRECT },
      ],
      // Like Google: the email claims are in the ID token.
      conformIdTokenClaims: false,
      accounts: {
        'ana-sub': { email: 'ana@riverbend.test', email_verified: true, hd: 'riverbend.test', tid: TENANT },
        'ben-sub': { email: 'ben@riverbend.test', email_verified: true, hd: 'riverbend.test', tid: TENANT },
        'unverified-sub': { email: 'uma@riverbend.test', email_verified: false, hd: 'riverbend.test', tid: TENANT },
        'string-verified-sub': { email: 'uma@riverbend.test', email_verified: 'true', hd: 'riverbend.test' },
        'foreign-sub': { email: 'ana@elsewhere.test', email_verified: true },
        'ghost-sub': { email: 'ghost@riverbend.test', email_verified: true, hd: 'riverbend.test', tid: TENANT },
        'gmail-sub': { email: 'ben@riverbend.test', email_verified: true },
        'other-tenant-sub': {
          email: 'ben@riverbend.test',
          email_verified: true,
          hd: 'riverbend.test',
          tid: TENANT.replace('7', '8'),
        },
        'disabled-sub': { email: 'dora@riverbend.test', email_verified: true, hd: 'riverbend.test', tid: TENANT },
        'ana-again-sub': { email: 'ana@riverbend.test', email_verified: true, hd: 'riverbend.test', tid: TENANT },
        'cal-sub': { email: 'cal@c.test', email_verified: true },
      },
    });
    b = await startTestProvider({
      clients: [{ clientId: 'emerge-b', clientSecret: SECRET_B, redirectUri: REDIRECT }],
      // District B's own provider vouches for an email of district A.
      accounts: {
        'mallory-sub': { email: 'ana@riverbend.test', email_verified: true },
        'lee-sub': { email: 'lee@lakeside.test', email_verified: true },
      },
    });
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        logs.push(chunk.toString());
        done();
      },
    });
    t = await createTestApp({ PUBLIC_URL: ORIGIN, LOG_LEVEL: 'debug' }, { logDestination: sink });
    browser = new BrowserAgent(t, ORIGIN);
    districtA = (await t.factories.createDistrict({ name: 'Riverbend' })).id;
    districtB = (await t.factories.createDistrict({ name: 'Lakeside' })).id;
    districtC = (await t.factories.createDistrict({ name: 'Cedar' })).id;
    const hrA = await t.factories.createUser({ role: 'hr', districtId: districtA, email: 'hr@riverbend.test' });
    const supA = await t.factories.createUser({ role: 'superintendent', districtId: districtA });
    const hrB = await t.factories.createUser({ role: 'hr', districtId: districtB, email: 'hr@lakeside.test' });
    const hrC = await t.factories.createUser({ role: 'hr', districtId: districtC, email: 'hr@c.test' });
    const platform = await t.factories.createUser({ role: 'platform_admin', email: 'platform@riverbend.test' });
    ana = await t.factories.createUser({ role: 'principal', districtId: districtA, email: 'ana@riverbend.test' });
    await t.factories.createUser({ role: 'coordinator', districtId: districtA, email: 'ben@riverbend.test' });
    await t.factories.createUser({ role: 'coordinator', districtId: districtA, email: 'uma@riverbend.test' });
    await t.factories.createUser({
      role: 'coordinator',
      districtId: districtA,
      email: 'dora@riverbend.test',
      active: false,
    });
    await t.factories.createUser({ role: 'coordinator', districtId: districtB, email: 'lee@lakeside.test' });
    await t.factories.createUser({ role: 'coordinator', districtId: districtC, email: 'cal@c.test' });
    tokens = {
      hrA: await t.login(hrA.email),
      hrB: await t.login(hrB.email),
      supA: await t.login(supA.email),
      platform: await t.login(platform.email),
    };
    await configure(tokens.hrA, districtA, { ...baseA(), clientSecret: SECRET_A });
    await configure(tokens.hrB, districtB, {
      ...baseA(),
      displayName: 'Lakeside',
      issuerUrl: b.issuer,
      clientId: 'emerge-b',
      emailDomains: ['lakeside.test'],
      clientSecret: SECRET_B,
    });
    await configure(await t.login(hrC.email), districtC, {
      ...baseA(),
      displayName: 'Cedar Google',
      clientId: 'emerge-c',
      emailDomains: ['c.test'],
      clientSecret: SECRET_C,
    });
  }, 60_000);

  afterAll(async () => {
    await t.close();
    await a.close();
    await b.close();
  });

  beforeEach(() => {
    a.tamper = undefined;
    b.tamper = undefined;
    browser = browser.fresh();
  });

  describe('GET/PUT /api/districts/{id}/identity-provider', () => {
    it('requires authentication, then the permission, then the district in scope', async () => {
      expect((await t.http().get(`/api/districts/${districtA}/identity-provider`)).body).toEqual(
        expected.unauthenticated,
      );
      expect((await get(tokens.supA, districtA)).body).toEqual(expected.forbidden);
      expect((await get(tokens.hrB, districtA)).body).toEqual(expected.notFound);
      expect((await put(tokens.hrB, districtA, { ...baseA(), version: 1 })).body).toEqual(expected.notFound);
    });

    it('returns the configuration without the secret, to hr and to the platform administrator', async () => {
      const res = await get(tokens.hrA, districtA);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        districtId: districtA,
        configured: true,
        ...baseA(),
        clientSecretSet: true,
        redirectUri: REDIRECT,
        version: expect.any(Number),
        updatedAt: expect.any(String),
      });
      expect((await get(tokens.platform, districtA)).body).toEqual(res.body);
      expect(res.text).not.toContain(SECRET_A);
    });

    it('answers an unconfigured district with defaults and version 0; the first PUT needs the secret', async () => {
      const fresh = (await t.factories.createDistrict()).id;
      const res = await get(tokens.platform, fresh);
      expect(res.body).toMatchObject({ configured: false, enabled: false, clientSecretSet: false, version: 0 });
      const missing = await put(tokens.platform, fresh, { ...baseA(), emailDomains: ['fresh.test'], version: 0 });
      expect(missing.body).toEqual(expected.validation({ clientSecret: expect.any(String) }));
      const made = await put(tokens.platform, fresh, {
        ...baseA(),
        emailDomains: ['fresh.test'],
        clientSecret: 'x',
        version: 0,
      });
      expect(made.status).toBe(200);
      expect(made.body).toMatchObject({ configured: true, version: 1, clientSecretSet: true });
    });

    it('refuses a domain another district holds, a plain-http issuer, a hosted domain outside the domains', async () => {
      const { version } = (await get(tokens.hrB, districtB)).body as { version: number };
      const base = { ...baseA(), issuerUrl: b.issuer, clientId: 'emerge-b', emailDomains: ['lakeside.test'], version };
      expect(
        (await put(tokens.hrB, districtB, { ...base, emailDomains: ['lakeside.test', 'riverbend.test'] })).body,
      ).toEqual(expected.unique({ emailDomains: expect.stringContaining('riverbend.test') }));
      expect((await put(tokens.hrB, districtB, { ...base, issuerUrl: 'http://idp.lakeside.test' })).body).toEqual(
        expected.validation({ issuerUrl: 'issuerUrl must use https' }),
      );
      expect((await put(tokens.hrB, districtB, { ...base, hostedDomain: 'riverbend.test' })).body).toEqual(
        expected.validation({ hostedDomain: 'hostedDomain must be one of emailDomains' }),
      );
      expect((await put(tokens.hrB, districtB, { ...base, version: version - 1 })).body).toEqual(expected.staleVersion);
    });

    it('keeps the secret when the PUT leaves it out, and never writes it to the audit log', async () => {
      const before: { c: string }[] = await t.db.query(
        `SELECT client_secret_ciphertext AS c FROM identity_providers WHERE district_id = $1`,
        [districtA],
      );
      await configure(tokens.hrA, districtA, { ...baseA(), displayName: 'Riverbend Google' });
      const after: { c: string }[] = await t.db.query(
        `SELECT client_secret_ciphertext AS c FROM identity_providers WHERE district_id = $1`,
        [districtA],
      );
      expect(after[0]!.c).toBe(before[0]!.c);
      expect(after[0]!.c).not.toContain(SECRET_A);
      const audit: { changes: Record<string, unknown> }[] = await t.db.query(
        `SELECT changes FROM audit_log WHERE entity = 'identity_providers' AND entity_id = $1 ORDER BY occurred_at`,
        [districtA],
      );
      expect(audit[0]!.changes.client_secret_ciphertext).toEqual({ after: '[redacted]' });
    });
  });

  describe('GET /api/auth/discover', () => {
    it('answers by domain: the same for an existing and an unknown email', async () => {
      const known = await t.http().get('/api/auth/discover').query({ email: ana.email });
      const unknown = await t.http().get('/api/auth/discover').query({ email: 'nobody@riverbend.test' });
      expect(known.body).toEqual({ password: true, sso: { providerName: 'Riverbend Google' } });
      expect(unknown.body).toEqual(known.body);
      expect((await t.http().get('/api/auth/discover').query({ email: 'x@nowhere.test' })).body).toEqual({
        password: true,
        sso: null,
      });
      expect((await t.http().get('/api/auth/discover')).body).toEqual(
        expected.validation({ email: expect.any(String) }),
      );
    });
  });

  describe('the sign-in', () => {
    it('signs an existing user in through the provider, with the same session as a password sign-in', async () => {
      const outcome = await run(ana.email, 'ana-sub');
      expect(outcome.status).toBe(303);
      expect(outcome.location).toMatch(new RegExp(`^${ORIGIN}/#/sso\\?ticket=[A-Za-z0-9_-]{43}$`));
      const session = await exchange(browser, outcome.ticket!);
      answers.push(session.text);
      expect(session.status).toBe(200);
      expect(session.json).toEqual({
        accessToken: expect.any(String),
        user: expect.objectContaining({ id: ana.id, email: ana.email, role: 'principal', districtId: districtA }),
        endSessionUrl: expect.stringContaining(`${a.issuer}/session/end`),
      });
      const token = (session.json as { accessToken: string }).accessToken;
      const me = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`);
      expect(me.body).toMatchObject({ id: ana.id });
      const linked: { issuer: string; subject: string }[] = await t.db.query(
        `SELECT issuer, subject FROM user_identities WHERE user_id = $1`,
        [ana.id],
      );
      expect(linked).toEqual([{ issuer: a.issuer, subject: 'ana-sub' }]);
      const success: unknown[] = await t.db.query(
        `SELECT 1 FROM audit_log WHERE action = 'login_succeeded' AND entity_id = $1 AND changes->'method'->>'after' = 'sso'`,
        [ana.id],
      );
      expect(success).toHaveLength(1);
      // The same token rules: a bumped token version ends the session.
      await t.db.query(`UPDATE users SET token_version = token_version + 1 WHERE id = $1`, [ana.id]);
      expect((await t.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`)).status).toBe(401);
    });

    it('afterwards knows the person by (issuer, subject) only: a changed email at the provider does not matter', async () => {
      await run(ana.email, 'ana-sub'); // linked (idempotent if the first test ran)
      a.accounts.set('ana-sub', {
        ...a.accounts.get('ana-sub')!,
        email: 'ana.new@elsewhere.test',
        email_verified: false,
      });
      try {
        const outcome = await run(ana.email, 'ana-sub');
        expect(outcome.ticket).toBeDefined();
        expect(((await exchange(browser, outcome.ticket!)).json as { user: { id: string } }).user.id).toBe(ana.id);
      } finally {
        a.accounts.set('ana-sub', { ...a.accounts.get('ana-sub')!, email: 'ana@riverbend.test', email_verified: true });
      }
    });

    it('hr sees and removes a link (a recreated provider account): the sessions end, the next sign-in links anew', async () => {
      const links = (token: string) =>
        t.http().get(`/api/users/${ana.id}/sign-in-links`).set('Authorization', `Bearer ${token}`);
      const removal = (token: string) =>
        t.http().post(`/api/users/${ana.id}/sign-in-links/removal`).set('Authorization', `Bearer ${token}`).send({});
      const session = await exchange(browser, (await run(ana.email, 'ana-sub')).ticket!);
      const token = (session.json as { accessToken: string }).accessToken;
      expect((await links(tokens.hrA)).body).toEqual([
        { issuer: a.issuer, emailAtLink: ana.email, linkedAt: expect.any(String), lastUsedAt: expect.any(String) },
      ]);
      expect((await links(tokens.hrB)).status).toBe(404);
      expect((await removal(tokens.hrB)).status).toBe(404);

      const removed = await removal(tokens.hrA);
      expect({ status: removed.status, body: removed.body }).toEqual({ status: 200, body: { removed: 1 } });
      expect((await links(tokens.hrA)).body).toEqual([]);
      expect((await t.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`)).status).toBe(401);
      expect((await removal(tokens.hrA)).body).toEqual({ removed: 0 });

      // The provider recreated the account: a new subject, the same verified email in the district's domain.
      a.accounts.set('ana-recreated', { ...a.accounts.get('ana-sub')! });
      const again = await run(ana.email, 'ana-recreated');
      expect(((await exchange(browser, again.ticket!)).json as { user: { id: string } }).user.id).toBe(ana.id);
      const linked: { subject: string }[] = await t.db.query(`SELECT subject FROM user_identities WHERE user_id = $1`, [
        ana.id,
      ]);
      expect(linked).toEqual([{ subject: 'ana-recreated' }]);
      // Back to the first link, for the tests that follow.
      await removal(tokens.hrA);
      await run(ana.email, 'ana-sub');
    });

    it('takes the email claims from UserInfo when the ID token has none (district B’s provider)', async () => {
      const outcome = await run('lee@lakeside.test', 'lee-sub');
      expect(outcome.ticket).toBeDefined();
    });

    it('refuses a ticket twice, and from another browser', async () => {
      const outcome = await run('ben@riverbend.test', 'ben-sub');
      expect((await exchange(browser.fresh(), outcome.ticket!)).status).toBe(400);
      // The failed attempt from another browser used the ticket up: single use means single use.
      expect((await exchange(browser, outcome.ticket!)).status).toBe(400);
      const again = await run('ben@riverbend.test', 'ben-sub');
      expect((await exchange(browser, again.ticket!)).status).toBe(200);
      expect((await exchange(browser, again.ticket!)).json).toEqual(
        expected.validation({ ticket: expect.any(String) }),
      );
    });

    it('refuses a malformed email with a 400 (a lone surrogate once made a 500)', async () => {
      const res = await t
        .http()
        .post('/api/auth/sso/start')
        .set('Content-Type', 'application/json')
        .send('{"email":"x\\ud83d"}');
      expect(res.body).toEqual(expected.validation({ email: expect.any(String) }));
      const login = await t
        .http()
        .post('/api/auth/login')
        .set('Content-Type', 'application/json')
        .send('{"email":"x\\ud83d@riverbend.test","password":"p"}');
      expect(login.body).toEqual(expected.validation({ email: expect.any(String) }));
    });

    it('refuses to start for a domain without single sign-on', async () => {
      const res = await browser.postJson('/api/auth/sso/start', { email: 'x@nowhere.test' });
      expect(res.json).toEqual(expected.validation({ email: expect.any(String) }));
    });
  });

  describe('refusals', () => {
    it('a wrong state', async () => {
      const callback = await signInAtProvider(browser, await startSignIn(browser, ana.email), 'ana-sub', ORIGIN);
      const forged = new URL(callback);
      forged.searchParams.set('state', randomBytes(32).toString('base64url'));
      expect((await deliver(browser, forged.href)).error).toBe('state_invalid');
      const none = new URL(callback);
      none.searchParams.delete('state');
      expect((await deliver(browser, none.href)).error).toBe('state_invalid');
    });

    it('a replayed state (the whole callback delivered twice)', async () => {
      const first = await run(ana.email, 'ana-sub');
      expect(first.ticket).toBeDefined();
      const replay = await deliver(browser, first.callbackUrl);
      expect(replay.error).toBe('state_invalid');
    });

    it('a state started in another browser', async () => {
      const callback = await signInAtProvider(browser, await startSignIn(browser, ana.email), 'ana-sub', ORIGIN);
      expect((await deliver(browser.fresh(), callback)).error).toBe('state_invalid');
      // …and that attempt used the state up.
      expect((await deliver(browser, callback)).error).toBe('state_invalid');
    });

    it('an expired state', async () => {
      const callback = await signInAtProvider(browser, await startSignIn(browser, ana.email), 'ana-sub', ORIGIN);
      await t.db.query(`UPDATE sso_states SET expires_at = now() - interval '1 second'`);
      expect((await deliver(browser, callback)).error).toBe('state_invalid');
    });

    it('a replayed code, under a fresh state of the same browser', async () => {
      const first = await run(ana.email, 'ana-sub');
      expect(first.ticket).toBeDefined();
      const code = new URL(first.callbackUrl).searchParams.get('code')!;
      const second = new URL(await signInAtProvider(browser, await startSignIn(browser, ana.email), 'ana-sub', ORIGIN));
      second.searchParams.set('code', code);
      const errorsBefore = a.tokenErrors;
      expect((await deliver(browser, second.href)).error).toBe('token_rejected');
      expect(a.tokenErrors).toBe(errorsBefore + 1); // the provider itself refused the used code
      expect(await lastDetail()).toContain('invalid_grant');
    });

    it('a wrong issuer in the authorization response (mix-up with district B’s provider)', async () => {
      const callback = new URL(
        await signInAtProvider(browser, await startSignIn(browser, ana.email), 'ana-sub', ORIGIN),
      );
      expect(callback.searchParams.get('iss')).toBe(a.issuer);
      callback.searchParams.set('iss', b.issuer);
      expect((await deliver(browser, callback.href)).error).toBe('token_rejected');
      expect(await lastDetail()).toContain('"iss"');
    });

    // Each re-signed with the provider's own key unless said otherwise, so only the named check can fail.
    const tampered: [string, (jwt: string) => string, string][] = [
      [
        'a wrong issuer in the ID token',
        (jwt) => rs256({ ...claimsOf(jwt), iss: b.issuer }, a.key, a.kid),
        'unexpected JWT "iss" (issuer) claim value',
      ],
      [
        'a wrong audience',
        (jwt) => rs256({ ...claimsOf(jwt), aud: 'someone-else' }, a.key, a.kid),
        'unexpected JWT "aud" (audience) claim value',
      ],
      [
        'an expired ID token',
        (jwt) => {
          const now = Math.floor(Date.now() / 1000);
          return rs256({ ...claimsOf(jwt), iat: now - 7200, exp: now - 3600 }, a.key, a.kid);
        },
        'unexpected JWT "exp" (expiration time) claim value',
      ],
      [
        'an unsigned ID token (alg none)',
        (jwt) => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claimsOf(jwt))}.`,
        'unexpected JWT "alg" header parameter',
      ],
      [
        'an ID token signed by a key not in the provider’s JWKS',
        (jwt) => rs256(claimsOf(jwt), generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey, a.kid),
        'JWT signature verification failed',
      ],
      [
        'a wrong nonce',
        (jwt) => rs256({ ...claimsOf(jwt), nonce: 'not-the-nonce' }, a.key, a.kid),
        'unexpected ID Token "nonce" claim value',
      ],
    ];
    it.each(tampered)('%s', async (_label, tamper, why) => {
      const tickets = async () =>
        ((await t.db.query(`SELECT count(*)::int AS n FROM sso_tickets`)) as { n: number }[])[0]!.n;
      const [before, ticketsBefore] = [await refusals('token_rejected'), await tickets()];
      a.tamper = tamper;
      const outcome = await run(ana.email, 'ana-sub');
      expect(outcome.error).toBe('token_rejected');
      expect(await refusals('token_rejected')).toBe(before + 1);
      expect(await tickets()).toBe(ticketsBefore); // no session to hand out
      expect(await lastDetail()).toContain(why);
    });

    it('an unverified email, and an email_verified that is not a real boolean', async () => {
      expect((await run('uma@riverbend.test', 'unverified-sub')).error).toBe('email_unverified');
      expect((await run('uma@riverbend.test', 'string-verified-sub')).error).toBe('email_unverified');
    });

    it('an email of a foreign domain', async () => {
      expect((await run(ana.email, 'foreign-sub')).error).toBe('domain_not_allowed');
    });

    it('a wrong Google hd or Entra tenant, when the district set them', async () => {
      await configure(tokens.hrA, districtA, { ...baseA(), hostedDomain: 'riverbend.test', tenantId: TENANT });
      try {
        expect((await run('ben@riverbend.test', 'gmail-sub')).error).toBe('hosted_domain_mismatch');
        expect((await run('ben@riverbend.test', 'other-tenant-sub')).error).toBe('tenant_mismatch');
        expect((await run('ben@riverbend.test', 'ben-sub')).ticket).toBeDefined();
      } finally {
        await configure(tokens.hrA, districtA, baseA());
      }
    });

    it('a second district’s provider vouching for this district’s user', async () => {
      // District B's provider says "ana@riverbend.test, verified": B's domains do not include it.
      const outcome = await run('anyone@lakeside.test', 'mallory-sub');
      expect(outcome.error).toBe('domain_not_allowed');
      const linked: unknown[] = await t.db.query(`SELECT 1 FROM user_identities WHERE issuer = $1`, [b.issuer]);
      expect(linked).toHaveLength(1); // lee only
    });

    it('a person linked in one district signing in through another district’s client of the same issuer', async () => {
      await run(ana.email, 'ana-sub');
      expect((await run('cal@c.test', 'ana-sub')).error).toBe('wrong_district');
      expect((await run('cal@c.test', 'cal-sub')).ticket).toBeDefined();
    });

    it('no Emerge account (sign-in creates none), a disabled one, an account already linked to someone else', async () => {
      const users = async () => ((await t.db.query(`SELECT count(*)::int AS n FROM users`)) as { n: number }[])[0]!.n;
      const before = await users();
      expect((await run('ghost@riverbend.test', 'ghost-sub')).error).toBe('no_account');
      expect(await users()).toBe(before);
      expect((await run('dora@riverbend.test', 'disabled-sub')).error).toBe('account_disabled');
      await run(ana.email, 'ana-sub');
      expect((await run(ana.email, 'ana-again-sub')).error).toBe('identity_conflict');
    });
  });

  describe('password sign-in turned off', () => {
    it('refuses the district’s people a password, keeps the platform administrator’s, reveals nothing to a guesser', async () => {
      await configure(tokens.hrA, districtA, { ...baseA(), passwordSignInAllowed: false });
      try {
        const discover = await t.http().get('/api/auth/discover').query({ email: ana.email });
        expect(discover.body).toEqual({ password: false, sso: { providerName: 'Riverbend Google' } });
        const right = await t.http().post('/api/auth/login').send({ email: ana.email, password: 'emerge-demo-pass' });
        expect(right.status).toBe(401);
        expect(right.body).toMatchObject({ code: 'password_sign_in_disabled' });
        const wrong = await t.http().post('/api/auth/login').send({ email: ana.email, password: 'not-the-password' });
        expect(wrong.body).toEqual(expected.invalidCredentials);
        expect(
          (
            await t
              .http()
              .post('/api/auth/login')
              .send({ email: 'platform@riverbend.test', password: 'emerge-demo-pass' })
          ).status,
        ).toBe(200);
        expect((await run(ana.email, 'ana-sub')).ticket).toBeDefined();
        expect(
          (await put(tokens.hrA, districtA, { ...baseA(), enabled: false, passwordSignInAllowed: false, version: 999 }))
            .body,
        ).toEqual(expected.validation({ passwordSignInAllowed: expect.any(String) }));
      } finally {
        await configure(tokens.hrA, districtA, baseA());
      }
    });
  });

  it('has a migration whose down undoes its up (tables, triggers, the audit redaction list)', async () => {
    const migration = migrations.find((m) => m.name === 'AddSingleSignOn1796530727204')!;
    // A later migration that edits the capture again is undone first and redone last, as a rollback would.
    const later = migrations.find((m) => m.name === 'AddSortKeys1796800000001')!;
    await rolledBack(t.db, async (q) => {
      const capture = `SELECT prosrc FROM pg_proc WHERE proname = 'audit_capture'`;
      const [now] = (await q.query(capture)) as { prosrc: string }[];
      await (new later() as MigrationInterface).down(q);
      const [withSecret] = (await q.query(capture)) as { prosrc: string }[];
      expect(withSecret!.prosrc).toContain('client_secret_ciphertext');
      await (new migration() as MigrationInterface).down(q);
      const [without] = (await q.query(capture)) as { prosrc: string }[];
      expect(without!.prosrc).not.toContain('client_secret_ciphertext');
      expect(await q.query(`SELECT to_regclass('identity_providers') AS t`)).toEqual([{ t: null }]);
      await (new migration() as MigrationInterface).up(q);
      expect((await q.query(capture))[0]).toEqual(withSecret);
      await (new later() as MigrationInterface).up(q);
      expect((await q.query(capture))[0]).toEqual(now);
    });
  });

  it('never shows the client secrets in an answer, a log line or the audit log', async () => {
    const audit: { changes: unknown }[] = await t.db.query(`SELECT changes FROM audit_log`);
    const haystacks = [...answers, ...logs, JSON.stringify(audit)];
    expect(logs.length).toBeGreaterThan(50);
    for (const secret of [SECRET_A, SECRET_B, SECRET_C]) {
      expect(haystacks.filter((h) => h.includes(secret))).toEqual([]);
    }
  });
});
