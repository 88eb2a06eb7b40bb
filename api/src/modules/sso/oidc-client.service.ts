import { Inject, Injectable } from '@nestjs/common';
import * as oidc from 'openid-client';
import type { AppConfig } from '../../config/config.js';
import { APP_CONFIG } from '../../config/config.js';

/** What the flow needs to reach one district's provider. */
export interface ProviderConnection {
  districtId: string;
  version: number;
  issuerUrl: string;
  clientId: string;
  clientSecret: string | undefined;
}

/** The claims Emerge reads, from a verified ID token (email claims may come from the UserInfo endpoint). */
export interface VerifiedIdentity {
  issuer: string;
  subject: string;
  email: string | undefined;
  emailVerified: boolean;
  hostedDomain: string | undefined;
  tenantId: string | undefined;
}

/** Why the provider's answer was not accepted; `detail` goes to the audit log, never to the browser. */
export class OidcRefusal extends Error {
  constructor(
    readonly reason: 'provider_error' | 'token_rejected' | 'provider_unavailable',
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'OidcRefusal';
  }
}

// Digital signatures only: never `none`, never an HMAC keyed with the client secret.
const SIGNING_ALGORITHMS = new Set([
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
]);
const CACHE_MS = 10 * 60_000;
const TIMEOUT_SECONDS = 10;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

interface ErrorLike {
  code?: unknown;
  error?: unknown;
  error_description?: unknown;
  message?: unknown;
  cause?: unknown;
}

/**
 * `code: message (cause's message)`, short, from whatever openid-client or fetch threw. Only messages: the
 * causes also carry the token's claims (an email), which stay out of the log.
 */
function describe(error: unknown): string {
  const e = (error ?? {}) as ErrorLike;
  const code = [e.code, e.error].filter((c) => typeof c === 'string').join(' ') || 'error';
  const text = typeof e.error_description === 'string' ? e.error_description : String(e.message ?? error);
  const cause = e.cause as ErrorLike | undefined;
  const why = cause instanceof Error ? ` (${String(cause.message)})` : '';
  return `${code}: ${text}${why}`.slice(0, 300);
}

/**
 * openid-client (v6) for the authorization code flow with PKCE: discovery from the issuer (cached per
 * configuration version), the authorization URL, the code exchange and every ID token check (issuer,
 * audience, expiry, nonce, and the signature against the provider's JWKS, which openid-client skips by default
 * for tokens from the token endpoint).
 */
@Injectable()
export class OidcClientService {
  private readonly configs = new Map<string, { at: number; config: Promise<oidc.Configuration> }>();

  constructor(@Inject(APP_CONFIG) private readonly app: AppConfig) {}

  /** Plain http only to a loopback issuer outside production (tests, a provider on the developer's machine). */
  insecureAllowed(url: URL): boolean {
    return url.protocol === 'http:' && LOOPBACK.has(url.hostname) && this.app.nodeEnv !== 'production';
  }

  /** The discovered configuration of a district's provider. */
  async configuration(p: ProviderConnection): Promise<oidc.Configuration> {
    const key = `${p.districtId}:${p.version}`;
    const cached = this.configs.get(key);
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.config;
    const config = this.discover(p);
    this.configs.set(key, { at: Date.now(), config });
    config.catch(() => this.configs.delete(key));
    for (const [k, v] of this.configs) if (Date.now() - v.at >= CACHE_MS) this.configs.delete(k);
    return config;
  }

