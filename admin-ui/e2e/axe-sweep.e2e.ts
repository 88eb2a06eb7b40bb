import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, describeBrowser, firstShowLink, launch, login, menuLinks, newPage, shot } from './browser.js';

/**
 * Issue #15: axe finds nothing on any screen, for any demo role, at desktop and phone width. Each role visits
 * every menu entry, the first record each list (or home) links to, that record's tabs and its edit page when the
 * role may edit it. Every finding is collected, so one run lists them all.
 */
const ROLES = ['hr', 'superintendent', 'principal', 'coordinator', 'educator'] as const;
const VIEWPORTS = [
  ['desktop', { width: 1280, height: 860 }],
  ['phone', { width: 390, height: 844 }],
] as const;
const NO_RECORDS = ['dashboard', 'pipeline', 'district-settings', 'forecast'];

/** Waits until the page shows what it loads: the title in the app bar, and a list's rows or its empty message. */
async function loaded(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () => {
        if (!document.getElementById('react-admin-title')?.textContent?.trim()) return false;
        if (!document.querySelector('.RaList-main')) return true;
        return !!document.querySelector('.RaDatagrid-table tbody tr, [class*="empty" i], [class*="noResults" i]');
      },
      undefined,
      { timeout: 15_000 },
    )
    .catch(() => undefined);
}

const slug = (s: string) =>
  s
    .replace(/^#\/?/, '')
    .replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, 'record')
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/-$/, '') || 'home';

describeBrowser('axe on every screen, for every role, at desktop and phone width', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  const cases = ROLES.flatMap((role) => VIEWPORTS.map(([device, viewport]) => [role, device, viewport] as const));

  it.each(cases)(
    '%s on a %s: no axe findings on any menu page, record, tab or edit page',
    async (role, device, viewport) => {
      const page = await newPage(browser, viewport);
      await login(page, `${role}@riverbend.example`);
      const findings: string[] = [];
      const visited = new Set<string>();
      const visit = async (href: string) => {
        visited.add(href);
        await page.goto(`/${href}`);
        await loaded(page);
        await shot(page, `axe-${role}-${device}-${slug(href)}`);
        for (const v of await axeViolations(page, `${role} ${device} ${href}`)) findings.push(v.text);
      };
      const links = await menuLinks(page);
      expect(links.length).toBeGreaterThan(2);
      for (const href of links) {
        await visit(href);
        const resource = /^#\/([a-z-]+)$/.exec(href)?.[1] ?? null;
        if (resource && NO_RECORDS.includes(resource)) continue;
        const show = await firstShowLink(page, resource);
        if (!show || visited.has(show)) continue;
        await visit(show);
        const more = await page
          .locator('#main-content a[role="tab"], #main-content a[href]')
          .evaluateAll((as, showHref) => {
            const base = showHref.replace(/\/show$/, '');
            return as
              .map((a) => a.getAttribute('href') ?? '')
              .filter((h) => h === base || (h.startsWith(`${showHref}/`) && !h.includes('?')));
          }, show);
        for (const h of [...new Set(more)].filter((h) => !visited.has(h))) await visit(h);
      }
      process.stdout.write(`[axe] ${role} ${device}: ${visited.size} screens, ${findings.length} findings\n`);
      expect(visited.size).toBeGreaterThan(links.length);
      expect(findings).toEqual([]);
      await page.context().close();
    },
    600_000,
  );
});
