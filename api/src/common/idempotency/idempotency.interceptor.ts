import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { Reflector } from '@nestjs/core';
import { ApiHeader } from '@nestjs/swagger';
import { createHash } from 'node:crypto';
import { from, Observable, of } from 'rxjs';
import { catchError, mergeMap } from 'rxjs/operators';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../../auth/auth-context.js';
import { AppError } from '../errors/app-error.js';
import { ErrorCode } from '../errors/error-code.js';

const KEY = /^[\x21-\x7e]{1,200}$/;
// A first request that never finished (a crash) stops blocking its key after this long.
const STALE_MS = 5 * 60_000;

interface Request {
  method: string;
  url: string;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
  user?: AuthContext;
}

interface StoredRow {
  request_hash: string;
  status_code: number | null;
  response_body: unknown;
  created_at: Date;
}

/**
 * Idempotency-Key on creating POSTs: the first request's answer is stored and replayed to retries
 * (same user, same key, same request) for 24 hours, so a retry creates nothing new. Failed requests
 * store nothing (they wrote nothing), so they can be retried with the same key.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly db: DataSource,
    private readonly reflector: Reflector,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<Request>();
    const reply = context.switchToHttp().getResponse<{ header(name: string, value: string): unknown }>();
    const raw = request.headers['idempotency-key'];
    if (raw === undefined || !request.user) return next.handle();
    const key = Array.isArray(raw) ? raw[0]! : raw;
    if (!KEY.test(key)) {
      throw AppError.validation(
        { 'Idempotency-Key': 'must be 1 to 200 visible ASCII characters, e.g. a UUID' },
        'Invalid Idempotency-Key header',
      );
    }
    const userId = request.user.userId;
    const hash = this.hash(request);
    if (Math.random() < 0.01)
      await this.db.query(`DELETE FROM idempotency_keys WHERE created_at < now() - interval '24 hours'`);
    const claimed: unknown[] = await this.db.query(
      `INSERT INTO idempotency_keys (user_id, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING key`,
      [userId, key, hash],
    );
    if (claimed.length === 0) {
      const [row] = (await this.db.query(
        `SELECT request_hash, status_code, response_body, created_at FROM idempotency_keys WHERE user_id = $1 AND key = $2`,
        [userId, key],
      )) as StoredRow[];
      if (row && row.request_hash !== hash)
        throw new AppError(
          ErrorCode.Conflict,
          'This Idempotency-Key was already used for a different request; use a new key for a new request',
        );
      if (row && row.status_code !== null) {
        reply.header('idempotent-replayed', 'true');
        return of(row.response_body);
      }
      // Inside WITH so the answer is the rows: TypeORM answers a bare UPDATE with [rows, count], whose length
      // is always 2, which once let a concurrent retry through as if the first request had died.
      const stale: unknown[] = await this.db.query(
        `WITH taken AS (UPDATE idempotency_keys SET created_at = now() WHERE user_id = $1 AND key = $2 AND status_code IS NULL
            AND created_at < now() - make_interval(secs => $3) RETURNING key) SELECT key FROM taken`,
        [userId, key, STALE_MS / 1000],
      );
      if (stale.length === 0)
        throw new AppError(
          ErrorCode.Conflict,
          'A request with this Idempotency-Key is still being processed; retry in a moment',
        );
    }
    const status =
      this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ??
      (request.method === 'POST' ? 201 : 200);
    return next.handle().pipe(
      mergeMap((body) =>
        from(
          this.db
            .query(`UPDATE idempotency_keys SET status_code = $3, response_body = $4 WHERE user_id = $1 AND key = $2`, [
              userId,
              key,
              status,
              JSON.stringify(body ?? null),
            ])
            .then(() => body),
        ),
      ),
      catchError((error: unknown) =>
        from(
          this.db
            .query(`DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND status_code IS NULL`, [
              userId,
              key,
            ])
            .then(() => {
              throw error;
            }),
        ),
      ),
    );
  }

  private hash(request: Request): string {
    // A streamed body (a CSV upload) is not read here: its size and type stand in for it.
    const body =
      request.body && typeof (request.body as { pipe?: unknown }).pipe === 'function'
        ? `${String(request.headers['content-type'])}:${String(request.headers['content-length'])}`
        : request.body;
    return createHash('sha256')
      .update(JSON.stringify([request.method, request.url, body ?? null]))
      .digest('hex');
  }
}

/** Marks a creating POST that honours an Idempotency-Key header. */
export function Idempotent(): MethodDecorator {
  return applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'A unique key per intended creation (e.g. a UUID). A retry with the same key and body returns the first answer and creates nothing new; the same key with a different body is a 409.',
    }),
  );
}
