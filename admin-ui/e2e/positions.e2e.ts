import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { describeBrowser, expectAccessible, launch, login, newPage, searchList, shot } from './browser.js';

const SEAT = 'Assistant principal, Cedar Hollow Middle School';

interface BenchEntry {
  candidateId: string;
  firstName: string;
  lastName: string;
  stage: string;
  readiness: string;
}

/** GET through the API with the signed-in user's token (to find the demo's records, not to act). */
async function api<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => {
    const res = await fetch(p, { headers: { Authorization: `Bearer ${localStorage.getItem('emerge.token')}` } });
    return (await res.json()) as T;
  }, path);
}

describeBrowser('readiness and placement (hr)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('confirms a ready candidate’s readiness, then places them into a vacancy from its bench', async () => {
    const page = await newPage(browser);
    await login(page, 'hr@riverbend.example');
    const [seat] = await api<{ id: string; status: string }[]>(
      page,
      `/api/positions?filter=${encodeURIComponent(JSON.stringify({ q: 'Cedar Hollow', status: 'vacant', level: 'school' }))}`,
    );
    expect(seat?.status).toBe('vacant');
    const bench = await api<{ candidates: BenchEntry[] }>(page, `/api/positions/${seat!.id}/bench`);
    const who = bench.candidates.find((c) => c.stage === 'ready' && c.readiness === 'not_assessed')!;
    expect(who).toBeDefined();
    const name = `${who.firstName} ${who.lastName}`;

    // The candidate, from the pipeline's Ready tab.
    await page.getByRole('menuitem', { name: 'Candidates' }).click();
    await page.getByRole('tab', { name: /^Ready \(/ }).click();
    await searchList(page, who.lastName);
    await page.getByRole('cell', { name: `${who.lastName}, ${who.firstName}` }).click();
    await page.waitForURL(/#\/candidates\/[0-9a-f-]{36}\/show/);
    await page.getByRole('tab', { name: 'Readiness' }).click();
    await page.getByRole('heading', { name: 'Suggested by the evidence' }).waitFor();
    await page.getByText('Not confirmed yet.').waitFor();
    await shot(page, 'readiness-before');
    await expectAccessible(page, 'readiness tab');

    await page.getByRole('button', { name: 'Confirm readiness' }).click();
    const dialog = page.getByRole('dialog', { name: `Confirm readiness: ${name}` });
    await dialog.getByRole('combobox', { name: 'Band' }).click();
    await page.getByRole('option', { name: 'Ready now' }).click();
    await dialog
      .getByRole('textbox', { name: /Rationale/ })
      .fill('Talent review: every target met on two sources; led the attendance taskforce all year.');
    await shot(page, 'readiness-confirm-dialog');
    await expectAccessible(page, 'confirm readiness dialog');
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('Readiness confirmed: Ready now').waitFor();
    const history = page.getByRole('table', { name: 'History' });
    await history.waitFor();
    expect(await history.locator('tbody tr').count()).toBe(1);
    await expect(history.locator('tbody tr').first().innerText()).resolves.toMatch(/Ready now.*Harriet Ramos/s);
    await shot(page, 'readiness-confirmed');

    // The vacancy and its bench.
    await page.getByRole('menuitem', { name: 'Positions' }).click();
    await page.getByRole('table').first().waitFor();
    await shot(page, 'positions-list');
    await expectAccessible(page, 'positions list');
    await page.getByPlaceholder('Search seat, role or person').fill('Cedar Hollow');
    await page.getByRole('cell', { name: SEAT }).click();
    const benchTable = page.getByRole('table', { name: 'Bench' });
    await benchTable.waitFor();
    const row = benchTable.locator('tr', { hasText: `${who.lastName}, ${who.firstName}` });
    await expect(row.innerText()).resolves.toMatch(/Ready now/);
    await shot(page, 'position-bench');
    await expectAccessible(page, 'position bench');

    await row.getByRole('button', { name: `Place ${name}` }).click();
    const place = page.getByRole('dialog', { name: `Place ${name}` });
    await place.waitFor();
    await shot(page, 'position-place-dialog');
    await expectAccessible(page, 'place dialog');
    await place.getByRole('button', { name: 'Place' }).click();
    await page.getByText(`${name} placed into ${SEAT}`).waitFor();
    await page.getByText(name, { exact: true }).first().waitFor(); // the incumbent field
    await shot(page, 'position-filled');

    // The seat now refuses another ready candidate, and says why.
    const other = benchTable.getByRole('button', { name: /^Place / }).first();
    if ((await other.count()) > 0) {
      await other.click();
      const refused = page.getByRole('dialog', { name: /^Place / });
      await expect(refused.getByRole('alert').innerText()).resolves.toMatch(
        new RegExp(`${name} was placed into this seat`),
      );
      await shot(page, 'position-place-refused');
      await expectAccessible(page, 'refused placement');
      await refused.getByRole('button', { name: 'Cancel' }).click();
    }

    // The candidate is placed.
    await page.goto(`/#/candidates/${who.candidateId}/show`);
    await page.getByText('Placed', { exact: true }).first().waitFor();
    const candidate = await api<{ stage: string }>(page, `/api/candidates/${who.candidateId}`);
    expect(candidate.stage).toBe('placed');
    await shot(page, 'candidate-placed');
    await expectAccessible(page, 'placed candidate');
  });

  it('shows the educator no band until hr shares it', async () => {
    const page = await newPage(browser);
    await login(page, 'educator@riverbend.example');
    const [mine] = await api<{ id: string; readiness: string | null }[]>(page, '/api/candidates');
    expect(mine?.readiness).toBeNull();
    await page.goto(`/#/candidates/${mine!.id}/show/readiness`);
    await page.getByText('Your readiness has not been shared with you yet.', { exact: false }).waitFor();
    expect(await page.getByText(/Ready (now|in)/).count()).toBe(0);
    await shot(page, 'readiness-educator-unshared');
    await expectAccessible(page, 'readiness tab (educator)');
  });

  it('lets hr create a district-office seat with its default title', async () => {
    const page = await newPage(browser);
    await login(page, 'hr@riverbend.example');
    await page.goto('/#/positions/create');
    await page.getByRole('combobox', { name: 'Leadership role' }).click();
    await page.getByRole('option', { name: 'Director' }).click();
    await shot(page, 'position-create');
    await expectAccessible(page, 'position create');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/#\/positions\/[0-9a-f-]{36}\/show/);
    await page.getByText('Director, District office').first().waitFor();
    await page.getByRole('table', { name: 'Bench' }).waitFor();
    await shot(page, 'position-created');
  });
});
