import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import {
  baseUrl,
  DEMO_PASSWORD,
  describeBrowser,
  expectAccessible,
  launch,
  login,
  mailTo,
  newPage,
  shot,
} from './browser.js';
import { startOidcProvider } from './oidc-provider.js';

const HR = 'hr@lakeside.example';
const SECRET = 'lakeside-browser-test-secret';

interface Session {
  accessToken: string;
  user: { districtId: string };
}

async function api<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}/api${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Only loopback: the provider's page imports a web font, which must not leave the machine. */
async function loopbackOnly(page: Page): Promise<void> {
  await page.context().route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
}

describeBrowser('single sign-on', () => {
  let browser: Browser;
  let provider: Awaited<ReturnType<typeof startOidcProvider>>;
  let hr: Session;

  beforeAll(async () => {
    browser = await launch();
    provider = await startOidcProvider({
      clientId: 'emerge-lakeside',
      clientSecret: SECRET,
      redirectUri: `${baseUrl}/api/auth/sso/callback`,
      postLogoutRedirectUri: `${baseUrl}/`,
      accounts: {
        'lakeside-hr': { email: HR, email_verified: true },
        'lakeside-unverified': { email: HR, email_verified: false },
        'nominee-desktop': { email: 'nominee.desktop@lakeside.example', email_verified: true },
        'nominee-phone': { email: 'nominee.phone@lakeside.example', email_verified: true },
      },
    });
    const res = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: HR, password: DEMO_PASSWORD }),
    });
    hr = (await res.json()) as Session;
  });

  afterAll(async () => {
    // Back to passwords only, for the suites that follow.
    const path = `/districts/${hr.user.districtId}/identity-provider`;
    const current = await api<Record<string, unknown>>(hr.accessToken, 'GET', path);
    if (current.configured) {
      const { version, displayName, issuerUrl, clientId, emailDomains } = current;
      await api(hr.accessToken, 'PUT', path, {
        version,
        displayName,
        issuerUrl,
        clientId,
        emailDomains,
        enabled: false,
        passwordSignInAllowed: true,
      });
    }
    await provider?.close();
    await browser?.close();
  });

  it('hr configures the identity provider on the district settings page', async () => {
    const page = await newPage(browser);
    await login(page, HR);
    await page.goto('/#/district-settings');
    await page.getByRole('heading', { name: 'Identity provider' }).waitFor();
    expect(await page.getByLabel('Redirect URI (register it with the provider)').inputValue()).toBe(
      `${baseUrl}/api/auth/sso/callback`,
    );
    await page.getByLabel('Button name').fill('Lakeside Google');
    await page.getByLabel('Issuer URL').fill(provider.issuer);
    await page.getByLabel('Client ID').fill('emerge-lakeside');
    await page.getByLabel('Client secret').fill(SECRET);
    await page.getByLabel('Email domains').fill('lakeside.example');
    await page.getByRole('button', { name: 'Save identity provider' }).click();
    await page.getByText('Identity provider saved').waitFor();
    expect(await page.getByLabel('Client secret').inputValue()).toBe('');
    await page.getByText('A secret is stored (never shown)').waitFor();
    await shot(page, 'sso-settings');
    await expectAccessible(page, 'district settings with the identity provider');
    await page.context().close();
  });

  for (const device of ['desktop', 'phone'] as const)
    it(`platform_admin sees and can change a district's sign-in from the district's page (${device})`, async () => {
      const page = await newPage(browser, device);
      await login(page, 'platform@emerge.example');
      await page.goto(`/#/districts/${hr.user.districtId}/show`);
      await page.getByRole('heading', { level: 2, name: 'Identity provider' }).waitFor();
      await page.getByText('A secret is stored (never shown)').waitFor();
      expect(await page.getByLabel('Button name').inputValue()).toBe('Lakeside Google');
      expect(await page.getByLabel('Issuer URL').inputValue()).toBe(provider.issuer);
      await expectAccessible(page, `district page with its sign-in (${device})`);
      await shot(page, `sso-platform-district-${device}`);
      await page.context().close();
    });

  it('signs hr in through the provider from the email-first sign-in page, and offers its sign-out', async () => {
    const page = await newPage(browser);
    await loopbackOnly(page);
    await page.goto('/#/login');
    await page.getByLabel('Email').fill(HR);
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    const sso = page.getByRole('button', { name: 'Continue with Lakeside Google' });
    await sso.waitFor();
    expect(await page.getByRole('textbox', { name: 'Password' }).isVisible()).toBe(true);
    await shot(page, 'sso-login-choices');
    await expectAccessible(page, 'sign-in choices');
    await sso.click();
    // The provider's own sign-in page (oidc-provider's development login and consent).
    await page.waitForURL((url) => url.href.startsWith(provider.issuer));
    await page.locator('input[name="login"]').fill('lakeside-hr');
    await page.locator('input[name="password"]').fill('anything');
    await shot(page, 'sso-provider-login');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: /Welcome/ }).waitFor();
    expect(page.url()).not.toContain('ticket=');
    await shot(page, 'sso-signed-in');
    await page.getByRole('button', { name: /account menu/ }).click();
    await page.getByRole('menuitem', { name: 'Logout' }).click();
    await page.getByRole('link', { name: 'Sign out of your district account too' }).waitFor();
    await shot(page, 'sso-signed-out');
    await page.context().close();
  });

  it('explains a refusal on the sign-in page', async () => {
    const page = await newPage(browser);
    await loopbackOnly(page);
    await page.goto('/#/login');
    await page.getByLabel('Email').fill(HR);
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await page.getByRole('button', { name: 'Continue with Lakeside Google' }).click();
    await page.waitForURL((url) => url.href.startsWith(provider.issuer));
    await page.locator('input[name="login"]').fill('lakeside-unverified');
    await page.locator('input[name="password"]').fill('anything');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('does not confirm your email address').waitFor();
    await shot(page, 'sso-refused');
    await page.context().close();
  });

  for (const device of ['desktop', 'phone'] as const)
    it(`a nominee follows the emailed link, signs in through the provider, accepts; hr's bell has the answer (${device})`, async () => {
      // A Lakeside teacher with a login and no password: the district's provider is the way in.
      const email = `nominee.${device}@lakeside.example`;
      const [school] = await api<{ id: string }[]>(hr.accessToken, 'GET', '/schools?range=[0,0]');
      const educator = await api<{ id: string }>(hr.accessToken, 'POST', '/educators', {
        employeeNumber: `SSO-${device}`,
        firstName: 'Noor',
        lastName: `Nominee${device === 'phone' ? 'Phone' : 'Desktop'}`,
        email,
        schoolId: school!.id,
        jobTitle: 'Teacher',
      });
      await api(hr.accessToken, 'POST', `/educators/${educator.id}/login`, {});
      const [role] = await api<{ id: string; title: string }[]>(hr.accessToken, 'GET', '/leadership-roles?range=[0,0]');
      const nomination = await api<{ id: string }>(hr.accessToken, 'POST', '/nominations', {
        educatorId: educator.id,
        targetRoleId: role!.id,
        rationale: 'Leads the math team; ready to grow.',
      });
      const { candidateId } = await api<{ candidateId: string }>(
        hr.accessToken,
        'POST',
        `/nominations/${nomination.id}/decision`,
        { decision: 'approve' },
      );
      const mail = await mailTo(email, `You have been nominated for ${role!.title}`);
      const link = /Open it: (\S+)/.exec(mail.text)![1]!;

      const page = await newPage(browser, device);
      await loopbackOnly(page);
      await page.goto(link);
      await page.getByLabel('Email').fill(email);
      await page.getByRole('button', { name: 'Continue', exact: true }).click();
      await page.getByRole('button', { name: 'Continue with Lakeside Google' }).click();
      await page.waitForURL((url) => url.href.startsWith(provider.issuer));
      await page.locator('input[name="login"]').fill(`nominee-${device}`);
      await page.locator('input[name="password"]').fill('anything');
      await page.getByRole('button', { name: 'Sign-in' }).click();
      await page.getByRole('button', { name: 'Continue' }).click();
      // Back in Emerge, on the answer itself.
      await page.waitForURL(new RegExp(`#/candidates/${candidateId}/show`));
      await page.getByRole('button', { name: 'Accept the nomination' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
      await page.getByText('Accepted: welcome').waitFor();
      await shot(page, `sso-emailed-link-accepted-${device}`);

      // The nominator (hr here) reads the answer under the bell.
      const hrPage = await newPage(browser, device);
      await login(hrPage, HR);
      await hrPage.goto('/#/notifications');
      const answer = hrPage.getByRole('button', {
        name: `New: Noor ${`Nominee${device === 'phone' ? 'Phone' : 'Desktop'}`} accepted the nomination`,
      });
      for (let i = 0; i < 20 && (await answer.count()) === 0; i++) {
        await hrPage.waitForTimeout(1000);
        await hrPage.reload();
      }
      await answer.waitFor();
      await hrPage.context().close();
      await page.context().close();
    });

  for (const device of ['desktop', 'phone'] as const)
    it(`hr sees a person's single sign-on link and removes it, by keyboard (${device})`, async () => {
      const email = `nominee.${device}@lakeside.example`;
      const [user] = await api<{ id: string }[]>(
        hr.accessToken,
        'GET',
        `/users?filter=${encodeURIComponent(JSON.stringify({ q: email }))}`,
      );
      const page = await newPage(browser, device);
      await login(page, HR);
      await page.goto(`/#/users/${user!.id}/show`);
      await page.getByRole('heading', { name: 'Single sign-on' }).waitFor();
      await page.getByText(new RegExp(`^${email.replace(/\./g, '\\.')} at http://127\\.0\\.0\\.1`)).waitFor();
      await expectAccessible(page, `a user's single sign-on link (${device})`);
      await shot(page, `sso-user-link-${device}`);
      await page.getByRole('button', { name: 'Remove the link' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
      await page.getByText('1 link removed; their sessions have ended').waitFor();
      await page.getByText(/^Not linked to a district account/).waitFor();
      expect(await api<unknown[]>(hr.accessToken, 'GET', `/users/${user!.id}/sign-in-links`)).toEqual([]);
      await page.context().close();
    });
});
