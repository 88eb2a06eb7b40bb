import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory.js';
import { loadConfig } from '../../src/config/config.js';
import { migrate } from '../../src/database/database.js';
import type { EmbeddedDatabase } from '../../src/database/embedded-postgres.js';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres.js';
import { freePort } from '../../src/database/scratch.js';
import { Factories } from '../../src/testing/factories.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Its own PostgreSQL (the shared test server must not be restarted under the other suites). */
describe('database failure and recovery', () => {
  let dir: string;
  let port: number;
  let pg: EmbeddedDatabase;
  let app: NestFastifyApplication;
  let db: DataSource;
  let token: string;
  let payload: (note: string) => object;
  let hrId: string;
  let districtId: string;

  const start = () =>
    startEmbeddedPostgres({
      dataDir: dir,
      port,
      database: 'emerge',
      settings: { fsync: 'off', synchronous_commit: 'on' },
    });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'emerge-dbfail-'));
    port = await freePort();
    pg = await start();
    await migrate(pg.url);
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      CONSOLE_DIR: '/nonexistent-console',
      LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
    });
    app = await createApp({ config, databaseUrl: pg.url, jwtSecret: 'x'.repeat(64) });
    db = app.get(DataSource);
    const f = new Factories(db);
    districtId = (await f.createDistrict()).id;
    const roleId = (await f.createLeadershipRole({ districtId })).id;
    const candidate = await f.createCandidate(
      { districtId, educatorId: (await f.createEducator({ districtId })).id, roleId },
      [{ to: 'engaged', daysAgo: 2 }],
    );
    const node = await f.createCompetency({ frameworkId: (await f.createFramework({ districtId })).id });
    const hr = await f.createUser({ role: 'hr', districtId });
    hrId = hr.id;
    token = (
      await request(app.getHttpServer()).post('/api/auth/login').send({ email: hr.email, password: 'emerge-demo-pass' })
    ).body.accessToken;
    payload = (note: string) => ({
      candidateId: candidate.id,
      competencyId: node.id,
      level: 2,
      source: 'observation',
      note,
      observedOn: '2026-11-01',
    });
  }, 120_000);

  afterAll(async () => {
    await app?.close().catch(() => undefined);
    await pg?.stop().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  });

  it('answers 503 while PostgreSQL is down, recovers by itself, and loses or duplicates no acknowledged write', async () => {
    const http = () => request(app.getHttpServer());
    const acknowledged = new Map<string, string>(); // note → evidence id
    const statuses: number[] = [];
    let running = true;
    let n = 0;
    const writer = async () => {
      while (running) {
        const note = `write-${n++}`;
        const res = await http().post('/api/evidence').send(payload(note)).auth(token, { type: 'bearer' });
        statuses.push(res.status);
        if (res.status === 201) acknowledged.set(note, res.body.id);
        else expect([503, 409]).toContain(res.status);
        if (res.status !== 201) await sleep(50);
      }
    };
    const writers = [writer(), writer(), writer()];
    await sleep(1500);
    const beforeOutage = acknowledged.size;
    expect(beforeOutage).toBeGreaterThan(5);

    await pg.stop();
    await sleep(1000);
    const down = await http().get('/api/health');
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ statusCode: 503, code: 'database_unavailable', errors: { database: 'down' } });
    const refused = await http().post('/api/evidence').send(payload('during-outage')).auth(token, { type: 'bearer' });
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({
      code: 'database_unavailable',
      message: 'The database is unavailable; please retry shortly',
    });
    // The per-address sign-in limit counts in the database: a sign-in is a 503 too, not a 500 or an unlimited try.
    const signIn = await http().post('/api/auth/login').send({ email: 'x@test.example', password: 'wrong-password' });
    expect(signIn.body).toMatchObject({ statusCode: 503, code: 'database_unavailable' });

    pg = await start();
    let healthy = false;
    for (let i = 0; i < 100 && !healthy; i++) {
      healthy = (await http().get('/api/health')).status === 200;
      if (!healthy) await sleep(200);
    }
    expect(healthy).toBe(true);
    const afterRecovery = acknowledged.size;
    await sleep(1500);
    running = false;
    await Promise.all(writers);
    expect(acknowledged.size).toBeGreaterThan(afterRecovery); // writes succeed again without a restart
    expect(statuses).toContain(503);

    const rows: { note: string; id: string; copies: number }[] = await db.query(
      `SELECT note, min(id::text) AS id, count(*)::int AS copies FROM evidence WHERE note LIKE 'write-%' GROUP BY note`,
    );
    const stored = new Map(rows.map((r) => [r.note, r]));
    for (const [note, id] of acknowledged) expect(stored.get(note)).toEqual({ note, id, copies: 1 });
    expect(rows.every((r) => r.copies === 1)).toBe(true);
  }, 120_000);

  it('the background worker (in this process) takes jobs again by itself within 10 s of PostgreSQL coming back', async () => {
    const http = () => request(app.getHttpServer());
    await pg.stop();
    await sleep(3000); // the worker's polls and its LISTEN connection fail meanwhile
    pg = await start();
    for (let i = 0; i < 100 && (await http().get('/api/health')).status !== 200; i++) await sleep(100);
    const queued = Date.now();
    await db.query(
      `WITH n AS (INSERT INTO notifications (district_id, user_id, kind, title, body, link, dedupe_key)
                  VALUES ($1, $2, 'reminder', 'After the restart', 'Body', '/', 'after-restart') RETURNING id)
       SELECT graphile_worker.add_job('email', json_build_object('notificationId', id), job_key => 'email:' || id) FROM n`,
      [districtId, hrId],
    );
    let sent = false;
    while (!sent && Date.now() - queued < 15_000) {
      sent =
        ((await db.query(`SELECT 1 FROM email_outbox WHERE subject = 'After the restart'`)) as unknown[]).length > 0;
      if (!sent) await sleep(200);
    }
    const seconds = (Date.now() - queued) / 1000;
    process.stdout.write(`[database-failure] a job queued after the restart ran in ${seconds.toFixed(1)} s\n`);
    expect(sent).toBe(true);
    expect(seconds).toBeLessThan(10);
  }, 60_000);
});
