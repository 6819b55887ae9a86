import { eq } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { debtors } from "../../db/schema/debtors.ts";
import { tasks } from "../../db/schema/tasks.ts";
import { audit, SYSTEM } from "../../lib/audit.ts";
import { numericFromCents } from "../ledger/money.ts";
import { addDays } from "../drafts/locale-format.ts";
import type { LedgerFacts } from "../drafts/facts.ts";

/** Days to file a claim: deadlines set by administrators are often a few weeks; flag it early. */
export const CLAIM_TASK_DAYS = 14;
export const FILE_CLAIM_TASK = "file_insolvency_claim";

type TaskRow = typeof tasks.$inferSelect;

/**
 * An insolvency notice: the debtor is flagged (reminders stop: see
 * reminder-eligibility.ts) and a collector gets a task to file the claim
 * (the open total, with the invoice list) with the administrator. Once per
 * email; flagging is idempotent.
 */
export async function handleInsolvencyNotice(
  tx: Tx,
  input: { messageId: number; facts: LedgerFacts; caseReference: string | null; administrator: string | null; administratorEmail: string | null; today: string },
): Promise<{ task: TaskRow; created: boolean }> {
  const { facts } = input;
  const [debtor] = await tx.select({ id: debtors.id, insolvent: debtors.insolvent }).from(debtors).where(eq(debtors.id, facts.debtor.id)).for("update");
  if (!debtor.insolvent) {
    await tx.update(debtors).set({ insolvent: true, updatedAt: new Date() }).where(eq(debtors.id, debtor.id));
    await audit(tx, { entityType: "debtor", entityId: debtor.id, action: "flagged_insolvent", actor: SYSTEM, details: { messageId: input.messageId, caseReference: input.caseReference } });
  }
  const [existing] = await tx.select().from(tasks).where(eq(tasks.messageId, input.messageId));
  if (existing && existing.kind === FILE_CLAIM_TASK) return { task: existing, created: false };
  // The claim is what the debtor owes: every open item, credit notes netted, per currency.
  const main = [...facts.totals].sort((a, b) => b.openCents - a.openCents)[0] ?? { currency: "EUR", openCents: 0 };
  const [task] = await tx
    .insert(tasks)
    .values({
      kind: FILE_CLAIM_TASK,
      title: `File the claim against ${facts.debtor.name} (${facts.debtor.number}) with the administrator`,
      debtorId: facts.debtor.id,
      messageId: input.messageId,
      amount: numericFromCents(main.openCents),
      currency: main.currency,
      dueDate: addDays(input.today, CLAIM_TASK_DAYS),
      details: {
        caseReference: input.caseReference,
        administrator: input.administrator,
        administratorEmail: input.administratorEmail,
        totals: facts.totals.map((t) => ({ currency: t.currency, open: t.openCents / 100 })),
        invoices: facts.openInvoices.map((i) => ({ number: i.number, issueDate: i.issueDate, dueDate: i.dueDate, open: i.openCents / 100, currency: i.currency })),
      },
    })
    .onConflictDoNothing()
    .returning();
  const row = task ?? (await tx.select().from(tasks).where(eq(tasks.messageId, input.messageId)))[0];
  if (task) await audit(tx, { entityType: "task", entityId: task.id, action: "created", actor: SYSTEM, details: { kind: FILE_CLAIM_TASK, amount: main.openCents / 100 } });
  return { task: row, created: Boolean(task) };
}
