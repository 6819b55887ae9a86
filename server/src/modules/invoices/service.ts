import { and, asc, count, desc, eq, ilike, inArray, not, or, sql, type SQL } from "drizzle-orm";
import type { AppContext } from "../../context.ts";
import type { Tx } from "../../db/client.ts";
import { debtors } from "../../db/schema/debtors.ts";
import { invoices } from "../../db/schema/invoices.ts";
import { payments } from "../../db/schema/payments.ts";
import { notFound } from "../../errors.ts";
import { centsFromNumeric, moneyFromNumeric } from "../ledger/money.ts";
import { numberKey } from "../ledger/values.ts";
import { daysOverdue, overdueSql, todayIso } from "./aging.ts";
import type { InvoiceDetail, InvoiceListQuery, InvoiceListResponse, InvoiceSummary, PaymentSummary } from "./schemas.ts";

type InvoiceRow = typeof invoices.$inferSelect;
type DebtorRef = { id: number; number: string; name: string };

export function toInvoiceSummary(inv: InvoiceRow, debtor: DebtorRef, asOf: string): InvoiceSummary {
  const openCents = centsFromNumeric(inv.openAmount);
  return {
    id: inv.id,
    number: inv.number,
    numberKey: inv.numberKey,
    kind: inv.kind as InvoiceSummary["kind"],
    debtor,
    issueDate: inv.issueDate,
    dueDate: inv.dueDate,
    currency: inv.currency,
    amount: moneyFromNumeric(inv.amount),
    openAmount: moneyFromNumeric(inv.openAmount),
    status: inv.status as InvoiceSummary["status"],
    inDispute: inv.inDispute,
    daysOverdue: daysOverdue({ ...inv, openCents }, asOf),
  };
}

/** `like` pattern matching `text` literally: % and _ typed by a user are not wildcards. */
export const likeContains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Finds a row by the key a URL carries: an id or a number. An all-digits key is
 * read as an id first (what the UI links use), then as a number; `by` forces one.
 */
export async function findByIdOrNumber<T>(
  key: string,
  by: "id" | "number" | undefined,
  byId: (id: number) => Promise<T | undefined>,
  byNumber: (n: string) => Promise<T | undefined>,
): Promise<T | undefined> {
  const numeric = /^\d{1,9}$/.test(key);
  if (by === "number") return byNumber(key);
  if (by === "id") return numeric ? byId(Number(key)) : undefined;
  return (numeric ? await byId(Number(key)) : undefined) ?? byNumber(key);
}

export async function findDebtorRef(db: Tx, key: string, by?: "id" | "number"): Promise<DebtorRef | undefined> {
  const cols = { id: debtors.id, number: debtors.number, name: debtors.name };
  return findByIdOrNumber(
    key,
    by,
    async (id) => (await db.select(cols).from(debtors).where(eq(debtors.id, id)))[0],
    async (n) => (await db.select(cols).from(debtors).where(eq(debtors.number, n)))[0],
  );
}

const sorts: Record<InvoiceListQuery["sort"], SQL[]> = {
  dueDate: [sql`coalesce(${invoices.dueDate}, ${invoices.issueDate}) asc`, asc(invoices.id)],
  "-dueDate": [sql`coalesce(${invoices.dueDate}, ${invoices.issueDate}) desc`, desc(invoices.id)],
  issueDate: [asc(invoices.issueDate), asc(invoices.id)],
  "-issueDate": [desc(invoices.issueDate), desc(invoices.id)],
  number: [asc(invoices.number)],
  "-openAmount": [desc(invoices.openAmount), asc(invoices.id)],
};

export async function listInvoices({ ctx, input }: { ctx: AppContext; input: InvoiceListQuery }): Promise<InvoiceListResponse> {
  const asOf = input.asOf ?? todayIso();
  const where: (SQL | undefined)[] = [];
  if (input.debtor) {
    const debtor = await findDebtorRef(ctx.db, input.debtor);
    if (!debtor) throw notFound(`Debtor ${input.debtor}`);
    where.push(eq(invoices.debtorId, debtor.id));
  }
  if (input.status) where.push(inArray(invoices.status, input.status));
  if (input.kind) where.push(eq(invoices.kind, input.kind));
  if (input.inDispute !== undefined) where.push(eq(invoices.inDispute, input.inDispute));
  if (input.overdue !== undefined) where.push(input.overdue ? overdueSql(asOf) : not(overdueSql(asOf)));
  if (input.q) {
    // "2024/0113" finds F2024-0113 through its digits; letters typed ("f", "re") must still be in the number.
    const digits = numberKey(input.q);
    const words = input.q.match(/[^\d\s/._#-]+/g) ?? [];
    const byDigits = digits
      ? and(ilike(invoices.numberKey, likeContains(digits)), ...words.map((w) => ilike(invoices.number, likeContains(w))))
      : undefined;
    where.push(or(ilike(invoices.number, likeContains(input.q)), byDigits));
  }
  const filter = and(...where);
  const [{ total }] = await ctx.db.select({ total: count() }).from(invoices).where(filter);
  const rows = await ctx.db
    .select({ invoice: invoices, debtor: { id: debtors.id, number: debtors.number, name: debtors.name } })
    .from(invoices)
    .innerJoin(debtors, eq(debtors.id, invoices.debtorId))
    .where(filter)
    .orderBy(...sorts[input.sort])
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);
  return {
    items: rows.map((r) => toInvoiceSummary(r.invoice, r.debtor, asOf)),
    page: input.page,
    pageSize: input.pageSize,
    total,
    asOf,
  };
}

export async function paymentSummaries(db: Tx, where: SQL, limit = 500): Promise<PaymentSummary[]> {
  const rows = await db
    .select({ payment: payments, invoiceNumber: invoices.number })
    .from(payments)
    .leftJoin(invoices, eq(invoices.id, payments.invoiceId))
    .where(where)
    .orderBy(desc(payments.paidOn), desc(payments.id))
    .limit(limit);
  return rows.map(({ payment: p, invoiceNumber }) => ({
    id: p.id,
    reference: p.reference,
    paidOn: p.paidOn,
    amount: moneyFromNumeric(p.amount),
    currency: p.currency,
    invoiceId: p.invoiceId,
    invoiceNumber: invoiceNumber ?? null,
  }));
}

export async function getInvoice({ ctx, input }: { ctx: AppContext; input: { id: string; by?: "id" | "number"; asOf?: string } }): Promise<InvoiceDetail> {
  const asOf = input.asOf ?? todayIso();
  const load = async (where: SQL) =>
    (
      await ctx.db
        .select({ invoice: invoices, debtor: { id: debtors.id, number: debtors.number, name: debtors.name } })
        .from(invoices)
        .innerJoin(debtors, eq(debtors.id, invoices.debtorId))
        .where(where)
    )[0];
  const row = await findByIdOrNumber(input.id, input.by, (id) => load(eq(invoices.id, id)), (n) => load(eq(invoices.number, n)));
  if (!row) throw notFound(`Invoice ${input.id}`);
  return {
    ...toInvoiceSummary(row.invoice, row.debtor, asOf),
    payments: await paymentSummaries(ctx.db, eq(payments.invoiceId, row.invoice.id)),
    asOf,
    createdAt: row.invoice.createdAt.toISOString(),
    updatedAt: row.invoice.updatedAt.toISOString(),
  };
}
