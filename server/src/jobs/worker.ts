import { randomUUID } from "node:crypto";
import os from "node:os";
import PQueue from "p-queue";
import { sql } from "drizzle-orm";
import type { AppContext } from "../context.ts";

export interface JobRow {
  id: number;
  queue: string;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
}

export type JobHandler = (payload: Record<string, unknown>, job: JobRow) => Promise<void>;

/**
 * A queue whose jobs are cheaper together (one query for many rows, one
 * transaction): the worker hands over up to batchSize claimed jobs at once.
 * Each job keeps its own fate: those in the returned map failed (retried with
 * backoff, then left visible as failed), the others are done; a throw fails
 * them all. A crash mid-batch leaves every job of it running until its lease
 * ends, then they are re-run, so a batch handler must be idempotent.
 */
export interface BatchJobHandler {
  batchSize: number;
  runBatch(jobs: JobRow[]): Promise<Map<number, unknown>>;
}

export type QueueHandlers = Record<string, JobHandler | BatchJobHandler>;

const isBatch = (h: JobHandler | BatchJobHandler): h is BatchJobHandler => typeof h !== "function";

export interface WorkerOptions {
  concurrency?: number;
  pollMs?: number;
  /** A running job older than this is presumed orphaned by a dead worker and re-queued. */
  leaseMs?: number;
  /** Base of the exponential retry backoff. */
  backoffMs?: number;
}

/**
 * Claims jobs from Postgres with FOR UPDATE SKIP LOCKED, so any number of
 * worker processes on any number of machines share one queue without
 * double-processing; p-queue bounds concurrency inside this process.
 */
export class JobWorker {
  readonly id = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly pq: PQueue;
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private polling: Promise<void> | null = null;
  private readonly onEnqueued = () => void this.poll();

  constructor(
    private readonly ctx: AppContext,
    private readonly handlers: QueueHandlers,
    private readonly opts: WorkerOptions = {},
  ) {
    this.pq = new PQueue({ concurrency: opts.concurrency ?? ctx.env.WORKER_CONCURRENCY });
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.ctx.events.on("jobs.enqueued", this.onEnqueued);
    const tick = async () => {
      await this.poll();
      if (this.running) this.timer = setTimeout(tick, this.opts.pollMs ?? 1000);
    };
    void tick();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.ctx.events.off("jobs.enqueued", this.onEnqueued);
    if (this.timer) clearTimeout(this.timer);
    await this.polling;
    await this.pq.onIdle();
  }

  /** Process until no job is due (tests, eval, CLI imports). */
  async drain(): Promise<void> {
    for (;;) {
      const n = await this.claimAndRun();
      await this.pq.onIdle();
      if (n === 0) return;
    }
  }

  private poll(): Promise<void> {
    // One claim at a time per process; a poll during a poll just joins it.
    this.polling ??= this.claimAndRun()
      .then(() => undefined)
      .catch((err) => this.ctx.log.error("job poll failed", { err: String(err) }))
      .finally(() => (this.polling = null));
    return this.polling;
  }

  private async claimAndRun(): Promise<number> {
    const free = (this.opts.concurrency ?? this.ctx.env.WORKER_CONCURRENCY) * 2 - this.pq.size - this.pq.pending;
    if (free <= 0) return 0;
    const leaseMs = this.opts.leaseMs ?? 10 * 60_000;
    await this.ctx.database.query(sql`
      update jobs set status = 'pending', locked_at = null, locked_by = null, updated_at = now()
      where status = 'running' and locked_at < now() - make_interval(secs => ${leaseMs / 1000})`);
    const queues = Object.keys(this.handlers);
    const single = queues.filter((q) => !isBatch(this.handlers[q]));
    let slots = free;
    let total = 0;
    if (single.length) {
      const claimed = await this.claim(single, slots);
      for (const job of claimed) void this.pq.add(() => this.run(job));
      slots -= claimed.length;
      total += claimed.length;
    }
    for (const queue of queues) {
      const handler = this.handlers[queue];
      if (!isBatch(handler)) continue;
      // Each batch takes one slot; at least one batch per poll so single jobs cannot starve a batch queue.
      const size = Math.max(1, handler.batchSize);
      const claimed = await this.claim([queue], Math.max(1, slots) * size);
      for (let i = 0; i < claimed.length; i += size) {
        const batch = claimed.slice(i, i + size);
        void this.pq.add(() => this.runBatch(handler, batch));
        slots--;
      }
      total += claimed.length;
    }
    return total;
  }

  private claim(queues: string[], limit: number): Promise<JobRow[]> {
    return this.ctx.database.query<JobRow>(sql`
      update jobs set status = 'running', locked_at = now(), locked_by = ${this.id},
        attempts = attempts + 1, updated_at = now()
      where id in (
        select id from jobs
        where status = 'pending' and run_at <= now()
          and queue in (${sql.join(queues.map((q) => sql`${q}`), sql`, `)})
        order by run_at, id
        for update skip locked
        limit ${limit})
      returning id, queue, payload, attempts, max_attempts`);
  }

  private async run(job: JobRow): Promise<void> {
    const handler = this.handlers[job.queue] as JobHandler;
    try {
      await handler(job.payload, job);
      await this.ctx.database.query(sql`
        update jobs set status = 'done', locked_at = null, last_error = null, updated_at = now() where id = ${job.id}`);
    } catch (err) {
      await this.fail(job, err);
    }
  }

  private async runBatch(handler: BatchJobHandler, jobs: JobRow[]): Promise<void> {
    let failures: Map<number, unknown>;
    try {
      failures = await handler.runBatch(jobs);
    } catch (err) {
      failures = new Map(jobs.map((j) => [j.id, err]));
    }
    const done = jobs.filter((j) => !failures.has(j.id)).map((j) => j.id);
    try {
      if (done.length) {
        await this.ctx.database.query(sql`
          update jobs set status = 'done', locked_at = null, last_error = null, updated_at = now()
          where id in (${sql.join(done.map((id) => sql`${id}`), sql`, `)})`);
      }
      for (const job of jobs) if (failures.has(job.id)) await this.fail(job, failures.get(job.id));
    } catch (err) {
      // The jobs stay running: their lease ends and they are re-run, as after a crash.
      this.ctx.log.error("recording a job batch failed", { queue: jobs[0]?.queue, jobs: jobs.length, err: String(err) });
    }
  }

  /** Back to pending with exponential backoff, or failed (and visible) once out of attempts. */
  private async fail(job: JobRow, err: unknown): Promise<void> {
    const message = err instanceof Error ? err.message : String(err);
    const final = job.attempts >= job.max_attempts;
    const delayMs = Math.min((this.opts.backoffMs ?? 2000) * 2 ** (job.attempts - 1), 3_600_000);
    this.ctx.log.warn("job failed", { id: job.id, queue: job.queue, attempts: job.attempts, final, err: message });
    await this.ctx.database.query(sql`
      update jobs set status = ${final ? "failed" : "pending"}, locked_at = null, locked_by = null,
        last_error = ${message.slice(0, 4000)},
        run_at = now() + make_interval(secs => ${delayMs / 1000}), updated_at = now()
      where id = ${job.id}`);
  }
}
