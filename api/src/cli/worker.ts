import { createApp } from '../app.factory.js';
import { loadConfig } from '../config/config.js';
import { resolveJwtSecret } from '../database/database.js';
import { WorkerService } from '../jobs/worker.service.js';

/**
 * The background jobs as their own process, for installations that run several API replicas with WORKER=off:
 * `DATABASE_URL=… npm run worker` (until SIGTERM), or `-- --once` to run what is due and exit.
 */
const once = process.argv.includes('--once');
const config = { ...loadConfig(), worker: once ? ('off' as const) : ('inline' as const) };
if (!config.databaseUrl) {
  process.stderr.write('The worker needs DATABASE_URL: it joins the database the API uses.\n');
  process.exit(1);
}
const app = await createApp({ config, databaseUrl: config.databaseUrl, jwtSecret: await resolveJwtSecret(config) });
await app.init();
if (once) {
  await app.get(WorkerService).drain();
  await app.close();
} else {
  process.stdout.write('Emerge worker running; stop it with Ctrl+C or SIGTERM.\n');
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      app.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
}
