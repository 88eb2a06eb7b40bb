import type { VerifiedIdentity } from './oidc-client.service.js';

/** Why a single sign-on was refused; the console shows a sentence for each (login page, `sso_error`). */
export const SSO_REFUSALS = [
  /** Unknown, used or expired state, or another browser's. */
  'state_invalid',
  /** The provider answered with an error (e.g. the person cancelled). */
  'provider_error',
  /** The code exchange or an ID token check failed (issuer, audience, expiry, nonce, signature, alg). */
  'token_rejected',
  /** The provider could not be reached, or its configuration changed or was turned off meanwhile. */
  'provider_unavailable',
  'email_unverified',
  'domain_not_allowed',
  'hosted_domain_mismatch',
  'tenant_mismatch',
  /** No active Emerge account of this district has that email: sign-in never creates one. */
  'no_account',
  'account_disabled',
  /** The account is already linked to another person at this provider. */
  'identity_conflict',
  /** The identity is linked to an account of another district than the provider's. */
  'wrong_district',
] as const;
export type SsoRefusal = (typeof SSO_REFUSALS)[number];

export interface ProviderRules {
  emailDomains: string[];
  hostedDomain: string | null;
  tenantId: string | null;
}

/** The organisation checks, on every sign-in: Google's `hd` and Entra's `tid` when the district set them. */
export function organisationProblem(identity: VerifiedIdentity, rules: ProviderRules): SsoRefusal | undefined {
  if (rules.hostedDomain && identity.hostedDomain !== rules.hostedDomain.toLowerCase()) return 'hosted_domain_mismatch';
  if (rules.tenantId && identity.tenantId !== rules.tenantId.toLowerCase()) return 'tenant_mismatch';
  return undefined;
}

/**
 * The first sign-in of an (issuer, subject) may link it to the account with its email only when the provider
 * vouches for the email and the email's domain is one of the district's.
 */
export function firstLinkProblem(identity: VerifiedIdentity, rules: ProviderRules): SsoRefusal | undefined {
  const problem = organisationProblem(identity, rules);
  if (problem) return problem;
  if (!identity.email || !identity.emailVerified) return 'email_unverified';
  const at = identity.email.lastIndexOf('@');
  const domain = at > 0 ? identity.email.slice(at + 1) : '';
  if (!rules.emailDomains.includes(domain)) return 'domain_not_allowed';
  return undefined;
}

/** The part of an email after the last `@`, lower-cased ('' when there is none). */
export function domainOf(email: string): string {
  const at = email.lastIndexOf('@');
  return at > 0
    ? email
        .slice(at + 1)
        .trim()
        .toLowerCase()
    : '';
}
