import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { AppContext } from "../../context.ts";
import type { Tx } from "../../db/client.ts";
import { notFound } from "../../errors.ts";
import { promises } from "../../db/schema/promises.ts";
import { debtors } from "../../db/schema/debtors.ts";
import { invoices } from "../../db/schema/invoices.ts";
import { payments } from "../../db/schema/payments.ts";
import { audit, historyOf, SYSTEM } from "../../lib/audit.ts";
import { centsFromNumeric, moneyFromNumeric, numericFromCents } from "../ledger/money.ts";
import { addDays, isoToday } from "../drafts/locale-format.ts";
import type { PromiseListQuery } from "./schemas.ts";

/** Days after the promised date before "nothing arrived" counts: bank transfers take a day or two to show. */
export const PROMISE_GRACE_DAYS = 2;
/** A promise is no longer re-evaluated this long after its date (late payments then go to the statement, not the promise). */
export const PROMISE_WATCH_DAYS = 90;

type PromiseRow = typeof promises.$inferSelect;
export type PromiseStatus = "pending" | "kept" | "partly_kept" | "broken" | "cancelled";

export async function createPromiseFromMessage(
  tx: Tx,
  input: { debtorId: number; messageId: number; promisedDate: string; amountCents: number; currency: string; invoiceIds: number[]; countFrom: string },
): Promise<{ promise: PromiseRow; created: boolean }> {
  const [existing] = await tx.select().from(promises).where(eq(promises.messageId, input.messageId));
  if (existing) return { promise: existing, created: false };
  const [promise] = await tx
    .insert(promises)
    .values({
      debtorId: input.debtorId,
      messageId: input.messageId,
      promisedDate: input.promisedDate,
      amount: numericFromCents(input.amountCents),
      currency: input.currency,
      invoiceIds: input.invoiceIds,
      countFrom: input.countFrom,
    })
    .returning();
  await audit(tx, { entityType: "promise", entityId: promise.id, action: "recorded", actor: SYSTEM, details: { messageId: input.messageId, promisedDate: input.promisedDate, amount: input.amountCents / 100 } });
  return { promise, created: true };
}

/**
 * What has been paid towards a promise: payments of the debtor since the
 * promise was made, on its invoices (or unallocated) when it names invoices.
 */
export async function paidTowards(tx: Tx, p: { debtorId: number; countFrom: string; invoiceIds: number[] }): Promise<number> {
  const conds: SQL[] = [eq(payments.debtorId, p.debtorId), sql`${payments.paidOn} >= ${p.countFrom}`];
  if (p.invoiceIds.length) conds.push(sql`(${payments.invoiceId} is null or ${inArray(payments.invoiceId, p.invoiceIds)})`);
  const [row] = await tx.select({ total: sql<string>`coalesce(sum(${payments.amount}), 0)::text` }).from(payments).where(and(...conds));
  return centsFromNumeric(row.total);
}

/** True when every invoice the promise names is settled in the ledger (an ERP export may settle without payment rows). */
async function invoicesSettled(tx: Tx, invoiceIds: number[]): Promise<boolean> {
  if (!invoiceIds.length) return false;
  const rows = await tx.select({ open: invoices.openAmount, status: invoices.status }).from(invoices).where(inArray(invoices.id, invoiceIds));
  return rows.length > 0 && rows.every((r) => r.status === "paid" || r.status === "cancelled" || centsFromNumeric(r.open) <= 0);
}

/** The status a promise has today, from what has been paid. */
export function promiseVerdict(input: { amountCents: number; paidCents: number; settled: boolean; promisedDate: string; today: string }): PromiseStatus {
  if (input.settled || input.paidCents >= input.amountCents) return "kept";
  if (input.today <= addDays(input.promisedDate, PROMISE_GRACE_DAYS)) return "pending";
  return input.paidCents > 0 ? "partly_kept" : "broken";
}

export interface PromiseChange {
  promise: PromiseRow;
  from: string;
  to: PromiseStatus;
  paidCents: number;
}

/**
 * Re-evaluate the live promises (of some debtors, or all): kept / partly kept /
 * broken. Returns the ones whose status changed; the caller turns broken ones
 * into follow-up drafts (evaluate.ts).
 */
