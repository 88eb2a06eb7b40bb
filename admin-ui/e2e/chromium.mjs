// Which Chromium the browser tests (and bench/console-size.mjs) drive, first found wins:
//   1. CHROME_PATH;
//   2. a system Chromium on PATH (Debian's `chromium`, or `chromium-browser`, `google-chrome[-stable]`);
//   3. the build shipped inside the @sparticuz/chromium npm package (an admin-ui dev dependency), so a plain
//      `npm install` is all a newcomer or CI needs. It is unpacked once per package version under
//      node_modules/.cache, into a staging folder renamed into place when complete: an interrupted unpack is
//      never reused, and a new pinned version never runs an old binary.
// Plain JS: Jest's global set-up runs it outside the TS transform.
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { delimiter, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Flags every launch passes, whichever Chromium it is. */
export const baseArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const systemNames = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

// @sparticuz/chromium's flags are for a serverless sandbox. Left out here:
// --single-process: the browser dies when the first context closes;
// --disable-features/--enable-features: Chromium keeps only the last of a repeated switch, so these would replace
//   Playwright's own feature lists;
// the ones that loosen web security: the tests should see what a person's browser enforces.
const droppedSwitches = new Set([
  '--single-process',
  '--disable-features',
  '--enable-features',
  '--disable-web-security',
  '--allow-running-insecure-content',
  '--disable-site-isolation-trials',
]);

const switchName = (arg) => arg.split('=')[0];

/** baseArgs plus `extra`, without a switch that baseArgs already sets or that is dropped above. */
export function mergeArgs(extra) {
  const taken = new Set(baseArgs.map(switchName));
  return [...baseArgs, ...extra.filter((a) => !taken.has(switchName(a)) && !droppedSwitches.has(switchName(a)))];
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

function packageDir(entry) {
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === '@sparticuz/chromium') return dir;
  }
  throw new Error(`No package.json of @sparticuz/chromium above ${entry}`);
}

async function fromNpm() {
  let entry;
  try {
    entry = fileURLToPath(import.meta.resolve('@sparticuz/chromium'));
  } catch {
    return undefined; // not installed (e.g. npm install --omit=dev)
  }
  const dir = packageDir(entry);
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const cacheRoot = join(dir, '../../.cache/emerge-chromium');
  const target = join(cacheRoot, version);
  const { default: sparticuz } = await import('@sparticuz/chromium');
  if (!existsSync(join(target, 'chromium'))) {
    // The package unpacks into os.tmpdir() and reuses whatever `chromium` it finds there: point it at an empty
    // staging folder for the unpack only.
    mkdirSync(cacheRoot, { recursive: true });
    const staging = mkdtempSync(join(cacheRoot, `${version}-unpacking-`));
    const saved = process.env.TMPDIR;
    try {
      process.env.TMPDIR = staging;
      await sparticuz.executablePath();
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
    try {
      renameSync(staging, target);
    } catch (e) {
      rmSync(staging, { recursive: true, force: true });
      if (!existsSync(join(target, 'chromium'))) throw e; // another run unpacked it first: use that one
    }
  }
  return {
    executablePath: join(target, 'chromium'),
    args: mergeArgs(sparticuz.args),
    source: `@sparticuz/chromium ${version} from npm (${relative(process.cwd(), join(target, 'chromium'))})`,
  };
}

/**
 * The Chromium to launch: `{ executablePath, args, source }`, or undefined when there is none (no CHROME_PATH, no
 * system Chromium, @sparticuz/chromium not installed).
 */
export async function resolveChromium() {
  const explicit = process.env.CHROME_PATH;
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`CHROME_PATH is set to ${explicit}, which does not exist`);
    return { executablePath: explicit, args: baseArgs, source: `CHROME_PATH (${explicit})` };
  }
  for (const name of systemNames) {
    const found = onPath(name);
    if (found) return { executablePath: found, args: baseArgs, source: `system ${name} (${found})` };
  }
  return fromNpm();
}
