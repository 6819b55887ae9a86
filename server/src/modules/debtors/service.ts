import { and, asc, count, eq, ilike, inArray, not, or, sql, type SQL } from "drizzle-orm";
import type { AppContext } from "../../context.ts";
import type { Tx } from "../../db/client.ts";
import { contacts } from "../../db/schema/contacts.ts";
import { debtors } from "../../db/schema/debtors.ts";
import { invoices } from "../../db/schema/invoices.ts";
import { payments } from "../../db/schema/payments.ts";
import { notFound } from "../../errors.ts";
import { agingByCurrency, openItemSql, overdueSql, todayIso } from "../invoices/aging.ts";
import { findByIdOrNumber, likeContains, paymentSummaries, toInvoiceSummary } from "../invoices/service.ts";
import type { InvoiceSummary } from "../invoices/schemas.ts";
import { centsFromNumeric, moneyFromCents } from "../ledger/money.ts";
import type { Debtor, DebtorBalance, DebtorCard, DebtorListQuery, DebtorListResponse } from "./schemas.ts";

type DebtorRow = typeof debtors.$inferSelect;

function toDebtor(d: DebtorRow): Debtor {
  return {
    id: d.id, number: d.number, name: d.name, language: d.language, country: d.country, vatNumber: d.vatNumber,
    customerNumber: d.customerNumber, tone: d.tone, group: d.groupName, insolvent: d.insolvent, domains: d.domains,
  };
}

/** `exists` an invoice of the debtor row in the outer query matching `cond`. */
const hasInvoice = (cond: SQL) =>
  sql`exists (select 1 from ${invoices} where ${invoices.debtorId} = ${debtors.id} and ${cond})`;
const yesNo = (flag: boolean, cond: SQL) => (flag ? cond : not(cond));

/** Open / overdue / disputed sums per debtor and currency, for debtors with open items. */
async function balances(db: Tx, debtorIds: number[], asOf: string): Promise<Map<number, DebtorBalance[]>> {
  const out = new Map<number, DebtorBalance[]>();
  if (!debtorIds.length) return out;
  const overdue = overdueSql(asOf);
  const rows = await db
    .select({
      debtorId: invoices.debtorId,
      currency: invoices.currency,
      open: sql<string>`coalesce(sum(${invoices.openAmount}) filter (where ${openItemSql}), 0)::text`,
      overdue: sql<string>`coalesce(sum(${invoices.openAmount}) filter (where ${overdue}), 0)::text`,
      disputed: sql<string>`coalesce(sum(${invoices.openAmount}) filter (where ${openItemSql} and ${invoices.inDispute}), 0)::text`,
      openItems: sql<number>`(count(*) filter (where ${openItemSql}))::int`,
      overdueItems: sql<number>`(count(*) filter (where ${overdue}))::int`,
    })
    .from(invoices)
    .where(and(inArray(invoices.debtorId, debtorIds), openItemSql))
    .groupBy(invoices.debtorId, invoices.currency)
    .orderBy(asc(invoices.currency));
  for (const r of rows) {
    const list = out.get(r.debtorId) ?? [];
    list.push({
      currency: r.currency,
      open: moneyFromCents(centsFromNumeric(r.open)),
      overdue: moneyFromCents(centsFromNumeric(r.overdue)),
      disputed: moneyFromCents(centsFromNumeric(r.disputed)),
      openItems: Number(r.openItems),
      overdueItems: Number(r.overdueItems),
    });
    out.set(r.debtorId, list);
  }
  return out;
}

