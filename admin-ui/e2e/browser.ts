import AxeBuilder from '@axe-core/playwright';
import { describe, expect } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Browser, chromium, Page } from 'playwright-core';

export const DEMO_PASSWORD = 'emerge-demo-pass';
export const baseUrl = process.env.EMERGE_BASE_URL ?? '';
const screenshots = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');

/** Runs the suite when global setup found Chromium and started the app; otherwise it was skipped loudly there. */
export const describeBrowser = baseUrl ? describe : describe.skip;

/** The Chromium and flags that global set-up chose (see chromium.mjs). */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.EMERGE_CHROMIUM,
    args: JSON.parse(process.env.EMERGE_CHROMIUM_ARGS ?? '[]') as string[],
  });
}

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 860 };
type Viewport = { width: number; height: number };

/** A page in a fresh context: a desktop, a phone (touch, mobile) or any screen size; motion reduced. */
export async function newPage(browser: Browser, device: 'desktop' | 'phone' | Viewport = 'desktop'): Promise<Page> {
  const viewport = device === 'desktop' ? DESKTOP : device === 'phone' ? PHONE : device;
  const phone = viewport.width < 600;
  const context = await browser.newContext({
    baseURL: baseUrl,
    reducedMotion: 'reduce',
    viewport,
    isMobile: phone,
    hasTouch: phone,
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => process.stderr.write(`[page error] ${e.message}\n`));
  return page;
}

export async function login(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/#/login');
  await page.getByLabel('Email').fill(email);
  // Email first: the page then offers the district's ways of signing in.
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await page.getByRole('textbox', { name: 'Password' }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: /Welcome/ }).waitFor();
}

/** Types into a list's search box and waits until the list has applied it (the search is debounced). */
export async function searchList(page: Page, term: string): Promise<void> {
  await page.getByPlaceholder('Search name or employee number').fill(term);
  await page.waitForURL((url) => decodeURIComponent(url.hash).includes(`"q":${JSON.stringify(term)}`));
}

export async function logout(page: Page): Promise<void> {
  await page.evaluate(() => localStorage.clear());
}

/** Saves a PNG of what a person would see; look at them after a run. */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshots, { recursive: true });
  await settle(page);
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}

/** Waits until the page has loaded what it asked for: no pending requests, no loading spinners (counts, the app bar). */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page
    .waitForFunction(() => document.querySelectorAll('.MuiCircularProgress-root').length === 0, undefined, {
      timeout: 10_000,
    })
    .catch(() => undefined);
}

/** axe-core against WCAG 2.1 A and AA: each violation as one line ("where: rule (impact) help — nodes"). */
export async function axeViolations(
  page: Page,
  where: string,
  exclude: string[] = [],
): Promise<{ impact: string; text: string }[]> {
  await settle(page);
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  for (const selector of exclude) builder = builder.exclude(selector);
  const result = await builder.analyze();
  return result.violations.map((v) => ({
    impact: v.impact ?? 'unknown',
    text: `${where}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
      .map((n) => n.target.join(' '))
      .slice(0, 3)
      .join(', ')}`,
  }));
}

/** axe-core against WCAG 2.1 A and AA: no violations allowed. */
export async function expectAccessible(page: Page, where: string, exclude: string[] = []): Promise<void> {
  expect((await axeViolations(page, where, exclude)).map((v) => v.text)).toEqual([]);
}

/** The hash links of the side menu: on a phone it is a drawer opened from the app bar, on a desktop it is open. */
export async function menuLinks(page: Page): Promise<string[]> {
  const items = page.locator('a.RaMenuItemLink-root');
  const open = page.getByRole('button', { name: 'Open menu' });
  await Promise.race([items.first().waitFor(), open.waitFor()]);
  const drawer = !(await items.first().isVisible());
  if (drawer) {
    await open.click();
    await items.first().waitFor();
  }
  const hrefs = await items.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  if (drawer) {
    await page.keyboard.press('Escape');
    await items.first().waitFor({ state: 'detached' });
  }
  return hrefs.filter(Boolean);
}

