import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from './app.factory.js';
import type { AppConfig } from './config/config.js';
import { ConfigError, loadConfig } from './config/config.js';
import { migrate, resolveJwtSecret, RunningDatabase, startDatabase } from './database/database.js';
import { StartupError } from './database/startup-error.js';

export interface ServerHooks {
  /** Runs after migrations, before the app listens (the demo start loads its data here). */
  prepare?: (databaseUrl: string, config: AppConfig) => Promise<void>;
  /** Lines printed once the server listens. */
  banner?: (baseUrl: string) => string[];
}

export interface RunningServer {
  app: NestFastifyApplication;
  url: string;
  stop(): Promise<void>;
}

/** Starts the database, migrates, builds the app and listens; SIGINT/SIGTERM stop everything cleanly. */
export async function startServer(hooks: ServerHooks = {}): Promise<RunningServer> {
  const config = loadConfig();
  const db: RunningDatabase = await startDatabase(config);
  let app: NestFastifyApplication | undefined;
  try {
    await migrate(db.url);
    await hooks.prepare?.(db.url, config);
    app = await createApp({ config, databaseUrl: db.url, jwtSecret: await resolveJwtSecret(config) });
    await app.listen({ port: config.port, host: config.host }).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE')
        throw new StartupError(`Port ${config.port} is already in use; stop what uses it or set PORT to another port.`);
      throw e;
    });
  } catch (e) {
    await app?.close().catch(() => undefined);
    await db.stop().catch(() => undefined);
    throw e;
  }
  const running = app;
  const address = running.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://localhost:${port}`;

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await running.close(); // stops accepting, lets in-flight requests finish, closes the pool
      await db.stop();
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      process.stdout.write(`\n${signal} received: stopping Emerge…\n`);
      stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
  for (const line of hooks.banner?.(url) ?? [`Emerge API listening on ${url}/api`]) process.stdout.write(`${line}\n`);
  return { app: running, url, stop };
}

/** Prints a known start-up problem as one sentence and exits; anything else keeps its stack. */
export function exitOnStartupError(e: unknown): never {
  if (e instanceof StartupError || e instanceof ConfigError) {
    process.stderr.write(`Emerge could not start: ${e.message}\n`);
  } else {
    process.stderr.write(`Emerge could not start: ${(e as Error)?.stack ?? String(e)}\n`);
  }
  process.exit(1);
}
