import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { AppContext } from "../../context.ts";
import type { Tx } from "../../db/client.ts";
import { AppError, notFound } from "../../errors.ts";
import { disputes } from "../../db/schema/disputes.ts";
import { disputeComments } from "../../db/schema/dispute-comments.ts";
import { invoices } from "../../db/schema/invoices.ts";
import { debtors } from "../../db/schema/debtors.ts";
import { messages } from "../../db/schema/messages.ts";
import { audit, historyOf, SYSTEM, type Actor } from "../../lib/audit.ts";
import { centsFromNumeric, moneyFromNumeric, numericFromCents } from "../ledger/money.ts";
import { addDays, isoToday } from "../drafts/locale-format.ts";
import type { DisputeListQuery, DisputePatch } from "./schemas.ts";

/** Calendar days a dispute may stay open before it is overdue (the SLA shown to collectors). */
export const DISPUTE_SLA_DAYS = 14;
export const OPEN_DISPUTE_STATUSES = ["open", "investigating"] as const;
export const CLOSED_DISPUTE_STATUSES = ["credit_note_agreed", "rejected", "resolved"] as const;

type DisputeRow = typeof disputes.$inferSelect;

/**
 * invoices.in_dispute is derived: true while any open dispute lists the
 * invoice. Recomputed from the disputes table (not toggled) so two disputes on
 * one invoice, or a reopened one, can never leave it wrong.
 */
export async function syncInDispute(tx: Tx, invoiceIds: number[]): Promise<void> {
  if (!invoiceIds.length) return;
  await tx
    .update(invoices)
    .set({
      inDispute: sql`exists (select 1 from ${disputes} d where d.status in ('open', 'investigating') and ${invoices.id} = any(d.invoice_ids))`,
      updatedAt: new Date(),
    })
    .where(inArray(invoices.id, invoiceIds));
}

/** Open a dispute from an email (once per email: the unique message_id makes a re-run find the first). */
export async function openDisputeFromMessage(
  tx: Tx,
  input: { debtorId: number; messageId: number; invoiceIds: number[]; disputedCents: number | null; currency: string; reason: string; openedOn: string },
): Promise<{ dispute: DisputeRow; created: boolean }> {
  const [existing] = await tx.select().from(disputes).where(eq(disputes.messageId, input.messageId));
  if (existing) return { dispute: existing, created: false };
  const [dispute] = await tx
    .insert(disputes)
    .values({
      debtorId: input.debtorId,
      messageId: input.messageId,
      invoiceIds: input.invoiceIds,
      disputedAmount: input.disputedCents === null ? null : numericFromCents(input.disputedCents),
      currency: input.currency,
      reason: input.reason,
      slaDueDate: addDays(input.openedOn, DISPUTE_SLA_DAYS),
    })
    .returning();
  await syncInDispute(tx, input.invoiceIds);
  await audit(tx, { entityType: "dispute", entityId: dispute.id, action: "opened", actor: SYSTEM, details: { messageId: input.messageId, invoiceIds: input.invoiceIds, reason: input.reason } });
  return { dispute, created: true };
}

