import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DestinationStream } from 'pino';
import request from 'supertest';
import type { Logger, QueryRunner } from 'typeorm';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app.factory.js';
import { loadConfig } from '../src/config/config.js';
import { WorkerService } from '../src/jobs/worker.service.js';
import { DEFAULT_PASSWORD, Factories } from '../src/testing/factories.js';

export interface TestApp {
  app: NestFastifyApplication;
  db: DataSource;
  factories: Factories;
  /** The test database's connection string (e.g. for a second DataSource that seeds it). */
  url: string;
  http: () => ReturnType<typeof request>;
  /** Logs in through the API and returns the bearer token. */
  login(email: string, password?: string): Promise<string>;
  /** Runs every queued background job (notifications) to the end. */
  drainJobs(): Promise<void>;
  close(): Promise<void>;
}

const JWT_SECRET = randomBytes(32).toString('hex');

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const url = new URL(process.env.EMERGE_TEST_TEMPLATE_URL!);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface TestAppOptions {
  /** Receives every SQL statement the app sends, e.g. a QueryRecorder that counts them. */
  queryLogger?: Logger;
  /** Receives the app's log lines (JSON), at LOG_LEVEL from `env` (default silent). */
  logDestination?: DestinationStream;
  /**
   * Another TestApp's `url`: this app shares that database (a second API process) instead of getting a
   * fresh copy, and `close` leaves the database to its owner. Close this app before the owner.
   */
  database?: string;
}

/** Boots the real AppModule on a fresh database copied from the migrated template (milliseconds). */
export async function createTestApp(env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const template = process.env.EMERGE_TEST_TEMPLATE;
  if (!template) throw new Error('e2e tests run through jest.e2e.config.mjs (global setup missing)');
  const name = `emerge_t_${randomBytes(5).toString('hex')}`;
  const url = new URL(options.database ?? process.env.EMERGE_TEST_TEMPLATE_URL!);
  if (!options.database) {
    await admin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
    url.pathname = `/${name}`;
  }
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    CONSOLE_DIR: '/nonexistent-console',
    JWT_SECRET,
    // Suites sign many people in from one address; the limiter's own suite sets it low.
    LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
    // Jobs run when a test drains them (drainJobs), so what a test sees does not depend on timing.
    WORKER: 'off',
    ...env,
  });
  const app = await createApp({
    config,
    databaseUrl: url.toString(),
    jwtSecret: JWT_SECRET,
    queryLogger: options.queryLogger,
    logDestination: options.logDestination,
  });
  const db = app.get(DataSource);
  const http = () => request(app.getHttpServer());
  return {
    app,
    db,
    factories: new Factories(db),
    url: url.toString(),
    http,
    async login(email, password = DEFAULT_PASSWORD) {
      const res = await http().post('/api/auth/login').send({ email, password });
      if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return (res.body as { accessToken: string }).accessToken;
    },
    drainJobs: () => app.get(WorkerService).drain(),
    async close() {
      await app.close();
      if (!options.database) await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

/** Runs `fn` in a transaction that is rolled back whatever happens: a migration's down and up leave nothing. */
export async function rolledBack<T>(db: DataSource, fn: (q: QueryRunner) => Promise<T>): Promise<T> {
  const q = db.createQueryRunner();
  await q.connect();
  await q.startTransaction();
  try {
    return await fn(q);
  } finally {
    await q.rollbackTransaction();
    await q.release();
  }
}
