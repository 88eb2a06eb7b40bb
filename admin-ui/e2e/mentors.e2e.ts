import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import {
  api,
  DEMO_PASSWORD,
  describeBrowser,
  expectAccessible,
  launch,
  login,
  newPage,
  nominatedAndApproved,
  shot,
  tokenFor,
} from './browser.js';

const overflows = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);

/**
 * Issue #19 part 3: a teacher who accepted her nomination asks one of the mentors who fit; the demo mentor
 * accepts on another device, reads her plan and logs a session; she sees her mentor and the hours. hr finds the
 * mentors and a mentor's room. By keyboard, on a phone and a desktop, each side on the other device the second time.
 */
describeBrowser('mentors', () => {
  let browser: Browser;
  let mentorName: string;
  beforeAll(async () => {
    browser = await launch();
    const { user } = (await api('', 'POST', '/auth/login', {
      email: 'mentor@riverbend.example',
      password: DEMO_PASSWORD,
    })) as { user: { name: string } };
    mentorName = user.name;
  });
  afterAll(() => browser?.close());

  it.each([
    ['phone', 'desktop'],
    ['desktop', 'phone'],
  ] as const)('a new candidate on a %s asks the demo mentor, who accepts on a %s', async (mine, theirs) => {
    const { nominee, candidateId } = await nominatedAndApproved();
    const own = await tokenFor(nominee.email, nominee.password);
    await api(own, 'POST', `/candidates/${candidateId}/consent`, { accepted: true });

    const page = await newPage(browser, mine);
    await login(page, nominee.email, nominee.password);
    const panel = page.getByRole('region', { name: 'Your mentor' });
    await panel.getByText('You have no mentor yet').waitFor();
    await panel.getByRole('button', { name: 'Find a mentor' }).press('Enter');
    const fit = panel.getByRole('region', { name: 'Mentors who fit' });
    await fit.getByRole('table', { name: 'Mentors who fit' }).waitFor();
    // The candidate's shortlist names no strengths and no rank: those would tell a colleague's standing.
    expect(await fit.getByRole('columnheader', { name: 'Strong on' }).count()).toBe(0);
    await shot(page, `mentor-suggestions-${mine}`);
    await expectAccessible(page, `mentor suggestions (${mine})`);
    await fit.getByRole('button', { name: `Ask ${mentorName}` }).press('Enter');
    const dialog = page.getByRole('dialog', { name: `Ask ${mentorName} to mentor you` });
    await dialog.getByLabel('A note to the mentor (optional)').fill('I would like to learn how you run a school team.');
    await expectAccessible(page, `mentor request dialog (${mine})`);
    await dialog.getByRole('button', { name: 'Send the request' }).press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await panel.getByText(`You asked ${mentorName}`).waitFor();
    expect(await overflows(page)).toBe(false);

    // The mentor, on the other device, answers from their home.
    const other = await newPage(browser, theirs);
    await login(other, 'mentor@riverbend.example');
    const mentoring = other.getByRole('region', { name: 'Mentoring' });
    const answer = mentoring.getByRole('link', { name: /^Answer: / }).first();
    await answer.waitFor();
    await shot(other, `mentor-home-${theirs}`);
    await expectAccessible(other, `mentor home (${theirs})`);
    const [request] = (await api(
      own,
      'GET',
      `/mentorships?filter=${encodeURIComponent(JSON.stringify({ candidateId }))}`,
    )) as {
      id: string;
      candidateName: string;
    }[];
    await mentoring.getByRole('link', { name: `Answer: ${request!.candidateName}` }).press('Enter');
    await other.getByRole('heading', { name: `${request!.candidateName} asks you to mentor them` }).waitFor();
    await other.getByLabel('A word back (optional)').fill('Gladly: every three weeks?');
    await expectAccessible(other, `mentorship request (${theirs})`);
    await other.getByRole('button', { name: 'Accept' }).press('Enter');
    await other.getByRole('heading', { name: `You mentor ${request!.candidateName}` }).waitFor();
    // Their one window on the record: the plan, read-only.
    const plan = other.getByRole('region', { name: 'Development plan' });
    await plan.getByText('No development plan yet').waitFor();
    expect(await plan.getByRole('button').count()).toBe(0);
    const sessions = other.getByRole('region', { name: 'Sessions' });
    await sessions.getByRole('button', { name: 'Log a session' }).press('Enter');
    const log = other.getByRole('dialog', { name: 'Log a mentoring session' });
    await log.getByLabel('Length in minutes').fill('45');
    await log.getByLabel('What it was about (optional)').fill('First meeting: goals for the year');
    await expectAccessible(other, `log a session (${theirs})`);
    await log.getByRole('button', { name: 'Save' }).press('Enter');
    await log.waitFor({ state: 'detached' });
    await sessions.getByRole('cell', { name: '45 min' }).waitFor();
    await shot(other, `mentorship-${theirs}`);
    await expectAccessible(other, `mentorship page (${theirs})`);
    expect(await overflows(other)).toBe(false);

    // She sees her mentor and the hours.
    await page.reload();
    await panel.getByText(`Your mentor is ${mentorName}`).waitFor();
    await panel.getByRole('link', { name: /0\.75 hours of mentoring logged/ }).waitFor();
    // Against the hours the district expects of an assistant principal.
    await page.getByRole('region', { name: 'Your hours' }).getByText('0.75 of 12 hours').waitFor();
    await shot(page, `mentee-home-${mine}`);
    await expectAccessible(page, `mentee home (${mine})`);

    // Frees the mentor's place for the next run (and the next suite on this database).
    const [active] = (await api(
      own,
      'GET',
      `/mentorships?filter=${encodeURIComponent(JSON.stringify({ candidateId }))}`,
    )) as {
      id: string;
      version: number;
    }[];
    await api(own, 'POST', `/mentorships/${active!.id}/end`, { version: active!.version });
  });

  it.each(['desktop', 'phone'] as const)('the coordinator sees who is behind their hours on a %s', async (device) => {
    const page = await newPage(browser, device);
    await login(page, 'coordinator@riverbend.example');
    const section = page.getByRole('region', { name: /^Hours behind target \(\d+\)$/ });
    await section.getByRole('table', { name: 'Hours behind target' }).waitFor();
    expect(await section.getByRole('row').count()).toBeGreaterThan(1);
    await shot(page, `coordinator-hours-${device}`);
    await expectAccessible(page, `coordinator home with hours (${device})`);
    expect(await overflows(page)).toBe(false);
  });

  it.each(['desktop', 'phone'] as const)('hr finds the mentors and a mentor’s room on a %s', async (device) => {
    const page = await newPage(browser, device);
    await login(page, 'hr@riverbend.example');
    await page.goto(`${page.url().split('#')[0]}#/mentors`);
    await page.getByRole('cell', { name: mentorName }).first().waitFor();
    await shot(page, `mentors-list-${device}`);
    await expectAccessible(page, `mentors list (${device})`);
    await page.getByRole('cell', { name: mentorName }).first().click();
    await page.waitForURL(/#\/educators\/[0-9a-f-]{36}\/show/);
    await page.getByRole('tab', { name: 'Mentor' }).press('Enter');
    await page.getByText(/Takes mentees: \d of 3 places taken/).waitFor();
    await page.getByLabel('Mentees at once').waitFor();
    await expectAccessible(page, `educator mentor tab (${device})`);
    expect(await overflows(page)).toBe(false);
  });
});
