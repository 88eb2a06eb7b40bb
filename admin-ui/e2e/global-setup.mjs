// Starts the whole app as `npm start` does (built API + console + demo data) on free ports, with its own
// database: a fresh embedded cluster in a temporary folder, or a fresh database on DATABASE_URL's server.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startScratchServer } from '../../api/dist/database/scratch.js';
import { resolveChromium } from './chromium.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export default async function globalSetup() {
  const chromium = await resolveChromium();
  if (!chromium) {
    const message = 'No Chromium found (run npm install: it brings @sparticuz/chromium; or set CHROME_PATH).';
    if (process.env.CI) throw new Error(`BROWSER TESTS CANNOT RUN IN CI: ${message}`);
    process.stdout.write(`\n\n!!!!!!!!!!\n!! BROWSER TESTS SKIPPED: ${message}\n!!!!!!!!!!\n\n`);
    return;
  }
  if (!existsSync(join(root, 'admin-ui/dist/index.html')) || !existsSync(join(root, 'seeds/dist/start.js'))) {
    throw new Error('Build first: npm run build (npm test does it)');
  }
  const port = await freePort();
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    // Single sign-on's redirect URI: the address the browser uses (its cookies are per host).
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
    NODE_ENV: 'development',
    // Every journey signs in from this one address.
    LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
    // The framework test's CASE server listens on loopback, which the import refuses by default.
    CASE_FETCH_ALLOW: '127.0.0.1',
  };
  let scratch;
  let dataDir;
  if (process.env.DATABASE_URL) {
    scratch = await startScratchServer(process.env.DATABASE_URL);
    env.DATABASE_URL = await scratch.createDatabase(`emerge_browser_${randomBytes(4).toString('hex')}`);
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'emerge-browser-'));
    env.EMERGE_DATA_DIR = dataDir;
    env.EMBEDDED_PG_PORT = String(await freePort());
  }
  const started = Date.now();
  const child = spawn(process.execPath, [join(root, 'seeds/dist/start.js')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The app exited during start-up:\n${output}`);
    if (Date.now() - started > 90_000) throw new Error(`The app did not start within 90 s:\n${output}`);
    const ok = await fetch(`${baseUrl}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  process.stdout.write(`\n[browser] app ready at ${baseUrl} in ${Date.now() - started} ms\n`);
  process.stdout.write(`[browser] Chromium: ${chromium.source}\n`);
  process.env.EMERGE_BASE_URL = baseUrl;
  process.env.EMERGE_CHROMIUM = chromium.executablePath;
  process.env.EMERGE_CHROMIUM_ARGS = JSON.stringify(chromium.args);
  globalThis.__emergeBrowserApp = {
    child,
    dataDir,
    scratch,
    dbUrl: env.DATABASE_URL,
    cleanupDir: () => dataDir && rmSync(dataDir, { recursive: true, force: true }),
  };
}
