import { open, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';

/** A problem the operator can fix: printed as one sentence, without a stack trace. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export type Log = (line: string) => void;

export function formatBytes(n: number): string {
  if (n < 1000) return `${n} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let v = n / 1000;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

export const formatSeconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** 2026-11-05T10-30-15Z: sortable and safe in file names everywhere. */
export const fileStamp = (d: Date) =>
  d
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');

/**
 * Where to write: no `--out` → `<base>/backups/emerge-<stamp><ext>`; an existing folder (or a path ending
 * in a slash) → a new file in it; anything else is the file itself. Relative paths resolve against `base`.
 */
export async function resolveOutput(out: string | undefined, base: string, ext: string, now: Date): Promise<string> {
  const name = `emerge-${fileStamp(now)}${ext}`;
  if (!out) return join(base, 'backups', name);
  const target = resolve(base, out);
  const isDir = await stat(target).then(
    (s) => s.isDirectory(),
    () => false,
  );
  return isDir || out.endsWith('/') || out.endsWith(sep) ? join(target, name) : target;
}

export type BackupKind = 'embedded' | 'pg_dump' | 'unknown';

/** Our embedded backups are gzip (1f 8b); `pg_dump -Fc` archives start with "PGDMP". */
export async function sniffBackup(file: string): Promise<BackupKind> {
  const handle = await open(file, 'r').catch((e: NodeJS.ErrnoException) => {
    throw new BackupError(
      e.code === 'ENOENT' ? `There is no file ${file}` : `Cannot read ${file} (${e.code ?? e.message})`,
    );
  });
  try {
    const head = Buffer.alloc(5);
    const { bytesRead } = await handle.read(head, 0, 5, 0);
    if (bytesRead >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'embedded';
    if (bytesRead === 5 && head.toString('latin1') === 'PGDMP') return 'pg_dump';
    return 'unknown';
  } finally {
    await handle.close();
  }
}

/** Relative paths on the command line mean the folder npm was started from, not the package folder. */
export const invocationDir = () => process.env.INIT_CWD || process.cwd();
