import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import {
  api,
  DEMO_PASSWORD,
  describeBrowser,
  expectAccessible,
  launch,
  login,
  mailTo,
  newPage,
  nominatedAndApproved,
  shot,
  tokenFor,
} from './browser.js';

/**
 * Issue #16, email: `npm start` without a mail server keeps email in the outbox, so the journey reads the
 * nominee's message from there (as platform_admin), follows its link, signs in and answers.
 */

describeBrowser('email (nominee, platform_admin)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  for (const device of ['desktop', 'phone'] as const)
    it(`the nominee follows the emailed link, signs in, answers, and chooses a daily digest (${device})`, async () => {
      const { nominee, candidateId } = await nominatedAndApproved();
      const mail = await mailTo(nominee.email, 'You have been nominated for Assistant principal');
      const link = /Open it: (\S+)/.exec(mail.text)![1]!;
      expect(new URL(link).hash).toBe(`#/candidates/${candidateId}/show`);

      // Not signed in: the link asks for a sign-in, then opens the candidacy itself.
      const page = await newPage(browser, device);
      await page.goto(link);
      await page.getByLabel('Email').fill(nominee.email);
      await page.getByRole('button', { name: 'Continue', exact: true }).click();
      await page.getByRole('textbox', { name: 'Password' }).fill(nominee.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(new RegExp(`#/candidates/${candidateId}/show`));
      await page.getByRole('button', { name: 'Accept the nomination' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
      await page.getByText('Accepted: welcome').waitFor();

      // The account menu leads to the email choices; all of it by keyboard.
      await page.getByRole('button', { name: /account menu$/i }).click();
      await page.getByRole('menuitem', { name: 'Notification settings' }).click();
      await page.getByRole('heading', { level: 1, name: 'Notification settings' }).waitFor();
      const group = page.getByRole('radiogroup', { name: 'You are given a development assignment' });
      const immediate = group.getByRole('radio', { name: 'Email each one' });
      expect(await immediate.isChecked()).toBe(true);
      await immediate.focus();
      await page.keyboard.press('ArrowRight');
      expect(await group.getByRole('radio', { name: 'Daily digest (one email a day)' }).isChecked()).toBe(true);
      await page.getByText('1 unsaved change').waitFor();
      await expectAccessible(page, `notification settings (${device})`);
      await shot(page, `notification-settings-${device}`);
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Your email choices are saved').waitFor();
      await page.reload();
      await page
        .getByRole('radiogroup', { name: 'You are given a development assignment' })
        .getByRole('radio', { name: 'Daily digest (one email a day)' })
        .waitFor();
      expect(
        await page
          .getByRole('radiogroup', { name: 'You are given a development assignment' })
          .getByRole('radio', { name: 'Daily digest (one email a day)' })
          .isChecked(),
      ).toBe(true);
      const token = await tokenFor(nominee.email, nominee.password);
      const saved = (await api(token, 'GET', '/me/notification-settings')) as {
        settings: { kind: string; email: string }[];
      };
      expect(saved.settings.find((s) => s.kind === 'assignment.created')!.email).toBe('daily');
      await page.context().close();
    });

  for (const device of ['desktop', 'phone'] as const)
    it(`platform_admin reads the outbox: the message as text and as HTML (${device})`, async () => {
      const { nominee } = await nominatedAndApproved();
      await mailTo(nominee.email, 'You have been nominated for Assistant principal');
      const page = await newPage(browser, device);
      await login(page, 'platform@emerge.example', DEMO_PASSWORD);
      // The menu lists it (on a phone the menu is a drawer; the address is the same).
      if (device === 'desktop') await page.getByRole('menuitem', { name: 'Outbox' }).click();
      else await page.goto('/#/email-outbox');
      await page.getByPlaceholder('Search recipient or subject').fill(nominee.email);
      // The search is debounced: the row of this nominee's message, once the list is filtered.
      const first = page
        .getByRole('row', { name: new RegExp(nominee.email.replace(/\./g, '\\.')) })
        .getByRole('link', { name: 'You have been nominated for Assistant principal' });
      await first.waitFor();
      await expectAccessible(page, `outbox (${device})`);
      await shot(page, `outbox-list-${device}`);
      await first.focus();
      await page.keyboard.press('Enter');
      await page.getByText('List-Unsubscribe-Post:').waitFor();
      await page.getByText(/Open it: http/).waitFor();
      expect(await page.getByTitle(/^HTML of/).count()).toBe(1);
      // The message's own HTML is the email, not the console (a sandboxed frame axe cannot enter).
      await expectAccessible(page, `outbox message (${device})`, ['iframe']);
      await shot(page, `outbox-message-${device}`);
      await page.context().close();
    });
});
