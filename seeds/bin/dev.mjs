// `npm run dev`: the API rebuilt and restarted on change (tsc --watch + node --watch) and the console
// with hot reload on http://localhost:5173 (Vite proxies /api to the API on PORT, default 3000).
import { spawn, spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const run = (cmd, args, opts = {}) => spawn(cmd, args, { cwd: root, stdio: 'inherit', ...opts });

if (
  spawnSync('npm', ['run', 'build', '--silent', '-w', 'migrations', '-w', 'api', '-w', 'seeds'], {
    cwd: root,
    stdio: 'inherit',
  }).status !== 0
)
  process.exit(1);
const children = [
  run('npx', ['tsc', '--watch', '--preserveWatchOutput', '-p', 'api/tsconfig.build.json']),
  run(process.execPath, ['--watch-path=api/dist', '--watch-path=seeds/dist', 'seeds/dist/start.js']),
  run('npx', ['vite', '--port', '5173'], { cwd: resolve(root, 'admin-ui') }),
];
process.stdout.write('\nConsole with hot reload: http://localhost:5173 (API on its own port, see below)\n\n');
const stop = () => {
  for (const c of children) c.kill('SIGTERM');
  setTimeout(() => process.exit(0), 3000).unref();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
