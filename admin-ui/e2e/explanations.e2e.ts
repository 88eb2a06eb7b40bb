import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import {
  api,
  describeBrowser,
  DESKTOP,
  expectAccessible,
  freshEducator,
  launch,
  login,
  newPage,
  PHONE,
  shot,
  tokenFor,
} from './browser.js';

/**
 * Issue #15, "every screen says what a person can do": an explanation wherever an action is absent, helpful empty
 * states, full names, one title for a record's show and edit pages, search hints that fit a phone.
 */

async function firstCandidate(filter: object, as = 'hr@riverbend.example') {
  const [c] = (await api(
    await tokenFor(as),
    'GET',
    `/candidates?filter=${encodeURIComponent(JSON.stringify(filter))}&range=[0,0]&sort=["lastName","ASC"]`,
  )) as {
    id: string;
    firstName: string;
    lastName: string;
    roleTitle: string;
    roleId: string;
  }[];
  return c!;
}

/** The text under "What you can do now" on a candidate's page. */
async function whatYouCanDo(page: Page): Promise<string> {
  const section = page.locator('.RaLabeled-label', { hasText: 'What you can do now' }).locator('xpath=..');
  await section.waitFor();
  await page.waitForLoadState('networkidle');
  return (await section.innerText()).replace('What you can do now', '').trim();
}

const title = (page: Page) => page.locator('#react-admin-title').innerText();

