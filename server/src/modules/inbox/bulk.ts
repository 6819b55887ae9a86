import { inArray } from "drizzle-orm";
import type { AppContext } from "../../context.ts";
import { messages } from "../../db/schema.ts";
import { applyCorrection, type Corrector } from "./corrections.ts";
import type { BulkInput, BulkResult } from "./schemas.ts";

const triageOf = { done: "done", archive: "archived", inbox: "inbox" } as const;

/**
 * Bulk actions from the inbox. Moving between inbox/done/archived is triage
 * only; assigning a debtor or setting an intent is a correction per message
 * (stored and learnt from like a single one), all in one transaction.
 */
export async function bulkAction({ ctx, input }: { ctx: AppContext; input: { bulk: BulkInput; by: Corrector } }): Promise<BulkResult> {
  const { bulk, by } = input;
  const ids = [...new Set(bulk.ids)];
  if (bulk.action !== "assign_debtor" && bulk.action !== "set_intent") {
    const rows = await ctx.db
      .update(messages)
      .set({ triageStatus: triageOf[bulk.action] })
      .where(inArray(messages.id, ids))
      .returning({ id: messages.id });
    ctx.events.emit("message.updated", { messageIds: rows.map((r) => r.id) });
    return { updated: rows.length };
  }
  const correction = bulk.action === "assign_debtor" ? { debtorId: bulk.debtorId } : { intent: bulk.intent };

  const created = await ctx.db.transaction(async (tx) => {
    const out: { messageId: number; correctionId: number }[] = [];
    for (const messageId of ids) out.push({ messageId, correctionId: await applyCorrection(tx, messageId, correction, by) });
    return out;
  });
  for (const c of created) ctx.events.emit("correction.created", c);
  ctx.events.emit("jobs.enqueued");
  ctx.events.emit("message.updated", { messageIds: created.map((c) => c.messageId) });
  return { updated: created.length };
}
