import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { chooseByKeyboard, describeBrowser, expectAccessible, launch, login, newPage, shot } from './browser.js';

/** Issue #18: the vacancy forecast, as hr (every seat) and as a coordinator (counts only), on desktop and phone. */
describeBrowser('vacancy forecast', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it.each(['desktop', 'phone'] as const)(
    'hr on a %s: openings per role by keyboard, the table alternative, and a seat at risk opens its page',
    async (device) => {
      const page = await newPage(browser, device);
      await login(page, 'hr@riverbend.example');
      if (device === 'desktop') await page.getByRole('menuitem', { name: 'Vacancy forecast' }).click();
      else await page.goto('/#/forecast');
      await page.getByRole('heading', { name: 'Vacancy forecast', level: 1 }).waitFor();
      await chooseByKeyboard(page, 'Role', 'Principal');
      await page.getByText(/^Principal: about \d+(\.\d+)? openings? in \d{4}-\d{2}/).waitFor();
      const openings = page.getByRole('region', { name: 'Openings per school year' });
      await openings.getByRole('button', { name: 'Show table' }).press('Enter');
      const table = page.getByRole('table', { name: 'Principal: expected openings per school year (12 seats)' });
      await table.waitFor();
      expect(await table.locator('tbody tr').count()).toBe(5);
      await page.getByRole('table', { name: /the yearly chance a seat opens/ }).waitFor();
      // Coverage: each role's ready people against its openings; a role leads to its ready-now candidates.
      const coverage = page.getByRole('region', { name: 'Bench against the forecast' });
      await coverage.getByRole('button', { name: 'Show table' }).press('Enter');
      const coverageTable = page.getByRole('table', {
        name: 'Ready candidates against the openings forecast, per role',
      });
      await expect(coverageTable.innerText()).resolves.toMatch(/Principal/);
      const seats = page.getByRole('table', {
        name: /^Seats at risk first, then by the chance they open within 2 school years/,
      });
      await seats.waitFor();
      await shot(page, `forecast-hr-${device}`);
      await expectAccessible(page, `forecast (hr, ${device})`);
      // Drill down: the seat most likely to open, by keyboard.
      const first = seats.locator('tbody tr').first().getByRole('link');
      const title = await first.innerText();
      await first.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/#\/positions\/[0-9a-f-]{36}\/show/);
      await page.getByText(title).first().waitFor();
    },
  );

  it('a coordinator gets counts only: no seat, no rates, the small roles pooled', async () => {
    const page = await newPage(browser, 'desktop');
    await login(page, 'coordinator@riverbend.example');
    await page.getByRole('menuitem', { name: 'Vacancy forecast' }).click();
    await page.getByText(/Counts only: each seat’s chances are for HR and the superintendent/).waitFor();
    const every = page.getByRole('table', {
      name: 'Expected openings per role and school year, with the 80 % interval',
    });
    await every.waitFor();
    await expect(every.innerText()).resolves.toMatch(/roles with fewer than 10 seats/);
    expect(await page.getByRole('table', { name: /^Seats at risk first/ }).count()).toBe(0);
    expect(await page.getByRole('table', { name: /the yearly chance a seat opens/ }).count()).toBe(0);
    // Coverage counts the district's candidates, whom a coordinator sees; no seat is named.
    await page.getByRole('region', { name: 'Bench against the forecast' }).waitFor();
    await shot(page, 'forecast-coordinator');
    await expectAccessible(page, 'forecast (coordinator)');
    // Drill down from a role's coverage to its people confirmed ready now.
    const coverage = page.getByRole('region', { name: 'Bench against the forecast' });
    await coverage.getByRole('button', { name: 'Show table' }).click();
    await coverage.getByRole('link', { name: 'Principal', exact: true }).click();
    await page.waitForURL((url) => decodeURIComponent(url.hash).includes('"readiness":"ready_now"'));
    await page.getByRole('table').first().waitFor();
  });
});