describeBrowser('explanations where an action is absent, empty states, names and titles', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it.each([
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const)(
    'on a %s, a principal’s candidate page says who moves candidates, and names the educator in full',
    async (device, viewport) => {
      const candidate = await firstCandidate({ stage: 'developing' }, 'principal@riverbend.example');
      const page = await newPage(browser, viewport);
      await login(page, 'principal@riverbend.example');
      await page.goto(`/#/candidates/${candidate.id}/show`);
      const text = await whatYouCanDo(page);
      expect(text).toMatch(/^HR and the leadership-program coordinators move candidates between stages\./);
      expect(await page.getByRole('button', { name: /^Move to |^Pause$|^Exit$/ }).count()).toBe(0);
      // The educator link: first and last name, not a surname alone.
      await page
        .getByRole('link', { name: `${candidate.firstName} ${candidate.lastName}`, exact: true })
        .first()
        .waitFor();
      await shot(page, `explain-principal-candidate-${device}`);
      await expectAccessible(page, `principal candidate page (${device})`);
      await page.context().close();
    },
  );

  it('a Ready candidate’s page tells hr that placement happens from a position’s bench, with a link to the positions', async () => {
    const candidate = await firstCandidate({ stage: 'ready' });
    const page = await newPage(browser, DESKTOP);
    await login(page, 'hr@riverbend.example');
    await page.goto(`/#/candidates/${candidate.id}/show`);
    const text = await whatYouCanDo(page);
    expect(text).toContain('Placement into a seat happens from a position’s bench, not here.');
    // hr may still pause, exit or move back: the buttons stay, the note sits under them.
    expect(await page.getByRole('button', { name: 'Pause' }).count()).toBe(1);
    await shot(page, 'explain-ready-candidate-hr');
    await expectAccessible(page, 'ready candidate page (hr)');
    await page.getByRole('link', { name: `Open the ${candidate.roleTitle} positions` }).click();
    await page.waitForURL((url) => decodeURIComponent(url.hash).includes(`"roleId":"${candidate.roleId}"`));
    await page.locator('tbody tr').first().waitFor();
    const roles = await page.locator('tbody tr').count();
    expect(roles).toBeGreaterThan(0);
    await page.context().close();
  });

  it('a Ready candidate’s page tells a coordinator that hr places, without a link it could not follow', async () => {
    const candidate = await firstCandidate({ stage: 'ready' });
    const page = await newPage(browser, PHONE);
    await login(page, 'coordinator@riverbend.example');
    await page.goto(`/#/candidates/${candidate.id}/show`);
    const text = await whatYouCanDo(page);
    expect(text).toContain(
      'Placement into a seat happens from a position’s bench, not here. HR places candidates when a seat opens.',
    );
    expect(await page.getByRole('link', { name: /positions$/ }).count()).toBe(0);
    await shot(page, 'explain-ready-candidate-coordinator-phone');
    await page.context().close();
  });

  it.each([
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const)('on a %s, an educator with nothing yet is told what to do on empty lists', async (device, viewport) => {
    const page = await newPage(browser, viewport);
    // Nobody the other journeys touch: they nominate the demo teacher.
    const fresh = await freshEducator();
    await login(page, fresh.email, fresh.password);
    await page.goto('/#/assignments');
    await page
      .getByText(
        /Your program coordinator assigns leadership experiences once you have accepted a nomination\. Meanwhile, browse Opportunities/,
      )
      .waitFor();
    await shot(page, `explain-empty-assignments-${device}`);
    await expectAccessible(page, `educator empty assignments (${device})`);
    await page.goto('/#/nominations');
    await page
      .getByText(/A nomination of you appears here once HR approves it\. You can also nominate yourself/)
      .waitFor();
    expect(await page.getByText(/No .* to show|No results found/).count()).toBe(0);
    // The way to act is a button with its words on every width (not a floating "+" on a phone).
    const nominate = page.locator('.RaEmpty-message').getByRole('link', { name: 'Nominate someone' });
    await expect(nominate.innerText()).resolves.toMatch(/nominate someone/i);
    await shot(page, `explain-empty-nominations-${device}`);
    await expectAccessible(page, `educator empty nominations (${device})`);
    await page.context().close();
  });

  it('a record’s edit page carries the show page’s title, with Edit before it', async () => {
    const candidate = await firstCandidate({ stage: 'developing' });
    const page = await newPage(browser, DESKTOP);
    await login(page, 'hr@riverbend.example');
    const pairs: string[][] = [];
    for (const resource of ['candidates', 'opportunities', 'positions', 'schools', 'educators', 'users']) {
      let id = candidate.id;
      if (resource !== 'candidates') {
        await page.goto(`/#/${resource}`);
        const href = await page.locator('tbody tr a[href$="/show"]').first().getAttribute('href');
        id = /\/([0-9a-f-]{36})\/show$/.exec(href ?? '')![1]!;
      }
      await page.goto(`/#/${resource}/${id}/show`);
      await page.locator('#main-content .RaShow-main, #main-content [class*="RaShow"]').first().waitFor();
      await page.waitForLoadState('networkidle');
      const show = await title(page);
      await page.goto(`/#/${resource}/${id}`);
      await page.locator('form').first().waitFor();
      await page.waitForLoadState('networkidle');
      const edit = await title(page);
      pairs.push([resource, show, edit]);
    }
    for (const [resource, show, edit] of pairs) {
      expect([resource, edit]).toEqual([resource, `Edit ${show}`]);
      // The record's name, not the resource's ("Opportunity …", "Candidate Torres").
      expect([resource, show]).not.toEqual([
        resource,
        expect.stringMatching(/^(Candidate|Opportunity|Position|School|Educator|User) /),
      ]);
    }
    expect(pairs.find(([r]) => r === 'candidates')![1]).toBe(
      `${candidate.firstName} ${candidate.lastName}: ${candidate.roleTitle}`,
    );
    await page.context().close();
  });

  it.each([
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const)('on a %s, no list’s search hint is cut off', async (device, viewport) => {
    const page = await newPage(browser, viewport);
    await login(page, 'hr@riverbend.example');
    const cut: string[] = [];
    for (const resource of [
      'candidates',
      'nominations',
      'assignments',
      'opportunities',
      'positions',
      'educators',
      'leadership-roles',
      'competency-frameworks',
      'schools',
      'users',
    ]) {
      await page.goto(`/#/${resource}`);
      const input = page.locator('#main-content input[placeholder]').first();
      await input.waitFor();
      const m = await input.evaluate((el: HTMLInputElement) => {
        const s = getComputedStyle(el);
        const ctx = document.createElement('canvas').getContext('2d')!;
        ctx.font = s.font;
        const room = el.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
        return { placeholder: el.placeholder, needs: Math.ceil(ctx.measureText(el.placeholder).width), room };
      });
      if (m.needs > m.room) cut.push(`${resource}: "${m.placeholder}" needs ${m.needs} px, has ${m.room} px`);
    }
    await shot(page, `explain-search-${device}`);
    expect(cut).toEqual([]);
    await page.context().close();
  });
});
