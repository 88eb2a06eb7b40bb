import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { describeBrowser, expectAccessible, launch, login, newPage, shot } from './browser.js';

describeBrowser('users (hr)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('creates a principal, hands over the set-password link, and the person sets a password and signs in', async () => {
    const page = await newPage(browser);
    await login(page, 'hr@riverbend.example');
    await page.getByRole('menuitem', { name: 'Users' }).click();
    await page.getByPlaceholder('Search name or email').fill('Harriet');
    await page.getByRole('cell', { name: 'Harriet Ramos' }).waitFor();
    await shot(page, 'users-list');
    await expectAccessible(page, 'users list');

    await page.goto('/#/users/create');
    await page.getByLabel('Name *').fill('Quinn Alvarez');
    await page.getByLabel('Email *').fill('quinn.alvarez@riverbend.example');
    await page.getByLabel('Role *').click();
    await page.getByRole('option', { name: 'Principal' }).click();
    await page.getByLabel('Schools led').click();
    await page.getByRole('option', { name: 'Eastview High School' }).click();
    await page.keyboard.press('Escape');
    await shot(page, 'user-create');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/#\/users\/[0-9a-f-]{36}\/show/);
    const link = await page.getByLabel('Set-password link').inputValue();
    expect(link).toMatch(/\/#\/set-password\?token=/);
    await shot(page, 'user-show-link');
    await expectAccessible(page, 'user show');

    const person = await newPage(browser);
    await person.goto(link.replace(/^https?:\/\/[^/]+/, ''));
    await person.getByLabel('New password *').fill('quinn-chooses-a-passphrase');
    await person.getByLabel('Repeat the password *').fill('quinn-chooses-a-passphrase');
    await expectAccessible(person, 'set password');
    await person.getByRole('button', { name: 'Set password' }).click();
    await person.getByText('Your password is set').waitFor();
    await shot(person, 'set-password-done');
    await login(person, 'quinn.alvarez@riverbend.example', 'quinn-chooses-a-passphrase');
    await shot(person, 'home-new-principal');
  });
});
