import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { run, runOnce, type Runner, type TaskList } from 'graphile-worker';
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
   * Reminders at 06:30 and the daily digest at 07:00 server time (so the digest carries the day's reminders); a
   * worker that was down then runs them when it starts.
   */
  static readonly CRONTAB = ['30 6 * * * reminders ?fill=1d', '0 7 * * * email-digest ?fill=1d'].join('\n');

  private options() {
    return {
      connectionString: this.databaseUrl,
      logger: jobLogger,
      noHandleSignals: true,
      concurrency: 2,
      pollInterval: 2000,
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.worker !== 'inline') return;
    this.runner = await run({ ...this.options(), taskList: this.tasks, crontab: WorkerService.CRONTAB });
    this.log.log('Background jobs run in this process (WORKER=inline)');
  }

  async onApplicationShutdown(): Promise<void> {
    const runner = this.runner;
    this.runner = null;
    await runner?.stop();
  }

  /** Runs every job that is due, then returns (tests, and `npm run worker -- --once`). */
  async drain(): Promise<void> {
    await runOnce({ ...this.options(), taskList: this.tasks });
  }
}
