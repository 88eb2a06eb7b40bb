import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, describeBrowser, expectAccessible, launch, login, newPage, shot } from './browser.js';

const PHONE = { width: 390, height: 844 };

async function phonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    reducedMotion: 'reduce',
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => process.stderr.write(`[page error] ${e.message}\n`));
  return page;
}

async function openOpportunity(page: Page, title: string, search: string): Promise<void> {
  await page.goto('/#/opportunities');
  await page.getByPlaceholder('Search titles and descriptions').fill(search);
  // The search is debounced: clicking before it lands would be undone by its navigation back to the list.
  await page.waitForURL((url) => decodeURIComponent(url.hash).includes(`"q":${JSON.stringify(search)}`));
  await page.getByRole('link', { name: title }).click();
  await page.waitForURL(/#\/opportunities\/[0-9a-f-]{36}\/show/);
  await page.getByText(title).first().waitFor();
}

/**
 * Elena (educator@) says she is interested in an opportunity; the coordinator sees her on the opportunity's
 * page and assigns her from there. Once on a desktop, once on a phone, each with its own opportunity.
 */
describeBrowser('opportunity interest', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  const journeys = [
    { device: 'desktop', title: 'Shadow a district director for a week', search: 'Shadow' },
    { device: 'phone', title: 'Instructional coaching foundations', search: 'coaching' },
  ] as const;

  it('shows the educator open experiences first, past ones as Closed behind a filter', async () => {
    const page = await newPage(browser);
    await login(page, 'educator@riverbend.example');
    await page.goto('/#/opportunities');
    await page.getByRole('link', { name: 'Shadow a district director for a week' }).waitFor();
    expect(await page.getByRole('link', { name: /Curriculum review committee/ }).count()).toBe(0);
    await shot(page, 'interest-educator-list-open');
    await expectAccessible(page, 'educator opportunities list');
    await page.getByLabel('Past (closed)').check();
    await page.getByRole('link', { name: /Curriculum review committee/ }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Curriculum review committee' });
    await expect(row.getByText('Closed', { exact: true }).count()).resolves.toBe(1);
    await row.getByRole('link').first().click();
    await page.getByText(/Closed: this experience ended on/).waitFor();
    // Elena completed it: she sees her own assignment, and no button to say she is interested.
    await page.getByText('Your assignment').waitFor();
    expect(await page.getByRole('button', { name: "I'm interested" }).count()).toBe(0);
    await page.getByText(/it takes no more interest/).waitFor();
    await shot(page, 'interest-educator-closed');
    await expectAccessible(page, 'closed opportunity');
    await page.context().close();
  });

  it.each(['educator', 'coordinator'])(
    'on a phone, the %s sees the opportunities that matter: title, start and seats, nothing to scroll sideways',
    async (who) => {
      const page = await phonePage(browser);
      await login(page, `${who}@riverbend.example`);
      await page.goto('/#/opportunities');
      await page.locator('tbody tr a').first().waitFor();
      const headers = (await page.locator('thead th').allInnerTexts()).map((h) => h.trim()).filter(Boolean);
      expect(headers).toEqual(['Title', 'Starts', 'Seats']);
      await expect(page.locator('tbody tr').first().locator('time').innerText()).resolves.toMatch(
        /^[A-Z][a-z]{2} \d{1,2}, \d{4}$/,
      );
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(PHONE.width);
      await shot(page, `interest-${who}-list-phone`);
      await expectAccessible(page, `${who} opportunities list on a phone`);
      await page.context().close();
    },
  );

  for (const { device, title, search } of journeys) {
    it(`on a ${device}: Elena says she is interested; the coordinator sees her and assigns her`, async () => {
      const open = () => (device === 'phone' ? phonePage(browser) : newPage(browser));
      const educator = await open();
      await login(educator, 'educator@riverbend.example');
      await openOpportunity(educator, title, search);
      // The seats are the opportunity's own count, and nobody else's assignment is named.
      await educator.getByText(/\d+ of \d+ seats taken/).waitFor();
      expect(await educator.getByText('Nobody is assigned yet.').count()).toBe(0);
      await shot(educator, `interest-${device}-educator-before`);
      await expectAccessible(educator, `educator opportunity (${device})`);
      await educator.getByRole('button', { name: "I'm interested" }).click();
      await educator.getByText(/the coordinators can see that you are interested/).waitFor();
      await educator.getByRole('button', { name: 'Withdraw my interest' }).waitFor();
      await educator.getByText(/You said you are interested on/).waitFor();
      // In the console's one date format (the full date on hover), not the browser's.
      await expect(
        educator
          .getByText(/You said you are interested on/)
          .locator('time')
          .innerText(),
      ).resolves.toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/);
      await shot(educator, `interest-${device}-educator-after`);
      await expectAccessible(educator, `educator interested (${device})`);

      const coordinator = await open();
      await login(coordinator, 'coordinator@riverbend.example');
      await openOpportunity(coordinator, title, search);
      // A table row on a desktop, one block of a list on a phone.
      const row = coordinator.locator('tr, li').filter({ hasText: 'Torres, Elena' });
      await row.waitFor();
      // Her candidacy and its stage (which other journeys in this run may have moved on).
      await expect(row.innerText()).resolves.toMatch(
        /Assistant principal \((Engaged|Developing|Ready|Placed|Supported)\)/,
      );
      await expect(row.locator('time').innerText()).resolves.toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/);
      await shot(coordinator, `interest-${device}-coordinator-sees`);
      await expectAccessible(coordinator, `coordinator opportunity with interest (${device})`);
      await row.getByRole('button', { name: 'Assign Elena Torres' }).click();
      const dialog = coordinator.getByRole('dialog', { name: /Assign Elena Torres/ });
      await expect(dialog.getByLabel(/Candidacy/).inputValue()).resolves.toMatch(/Torres, Elena: Assistant principal/);
      await shot(coordinator, `interest-${device}-assign-dialog`);
      await expectAccessible(coordinator, `assign from interest (${device})`);
      await dialog.getByRole('button', { name: 'Assign', exact: true }).click();
      await coordinator.getByText(/Elena Torres is assigned/).waitFor();
      await coordinator.getByText(/On it \(Assigned\)/).waitFor();
      // And she is in the list of who is on it, as a link to her assignment.
      await coordinator.getByRole('link', { name: 'Torres, Elena' }).waitFor();
      await shot(coordinator, `interest-${device}-assigned`);
      await expectAccessible(coordinator, `assigned from interest (${device})`);
      await educator.context().close();
      await coordinator.context().close();
    });
  }
});
