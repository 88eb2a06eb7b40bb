import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  api,
  baseUrl,
  describeBrowser,
  expectAccessible,
  launch,
  list,
  login,
  newPage,
  shot,
  tokenFor,
} from './browser.js';

/** Issue #15: buttons show their text on a phone, and list rows open by keyboard alone. */
const PHONE = { width: 390, height: 844 };

async function phonePage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    reducedMotion: 'reduce',
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => process.stderr.write(`[page error] ${e.message}\n`));
  return { context, page };
}

interface ButtonFacts {
  html: string;
  name: string;
  text: string;
  icon: boolean;
}

/**
 * Every visible button (and link styled as one): it has a name, and shows text or an icon. A button without an
 * icon must show its text: react-admin's `<Button label>` without an icon is an empty box below 600 px.
 */
async function expectButtonsLegible(page: Page, where: string): Promise<ButtonFacts[]> {
  const facts = await page.evaluate(() => {
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
    };
    const nameOf = (el: HTMLElement) => {
      const labelledBy = el.getAttribute('aria-labelledby');
      if (labelledBy)
        return labelledBy
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' ')
          .trim();
      return (el.getAttribute('aria-label') ?? el.innerText ?? el.getAttribute('title') ?? '').trim();
    };
    return [...document.querySelectorAll<HTMLElement>('button, [role="button"], a.MuiButton-root')]
      .filter(visible)
      .map((el) => ({
        html: el.outerHTML.slice(0, 160),
        name: nameOf(el),
        // Text drawn by CSS (`content: attr(aria-label)`) counts: a person sees it.
        text: (
          el.innerText ||
          getComputedStyle(el, '::after')
            .content.replace(/^none$/, '')
            .replace(/^"|"$/g, '')
        ).trim(),
        icon: [...el.querySelectorAll('svg')].some(visible),
      }));
  });
  expect(facts.length).toBeGreaterThan(0);
  const unnamed = facts.filter((b) => !b.name).map((b) => `${where}: no name: ${b.html}`);
  const blank = facts.filter((b) => !b.icon && !b.text).map((b) => `${where}: shows nothing: ${b.html}`);
  expect([...unnamed, ...blank]).toEqual([]);
  return facts;
}

