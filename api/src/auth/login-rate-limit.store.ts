import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { RateLimiterPostgres } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** What the store needs of a limited route: its window and, for the key, which route it is. */
interface RouteLimit {
  timeWindow: number;
  max: number;
  routeInfo?: { method?: string | string[]; url?: string };
}

/**
 * A @fastify/rate-limit store that counts in PostgreSQL through rate-limiter-flexible's atomic upsert, so
 * every API process sharing the database counts the same attempts (the plugin's default store is per
 * process). The plugin keeps doing the rest: the key (client address), the headers, the 429 and Retry-After.
 */
export class PostgresRateLimitStore implements FastifyRateLimitStore {
  private readonly limiter: RateLimiterPostgres;

  constructor(
    private readonly db: DataSource,
    route: RouteLimit = { timeWindow: 60_000, max: 1 },
  ) {
    const method = [route.routeInfo?.method ?? ''].flat().join(',');
    this.limiter = new RateLimiterPostgres({
      storeClient: db,
      storeType: 'typeorm',
      tableName: 'login_rate_limits',
      // The table comes from a migration, never from the library.
      tableCreated: true,
      // Its timer cannot be stopped on shutdown; `sweep` deletes ended windows instead.
      clearExpiredByTimeout: false,
      // Each limited route counts on its own, as the plugin's default store does.
      keyPrefix: `${method} ${route.routeInfo?.url ?? ''}`.trim(),
      points: route.max,
      duration: Math.max(1, Math.ceil(route.timeWindow / 1000)),
    });
  }

  // The plugin passes its merged options for the route (typed as the route's options).
  child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): PostgresRateLimitStore {
    return new PostgresRateLimitStore(this.db, routeOptions as unknown as RouteLimit);
  }

  incr(key: string, callback: Callback): void {
    // `penalty` adds one and reports the count without refusing: the plugin compares it with `max`.
    this.limiter.penalty(key, 1).then(
      (res) => {
        if (res.isFirstInDuration) this.sweep();
        callback(null, { current: res.consumedPoints, ttl: res.msBeforeNext });
      },
      // Passed on as is: its `code` (e.g. ECONNREFUSED) is what makes it a 503.
      (error: Error) => callback(error),
    );
  }

  /**
   * Deletes ended windows. Run when an address starts a new window (at most once per address per window),
   * so the table holds about one row per address seen in the last window. Not awaited, and a failure only
   * leaves rows for the next sweep: housekeeping never fails a sign-in.
   */
  private sweep(): void {
    this.db.query(`DELETE FROM login_rate_limits WHERE expire < $1`, [Date.now()]).catch(() => undefined);
  }
}

/** The store class the plugin instantiates, bound to the app's database. */
export const postgresRateLimitStore = (db: DataSource): FastifyRateLimitStoreCtor =>
  class extends PostgresRateLimitStore {
    constructor() {
      super(db);
    }
  };
