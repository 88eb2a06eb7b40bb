// `npm start`: build what is missing or stale, then run the demo server. Plain JS so it runs before any build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

// Before anything else: an older Node than package.json's engines asks for would fail later, and less clearly.
// The minimum is the first version in the range (">=20.19" → 20.19.0).
const minimum = /\d+(?:\.\d+){0,2}/.exec(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines.node)[0];
const [have, need] = [process.versions.node, minimum].map((v) => [...v.split('.').map(Number), 0, 0]);
if ((have[0] - need[0] || have[1] - need[1] || have[2] - need[2]) < 0) {
  process.stderr.write(
    `Emerge needs Node.js ${minimum} or newer, but this is Node.js ${process.versions.node}: install a newer Node.js (see README.md) and run npm start again.\n`,
  );
  process.exit(1);
}

function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

// In dependency order; a workspace is rebuilt when its output is missing or older than its sources.
const workspaces = [
  { name: 'migrations', src: ['src'], out: 'dist/index.js' },
  { name: 'api', src: ['src'], out: 'dist/main.js' },
  { name: 'seeds', src: ['src'], out: 'dist/start.js' },
  { name: 'admin-ui', src: ['src', 'index.html', 'public'], out: 'dist/index.html' },
];
let rebuilt = false;
for (const ws of workspaces) {
  const out = join(root, ws.name, ws.out);
  const srcTime = Math.max(
    ...ws.src
      .map((s) => join(root, ws.name, s))
      .filter(existsSync)
      .map((p) => (statSync(p).isDirectory() ? newest(p) : statSync(p).mtimeMs)),
  );
  if (!rebuilt && existsSync(out) && statSync(out).mtimeMs >= srcTime) continue;
  rebuilt = true; // a rebuilt dependency makes everything after it stale
  process.stdout.write(`Building ${ws.name}…\n`);
  // The build's own output (file lists, sizes) is only worth reading when it fails.
  const r = spawnSync('npm', ['run', 'build', '--silent', '-w', ws.name], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) {
    process.stderr.write(`${r.stdout ?? ''}${r.stderr ?? ''}`);
    process.stderr.write(`Emerge could not start: building ${ws.name} failed (see above).\n`);
    process.exit(1);
  }
}
await import(join(root, 'seeds/dist/start.js'));
