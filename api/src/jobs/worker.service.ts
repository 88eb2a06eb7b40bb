import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { run, runOnce, type Runner, type TaskList } from 'graphile-worker';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.js';
import { deliver, type NotifyPayload } from '../modules/notifications/notify.js';
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
  ) {}

  readonly tasks: TaskList = {
    notify: async (payload) => {
      await deliver(this.db, payload as NotifyPayload);
    },
  };

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
    this.runner = await run({ ...this.options(), taskList: this.tasks });
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
