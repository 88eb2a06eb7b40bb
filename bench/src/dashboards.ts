import type { RecordedQuery } from '@emerge/api';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { median } from './harness.js';

export interface DashboardFigures {
  name: string;
  url: string;
  apiP50: number;
  sqlP50: number;
  diff: number;
  ratio: number;
  /** Within 1.5× of its SQL, or at most 5 ms over it when the SQL takes under 10 ms (issue #7). */
  met: boolean;
}

const WARMUP = 1;
const SAMPLES = 9;

/**
 * Each dashboard request one at a time through the API, then its recorded statements one at a time on one
 * connection (the same SQL and parameters, the user check included): the p50 of each and their difference.
 */
export async function benchDashboards(
  databaseUrl: string,
  apiUrl: string,
  items: { name: string; url: string; token: string; statements: RecordedQuery[] }[],
): Promise<DashboardFigures[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const out: DashboardFigures[] = [];
    for (const item of items) {
      const api: number[] = [];
      for (let i = 0; i < WARMUP + SAMPLES; i++) {
        const t0 = performance.now();
        const res = await fetch(apiUrl + item.url, { headers: { authorization: `Bearer ${item.token}` } });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${item.url}: ${res.status}`);
        if (i >= WARMUP) api.push(performance.now() - t0);
      }
      const sql: number[] = [];
      for (let i = 0; i < WARMUP + SAMPLES; i++) {
        const t0 = performance.now();
        for (const s of item.statements) await client.query(s.sql, s.parameters);
        if (i >= WARMUP) sql.push(performance.now() - t0);
      }
      const apiP50 = median(api);
      const sqlP50 = median(sql);
      const diff = apiP50 - sqlP50;
      const ratio = apiP50 / sqlP50;
      out.push({
        name: item.name,
        url: item.url,
        apiP50,
        sqlP50,
        diff,
        ratio,
        met: ratio <= 1.5 || (sqlP50 < 10 && diff <= 5),
      });
    }
    return out;
  } finally {
    await client.end();
  }
}
