import { pgTable, bigserial, integer, text, timestamp, jsonb, index } from "drizzle-orm/pg-core";

/**
 * Who did what and when, for drafts and every case (dispute history, plan
 * edits, account-update decisions...). Append-only. userId is null for
 * Relance itself (actor "system").
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** draft | dispute | promise | payment_plan | account_update | task | debtor */
    entityType: text("entity_type").notNull(),
    entityId: integer("entity_id").notNull(),
    action: text("action").notNull(),
    userId: integer("user_id"),
    /** The user's e-mail, or "system". */
    actor: text("actor").notNull(),
    details: jsonb("details").notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("audit_log_entity_idx").on(t.entityType, t.entityId, t.id)],
);