export async function reevaluatePromises(tx: Tx, input: { debtorIds?: number[]; today?: string }): Promise<PromiseChange[]> {
  const today = input.today ?? isoToday();
  const conds: SQL[] = [
    inArray(promises.status, ["pending", "partly_kept", "broken"]),
    sql`${promises.promisedDate} >= ${addDays(today, -PROMISE_WATCH_DAYS)}`,
  ];
  if (input.debtorIds) conds.push(inArray(promises.debtorId, input.debtorIds.length ? input.debtorIds : [-1]));
  const live = await tx.select().from(promises).where(and(...conds)).for("update", { skipLocked: true });
  const changes: PromiseChange[] = [];
  for (const p of live) {
    const amountCents = centsFromNumeric(p.amount);
    const paidCents = await paidTowards(tx, p);
    const settled = await invoicesSettled(tx, p.invoiceIds);
    const to = promiseVerdict({ amountCents, paidCents, settled, promisedDate: p.promisedDate, today });
    const paidChanged = paidCents !== centsFromNumeric(p.paidAmount);
    if (to === p.status && !paidChanged) continue;
    const [row] = await tx
      .update(promises)
      .set({ status: to, paidAmount: numericFromCents(paidCents), evaluatedAt: new Date(), updatedAt: new Date() })
      .where(eq(promises.id, p.id))
      .returning();
    if (to !== p.status) {
      await audit(tx, { entityType: "promise", entityId: p.id, action: to, actor: SYSTEM, details: { from: p.status, paid: paidCents / 100, promised: amountCents / 100 } });
      changes.push({ promise: row, from: p.status, to, paidCents });
    }
  }
  return changes;
}

function view(p: PromiseRow, debtor?: { number: string; name: string }, numbers?: Map<number, string>) {
  return {
    id: p.id,
    debtorId: p.debtorId,
    debtor: debtor ?? null,
    messageId: p.messageId,
    promisedDate: p.promisedDate,
    amount: moneyFromNumeric(p.amount),
    paidAmount: moneyFromNumeric(p.paidAmount),
    currency: p.currency,
    invoices: p.invoiceIds.map((id) => ({ id, number: numbers?.get(id) ?? null })),
    status: p.status,
    evaluatedAt: p.evaluatedAt?.toISOString() ?? null,
    createdAt: p.createdAt.toISOString(),
  };
}

async function numberMap(tx: Tx, ids: number[]) {
  if (!ids.length) return new Map<number, string>();
  const rows = await tx.select({ id: invoices.id, number: invoices.number }).from(invoices).where(inArray(invoices.id, ids));
  return new Map(rows.map((r) => [r.id, r.number]));
}

export async function listPromises({ ctx, input }: { ctx: AppContext; input: PromiseListQuery }) {
  const where: SQL[] = [];
  if (input.status) where.push(inArray(promises.status, input.status.split(",")));
  if (input.debtorId) where.push(eq(promises.debtorId, input.debtorId));
  const rows = await ctx.db
    .select({ p: promises, number: debtors.number, name: debtors.name })
    .from(promises)
    .innerJoin(debtors, eq(debtors.id, promises.debtorId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(promises.promisedDate), desc(promises.id))
    .limit(input.limit)
    .offset(input.offset);
  const numbers = await numberMap(ctx.db, [...new Set(rows.flatMap((r) => r.p.invoiceIds))]);
  return { items: rows.map((r) => view(r.p, { number: r.number, name: r.name }, numbers)) };
}

export async function getPromise({ ctx, input }: { ctx: AppContext; input: { id: number } }) {
  const [row] = await ctx.db
    .select({ p: promises, number: debtors.number, name: debtors.name })
    .from(promises)
    .innerJoin(debtors, eq(debtors.id, promises.debtorId))
    .where(eq(promises.id, input.id));
  if (!row) throw notFound("Promise");
  const numbers = await numberMap(ctx.db, row.p.invoiceIds);
  return { ...view(row.p, { number: row.number, name: row.name }, numbers), history: await historyOf(ctx.db, "promise", input.id) };
}
