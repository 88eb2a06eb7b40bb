import { migrateJobQueue } from '@emerge/api';
import { randomUUID } from 'node:crypto';
import { drop, loadAverage, recreate, withClient } from './scratch.js';

export interface EnqueueFigures {
  pairs: number;
  loadAverage: string;
  /** Milliseconds per transaction: the write alone, and the same write with its job queued. */
  writeAlone: { p50: number; p95: number; p99: number };
  writeAndEnqueue: { p50: number; p95: number; p99: number };
  /** p95 of the extra time, pair by pair (each pair runs the two back to back, in random order). */
  addedP95: number;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Number(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!.toFixed(3));
};
const summary = (xs: number[]) => ({ p50: pct(xs, 50), p95: pct(xs, 95), p99: pct(xs, 99) });

/**
 * What queueing a notification costs the write that causes it (issue #16: at most 2 ms p95): the same small
 * transaction with and without `graphile_worker.add_job`, as `notifyLater` calls it, on the bench's PostgreSQL.
 * No worker runs, so the queue grows as it would behind a slow worker.
 */
export async function benchEnqueue({ adminUrl, pairs }: { adminUrl: string; pairs: number }): Promise<EnqueueFigures> {
  const name = 'emerge_bench_enqueue';
  const url = await recreate(adminUrl, name);
  try {
    await migrateJobQueue(url);
    return await withClient(url, async (c) => {
      await c.query(`CREATE TABLE writes (id bigserial PRIMARY KEY, candidate_id uuid NOT NULL, reason text,
                       at timestamptz NOT NULL DEFAULT now())`);
      const write = (id: string) =>
        c.query(`INSERT INTO writes (candidate_id, reason) VALUES ($1, 'Review of the year') RETURNING id`, [id]);
      const alone = async () => {
        const t = process.hrtime.bigint();
        await c.query('BEGIN');
        await write(randomUUID());
        await c.query('COMMIT');
        return Number(process.hrtime.bigint() - t) / 1e6;
      };
      const withJob = async () => {
        const t = process.hrtime.bigint();
        await c.query('BEGIN');
        const id = randomUUID();
        await write(id);
        const occurrence = randomUUID();
        await c.query(`SELECT graphile_worker.add_job($1, $2::json, job_key => $3, max_attempts => 10)`, [
          'notify',
          JSON.stringify({ event: 'candidate.moved', id, occurrence }),
          `candidate.moved:${id}:${occurrence}`,
        ]);
        await c.query('COMMIT');
        return Number(process.hrtime.bigint() - t) / 1e6;
      };
      for (let i = 0; i < 200; i++) await (i % 2 ? alone() : withJob());
      const a: number[] = [];
      const b: number[] = [];
      const added: number[] = [];
      for (let i = 0; i < pairs; i++) {
        let x: number;
        let y: number;
        if (Math.random() < 0.5) {
          x = await alone();
          y = await withJob();
        } else {
          y = await withJob();
          x = await alone();
        }
        a.push(x);
        b.push(y);
        added.push(y - x);
      }
      return {
        pairs,
        loadAverage: loadAverage(),
        writeAlone: summary(a),
        writeAndEnqueue: summary(b),
        addedP95: pct(added, 95),
      };
    });
  } finally {
    await drop(adminUrl, name);
  }
}
