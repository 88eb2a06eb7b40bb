import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describeBrowser, expectAccessible, launch, login, newPage, shot } from './browser.js';

const SAMPLE = new URL('../../docs/samples/case-framework.json', import.meta.url).pathname;
// Real packages published by OpenSALT (sources in api/test/fixtures/case/README.md).
const PUBLISHED = (file: string) =>
  JSON.parse(readFileSync(new URL(`../../api/test/fixtures/case/${file}`, import.meta.url), 'utf8'));

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
    // Grouped by kind, each kind under its own heading with its count.
    await page.getByRole('heading', { name: 'Two items with one identifier (1)' }).waitFor();
    const problems = page.getByRole('table', { name: 'Two items with one identifier' });
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
    // (The links section below the tree names the node too.)
    const tree = page.getByRole('region', { name: /^Tree and crosswalk/ });
    expect(await tree.getByText('Leads a coherent instructional program').count()).toBe(0);
    await page.keyboard.press('Enter');
    await tree.getByText('Leads a coherent instructional program').waitFor();

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

  describe('packages as publishers write them', () => {
    let server: Server;
    let packageUrl: string;
    const standards = PUBLISHED('opensalt-what-standards-could-be-2017-draft.json');
    // The published file names no licence; one is added as licensed content carries it.
    standards.CFDocument.licenseURI = {
      title: 'CC BY 4.0',
      identifier: 'c0ffee00-0000-4000-8000-00000000cc40',
      uri: 'https://creativecommons.org/licenses/by/4.0/',
    };
    standards.CFDefinitions = {
      CFLicenses: [
        {
          identifier: 'c0ffee00-0000-4000-8000-00000000cc40',
          title: 'CC BY 4.0',
          licenseText: 'You may share and adapt this material, giving appropriate credit.',
        },
      ],
    };
    const itemTypes = new Map<string, number>();
    for (const item of standards.CFItems as { CFItemType?: string }[])
      if (item.CFItemType) itemTypes.set(item.CFItemType, (itemTypes.get(item.CFItemType) ?? 0) + 1);

    beforeAll(async () => {
      // A CASE server of the publisher's, on loopback: GET …/ims/case/v1p0/CFPackages/{id}.
      const path = `/ims/case/v1p0/CFPackages/${standards.CFDocument.identifier}`;
      server = createServer((req, res) => {
        if (req.url !== path) return res.writeHead(404).end();
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(standards));
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      packageUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
    });
    afterAll(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

    for (const device of ['desktop', 'phone'] as const)
      it(`hr imports one from a CASE server after a preview, and its page shows the licence, item types and links outside Emerge (${device})`, async () => {
        const page = await newPage(browser, device);
        await login(page, 'hr@riverbend.example');
        await page.goto('/#/competency-frameworks/import');
        const address = page.getByLabel("Or the package's address on a CASE server");
        await address.fill(packageUrl.replace('/CFPackages/', '/CFPackages/no-such-'));
        await page.keyboard.press('Enter');
        await page.getByRole('alert').filter({ hasText: 'Emerge could not fetch the package' }).waitFor();

        await address.fill(packageUrl);
        await page.getByRole('button', { name: 'Check the address' }).click();
        const preview = page.getByText(/The package is ready to import\./);
        await preview.waitFor();
        const text = await preview.innerText();
        const first = device === 'desktop';
        expect(text).toContain(
          first ? 'Importing would create What Standards Could Be' : 'already matches this package (16 items',
        );
        const external = Number(/(\d+) links point to frameworks your district does not have/.exec(text)?.[1]);
        expect(external).toBeGreaterThan(0);
        const held = page.getByRole('table', { name: 'What the file holds' });
        for (const [type, n] of itemTypes)
          await expect(held.getByRole('row', { name: `${type} ${n}` }).count()).resolves.toBe(1);
        if (first) await page.getByRole('heading', { name: /^New items \(16/ }).waitFor();
        await page.getByText('Licence: CC BY 4.0.').waitFor();
        await shot(page, `frameworks-import-url-preview-${device}`);
        await expectAccessible(page, `CASE import preview (${device})`);

        await page.getByRole('button', { name: 'Import', exact: true }).click();
        await page.getByRole('link', { name: 'Open What Standards Could Be' }).click();
        await page.getByRole('heading', { level: 1, name: 'What Standards Could Be' }).waitFor();
        await page.getByRole('link', { name: 'CC BY 4.0' }).waitFor();
        // Where the publisher serves it, as the package says.
        await page.getByRole('link', { name: String(standards.CFDocument.CFPackageURI) }).waitFor();
        await page.getByText('Read the licence').click();
        await page.getByText('You may share and adapt this material, giving appropriate credit.').waitFor();
        const types = page.getByRole('table', { name: 'Item types' });
        for (const [type, n] of itemTypes)
          await expect(types.getByRole('row', { name: `${type} ${n}` }).count()).resolves.toBe(1);
        const kept = page.getByRole('heading', { name: `Links kept as published (${external} outside Emerge)` });
        await kept.scrollIntoViewIfNeeded();
        // A table on a desktop, a list on a phone.
        const rows =
          device === 'desktop'
            ? page.getByRole('table', { name: /Links kept as published/ }).locator('tbody tr')
            : page.getByRole('list', { name: /Links kept as published/ }).getByRole('listitem');
        await expect(rows.count()).resolves.toBe(Math.min(external, 10));
        await expect(rows.first().innerText()).resolves.toContain('Outside Emerge');
        await page.getByText(`1–${Math.min(external, 10)} of ${external}`).waitFor();
        await shot(page, `frameworks-kept-links-${device}`);
        await expectAccessible(page, `framework page with links outside Emerge (${device})`);
        // Every kept link, not only the external ones, by keyboard.
        await page.getByLabel('Only links outside Emerge').focus();
        await page.keyboard.press('Space');
        await page.getByText(new RegExp(`^1–\\d+ of (?!${external}$)\\d+$`)).waitFor();
      });

    it('shows markdown statements as their publisher formatted them, and raw HTML as text', async () => {
      const markdown = PUBLISHED('opensalt-test-markdown.json');
      markdown.CFItems[1].fullStatement = 'A <b onclick="alert(1)">bold</b> claim with a [link](javascript:alert(1))';
      const file = join(mkdtempSync(join(tmpdir(), 'emerge-case-')), 'markdown.json');
      writeFileSync(file, JSON.stringify(markdown));
      const page = await newPage(browser);
      await login(page, 'coordinator@riverbend.example');
      await page.goto('/#/competency-frameworks/import');
      await check(page, file);
      await page.getByText(/The file is ready to import\./).waitFor();
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByRole('link', { name: 'Open Test Markdown Framework' }).click();
      // The table in the statement is a table; "_table_" is emphasis.
      const table = page.getByRole('table').filter({ hasText: 'Column 1' });
      await table.getByRole('cell', { name: 'data 2' }).waitFor();
      await expect(page.locator('em', { hasText: 'table' }).count()).resolves.toBe(1);
      // Raw HTML stays text, and the javascript: link is not a link.
      await page.getByText('A <b onclick="alert(1)">bold</b> claim with a', { exact: false }).waitFor();
      expect(await page.locator('b[onclick]').count()).toBe(0);
      expect(await page.locator('a[href^="javascript"]').count()).toBe(0);
      await shot(page, 'frameworks-markdown');
      await expectAccessible(page, 'framework with markdown statements');
    });
  });
});
