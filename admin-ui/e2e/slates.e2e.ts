import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { api, describeBrowser, expectAccessible, launch, login, newPage, shot, tokenFor } from './browser.js';

interface SlateEntry {
  candidateId: string;
  firstName: string;
  lastName: string;
  stage: string;
  pinned: boolean;
  placementRefusal: string | null;
}
interface Slate {
  frozenAt: string | null;
  entries: SlateEntry[];
  excluded: { candidateId: string }[];
}

/** A seat of the demo whose slate lists at least three people (not the seat the placement test fills). */
async function seatWithSlate(hr: string): Promise<{ id: string; title: string; slate: Slate }> {
  const seats = (await api(hr, 'GET', '/positions?range=[0,99]')) as { id: string; title: string }[];
  for (const seat of seats.filter((s) => !s.title.includes('Cedar Hollow'))) {
    const slate = (await api(hr, 'GET', `/positions/${seat.id}/slate`)) as Slate;
    if (slate.entries.length >= 3) return { ...seat, slate };
  }
  throw new Error('no demo seat has a slate of three');
}

const fullName = (e: SlateEntry) => `${e.firstName} ${e.lastName}`;
const overflows = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);

/** Issue #18 part 3 (slates) and #19 part 1 (career profile), on desktop and phone, by keyboard. */
describeBrowser('slates and career profiles', () => {
  let browser: Browser;
  let hr: string;
  let seat: Awaited<ReturnType<typeof seatWithSlate>>;
  beforeAll(async () => {
    browser = await launch();
    hr = await tokenFor('hr@riverbend.example');
    seat = await seatWithSlate(hr);
    // A slate left frozen or decided by an earlier run starts over.
    await api(hr, 'PUT', `/positions/${seat.id}/slate/freeze`, { frozen: false });
    for (const e of [...seat.slate.entries.filter((x) => x.pinned), ...seat.slate.excluded])
      await api(hr, 'POST', `/positions/${seat.id}/slate/decisions`, { candidateId: e.candidateId, decision: 'none' });
    seat.slate = (await api(hr, 'GET', `/positions/${seat.id}/slate`)) as Slate;
  });
  afterAll(() => browser?.close());

  it('hr on a desktop: reads why each person ranks where they do, pins, excludes with a reason, freezes and undoes it all by keyboard', async () => {
    const page = await newPage(browser, 'desktop');
    await login(page, 'hr@riverbend.example');
    await page.goto(`/#/positions/${seat.id}/show`);
    const slate = page.getByRole('list', { name: 'Slate' });
    await slate.waitFor();
    const items = slate.locator(':scope > li');
    expect(await items.count()).toBe(seat.slate.entries.length);
    const first = await items.first().innerText();
    for (const reason of [
      'Confirmed readiness',
      'Role targets met',
      'Experience at this level',
      'Willing to move here',
    ])
      expect(first).toContain(reason);

    const last = seat.slate.entries[seat.slate.entries.length - 1]!;
    await page.getByRole('button', { name: `Pin ${fullName(last)}` }).press('Enter');
    await items.first().getByText(`${last.lastName}, ${last.firstName}`).waitFor();
    await items.first().getByText('Pinned').waitFor();

    const second = seat.slate.entries[0]!;
    await page.getByRole('button', { name: `Exclude ${fullName(second)}` }).press('Enter');
    const dialog = page.getByRole('dialog', { name: `Exclude ${fullName(second)}` });
    await dialog.getByRole('button', { name: 'Exclude' }).press('Enter');
    await dialog.getByText('Say why, for the record').waitFor();
    await dialog.getByLabel('Reason').fill('Has asked to stay at their school this year');
    await dialog.getByRole('button', { name: 'Exclude' }).press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page
      .getByText(/Has asked to stay at their school this year/)
      .first()
      .waitFor();
    await page.waitForFunction(
      (n) => document.querySelectorAll('ol[aria-label="Slate"] > li').length === n,
      seat.slate.entries.length - 1,
    );
    // The page is hidden from the accessibility tree until the dialog's closing transition ends.
    await slate.waitFor();
    expect(await items.count()).toBe(seat.slate.entries.length - 1);
    await shot(page, 'slate-hr-desktop');
    await expectAccessible(page, 'slate (hr, desktop)');

    await page.getByRole('button', { name: 'Freeze slate' }).press('Enter');
    await page.getByText(/^Frozen on .*: the list as it stood then/).waitFor();
    expect(await page.getByRole('button', { name: /^Pin / }).count()).toBe(0);
    await shot(page, 'slate-frozen');
    await expectAccessible(page, 'slate (frozen)');

    await page.getByRole('button', { name: 'Unfreeze slate' }).press('Enter');
    await page.getByRole('button', { name: `Restore ${fullName(second)} to the slate` }).press('Enter');
    await page.getByRole('button', { name: `Unpin ${fullName(last)}` }).press('Enter');
    await items.first().getByText(`${seat.slate.entries[0]!.lastName}, ${seat.slate.entries[0]!.firstName}`).waitFor();
    expect(await items.count()).toBe(seat.slate.entries.length);

    // Placement from the slate goes through the seat's placement dialog; cancelled here (the positions test places).
    const ready = seat.slate.entries.find((e) => e.placementRefusal === null);
    if (ready) {
      await page.getByRole('button', { name: `Place ${fullName(ready)} from the slate` }).press('Enter');
      const place = page.getByRole('dialog', { name: `Place ${fullName(ready)}` });
      await place.getByText(`fills ${seat.title}`, { exact: false }).waitFor();
      await place.getByRole('button', { name: 'Cancel' }).press('Enter');
      await place.waitFor({ state: 'detached' });
    }
    const after = (await api(hr, 'GET', `/positions/${seat.id}/slate`)) as Slate;
    expect(after.frozenAt).toBeNull();
    expect(after.excluded).toEqual([]);
    expect(after.entries.map((e) => e.candidateId)).toEqual(seat.slate.entries.map((e) => e.candidateId));
    await page.context().close();
  });

  it('the superintendent on a phone reads the slate, without hr’s buttons and without sideways scrolling', async () => {
    const page = await newPage(browser, 'phone');
    await login(page, 'superintendent@riverbend.example');
    await page.goto(`/#/positions/${seat.id}/show`);
    await page.getByRole('list', { name: 'Slate' }).waitFor();
    expect(await page.getByRole('button', { name: /^(Pin|Exclude) / }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Freeze slate' }).count()).toBe(0);
    expect(await overflows(page)).toBe(false);
    await shot(page, 'slate-superintendent-phone');
    await expectAccessible(page, 'slate (superintendent, phone)');
    await page.context().close();
  });

  it.each(['phone', 'desktop'] as const)(
    'a teacher on a %s says by keyboard where she would move, and hr reads it on her record',
    async (device) => {
      const page = await newPage(browser, device);
      await login(page, 'teacher@riverbend.example');
      const section = page.getByRole('region', { name: 'Your career profile' });
      await section.waitFor();
      await section.getByRole('button', { name: 'Edit career profile' }).press('Enter');
      const dialog = page.getByRole('dialog', { name: 'Career profile' });
      const open = dialog.getByRole('checkbox', { name: 'Open to being nominated for a leadership role' });
      if (!(await open.isChecked())) await open.press('Space');
      const interest = dialog.getByRole('checkbox', { name: 'Principal', exact: true });
      if (!(await interest.isChecked())) await interest.press('Space');
      await dialog.getByRole('radio', { name: 'Yes, to the kinds of school and the schools I list' }).press('Space');
      const band = device === 'phone' ? 'Elementary' : 'Middle';
      for (const b of ['Elementary', 'Middle']) {
        const box = dialog.getByRole('checkbox', { name: b, exact: true });
        if ((await box.isChecked()) !== (b === band)) await box.press('Space');
      }
      await shot(page, `career-profile-dialog-${device}`);
      await expectAccessible(page, `career profile dialog (${device})`);
      await dialog.getByRole('button', { name: 'Save' }).press('Enter');
      await dialog.waitFor({ state: 'detached' });
      await section.getByText(band, { exact: true }).waitFor();
      await section.getByText('Yes', { exact: true }).waitFor();
      await section
        .getByText(/\bPrincipal\b/)
        .first()
        .waitFor();
      expect(await overflows(page)).toBe(false);
      await expectAccessible(page, `educator home with career profile (${device})`);
      await page.context().close();

      const me = (await api(await tokenFor('teacher@riverbend.example'), 'GET', '/auth/me')) as { educatorId: string };
      const hrPage = await newPage(browser, device);
      await login(hrPage, 'hr@riverbend.example');
      await hrPage.goto(`/#/educators/${me.educatorId}/show/career`);
      await hrPage.getByText(band, { exact: true }).waitFor();
      await expectAccessible(hrPage, `educator's career profile (hr, ${device})`);
      await hrPage.context().close();

      // Her principal finds her among the people of the school who said they are open to being nominated.
      const principal = await newPage(browser, device);
      await login(principal, 'principal@riverbend.example');
      await principal.goto('/#/educators');
      await principal.getByRole('button', { name: 'Add filter' }).click();
      await principal.getByRole('menuitemcheckbox', { name: 'Open to nomination' }).click();
      await principal.waitForURL((url) => decodeURIComponent(url.hash).includes('"openToNomination":true'));
      const row = principal.locator('tr', { hasText: 'Bennett' });
      await row.getByText('Open', { exact: true }).waitFor();
      expect(await overflows(principal)).toBe(false);
      await shot(principal, `educators-open-to-nomination-${device}`);
      await expectAccessible(principal, `educators open to nomination (principal, ${device})`);
      await principal.getByRole('link', { name: 'Bennett' }).click();
      await principal.getByText('Yes, they said so in their career profile').waitFor();
      await expectAccessible(principal, `educator open to nomination (principal, ${device})`);
      await principal.context().close();
    },
  );
});
