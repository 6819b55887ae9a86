import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { AppContext } from "../../context.ts";
import type { Tx } from "../../db/client.ts";
import { AppError, notFound } from "../../errors.ts";
import { paymentPlans } from "../../db/schema/payment-plans.ts";
import { planInstalments } from "../../db/schema/plan-instalments.ts";
import { debtors } from "../../db/schema/debtors.ts";
import { invoices } from "../../db/schema/invoices.ts";
import { payments } from "../../db/schema/payments.ts";
import { audit, historyOf, SYSTEM, type Actor } from "../../lib/audit.ts";
import { centsFromNumeric, moneyFromCents, moneyFromNumeric, numericFromCents } from "../ledger/money.ts";
import { isoToday } from "../drafts/locale-format.ts";
import { refreshReplyDraft } from "../drafts/refresh.ts";
import { allocate, firstInstalmentDate, proposeSchedule, scheduleProblem, type Instalment } from "./schedule.ts";
import type { PlanListQuery, SchedulePatch } from "./schemas.ts";

type PlanRow = typeof paymentPlans.$inferSelect;

async function writeInstalments(tx: Tx, planId: number, items: Instalment[]) {
  await tx.delete(planInstalments).where(eq(planInstalments.planId, planId));
  await tx.insert(planInstalments).values(
    items.map((it) => ({ planId, seq: it.seq, dueDate: it.dueDate, amount: numericFromCents(it.amountCents) })),
  );
}

/** A proposed plan for an email asking for instalments (once per email). */
export async function createPlanFromMessage(
  tx: Tx,
  input: { debtorId: number; messageId: number; invoiceIds: number[]; totalCents: number; currency: string; count: number; today: string },
): Promise<{ plan: PlanRow; created: boolean }> {
  const [existing] = await tx.select().from(paymentPlans).where(eq(paymentPlans.messageId, input.messageId));
  if (existing) return { plan: existing, created: false };
  const [plan] = await tx
    .insert(paymentPlans)
    .values({
      debtorId: input.debtorId,
      messageId: input.messageId,
      invoiceIds: input.invoiceIds,
      totalAmount: numericFromCents(input.totalCents),
      currency: input.currency,
      countFrom: input.today,
    })
    .returning();
  const items = proposeSchedule(input.totalCents, input.count, firstInstalmentDate(input.today));
  await writeInstalments(tx, plan.id, items);
  await audit(tx, { entityType: "payment_plan", entityId: plan.id, action: "proposed", actor: SYSTEM, details: { messageId: input.messageId, total: input.totalCents / 100, instalments: items.length } });
  return { plan, created: true };
}

export async function instalmentsOf(tx: Tx, planId: number) {
  return tx.select().from(planInstalments).where(eq(planInstalments.planId, planId)).orderBy(asc(planInstalments.seq));
}

