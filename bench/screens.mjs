// Time as a person sees it: headless Chromium (the one the browser tests drive) signs in to a running Emerge
// and times, per screen, from the navigation to the finished screen.
//
//   EMERGE_BASE_URL=http://… SCREENS_USERS='[{"role":"hr","email":"…"},…]' SCREENS_CANDIDATE=<id> \
//     node bench/screens.mjs [--rounds 3] [--shots DIR]
//
// `npm run bench -- --only screens` starts the production API on the generated data and runs this with the
// biggest district's hr, superintendent and a principal. Finished: the screen's own content is visible, no
// progress indicator shows, and no request is in flight; the time is when that first held, confirmed by
// 750 ms of quiet after it (the quiet itself is not counted). Each screen is measured `rounds` times after one
// unmeasured visit of the whole round (code chunks fetched once, as a person's second visit); the median is
// reported. Prints a table and one JSON line starting with {"screens". SCREENS_TRACE=1 also prints each API
// request's time on stderr.
//
// With --record, it only signs in as the first user, lets the home page finish, opens the candidates list, and
// prints the API requests the console sent after signing in (one JSON line starting with {"morning"): what the
// 8 a.m. load scenario replays for each principal (bench/src/morning.ts).
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveChromium } from '../admin-ui/e2e/chromium.mjs';
import { signIn, trackRequests } from './browser-page.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const argValue = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const rounds = Number(argValue('--rounds') ?? 3);
const shots = argValue('--shots');
const record = args.includes('--record');
const baseUrl = process.env.EMERGE_BASE_URL;
const users = JSON.parse(process.env.SCREENS_USERS ?? '[]');
const candidateId = process.env.SCREENS_CANDIDATE;
const password = process.env.SCREENS_PASSWORD ?? 'emerge-demo-pass';
if (!baseUrl || !users.length || !candidateId) throw new Error('EMERGE_BASE_URL, SCREENS_USERS and SCREENS_CANDIDATE');
const log = (s) => process.stdout.write(`${s}\n`);

const search = encodeURIComponent(JSON.stringify({ q: 'ann' }));
/** The screens, each with what shows when it has its content. */
const SCREENS = [
  { name: 'home', hash: '#/', ready: (page) => page.getByRole('heading', { name: /Welcome/ }) },
  { name: 'candidates list', hash: '#/candidates', ready: (page) => page.locator('tbody tr').first() },
  {
    name: 'candidate page',
    hash: `#/candidates/${candidateId}/show`,
    ready: (page) => page.getByRole('tab').first(),
  },
  { name: 'pipeline board', hash: '#/pipeline', ready: (page) => page.getByText(/^Identified \(\d+\)/) },
  {
    name: 'dashboard (every chart)',
    hash: '#/dashboard',
    ready: (page) => page.locator('svg.recharts-surface, [data-figure] table').first(),
    roles: ['hr', 'superintendent', 'principal'],
  },
  {
    name: 'educators, searched',
    hash: `#/educators?filter=${search}`,
    ready: (page) => page.locator('tbody tr').first(),
  },
];

/* global document, location */
async function finishedAt(page, inFlight, ready, started) {
  let since = null;
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const done =
      inFlight.size === 0 &&
      (await ready(page)
        .isVisible()
        .catch(() => false)) &&
      (await page.evaluate(
        () =>
          document.querySelectorAll('.MuiCircularProgress-root, [role="progressbar"], .MuiSkeleton-root').length === 0,
      ));
    if (done) {
      since ??= Date.now();
      if (Date.now() - since >= 750) return since - started;
    } else since = null;
    await new Promise((r) => setTimeout(r, 20));
  }
  return null;
}

const median = (xs) => {
  const s = xs.filter((x) => x !== null).sort((a, b) => a - b);
  if (!s.length) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const { chromium } = createRequire(join(root, 'admin-ui/package.json'))('playwright-core');
const browserToUse = await resolveChromium();
const browser = await chromium.launch({ executablePath: browserToUse.executablePath, args: browserToUse.args });
if (shots) mkdirSync(shots, { recursive: true });
const results = [];
if (record) {
  try {
    const user = users[0];
    const page = await (await browser.newContext({ baseURL: baseUrl })).newPage();
    const inFlight = trackRequests(page);
    let sent = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/api/') && r.method() === 'GET') sent.push(url.pathname + url.search);
    });
    page.on('request', (r) => {
      // Only what the console asks once signed in: the sign-in's own exchange is replayed as one POST.
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/auth/login') sent = [];
    });
    await page.goto('/#/login');
    await page.getByRole('button', { name: 'Continue', exact: true }).waitFor({ timeout: 60_000 });
    await finishedAt(page, inFlight, (p) => p.getByRole('button', { name: 'Continue', exact: true }), Date.now());
    await signIn(page, user.email, password);
    await finishedAt(page, inFlight, (p) => p.getByRole('heading', { level: 1 }).first(), Date.now());
    await page.evaluate(() => (location.hash = '#/candidates'));
    await finishedAt(page, inFlight, (p) => p.locator('tbody tr').first(), Date.now());
    log(JSON.stringify({ morning: sent }));
  } finally {
    await browser.close();
  }
  process.exit(0);
}
try {
  for (const user of users) {
    const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    const inFlight = trackRequests(page);
    // SCREENS_TRACE=1: each API request's time to its last byte, on stderr (where a slow screen's time goes).
    if (process.env.SCREENS_TRACE)
      page.on('requestfinished', (r) => {
        const url = new URL(r.url());
        if (url.pathname.startsWith('/api/'))
          process.stderr.write(`  ${user.role} ${url.pathname}${url.search} ${Math.round(r.timing().responseEnd)} ms\n`);
      });
    await page.goto('/#/login');
    await signIn(page, user.email, password);
    await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 60_000 });
    const screens = SCREENS.filter((s) => !s.roles || s.roles.includes(user.role));
    const times = new Map(screens.map((s) => [s.name, []]));
    for (let round = 0; round <= rounds; round++) {
      for (const screen of screens) {
        // Leave the screen first, so each measure starts from another one.
        await page.evaluate(() => (location.hash = '#/notifications'));
        await finishedAt(page, inFlight, (p) => p.getByRole('heading', { level: 1 }).first(), Date.now());
        const started = Date.now();
        await page.evaluate((hash) => (location.hash = hash), screen.hash);
        const ms = await finishedAt(page, inFlight, screen.ready, started);
        process.stderr.write(`${user.role} ${screen.name} round ${round}: ${ms ?? 'timeout'} ms\n`);
        if (ms === null && shots)
          await page.screenshot({ path: join(shots, `timeout-${user.role}-${screen.name.replace(/\W+/g, '-')}.png`) });
        if (round > 0) times.get(screen.name).push(ms);
        if (shots && round === rounds)
          await page.screenshot({ path: join(shots, `screens-${user.role}-${screen.name.replace(/\W+/g, '-')}.png`) });
      }
    }
    for (const screen of screens) {
      const ms = times.get(screen.name);
      results.push({ role: user.role, screen: screen.name, medianMs: median(ms), runsMs: ms });
    }
    await context.close();
  }
} finally {
  await browser.close();
}

log('\nrole            screen                      median ms  runs');
for (const r of results)
  log(
    `${r.role.padEnd(15)} ${r.screen.padEnd(27)} ${String(r.medianMs ?? 'timeout').padStart(9)}  ${r.runsMs.join(', ')}`,
  );
log(JSON.stringify({ screens: results, chromium: browserToUse.source }));
