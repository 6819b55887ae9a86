import { and, asc, eq, type SQL } from "drizzle-orm";
import type { AppContext } from "../../context.ts";
import { notFound } from "../../errors.ts";
import { tasks } from "../../db/schema/tasks.ts";
import { debtors } from "../../db/schema/debtors.ts";
import { audit, historyOf, SYSTEM, type Actor } from "../../lib/audit.ts";
import { moneyFromNumeric } from "../ledger/money.ts";
import type { TaskListQuery, TaskPatch } from "./tasks-schemas.ts";

type TaskRow = typeof tasks.$inferSelect;

function view(t: TaskRow, debtor: { number: string; name: string; insolvent: boolean } | null) {
  return {
    id: t.id,
    kind: t.kind,
    title: t.title,
    debtorId: t.debtorId,
    debtor,
    messageId: t.messageId,
    amount: t.amount === null ? null : moneyFromNumeric(t.amount),
    currency: t.currency,
    details: t.details as Record<string, unknown>,
    status: t.status,
    assigneeId: t.assigneeId,
    dueDate: t.dueDate,
    completedAt: t.completedAt?.toISOString() ?? null,
    createdAt: t.createdAt.toISOString(),
  };
}

const select = (ctx: AppContext) =>
  ctx.db
    .select({ t: tasks, number: debtors.number, name: debtors.name, insolvent: debtors.insolvent })
    .from(tasks)
    .leftJoin(debtors, eq(debtors.id, tasks.debtorId));

const debtorOf = (r: { number: string | null; name: string | null; insolvent: boolean | null }) =>
  r.number ? { number: r.number, name: r.name ?? "", insolvent: Boolean(r.insolvent) } : null;

export async function listTasks({ ctx, input }: { ctx: AppContext; input: TaskListQuery }) {
  const where: SQL[] = [];
  if (input.status) where.push(eq(tasks.status, input.status));
  if (input.kind) where.push(eq(tasks.kind, input.kind));
  if (input.debtorId) where.push(eq(tasks.debtorId, input.debtorId));
  if (input.assigneeId) where.push(eq(tasks.assigneeId, input.assigneeId));
  const rows = await select(ctx)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(tasks.status), asc(tasks.dueDate), asc(tasks.id))
    .limit(input.limit)
    .offset(input.offset);
  return { items: rows.map((r) => view(r.t, debtorOf(r))) };
}

export async function getTask({ ctx, input }: { ctx: AppContext; input: { id: number } }) {
  const [row] = await select(ctx).where(eq(tasks.id, input.id));
  if (!row) throw notFound("Task");
  return { ...view(row.t, debtorOf(row)), history: await historyOf(ctx.db, "task", input.id) };
}

export async function updateTask({ ctx, input, actor = SYSTEM }: { ctx: AppContext; input: { id: number; patch: TaskPatch }; actor?: Actor }) {
  await ctx.db.transaction(async (tx) => {
    const [t] = await tx.select().from(tasks).where(eq(tasks.id, input.id)).for("update");
    if (!t) throw notFound("Task");
    const p = input.patch;
    await tx
      .update(tasks)
      .set({
        ...(p.status ? { status: p.status, completedAt: p.status === "done" ? new Date() : null } : {}),
        ...(p.assigneeId !== undefined ? { assigneeId: p.assigneeId } : {}),
        ...(p.dueDate !== undefined ? { dueDate: p.dueDate } : {}),
        updatedAt: new Date(),
      })
      .where(eq(tasks.id, t.id));
    await audit(tx, { entityType: "task", entityId: t.id, action: "updated", actor, details: { ...p, from: { status: t.status, assigneeId: t.assigneeId } } });
  });
  return getTask({ ctx, input: { id: input.id } });
}
