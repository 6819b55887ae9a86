import { pgTable, serial, integer, text, timestamp, date, numeric, jsonb, index, uniqueIndex } from "drizzle-orm/pg-core";
import { messages } from "./messages.ts";
import { debtors } from "./debtors.ts";

/**
 * Work for a person that is not a reply: e.g. file the claim with an
 * insolvency administrator. `kind` + `messageId` is unique so re-processing an
 * email never adds the same task twice.
 */
export const tasks = pgTable(
  "tasks",
  {
    id: serial("id").primaryKey(),
    /** file_insolvency_claim | ... */
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    debtorId: integer("debtor_id").references(() => debtors.id, { onDelete: "cascade" }),
    messageId: integer("message_id").references(() => messages.id, { onDelete: "set null" }),
    amount: numeric("amount", { precision: 14, scale: 2 }),
    currency: text("currency"),
    details: jsonb("details").notNull().default({}),
    /** open | done | cancelled */
    status: text("status").notNull().default("open"),
    assigneeId: integer("assignee_id"),
    dueDate: date("due_date"),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("tasks_status_idx").on(t.status, t.dueDate),
    uniqueIndex("tasks_kind_message_uq").on(t.kind, t.messageId),
  ],
);
