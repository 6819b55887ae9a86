import { and, eq, gt, inArray, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { debtors } from "../../db/schema/debtors.ts";
import { invoices } from "../../db/schema/invoices.ts";

/**
 * The rule every reminder run must apply: an invoice gets no reminder while
 * it is in dispute (invoices.in_dispute, kept by the disputes module) or
 * while its debtor is insolvent (the claim goes to the administrator
 * instead). Returns the open, overdue invoices that may be reminded.
 */
export async function invoicesEligibleForReminders(tx: Tx, input: { debtorIds?: number[]; today: string }) {
  const conds = [
    inArray(invoices.status, ["open", "partially_paid"]),
    gt(invoices.openAmount, "0"),
    eq(invoices.inDispute, false),
    eq(debtors.insolvent, false),
    sql`${invoices.dueDate} < ${input.today}`,
  ];
  if (input.debtorIds) conds.push(inArray(invoices.debtorId, input.debtorIds.length ? input.debtorIds : [-1]));
  return tx
    .select({ id: invoices.id, number: invoices.number, debtorId: invoices.debtorId, dueDate: invoices.dueDate, openAmount: invoices.openAmount })
    .from(invoices)
    .innerJoin(debtors, eq(debtors.id, invoices.debtorId))
    .where(and(...conds));
}
