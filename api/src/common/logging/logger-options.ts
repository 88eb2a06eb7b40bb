import type { LoggerService } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';
import pretty from 'pino-pretty';
import type { AppConfig } from '../../config/config.js';

const SAFE_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * The correlation id of a request: the caller's X-Request-Id when it looks sane, else a new UUID.
 * Fastify and pino share it (see app.factory.ts), it is echoed in X-Correlation-Id and every error body.
 */
export function correlationId(req: IncomingMessage & { id?: unknown }): string {
  if (typeof req.id === 'string') return req.id;
  const header = req.headers['x-request-id'];
  const id = typeof header === 'string' && SAFE_ID.test(header) ? header : randomUUID();
  req.id = id;
  return id;
}

/**
 * The process's logger: JSON lines in production and tests; in development one readable line per entry
 * (`npm start`), e.g. `12:00:01 INFO GET /api/candidates 200 12ms`.
 */
export function createRootLogger(config: AppConfig, destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    level: config.logLevel,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
  };
  if (destination) return pino(options, destination);
  if (config.nodeEnv !== 'development') return pino(options);
  return pino(
    options,
    pretty({
      sync: true,
      singleLine: true,
      translateTime: 'HH:MM:ss',
      ignore: 'pid,hostname,req,res,responseTime,correlationId,context',
      messageFormat: (log, messageKey) => {
        const req = log.req as { method?: string; url?: string } | undefined;
        const res = log.res as { statusCode?: number } | undefined;
        if (req && res) return `${req.method} ${req.url} ${res.statusCode} ${log.responseTime}ms`;
        return `${log.context ? `[${String(log.context)}] ` : ''}${String(log[messageKey] ?? '')}`;
      },
    }),
  );
}

/** One line per finished request (health probes excepted), with its correlation id. */
export function createHttpLogger(root: Logger): HttpLogger {
  return pinoHttp({
    logger: root,
    genReqId: (req: IncomingMessage) => correlationId(req),
    customProps: (req: IncomingMessage) => ({ correlationId: (req as { id?: string }).id }),
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url?.split('?')[0],
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    autoLogging: { ignore: (req: IncomingMessage) => req.url === '/api/health' },
    // pino-http's default messages ("request completed") say less than the fields.
    customSuccessMessage: () => 'request',
    customErrorMessage: () => 'request failed',
  });
}

const requestLogger = new AsyncLocalStorage<Logger>();

/** Runs the rest of a request with its logger, so Nest's log calls inside it carry its correlation id. */
export function withRequestLogger(http: HttpLogger, req: IncomingMessage, res: ServerResponse, next: () => void) {
  http(req, res);
  requestLogger.run((req as IncomingMessage & { log: Logger }).log, next);
}

type Level = 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal';

/** Nest's logger on pino: within a request, the request's child logger. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly root: Logger) {}

  log(message: unknown, ...rest: unknown[]) {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]) {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]) {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]) {
    this.write('fatal', message, rest);
  }

  private write(level: Level, message: unknown, rest: unknown[]) {
    const target = requestLogger.getStore() ?? this.root;
    // Nest passes the context last; an error's stack comes before it.
    const context = rest.length > 0 && typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const stack = level === 'error' && typeof rest[0] === 'string' ? rest[0] : undefined;
    if (message instanceof Error) target[level]({ context, err: message }, message.message);
    else if (message !== null && typeof message === 'object') target[level]({ context, ...message });
    else target[level]({ context, ...(stack && { stack }) }, String(message));
  }
}
