import { pgTable, serial, integer, text, timestamp, date, numeric, index, uniqueIndex } from "drizzle-orm/pg-core";
import { messages } from "./messages.ts";
import { debtors } from "./debtors.ts";

/**
 * A dispute ticket opened from a `dispute` email (the evidence). While it is
 * open (open | investigating) its invoices carry invoices.in_dispute = true and
 * are left out of reminders; closing it (credit_note_agreed | rejected |
 * resolved) clears the flag unless another open dispute holds the invoice.
 */
export const disputes = pgTable(
  "disputes",
  {
    id: serial("id").primaryKey(),
    debtorId: integer("debtor_id")
      .notNull()
      .references(() => debtors.id, { onDelete: "cascade" }),
    messageId: integer("message_id").references(() => messages.id, { onDelete: "set null" }),
    invoiceIds: integer("invoice_ids").array().notNull().default([]),
    disputedAmount: numeric("disputed_amount", { precision: 14, scale: 2 }),
    currency: text("currency").notNull().default("EUR"),
    /** price | quantity | not_received | damaged | service | duplicate | wrong_entity | other */
    reason: text("reason").notNull().default("other"),
    /** open | investigating | credit_note_agreed | rejected | resolved */
    status: text("status").notNull().default("open"),
    /** users.id of the collector in charge (no FK: users belong to the auth module). */
    assigneeId: integer("assignee_id"),
    slaDueDate: date("sla_due_date").notNull(),
    resolutionNote: text("resolution_note"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("disputes_status_idx").on(t.status, t.slaDueDate),
    index("disputes_debtor_idx").on(t.debtorId),
    uniqueIndex("disputes_message_uq").on(t.messageId),
  ],
);
