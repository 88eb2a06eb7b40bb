// Scratch databases next to the scale data, for the import benches: each run makes its databases from a
// template and drops them afterwards.
import { readFileSync } from 'node:fs';
import pg from 'pg';

export const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
export const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

export function urlFor(adminUrl: string, database: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function recreate(adminUrl: string, name: string, template?: string): Promise<string> {
  await withClient(adminUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${quote(name)}${template ? ` TEMPLATE ${quote(template)}` : ''}`);
  });
  return urlFor(adminUrl, name);
}

export async function drop(adminUrl: string, ...names: string[]): Promise<void> {
  await withClient(adminUrl, async (c) => {
    for (const n of names) await c.query(`DROP DATABASE IF EXISTS ${quote(n)} WITH (FORCE)`);
  });
}

/** Deterministic 32-bit PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
