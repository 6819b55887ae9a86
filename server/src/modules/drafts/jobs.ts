import type { AppContext } from "../../context.ts";
import type { Tx } from "../../db/client.ts";
import { enqueue } from "../../jobs/enqueue.ts";
import type { JobHandler } from "../../jobs/worker.ts";
import { prepareActions } from "./prepare-actions.ts";

/**
 * Re-prepare a message's cases and draft after a clerk changed what it is
 * (intent, debtor, invoices or fields): a promise corrected into a dispute
 * must withdraw the promise and propose the dispute reply. Durable, so a
 * crash between the correction and the preparation still gets it done.
 */
export const PREPARE_ACTIONS_QUEUE = "prepare-actions";

export async function enqueuePrepareActions(tx: Tx, messageId: number): Promise<void> {
  await enqueue(tx, { queue: PREPARE_ACTIONS_QUEUE, payload: { messageId }, maxAttempts: 5 });
}

export function draftJobHandlers(ctx: AppContext): Record<string, JobHandler> {
  return {
    [PREPARE_ACTIONS_QUEUE]: async (payload) => {
      await prepareActions({ ctx, input: { messageId: Number(payload.messageId) } });
    },
  };
}
