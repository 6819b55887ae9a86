import { describe, it, expect, beforeEach, afterEach } from "vitest";
import { sql } from "drizzle-orm";
import { freshContext } from "../../../tests/helpers/context.ts";
import type { AppContext } from "../context.ts";
import { enqueue } from "./enqueue.ts";
import { JobWorker, type BatchJobHandler, type JobRow } from "./worker.ts";

describe("durable job queue", () => {
  let ctx: AppContext;
  beforeEach(async () => {
    ctx = await freshContext();
  });
  afterEach(() => ctx.database.close());

  const statuses = () => ctx.database.query<{ status: string; attempts: number; last_error: string | null }>(
    sql`select status, attempts, last_error from jobs order by id`,
  );

  it("runs each job once across two workers sharing the queue", async () => {
    const seen: number[] = [];
    await enqueue(ctx.db, Array.from({ length: 20 }, (_, i) => ({ queue: "t", payload: { i } })));
    const handler = async (p: Record<string, unknown>) => void seen.push(p.i as number);
    const a = new JobWorker(ctx, { t: handler }, { concurrency: 3 });
    const b = new JobWorker(ctx, { t: handler }, { concurrency: 3 });
    await Promise.all([a.drain(), b.drain()]);
    expect(seen.sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect((await statuses()).every((s) => s.status === "done" && s.attempts === 1)).toBe(true);
  });

  it("retries with backoff and ends visible as failed", async () => {
    await enqueue(ctx.db, { queue: "t", payload: {}, maxAttempts: 2 });
    let calls = 0;
    const w = new JobWorker(ctx, { t: async () => { calls++; throw new Error("boom"); } }, { backoffMs: 1 });
    await w.drain();
    await new Promise((r) => setTimeout(r, 20));
    await w.drain();
    expect(calls).toBe(2);
    expect(await statuses()).toEqual([{ status: "failed", attempts: 2, last_error: "boom" }]);
  });

  it("re-queues a job whose worker died mid-run", async () => {
    await enqueue(ctx.db, { queue: "t", payload: {} });
    await ctx.database.query(sql`update jobs set status = 'running', locked_at = now() - interval '1 hour', attempts = 1`);
    let calls = 0;
    await new JobWorker(ctx, { t: async () => void calls++ }, { leaseMs: 60_000 }).drain();
    expect(calls).toBe(1);
    expect((await statuses())[0].status).toBe("done");
  });

  describe("batch queues", () => {
    const ids = (jobs: JobRow[]) => jobs.map((j) => j.payload.i as number);

    it("hands the jobs over in batches of at most batchSize, each job done once", async () => {
      await enqueue(ctx.db, Array.from({ length: 10 }, (_, i) => ({ queue: "b", payload: { i } })));
      const batches: number[][] = [];
      const handler: BatchJobHandler = { batchSize: 4, runBatch: async (jobs) => (batches.push(ids(jobs)), new Map()) };
      await new JobWorker(ctx, { b: handler }, { concurrency: 1 }).drain();
      expect(batches.every((b) => b.length >= 1 && b.length <= 4)).toBe(true);
      expect(batches.flat().sort((x, y) => x - y)).toEqual(Array.from({ length: 10 }, (_, i) => i));
      expect(await statuses()).toEqual(Array.from({ length: 10 }, () => ({ status: "done", attempts: 1, last_error: null })));
    });

    it("a job that fails in a batch is retried with backoff and ends failed; the rest of the batch is done", async () => {
      await enqueue(ctx.db, Array.from({ length: 5 }, (_, i) => ({ queue: "b", payload: { i }, maxAttempts: 2 })));
      const seen: number[][] = [];
      const handler: BatchJobHandler = {
        batchSize: 10,
        runBatch: async (jobs) => {
          seen.push(ids(jobs));
          return new Map(jobs.filter((j) => j.payload.i === 2).map((j) => [j.id, new Error("bad mail")]));
        },
      };
      const w = new JobWorker(ctx, { b: handler }, { backoffMs: 1 });
      await w.drain();
      await new Promise((r) => setTimeout(r, 20));
      await w.drain();
      expect(seen).toEqual([[0, 1, 2, 3, 4], [2]]);
      const s = await statuses();
      expect(s[2]).toEqual({ status: "failed", attempts: 2, last_error: "bad mail" });
      expect(s.filter((_, i) => i !== 2)).toEqual(Array.from({ length: 4 }, () => ({ status: "done", attempts: 1, last_error: null })));
    });

    it("a batch handler that throws sends every job of the batch back with backoff", async () => {
      await enqueue(ctx.db, Array.from({ length: 3 }, (_, i) => ({ queue: "b", payload: { i } })));
      const handler: BatchJobHandler = { batchSize: 10, runBatch: async () => { throw new Error("database gone"); } };
      await new JobWorker(ctx, { b: handler }, { backoffMs: 60_000 }).drain();
      expect(await statuses()).toEqual(Array.from({ length: 3 }, () => ({ status: "pending", attempts: 1, last_error: "database gone" })));
      const due = await ctx.database.query<{ n: number }>(sql`select count(*)::int as n from jobs where run_at <= now()`);
      expect(due[0].n).toBe(0);
    });

    it("re-runs a batch whose worker died mid-batch", async () => {
      await enqueue(ctx.db, Array.from({ length: 4 }, (_, i) => ({ queue: "b", payload: { i } })));
      // A worker claimed all four and died before recording anything.
      await ctx.database.query(sql`update jobs set status = 'running', locked_at = now() - interval '1 hour', locked_by = 'dead', attempts = 1`);
      const seen: number[] = [];
      const handler: BatchJobHandler = { batchSize: 10, runBatch: async (jobs) => (seen.push(...ids(jobs)), new Map()) };
      await new JobWorker(ctx, { b: handler }, { leaseMs: 60_000 }).drain();
      expect(seen.sort()).toEqual([0, 1, 2, 3]);
      expect(await statuses()).toEqual(Array.from({ length: 4 }, () => ({ status: "done", attempts: 2, last_error: null })));
    });

    it("serves single and batch queues side by side", async () => {
      await enqueue(ctx.db, [
        ...Array.from({ length: 6 }, (_, i) => ({ queue: "b", payload: { i } })),
        ...Array.from({ length: 6 }, (_, i) => ({ queue: "t", payload: { i } })),
      ]);
      const single: number[] = [];
      const batched: number[] = [];
      const handler: BatchJobHandler = { batchSize: 2, runBatch: async (jobs) => (batched.push(...ids(jobs)), new Map()) };
      await new JobWorker(ctx, { t: async (p) => void single.push(p.i as number), b: handler }, { concurrency: 1 }).drain();
      expect(single.sort()).toEqual([0, 1, 2, 3, 4, 5]);
      expect(batched.sort()).toEqual([0, 1, 2, 3, 4, 5]);
      expect((await statuses()).every((s) => s.status === "done")).toBe(true);
    });
  });
});
