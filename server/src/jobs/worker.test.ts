import { describe, it, expect, beforeEach, afterEach } from "vitest";
import { sql } from "drizzle-orm";
import { freshContext } from "../../../tests/helpers/context.ts";
import type { AppContext } from "../context.ts";
import { enqueue } from "./enqueue.ts";
import { JobWorker } from "./worker.ts";

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
});
