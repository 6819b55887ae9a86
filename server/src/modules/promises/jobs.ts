import { and, eq, inArray } from "drizzle-orm";
import type { AppContext } from "../../context.ts";
import { jobs } from "../../db/schema/jobs.ts";
import { payments } from "../../db/schema/payments.ts";
import { enqueue } from "../../jobs/enqueue.ts";
import { evaluatePromisesAndPlans } from "./evaluate.ts";

export const CASES_PAYMENTS_QUEUE = "cases.payments";
export const CASES_DAILY_QUEUE = "cases.daily";
/** Hour (UTC) of the daily check: after the night's bank and ERP imports. */
export const DAILY_CHECK_HOUR_UTC = 6;

export function nextDailyRun(now = new Date()): Date {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), DAILY_CHECK_HOUR_UTC));
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

/** Make sure one daily check is waiting in the queue (call at start; each run queues the next). */
export async function ensureDailyCaseCheck(ctx: AppContext, now = new Date()): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [waiting] = await tx
      .select({ id: jobs.id })
      .from(jobs)
      // Only a pending one counts: the running job calling this is the one that just ran.
      .where(and(eq(jobs.queue, CASES_DAILY_QUEUE), eq(jobs.status, "pending")))
      .limit(1);
    if (!waiting) await enqueue(tx, { queue: CASES_DAILY_QUEUE, payload: {}, runAt: nextDailyRun(now), maxAttempts: 3 });
  });
}

/**
 * payments.imported (emitted by the ledger import after its commit) becomes a
 * durable job, so the evaluation survives a restart and runs on whichever
 * worker is free. Returns the unsubscribe function.
 */
export function registerCaseListeners(ctx: AppContext): () => void {
  const onPayments = async (event: { paymentIds?: number[] }) => {
    try {
      const ids = event?.paymentIds ?? [];
      const rows = ids.length ? await ctx.db.selectDistinct({ debtorId: payments.debtorId }).from(payments).where(inArray(payments.id, ids)) : [];
      await enqueue(ctx.db, { queue: CASES_PAYMENTS_QUEUE, payload: ids.length ? { debtorIds: rows.map((r) => r.debtorId) } : {} });
      ctx.events.emit("jobs.enqueued");
    } catch (err) {
      ctx.log.error("could not queue the promise/plan evaluation", { err: String(err) });
    }
  };
  const listener = (e: { paymentIds?: number[] }) => void onPayments(e);
  ctx.events.on("payments.imported", listener);
  return () => ctx.events.off("payments.imported", listener);
}

/** Job handlers for the lead's worker set-up. */
export function caseJobHandlers(ctx: AppContext) {
  return {
    [CASES_PAYMENTS_QUEUE]: async (payload: Record<string, unknown>) => {
      const debtorIds = Array.isArray(payload.debtorIds) ? payload.debtorIds.map(Number) : undefined;
      await evaluatePromisesAndPlans({ ctx, input: { debtorIds } });
    },
    [CASES_DAILY_QUEUE]: async () => {
      await evaluatePromisesAndPlans({ ctx });
      await ensureDailyCaseCheck(ctx, new Date(Date.now() + 60_000));
    },
  };
}