  private async discover(p: ProviderConnection): Promise<oidc.Configuration> {
    const issuer = new URL(p.issuerUrl);
    const execute = [oidc.enableNonRepudiationChecks];
    if (this.insecureAllowed(issuer)) execute.push(oidc.allowInsecureRequests);
    let config: oidc.Configuration;
    try {
      // Discovery checks that the document's `issuer` is exactly the configured one.
      config = await oidc.discovery(issuer, p.clientId, p.clientSecret, undefined, {
        execute,
        timeout: TIMEOUT_SECONDS,
      });
    } catch (error) {
      throw new OidcRefusal('provider_unavailable', `discovery failed: ${describe(error)}`);
    }
    const metadata = config.serverMetadata();
    if (!metadata.jwks_uri) throw new OidcRefusal('provider_unavailable', 'the provider publishes no jwks_uri');
    // The client authenticates as the provider prefers: Basic when it says so or says nothing (the default).
    const methods = metadata.token_endpoint_auth_methods_supported ?? ['client_secret_basic'];
    if (p.clientSecret && methods.includes('client_secret_basic')) {
      config = new oidc.Configuration(metadata, p.clientId, p.clientSecret, oidc.ClientSecretBasic(p.clientSecret));
      for (const step of execute) step(config);
    }
    config.timeout = TIMEOUT_SECONDS;
    return config;
  }

  authorizationUrl(
    config: oidc.Configuration,
    params: {
      redirectUri: string;
      state: string;
      nonce: string;
      codeChallenge: string;
      loginHint?: string;
      hd?: string;
    },
  ): URL {
    return oidc.buildAuthorizationUrl(config, {
      redirect_uri: params.redirectUri,
      response_type: 'code',
      scope: 'openid email profile',
      state: params.state,
      nonce: params.nonce,
      code_challenge: params.codeChallenge,
      code_challenge_method: 'S256',
      ...(params.loginHint && { login_hint: params.loginHint }),
      // Google shows only accounts of this Workspace domain (a hint: the ID token's hd is still checked).
      ...(params.hd && { hd: params.hd }),
    });
  }

  /** Validates the authorization response, redeems the code and verifies the ID token. */
  async redeem(
    config: oidc.Configuration,
    callbackUrl: URL,
    checks: { state: string; nonce: string; codeVerifier: string },
  ): Promise<VerifiedIdentity> {
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        pkceCodeVerifier: checks.codeVerifier,
        idTokenExpected: true,
      });
    } catch (error) {
      if (error instanceof oidc.AuthorizationResponseError) {
        throw new OidcRefusal('provider_error', describe(error));
      }
      throw new OidcRefusal('token_rejected', describe(error));
    }
    const alg = this.algorithmOf(tokens.id_token);
    if (!SIGNING_ALGORITHMS.has(alg)) throw new OidcRefusal('token_rejected', `ID token alg ${alg} refused`);
    const claims = tokens.claims();
    if (!claims) throw new OidcRefusal('token_rejected', 'no ID token');
    let email = typeof claims.email === 'string' ? claims.email : undefined;
    let verified: unknown = claims.email_verified ?? claims.xms_edov;
    if (email === undefined || verified === undefined) {
      // Some providers put the email claims in UserInfo only; its subject must be the ID token's.
      try {
        const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
        email ??= typeof info.email === 'string' ? info.email : undefined;
        verified ??= info.email_verified;
      } catch (error) {
        throw new OidcRefusal('token_rejected', `userinfo: ${describe(error)}`);
      }
    }
    return {
      issuer: claims.iss,
      subject: claims.sub,
      email: email?.trim().toLowerCase(),
      // Only a real boolean true: a string "true" or a missing claim is not the provider's word.
      emailVerified: verified === true,
      hostedDomain: typeof claims.hd === 'string' ? claims.hd.toLowerCase() : undefined,
      tenantId: typeof claims.tid === 'string' ? claims.tid.toLowerCase() : undefined,
    };
  }

  /** Where to send the browser to end the provider's session too (none for providers without one, e.g. Google). */
  endSessionUrl(config: oidc.Configuration, postLogoutRedirectUri: string): string | null {
    if (!config.serverMetadata().end_session_endpoint) return null;
    return oidc.buildEndSessionUrl(config, { post_logout_redirect_uri: postLogoutRedirectUri }).href;
  }

  private algorithmOf(idToken: string | undefined): string {
    try {
      const header = JSON.parse(Buffer.from((idToken ?? '').split('.')[0] ?? '', 'base64url').toString('utf8')) as {
        alg?: unknown;
      };
      return typeof header.alg === 'string' ? header.alg : 'missing';
    } catch {
      return 'unreadable';
    }
  }
}
