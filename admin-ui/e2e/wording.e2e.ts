import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { describeBrowser, launch, login, newPage, shot } from './browser.js';

/** Issue #15: one date format with the full date on hover, and no react-admin default wording. */
const OTHER_FORMATS = /\b\d{1,2}\/\d{1,2}\/\d{4}\b|\b\d{4}-\d{2}-\d{2}\b|\d{1,2}:\d{2}:\d{2}/;
const ONE_FORMAT = /^[A-Z][a-z]{2} \d{1,2}, \d{4}(, \d{1,2}:\d{2} [AP]M)?$/;

/** The dates a page shows: the text of its `<time>` elements, their hover, and any date written another way. */
async function datesOn(page: Page) {
  await page.locator('main time').first().waitFor();
  return page.evaluate((other) => {
    const main = document.querySelector('main')!;
    const times = [...main.querySelectorAll('time')].map((t) => ({ text: t.textContent ?? '', title: t.title }));
    const stray = main.innerText.split('\n').filter((line) => new RegExp(other).test(line));
    return { times, stray };
  }, OTHER_FORMATS.source);
}

describeBrowser('dates and wording', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launch();
    page = await newPage(browser);
    await login(page, 'hr@riverbend.example');
  });
  afterAll(() => browser?.close());

  it.each([
    ['nominations', '/#/nominations'],
    // Sorted by last sign-in: by name, the first page is people who never signed in (no date to write).
    ['users', '/#/users?sort=lastLoginAt&order=DESC'],
    ['schools', '/#/schools'],
    ['positions', '/#/positions'],
    ['assignments', '/#/assignments'],
    ['opportunities', '/#/opportunities'],
  ])('writes every date on the %s list one way, the full date on hover', async (name, path) => {
    await page.goto(path);
    const { times, stray } = await datesOn(page);
    expect(times.length).toBeGreaterThan(0);
    expect(times.filter((t) => !ONE_FORMAT.test(t.text))).toEqual([]);
    expect(times.filter((t) => !/^[A-Z][a-z]+day, [A-Z][a-z]+ \d{1,2}, \d{4}/.test(t.title))).toEqual([]);
    expect(stray).toEqual([]);
    await shot(page, `dates-${name}`);
  });

  it('writes the dates of a nomination and of a candidate’s timeline one way', async () => {
    await page.goto('/#/nominations');
    await page.locator('tbody tr a').first().click();
    await page.waitForURL(/#\/nominations\/[0-9a-f-]{36}\/show/);
    const nomination = await datesOn(page);
    expect(nomination.times.filter((t) => !ONE_FORMAT.test(t.text))).toEqual([]);
    expect(nomination.stray).toEqual([]);
  });

  it('writes the dates of an opportunity one way, a closed one’s end date too', async () => {
    await page.goto('/#/opportunities?filter={"closed":true}');
    await page.locator('tbody tr a').first().click();
    await page.waitForURL(/#\/opportunities\/[0-9a-f-]{36}\/show/);
    await page.getByText(/Closed: this experience ended on/).waitFor();
    const opportunity = await datesOn(page);
    // Starts, ends, the end date in the notice, and each assignment's due date.
    expect(opportunity.times.length).toBeGreaterThanOrEqual(3);
    expect(opportunity.times.filter((t) => !ONE_FORMAT.test(t.text))).toEqual([]);
    expect(opportunity.stray).toEqual([]);
    await shot(page, 'dates-opportunity-closed');
  });

  it('says what to do about a record that does not exist, in words a person uses', async () => {
    await page.goto('/#/schools/00000000-0000-4000-8000-000000000000/show');
    await page.getByText('This record does not exist, or is not yours to see. Go back to the list.').waitFor();
    expect(await page.getByText('Element does not exist').count()).toBe(0);
    await shot(page, 'record-missing');
  });

  it('says how to get results back when a filter matches nothing', async () => {
    await page.goto('/#/schools');
    await page.getByPlaceholder('Search name or code').fill('no school is called this');
    await page.getByText(/No schools match these filters\. Clear a filter or search for something else\./i).waitFor();
    expect(await page.getByText(/No .* found/).count()).toBe(0);
  });
});
