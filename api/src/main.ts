import 'reflect-metadata';
import { exitOnStartupError, startServer } from './server.js';

// The plain production entry: no demo data. `npm start` runs seeds/bin/start.mjs instead.
startServer().catch(exitOnStartupError);
