import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import * as oidc from 'openid-client';
import { DataSource } from 'typeorm';
import { auditContext } from '../../audit/audit-context.js';
import type { LoginResponseDto } from '../../auth/auth.dto.js';
import { AuthRepository } from '../../auth/auth.repository.js';
import { AuthService } from '../../auth/auth.service.js';
import { AppError } from '../../common/errors/app-error.js';
import { ErrorCode } from '../../common/errors/error-code.js';
import type { AppConfig } from '../../config/config.js';
import { APP_CONFIG } from '../../config/config.js';
import { CALLBACK_PATH } from './identity-provider.service.js';
import { OidcClientService, OidcRefusal, VerifiedIdentity } from './oidc-client.service.js';
import { SECRET_BOX, SecretBox } from './secret-box.js';
import { domainOf, firstLinkProblem, organisationProblem, SsoRefusal } from './sso-policy.js';
import type { DiscoverResponseDto } from './sso.dto.js';
import { ProviderForSignIn, SsoRepository } from './sso.repository.js';

const STATE_TTL_SECONDS = 600;
const TICKET_TTL_SECONDS = 60;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const token = () => randomBytes(32).toString('base64url');

/** A refusal on its way to the console, with what the audit log should say. */
class Refused extends Error {
  constructor(
    readonly reason: SsoRefusal,
    readonly detail: string | null = null,
    readonly userId: string | null = null,
    readonly email: string | null = null,
  ) {
    super(reason);
  }
}

/**
 * Single sign-on through a district's OpenID Connect provider: the authorization code flow with PKCE (S256),
 * `state` and `nonce` kept server-side (single use, ten minutes, bound to the browser by a cookie), and a
 * one-time ticket that hands the session to the console. A person is (issuer, subject); the first sign-in links
 * to an existing account only on the provider's word that the email is verified, in one of the district's
 * domains (and in its Google hd / Entra tenant when set). No account is ever created here.
 */
@Injectable()
export class SsoService {
  private readonly logger = new Logger('SSO');

