import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { describeBrowser, launch, login, newPage, PHONE } from './browser.js';

/**
 * The phone screens shown in docs/guides (issue #15): each is a 390×844 screen as a person holds it, taken after
 * checking that what the guide points at is on it and that the page does not scroll sideways. With
 * UPDATE_GUIDE_IMAGES=1 the pictures are written to docs/guides/img (then committed); otherwise to
 * e2e/screenshots, so a plain test run leaves the guides alone.
 */
const here = dirname(fileURLToPath(import.meta.url));
const out = process.env.UPDATE_GUIDE_IMAGES ? join(here, '../../docs/guides/img') : join(here, 'screenshots');

async function phone(browser: Browser, email: string): Promise<Page> {
  const page = await newPage(browser, 'phone');
  await login(page, email);
  return page;
}

/** Checks the page fits the phone and `focus` is on screen, then saves the screen (not the whole page). */
async function guideShot(page: Page, name: string, focus: Locator): Promise<void> {
  await focus.waitFor();
  await page.waitForLoadState('networkidle');
  await page
    .waitForFunction(() => document.querySelectorAll('.MuiCircularProgress-root').length === 0, undefined, {
      timeout: 10_000,
    })
    .catch(() => undefined);
  await focus.scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  const box = (await focus.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + Math.min(box.height, 40)).toBeLessThanOrEqual(PHONE.height);
  mkdirSync(out, { recursive: true });
  await page.screenshot({ path: join(out, `phone-${name}.png`) });
}

describeBrowser('phone screens for the guides', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('educator: an opportunity with "I’m interested", and my assignments', async () => {
    const page = await phone(browser, 'educator@riverbend.example');
    await page.goto('/#/opportunities');
    await page.getByPlaceholder('Search titles and descriptions').fill('coaching');
    await page.waitForURL((url) => decodeURIComponent(url.hash).includes('"q":"coaching"'));
    await page.getByRole('link', { name: 'Instructional coaching foundations' }).click();
    const interested = page.getByRole('button', { name: /I'm interested|Withdraw my interest/ });
    await guideShot(page, 'opportunity-interest', interested);
    await page.goto('/#/assignments');
    await guideShot(page, 'my-assignments', page.locator('tbody tr a').first());
    await page.context().close();
  });

  it('hr: the nominations to review, and one to decide with Approve and Decline', async () => {
    const page = await phone(browser, 'hr@riverbend.example');
    await page.goto('/#/nominations');
    const first = page.locator('tbody tr a').first();
    await guideShot(page, 'nominations-review', first);
    await first.click();
    await page.waitForURL(/#\/nominations\/[0-9a-f-]{36}\/show/);
    await guideShot(page, 'nomination-decide', page.getByRole('button', { name: 'Approve' }));
    await page.context().close();
  });

  it('principal: a candidate’s page says who moves candidates', async () => {
    const page = await phone(browser, 'principal@riverbend.example');
    await page.goto('/#/candidates');
    await page.locator('tbody tr a').first().click();
    await page.waitForURL(/#\/candidates\/[0-9a-f-]{36}\/show/);
    await guideShot(page, 'candidate-principal', page.getByText(/move candidates between stages/));
    await page.context().close();
  });

  it('coordinator: the pipeline board scrolls inside the screen', async () => {
    const page = await phone(browser, 'coordinator@riverbend.example');
    await page.goto('/#/pipeline');
    await guideShot(page, 'pipeline-board', page.getByRole('heading', { name: /^Identified \(\d+\)$/ }));
    await page.context().close();
  });

  it('superintendent: the dashboard’s key figures', async () => {
    const page = await phone(browser, 'superintendent@riverbend.example');
    await page.goto('/#/dashboard');
    // The top of it: the filters and the first key figures (the funnel is in the desktop guide).
    await page.getByRole('heading', { name: 'Pipeline funnel', level: 2 }).waitFor();
    await guideShot(page, 'dashboard', page.locator('#main-content .MuiCard-root').first());
    await page.context().close();
  });
});