function view(p: PlanRow, items: (typeof planInstalments.$inferSelect)[], debtor?: { number: string; name: string }, numbers?: Map<number, string>) {
  return {
    id: p.id,
    debtorId: p.debtorId,
    debtor: debtor ?? null,
    messageId: p.messageId,
    invoices: p.invoiceIds.map((id) => ({ id, number: numbers?.get(id) ?? null })),
    totalAmount: moneyFromNumeric(p.totalAmount),
    paidAmount: moneyFromCents(items.reduce((s, i) => s + centsFromNumeric(i.paidAmount), 0)),
    currency: p.currency,
    status: p.status,
    acceptedBy: p.acceptedBy,
    acceptedAt: p.acceptedAt?.toISOString() ?? null,
    instalments: items.map((i) => ({
      seq: i.seq,
      dueDate: i.dueDate,
      amount: moneyFromNumeric(i.amount),
      paidAmount: moneyFromNumeric(i.paidAmount),
      status: i.status,
      paidOn: i.paidOn,
    })),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

async function numberMap(tx: Tx, ids: number[]) {
  if (!ids.length) return new Map<number, string>();
  const rows = await tx.select({ id: invoices.id, number: invoices.number }).from(invoices).where(inArray(invoices.id, ids));
  return new Map(rows.map((r) => [r.id, r.number]));
}

export async function listPlans({ ctx, input }: { ctx: AppContext; input: PlanListQuery }) {
  const where: SQL[] = [];
  if (input.status) where.push(inArray(paymentPlans.status, input.status.split(",")));
  if (input.debtorId) where.push(eq(paymentPlans.debtorId, input.debtorId));
  const rows = await ctx.db
    .select({ p: paymentPlans, number: debtors.number, name: debtors.name })
    .from(paymentPlans)
    .innerJoin(debtors, eq(debtors.id, paymentPlans.debtorId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(paymentPlans.createdAt), desc(paymentPlans.id))
    .limit(input.limit)
    .offset(input.offset);
  const ids = rows.map((r) => r.p.id);
  const all = ids.length ? await ctx.db.select().from(planInstalments).where(inArray(planInstalments.planId, ids)).orderBy(asc(planInstalments.seq)) : [];
  const numbers = await numberMap(ctx.db, [...new Set(rows.flatMap((r) => r.p.invoiceIds))]);
  return {
    items: rows.map((r) => view(r.p, all.filter((i) => i.planId === r.p.id), { number: r.number, name: r.name }, numbers)),
  };
}

export async function getPlan({ ctx, input }: { ctx: AppContext; input: { id: number } }) {
  const [row] = await ctx.db
    .select({ p: paymentPlans, number: debtors.number, name: debtors.name })
    .from(paymentPlans)
    .innerJoin(debtors, eq(debtors.id, paymentPlans.debtorId))
    .where(eq(paymentPlans.id, input.id));
  if (!row) throw notFound("Payment plan");
  const numbers = await numberMap(ctx.db, row.p.invoiceIds);
  return {
    ...view(row.p, await instalmentsOf(ctx.db, row.p.id), { number: row.number, name: row.name }, numbers),
    history: await historyOf(ctx.db, "payment_plan", input.id),
  };
}

async function lockPlan(tx: Tx, id: number) {
  const [p] = await tx.select().from(paymentPlans).where(eq(paymentPlans.id, id)).for("update");
  if (!p) throw notFound("Payment plan");
  return p;
}

/**
 * The collector's edit of a proposed schedule. Re-validated: positive
 * amounts, increasing dates and a sum equal to the plan total to the cent.
 */
export async function updateSchedule({ ctx, input, actor = SYSTEM }: { ctx: AppContext; input: { id: number; patch: SchedulePatch }; actor?: Actor }) {
  const plan = await ctx.db.transaction(async (tx) => {
    const p = await lockPlan(tx, input.id);
    if (p.status !== "proposed") throw new AppError("CONFLICT", `Only a proposed plan can be edited (this one is ${p.status})`);
    const totalCents = centsFromNumeric(p.totalAmount);
    const items = input.patch.instalments.map((it, i) => ({ seq: i + 1, dueDate: it.dueDate, amountCents: Math.round(it.amount * 100) }));
    const problem = scheduleProblem(totalCents, items);
    if (problem) throw new AppError("VALIDATION", `Schedule rejected: ${problem}`);
    const before = await instalmentsOf(tx, p.id);
    await writeInstalments(tx, p.id, items);
    await tx.update(paymentPlans).set({ updatedAt: new Date() }).where(eq(paymentPlans.id, p.id));
    await audit(tx, {
      entityType: "payment_plan",
      entityId: p.id,
      action: "schedule_edited",
      actor,
      details: {
        before: before.map((b) => ({ dueDate: b.dueDate, amount: moneyFromNumeric(b.amount) })),
        after: items.map((i) => ({ dueDate: i.dueDate, amount: i.amountCents / 100 })),
      },
    });
    return p;
  });
  // The reply proposing the plan must show the schedule the collector settled on.
  if (plan.messageId) await refreshReplyDraft(ctx, { messageId: plan.messageId, case: { kind: "plan", id: plan.id } });
  ctx.events.emit("payment-plan.changed", { planId: plan.id, messageId: plan.messageId });
  return getPlan({ ctx, input: { id: input.id } });
}

export async function acceptPlan({ ctx, input, actor = SYSTEM }: { ctx: AppContext; input: { id: number }; actor?: Actor }) {
  await ctx.db.transaction(async (tx) => {
    const p = await lockPlan(tx, input.id);
    if (p.status !== "proposed") throw new AppError("CONFLICT", `Only a proposed plan can be accepted (this one is ${p.status})`);
    const items = await instalmentsOf(tx, p.id);
    const problem = scheduleProblem(
      centsFromNumeric(p.totalAmount),
      items.map((i) => ({ dueDate: i.dueDate, amountCents: centsFromNumeric(i.amount) })),
    );
    if (problem) throw new AppError("CONFLICT", `The schedule is not valid: ${problem}`);
    await tx.update(paymentPlans).set({ status: "accepted", acceptedBy: actor.userId, acceptedAt: new Date(), updatedAt: new Date() }).where(eq(paymentPlans.id, p.id));
    await audit(tx, { entityType: "payment_plan", entityId: p.id, action: "accepted", actor });
    await trackPlans(tx, { planIds: [p.id] });
  });
  return getPlan({ ctx, input });
}

export async function cancelPlan({ ctx, input, actor = SYSTEM }: { ctx: AppContext; input: { id: number; reason?: string }; actor?: Actor }) {
  await ctx.db.transaction(async (tx) => {
    const p = await lockPlan(tx, input.id);
    if (!["proposed", "accepted"].includes(p.status)) throw new AppError("CONFLICT", `This plan is already ${p.status}`);
    await tx.update(paymentPlans).set({ status: "cancelled", updatedAt: new Date() }).where(eq(paymentPlans.id, p.id));
    await audit(tx, { entityType: "payment_plan", entityId: p.id, action: "cancelled", actor, details: { reason: input.reason ?? null } });
  });
  return getPlan({ ctx, input: { id: input.id } });
}

/**
 * Track accepted plans instalment by instalment against the payments made
 * since the plan was agreed (on its invoices, or unallocated). A plan whose
 * every instalment is paid is completed.
 */
export async function trackPlans(tx: Tx, input: { debtorIds?: number[]; planIds?: number[]; today?: string }) {
  const today = input.today ?? isoToday();
  const conds: SQL[] = [eq(paymentPlans.status, "accepted")];
  if (input.debtorIds) conds.push(inArray(paymentPlans.debtorId, input.debtorIds.length ? input.debtorIds : [-1]));
  if (input.planIds) conds.push(inArray(paymentPlans.id, input.planIds.length ? input.planIds : [-1]));
  const plans = await tx.select().from(paymentPlans).where(and(...conds));
  const completed: number[] = [];
  for (const plan of plans) {
    const pc: SQL[] = [eq(payments.debtorId, plan.debtorId), sql`${payments.paidOn} >= ${plan.countFrom}`];
    if (plan.invoiceIds.length) pc.push(sql`(${payments.invoiceId} is null or ${inArray(payments.invoiceId, plan.invoiceIds)})`);
    const paid = await tx.select({ paidOn: payments.paidOn, amount: payments.amount }).from(payments).where(and(...pc));
    const items = await instalmentsOf(tx, plan.id);
    const alloc = allocate(
      items.map((i) => ({ seq: i.seq, dueDate: i.dueDate, amountCents: centsFromNumeric(i.amount) })),
      paid.map((p) => ({ paidOn: p.paidOn, amountCents: centsFromNumeric(p.amount) })),
      today,
    );
    for (const [k, a] of alloc.entries()) {
      const it = items[k];
      if (it.status === a.status && centsFromNumeric(it.paidAmount) === a.paidCents && it.paidOn === a.paidOn) continue;
      await tx.update(planInstalments).set({ status: a.status, paidAmount: numericFromCents(a.paidCents), paidOn: a.paidOn }).where(eq(planInstalments.id, it.id));
      if (a.status !== it.status) {
        await audit(tx, { entityType: "payment_plan", entityId: plan.id, action: `instalment_${a.status}`, actor: SYSTEM, details: { seq: it.seq, paid: a.paidCents / 100 } });
      }
    }
    if (alloc.every((a) => a.status === "paid")) {
      await tx.update(paymentPlans).set({ status: "completed", updatedAt: new Date() }).where(eq(paymentPlans.id, plan.id));
      await audit(tx, { entityType: "payment_plan", entityId: plan.id, action: "completed", actor: SYSTEM });
      completed.push(plan.id);
    }
  }
  return { tracked: plans.length, completed };
}