  constructor(
    private readonly repo: SsoRepository,
    private readonly oidc: OidcClientService,
    private readonly auth: AuthService,
    private readonly authRepo: AuthRepository,
    private readonly db: DataSource,
    @Inject(SECRET_BOX) private readonly box: SecretBox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** How an email's district signs in, decided by its domain only (whether the email exists is not said). */
  async discover(email: string): Promise<DiscoverResponseDto> {
    const provider = await this.repo.providerForDomain(domainOf(email));
    if (!provider?.enabled) return { password: true, sso: null };
    return { password: provider.passwordSignInAllowed, sso: { providerName: provider.displayName } };
  }

  /** Starts a sign-in: the provider's authorization URL, and the browser binding to set as a cookie. */
  async start(email: string, binding: string | undefined): Promise<{ authorizationUrl: string; binding: string }> {
    const provider = await this.repo.providerForDomain(domainOf(email));
    if (!provider?.enabled) {
      throw AppError.validation(
        { email: 'This email’s district does not sign in with an identity provider: use your password' },
        'No single sign-on for this email',
      );
    }
    const config = await this.configuration(provider).catch((e: unknown) => {
      this.logger.warn(`Provider of district ${provider.districtId} unavailable: ${(e as Error).message}`);
      throw new AppError(
        ErrorCode.IdentityProviderUnavailable,
        'Your district’s identity provider cannot be reached; try again in a moment',
      );
    });
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const browser = binding && /^[A-Za-z0-9_-]{43}$/.test(binding) ? binding : token();
    await this.repo.saveState({
      stateHash: sha256(state),
      bindingHash: sha256(browser),
      districtId: provider.districtId,
      providerVersion: provider.version,
      nonce,
      codeVerifier,
      ttlSeconds: STATE_TTL_SECONDS,
    });
    const url = this.oidc.authorizationUrl(config, {
      redirectUri: this.redirectUri,
      state,
      nonce,
      codeChallenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      loginHint: email,
      hd: provider.hostedDomain ?? undefined,
    });
    return { authorizationUrl: url.href, binding: browser };
  }

  /**
   * The provider's answer. Returns where to send the browser: the console with a one-time ticket, or the
   * sign-in page with the refusal's code. Every refusal is in the district's audit log.
   */
  async callback(query: string, binding: string | undefined): Promise<string> {
    const correlationId = auditContext.getStore()?.correlationId ?? null;
    const params = new URLSearchParams(query);
    const state = params.get('state') ?? '';
    const pending = state ? await this.repo.takeState(sha256(state)) : undefined;
    if (!pending || pending.expired || !binding || sha256(binding) !== pending.bindingHash) {
      await this.repo.recordRefusal({
        districtId: pending?.districtId ?? null,
        userId: null,
        email: null,
        reason: 'state_invalid',
        detail: !pending ? 'unknown or used state' : pending.expired ? 'expired state' : 'another browser',
        correlationId,
      });
      return this.loginPage('state_invalid');
    }
    try {
      const provider = await this.repo.providerOf(pending.districtId);
      if (!provider?.enabled || provider.version !== pending.providerVersion) {
        throw new Refused('provider_unavailable', 'the configuration changed during the sign-in');
      }
      const config = await this.configuration(provider);
      const callbackUrl = new URL(this.redirectUri);
      callbackUrl.search = params.toString();
      const identity = await this.oidc.redeem(config, callbackUrl, {
        state,
        nonce: pending.nonce,
        codeVerifier: pending.codeVerifier,
      });
      const userId = await this.resolve(identity, provider);
      const ticket = token();
      await this.repo.saveTicket({
        ticketHash: sha256(ticket),
        bindingHash: pending.bindingHash,
        userId,
        // No fragment: OpenID Connect forbids one in a post-logout redirect URI.
        endSessionUrl: this.oidc.endSessionUrl(config, `${this.config.publicUrl}/`),
        ttlSeconds: TICKET_TTL_SECONDS,
      });
      return `${this.config.publicUrl}/#/sso?ticket=${ticket}`;
    } catch (error) {
      const refused =
        error instanceof Refused
          ? error
          : error instanceof OidcRefusal
            ? new Refused(error.reason, error.detail)
            : undefined;
      if (!refused) throw error;
      this.logger.warn(`Single sign-on refused (${refused.reason}) for district ${pending.districtId}`);
      await this.repo.recordRefusal({
        districtId: pending.districtId,
        userId: refused.userId,
        email: refused.email,
        reason: refused.reason,
        detail: refused.detail,
        correlationId,
      });
      return this.loginPage(refused.reason);
    }
  }

  /** Trades a ticket from the same browser for the session token, once. */
  async exchange(
    ticket: string,
    binding: string | undefined,
  ): Promise<LoginResponseDto & { endSessionUrl: string | null }> {
    // Taken (deleted) whatever the browser: a ticket tried from elsewhere is used up.
    const taken = await this.repo.takeTicket(sha256(ticket), sha256(binding ?? ''));
    if (!taken) throw AppError.validation({ ticket: 'This sign-in has expired or was already used; start again' });
    const found = await this.authRepo.findById(taken.userId);
    if (!found?.active) throw AppError.validation({ ticket: 'This account is disabled; ask your district HR office' });
    const session = await this.auth.issueSession(found.id);
    await this.authRepo.recordLogin(found, auditContext.getStore()?.correlationId ?? null, 'sso');
    return { ...session, endSessionUrl: taken.endSessionUrl };
  }

  /** The account this verified identity signs in as, linking it on its first sign-in. */
  private async resolve(identity: VerifiedIdentity, provider: ProviderForSignIn): Promise<string> {
    const email = identity.email ?? null;
    const linked = await this.repo.identity(identity.issuer, identity.subject);
    if (linked) {
      // Several districts may share an issuer (Google's): a link holds for the district that made it only.
      if (linked.districtId !== provider.districtId) throw new Refused('wrong_district', null, linked.userId, email);
      const problem = organisationProblem(identity, provider);
      if (problem) throw new Refused(problem, null, linked.userId, email);
      const account = await this.repo.account(linked.userId);
      if (!account?.active || account.districtId !== provider.districtId)
        throw new Refused('account_disabled', null, linked.userId, email);
      await this.repo.touch(linked.id);
      return account.id;
    }
    const problem = firstLinkProblem(identity, provider);
    if (problem) throw new Refused(problem, null, null, email);
    const account = await this.repo.accountByEmail(provider.districtId, identity.email!);
    if (!account) throw new Refused('no_account', null, null, email);
    if (!account.active) throw new Refused('account_disabled', null, account.id, email);
    if (await this.repo.hasIdentityAt(account.id, identity.issuer)) {
      throw new Refused(
        'identity_conflict',
        'the account is linked to another subject at this issuer',
        account.id,
        email,
      );
    }
    // The person links their own account: they are the actor the audit log names.
    const actor = {
      correlationId: auditContext.getStore()?.correlationId ?? null,
      userId: account.id,
      districtId: provider.districtId,
    };
    try {
      await auditContext.run(actor, () =>
        this.db.transaction((m) =>
          this.repo.link(m, {
            userId: account.id,
            districtId: provider.districtId,
            issuer: identity.issuer,
            subject: identity.subject,
            email: identity.email!,
          }),
        ),
      );
    } catch (error) {
      // A concurrent first sign-in linked it meanwhile (either unique constraint).
      if ((error as { driverError?: { code?: string } }).driverError?.code === '23505')
        throw new Refused('identity_conflict', 'linked concurrently', account.id, email);
      throw error;
    }
    return account.id;
  }

  private async configuration(provider: ProviderForSignIn): Promise<oidc.Configuration> {
    const secret = provider.clientSecretCiphertext
      ? this.box.open(provider.clientSecretCiphertext, provider.districtId)
      : undefined;
    if (provider.clientSecretCiphertext && secret === undefined) {
      throw new Refused('provider_unavailable', 'the stored client secret cannot be decrypted (key changed?)');
    }
    return this.oidc.configuration({
      districtId: provider.districtId,
      version: provider.version,
      issuerUrl: provider.issuerUrl,
      clientId: provider.clientId,
      clientSecret: secret,
    });
  }

  private get redirectUri(): string {
    return `${this.config.publicUrl}${CALLBACK_PATH}`;
  }

  private loginPage(reason: SsoRefusal): string {
    return `${this.config.publicUrl}/#/login?sso_error=${reason}`;
  }
}
