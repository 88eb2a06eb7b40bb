import { CONNECTION_OPTIONS, createApp, loadConfig, QueryRecorder, type RecordedQuery } from '@emerge/api';
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BENCH_SECRET = 'bench-only-secret-0123456789abcdef0123456789abcdef';
export const PASSWORD = 'emerge-demo-pass';

export interface Server {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Spawns a server and waits for the line carrying its port. */
async function spawnServer(args: string[], env: Record<string, string>, portFrom: RegExp): Promise<Server> {
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr!.on('data', (d: Buffer) => (errors = (errors + d.toString()).slice(-4000)));
  const port = await new Promise<string>((resolvePort, reject) => {
    let seen = '';
    const onData = (d: Buffer) => {
      seen += d.toString();
      const m = portFrom.exec(seen);
      if (m) {
        // Logs after start-up are not needed; reading them would cost the bench process CPU.
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        child.stdout!.on('data', () => undefined);
        resolvePort(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${args[0]} exited (${code}): ${errors}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((done) => {
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

/** The real API, production mode, on the given database (`main`: another build's, to compare two builds). */
export function startApi(
  databaseUrl: string,
  extraEnv: Record<string, string> = {},
  main = 'api/dist/main.js',
): Promise<Server> {
  return spawnServer(
    [main],
    {
      DATABASE_URL: databaseUrl,
      JWT_SECRET: BENCH_SECRET,
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000000',
      ...extraEnv,
    },
    /listening on http:\/\/localhost:(\d+)/,
  );
}

export function startRaw(databaseUrl: string, routesFile: string): Promise<Server> {
  return spawnServer(
    ['bench/dist/raw-server.js'],
    {
      DATABASE_URL: databaseUrl,
      JWT_SECRET: BENCH_SECRET,
      ROUTES_FILE: routesFile,
      PORT: '0',
      PG_OPTIONS: CONNECTION_OPTIONS,
    },
    /listening (\d+)/,
  );
}

export async function login(baseUrl: string, email: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/**
 * The SQL the API sends for each request, recorded in an in-process app on the same database (the
 * first, unrecorded call warms caches so lazy one-off statements are not counted).
 */
export async function recordStatements(
  databaseUrl: string,
  requests: { email: string; path: string }[],
): Promise<{ statements: RecordedQuery[]; body: string }[]> {
  const recorder = new QueryRecorder();
  const config = loadConfig({
    NODE_ENV: 'production',
    JWT_SECRET: BENCH_SECRET,
    LOG_LEVEL: 'silent',
    CONSOLE_DIR: '/nonexistent-console',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000000',
    WORKER: 'off',
  });
  const app = await createApp({ config, databaseUrl, jwtSecret: BENCH_SECRET, queryLogger: recorder });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  try {
    const out: { statements: RecordedQuery[]; body: string }[] = [];
    const tokens = new Map<string, string>();
    for (const r of requests) {
      if (!tokens.has(r.email)) {
        const res = await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: r.email, password: PASSWORD },
        });
        if (res.statusCode !== 200) throw new Error(`login ${r.email}: ${res.statusCode} ${res.body}`);
        tokens.set(r.email, (JSON.parse(res.body) as { accessToken: string }).accessToken);
      }
      const headers = { authorization: `Bearer ${tokens.get(r.email)}` };
      const warm = await app.inject({ method: 'GET', url: r.path, headers });
      if (warm.statusCode !== 200) throw new Error(`${r.path}: ${warm.statusCode} ${warm.body.slice(0, 300)}`);
      recorder.start();
      const res = await app.inject({ method: 'GET', url: r.path, headers });
      out.push({ statements: recorder.stop(), body: res.body });
    }
    return out;
  } finally {
    await app.close();
  }
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

export function machine(): Record<string, string | number> {
  const cpu = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /model name\s*:\s*(.+)/.exec(cpu)?.[1] ?? 'unknown';
  const mem = /MemTotal:\s*(\d+)/.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1];
  return {
    cpu: model,
    cores: (cpu.match(/^processor/gm) ?? []).length,
    memoryGb: mem ? Math.round(Number(mem) / 1048576) : 0,
    node: process.version,
    load: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
  };
}

/** Peak resident set of a process (VmHWM), in MB. */
export function peakRssMb(pid: number): number {
  const kb = /VmHWM:\s*(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return kb ? Math.round(Number(kb) / 1024) : NaN;
}
