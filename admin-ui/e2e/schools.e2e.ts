import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { describeBrowser, expectAccessible, launch, login, newPage, shot } from './browser.js';

describeBrowser('schools (hr)', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launch();
    page = await newPage(browser);
    await login(page, 'hr@riverbend.example');
  });
  afterAll(() => browser?.close());

  it('lists, searches and filters the district schools', async () => {
    await page.getByRole('menuitem', { name: 'Schools' }).click();
    // The home page may name the school too (and stays on screen while the list loads): wait for the list.
    await page.locator('.RaDatagrid-root').getByText('Riverbend High School').waitFor();
    expect(await page.locator('tbody tr').count()).toBe(10); // 12 schools, 10 per page
    await shot(page, 'schools-list');
    await expectAccessible(page, 'schools list');
    await page.getByPlaceholder('Search name or code').fill('elementary');
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 5);
    await shot(page, 'schools-search');
  });

  it('creates a school: a server validation error shows beside the field, then it saves', async () => {
    await page.goto('/#/schools/create');
    await page.getByLabel('Name *').fill('Riverside Elementary');
    await page.getByLabel('Code *').fill('RHS'); // taken by Riverbend High School
    await expectAccessible(page, 'school create');
    await page.getByLabel('Grade band *').click();
    await page.getByRole('option', { name: 'Elementary' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Another school of this district already has this code').waitFor();
    await shot(page, 'school-create-error');

    await page.getByLabel('Code *').fill('RSE');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/#\/schools\/[0-9a-f-]{36}\/show/);
    await page.getByText('Riverside Elementary').first().waitFor();
    await shot(page, 'school-show');
    await expectAccessible(page, 'school show');
  });

  it('edits a school with a keyboard-only path', async () => {
    await page.getByRole('link', { name: 'Edit' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/schools\/[0-9a-f-]{36}$/);
    const name = page.getByLabel('Name *');
    await name.focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('Riverside Elementary School');
    await page.getByRole('button', { name: 'Save' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/show$/);
    await page.getByText('Riverside Elementary School').first().waitFor();
    await shot(page, 'school-edited');
  });
});

describeBrowser('schools (principal)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('reads schools but is offered no create or edit', async () => {
    const page = await newPage(browser);
    await login(page, 'principal@riverbend.example');
    await page.getByRole('menuitem', { name: 'Schools' }).click();
    // The home page may name the school too (and stays on screen while the list loads): wait for the list.
    await page.locator('.RaDatagrid-root').getByText('Riverbend High School').waitFor();
    expect(await page.getByRole('link', { name: 'Create' }).count()).toBe(0);
    await page.getByText('Riverbend High School').click();
    await page.waitForURL(/\/show$/);
    expect(await page.getByRole('link', { name: 'Edit' }).count()).toBe(0);
    await shot(page, 'school-show-principal');
  });
});
