import type { AppContext } from "../../context.ts";
import type { ProposeOptions } from "../drafts/propose.ts";
import { withdrawDraft } from "../drafts/propose.ts";
import { proposePromiseFollowUp } from "../drafts/refresh.ts";
import { trackPlans } from "../payment-plans/service.ts";
import { reevaluatePromises, type PromiseChange } from "./service.ts";

export interface EvaluationResult {
  promises: { id: number; from: string; to: string; paid: number; followUpDraftId: number | null }[];
  plans: { tracked: number; completed: number[] };
}

/**
 * After payments arrive (or once a day): decide which promises were kept,
 * partly kept or broken, and follow each accepted plan instalment by
 * instalment. A broken or partly kept promise gets a follow-up draft in the
 * promise's thread; a promise kept after all withdraws that follow-up if
 * nobody has acted on it yet.
 */
export async function evaluatePromisesAndPlans({
  ctx,
  input = {},
  options = {},
}: {
  ctx: AppContext;
  input?: { debtorIds?: number[]; today?: string };
  options?: ProposeOptions;
}): Promise<EvaluationResult> {
  const { changes, plans } = await ctx.db.transaction(async (tx) => ({
    changes: await reevaluatePromises(tx, input),
    plans: await trackPlans(tx, input),
  }));
  const out: EvaluationResult["promises"] = [];
  for (const ch of changes as PromiseChange[]) {
    let followUpDraftId: number | null = null;
    const p = ch.promise;
    if (p.messageId && (ch.to === "broken" || ch.to === "partly_kept")) {
      const r = await proposePromiseFollowUp(ctx, { promiseId: p.id, messageId: p.messageId, debtorId: p.debtorId }, { ...options, today: input.today ?? options.today });
      followUpDraftId = r.draftId;
    } else if (p.messageId && ch.to === "kept") {
      await withdrawDraft(ctx, { messageId: p.messageId, purpose: "promise_followup", caseRef: `promise:${p.id}` }, "the promise was kept after all");
    }
    out.push({ id: p.id, from: ch.from, to: ch.to, paid: ch.paidCents / 100, followUpDraftId });
    ctx.events.emit("promise.evaluated", { promiseId: p.id, status: ch.to, followUpDraftId });
  }
  return { promises: out, plans };
}
