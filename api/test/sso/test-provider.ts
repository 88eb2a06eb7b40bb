import { generateKeyPairSync, KeyObject } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** What the provider says about a person (its account id is the subject). */
export interface TestAccount {
  email?: string;
  email_verified?: boolean | string;
  name?: string;
  /** Google Workspace's hosted domain. */
  hd?: string;
  /** Microsoft Entra's tenant id. */
  tid?: string;
}

export interface TestClient {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

/** Rewrites the ID token of a token endpoint answer (to produce what a correct provider never sends). */
export type IdTokenTamper = (idToken: string) => string | Promise<string>;

export interface TestProvider {
  issuer: string;
  /** The provider's signing key, and its `kid`, for tampered tokens that still carry its real signature. */
  key: KeyObject;
  kid: string;
  accounts: Map<string, TestAccount>;
  /** Token endpoint answers pass through this while set. */
  tamper: IdTokenTamper | undefined;
  /** How many token requests were answered with an error (e.g. a replayed code). */
  tokenErrors: number;
  close(): Promise<void>;
}

/**
 * A real OpenID provider (oidc-provider, the certified Node implementation) on a loopback port, with its
 * development login and consent pages: a test signs in by posting them, as a browser would.
 */
export async function startTestProvider(options: {
  clients: TestClient[];
  accounts: Record<string, TestAccount>;
  /** true (the default): email claims only from UserInfo when an access token is issued, as the spec says. */
  conformIdTokenClaims?: boolean;
}): Promise<TestProvider> {
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
  const server: Server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = 'test-signing-key';
  const accounts = new Map(Object.entries(options.accounts));

  // Its start-up warnings (development interactions, in-memory storage, Node 20) are what a test wants.
  const warn = console.warn;
  console.warn = () => undefined;
  const provider = new Provider(issuer, {
    clients: options.clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: [c.redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    })),
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' }] },
    findAccount: (_ctx, sub) => {
      const account = accounts.get(sub);
      return account ? { accountId: sub, claims: () => ({ sub, ...account }) } : undefined;
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'hd', 'tid'] },
    conformIdTokenClaims: options.conformIdTokenClaims ?? true,
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    cookies: { keys: ['emerge-test-provider-cookies'] },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 600, Grant: 600 },
  });
  console.warn = warn;
  const state: TestProvider = {
    issuer,
    key: privateKey,
    kid,
    accounts,
    tamper: undefined,
    tokenErrors: 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.oidc?.route !== 'token') return;
    if (ctx.status !== 200) state.tokenErrors += 1;
    const body = ctx.body as { id_token?: string } | undefined;
    if (state.tamper && ctx.status === 200 && body?.id_token) {
      ctx.body = { ...body, id_token: await state.tamper(body.id_token) };
    }
  });
  handler = provider.callback();
  return state;
}
