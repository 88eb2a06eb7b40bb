import { resolve } from 'node:path';
import { ConfigError, loadConfig } from '../config/config.js';
import { BackupError, formatSeconds, invocationDir } from '../database/backup/backup-common.js';
import { restoreEmbedded } from '../database/backup/embedded-backup.js';
import { restoreServer } from '../database/backup/server-backup.js';

// npm run db:restore -- <backup>: pg_restore with DATABASE_URL, else replaces the embedded cluster.
const usage = 'Usage: npm run db:restore -- <backup file>';
const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
if (args.length !== 1 || args[0]!.startsWith('-')) {
  process.stderr.write(`${usage}\n`);
  process.exit(2);
}

const log = (line: string) => process.stdout.write(`${line}\n`);
try {
  const { DATABASE_URL, EMERGE_DATA_DIR, EMBEDDED_PG_PORT } = process.env;
  const config = loadConfig({ DATABASE_URL, EMERGE_DATA_DIR, EMBEDDED_PG_PORT });
  const file = resolve(invocationDir(), args[0]!);
  if (config.databaseUrl) {
    const r = await restoreServer(config.databaseUrl, file, log);
    log(`Restored in ${formatSeconds(r.ms)}. Start Emerge; it applies any newer migrations at start.`);
  } else {
    const r = await restoreEmbedded(config.dataDir, file, log);
    log(`Restored in ${formatSeconds(r.ms)}. Start Emerge with npm start; it applies any newer migrations at start.`);
  }
  process.exit(0);
} catch (e) {
  if (e instanceof BackupError || e instanceof ConfigError)
    process.stderr.write(`Restore failed: ${e.message.replace(/\.$/, '')}.\n`);
  else process.stderr.write(`Restore failed: ${(e as Error)?.stack ?? String(e)}\n`);
  process.exit(1);
}
