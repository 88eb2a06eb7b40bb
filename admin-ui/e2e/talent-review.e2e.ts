import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import {
  api,
  chooseByKeyboard,
  describeBrowser,
  expectAccessible,
  freshEducator,
  launch,
  list,
  login,
  newPage,
  shot,
  tokenFor,
} from './browser.js';

const overflows = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
const isoDay = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A role of its own, so the journey needs nothing from the other tests: one candidate, developing, at the demo
 * principal's school, and one seat whose incumbent leaves in two months with nobody ready (a seat at risk).
 */
async function journeyFixture() {
  const suffix = randomBytes(3).toString('hex');
  const hr = await tokenFor('hr@riverbend.example');
  const principal = await tokenFor('principal@riverbend.example');
  const role = (await api(hr, 'POST', '/leadership-roles', {
    title: `Dean of students ${suffix}`,
    level: 'school',
  })) as { id: string; title: string };
  const nominee = await freshEducator();
  const nomination = (await api(principal, 'POST', '/nominations', {
    educatorId: nominee.id,
    targetRoleId: role.id,
    rationale: 'Runs the restorative practice team; students and staff trust her.',
  })) as { id: string };
  const { candidateId } = (await api(hr, 'POST', `/nominations/${nomination.id}/decision`, {
    decision: 'approve',
  })) as { candidateId: string };
  await api(await tokenFor(nominee.email, nominee.password), 'POST', `/candidates/${candidateId}/consent`, {
    accepted: true,
  });
  await api(hr, 'POST', `/candidates/${candidateId}/transitions`, { to: 'developing', expectedStage: 'engaged' });
  const candidate = (await api(hr, 'GET', `/candidates/${candidateId}`)) as { firstName: string; lastName: string };
  const incumbent = await freshEducator();
  const [school] = await list(hr, 'schools', { q: 'Riverbend High School' });
  const seat = (await api(hr, 'POST', '/positions', {
    roleId: role.id,
    schoolId: school!.id,
    // Sorts first among the seats at risk that open for sure.
    title: `Aa journey dean ${suffix}, Riverbend High`,
    incumbentEducatorId: incumbent.id,
    projectedVacancyOn: isoDay(60),
  })) as { id: string; title: string };
  const me = (await api(principal, 'GET', '/auth/me')) as { name: string };
  return { role, seat, candidateId, name: `${candidate.firstName} ${candidate.lastName}`, principalName: me.name };
}

