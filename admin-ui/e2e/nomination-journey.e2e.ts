import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { describeBrowser, expectAccessible, launch, login, newPage, shot } from './browser.js';

/** The heart of Emerge: principal nominates → hr approves → the teacher accepts → hr sees them engaged. */
describeBrowser('nomination journey', () => {
  let browser: Browser;
  let candidateId = '';
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('the principal nominates Theo Bennett from his roster page', async () => {
    const page = await newPage(browser);
    await login(page, 'principal@riverbend.example');
    await page.getByRole('menuitem', { name: 'Educators' }).click();
    await page.getByPlaceholder('Search name, email, employee no.').fill('Theo Bennett');
    await page.getByRole('cell', { name: 'Bennett' }).click();
    await page.waitForURL(/#\/educators\/[0-9a-f-]{36}\/show/);
    await shot(page, 'educator-show-principal');
    await expectAccessible(page, 'educator show');
    await page.getByRole('link', { name: 'Nominate' }).click();
    await page.getByLabel('For which leadership role?').click();
    await page.getByRole('option', { name: 'Assistant principal' }).click();
    await page
      .getByLabel(/Why this person/)
      .fill('Theo rebuilt our algebra course with his PLC and mentors two new teachers.');
    await shot(page, 'nomination-create');
    await expectAccessible(page, 'nomination create');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/#\/nominations\/[0-9a-f-]{36}\/show/);
    await page.getByText('Submitted').first().waitFor();
    await shot(page, 'nomination-submitted');
  });

  it('hr approves it from the review queue', async () => {
    const page = await newPage(browser);
    await login(page, 'hr@riverbend.example');
    await page.getByRole('menuitem', { name: 'Nominations' }).click();
    await page.getByRole('tab', { name: /^To review \(\d+\)$/ }).waitFor();
    await page.getByRole('cell', { name: 'Theo Bennett' }).waitFor();
    await shot(page, 'nominations-review-queue');
    await expectAccessible(page, 'nominations review queue');
    await page.getByRole('cell', { name: 'Theo Bennett' }).click();
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Approve' }).click();
    await page.getByText('Approved').first().waitFor();
    await shot(page, 'nomination-approved');
  });

  it('Theo signs in and accepts', async () => {
    const page = await newPage(browser);
    await login(page, 'teacher@riverbend.example');
    await page.getByText('You have been nominated').waitFor();
    await shot(page, 'home-teacher-nominated');
    await expectAccessible(page, 'teacher home');
    await page.getByRole('link', { name: 'Respond' }).click();
    await page.getByRole('button', { name: 'Accept the nomination' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('Accepted: welcome').waitFor();
    await page.getByText('Identified → Engaged').waitFor();
    await shot(page, 'candidate-accepted');
  });

  it('hr finds Theo in Engaged, with his timeline, and moves him on with the keyboard', async () => {
    const page = await newPage(browser);
    await login(page, 'hr@riverbend.example');
    await page.getByRole('menuitem', { name: 'Candidates' }).click();
    // Each stage tab carries its count.
    await page.getByRole('tab', { name: /^Engaged \(\d+\)$/ }).click();
    await page.getByRole('tab', { name: /^Developing \(\d+\)$/ }).waitFor();
    await page.getByRole('cell', { name: 'Bennett, Theo' }).waitFor();
    await shot(page, 'candidates-engaged');
    await expectAccessible(page, 'candidates list');
    await page.getByRole('cell', { name: 'Bennett, Theo' }).click();
    await page.waitForURL(/#\/candidates\/[0-9a-f-]{36}\/show/);
    candidateId = /candidates\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    await page.getByText('Entered at Identified').waitFor();
    await page.getByText('Identified → Engaged').waitFor();
    expect(await page.getByRole('button', { name: 'Move to Developing' }).count()).toBe(1);
    await expectAccessible(page, 'candidate show');
    await page.getByRole('button', { name: 'Move to Developing' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('Started the AP residency');
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Engaged → Developing').waitFor();
    await shot(page, 'candidate-timeline');
  });

  it('another district cannot open Theo: the API answers 404 and the page says so', async () => {
    const page = await newPage(browser);
    await login(page, 'hr@lakeside.example');
    const status = await page.evaluate(async (id) => {
      const res = await fetch(`/api/candidates/${id}`, {
        headers: { Authorization: `Bearer ${localStorage.getItem('emerge.token')}` },
      });
      return res.status;
    }, candidateId);
    expect(status).toBe(404);
  });
});

describeBrowser('roster import (hr)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('previews a file with broken rows as a table of problems, then imports a good one', async () => {
    const page = await newPage(browser);
    await login(page, 'hr@riverbend.example');
    await page.goto('/#/educators/import');
    await page.getByRole('heading', { name: 'Import the roster from your HR system' }).waitFor();
    await expectAccessible(page, 'import page');
    const bad =
      'employee_number,first_name,last_name,job_title,school_code\nRB-77001,Ada,Lovelace,Teacher,RHS\nRB-77002,,Hopper,Teacher,NOPE\n';
    await page
      .getByLabel('Roster CSV file')
      .setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.getByRole('button', { name: 'Check file' }).click();
    await page.getByRole('table', { name: 'Problems in the file' }).waitFor();
    expect(await page.getByRole('table', { name: 'Problems in the file' }).locator('tbody tr').count()).toBe(2);
    await shot(page, 'import-errors');
    const good =
      'employee_number,first_name,last_name,job_title,school_code\nRB-77001,Ada,Lovelace,Teacher,RHS\nRB-77002,Grace,Hopper,Teacher,EHS\n';
    await page
      .getByLabel('Roster CSV file')
      .setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await page.getByRole('button', { name: 'Check file' }).click();
    await page.getByText('Importing would create 2, update 0').waitFor();
    await shot(page, 'import-preview');
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByText('Imported 2 rows: 2 created').waitFor();
    await shot(page, 'import-done');
  });
});
