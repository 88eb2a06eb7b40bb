import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { run, runOnce, type Runner, type TaskList, type WorkerEvents } from 'graphile-worker';
import { EventEmitter } from 'node:events';
import pg from 'pg';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.js';
import { emailNotification, queueDigests, sendDigest } from '../modules/notifications/email.js';
import { MailerService } from '../modules/notifications/mailer.service.js';
import { deliver, type NotifyPayload } from '../modules/notifications/notify.js';
import { sendReminders } from '../modules/notifications/reminders.js';
import { jobLogger } from './job-queue.js';

export const DATABASE_URL = Symbol('DATABASE_URL');

/**
 * Runs the background jobs: inside the API process by default (WORKER=inline), or in `npm run worker` so that
 * several API replicas share one. Jobs are at least once; each task is idempotent (notifications by their key).
 */
@Injectable()
export class WorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('Worker');
  private runner: Runner | null = null;

  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
    private readonly mailer: MailerService,
  ) {}

  readonly tasks: TaskList = {
    notify: async (payload) => {
      await deliver(this.db, payload as NotifyPayload, this.mailer.enabled);
    },
    // A failure (SMTP down) throws: graphile-worker retries with exponential backoff, up to 25 attempts (days).
    email: async (payload) => {
      await emailNotification(
        this.db,
        this.mailer.composer,
        this.mailer.send,
        (payload as { notificationId: string }).notificationId,
      );
    },
    'email-digest': async () => {
      if (this.mailer.enabled) await queueDigests(this.db);
    },
    reminders: async () => {
      await sendReminders(this.db, this.mailer.enabled);
    },
    'send-digest': async (payload) => {
      await sendDigest(this.db, this.mailer.composer, this.mailer.send, payload as { userId: string; day: string });
    },
  };

  /**
   * Reminders at 06:30 and the daily digest at 07:00 UTC (graphile-worker's crontab is in UTC) (so the digest carries the day's reminders); a
   * worker that was down then runs them when it starts.
   */
  /** Jobs one process runs at once. */
  static readonly CONCURRENCY = 2;

  static readonly CRONTAB = ['30 6 * * * reminders ?fill=1d', '0 7 * * * email-digest ?fill=1d'].join('\n');

  /**
   * The workers' own connections, owned here so that shutdown waits for them to close (a pool graphile-worker
   * made itself could still be closing when the database goes away, and its error would go unhandled).
   */
  private pool: pg.Pool | null = null;

  private options() {
    if (!this.pool) {
      this.pool = new pg.Pool({ connectionString: this.databaseUrl, max: 4 });
      const failed = (e: Error) => this.log.warn(`A background-job connection failed: ${e.message}`);
      this.pool.on('error', failed);
      // A checked-out connection that breaks reports here too (graphile-worker asks for both handlers).
      this.pool.on('connect', (client) => client.on('error', failed));
    }
    return {
      pgPool: this.pool,
      logger: jobLogger,
      noHandleSignals: true,
      concurrency: WorkerService.CONCURRENCY,
      pollInterval: 2000,
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.worker !== 'inline') return;
    this.runner = await run({
      ...this.options(),
      taskList: this.tasks,
      crontab: WorkerService.CRONTAB,
      events: this.events(),
    });
    this.beat();
    this.log.log('Background jobs run in this process (WORKER=inline)');
  }

  async onApplicationShutdown(): Promise<void> {
    const runner = this.runner;
    this.runner = null;
    // The heartbeat goes on while the jobs in hand finish, so nobody frees them meanwhile.
    await runner?.stop();
    this.stopBeating();
    const pool = this.pool;
    this.pool = null;
    if (this.alive.size)
      await this.db
        .query(`DELETE FROM job_workers WHERE worker_id = ANY($1::text[])`, [[...this.alive]])
        .catch(() => undefined);
    await pool?.end().catch(() => undefined);
  }

  /** graphile-worker locks jobs under its worker pool's id: those are the ids the heartbeat vouches for. */
  private events(): WorkerEvents {
    const events = new EventEmitter() as WorkerEvents;
    events.on('pool:create', ({ workerPool }) => {
      this.alive.add(workerPool.id);
      void this.heartbeat();
    });
    events.on('pool:release', ({ workerPool }) => this.alive.delete(workerPool.id));
    return events;
  }

  private beat(): void {
    this.timer ??= setInterval(() => void this.heartbeat(), this.config.workerHeartbeatSeconds * 1000);
    this.timer.unref();
  }

  private stopBeating(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private readonly alive = new Set<string>();
  private timer: NodeJS.Timeout | null = null;

  /**
   * Says this process's workers are alive, and frees the jobs of any worker not heard of for three heartbeats:
   * a process killed outright leaves its jobs locked (graphile-worker waits four hours), and they run again here.
   * The tasks are idempotent, so a job freed from a worker that was only slow does no harm.
   */
  private async heartbeat(): Promise<void> {
    try {
      const stale = this.config.workerHeartbeatSeconds * 3;
      await this.db.query(
        `INSERT INTO job_workers (worker_id, seen_at) SELECT unnest($1::text[]), now()
         ON CONFLICT (worker_id) DO UPDATE SET seen_at = now()`,
        [[...this.alive]],
      );
      const freed: { worker: string }[] = await this.db.query(
        `WITH gone AS (
           SELECT DISTINCT locked_by AS worker FROM graphile_worker.jobs
            WHERE locked_by IS NOT NULL AND locked_at < now() - make_interval(secs => $1)
              AND locked_by NOT IN (SELECT worker_id FROM job_workers WHERE seen_at >= now() - make_interval(secs => $1)))
         SELECT worker, graphile_worker.force_unlock_workers(ARRAY[worker]) FROM gone`,
        [stale],
      );
      await this.db.query(`DELETE FROM job_workers WHERE seen_at < now() - make_interval(secs => $1)`, [stale]);
      if (freed.length) this.log.warn(`Freed the jobs of ${freed.length} worker(s) not heard of for ${stale} s`);
    } catch (e) {
      this.log.warn(`Worker heartbeat failed (retried next beat): ${(e as Error).message}`);
    }
  }

  /** Runs every job that is due, then returns (tests, and `npm run worker -- --once`). */
  async drain(): Promise<void> {
    const inline = this.timer !== null;
    this.beat();
    const events = this.events();
    const pools: string[] = [];
    events.on('pool:create', ({ workerPool }) => pools.push(workerPool.id));
    try {
      await runOnce({ ...this.options(), taskList: this.tasks, events });
      await this.settled(pools);
    } finally {
      if (!inline) this.stopBeating();
    }
  }

  /**
   * graphile-worker writes a job's outcome (done, or failed and when to retry) without awaiting it, so its
   * runOnce can return while that write is still on the wire: wait until the pool holds no job.
   */
  private async settled(pools: string[], timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [row]: { held: number }[] = await this.db.query(
        `SELECT count(*)::int AS held FROM graphile_worker.jobs WHERE locked_by = ANY($1::text[])`,
        [pools],
      );
      const held = row?.held ?? 0;
      if (held === 0) return;
      if (Date.now() > deadline) throw new Error(`${held} job(s) still locked ${timeoutMs} ms after the run ended`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}
