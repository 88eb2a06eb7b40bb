import { startScratchServer } from '../database/scratch.js';
import { schemaDiff } from './schema-diff.js';

// Fails when the entities and the migrations disagree: migrate an empty database, then diff.
const server = await startScratchServer();
let code = 0;
try {
  const url = await server.createDatabase('emerge_drift_check');
  const { up } = await schemaDiff(url);
  if (up.length > 0) {
    code = 1;
    process.stderr.write(
      `Entities and migrations have drifted; run npm run db:migration:generate -- <Name>. Pending SQL:\n${up.join(';\n')};\n`,
    );
  } else {
    process.stdout.write('Entities and migrations agree.\n');
  }
} finally {
  await server.stop();
}
process.exit(code);
