import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import {
  api,
  describeBrowser,
  expectAccessible,
  launch,
  login,
  newPage,
  nominatedAndApproved,
  shot,
  tokenFor,
} from './browser.js';

const overflows = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
const q = (filter: object) => encodeURIComponent(JSON.stringify(filter));

/**
 * Issue #19 part 4: a candidate writes a reflection on a Portrait of a Leader attribute by keyboard, from a
 * prompt, keeps one private and shares another with her mentor; the mentor reads the shared one only; her
 * principal reads neither. On a phone and a desktop.
 */
describeBrowser('reflections', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it.each(['phone', 'desktop'] as const)(
    'a candidate on a %s writes, keeps private and shares reflections; her mentor reads only the shared one',
    async (device) => {
      const { nominee, candidateId } = await nominatedAndApproved();
      const own = await tokenFor(nominee.email, nominee.password);
      await api(own, 'POST', `/candidates/${candidateId}/consent`, { accepted: true });
      const mentor = await tokenFor('mentor@riverbend.example');
      const me = (await api(mentor, 'GET', '/auth/me')) as { educatorId: string };
      const request = (await api(own, 'POST', `/candidates/${candidateId}/mentorships`, {
        mentorEducatorId: me.educatorId,
      })) as { id: string; version: number };
      await api(mentor, 'POST', `/mentorships/${request.id}/answer`, { accept: true, version: request.version });

      const page = await newPage(browser, device);
      await login(page, nominee.email, nominee.password);
      const section = page.getByRole('region', { name: 'Your reflections' });
      await section.getByText('No reflection yet.').waitFor();
      const write = async (text: string, shareWithMentor: boolean) => {
        await section.getByRole('button', { name: 'Write a reflection' }).press('Enter');
        const dialog = page.getByRole('dialog', { name: 'Write a reflection' });
        await dialog.getByRole('combobox', { name: 'Attribute' }).focus();
        await page.keyboard.press('Enter');
        await page.getByRole('option', { name: 'Collaboration' }).press('Enter');
        await dialog.getByRole('combobox', { name: 'A prompt (optional)' }).focus();
        await page.keyboard.press('Enter');
        await page.getByRole('option', { name: /^When did you practise collaboration/ }).press('Enter');
        await dialog.getByLabel('Your reflection').fill(text);
        if (shareWithMentor) await dialog.getByLabel('My mentor').check();
        await expectAccessible(page, `reflection dialog (${device})`);
        await dialog.getByRole('button', { name: 'Save' }).press('Enter');
        await dialog.waitFor({ state: 'detached' });
      };
      const secret = `Private: I doubted myself in the PLC (${device}).`;
      const shared = `Shared: the PLC agreed our first common assessment (${device}).`;
      await write(secret, false);
      await write(shared, true);
      const group = section.getByRole('region', { name: /^Collaboration \(2\)$/ });
      await group.getByText(secret).waitFor();
      await group.getByText('Private: only you').waitFor();
      await group.getByText('Shared with your mentor').waitFor();
      expect(await overflows(page)).toBe(false);
      await shot(page, `reflections-${device}`);
      await expectAccessible(page, `educator home with reflections (${device})`);

      // The mentor reads the shared one, not the private one.
      const other = await newPage(browser, device);
      await login(other, 'mentor@riverbend.example');
      await other.goto(`${other.url().split('#')[0]}#/mentorships/${request.id}/show`);
      const readable = other.getByRole('region', { name: 'Reflections shared with you' });
      await readable.getByText(shared).waitFor();
      expect(await readable.getByText(secret).count()).toBe(0);
      await shot(other, `mentor-reflections-${device}`);
      await expectAccessible(other, `mentor reads shared reflections (${device})`);

      // Her principal reads her candidacy, and none of her reflections.
      const principal = await newPage(browser, device);
      await login(principal, 'principal@riverbend.example');
      await principal.goto(`${principal.url().split('#')[0]}#/candidates/${candidateId}/show/plan`);
      await principal.getByRole('heading', { name: 'Mentor' }).waitFor();
      // The panels have loaded (the mentor's name comes from the API) before absence is asserted.
      await principal.getByText(/^Mentor: /).waitFor();
      expect(await principal.getByText(shared).count()).toBe(0);
      expect(await principal.getByText(secret).count()).toBe(0);
      expect(await principal.getByRole('heading', { name: 'Reflections shared with you' }).count()).toBe(0);
      const asPrincipal = await tokenFor('principal@riverbend.example');
      await expect(api(asPrincipal, 'GET', `/reflections?filter=${q({ educatorId: nominee.id })}`)).rejects.toThrow(
        /403/,
      );

      const [active] = (await api(own, 'GET', `/mentorships?filter=${q({ candidateId })}`)) as {
        id: string;
        version: number;
      }[];
      await api(own, 'POST', `/mentorships/${active!.id}/end`, { version: active!.version });
    },
  );
});
