// How much JavaScript the console makes a browser fetch, gzip level 9, in bytes (1 kB = 1000 bytes).
//
//   node bench/console-size.mjs [--dist admin-ui/dist] [--static-only] [--shots DIR]
//
// Run it after `npm run build`. It reports
//   (a) before login: the JS the browser needs to render the sign-in screen. Computed statically from
//       dist/index.html and the Vite manifest (the entry, its static imports, every modulepreload), and, when
//       Chromium is available, also observed in a real browser on /#/login; the larger of the two counts.
//   (b) after login: the further JS fetched when the superintendent signs in and the home page (the dashboard,
//       charts included) has settled, observed in headless Chromium against the production server.
// It starts that server the way the browser tests do (seeds/dist/start.js on free ports, with a throw-away
// embedded PostgreSQL in a temporary folder), unless EMERGE_BASE_URL points at a running one. Chromium is the one the
// browser tests pick (admin-ui/e2e/chromium.mjs: CHROME_PATH, a system Chromium, else the npm-shipped one), driven by
// their playwright-core; without one only (a) is measured statically. Exits 1 when (a) exceeds the target.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { resolveChromium } from '../admin-ui/e2e/chromium.mjs';
import { signIn, trackRequests } from './browser-page.mjs';

const TARGET = 330_000;
const GZIP_LEVEL = 9;
const SUPERINTENDENT = 'superintendent@riverbend.example';
const DEMO_PASSWORD = 'emerge-demo-pass';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const argValue = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const dist = resolve(root, argValue('--dist') ?? 'admin-ui/dist');
const staticOnly = args.includes('--static-only');
const shots = argValue('--shots'); // a folder for PNGs of the two screens measured, to check they really rendered

const gzip = (buf) => gzipSync(buf, { level: GZIP_LEVEL }).length;
const kB = (n) => (n / 1000).toFixed(1);
const log = (s) => process.stdout.write(`${s}\n`);

// ---------- (a) statically: index.html + manifest ----------

