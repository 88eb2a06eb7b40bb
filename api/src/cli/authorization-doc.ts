import { readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../app.factory.js';
import { renderAuthorizationDoc } from '../auth/authorization-doc.js';
import { routeInventory } from '../auth/route-inventory.js';
import { loadConfig } from '../config/config.js';
import { migrate } from '../database/database.js';
import { startScratchServer } from '../database/scratch.js';

// Writes docs/authorization.md from the running app's routes and ROLE_PERMISSIONS; with --check, fails when stale.
const check = process.argv.includes('--check');
const target = resolve(dirname(fileURLToPath(import.meta.url)), '../../../docs/authorization.md');
const server = await startScratchServer();
let code = 0;
try {
  const url = await server.createDatabase('emerge_authorization_doc');
  await migrate(url);
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    CONSOLE_DIR: '/nonexistent-console',
    WORKER: 'off',
  });
  const app = await createApp({
    config,
    databaseUrl: url,
    jwtSecret: 'authorization-doc-generation-only-not-a-secret',
  });
  const routes = routeInventory(app);
  await app.close();
  const text = renderAuthorizationDoc(routes);
  if (check) {
    const current = await readFile(target, 'utf8').catch(() => '');
    if (current !== text) {
      code = 1;
      process.stderr.write('docs/authorization.md is stale: run npm run authz:doc and commit it.\n');
    } else process.stdout.write('docs/authorization.md is up to date.\n');
  } else {
    await writeFile(target, text);
    process.stdout.write(`Wrote docs/authorization.md (${routes.length} routes).\n`);
  }
} finally {
  await server.stop();
}
process.exit(code);
