import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { DataSource } from 'typeorm';
import { AppModule, AppModuleOptions } from './app.module.js';
import { postgresRateLimitStore } from './auth/login-rate-limit.store.js';
import { AppError } from './common/errors/app-error.js';
import { ErrorCode } from './common/errors/error-code.js';
import { sendError } from './common/errors/global-exception.filter.js';
import {
  correlationId,
  createHttpLogger,
  createRootLogger,
  PinoNestLogger,
  withRequestLogger,
} from './common/logging/logger-options.js';
import { MAX_BODY_DEPTH, nestedDeeperThan } from './common/validation/body-depth.js';
import { createValidationPipe } from './common/validation/validation.pipe.js';

export function buildOpenApi(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Emerge API')
    .setDescription(
      'Leadership-pipeline system for school districts. Lists speak the ra-data-simple-rest dialect; errors share one shape.',
    )
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config, { operationIdFactory: (_controller, method) => method });
}

/** A request Node cannot parse (e.g. headers or URL over 16 KiB): answered in the error shape, then closed. */
function sendClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'The request URL or headers are too large']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'The request took too long to arrive']
        : [400, 'The request is not valid HTTP'];
  const body = JSON.stringify({ statusCode: status, code: ErrorCode.BadRequest, message, correlationId: randomUUID() });
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  socket.destroy(error);
}

/** Builds the configured Nest application (not listening): used by main, the demo start and the tests. */
export async function createApp(options: AppModuleOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: options.config.jsonBodyLimitBytes,
    genReqId: (req: import('node:http').IncomingMessage) => correlationId(req),
    // The JSON body of a route must be an object or array; Fastify rejects other garbage with a 400.
    return503OnClosing: true,
    // Router errors (a malformed percent-escape, an over-long path parameter) never reach Nest's filter.
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) =>
      sendError(reply, request, error, new Logger('Errors')),
    clientErrorHandler: sendClientError,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(options), adapter, {
    bufferLogs: true,
  });
  const root = createRootLogger(options.config, options.logDestination);
  app.useLogger(new PinoNestLogger(root));
  const http = createHttpLogger(root);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  if (options.config.corsOrigins.length > 0) {
    app.enableCors({
      origin: options.config.corsOrigins,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH'],
      exposedHeaders: ['Content-Range', 'X-Total-Is-Lower-Bound', 'X-Correlation-Id'],
    });
  }
  await app.register(helmet, {
    contentSecurityPolicy: { directives: { 'img-src': ["'self'", 'data:'], 'upgrade-insecure-requests': null } },
  });

  const fastify = app.getHttpAdapter().getInstance();
  const logger = new Logger('Http');
  // Routes marked @RouteConfig({ loginRateLimit: true }) get the per-address sign-in limit.
  fastify.addHook('onRoute', (route) => {
    if ((route.config as { loginRateLimit?: boolean } | undefined)?.loginRateLimit) {
      route.config = {
        ...route.config,
        rateLimit: { max: options.config.loginRateLimitPerMinute, timeWindow: 60_000 },
      } as typeof route.config;
    }
  });
  await app.register(rateLimit, {
    global: false,
    // Counts live in PostgreSQL, so the limit holds across every API process that shares the database.
    store: postgresRateLimitStore(app.get(DataSource)),
    errorResponseBuilder: (_request, context) =>
      new AppError(
        ErrorCode.TooManyRequests,
        `Too many sign-in attempts from this address; try again in ${context.after}`,
      ),
  });
  // CSV uploads reach the handler as a stream: the import parses them row by row.
  fastify.addContentTypeParser(['text/csv', 'application/csv'], (_request, payload, done) => done(null, payload));
  // RFC 8058 lets a mail client's one-click unsubscribe POST multipart/form-data; nothing else takes it.
  fastify.addContentTypeParser('multipart/form-data', { parseAs: 'string', bodyLimit: 4096 }, (_request, body, done) =>
    done(null, { form: body }),
  );
  // A route may raise its own body limit with @RouteConfig({ bodyLimit }) (e.g. the CASE import).
  fastify.addHook('onRoute', (route) => {
    const limit = (route.config as { bodyLimit?: unknown } | undefined)?.bodyLimit;
    if (typeof limit === 'number') route.bodyLimit = limit;
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('X-Correlation-Id', request.id);
    withRequestLogger(http, request.raw, reply.raw, done);
  });
  // Before any guard, interceptor or pipe walks the body (their recursion overflows near 3,000 levels: a 500).
  fastify.addHook('preValidation', async (request) => {
    if (nestedDeeperThan(request.body, MAX_BODY_DEPTH))
      throw new AppError(ErrorCode.BadRequest, `The request body nests more than ${MAX_BODY_DEPTH} levels deep`);
  });

  const document = buildOpenApi(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', customSiteTitle: 'Emerge API' });

  if (existsSync(options.config.consoleDir)) {
    app.useStaticAssets({ root: options.config.consoleDir, prefix: '/', index: ['index.html'], wildcard: false });
  } else {
    logger.warn(`The console is not built (${options.config.consoleDir} missing); only the API is served`);
  }
  await app.init();
  await fastify.ready();
  return app;
}
