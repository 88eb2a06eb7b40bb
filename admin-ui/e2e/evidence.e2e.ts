import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { describeBrowser, expectAccessible, launch, login, newPage, searchList, shot } from './browser.js';

describeBrowser('competency profile and evidence (principal)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it("shows Elena's profile against her role's targets and records new evidence from the candidate page", async () => {
    const page = await newPage(browser);
    await login(page, 'principal@riverbend.example');
    await page.getByRole('menuitem', { name: 'Candidates' }).click();
    await searchList(page, 'Elena');
    await page.getByRole('cell', { name: 'Torres, Elena' }).click();
    await page.getByRole('tab', { name: 'Competency profile' }).click();
    const profile = page.getByRole('table', { name: 'Competency profile' });
    await profile.waitFor();
    const rows = await profile.locator('tbody tr').count();
    expect(rows).toBeGreaterThan(0);
    await shot(page, 'candidate-profile');
    await expectAccessible(page, 'candidate profile');
    const candidateId = /candidates\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    const evidenceCount = () =>
      page.evaluate(async (id) => {
        const res = await fetch(
          `/api/evidence?range=[0,0]&filter=${encodeURIComponent(JSON.stringify({ candidateId: id }))}`,
          {
            headers: { Authorization: `Bearer ${localStorage.getItem('emerge.token')}` },
          },
        );
        return Number((res.headers.get('content-range') ?? '/0').split('/')[1]);
      }, candidateId);
    const before = await evidenceCount();
    expect(before).toBeGreaterThan(0);

    await page.getByRole('link', { name: 'Add evidence' }).click();
    const competency = page.getByRole('combobox', { name: 'Competency or indicator' });
    await competency.click();
    await competency.fill('RB-');
    // The list is searched as one types: wait for an option of the search, not of the unfiltered list.
    await page.getByRole('option', { name: /RB-/ }).first().click();
    await page.getByLabel(/Rubric level/).fill('3');
    await page.getByLabel('What you saw').fill('Facilitated the ninth-grade visioning session with students.');
    await shot(page, 'evidence-create');
    await expectAccessible(page, 'evidence create');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/#\/candidates\/[0-9a-f-]{36}\/show/);
    await page.getByRole('tab', { name: 'Competency profile' }).click();
    await page.getByRole('table', { name: 'Competency profile' }).waitFor();
    await shot(page, 'candidate-profile-after');
    expect(await evidenceCount()).toBe(before + 1);
  });
});
