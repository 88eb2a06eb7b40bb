import type { Params } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
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

export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      genReqId: (req: IncomingMessage) => correlationId(req),
      customProps: (req: IncomingMessage) => ({ correlationId: (req as { id?: string }).id }),
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url?.split('?')[0],
        }),
      },
      // Health probes would drown the log.
      autoLogging: { ignore: (req: IncomingMessage) => req.url === '/api/health' },
    },
  };
}
