import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { describeBrowser, expectAccessible, launch, login, newPage, searchList, shot } from './browser.js';

const OPPORTUNITY = 'Family and community partnership cultivation';

/**
 * The coordinator assigns Elena → she logs hours and a reflection → the coordinator completes it → her
 * profile shows the new evidence → hr confirms her readiness → hr places her into a vacancy.
 */
describeBrowser('development journey', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('the coordinator finds an opportunity with seats and assigns Elena Torres', async () => {
    const page = await newPage(browser);
    await login(page, 'coordinator@riverbend.example');
    await page.getByRole('menuitem', { name: 'Opportunities' }).click();
    await page.getByPlaceholder('Search titles and descriptions').fill('partnership');
    await page.getByRole('cell', { name: OPPORTUNITY }).waitFor();
    await shot(page, 'opportunities-list');
    await expectAccessible(page, 'opportunities list');
    await page.getByRole('cell', { name: OPPORTUNITY }).click();
    await page.waitForURL(/#\/opportunities\/[0-9a-f-]{36}\/show/);
    const seats = page.getByText(/\d+ of 6 left/);
    const before = Number(/(\d+) of 6 left/.exec(await seats.first().innerText())![1]);
    await page.getByRole('button', { name: 'Assign a candidate' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Candidate').fill('Torres');
    await page.getByRole('option', { name: /Torres, Elena: Assistant principal/ }).click();
    await shot(page, 'opportunity-assign-dialog');
    await expectAccessible(page, 'assign dialog');
    await dialog.getByRole('button', { name: 'Assign' }).click();
    await page.getByText(/Elena Torres is assigned/).waitFor();
    await page.getByText(`${before - 1} of 6 left`).waitFor();
    await page.getByRole('cell', { name: 'Torres, Elena' }).waitFor();
    await shot(page, 'opportunity-show-assigned');
    await expectAccessible(page, 'opportunity show');
  });

  it('Elena logs her hours and a reflection on her own assignment', async () => {
    const page = await newPage(browser);
    await login(page, 'educator@riverbend.example');
    await page.getByRole('menuitem', { name: 'My assignments' }).click();
    await page.getByRole('cell', { name: OPPORTUNITY }).waitFor();
    await shot(page, 'my-assignments');
    await expectAccessible(page, 'my assignments');
    await page.getByRole('cell', { name: OPPORTUNITY }).click();
    await page.getByRole('link', { name: 'Log hours and reflection' }).click();
    await page.getByLabel(/Hours spent so far/).fill('6');
    await page
      .getByLabel(/Reflection/)
      .fill('Met the food bank and the library; both will host student projects in spring.');
    await expectAccessible(page, 'log hours');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/#\/assignments\/[0-9a-f-]{36}\/show/);
    await page.getByText('In progress').waitFor();
    await page.getByText('6 of about 24').waitFor();
    await shot(page, 'assignment-logged');
  });

  it('the coordinator completes it; the confirmed level becomes evidence on her profile', async () => {
    const page = await newPage(browser);
    await login(page, 'coordinator@riverbend.example');
    await page.getByRole('menuitem', { name: 'Assignments' }).click();
    await page.getByPlaceholder('Search names and opportunities').fill('Torres');
    const row = page.getByRole('row').filter({ hasText: OPPORTUNITY });
    await row.waitFor();
    await shot(page, 'assignments-coordinator');
    await expectAccessible(page, 'assignments list');
    await row.click();
    await page.getByRole('button', { name: 'Complete' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: /RB-E2/ }).click();
    await page.getByRole('option', { name: '3 Proficient' }).click();
    await dialog.getByLabel(/What the candidate showed/).fill('Brought two partners to the table and kept them there.');
    await shot(page, 'assignment-complete-dialog');
    await expectAccessible(page, 'complete dialog');
    await dialog.getByRole('button', { name: 'Complete and record evidence' }).click();
    await page.getByText('Completed', { exact: true }).first().waitFor();

    await page.getByRole('link', { name: 'Assistant principal' }).click();
    await page.waitForURL(/#\/candidates\/[0-9a-f-]{36}\/show/);
    await page.getByRole('tab', { name: 'Evidence' }).click();
    const evidence = page.getByRole('row').filter({ hasText: 'Opportunity completion' }).filter({ hasText: 'RB-E2' });
    await evidence.first().waitFor();
    expect(await evidence.first().innerText()).toContain('3 Proficient');
    await shot(page, 'candidate-evidence-tab');
    await expectAccessible(page, 'candidate evidence tab');
    await page.getByRole('tab', { name: 'Competency profile' }).click();
    await page.getByRole('table', { name: 'Competency profile' }).waitFor();
    await page.locator('.recharts-wrapper').waitFor();
    await shot(page, 'candidate-profile-chart');
    await expectAccessible(page, 'candidate profile');
    await page.getByRole('tab', { name: 'Assignments' }).click();
    await page.getByRole('row').filter({ hasText: OPPORTUNITY }).filter({ hasText: 'Completed' }).waitFor();
    await expectAccessible(page, 'candidate assignments tab');
  });

  it('hr moves her to Ready, confirms her readiness with a rationale and places her into a vacant seat', async () => {
    const page = await newPage(browser);
    await login(page, 'hr@riverbend.example');
    await page.getByRole('menuitem', { name: 'Candidates' }).click();
    await searchList(page, 'Elena');
    await page.getByRole('cell', { name: 'Torres, Elena' }).click();
    await page.getByRole('button', { name: 'Move to Ready' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('Moved to Ready').waitFor();

    await page.getByRole('tab', { name: 'Readiness' }).click();
    await page.getByRole('button', { name: 'Confirm readiness' }).click();
    const dialog = page.getByRole('dialog', { name: 'Confirm readiness: Elena Torres' });
    await dialog.getByRole('combobox', { name: 'Band' }).click();
    await page.getByRole('option', { name: 'Ready now' }).click();
    await dialog
      .getByRole('textbox', { name: /Rationale/ })
      .fill('Completed the partnership project on top of the curriculum review; talent review agreed.');
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('Readiness confirmed: Ready now').waitFor();
    await shot(page, 'journey-readiness-confirmed');

    // A new assistant-principal seat at her school, vacant.
    await page.goto('/#/positions/create');
    await page.getByRole('combobox', { name: 'Leadership role' }).click();
    await page.getByRole('option', { name: 'Assistant principal' }).click();
    await page.getByRole('combobox', { name: 'School' }).click();
    await page.getByRole('option', { name: 'Riverbend High School' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/#\/positions\/[0-9a-f-]{36}\/show/);
    const bench = page.getByRole('table', { name: 'Bench' });
    await bench.waitFor();
    const row = bench.locator('tr', { hasText: 'Torres, Elena' });
    await expect(row.innerText()).resolves.toMatch(/Ready now/);
    await row.getByRole('button', { name: 'Place Elena Torres' }).click();
    await page.getByRole('dialog', { name: 'Place Elena Torres' }).getByRole('button', { name: 'Place' }).click();
    await page.getByText(/Elena Torres placed into Assistant principal, Riverbend High School/).waitFor();
    await shot(page, 'journey-placed');
    await expectAccessible(page, 'filled seat');
    const stage = await page.evaluate(async () => {
      const headers = { Authorization: `Bearer ${localStorage.getItem('emerge.token')}` };
      const [c] = await (
        await fetch(`/api/candidates?filter=${encodeURIComponent('{"q":"Elena Torres"}')}`, { headers })
      ).json();
      return c.stage as string;
    });
    expect(stage).toBe('placed');
  });
});
