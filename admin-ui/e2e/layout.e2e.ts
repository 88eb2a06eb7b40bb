import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import {
  api,
  baseUrl,
  describeBrowser,
  firstShowLink,
  launch,
  list,
  login,
  menuLinks,
  newPage,
  PHONE,
  shot,
  tokenFor,
} from './browser.js';

/** "Ready to roll out": no page scrolls sideways on a phone, the board fits its screen, the focus is never lost. */
const DESKTOP = { width: 1440, height: 900 };
const ROLES = ['hr', 'superintendent', 'coordinator', 'principal', 'educator'] as const;

/**
 * How wide the page is against the screen, and when too wide, the outermost elements sticking out (those not
 * inside a box that scrolls on its own), so the message says what to fix.
 */
async function widthOf(page: Page): Promise<{ scrollWidth: number; clientWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const clientWidth = doc.clientWidth;
    const contained = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body && p !== doc; p = p.parentElement)
        if (getComputedStyle(p).overflowX !== 'visible') return true;
      return false;
    };
    const over = [...document.querySelectorAll('body *')].filter(
      (el) => el.getBoundingClientRect().right > clientWidth + 0.5 && !contained(el),
    );
    const outermost = over.filter((el) => !over.some((o) => o !== el && o.contains(el)));
    const describe = (el: Element) =>
      `<${el.tagName.toLowerCase()} class="${[...el.classList].filter((c) => !c.startsWith('css-')).join(' ')}"> ` +
      `right edge ${Math.round(el.getBoundingClientRect().right)} px`;
    return { scrollWidth: doc.scrollWidth, clientWidth, culprits: outermost.slice(0, 3).map(describe) };
  });
}

/**
 * Waits until the page shows what it loads: the title in the app bar, and a list's rows (or its empty message),
 * so the width is not measured on a half-drawn page.
 */
async function loaded(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      if (!document.getElementById('react-admin-title')?.textContent?.trim()) return false;
      if (!document.querySelector('.RaList-main')) return true;
      return !!document.querySelector('.RaDatagrid-table tbody tr, [class*="empty" i], [class*="noResults" i]');
    },
    undefined,
    { timeout: 15_000 },
  );
}

/** Saves a screenshot (which waits for the page to settle), then measures; returns a failure message or null. */
async function checkFits(page: Page, where: string, name: string): Promise<string | null> {
  await loaded(page);
  await shot(page, name);
  const { scrollWidth, clientWidth, culprits } = await widthOf(page);
  if (scrollWidth <= clientWidth) return null;
  return `${where}: the page is ${scrollWidth} px wide on a ${clientWidth} px screen (${culprits.join('; ')})`;
}

/** A screenshot name from a route, the same on every run (record ids vary). */
const slug = (s: string) =>
  s
    .replace(/^#\/?/, '')
    .replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, 'record')
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/-$/, '') || 'home';

/** Contrast ratio of two opaque CSS rgb() colours (WCAG 2.x relative luminance). */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** The focus ring of the focused element (or of the MUI control drawing it), and the colour it is drawn on. */
async function focusRing(page: Page) {
  return page.evaluate(() => {
    const active = document.activeElement as HTMLElement;
    const ring = (active.closest('.Mui-focusVisible') as HTMLElement | null) ?? active;
    const s = getComputedStyle(ring);
    // Rings drawn inside (negative offset) sit on the element's own background, others on the parent's; a
    // translucent background (a hovered or selected item) is blended over what is under it.
    const layers: number[][] = [];
    for (
      let p: HTMLElement | null = parseFloat(s.outlineOffset) < 0 ? ring : ring.parentElement;
      p;
      p = p.parentElement
    ) {
      const [r = 0, g = 0, b = 0, a = 1] = (getComputedStyle(p).backgroundColor.match(/[\d.]+/g) ?? []).map(Number);
      if (a > 0) layers.push([r, g, b, a]);
      if (a >= 1) break;
    }
    let [r, g, b] = [255, 255, 255];
    for (const [lr, lg, lb, a] of layers.reverse())
      [r, g, b] = [lr! * a! + r * (1 - a!), lg! * a! + g * (1 - a!), lb! * a! + b * (1 - a!)];
    return {
      what: `${active.tagName.toLowerCase()} "${(active.innerText || active.getAttribute('aria-label') || '').trim().slice(0, 40)}"`,
      body: active === document.body,
      textField: active.classList.contains('MuiInputBase-input'),
      width: parseFloat(s.outlineWidth),
      style: s.outlineStyle,
      color: s.outlineColor,
      bg: `rgb(${Math.round(r)}, ${Math.round(g)}, ${Math.round(b)})`,
    };
  });
}

