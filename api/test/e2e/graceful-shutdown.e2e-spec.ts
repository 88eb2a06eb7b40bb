import { afterAll, describe, expect, it } from '@jest/globals';
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../src/database/scratch.js';

const main = join(dirname(fileURLToPath(import.meta.url)), '../../dist/main.js');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The production entry (api/dist/main.js) in its own process, with its own embedded PostgreSQL. */
describe('graceful shutdown on SIGTERM', () => {
  let child: ChildProcess | undefined;
  let dir: string | undefined;
  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('stops accepting, finishes the in-flight request, then stops PostgreSQL and exits 0', async () => {
    dir = await mkdtemp(join(tmpdir(), 'emerge-shutdown-'));
    const port = await freePort();
    // Always the embedded server: the test checks that shutdown stops it.
    const { DATABASE_URL: _ignored, ...inherited } = process.env;
    const proc = spawn(process.execPath, [main], {
      env: {
        ...inherited,
        PORT: String(port),
        HOST: '127.0.0.1',
        EMERGE_DATA_DIR: dir,
        EMBEDDED_PG_PORT: String(await freePort()),
        JWT_SECRET: 'y'.repeat(64),
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
        CONSOLE_DIR: '/nonexistent-console',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    let output = '';
    proc.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    proc.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
    for (let i = 0; i < 300 && !output.includes('listening') && proc.exitCode === null; i++) await sleep(100);
    expect(output).toContain('listening');

    // A sign-in whose body arrives in two parts: SIGTERM lands between them.
    const body = JSON.stringify({ email: 'nobody@test.example', password: 'wrong-password-here' });
    const inFlight = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/auth/login',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          let text = '';
          res.on('data', (d: Buffer) => (text += d.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 10));
      setTimeout(() => {
        proc.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(10)), 700);
      }, 300);
    });
    const answer = await inFlight;
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.text)).toMatchObject({ code: 'invalid_credentials' });

    // No new connections once stopping.
    const refused = await new Promise<string>((resolve) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: '/api/health' }, (res) =>
        resolve(`status ${res.statusCode}`),
      );
      req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
      req.end();
    });
    expect(['ECONNREFUSED', 'ECONNRESET', 'status 503']).toContain(refused);

    expect(await exited).toBe(0);
    expect(output).toContain('SIGTERM received');
    // The embedded PostgreSQL was stopped, not orphaned.
    expect(existsSync(join(dir, 'pg', 'PG_VERSION'))).toBe(true);
    expect(existsSync(join(dir, 'pg', 'postmaster.pid'))).toBe(false);
  }, 90_000);
});
