import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { apiErrorText, fieldMessage } from '../src/providers/errorText.js';
import { baseUrl, describeBrowser, expectAccessible, launch, login, newPage, shot } from './browser.js';

/**
 * Issue #15: every error a person sees reads as a sentence in plain words. The console turns API errors into text
 * in one place (src/providers/errorText.ts, used by httpClient); these are the API's real messages.
 */
describe('the console’s words for API errors', () => {
  it.each([
    [
      'rationale',
      'rationale must be longer than or equal to 20 characters',
      'The rationale must be at least 20 characters long.',
    ],
    ['email', 'email must be an email', 'The email must be an email address.'],
    ['dueOn', 'dueOn cannot be before the opportunity starts', 'The due date cannot be before the opportunity starts.'],
    ['schoolIds', 'a principal leads at least one school', 'A principal leads at least one school.'],
    ['schoolId', "schoolId must be one of the district's schools", "The school must be one of the district's schools."],
    ['reason', 'a reason is required to decline', 'A reason is required to decline.'],
    ['seats', 'seats must not be less than 1', 'The seats must be 1 or more.'],
    ['educatorId', 'educatorId must be a UUID', 'Choose the educator from the list.'],
    ['targets.0.level', 'level must be an integer number', 'The level must be a whole number.'],
    ['name', 'name should not be empty', 'The name is required.'],
    ['districtId', 'districtId is not a field of this resource', 'The district cannot be changed here.'],
    [
      'code',
      'Another school of this district already has this code',
      'Another school of this district already has this code.',
    ],
  ])('%s: "%s"', (field, api, plain) => {
    expect(fieldMessage(field, api)).toBe(plain);
  });

  it.each([
    [
      403,
      { code: 'forbidden', message: 'Your role (principal) may not do this (candidate.update)' },
      /^Your role cannot do this\./,
    ],
    [
      404,
      { code: 'not_found', message: 'Candidate not found' },
      /^This record does not exist, or is not yours to see\./,
    ],
    [
      401,
      { code: 'unauthenticated', message: 'Sign in first: a valid bearer token is required' },
      /^Your session has ended\. Sign in again/,
    ],
    [
      401,
      { code: 'invalid_credentials', message: 'Email or password is incorrect' },
      /^Email or password is incorrect\.$/,
    ],
    [
      409,
      { code: 'conflict', message: 'A concurrent change conflicted with this one; please retry' },
      /^Someone else changed this at the same moment\. Reload the page and try again\.$/,
    ],
    [
      409,
      {
        code: 'in_use',
        message: 'The record is referenced by, or refers to, another record that does not allow this change',
      },
      /^Other records depend on this one/,
    ],
    [
      409,
      { code: 'conflict', message: 'The assignment is completed; its hours and reflection are closed' },
      /^The assignment is completed; its hours and reflection are closed\.$/,
    ],
    [
      400,
      {
        code: 'validation_failed',
        message: 'Validation failed',
        errors: { dueOn: 'dueOn cannot be before the opportunity starts' },
      },
      /^The due date cannot be before the opportunity starts\.$/,
    ],
    [
      400,
      { code: 'validation_failed', message: 'Validation failed', errors: {} },
      /^Something in the form is not valid\. Check it and try again\.$/,
    ],
    [
      500,
      { code: 'internal_error', message: 'Internal server error', correlationId: 'abc-123' },
      /^Something went wrong on the server\. .*\(reference abc-123\)\.$/,
    ],
    [
      503,
      { code: 'database_unavailable', message: 'The database is unavailable; please retry shortly' },
      /^Emerge cannot reach its database just now/,
    ],
  ])('%i %j', (status, body, plain) => {
    const text = apiErrorText(status, body);
    expect(text).toMatch(plain);
    // No permission names, no camelCase field names, a capital first and a full stop last.
    expect(text).not.toMatch(/\b[a-z]+\.[a-z]+\b|\b[a-z]+[A-Z][a-zA-Z]*\b/);
    expect(text).toMatch(/^[A-Z].*[.]$/);
  });
});