export async function listDebtors({ ctx, input }: { ctx: AppContext; input: DebtorListQuery }): Promise<DebtorListResponse> {
  const asOf = input.asOf ?? todayIso();
  const where: (SQL | undefined)[] = [];
  if (input.q) {
    const pattern = likeContains(input.q);
    where.push(or(ilike(debtors.number, pattern), ilike(debtors.name, pattern), ilike(debtors.customerNumber, pattern)));
  }
  if (input.language) where.push(eq(debtors.language, input.language));
  if (input.country) where.push(eq(debtors.country, input.country));
  if (input.group) where.push(eq(debtors.groupName, input.group));
  if (input.tone) where.push(eq(debtors.tone, input.tone));
  if (input.hasOpen !== undefined) where.push(yesNo(input.hasOpen, hasInvoice(openItemSql)));
  if (input.overdue !== undefined) where.push(yesNo(input.overdue, hasInvoice(overdueSql(asOf))));
  if (input.inDispute !== undefined) where.push(yesNo(input.inDispute, hasInvoice(sql`${invoices.inDispute}`)));
  const filter = and(...where);

  const order =
    input.sort === "name"
      ? [asc(debtors.name), asc(debtors.number)]
      : input.sort === "-overdue"
        ? [
            sql`(select coalesce(sum(${invoices.openAmount}), 0) from ${invoices} where ${invoices.debtorId} = ${debtors.id} and ${overdueSql(asOf)}) desc`,
            asc(debtors.number),
          ]
        : [asc(debtors.number)];
  const [{ total }] = await ctx.db.select({ total: count() }).from(debtors).where(filter);
  const rows = await ctx.db
    .select()
    .from(debtors)
    .where(filter)
    .orderBy(...order)
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);
  const sums = await balances(ctx.db, rows.map((r) => r.id), asOf);
  return {
    items: rows.map((r) => ({ ...toDebtor(r), balances: sums.get(r.id) ?? [] })),
    page: input.page,
    pageSize: input.pageSize,
    total,
    asOf,
  };
}

/** Per-currency totals of a debtor's open items (same rules as the list's SQL). */
function totalsOf(open: InvoiceSummary[]): DebtorBalance[] {
  const map = new Map<string, { open: number; overdue: number; disputed: number; openItems: number; overdueItems: number }>();
  for (const inv of open) {
    const t = map.get(inv.currency) ?? { open: 0, overdue: 0, disputed: 0, openItems: 0, overdueItems: 0 };
    const cents = Math.round(inv.openAmount * 100);
    t.open += cents;
    t.openItems++;
    if (inv.inDispute) t.disputed += cents;
    if (inv.daysOverdue > 0) {
      t.overdue += cents;
      t.overdueItems++;
    }
    map.set(inv.currency, t);
  }
  return [...map]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, t]) => ({
      currency,
      open: moneyFromCents(t.open),
      overdue: moneyFromCents(t.overdue),
      disputed: moneyFromCents(t.disputed),
      openItems: t.openItems,
      overdueItems: t.overdueItems,
    }));
}

/** The debtor card: who they are, who to write to, what they owe and how late. */
export async function getDebtorCard({ ctx, input }: { ctx: AppContext; input: { id: string; by?: "id" | "number"; asOf?: string } }): Promise<DebtorCard> {
  const asOf = input.asOf ?? todayIso();
  const one = async (where: SQL) => (await ctx.db.select().from(debtors).where(where))[0];
  const debtor = await findByIdOrNumber(input.id, input.by, (id) => one(eq(debtors.id, id)), (n) => one(eq(debtors.number, n)));
  if (!debtor) throw notFound(`Debtor ${input.id}`);

  const contactRows = await ctx.db.select().from(contacts).where(eq(contacts.debtorId, debtor.id)).orderBy(asc(contacts.email));
  const invoiceRows = await ctx.db
    .select()
    .from(invoices)
    .where(and(eq(invoices.debtorId, debtor.id), openItemSql))
    .orderBy(sql`coalesce(${invoices.dueDate}, ${invoices.issueDate}) asc`, asc(invoices.id));
  const ref = { id: debtor.id, number: debtor.number, name: debtor.name };
  const openInvoices = invoiceRows.map((inv) => toInvoiceSummary(inv, ref, asOf));

  return {
    debtor: toDebtor(debtor),
    contacts: contactRows.map((c) => ({
      id: c.id, email: c.email, name: c.name, role: c.role, status: c.status,
      outOfOfficeUntil: c.outOfOfficeUntil, lastBounceStatus: c.lastBounceStatus,
      statusChangedAt: c.statusChangedAt ? c.statusChangedAt.toISOString() : null,
    })),
    openInvoices,
    aging: agingByCurrency(openInvoices.map((i) => ({ currency: i.currency, openCents: Math.round(i.openAmount * 100), daysOverdue: i.daysOverdue }))),
    totals: totalsOf(openInvoices),
    recentPayments: await paymentSummaries(ctx.db, eq(payments.debtorId, debtor.id), 20),
    asOf,
  };
}