describeBrowser('layout: phones, the board, focus (Ready to roll out)', () => {
  let browser: Browser;
  const suffix = randomBytes(3).toString('hex');
  const lastName = `Layout${suffix}`;
  let candidateId = '';

  beforeAll(async () => {
    browser = await launch();
    if (!baseUrl) return;
    // A candidate of our own, approved but not yet answered, so hr sees "Record acceptance" and the other files'
    // candidates stay as they are.
    const hr = await tokenFor('hr@riverbend.example');
    const [school] = await list(hr, 'schools', { q: 'Riverbend High School' });
    const [role] = await list(hr, 'leadership-roles', { q: 'Assistant principal' });
    const educator = (await api(hr, 'POST', '/educators', {
      employeeNumber: `LY-${suffix}`,
      firstName: 'Lena',
      lastName,
      email: null,
      schoolId: school!.id,
      jobTitle: 'Teacher',
    })) as { id: string };
    const nomination = (await api(hr, 'POST', '/nominations', {
      educatorId: educator.id,
      targetRoleId: role!.id,
      rationale: 'Runs the science department meetings and mentors new teachers.',
    })) as { id: string };
    await api(hr, 'POST', `/nominations/${nomination.id}/decision`, { decision: 'approve' });
    const [candidate] = await list(hr, 'candidates', { q: lastName });
    candidateId = candidate!.id;
  });
  afterAll(() => browser?.close());

  it.each(ROLES)(
    'on a phone (390 px), %s: every menu page, one record of each and its tabs fit the screen',
    async (role) => {
      const page = await newPage(browser, PHONE);
      await login(page, `${role}@riverbend.example`);
      const failures: string[] = [];
      const visited = new Set<string>();
      const visit = async (href: string, where: string) => {
        visited.add(href);
        await page.goto(`/${href}`);
        const failure = await checkFits(page, where, `layout-${role}-${slug(href)}`);
        if (failure) failures.push(failure);
      };
      const links = await menuLinks(page);
      expect(links.length).toBeGreaterThan(2);
      for (const href of links) {
        await visit(href, `${role} ${href}`);
        // A list opens one record; home (#/) opens the first record it links to.
        const resource = /^#\/([a-z-]+)$/.exec(href)?.[1] ?? null;
        if (resource && ['dashboard', 'pipeline', 'district-settings'].includes(resource)) continue;
        const show = await firstShowLink(page, resource);
        if (!show || visited.has(show)) continue;
        await visit(show, `${role} ${show} (from ${href})`);
        const tabs = await page
          .locator('#main-content a[role="tab"]')
          .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
        for (const tab of tabs.filter((t) => t && t !== show && !visited.has(t))) await visit(tab, `${role} ${tab}`);
      }
      expect(visited.size).toBeGreaterThan(links.length);
      expect(failures).toEqual([]);
      await page.context().close();
    },
    300_000,
  );

  it.each([
    ['1440×900', DESKTOP],
    ['390×844', PHONE],
  ] as const)('at %s the board scrolls inside itself, the page does not', async (label, viewport) => {
    const page = await newPage(browser, viewport);
    await login(page, 'hr@riverbend.example');
    await page.goto('/#/pipeline');
    const board = page.getByRole('region', { name: /Pipeline stages/ });
    const exited = page.getByTestId('column-exited').getByRole('heading', { name: /^Exited \(\d+\)$/ });
    await exited.waitFor();
    const failure = await checkFits(page, `board at ${label}`, `layout-board-${viewport.width}`);
    expect(failure).toBeNull();
    const box = await board.evaluate((el) => ({
      scroll: el.scrollWidth,
      client: el.clientWidth,
      tabIndex: el.tabIndex,
    }));
    expect(box.scroll).toBeGreaterThan(box.client);
    expect(box.tabIndex).toBe(0);

    // By keyboard: focus the board, then the arrow keys bring the last columns into view.
    const inView = (name: RegExp) =>
      page.getByRole('heading', { name }).evaluate((h) => {
        const r = h.getBoundingClientRect();
        const b = h.closest('[role="region"]')!.getBoundingClientRect();
        return r.left >= b.left - 1 && r.right <= b.right + 1 && r.right <= document.documentElement.clientWidth;
      });
    expect(await inView(/^Exited \(/)).toBe(false);
    await board.focus();
    for (let i = 0; i < 80 && !(await inView(/^Exited \(/)); i++) await page.keyboard.press('ArrowRight');
    expect(await inView(/^Exited \(/)).toBe(true);
    for (let i = 0; i < 80 && !(await inView(/^Paused \(/)); i++) await page.keyboard.press('ArrowLeft');
    expect(await inView(/^Paused \(/)).toBe(true);
    expect((await widthOf(page)).scrollWidth).toBeLessThanOrEqual(viewport.width);
    await shot(page, `layout-board-${viewport.width}-scrolled`);
    await page.context().close();
  });

  it('after a dialog is confirmed, the focus goes to the actions that replace its button', async () => {
    const page = await newPage(browser, DESKTOP);
    await login(page, 'hr@riverbend.example');
    await page.goto(`/#/candidates/${candidateId}/show`);
    const opener = page.getByRole('button', { name: 'Record acceptance' });
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Accept the nomination' });
    await dialog.getByLabel(/Reason|Note/).fill('Said yes in person at the department meeting.');
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await dialog.waitFor({ state: 'detached' });
    await opener.waitFor({ state: 'detached' });
    // The opener is gone (the nominee has answered): the first of the stage moves now offered takes the focus.
    const next = page.getByRole('button', { name: /^Move to / }).first();
    await next.waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === 'BUTTON');
    expect(await next.evaluate((b) => b === document.activeElement)).toBe(true);
    await shot(page, 'layout-focus-after-dialog');
    await page.context().close();
  });

  it('after a save, the focus goes to the heading of the page the save opens', async () => {
    const page = await newPage(browser, DESKTOP);
    await login(page, 'hr@riverbend.example');
    await page.goto(`/#/candidates/${candidateId}`);
    await page.getByLabel('Notes').fill(`Check-in booked (${suffix}).`);
    const save = page.getByRole('button', { name: 'Save' });
    await save.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`#/candidates/${candidateId}/show`));
    await page.getByText(`Check-in booked (${suffix}).`).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'react-admin-title');
    const focused = await page.evaluate(() => ({
      id: document.activeElement?.id,
      text: (document.activeElement as HTMLElement).innerText,
    }));
    expect(focused).toEqual({ id: 'react-admin-title', text: expect.stringContaining(`Lena ${lastName}`) });
    const ring = await focusRing(page);
    expect(ring.width).toBeGreaterThanOrEqual(2);
    await shot(page, 'layout-focus-after-save');
    await page.context().close();
  });

  it('every control shows a focus ring of 2 px or more, at 3:1 or more against its surroundings', async () => {
    const page = await newPage(browser, DESKTOP);
    await login(page, 'hr@riverbend.example');
    const problems: string[] = [];
    for (const href of ['#/candidates', `#/candidates/${candidateId}/show`, '#/pipeline']) {
      await page.goto(`/${href}`);
      await page.locator('#main-content a, #main-content button').first().waitFor();
      await shot(page, `layout-focus-${slug(href)}`);
      await page.locator('body').focus();
      for (let i = 0; i < 30; i++) {
        await page.keyboard.press('Tab');
        const ring = await focusRing(page);
        // A text field's focus is its 2 px underline in the primary colour; past the last control, the browser's.
        if (ring.textField || ring.body) continue;
        const ratio = contrast(ring.color, ring.bg);
        if (ring.style === 'none' || ring.width < 2 || ratio < 3)
          problems.push(
            `${href} ${ring.what}: ${ring.width}px ${ring.style} ${ring.color} on ${ring.bg} (${ratio.toFixed(2)}:1)`,
          );
      }
    }
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
