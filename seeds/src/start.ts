import { createDataSource, exitOnStartupError, startServer } from '@emerge/api';
import { loadReferenceData } from './reference/load-reference.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoIfEmpty } from './scenarios/demo-district.js';

// What `npm start` runs: the API and console, with the demo district loaded into an empty database.
startServer({
  prepare: async (url, config) => {
    const ds = createDataSource(url);
    await ds.initialize();
    try {
      // Reference data on every start (idempotent); the demo only outside production, on an empty database.
      await ds.transaction((m) => loadReferenceData(m));
      if (config.nodeEnv === 'production') return;
      const loaded = await seedDemoIfEmpty(ds);
      process.stdout.write(
        loaded ? 'Loaded the demo districts (Riverbend, Lakeside).\n' : 'Demo data already present; reusing it.\n',
      );
    } finally {
      await ds.destroy();
    }
  },
  banner: (url) => [
    '',
    `Emerge is running: ${url}`,
    `  API ${url}/api   docs ${url}/api/docs   health ${url}/api/health`,
    '',
    `Demo logins (password ${DEMO_PASSWORD}):`,
    ...DEMO_ACCOUNTS.map((a) => `  ${a.email.padEnd(34)} ${a.role.padEnd(15)} ${a.note}`),
    '',
    'Press Ctrl-C to stop.',
  ],
}).catch(exitOnStartupError);
