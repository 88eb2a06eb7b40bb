import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/** Every environment variable Emerge reads, validated once at boot. */
export class EnvDto {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV?: 'development' | 'production' | 'test';

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT?: number;

  @IsOptional()
  @IsString()
  HOST?: string;

  /** postgres://user:pass@host:port/db. When absent, an embedded PostgreSQL is started. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  /** Folder for the embedded database's files (default: .data/ at the repository root). */
  @IsOptional()
  @IsString()
  EMERGE_DATA_DIR?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(65535)
  EMBEDDED_PG_PORT?: number;

  /** Signs access tokens. Required in production; development falls back to a per-data-folder secret. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(86400)
  JWT_TTL_SECONDS?: number;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  /** Comma-separated origins allowed to call the API from another origin (the console is same-origin). */
  @IsOptional()
  @IsString()
  CORS_ORIGINS?: string;

  /** Folder of the built console; defaults to admin-ui/dist next to the api. */
  @IsOptional()
  @IsString()
  CONSOLE_DIR?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  JSON_BODY_LIMIT_BYTES?: number;

  /** Largest roster file accepted by the import (streamed, so memory does not grow with it). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  IMPORT_BODY_LIMIT_BYTES?: number;

  /**
   * Addresses (IPs or CIDR ranges, comma-separated) that a CASE import from a URL may reach although they are
   * private, loopback or link-local, e.g. a CASE server on the district's own network. Empty: none.
   */
  @IsOptional()
  @IsString()
  CASE_FETCH_ALLOW?: string;

  /** How long a CASE import from a URL waits for the server (connection and the whole answer), in ms. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  CASE_FETCH_TIMEOUT_MS?: number;

  /** Sign-in attempts allowed per client address per minute (429 with Retry-After beyond). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT_PER_MINUTE?: number;

  /** Failed sign-ins on one account within the lockout window that lock it for the rest of the window. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_LOCKOUT_MINUTES?: number;

  /**
   * Where people reach Emerge, e.g. https://emerge.riverbend.example: single sign-on's redirect URI and links
   * are built from it. Default: http://localhost:PORT.
   */
  @IsOptional()
  @Matches(/^https?:\/\/[^/?#]+$/, { message: 'PUBLIC_URL must be an origin such as https://emerge.example.org' })
  PUBLIC_URL?: string;

  /** Encrypts identity providers' client secrets at rest. Default: derived from JWT_SECRET. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'SSO_SECRET_KEY must be at least 32 characters' })
  SSO_SECRET_KEY?: string;

  /** `inline` (default): this process also runs the background jobs; `off`: another process does (npm run worker). */
  @IsOptional()
  @IsIn(['inline', 'off'], { message: 'WORKER must be inline or off' })
  WORKER?: 'inline' | 'off';

  /**
   * The district's mail server, e.g. smtps://user:pass@smtp.example.org:465 or smtp://relay.internal:25. Without
   * it, development keeps mail in the outbox (platform_admin reads it in the console) and production sends none.
   */
  @IsOptional()
  @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** The sender of Emerge's email, e.g. "Emerge <emerge@riverbend.example>". Default: no-reply at PUBLIC_URL's host. */
  @IsOptional()
  @IsString()
  @MinLength(3)
  MAIL_FROM?: string;

  /** How often a worker says it is alive; one not heard of for three heartbeats has its jobs run by another. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(600)
  WORKER_HEARTBEAT_SECONDS?: number;
}
