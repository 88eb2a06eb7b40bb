import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { describeBrowser, expectAccessible, launch, login, menuItems, newPage, shot } from './browser.js';

const HR = [
  'Home',
  'Dashboard',
  'Candidates',
  'Pipeline board',
  'Nominations',
  'Assignments',
  'Opportunities',
  'Positions',
  'Vacancy forecast',
  'Talent reviews',
  'Mentors',
  'Educators',
  'Leadership roles',
  'Frameworks',
  'Schools',
  'Users',
  'District settings',
];

const ROLES: [string, string, string[]][] = [
  ['platform_admin', 'platform@emerge.example', ['Home', 'Districts', 'Users', 'Outbox']],
  ['hr', 'hr@riverbend.example', HR],
  // The superintendent's home page is the dashboard; district settings are read-only for them.
  ['superintendent', 'superintendent@riverbend.example', HR.filter((item) => item !== 'Users' && item !== 'Dashboard')],
  [
    'coordinator',
    'coordinator@riverbend.example',
    HR.filter((item) => !['Users', 'Nominations', 'District settings'].includes(item)),
  ],
  [
    'principal',
    'principal@riverbend.example',
    HR.filter((item) => !['Users', 'Positions', 'Mentors', 'District settings'].includes(item)),
  ],
  [
    'educator',
    'educator@riverbend.example',
    ['Home', 'Nominations', 'My assignments', 'Opportunities', 'Frameworks', 'Schools'],
  ],
  [
    'educator (not nominated)',
    'teacher@riverbend.example',
    ['Home', 'Nominations', 'My assignments', 'Opportunities', 'Frameworks', 'Schools'],
  ],
  [
    'educator (a mentor)',
    'mentor@riverbend.example',
    ['Home', 'Nominations', 'My assignments', 'Opportunities', 'Frameworks', 'Schools'],
  ],
  ['hr (Lakeside)', 'hr@lakeside.example', HR],
];

describeBrowser('signing in', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('shows an accessible login page titled Emerge', async () => {
    const page = await newPage(browser);
    await page.goto('/');
    await page.getByLabel('Email').waitFor();
    expect(await page.title()).toBe('Emerge');
    await shot(page, 'login');
    await expectAccessible(page, 'login');
    await page.context().close();
  });

  it('says so when the password is wrong', async () => {
    const page = await newPage(browser);
    await page.goto('/#/login');
    await page.getByLabel('Email').fill('hr@riverbend.example');
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await page.getByRole('textbox', { name: 'Password' }).fill('wrong-password-here');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Email or password is incorrect').waitFor();
    await shot(page, 'login-wrong-password');
    await page.context().close();
  });

  it.each(ROLES)('lets %s (%s) in and shows only their menu', async (role, email, expected) => {
    const page = await newPage(browser);
    await login(page, email);
    expect(await menuItems(page)).toEqual(expected);
    await shot(page, `home-${role.replace(/\W+/g, '-')}`);
    await expectAccessible(page, `home of ${role}`);
    await page.context().close();
  });
});
