import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Browser, Locator, Page } from 'playwright-core';
import { describeBrowser, expectAccessible, launch, login, newPage, shot } from './browser.js';

async function drag(page: Page, card: Locator, target: Locator): Promise<void> {
  const from = (await card.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + 12);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + 20, { steps: 3 });
  await page.mouse.move(to.x + to.width / 2, to.y + 40, { steps: 12 });
  await page.mouse.up();
}

const stageOf = (page: Page, id: string) =>
  page.evaluate(async (candidateId) => {
    const headers = { Authorization: `Bearer ${localStorage.getItem('emerge.token')}` };
    const candidate = await (await fetch(`/api/candidates/${candidateId}`, { headers })).json();
    const filter = encodeURIComponent(JSON.stringify({ candidateId }));
    const history = await fetch(`/api/stage-transitions?filter=${filter}&range=[0,0]`, { headers });
    return { stage: candidate.stage as string, moves: Number(history.headers.get('content-range')!.split('/')[1]) };
  }, id);

describeBrowser('pipeline board', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('hr drags a card to the next stage; the move is made and kept in the history', async () => {
    const page = await newPage(browser);
    await login(page, 'hr@riverbend.example');
    await page.getByRole('menuitem', { name: 'Pipeline board' }).click();
    const engaged = page.getByTestId('column-engaged');
    await engaged.getByRole('heading', { name: /^Engaged \(\d+\)$/ }).waitFor();
    await page.getByRole('heading', { name: /^Developing \(\d+\)$/ }).waitFor();
    await shot(page, 'pipeline-board');
    await expectAccessible(page, 'pipeline board');
    const card = engaged.locator('[data-testid^="card-"]').first();
    const id = (await card.getAttribute('data-testid'))!.slice('card-'.length);
    const before = await stageOf(page, id);
    expect(before.stage).toBe('engaged');
    const developingCount = async () =>
      Number(/\((\d+)\)/.exec(await page.getByTestId('column-developing').getByRole('heading').innerText())![1]);
    const countBefore = await developingCount();
    await drag(page, card, page.getByTestId('column-developing'));
    await page.getByText(/moved to Developing/).waitFor();
    // Columns list the longest-waiting first, so the newcomer may sit beyond the first cards: check counts.
    await engaged.getByTestId(`card-${id}`).waitFor({ state: 'detached' });
    expect(await developingCount()).toBe(countBefore + 1);
    expect(await stageOf(page, id)).toEqual({ stage: 'developing', moves: before.moves + 1 });
    await shot(page, 'pipeline-board-after-drop');
  });

  it('refuses a drop the rules forbid and says which moves are allowed', async () => {
    const page = await newPage(browser);
    await login(page, 'coordinator@riverbend.example');
    await page.getByRole('menuitem', { name: 'Pipeline board' }).click();
    const identified = page.getByTestId('column-identified');
    await identified.getByRole('heading', { name: /^Identified \(\d+\)$/ }).waitFor();
    const card = identified.locator('[data-testid^="card-"]').first();
    const id = (await card.getAttribute('data-testid'))!.slice('card-'.length);
    const before = await stageOf(page, id);
    await drag(page, card, page.getByTestId('column-ready'));
    const alert = page.getByRole('alert').filter({ hasText: 'cannot move from Identified to Ready' });
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/Allowed from here: .*Paused|Exited/);
    expect(await stageOf(page, id)).toEqual(before);
    await shot(page, 'pipeline-board-refused');
    await expectAccessible(page, 'pipeline board refusal');
  });

  it('moves back with a reason, from the keyboard', async () => {
    const page = await newPage(browser);
    await login(page, 'hr@riverbend.example');
    await page.getByRole('menuitem', { name: 'Pipeline board' }).click();
    const developing = page.getByTestId('column-developing');
    await developing.getByRole('heading', { name: /^Developing \(\d+\)$/ }).waitFor();
    const card = developing.locator('[data-testid^="card-"]').first();
    const id = (await card.getAttribute('data-testid'))!.slice('card-'.length);
    const before = await stageOf(page, id);
    await card.getByRole('button', { name: /^Move / }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: 'Move to Engaged' }).waitFor();
    await page.getByRole('menuitem', { name: 'Move to Engaged' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Reason (required)').fill('Back to engaged while on a semester of leave');
    await expectAccessible(page, 'board reason dialog');
    await dialog.getByRole('button', { name: 'Move' }).press('Enter');
    await page.getByText(/moved to Engaged/).waitFor();
    expect(await stageOf(page, id)).toEqual({ stage: 'engaged', moves: before.moves + 1 });
  });
});
