/** What the sign-in page says for each refusal of a single sign-on (the API's `sso_error` reasons). */
const MESSAGES: Record<string, string> = {
  state_invalid: 'That sign-in expired or was already used. Start again from this page.',
  provider_error: 'Your district account did not complete the sign-in (it may have been cancelled). Try again.',
  token_rejected: 'Your district account’s answer could not be verified, so Emerge did not sign you in. Try again.',
  provider_unavailable: 'Your district’s sign-in service is not available right now. Try again later or ask HR.',
  email_unverified: 'Your district account does not confirm your email address. Ask your district’s IT office.',
  domain_not_allowed: 'That account’s email is not one of your district’s addresses. Sign in with your work account.',
  hosted_domain_mismatch: 'That account does not belong to your district’s organisation. Use your work account.',
  tenant_mismatch: 'That account does not belong to your district’s organisation. Use your work account.',
  no_account: 'You have no Emerge account yet. Ask your district HR office to give you a login.',
  account_disabled: 'Your Emerge account is disabled. Ask your district HR office.',
  identity_conflict: 'Your Emerge account is linked to another district account. Ask your district HR office.',
  wrong_district: 'That account belongs to another district in Emerge. Sign in through your own district.',
};

export function ssoRefusalMessage(reason: string | null): string | null {
  if (!reason) return null;
  return MESSAGES[reason] ?? 'Single sign-on did not succeed. Try again.';
}
