import { asc, eq, inArray } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { disputes } from "../../db/schema/disputes.ts";
import { promises } from "../../db/schema/promises.ts";
import { paymentPlans } from "../../db/schema/payment-plans.ts";
import { planInstalments } from "../../db/schema/plan-instalments.ts";
import { accountUpdateProposals } from "../../db/schema/account-update-proposals.ts";
import { tasks } from "../../db/schema/tasks.ts";
import { invoices } from "../../db/schema/invoices.ts";
import { centsFromNumeric } from "../ledger/money.ts";
import type { CaseFacts } from "./facts.ts";

/**
 * A case row as the facts a draft states about it. Read straight from the
 * tables (not through the case modules) so those modules can ask the drafts
 * module for a draft without an import cycle.
 */
export type CaseRef = { kind: "dispute" | "promise" | "plan" | "account_update" | "insolvency"; id: number };

export async function loadCaseFacts(tx: Tx, ref: CaseRef | null): Promise<CaseFacts | null> {
  if (!ref) return null;
  switch (ref.kind) {
    case "dispute": {
      const [d] = await tx.select().from(disputes).where(eq(disputes.id, ref.id));
      if (!d) return null;
      const nums = d.invoiceIds.length ? await tx.select({ number: invoices.number }).from(invoices).where(inArray(invoices.id, d.invoiceIds)) : [];
      return {
        kind: "dispute",
        id: d.id,
        invoiceNumbers: nums.map((n) => n.number),
        disputedCents: d.disputedAmount === null ? null : centsFromNumeric(d.disputedAmount),
        reason: d.reason,
        slaDueDate: d.slaDueDate,
      };
    }
    case "promise": {
      const [p] = await tx.select().from(promises).where(eq(promises.id, ref.id));
      if (!p) return null;
      return { kind: "promise", id: p.id, promisedDate: p.promisedDate, amountCents: centsFromNumeric(p.amount), paidCents: centsFromNumeric(p.paidAmount), status: p.status };
    }
    case "plan": {
      const [p] = await tx.select().from(paymentPlans).where(eq(paymentPlans.id, ref.id));
      if (!p) return null;
      const items = await tx.select().from(planInstalments).where(eq(planInstalments.planId, p.id)).orderBy(asc(planInstalments.seq));
      return {
        kind: "plan",
        id: p.id,
        totalCents: centsFromNumeric(p.totalAmount),
        instalments: items.map((i) => ({ seq: i.seq, dueDate: i.dueDate, amountCents: centsFromNumeric(i.amount) })),
      };
    }
    case "account_update": {
      const [p] = await tx.select().from(accountUpdateProposals).where(eq(accountUpdateProposals.id, ref.id));
      if (!p) return null;
      return { kind: "account_update", id: p.id, changes: p.changes as Record<string, string> };
    }
    case "insolvency": {
      const [t] = await tx.select().from(tasks).where(eq(tasks.id, ref.id));
      if (!t) return null;
      const d = t.details as { caseReference?: string | null; administrator?: string | null };
      return { kind: "insolvency", taskId: t.id, claimCents: centsFromNumeric(t.amount), caseReference: d.caseReference ?? null, administrator: d.administrator ?? null };
    }
  }
}
