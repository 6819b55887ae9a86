import { and, asc, eq } from "drizzle-orm";
import type { Tx } from "../db/client.ts";
import { auditLog } from "../db/schema/audit-log.ts";

/** Who acts: a signed-in user, or Relance itself ("system", userId null). */
export interface Actor {
  userId: number | null;
  name: string;
}

export const SYSTEM: Actor = { userId: null, name: "system" };

/** The acting user of a request (c.var.user), or "system" until auth exists / outside requests. */
export function actorOf(user: { id: number; email: string } | undefined | null): Actor {
  return user ? { userId: user.id, name: user.email } : SYSTEM;
}

export type AuditEntity = "draft" | "dispute" | "promise" | "payment_plan" | "account_update" | "task" | "debtor";

/** Append one line to the audit log, inside the caller's transaction so it commits with the change. */
export async function audit(
  tx: Tx,
  entry: { entityType: AuditEntity; entityId: number; action: string; actor: Actor; details?: Record<string, unknown> },
): Promise<void> {
  await tx.insert(auditLog).values({
    entityType: entry.entityType,
    entityId: entry.entityId,
    action: entry.action,
    userId: entry.actor.userId,
    actor: entry.actor.name,
    details: entry.details ?? {},
  });
}

export async function historyOf(tx: Tx, entityType: AuditEntity, entityId: number) {
  const rows = await tx
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)))
    .orderBy(asc(auditLog.id));
  return rows.map((r) => ({
    action: r.action,
    userId: r.userId,
    actor: r.actor,
    details: r.details as Record<string, unknown>,
    at: r.createdAt.toISOString(),
  }));
}
