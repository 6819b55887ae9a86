import { inArray, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { invoices } from "../../db/schema/invoices.ts";
import { payments } from "../../db/schema/payments.ts";
import { chunks, excluded, type Known } from "./known.ts";
import { centsFromNumeric, numericFromCents } from "./money.ts";
import type { NormPayment } from "./normalized.ts";
import type { ImportReport } from "./schemas.ts";
import type { WrittenInvoice } from "./write-ledger.ts";

export type InvoiceStatus = "open" | "partially_paid" | "paid";

/**
 * Status from the amounts, for invoices (positive) and credit notes (negative)
 * alike: nothing left -> paid (an overpayment too), untouched -> open.
 */
export function invoiceStatus(amountCents: number, openCents: number): InvoiceStatus {
  if (amountCents === 0 || openCents === 0 || Math.sign(openCents) !== Math.sign(amountCents)) return "paid";
  return Math.abs(openCents) >= Math.abs(amountCents) ? "open" : "partially_paid";
}

export interface PaymentTargets {
  debtorIds: Map<string, number>;
  invoices: Map<string, WrittenInvoice>;
  /** Invoices whose open amount the same file states: payments must not move it again. */
  fixedInvoiceIds: Set<number>;
}

/**
 * Upserts payments by reference and moves the open amount of the invoices they
 * settle by the difference with what was recorded before, so importing the
 * same payment twice changes nothing and a corrected payment is re-applied.
 */
export async function writePayments(tx: Tx, list: NormPayment[], known: Known, targets: PaymentTargets, report: ImportReport) {
  const rows: (typeof payments.$inferInsert)[] = [];
  const deltas = new Map<number, number>();
  const shift = (invoiceId: number | null, cents: number) => {
    if (invoiceId !== null && !targets.fixedInvoiceIds.has(invoiceId)) deltas.set(invoiceId, (deltas.get(invoiceId) ?? 0) + cents);
  };
  for (const p of list) {
    const ex = known.payments.get(p.reference);
    const inv = p.invoice ? targets.invoices.get(p.invoice) : undefined;
    const row = {
      reference: p.reference,
      debtorId: targets.debtorIds.get(p.debtor)!,
      invoiceId: inv?.id ?? null,
      paidOn: p.date,
      amount: numericFromCents(p.amount),
      currency: p.currency ?? inv?.currency ?? ex?.currency ?? "EUR",
    };
    const same =
      ex &&
      ex.debtorId === row.debtorId &&
      ex.invoiceId === row.invoiceId &&
      ex.paidOn === row.paidOn &&
      ex.currency === row.currency &&
      centsFromNumeric(ex.amount) === p.amount;
    if (same) {
      report.payments.unchanged++;
      continue;
    }
    report.payments[ex ? "updated" : "created"]++;
    rows.push(row);
    if (ex) shift(ex.invoiceId, centsFromNumeric(ex.amount));
    shift(row.invoiceId, -p.amount);
  }
  const cols = ["debtorId", "invoiceId", "paidOn", "amount", "currency"] as const;
  const set = Object.fromEntries(cols.map((k) => [k, excluded(payments[k])]));
  for (const part of chunks(rows, 1000)) {
    const written = await tx
      .insert(payments)
      .values(part)
      .onConflictDoUpdate({ target: payments.reference, set })
      .returning({ id: payments.id });
    report.paymentIds.push(...written.map((w) => w.id));
  }
  await applyDeltas(tx, deltas, report);
}

async function applyDeltas(tx: Tx, deltas: Map<number, number>, report: ImportReport) {
  const ids = [...deltas].filter(([, d]) => d !== 0).map(([id]) => id);
  for (const part of chunks(ids, 2000)) {
    const rows = await tx
      .select({ id: invoices.id, amount: invoices.amount, openAmount: invoices.openAmount })
      .from(invoices)
      .where(inArray(invoices.id, part));
    const values = rows.map((inv) => {
      const open = centsFromNumeric(inv.openAmount) + deltas.get(inv.id)!;
      return sql`(${inv.id}::int, ${numericFromCents(open)}::numeric, ${invoiceStatus(centsFromNumeric(inv.amount), open)}::text)`;
    });
    if (!values.length) continue;
    // One statement per chunk: a bank file settles thousands of invoices at once.
    await tx.execute(sql`
      update ${invoices} set open_amount = v.open, status = v.status, updated_at = now()
      from (values ${sql.join(values, sql`, `)}) as v(id, open, status)
      where ${invoices}.id = v.id`);
    report.invoices.updated += values.length;
  }
}
