import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { AppError } from './app-error.js';
import { ErrorBody } from './error-body.js';
import { ErrorCode } from './error-code.js';
import { UNIQUE_CONSTRAINT_FIELDS } from './unique-constraints.js';

const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  400: ErrorCode.BadRequest,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  409: ErrorCode.Conflict,
  413: ErrorCode.PayloadTooLarge,
  415: ErrorCode.UnsupportedMediaType,
  429: ErrorCode.TooManyRequests,
  503: ErrorCode.DatabaseUnavailable,
};

/** Errors a client cannot cause that mean PostgreSQL is unreachable; they become a 503. */
const CONNECTION_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
]);

type Shaped = Omit<ErrorBody, 'correlationId'> & { logAsError: boolean };

export function correlationIdOf(request: FastifyRequest | undefined): string {
  const raw = request?.raw as { id?: unknown } | undefined;
  return String(raw?.id ?? request?.id ?? 'unknown');
}

/** Maps any thrown value to the one error body. Details of unexpected errors go to the log only. */
export function shapeError(exception: unknown): Shaped {
  if (exception instanceof AppError) {
    return {
      statusCode: exception.status,
      code: exception.code,
      message: exception.message,
      errors: exception.errors,
      ...(exception.problemKinds && { problemKinds: exception.problemKinds }),
      logAsError: false,
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const body = exception.getResponse();
    const message = typeof body === 'string' ? body : ((body as { message?: unknown }).message ?? exception.message);
    return {
      statusCode: status,
      code: STATUS_CODES[status] ?? (status >= 500 ? ErrorCode.Internal : ErrorCode.BadRequest),
      message: status >= 500 ? 'Internal server error' : Array.isArray(message) ? message.join('; ') : String(message),
      logAsError: status >= 500,
    };
  }
  const err = exception as {
    code?: string;
    constraint?: string;
    statusCode?: number;
    message?: string;
    name?: string;
    driverError?: { code?: string; constraint?: string; column?: string };
    column?: string;
  };
  if (exception instanceof QueryFailedError || err?.driverError) {
    const pg = err.driverError ?? err;
    if (pg.code === '23505') {
      const known = pg.constraint ? UNIQUE_CONSTRAINT_FIELDS[pg.constraint] : undefined;
      return {
        statusCode: 409,
        code: ErrorCode.UniqueViolation,
        message: known?.message ?? 'A record with these values already exists',
        errors: known ? { [known.field]: known.message } : undefined,
        logAsError: false,
      };
    }
    if (pg.code === '23503')
      return {
        statusCode: 409,
        code: ErrorCode.InUse,
        message: 'The record is referenced by, or refers to, another record that does not allow this change',
        logAsError: false,
      };
    // A field sent as null where the column takes none: the client's input, named beside its field.
    if (pg.code === '23502') {
      const field = (pg.column ?? '').replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
      return {
        statusCode: 400,
        code: ErrorCode.ValidationFailed,
        message: 'A required value is missing',
        errors: field ? { [field]: `${field} must have a value` } : undefined,
        logAsError: false,
      };
    }
    // Data exceptions (bad text encoding, out-of-range numbers, malformed values) are the client's input.
    if (pg.code?.startsWith('22'))
      return {
        statusCode: 400,
        code: ErrorCode.BadRequest,
        message: 'A value in the request is not valid for its field',
        logAsError: false,
      };
    if (pg.code === '40001' || pg.code === '40P01')
      return {
        statusCode: 409,
        code: ErrorCode.Conflict,
        message: 'A concurrent change conflicted with this one; please retry',
        logAsError: false,
      };
  }
  if (
    (err?.code && CONNECTION_ERRORS.has(err.code)) ||
    (err?.driverError?.code && CONNECTION_ERRORS.has(err.driverError.code)) ||
    /Connection terminated|timeout exceeded when trying to connect/i.test(err?.message ?? '') ||
    // TypeORM's answer once a transaction's connection died under it.
    err?.name === 'QueryRunnerAlreadyReleasedError' ||
    err?.name === 'QueryRunnerProviderAlreadyReleasedError'
  ) {
    return {
      statusCode: 503,
      code: ErrorCode.DatabaseUnavailable,
      message: 'The database is unavailable; please retry shortly',
      logAsError: true,
    };
  }
  // Errors raised by Fastify itself (body parsing, limits) carry a 4xx statusCode.
  if (typeof err?.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
    const message =
      err.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
        ? 'Request body is too large'
        : err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
          ? 'Unsupported content type'
          : err.code?.startsWith('FST_ERR_CTP')
            ? 'Request body is not valid JSON'
            : err.code === 'FST_ERR_BAD_URL'
              ? 'The URL is not valid (a malformed percent-escape)'
              : err.code === 'FST_ERR_MAX_PARAM_LENGTH'
                ? 'A path parameter is too long'
                : 'Bad request';
    return {
      statusCode: err.statusCode,
      code: STATUS_CODES[err.statusCode] ?? ErrorCode.BadRequest,
      message,
      logAsError: false,
    };
  }
  return {
    statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
    code: ErrorCode.Internal,
    message: 'Internal server error',
    logAsError: true,
  };
}

@Catch()
export class GlobalExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    sendError(reply, request, exception, this.logger);
  }
}

export function sendError(
  reply: FastifyReply,
  request: FastifyRequest | undefined,
  exception: unknown,
  logger: Pick<Logger, 'error' | 'debug'>,
): void {
  const { logAsError, ...shaped } = shapeError(exception);
  const correlationId = correlationIdOf(request);
  const body: ErrorBody = { ...shaped, correlationId };
  if (body.errors === undefined) delete body.errors;
  if (logAsError) {
    logger.error(
      { correlationId, err: exception, method: request?.method, url: request?.url },
      `${body.statusCode} ${body.code}`,
    );
  } else {
    logger.debug({ correlationId, code: body.code, status: body.statusCode }, body.message);
  }
  if (reply.sent) return;
  if (exception instanceof AppError && exception.retryAfterSeconds)
    void reply.header('retry-after', String(exception.retryAfterSeconds));
  void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
}