function staticBeforeLogin() {
  const htmlPath = join(dist, 'index.html');
  if (!existsSync(htmlPath)) throw new Error(`No ${htmlPath}: build first (npm run build)`);
  const html = readFileSync(htmlPath, 'utf8');
  const fromHtml = [
    ...[...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]),
    ...[...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]),
  ].map((u) => u.replace(/^\//, ''));
  const files = new Set(fromHtml);
  const manifestPath = join(dist, '.vite/manifest.json');
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    const seen = new Set();
    const visit = (key) => {
      const chunk = manifest[key];
      if (!chunk || seen.has(key)) return;
      seen.add(key);
      files.add(chunk.file);
      for (const dep of chunk.imports ?? []) visit(dep);
    };
    for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  } else {
    // An older build without `build.manifest`: follow the static `import … from "./x.js"` of each chunk.
    log('(no .vite/manifest.json: following static imports in the chunks instead)');
    const queue = [...files];
    while (queue.length) {
      const file = queue.pop();
      const code = readFileSync(join(dist, file), 'utf8');
      for (const m of code.matchAll(/\bimport\s*(?:[\w$*{},\s]+from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)) {
        const dep = join(dirname(file), m[1]);
        if (!files.has(dep)) {
          files.add(dep);
          queue.push(dep);
        }
      }
    }
  }
  return [...files].filter((f) => f.endsWith('.js'));
}

// ---------- (a) and (b) in the browser ----------

function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

/** The production server as the browser tests start it: built API + console + demo data, its own database. */
async function startApp() {
  if (!existsSync(join(root, 'seeds/dist/start.js'))) throw new Error('No seeds/dist/start.js: run npm run build');
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'emerge-console-size-'));
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
    NODE_ENV: 'development',
    CONSOLE_DIR: dist,
    EMERGE_DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(await freePort()),
  };
  delete env.DATABASE_URL; // never seed the demo into someone's database
  const child = spawn(process.execPath, [join(root, 'seeds/dist/start.js')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`The app exited during start-up:\n${output}`);
    }
    if (Date.now() - started > 90_000) {
      await stop();
      throw new Error(`The app did not start within 90 s:\n${output}`);
    }
    const ok = await fetch(`${baseUrl}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return { baseUrl, stop };
}

/**
 * Waits until the screen has loaded what it asks for: no loading indicators and no request in flight for a
 * second. (Playwright's 'networkidle' load state is reached once per document, so it says nothing about a
 * single-page app's later screens.)
 */
/* global document */
async function settle(page, inFlight) {
  await page
    .waitForFunction(
      () =>
        document.querySelectorAll('.MuiCircularProgress-root, [role="progressbar"]').length === 0 &&
        !document.body.innerText.includes('Loading…'),
      undefined,
      { timeout: 30_000 },
    )
    .catch(() => log('(still loading after 30 s; measuring anyway)'));
  let quietSince = Date.now();
  const deadline = Date.now() + 30_000;
  while (Date.now() - quietSince < 1000 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    if (inFlight.size > 0) quietSince = Date.now();
  }
}

/** Resolves once every body read started so far (including ones started while waiting) has finished. */
async function drain(pending) {
  for (let n = -1; n !== pending.length;) {
    n = pending.length;
    await Promise.all(pending);
  }
}

async function browserRun(browserToUse) {
  // The browser tests' own playwright-core (admin-ui's dev dependency, hoisted or not).
  const { chromium } = createRequire(join(root, 'admin-ui/package.json'))('playwright-core');
  const app = process.env.EMERGE_BASE_URL
    ? { baseUrl: process.env.EMERGE_BASE_URL, stop: async () => {} }
    : await startApp();
  log(`Chromium: ${browserToUse.source}`);
  const browser = await chromium.launch({ executablePath: browserToUse.executablePath, args: browserToUse.args });
  if (shots) mkdirSync(shots, { recursive: true });
  try {
    const context = await browser.newContext({ baseURL: app.baseUrl, viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    let phase = 'before';
    const scripts = new Map(); // path → { phase, gzip, raw }
    const pending = [];
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      const path = new URL(response.url()).pathname.replace(/^\//, '');
      if (scripts.has(path)) return;
      const entry = { phase, raw: 0, gzip: 0 };
      scripts.set(path, entry);
      pending.push(
        response.body().then(
          (body) => {
            entry.raw = body.length;
            entry.gzip = gzip(body);
          },
          () => undefined,
        ),
      );
    });
    const inFlight = trackRequests(page);

    await page.goto('/#/login');
    await page.getByRole('button', { name: 'Continue', exact: true }).waitFor({ timeout: 30_000 });
    await settle(page, inFlight);
    await drain(pending);
    if (shots) await page.screenshot({ path: join(shots, 'console-size-login.png') });

    phase = 'after';
    await signIn(page, SUPERINTENDENT, DEMO_PASSWORD);
    await page
      .getByRole('heading', { name: /Welcome/ })
      .waitFor({ timeout: 30_000 })
      .catch(async (e) => {
        if (shots) await page.screenshot({ path: join(shots, 'console-size-failed.png') });
        throw e;
      });
    await settle(page, inFlight);
    await drain(pending);
    if (shots) await page.screenshot({ path: join(shots, 'console-size-home.png'), fullPage: true });
    return scripts;
  } finally {
    await browser.close();
    await app.stop();
  }
}

// ---------- report ----------

const assets = join(dist, 'assets');
const chunks = readdirSync(assets)
  .filter((f) => f.endsWith('.js'))
  .map((f) => {
    const body = readFileSync(join(assets, f));
    return { file: `assets/${f}`, raw: body.length, gzip: gzip(body) };
  });
const byFile = new Map(chunks.map((c) => [c.file, c]));
const staticFiles = new Set(staticBeforeLogin());
const staticBefore = [...staticFiles].reduce((n, f) => n + (byFile.get(f)?.gzip ?? 0), 0);

let observed = null;
const browserToUse = staticOnly ? undefined : await resolveChromium();
if (staticOnly) log('--static-only: no browser run');
else if (!browserToUse) log('No Chromium (run npm install, or set CHROME_PATH): static figures only');
else observed = await browserRun(browserToUse);

const when = (file) => {
  const seen = observed?.get(file)?.phase;
  if (seen) return seen === 'before' ? 'before login' : 'after login';
  if (staticFiles.has(file)) return 'before login (static)';
  return observed ? 'not fetched' : 'lazy';
};
log(`\nConsole JS in ${dist} (gzip level ${GZIP_LEVEL}; 1 kB = 1000 B)\n`);
log(`${'chunk'.padEnd(48)} ${'raw kB'.padStart(8)} ${'gzip kB'.padStart(8)}  loaded`);
for (const c of chunks.sort((a, b) => b.gzip - a.gzip))
  log(`${c.file.padEnd(48)} ${kB(c.raw).padStart(8)} ${kB(c.gzip).padStart(8)}  ${when(c.file)}`);

const sum = (p) => [...(observed?.values() ?? [])].filter((s) => s.phase === p).reduce((n, s) => n + s.gzip, 0);
const observedBefore = observed ? sum('before') : null;
const after = observed ? sum('after') : null;
const before = Math.max(staticBefore, observedBefore ?? 0);
log('');
log(`before login, static (entry + imports + modulepreloads): ${kB(staticBefore)} kB gzip`);
if (observed) {
  log(`before login, observed on /#/login:                      ${kB(observedBefore)} kB gzip`);
  log(`after login (superintendent home), further JS:           ${kB(after)} kB gzip`);
  log(`logged-in total:                                         ${kB(before + after)} kB gzip`);
}
log(`target before login:                                     ${kB(TARGET)} kB gzip\n`);
log(
  JSON.stringify({
    consoleBeforeLoginGzipBytes: before,
    consoleAfterLoginGzipBytes: after,
    consoleLoggedInTotalGzipBytes: after === null ? null : before + after,
    target: TARGET,
    gzipLevel: GZIP_LEVEL,
  }),
);
if (before > TARGET) {
  process.stderr.write(`FAIL: ${before} bytes of JS before login exceed the target of ${TARGET}\n`);
  process.exitCode = 1;
}
