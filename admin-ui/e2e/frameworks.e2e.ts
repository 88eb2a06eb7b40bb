import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describeBrowser, expectAccessible, launch, login, newPage, shot } from './browser.js';

const SAMPLE = new URL('../../docs/samples/case-framework.json', import.meta.url).pathname;

/** Chooses a file in the import page's file picker and checks it (a dry run). */
async function check(page: Page, file: string) {
  await page.locator('input[type="file"]').setInputFiles(file);
  await page.getByRole('button', { name: 'Check the file' }).click();
}

describeBrowser('competency frameworks (coordinator, hr)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('the coordinator imports the sample CASE package and browses its tree, rubric and crosswalk', async () => {
    const page = await newPage(browser);
    await login(page, 'coordinator@riverbend.example');
    await page.getByRole('menuitem', { name: 'Frameworks' }).click();
    await page.getByRole('cell', { name: 'Riverbend Leadership Framework' }).waitFor();
    await page.getByRole('cell', { name: 'Professional Standards for Educational Leaders (PSEL 2015)' }).waitFor();
    await shot(page, 'frameworks-list');
    await expectAccessible(page, 'frameworks list');

    await page.getByRole('link', { name: 'Import a framework file' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import a competency framework' }).waitFor();
    // In the district's words; the CASE names only in the hint for whoever prepares the file.
    const intro = await page.locator('main p').first().innerText();
    expect(intro).not.toMatch(/CASE|CF[A-Z]|isChildOf|exactMatchOf|isRelatedTo|JSON/);
    await page.getByText(/^For whoever prepares the file: a 1EdTech CASE 1\.0 package/).waitFor();
    await expectAccessible(page, 'CASE import page');

    // A broken copy first: the problems are listed against the items they concern, and nothing is imported.
    const broken = JSON.parse(readFileSync(SAMPLE, 'utf8'));
    // Two items with one identifier: the one thing here CASE itself forbids.
    const codes = broken.CFItems.map((i: { humanCodingScheme: string }) => i.humanCodingScheme);
    const [first, second] = [codes.indexOf('HP-2.1'), codes.indexOf('HP-2.2')];
    broken.CFItems[second].identifier = broken.CFItems[first].identifier;
    const brokenFile = join(mkdtempSync(join(tmpdir(), 'emerge-case-')), 'broken.json');
    writeFileSync(brokenFile, JSON.stringify(broken));
    await check(page, brokenFile);
    const problems = page.getByRole('table', { name: 'Problems in the file' });
    await problems.waitFor();
    await expect(problems.locator('tbody tr').count()).resolves.toBe(1);
    const row = await problems.locator('tbody tr').first().innerText();
    expect(row).toContain(`In the file: CFItems[${second}].identifier`);
    expect(row).toContain(`duplicates CFItems[${first}].identifier`);
    await shot(page, 'frameworks-import-errors');
    await expectAccessible(page, 'CASE import errors');

    await check(page, SAMPLE);
    const preview = page.getByText(/The file is ready to import\./);
    await preview.waitFor();
    expect(await preview.innerText()).toContain(
      'Importing would create Harbor Point Leadership Standards (HPLS): 19 new items, 14 new crosswalk links.',
    );
    await shot(page, 'frameworks-import-preview');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const done = page.getByText(/^Created Harbor Point Leadership Standards/);
    await done.waitFor();
    await shot(page, 'frameworks-import-done');
    await page.getByRole('link', { name: 'Open Harbor Point Leadership Standards' }).click();

    await page.waitForURL(/#\/competency-frameworks\/[0-9a-f-]{36}\/show/);
    await page.getByRole('heading', { name: 'Rubric (5 levels)' }).waitFor();
    for (const label of ['Beginning', 'Emerging', 'Developing', 'Proficient', 'Distinguished'])
      await page.getByRole('cell', { name: label, exact: true }).waitFor();
    await page.getByText('Tree and crosswalk (19 nodes)').waitFor();
    await page.getByText('Aligns curriculum, instruction and assessment across grades and courses').waitFor();
    await page.getByRole('link', { name: 'PSEL PSEL-4: Curriculum, Instruction, and Assessment' }).waitFor();
    await shot(page, 'frameworks-browser');
    await expectAccessible(page, 'framework browser');

    // Keyboard: the disclosure button of a domain closes and opens its branch.
    const toggle = page.getByRole('button', { name: 'Close HP-1 (2 below)' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    const reopen = page.getByRole('button', { name: 'Open HP-1 (2 below)' });
    expect(await reopen.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByText('Leads a coherent instructional program').count()).toBe(0);
    await page.keyboard.press('Enter');
    await page.getByText('Leads a coherent instructional program').waitFor();

    // A crosswalk link leads to the linked node in the reference framework.
    await page.getByRole('link', { name: 'PSEL PSEL-4: Curriculum, Instruction, and Assessment' }).click();
    await page
      .getByRole('heading', { name: 'Professional Standards for Educational Leaders (PSEL 2015)', level: 1 })
      .waitFor();
    await page.getByRole('link', { name: 'HPLS HP-1.1: Leads a coherent instructional program' }).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'frameworks-reference-browser');
    await expectAccessible(page, 'reference framework browser');
  });

  it('a re-import of the same package says nothing is new', async () => {
    const page = await newPage(browser);
    await login(page, 'coordinator@riverbend.example');
    await page.goto('/#/competency-frameworks/import');
    await check(page, SAMPLE);
    const preview = page.getByText(/The file is ready to import\./);
    await preview.waitFor();
    expect(await preview.innerText()).toContain(
      'Nothing new: Harbor Point Leadership Standards already matches this file (19 items and 14 links unchanged).',
    );
    await shot(page, 'frameworks-reimport');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('link', { name: 'Open Harbor Point Leadership Standards' }).waitFor();
    expect(await page.getByText(/^Nothing new: Harbor Point Leadership Standards/).count()).toBe(1);
    await shot(page, 'frameworks-reimport-done');
  });

  it('the coordinator edits a node of the district framework', async () => {
    const page = await newPage(browser);
    await login(page, 'coordinator@riverbend.example');
    await page.getByRole('menuitem', { name: 'Frameworks' }).click();
    await page.getByRole('cell', { name: 'Harbor Point Leadership Standards' }).click();
    await page.getByRole('link', { name: 'Edit HP-3.2.b' }).click();
    const title = page.getByLabel('Title');
    await title.waitFor();
    await expect(title.inputValue()).resolves.toBe('Facilitates meetings that end in clear commitments');
    await shot(page, 'frameworks-node-edit');
    await expectAccessible(page, 'node edit');
    await title.fill('Facilitates meetings that end in clear, shared commitments');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/#\/competency-frameworks\/[0-9a-f-]{36}\/show\?node=/);
    await page.getByText('Facilitates meetings that end in clear, shared commitments').waitFor();
    await shot(page, 'frameworks-node-edited');

    // A new indicator below HP-3.2, then a crosswalk link from it, then that link removed again.
    await page.getByRole('link', { name: 'Add below HP-3.2', exact: true }).click();
    await page.getByLabel('Code').fill('HP-3.2.c');
    await page.getByLabel('Title').fill('Closes the loop on team decisions');
    await shot(page, 'frameworks-node-create');
    await expectAccessible(page, 'node create');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/#\/competency-frameworks\/[0-9a-f-]{36}\/show\?node=/);
    await page.getByText('Closes the loop on team decisions').waitFor();
    await page.getByRole('link', { name: 'Link HP-3.2.c', exact: true }).click();
    const target = page.getByRole('combobox', { name: 'Linked node (any framework you use)' });
    await target.click();
    await target.fill('PSEL-9');
    await page.getByRole('option', { name: 'PSEL PSEL-9: Operations and Management' }).click();
    await page.getByLabel('Kind').click();
    await page.getByRole('option', { name: 'Related (shown only)' }).click();
    await shot(page, 'frameworks-link-create');
    await expectAccessible(page, 'crosswalk link create');
    await page.getByRole('button', { name: 'Save' }).click();
    const linked = page.getByRole('list', { name: 'Crosswalk of HP-3.2.c' });
    await linked.getByRole('link', { name: 'PSEL PSEL-9: Operations and Management' }).waitFor();
    await page.getByRole('button', { name: 'Remove the link between HP-3.2.c and PSEL PSEL-9' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('Link removed').waitFor();
    expect(await linked.count()).toBe(0);

    await page.getByRole('link', { name: 'Edit framework' }).click();
    await page.getByLabel('Short name').waitFor();
    await shot(page, 'frameworks-edit');
    await expectAccessible(page, 'framework edit');
  });

  it('hr sets a role target on a node of the imported framework', async () => {
    const page = await newPage(browser);
    await login(page, 'hr@riverbend.example');
    await page.getByRole('menuitem', { name: 'Leadership roles' }).click();
    await page.getByRole('cell', { name: 'Assistant principal' }).click();
    await page.getByRole('heading', { name: 'Competency targets' }).waitFor();
    // The editor appears once the saved targets have loaded.
    const competency = page.getByRole('combobox', { name: 'Competency to add' });
    await competency.waitFor();
    const targets = page.getByRole('table', { name: 'Competency targets' });
    const before = await targets.locator('tbody tr').count();
    expect(before).toBeGreaterThan(0);
    await shot(page, 'role-targets');
    await expectAccessible(page, 'role targets');

    await competency.click();
    await competency.fill('HP-1.1');
    await page.getByRole('option', { name: 'HPLS HP-1.1: Leads a coherent instructional program' }).click();
    await page.getByLabel('Level needed').click();
    await page.getByRole('option', { name: '4 of 5' }).click();
    await page.getByRole('button', { name: 'Add target' }).click();
    await page.getByRole('button', { name: 'Save targets' }).click();
    await page.getByText('Targets saved').waitFor();
    await shot(page, 'role-targets-saved');

    await page.reload();
    const row = page.getByRole('row', { name: /HPLS HP-1\.1: Leads a coherent instructional program/ });
    await row.waitFor();
    expect(await page.getByRole('table', { name: 'Competency targets' }).locator('tbody tr').count()).toBe(before + 1);
    await expect(row.getByLabel('Target level for HP-1.1').innerText()).resolves.toContain('4 of 5');
  });
});
