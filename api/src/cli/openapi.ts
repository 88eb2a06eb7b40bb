import { readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildOpenApi, createApp } from '../app.factory.js';
import { loadConfig } from '../config/config.js';
import { migrate } from '../database/database.js';
import { startScratchServer } from '../database/scratch.js';

// Writes docs/openapi.json from the running app's decorators; with --check, fails when the committed file is stale.
const check = process.argv.includes('--check');
const target = resolve(dirname(fileURLToPath(import.meta.url)), '../../../docs/openapi.json');
const server = await startScratchServer();
let code = 0;
try {
  const url = await server.createDatabase('emerge_openapi');
  await migrate(url);
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    CONSOLE_DIR: '/nonexistent-console',
    WORKER: 'off',
  });
  const app = await createApp({ config, databaseUrl: url, jwtSecret: 'openapi-generation-only-not-a-secret' });
  const text = `${JSON.stringify(buildOpenApi(app), null, 2)}\n`;
  await app.close();
  if (check) {
    const current = await readFile(target, 'utf8').catch(() => '');
    if (current !== text) {
      code = 1;
      process.stderr.write('docs/openapi.json is stale: run npm run openapi and commit it.\n');
    } else process.stdout.write('docs/openapi.json is up to date.\n');
  } else {
    await writeFile(target, text);
    process.stdout.write(`Wrote docs/openapi.json (${Object.keys(JSON.parse(text).paths).length} paths).\n`);
  }
} finally {
  await server.stop();
}
process.exit(code);
