import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { api, describeBrowser, expectAccessible, launch, login, newPage, shot, tokenFor } from './browser.js';

interface Settings {
  id: string;
  smallCellThreshold: number;
  remindAnswerAfterDays: number | null;
  remindReadinessAfterMonths: number | null;
  version: number;
}

/** Issue #16, item 4: hr sets how long each thing may wait before Emerge reminds someone. */
describeBrowser('reminder settings (hr)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  for (const device of ['desktop', 'phone'] as const)
    it(`hr lengthens one delay and turns another off, by keyboard (${device})`, async () => {
      const page = await newPage(browser, device);
      await login(page, 'hr@riverbend.example');
      await page.goto('/#/district-settings');
      await page.getByRole('heading', { level: 2, name: 'Reminders' }).waitFor();
      const answer = page.getByLabel('Nominee has not answered (days)');
      const readiness = page.getByLabel('Readiness confirmation grown old (months)');
      expect(await answer.inputValue()).toBe('7');
      expect(await readiness.inputValue()).toBe('12');
      await answer.focus();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('0');
      await page.getByText('A whole number from 1 to 365, or empty').waitFor();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('10');
      await readiness.focus();
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Backspace');
      await expectAccessible(page, `reminder settings (${device})`);
      await shot(page, `reminder-settings-${device}`);
      await page.getByRole('button', { name: 'Save reminders' }).focus();
      await page.keyboard.press('Enter');
      await page.getByText('Reminder delays saved').waitFor();

      const hr = await tokenFor('hr@riverbend.example');
      const me = (await api(hr, 'GET', '/auth/me')) as { districtId: string };
      const saved = (await api(hr, 'GET', `/district-settings/${me.districtId}`)) as Settings;
      expect([saved.remindAnswerAfterDays, saved.remindReadinessAfterMonths]).toEqual([10, null]);
      await page.reload();
      await page.getByRole('heading', { level: 2, name: 'Reminders' }).waitFor();
      expect(await page.getByLabel('Nominee has not answered (days)').inputValue()).toBe('10');
      expect(await page.getByLabel('Readiness confirmation grown old (months)').inputValue()).toBe('');

      // Back to the demo's defaults for the other journeys.
      await api(hr, 'PUT', `/district-settings/${me.districtId}`, {
        smallCellThreshold: saved.smallCellThreshold,
        version: saved.version,
        remindAnswerAfterDays: 7,
        remindReadinessAfterMonths: 12,
      });
      await page.context().close();
    });
});