/** The message a form shows under a field (MUI helper text in the error state). */
const fieldError = (page: Page, label: string | RegExp) =>
  page
    .locator('.MuiFormControl-root, .MuiTextField-root')
    .filter({ has: page.getByLabel(label) })
    .locator('.MuiFormHelperText-root.Mui-error')
    .first();

describeBrowser('errors on screen read as sentences', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('a refused form says what to fix beside the field, in a sentence (hr creates a principal with no school)', async () => {
    const page = await newPage(browser);
    await login(page, 'hr@riverbend.example');
    await page.goto('/#/users/create');
    await page.getByLabel('Name *').fill('Pat Example');
    await page.getByLabel('Email *').fill(`pat.example.${Date.now()}@riverbend.example`);
    await page.getByLabel('Role *').click();
    await page.getByRole('option', { name: 'Principal' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    const message = page.getByText('A principal leads at least one school.');
    await message.waitFor();
    expect(await page.getByText('a principal leads at least one school', { exact: true }).count()).toBe(0);
    await shot(page, 'errors-user-principal-no-school');
    await expectAccessible(page, 'user create with a server error');
    await page.context().close();
  });

  it('a dialog shows the API’s refusal as a sentence under the field it concerns (a due date before the start)', async () => {
    const page = await newPage(browser);
    await login(page, 'coordinator@riverbend.example');
    await page.goto('/#/opportunities');
    await page.getByPlaceholder('Search titles and descriptions').fill('Aspiring leaders');
    await page.waitForURL((url) => decodeURIComponent(url.hash).includes('"q":"Aspiring leaders"'));
    await page.getByRole('link', { name: 'Aspiring leaders cohort sessions' }).click();
    await page.getByRole('button', { name: 'Assign a candidate' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/Candidate/).fill('Torres');
    // The list is searched as one types: an option of the unfiltered list may still show for a moment.
    await page
      .getByRole('option', { name: /Torres/ })
      .first()
      .click();
    await dialog.getByLabel('Due on').fill('2020-01-01');
    await dialog.getByRole('button', { name: 'Assign', exact: true }).click();
    const due = fieldError(page, 'Due on');
    await expect(due.innerText()).resolves.toBe('The due date cannot be before the opportunity starts.');
    await shot(page, 'errors-assign-due-date');
    await expectAccessible(page, 'assign dialog with a server error');
    await page.context().close();
  });

  it.each([
    ['desktop', { width: 1280, height: 860 }],
    ['phone', { width: 390, height: 844 }],
  ] as const)('on a %s, a wrong password is said in a sentence that passes axe', async (device, viewport) => {
    const context = await browser.newContext({ baseURL: baseUrl, reducedMotion: 'reduce', viewport });
    const page = await context.newPage();
    await page.goto('/#/login');
    await page.getByLabel('Email').fill('hr@riverbend.example');
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await page.getByRole('textbox', { name: 'Password' }).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Email or password is incorrect.', { exact: true }).waitFor();
    await shot(page, `errors-login-${device}`);
    await expectAccessible(page, `login error (${device})`);
    await context.close();
  });

  it('the API’s real 403 (role and permission named) becomes a sentence without them', async () => {
    const login = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'principal@riverbend.example', password: 'emerge-demo-pass' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    // A principal reads candidates but does not move them.
    const res = await fetch(`${baseUrl}/api/candidates/00000000-0000-4000-8000-000000000000/transitions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ to: 'engaged' }),
    });
    const body = (await res.json()) as { message: string; code: string };
    expect(res.status).toBe(403);
    expect(body.message).toMatch(/principal/);
    expect(apiErrorText(res.status, body)).toBe(
      'Your role cannot do this. If you need to, ask your district’s HR office.',
    );
  });
});
