import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EnvDto } from './env.dto.js';

export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPgPort: number;
  jwtSecret: string | undefined;
  jwtTtlSeconds: number;
  logLevel: string;
  corsOrigins: string[];
  consoleDir: string;
  jsonBodyLimitBytes: number;
  importBodyLimitBytes: number;
  loginRateLimitPerMinute: number;
  /** Private addresses a CASE import from a URL may reach (CASE_FETCH_ALLOW). */
  caseFetchAllow: string[];
  caseFetchTimeoutMs: number;
  loginMaxFailures: number;
  loginLockoutMinutes: number;
  /** The origin people reach Emerge at, without a trailing slash. */
  publicUrl: string;
  ssoSecretKey: string | undefined;
  /** Whether this process runs the background jobs (WORKER=inline) or leaves them to a worker process. */
  worker: 'inline' | 'off';
  workerHeartbeatSeconds: number;
  /** Where notification email goes: an SMTP server, the development outbox, or nowhere (production without SMTP). */
  mail: { transport: 'smtp' | 'outbox' | 'off'; smtpUrl: string | undefined; from: string };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export class ConfigError extends Error {}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Reads and validates the environment once; a bad variable throws a ConfigError naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const dto = plainToInstance(EnvDto, { ...env }, { enableImplicitConversion: false });
  const errors = validateSync(dto, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`);
    throw new ConfigError(`Invalid environment variable ${lines.join('; ')}`);
  }
  const nodeEnv = dto.NODE_ENV ?? 'development';
  if (nodeEnv === 'production' && !dto.JWT_SECRET) {
    throw new ConfigError('Invalid environment variable JWT_SECRET: required when NODE_ENV=production');
  }
  const publicUrl = dto.PUBLIC_URL ?? `http://localhost:${dto.PORT ?? 3000}`;
  return {
    nodeEnv,
    port: dto.PORT ?? 3000,
    host: dto.HOST ?? '0.0.0.0',
    databaseUrl: dto.DATABASE_URL,
    dataDir: resolve(dto.EMERGE_DATA_DIR ?? resolve(repoRoot, '.data')),
    embeddedPgPort: dto.EMBEDDED_PG_PORT ?? 54329,
    jwtSecret: dto.JWT_SECRET,
    jwtTtlSeconds: dto.JWT_TTL_SECONDS ?? 8 * 3600,
    logLevel: dto.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    corsOrigins: (dto.CORS_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    consoleDir: resolve(dto.CONSOLE_DIR ?? resolve(repoRoot, 'admin-ui/dist')),
    jsonBodyLimitBytes: dto.JSON_BODY_LIMIT_BYTES ?? 1024 * 1024,
    importBodyLimitBytes: dto.IMPORT_BODY_LIMIT_BYTES ?? 512 * 1024 * 1024,
    loginRateLimitPerMinute: dto.LOGIN_RATE_LIMIT_PER_MINUTE ?? 20,
    caseFetchAllow: (dto.CASE_FETCH_ALLOW ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    caseFetchTimeoutMs: dto.CASE_FETCH_TIMEOUT_MS ?? 20_000,
    loginMaxFailures: dto.LOGIN_MAX_FAILURES ?? 5,
    loginLockoutMinutes: dto.LOGIN_LOCKOUT_MINUTES ?? 15,
    publicUrl,
    ssoSecretKey: dto.SSO_SECRET_KEY,
    worker: dto.WORKER ?? 'inline',
    workerHeartbeatSeconds: dto.WORKER_HEARTBEAT_SECONDS ?? 10,
    mail: {
      transport: dto.SMTP_URL ? 'smtp' : nodeEnv === 'production' ? 'off' : 'outbox',
      smtpUrl: dto.SMTP_URL,
      from: dto.MAIL_FROM ?? `Emerge <no-reply@${new URL(publicUrl).hostname}>`,
    },
  };
}
