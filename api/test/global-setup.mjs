// Starts PostgreSQL for the e2e run (DATABASE_URL's server, else an embedded one) and migrates a template
// database that every test file copies. Plain .mjs: Jest runs it outside the TS transform, on the built api.
import { randomBytes } from 'node:crypto';
import { migrate } from '../dist/database/database.js';
import { startScratchServer } from '../dist/database/scratch.js';

export default async function globalSetup() {
  const started = Date.now();
  const server = await startScratchServer();
  const template = `emerge_tpl_${randomBytes(4).toString('hex')}`;
  const url = await server.createDatabase(template);
  await migrate(url);
  globalThis.__emergeScratch = { server, template };
  process.env.EMERGE_TEST_TEMPLATE_URL = url;
  process.env.EMERGE_TEST_TEMPLATE = template;
  process.stdout.write(`\n[e2e] PostgreSQL ready and template migrated in ${Date.now() - started} ms\n`);
}
