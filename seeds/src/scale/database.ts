import { startEmbeddedPostgres } from '@emerge/api';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Where generated data lives without DATABASE_URL: a cluster of its own, so the demo database is untouched. */
export const SCALE_DATA_DIR = resolve(process.env.EMERGE_SCALE_DATA_DIR ?? resolve(root, '.data/scale'));
export const SCALE_PG_PORT = Number(process.env.SCALE_PG_PORT ?? 54339);

export interface ScaleDatabase {
  /** The generated database (`emerge` in the scale cluster, or DATABASE_URL). */
  url: string;
  /** The cluster's maintenance database, to create scratch databases next to it. */
  adminUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** Starts the scale cluster (or uses DATABASE_URL); `settings` are server options for this run only. */
export async function openScaleDatabase(settings: Record<string, string> = {}): Promise<ScaleDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const admin = new URL(external);
    admin.pathname = '/postgres';
    return { url: external, adminUrl: admin.toString(), embedded: false, stop: async () => undefined };
  }
  const db = await startEmbeddedPostgres({
    dataDir: SCALE_DATA_DIR,
    port: SCALE_PG_PORT,
    database: 'postgres',
    settings,
  });
  const url = new URL(db.url);
  url.pathname = '/emerge';
  return { url: url.toString(), adminUrl: db.url, embedded: true, stop: () => db.stop() };
}
