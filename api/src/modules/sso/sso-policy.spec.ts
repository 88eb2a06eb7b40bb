import { describe, expect, it } from '@jest/globals';
import type { VerifiedIdentity } from './oidc-client.service.js';
import { domainOf, firstLinkProblem, organisationProblem, ProviderRules } from './sso-policy.js';

const person = (over: Partial<VerifiedIdentity> = {}): VerifiedIdentity => ({
  issuer: 'https://idp.example',
  subject: 'abc',
  email: 'ana@riverbend.example',
  emailVerified: true,
  hostedDomain: undefined,
  tenantId: undefined,
  ...over,
});
const rules = (over: Partial<ProviderRules> = {}): ProviderRules => ({
  emailDomains: ['riverbend.example'],
  hostedDomain: null,
  tenantId: null,
  ...over,
});

describe('single sign-on policy', () => {
  it('links a verified email of one of the district domains', () => {
    expect(firstLinkProblem(person(), rules())).toBeUndefined();
  });

  it('refuses an unverified or missing email', () => {
    expect(firstLinkProblem(person({ emailVerified: false }), rules())).toBe('email_unverified');
    expect(firstLinkProblem(person({ email: undefined }), rules())).toBe('email_unverified');
  });

  it('refuses a domain that is not the district’s, including look-alikes and subdomains', () => {
    for (const email of ['ana@lakeside.example', 'ana@riverbend.example.evil', 'ana@x.riverbend.example', 'ana'])
      expect(firstLinkProblem(person({ email }), rules())).toBe('domain_not_allowed');
    expect(firstLinkProblem(person({ email: 'a@b@riverbend.example' }), rules())).toBeUndefined();
  });

  it('checks hd and tid only when configured, exactly', () => {
    expect(organisationProblem(person(), rules({ hostedDomain: 'riverbend.example' }))).toBe('hosted_domain_mismatch');
    expect(
      organisationProblem(person({ hostedDomain: 'riverbend.example' }), rules({ hostedDomain: 'riverbend.example' })),
    ).toBeUndefined();
    const tid = '11111111-2222-3333-4444-555555555555';
    expect(organisationProblem(person({ tenantId: tid.replace('1', '9') }), rules({ tenantId: tid }))).toBe(
      'tenant_mismatch',
    );
    expect(organisationProblem(person({ tenantId: tid }), rules({ tenantId: tid.toUpperCase() }))).toBeUndefined();
    expect(firstLinkProblem(person({ emailVerified: false }), rules({ tenantId: tid }))).toBe('tenant_mismatch');
  });

  it('takes the domain after the last @', () => {
    expect(domainOf('A@B@Riverbend.Example ')).toBe('riverbend.example');
    expect(domainOf('nobody')).toBe('');
  });
});
