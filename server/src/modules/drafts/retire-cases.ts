import { and, eq, ne, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { disputes } from "../../db/schema/disputes.ts";
import { promises } from "../../db/schema/promises.ts";
import { paymentPlans } from "../../db/schema/payment-plans.ts";
import { accountUpdateProposals } from "../../db/schema/account-update-proposals.ts";
import { tasks } from "../../db/schema/tasks.ts";
import { debtors } from "../../db/schema/debtors.ts";
import { audit, SYSTEM } from "../../lib/audit.ts";
import { syncInDispute } from "../disputes/service.ts";
import { FILE_CLAIM_TASK } from "../insolvency/service.ts";
import type { CaseRef } from "./case-facts.ts";

/**
 * A clerk corrected the intent of an email after Relance had opened a case
 * for it: close the cases of the old intent that nobody has worked on yet, so
 * a wrong guess does not leave an invoice blocked or a debtor flagged.
 * Anything a person has touched (assigned, commented, accepted, confirmed) stays.
 */
export async function retireStaleCases(tx: Tx, input: { messageId: number; keep: CaseRef | null; intent: string }) {
  const note = `Closed automatically: the email was reclassified as ${input.intent}`;
  const keep = (kind: CaseRef["kind"]) => input.keep?.kind === kind;

  if (!keep("dispute")) {
    const stale = await tx
      .select()
      .from(disputes)
      .where(and(eq(disputes.messageId, input.messageId), eq(disputes.status, "open"), sql`${disputes.assigneeId} is null`, sql`not exists (select 1 from dispute_comments c where c.dispute_id = ${disputes.id})`));
    for (const d of stale) {
      await tx.update(disputes).set({ status: "resolved", resolutionNote: note, closedAt: new Date(), updatedAt: new Date() }).where(eq(disputes.id, d.id));
      await syncInDispute(tx, d.invoiceIds);
      await audit(tx, { entityType: "dispute", entityId: d.id, action: "retired", actor: SYSTEM, details: { reason: note } });
    }
  }
  if (!keep("promise")) {
    const rows = await tx.update(promises).set({ status: "cancelled", updatedAt: new Date() }).where(and(eq(promises.messageId, input.messageId), eq(promises.status, "pending"))).returning({ id: promises.id });
    for (const r of rows) await audit(tx, { entityType: "promise", entityId: r.id, action: "cancelled", actor: SYSTEM, details: { reason: note } });
  }
  if (!keep("plan")) {
    const rows = await tx.update(paymentPlans).set({ status: "cancelled", updatedAt: new Date() }).where(and(eq(paymentPlans.messageId, input.messageId), eq(paymentPlans.status, "proposed"))).returning({ id: paymentPlans.id });
    for (const r of rows) await audit(tx, { entityType: "payment_plan", entityId: r.id, action: "cancelled", actor: SYSTEM, details: { reason: note } });
  }
  if (!keep("account_update")) {
    const rows = await tx
      .update(accountUpdateProposals)
      .set({ status: "rejected", decisionNote: note, decidedAt: new Date() })
      .where(and(eq(accountUpdateProposals.messageId, input.messageId), eq(accountUpdateProposals.status, "proposed")))
      .returning({ id: accountUpdateProposals.id });
    for (const r of rows) await audit(tx, { entityType: "account_update", entityId: r.id, action: "rejected", actor: SYSTEM, details: { reason: note } });
  }
  if (!keep("insolvency")) {
    const rows = await tx
      .update(tasks)
      .set({ status: "cancelled", updatedAt: new Date() })
      .where(and(eq(tasks.messageId, input.messageId), eq(tasks.kind, FILE_CLAIM_TASK), eq(tasks.status, "open"), sql`${tasks.assigneeId} is null`))
      .returning({ id: tasks.id, debtorId: tasks.debtorId });
    for (const r of rows) {
      await audit(tx, { entityType: "task", entityId: r.id, action: "cancelled", actor: SYSTEM, details: { reason: note } });
      if (r.debtorId === null) continue;
      // The flag came from this email alone: lift it unless another insolvency task still stands.
      const [other] = await tx
        .select({ id: tasks.id })
        .from(tasks)
        .where(and(eq(tasks.debtorId, r.debtorId), eq(tasks.kind, FILE_CLAIM_TASK), ne(tasks.status, "cancelled")))
        .limit(1);
      if (!other) {
        await tx.update(debtors).set({ insolvent: false, updatedAt: new Date() }).where(eq(debtors.id, r.debtorId));
        await audit(tx, { entityType: "debtor", entityId: r.debtorId, action: "unflagged_insolvent", actor: SYSTEM, details: { reason: note } });
      }
    }
  }
}
