// What the bench's browser scripts (console-size.mjs, screens.mjs) do to a page alike.

/** The requests in flight on `page` (a live set), and page errors on stderr. */
export function trackRequests(page) {
  const inFlight = new Set();
  page.on('request', (r) => inFlight.add(r));
  page.on('requestfinished', (r) => inFlight.delete(r));
  page.on('requestfailed', (r) => inFlight.delete(r));
  page.on('pageerror', (e) => process.stderr.write(`[page error] ${e.message}\n`));
  return inFlight;
}

/** Fills the sign-in page (email first, then the password the district offers) and submits it. */
export async function signIn(page, email, password) {
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await page.getByRole('textbox', { name: 'Password' }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