/** Issue #18's journey: a seat at risk → its slate → a talent review with a principal → ready now → placed. */
describeBrowser('talent review journey', () => {
  let browser: Browser;
  let fx: Awaited<ReturnType<typeof journeyFixture>>;
  let sessionUrl = '';
  const sessionTitle = () => `${fx.role.title} readiness review`;
  beforeAll(async () => {
    browser = await launch();
    fx = await journeyFixture();
  });
  afterAll(() => browser?.close());

  it('hr on a desktop opens a seat at risk, reads its slate and convenes a session for its role with a principal', async () => {
    const page = await newPage(browser, 'desktop');
    await login(page, 'hr@riverbend.example');
    await page.getByRole('menuitem', { name: 'Vacancy forecast' }).click();
    const seats = page.getByRole('table', { name: /^Seats at risk first/ });
    await seats.waitFor();
    const row = seats.locator('tbody tr').filter({ hasText: fx.seat.title });
    await expect(row.innerText()).resolves.toContain('At risk');
    await row.getByRole('link', { name: fx.seat.title }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`#/positions/${fx.seat.id}/show`));
    const slate = page.getByRole('list', { name: 'Slate' });
    await slate.waitFor();
    await slate.getByText(fx.name.split(' ').reverse().join(', ')).waitFor();

    await page.getByRole('link', { name: 'Review this role in a session' }).press('Enter');
    await page.waitForURL(/#\/review-sessions\/create/);
    await expect(page.getByLabel('Title').inputValue()).resolves.toBe(sessionTitle());
    const reviewers = page.getByRole('combobox', { name: 'Reviewers' });
    await reviewers.fill(fx.principalName);
    // The listbox follows the input's focus: arrow to the option and take it with Enter.
    await page.getByRole('option', { name: `${fx.principalName} (principal)` }).waitFor();
    // The list is searched as one types: wait for the answer to the whole name before choosing.
    await page.waitForFunction(() => document.querySelectorAll('[role="option"]').length === 1);
    await reviewers.press('ArrowDown');
    await reviewers.press('Enter');
    await shot(page, 'talent-review-create-reviewer');
    await page.getByRole('button', { name: `${fx.principalName} (principal)` }).waitFor();
    await page.getByLabel('Meets on').fill(isoDay(7));
    await expectAccessible(page, 'convene a talent review');
    await shot(page, 'talent-review-create');
    await page.getByRole('button', { name: 'Save' }).press('Enter');
    await page.waitForURL(/#\/review-sessions\/[0-9a-f-]{36}\/show/);
    sessionUrl = page.url().slice(page.url().indexOf('#'));
    await page.getByRole('heading', { name: sessionTitle(), level: 1 }).waitFor();
    const grid = page.getByRole('table', { name: /^Confirmed readiness \(rows\)/ });
    await grid.waitFor();
    const notAssessed = grid.getByRole('row', { name: /^Not assessed/ });
    await notAssessed.getByRole('button', { name: `${fx.name}: open` }).waitFor();
    await page.getByText(`Reviewers: ${fx.principalName} (principal)`).waitFor();
    await shot(page, 'talent-review-hr-before');
    await expectAccessible(page, 'talent review (hr, before)');
    await page.context().close();
  });

  it('the principal on a phone reviews the candidate of her school on the grid, without the facilitator’s controls', async () => {
    const page = await newPage(browser, 'phone');
    await login(page, 'principal@riverbend.example');
    await page.goto('/#/review-sessions');
    const link = page.getByRole('link', { name: sessionTitle() }).first();
    await link.waitFor();
    await shot(page, 'talent-review-list-principal-phone');
    await expectAccessible(page, 'talent review list (principal, phone)');
    await link.click();
    await page.getByRole('heading', { name: sessionTitle(), level: 1 }).waitFor();
    await page.getByRole('button', { name: `${fx.name}: open` }).press('Enter');
    const dialog = page.getByRole('dialog', { name: fx.name });
    await dialog.getByText(/targets met/).waitFor();
    expect(await dialog.getByRole('button', { name: 'Record decision' }).count()).toBe(0);
    await expectAccessible(page, 'talent review person (principal, phone)');
    await dialog.getByRole('button', { name: 'Close' }).press('Enter');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByRole('button', { name: 'Close session and apply decisions' }).count()).toBe(0);
    expect(await overflows(page)).toBe(false);
    await shot(page, 'talent-review-principal-phone');
    await expectAccessible(page, 'talent review (principal, phone)');
    await page.context().close();
  });

  it('hr confirms the candidate ready now by keyboard, closes the session, and places her from the seat’s slate', async () => {
    const page = await newPage(browser, 'desktop');
    await login(page, 'hr@riverbend.example');
    await page.goto(`/${sessionUrl}`);
    await page.getByRole('button', { name: `${fx.name}: open` }).press('Enter');
    const dialog = page.getByRole('dialog', { name: fx.name });
    await dialog.waitFor();
    await chooseByKeyboard(page, 'Move to readiness row', 'Confirm ready now');
    await chooseByKeyboard(page, 'Stage move', 'Move to ready');
    await dialog.getByRole('button', { name: 'Record decision' }).press('Enter');
    await dialog.getByText('Say why').waitFor();
    await dialog
      .getByLabel('Why (kept with the change)')
      .fill('Led the attendance turnaround; the principal vouches for her');
    await shot(page, 'talent-review-decision');
    await expectAccessible(page, 'talent review decision dialog');
    await dialog.getByRole('button', { name: 'Record decision' }).press('Enter');
    await dialog.waitFor({ state: 'detached' });
    const grid = page.getByRole('table', { name: /^Confirmed readiness \(rows\)/ });
    await grid.waitFor();
    await grid
      .getByRole('row', { name: /^Ready now/ })
      .getByRole('button', { name: `${fx.name}, decided: open` })
      .waitFor();
    const changes = page.getByRole('table', { name: /^Every change/ });
    await changes.getByText('Led the attendance turnaround').waitFor();

    await page.getByRole('button', { name: 'Close session and apply decisions' }).press('Enter');
    const confirm = page.getByRole('dialog', { name: 'Close the session and apply its decisions?' });
    await confirm.getByText(`${fx.name}: confirm ready now; move to ready`).waitFor();
    await confirm.getByRole('button', { name: 'Close and apply' }).press('Enter');
    await confirm.waitFor({ state: 'detached' });
    await page
      .getByText(/Session closed: 1 readiness confirmation, 1 stage move, 0 assignments applied/)
      .first()
      .waitFor();
    await page.getByText('Closed', { exact: true }).waitFor();
    await shot(page, 'talent-review-closed');
    await expectAccessible(page, 'talent review (closed)');

    await page.goto(`/#/positions/${fx.seat.id}/show`);
    const place = page.getByRole('button', { name: `Place ${fx.name} from the slate` });
    await place.press('Enter');
    const placing = page.getByRole('dialog', { name: `Place ${fx.name}` });
    await placing.getByRole('button', { name: 'Place' }).press('Enter');
    await placing.waitFor({ state: 'detached' });
    const hr = await tokenFor('hr@riverbend.example');
    for (let i = 0; i < 20; i++) {
      const seat = (await api(hr, 'GET', `/positions/${fx.seat.id}`)) as { placedCandidateId: string | null };
      if (seat.placedCandidateId === fx.candidateId) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const seat = (await api(hr, 'GET', `/positions/${fx.seat.id}`)) as { placedCandidateId: string | null };
    expect(seat.placedCandidateId).toBe(fx.candidateId);
    const readiness = (await api(hr, 'GET', `/candidates/${fx.candidateId}/readiness`)) as { rationale: string };
    expect(readiness.rationale).toBe(
      `Talent review "${sessionTitle()}": Led the attendance turnaround; the principal vouches for her`,
    );
    await page.context().close();
  });
});