/** The first link in the page's content to a record's show page (of `resource`, or of any resource). */
export async function firstShowLink(page: Page, resource: string | null): Promise<string | null> {
  const prefix = resource ? `#/${resource}/` : '#/';
  return page
    .locator(`#main-content a[href^="${prefix}"][href$="/show"]`)
    .first()
    .getAttribute('href', { timeout: 3_000 })
    .catch(() => null);
}

export async function menuItems(page: Page): Promise<string[]> {
  const items = page.locator('a.RaMenuItemLink-root');
  await items.first().waitFor();
  return (await items.allInnerTexts()).map((s) => s.trim()).filter(Boolean);
}

/** Calls the API from the test process, as the holder of `token` (none: anonymous). */
export async function api(token: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${baseUrl}/api${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.status === 204 ? null : res.json();
}

export async function tokenFor(email: string, password = DEMO_PASSWORD): Promise<string> {
  return ((await api('', 'POST', '/auth/login', { email, password })) as { accessToken: string }).accessToken;
}

export const list = (token: string, resource: string, filter: object) =>
  api(token, 'GET', `/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}&range=[0,9]`) as Promise<
    { id: string; [k: string]: unknown }[]
  >;

/** A new teacher at Riverbend High with a login and nothing else, so a test needs nothing from the others. */
export async function freshEducator(): Promise<{ id: string; email: string; password: string }> {
  const suffix = randomBytes(3).toString('hex');
  const hr = await tokenFor('hr@riverbend.example');
  const [school] = await list(hr, 'schools', { q: 'Riverbend High School' });
  const email = `fresh.${suffix}@riverbend.example`;
  const password = `fresh-pass-${suffix}-x`;
  const { id } = (await api(hr, 'POST', '/educators', {
    employeeNumber: `FR-${suffix}`,
    firstName: 'Fran',
    lastName: `Fresh${suffix}`,
    email,
    schoolId: school!.id,
    jobTitle: 'Teacher',
  })) as { id: string };
  const { setPasswordPath } = (await api(hr, 'POST', `/educators/${id}/login`)) as { setPasswordPath: string };
  const token = new URLSearchParams(setPasswordPath.split('?')[1]).get('token')!;
  await api('', 'POST', '/auth/set-password', { token, password });
  return { id, email, password };
}

export interface OutboxMessage {
  id: string;
  toAddress: string;
  subject: string;
  text: string;
}

/** The email Emerge sent to `to` (the app runs without SMTP: the outbox), waiting for the in-process worker. */
export async function mailTo(to: string, subject: string): Promise<OutboxMessage> {
  const admin = await tokenFor('platform@emerge.example');
  for (let i = 0; i < 30; i++) {
    const found = (await list(admin, 'email-outbox', { q: to })) as unknown as OutboxMessage[];
    const mail = found.find((m) => m.subject === subject);
    if (mail) return mail;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`no email "${subject}" to ${to}`);
}

/** A fresh teacher nominated by the demo principal and approved by hr: the approval emails them. */
export async function nominatedAndApproved() {
  const nominee = await freshEducator();
  const principal = await tokenFor('principal@riverbend.example');
  const hr = await tokenFor('hr@riverbend.example');
  const [role] = await list(hr, 'leadership-roles', { q: 'Assistant principal' });
  const nomination = (await api(principal, 'POST', '/nominations', {
    educatorId: nominee.id,
    targetRoleId: role!.id,
    rationale: 'Leads the science team with care; ready to grow as a school leader.',
  })) as { id: string };
  const { candidateId } = (await api(hr, 'POST', `/nominations/${nomination.id}/decision`, {
    decision: 'approve',
  })) as { candidateId: string };
  return { nominee, candidateId };
}

/** Chooses an option of a select by keyboard only: open with Enter, arrow down to it, Enter. */
export async function chooseByKeyboard(page: Page, combobox: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: combobox }).focus();
  await page.keyboard.press('Enter');
  const target = page.getByRole('option', { name: option, exact: true });
  await target.waitFor();
  for (let i = 0; i < 30 && !(await target.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('combobox', { name: combobox }).innerText()).resolves.toBe(option);
}
