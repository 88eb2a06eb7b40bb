import type { ScratchServer } from '@emerge/api';
import { createApp, loadConfig, startScratchServer } from '@emerge/api';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { generateScale, type ScaleSummary } from '../src/scale/generate.js';
import type { Tier } from '../src/scale/tiers.js';
import { apportion, TIERS } from '../src/scale/tiers.js';
import { DEMO_PASSWORD } from '../src/scenarios/demo-district.js';

// A tier small enough for every test run, with the shape of the real ones (skewed districts, paused and
// exited candidates, more transitions than stage paths need).
const TINY: Tier = {
  name: 'tiny',
  districts: 3,
  schools: 9,
  educators: 400,
  nominations: 90,
  evidence: 2_000,
  transitions: 700,
  positions: 20,
  audit: 3_000,
  skew: 1,
};
const AS_OF = Date.parse('2026-11-01T00:00:00Z');

describe('scale generator', () => {
  let server: ScratchServer;
  const runs: Record<string, { url: string; summary: ScaleSummary }> = {};

  beforeAll(async () => {
    server = await startScratchServer();
    for (const [name, seed] of [
      ['a', 1],
      ['b', 1],
      ['c', 2],
    ] as const) {
      const url = await server.createDatabase(`emerge_scale_${name}`);
      runs[name] = { url, summary: await generateScale({ url, tier: TINY, seed, asOf: AS_OF, dbChecksum: true }) };
    }
  }, 240_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('loads the rows the tier asks for', () => {
    const rows = Object.fromEntries(runs.a!.summary.tables.map((t) => [t.table, t.rows]));
    expect(rows).toMatchObject({
      districts: 3,
      schools: 9,
      educators: 400,
      nominations: 90,
      evidence: 2_000,
      positions: 20,
      audit_log: 3_000,
    });
    // Odd remainders are not split into half a pause/resume pair.
    expect(rows.stage_transitions).toBeGreaterThanOrEqual(699);
    expect(rows.stage_transitions).toBeLessThanOrEqual(700);
  });

  it('gives identical tables for the same seed, read back from the database, and different ones for another', () => {
    expect(runs.b!.summary.tables).toEqual(runs.a!.summary.tables);
    expect(runs.b!.summary.checksum).toBe(runs.a!.summary.checksum);
    expect(runs.c!.summary.checksum).not.toBe(runs.a!.summary.checksum);
  });

  it('leaves the audit triggers on and the data usable by the app', async () => {
    const client = new pg.Client({ connectionString: runs.a!.url });
    await client.connect();
    try {
      const { rows: triggers } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_trigger WHERE tgname LIKE 'audit_%' AND tgenabled <> 'O'`,
      );
      expect(triggers[0]!.n).toBe(0);
      const { rows: expected } = await client.query<{ stage: string; n: number }>(
        `SELECT c.stage::text AS stage, count(*)::int AS n FROM candidates c JOIN districts d ON d.id = c.district_id
          WHERE d.slug = 'd0001' GROUP BY c.stage`,
      );
      const app = await createApp({
        config: loadConfig({
          NODE_ENV: 'test',
          LOG_LEVEL: 'silent',
          CONSOLE_DIR: '/nonexistent',
          JWT_SECRET: 'x'.repeat(40),
        }),
        databaseUrl: runs.a!.url,
        jwtSecret: 'x'.repeat(40),
      });
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.getHttpServer().address();
      const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      try {
        const login = await fetch(`${base}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'superintendent@d0001.example.org', password: DEMO_PASSWORD }),
        });
        expect(login.status).toBe(200);
        const token = ((await login.json()) as { accessToken: string }).accessToken;
        const funnel = await fetch(`${base}/api/dashboard/funnel`, { headers: { authorization: `Bearer ${token}` } });
        expect(funnel.status).toBe(200);
        const body = (await funnel.json()) as { stages: { stage: string; current: number }[] };
        expect(expected.length).toBeGreaterThan(3);
        for (const { stage, n } of expected) expect(body.stages.find((s) => s.stage === stage)?.current).toBe(n);
      } finally {
        await app.close();
      }
    } finally {
      await client.end();
    }
  });

  it('splits counts exactly, every part at least the minimum', () => {
    const parts = apportion(TIERS.state!.educators, [5, 3, 1, 1], 8);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(TIERS.state!.educators);
    expect(Math.min(...parts)).toBeGreaterThanOrEqual(8);
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
  });
});
