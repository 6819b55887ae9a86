import { pgTable, serial, integer, text, timestamp, date, numeric, index, uniqueIndex } from "drizzle-orm/pg-core";
import { messages } from "./messages.ts";
import { debtors } from "./debtors.ts";

/**
 * An instalment plan proposed from a `payment_plan_request` email. Its
 * instalments (plan_instalments) always sum exactly to totalAmount; the
 * collector may edit them while proposed; once accepted they are tracked one
 * by one against imported payments.
 */
export const paymentPlans = pgTable(
  "payment_plans",
  {
    id: serial("id").primaryKey(),
    debtorId: integer("debtor_id")
      .notNull()
      .references(() => debtors.id, { onDelete: "cascade" }),
    messageId: integer("message_id").references(() => messages.id, { onDelete: "set null" }),
    invoiceIds: integer("invoice_ids").array().notNull().default([]),
    totalAmount: numeric("total_amount", { precision: 14, scale: 2 }).notNull(),
    currency: text("currency").notNull().default("EUR"),
    /** proposed | accepted | completed | defaulted | cancelled */
    status: text("status").notNull().default("proposed"),
    /** Payments on or after this day count towards the plan. */
    countFrom: date("count_from").notNull(),
    acceptedBy: integer("accepted_by"),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("payment_plans_debtor_idx").on(t.debtorId),
    index("payment_plans_status_idx").on(t.status),
    uniqueIndex("payment_plans_message_uq").on(t.messageId),
  ],
);
