import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { describeBrowser, expectAccessible, launch, login, newPage, nominatedAndApproved, shot } from './browser.js';

/**
 * Issue #16: what needs a person reaches them in the console. The app runs its worker in-process (as `npm start`
 * does), so a notification arrives within the worker's poll; the bell asks again when a page loads.
 */

/** Reloads until the bell says `unread` (the worker writes within ~2 s). */
async function bellSays(page: Page, unread: number) {
  const name = unread ? `Notifications: ${unread} unread` : 'Notifications: none unread';
  for (let i = 0; i < 20; i++) {
    if ((await page.getByRole('link', { name }).count()) === 1) return;
    await page.waitForTimeout(1000);
    await page.reload();
  }
  await page.getByRole('link', { name }).waitFor({ timeout: 1000 });
}

describeBrowser('notifications (nominee, principal)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  for (const device of ['desktop', 'phone'] as const)
    it(`the nominee learns of the approval from the bell and answers; the principal learns the answer (${device})`, async () => {
      const { nominee } = await nominatedAndApproved();

      const page = await newPage(browser, device);
      await login(page, nominee.email, nominee.password);
      await bellSays(page, 1);
      await shot(page, `notifications-bell-${device}`);
      await page.getByRole('link', { name: 'Notifications: 1 unread' }).click();
      await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
      const item = page.getByRole('button', { name: 'New: You have been nominated for Assistant principal' });
      await item.waitFor();
      await shot(page, `notifications-list-${device}`);
      await expectAccessible(page, `notifications (${device})`);
      // By keyboard: the notification is a button that opens the candidacy.
      await item.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/#\/candidates\/[0-9a-f-]{36}\/show/);
      await page.getByRole('button', { name: 'Accept the nomination' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
      await page.getByText('Accepted: welcome').waitFor();
      await bellSays(page, 0);

      const theirs = await newPage(browser, device);
      await login(theirs, 'principal@riverbend.example');
      await theirs.goto('/#/notifications');
      const answer = theirs.getByRole('button', { name: /accepted the nomination$/ }).first();
      for (let i = 0; i < 20 && (await answer.count()) === 0; i++) {
        await theirs.waitForTimeout(1000);
        await theirs.reload();
      }
      expect(await answer.innerText()).toMatch(/^New: Fran Fresh\w+ accepted the nomination$/);
      await theirs.getByRole('button', { name: 'Mark all as read' }).click();
      await theirs.getByText(/marked as read$/).waitFor();
      await bellSays(theirs, 0);
      await shot(theirs, `notifications-principal-${device}`);
      await theirs.context().close();
      await page.context().close();
    });
});
