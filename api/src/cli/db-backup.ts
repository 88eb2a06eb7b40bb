import { ConfigError, loadConfig } from '../config/config.js';
import {
  BackupError,
  formatBytes,
  formatSeconds,
  invocationDir,
  resolveOutput,
} from '../database/backup/backup-common.js';
import { backupEmbedded } from '../database/backup/embedded-backup.js';
import { backupServer } from '../database/backup/server-backup.js';

// npm run db:backup -- [--out <file-or-folder>]: pg_dump with DATABASE_URL, else a cold copy of the embedded cluster.
const usage = 'Usage: npm run db:backup -- [--out <file or folder>]';
const args = process.argv.slice(2);
let out: string | undefined;
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--out' && args[i + 1]) out = args[++i];
  else if (a.startsWith('--out=') && a.length > 6) out = a.slice(6);
  else if (a === '--help' || a === '-h') {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  } else {
    process.stderr.write(`Unknown argument ${a}. ${usage}\n`);
    process.exit(2);
  }
}

const log = (line: string) => process.stdout.write(`${line}\n`);
try {
  // Only the database settings matter here (a backup must not need JWT_SECRET).
  const { DATABASE_URL, EMERGE_DATA_DIR, EMBEDDED_PG_PORT } = process.env;
  const config = loadConfig({ DATABASE_URL, EMERGE_DATA_DIR, EMBEDDED_PG_PORT });
  const now = new Date();
  const base = invocationDir();
  if (config.databaseUrl) {
    const file = await resolveOutput(out, base, '.dump', now);
    const r = await backupServer(config.databaseUrl, file, log);
    log(`Backup written: ${r.file} (${formatBytes(r.bytes)}, ${formatSeconds(r.ms)}).`);
    log(`Restore it with the same DATABASE_URL, Emerge stopped: npm run db:restore -- ${r.file}`);
  } else {
    const file = await resolveOutput(out, base, '.tar.gz', now);
    const r = await backupEmbedded(config.dataDir, file, log);
    log(`Backup written: ${r.file} (${formatBytes(r.bytes)}, ${formatSeconds(r.ms)}).`);
    log(`Restore it with Emerge stopped: npm run db:restore -- ${r.file}`);
  }
  process.exit(0);
} catch (e) {
  if (e instanceof BackupError || e instanceof ConfigError)
    process.stderr.write(`Backup failed: ${e.message.replace(/\.$/, '')}.\n`);
  else process.stderr.write(`Backup failed: ${(e as Error)?.stack ?? String(e)}\n`);
  process.exit(1);
}