describeBrowser('phones and keyboards (issue #15)', () => {
  let browser: Browser;
  const suffix = randomBytes(3).toString('hex');
  // Two colleagues of our own, so this file needs nothing from the others: one nominated and approved (so they
  // are asked to accept), one nominated and waiting for hr.
  const nominee = { email: `phone.nominee.${suffix}@riverbend.example`, password: `phone-pass-${suffix}-x` };
  let pendingNominationId = '';

  beforeAll(async () => {
    browser = await launch();
    if (!baseUrl) return;
    const hr = await tokenFor('hr@riverbend.example');
    const [school] = await list(hr, 'schools', { q: 'Riverbend High School' });
    const [role] = await list(hr, 'leadership-roles', { q: 'Assistant principal' });
    const educator = (i: number, email: string | null) =>
      api(hr, 'POST', '/educators', {
        employeeNumber: `PK-${suffix}-${i}`,
        firstName: i === 1 ? 'Phoebe' : 'Keith',
        lastName: `Phone${suffix}`,
        email,
        schoolId: school!.id,
        jobTitle: 'Teacher',
      }) as Promise<{ id: string }>;
    const nominate = (educatorId: string) =>
      api(hr, 'POST', '/nominations', {
        educatorId,
        targetRoleId: role!.id,
        rationale: 'Leads the grade-level team and coaches two new colleagues.',
      }) as Promise<{ id: string }>;

    const first = await educator(1, nominee.email);
    const { setPasswordPath } = (await api(hr, 'POST', `/educators/${first.id}/login`)) as { setPasswordPath: string };
    const token = new URLSearchParams(setPasswordPath.split('?')[1]).get('token')!;
    await api('', 'POST', '/auth/set-password', { token, password: nominee.password });
    const approved = await nominate(first.id);
    await api(hr, 'POST', `/nominations/${approved.id}/decision`, { decision: 'approve' });

    const second = await educator(2, null);
    pendingNominationId = (await nominate(second.id)).id;
  });
  afterAll(() => browser?.close());

  it('on a phone, the nominated teacher sees Accept and Decline as text', async () => {
    const { context, page } = await phonePage(browser);
    await login(page, nominee.email, nominee.password);
    await page.getByText('You have been nominated').waitFor();
    await expectButtonsLegible(page, 'teacher home (phone)');
    await page.getByRole('link', { name: /^Respond/ }).click();
    await page.waitForURL(/#\/candidates\/[0-9a-f-]{36}\/show/);
    const accept = page.getByRole('button', { name: 'Accept the nomination' });
    const decline = page.getByRole('button', { name: 'Decline' });
    await accept.waitFor();
    expect(await accept.innerText()).toMatch(/Accept the nomination/i);
    expect(await decline.innerText()).toMatch(/Decline/i);
    expect(await accept.isVisible()).toBe(true);
    expect(await decline.isVisible()).toBe(true);
    await expectButtonsLegible(page, 'candidate consent (phone)');
    await shot(page, 'phone-candidate-consent');
    await expectAccessible(page, 'candidate consent (phone)');
    await context.close();
  });

  it('on a phone, hr sees Approve and Decline on a submitted nomination', async () => {
    const { context, page } = await phonePage(browser);
    await login(page, 'hr@riverbend.example');
    await page.goto(`/#/nominations/${pendingNominationId}/show`);
    const approve = page.getByRole('button', { name: 'Approve' });
    await approve.waitFor();
    expect(await approve.innerText()).toMatch(/Approve/i);
    expect(await page.getByRole('button', { name: 'Decline' }).innerText()).toMatch(/Decline/i);
    await expectButtonsLegible(page, 'nomination show (phone)');
    await shot(page, 'phone-nomination-decide');
    await expectAccessible(page, 'nomination show (phone)');
    await context.close();
  });

  it('on a phone, by keyboard alone, hr opens a candidate from the list and sees Move, Pause and Exit', async () => {
    const { context, page } = await phonePage(browser);
    await login(page, 'hr@riverbend.example');
    await page.goto(`/#/candidates?filter=${encodeURIComponent(JSON.stringify({ stage: 'engaged' }))}`);
    const firstLink = page.locator('.RaDatagrid-table tbody tr').first().getByRole('link');
    await firstLink.waitFor();
    await expectButtonsLegible(page, 'candidates list (phone)');
    await shot(page, 'phone-candidates-list');
    await expectAccessible(page, 'candidates list (phone)');
    const listUrl = page.url();
    const name = (await firstLink.innerText()).trim();

    let presses = 0;
    for (; presses < 80; presses++) {
      if (await firstLink.evaluate((a) => a === document.activeElement)) break;
      await page.keyboard.press('Tab');
    }
    expect(await firstLink.evaluate((a) => a === document.activeElement)).toBe(true);
    await shot(page, 'phone-candidates-row-focused');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/candidates\/[0-9a-f-]{36}\/show/);
    expect(page.url()).not.toBe(listUrl);
    await page.getByText(name.split(',')[0]!).first().waitFor();

    for (const label of ['Move to Developing', 'Pause', 'Exit']) {
      const button = page.getByRole('button', { name: label, exact: true });
      await button.waitFor();
      expect(await button.isVisible()).toBe(true);
      expect((await button.innerText()).trim().toLowerCase()).toBe(label.toLowerCase());
    }
    await expectButtonsLegible(page, 'candidate show (phone)');
    await shot(page, 'phone-candidate-show');
    await expectAccessible(page, 'candidate show (phone)');
    await context.close();
  });

  it('on a phone, the other action buttons show text too (educators, opportunities, assignments)', async () => {
    const { context, page } = await phonePage(browser);
    await login(page, 'hr@riverbend.example');
    await page.goto('/#/educators');
    await page.getByRole('button', { name: 'Export CSV' }).waitFor();
    await shot(page, 'phone-educators-list');
    await expectButtonsLegible(page, 'educators list (phone)');
    for (const resource of ['educators', 'opportunities', 'assignments']) {
      await page.goto(`/#/${resource}`);
      await page.locator('.RaDatagrid-table tbody tr').first().getByRole('link').first().click();
      await page.waitForURL(new RegExp(`#/${resource}/[^/]+/show`));
      await page.locator('.RaShow-main').waitFor();
      await shot(page, `phone-${resource}-show`);
      await expectButtonsLegible(page, `${resource} show (phone)`);
    }
    await context.close();
  });

  it('every list opens a row by keyboard: Tab reaches a link in the first row, Enter opens the show page', async () => {
    const page = await newPage(browser);
    await login(page, 'hr@riverbend.example');
    for (const resource of ['nominations', 'educators', 'positions', 'opportunities', 'assignments', 'schools']) {
      await page.goto(`/#/${resource}`);
      const link = page.locator('.RaDatagrid-table tbody tr').first().getByRole('link').first();
      await link.waitFor();
      await link.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`#/${resource}/[^/]+/show`));
    }
    await page.close();
  });

  it('the side menu shows a clear focus outline', async () => {
    const page = await newPage(browser);
    await login(page, 'hr@riverbend.example');
    const item = page.getByRole('menuitem', { name: 'Candidates' });
    for (let i = 0; i < 30; i++) {
      if (await item.evaluate((a) => a === document.activeElement)) break;
      await page.keyboard.press('Tab');
    }
    const outline = await item.evaluate((a) => {
      const s = getComputedStyle(a);
      return { width: s.outlineWidth, style: s.outlineStyle, color: s.outlineColor };
    });
    expect(outline).toEqual({ width: '2px', style: 'solid', color: 'rgb(27, 94, 32)' });
    await shot(page, 'menu-focus');
    await page.close();
  });
});