function view(d: DisputeRow, numbers: Map<number, string>, debtor?: { number: string; name: string }) {
  const today = isoToday();
  const open = (OPEN_DISPUTE_STATUSES as readonly string[]).includes(d.status);
  return {
    id: d.id,
    debtorId: d.debtorId,
    debtor: debtor ?? null,
    messageId: d.messageId,
    invoices: d.invoiceIds.map((id) => ({ id, number: numbers.get(id) ?? null })),
    disputedAmount: d.disputedAmount === null ? null : moneyFromNumeric(d.disputedAmount),
    currency: d.currency,
    reason: d.reason,
    status: d.status,
    assigneeId: d.assigneeId,
    slaDueDate: d.slaDueDate,
    overdue: open && d.slaDueDate < today,
    resolutionNote: d.resolutionNote,
    closedAt: d.closedAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}

async function numbersFor(tx: Tx, rows: DisputeRow[]) {
  const ids = [...new Set(rows.flatMap((r) => r.invoiceIds))];
  if (!ids.length) return new Map<number, string>();
  const found = await tx.select({ id: invoices.id, number: invoices.number }).from(invoices).where(inArray(invoices.id, ids));
  return new Map(found.map((f) => [f.id, f.number]));
}

export async function listDisputes({ ctx, input }: { ctx: AppContext; input: DisputeListQuery }) {
  const where: SQL[] = [];
  if (input.status) where.push(inArray(disputes.status, input.status.split(",")));
  if (input.debtorId) where.push(eq(disputes.debtorId, input.debtorId));
  if (input.assigneeId) where.push(eq(disputes.assigneeId, input.assigneeId));
  if (input.overdue) where.push(sql`${disputes.status} in ('open', 'investigating') and ${disputes.slaDueDate} < ${isoToday()}`);
  const rows = await ctx.db
    .select({ d: disputes, number: debtors.number, name: debtors.name })
    .from(disputes)
    .innerJoin(debtors, eq(debtors.id, disputes.debtorId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(disputes.createdAt), desc(disputes.id))
    .limit(input.limit)
    .offset(input.offset);
  const numbers = await numbersFor(ctx.db, rows.map((r) => r.d));
  return { items: rows.map((r) => view(r.d, numbers, { number: r.number, name: r.name })) };
}

export async function getDispute({ ctx, input }: { ctx: AppContext; input: { id: number } }) {
  const [row] = await ctx.db
    .select({ d: disputes, number: debtors.number, name: debtors.name })
    .from(disputes)
    .innerJoin(debtors, eq(debtors.id, disputes.debtorId))
    .where(eq(disputes.id, input.id));
  if (!row) throw notFound("Dispute");
  const numbers = await numbersFor(ctx.db, [row.d]);
  const comments = await ctx.db.select().from(disputeComments).where(eq(disputeComments.disputeId, input.id)).orderBy(disputeComments.id);
  const [evidence] = row.d.messageId
    ? await ctx.db
        .select({ id: messages.id, subject: messages.subject, fromAddress: messages.fromAddress, sentAt: messages.sentAt, text: messages.text })
        .from(messages)
        .where(eq(messages.id, row.d.messageId))
    : [];
  return {
    ...view(row.d, numbers, { number: row.number, name: row.name }),
    evidence: evidence ? { ...evidence, sentAt: evidence.sentAt?.toISOString() ?? null } : null,
    comments: comments.map((c) => ({ id: c.id, userId: c.userId, author: c.author, body: c.body, createdAt: c.createdAt.toISOString() })),
    history: await historyOf(ctx.db, "dispute", input.id),
  };
}

/** Change status / assignee / invoices / amount. Closing or reopening re-derives the invoices' in_dispute flag. */
export async function updateDispute({ ctx, input, actor = SYSTEM }: { ctx: AppContext; input: { id: number; patch: DisputePatch }; actor?: Actor }) {
  await ctx.db.transaction(async (tx) => {
    const [d] = await tx.select().from(disputes).where(eq(disputes.id, input.id)).for("update");
    if (!d) throw notFound("Dispute");
    const p = input.patch;
    const set: Partial<typeof disputes.$inferInsert> = { updatedAt: new Date() };
    const changes: Record<string, unknown> = {};
    if (p.status && p.status !== d.status) {
      set.status = p.status;
      const closing = (CLOSED_DISPUTE_STATUSES as readonly string[]).includes(p.status);
      set.closedAt = closing ? new Date() : null;
      changes.status = { from: d.status, to: p.status };
    }
    if (p.assigneeId !== undefined && p.assigneeId !== d.assigneeId) {
      set.assigneeId = p.assigneeId;
      changes.assigneeId = { from: d.assigneeId, to: p.assigneeId };
    }
    if (p.resolutionNote !== undefined) set.resolutionNote = p.resolutionNote;
    if (p.reason && p.reason !== d.reason) {
      set.reason = p.reason;
      changes.reason = { from: d.reason, to: p.reason };
    }
    if (p.disputedAmount !== undefined) {
      set.disputedAmount = p.disputedAmount === null ? null : numericFromCents(Math.round(p.disputedAmount * 100));
      changes.disputedAmount = { from: d.disputedAmount === null ? null : centsFromNumeric(d.disputedAmount) / 100, to: p.disputedAmount };
    }
    let invoiceIds = d.invoiceIds;
    if (p.invoiceIds) {
      const own = await tx
        .select({ id: invoices.id })
        .from(invoices)
        .where(and(eq(invoices.debtorId, d.debtorId), inArray(invoices.id, p.invoiceIds.length ? p.invoiceIds : [-1])));
      if (own.length !== new Set(p.invoiceIds).size) throw new AppError("VALIDATION", "Every invoice must belong to the dispute's debtor");
      invoiceIds = [...new Set(p.invoiceIds)];
      set.invoiceIds = invoiceIds;
      changes.invoiceIds = { from: d.invoiceIds, to: invoiceIds };
    }
    await tx.update(disputes).set(set).where(eq(disputes.id, d.id));
    await syncInDispute(tx, [...new Set([...d.invoiceIds, ...invoiceIds])]);
    if (Object.keys(changes).length || p.resolutionNote !== undefined) {
      await audit(tx, { entityType: "dispute", entityId: d.id, action: "updated", actor, details: { ...changes, ...(p.resolutionNote !== undefined ? { resolutionNote: p.resolutionNote } : {}) } });
    }
  });
  return getDispute({ ctx, input: { id: input.id } });
}

export async function addDisputeComment({ ctx, input, actor = SYSTEM }: { ctx: AppContext; input: { id: number; body: string }; actor?: Actor }) {
  await ctx.db.transaction(async (tx) => {
    const [d] = await tx.select({ id: disputes.id }).from(disputes).where(eq(disputes.id, input.id));
    if (!d) throw notFound("Dispute");
    const [c] = await tx.insert(disputeComments).values({ disputeId: d.id, userId: actor.userId, author: actor.name, body: input.body }).returning();
    await audit(tx, { entityType: "dispute", entityId: d.id, action: "commented", actor, details: { commentId: c.id } });
  });
  return getDispute({ ctx, input: { id: input.id } });
}
