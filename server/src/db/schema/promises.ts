import { pgTable, serial, integer, text, timestamp, date, numeric, index, uniqueIndex } from "drizzle-orm/pg-core";
import { messages } from "./messages.ts";
import { debtors } from "./debtors.ts";

/**
 * A promise to pay from a `payment_promise` email. Evaluated when payments are
 * imported and by the daily job: kept (paid in full), partly_kept or broken
 * (date passed with less / nothing paid). A broken or partly kept promise gets
 * a follow-up draft.
 */
export const promises = pgTable(
  "promises",
  {
    id: serial("id").primaryKey(),
    debtorId: integer("debtor_id")
      .notNull()
      .references(() => debtors.id, { onDelete: "cascade" }),
    messageId: integer("message_id").references(() => messages.id, { onDelete: "set null" }),
    promisedDate: date("promised_date").notNull(),
    /** Promised amount; when the email names none, the open total of its invoices. */
    amount: numeric("amount", { precision: 14, scale: 2 }).notNull(),
    currency: text("currency").notNull().default("EUR"),
    invoiceIds: integer("invoice_ids").array().notNull().default([]),
    /** Payments on or after this day count towards the promise (the email's date). */
    countFrom: date("count_from").notNull(),
    /** pending | kept | partly_kept | broken | cancelled */
    status: text("status").notNull().default("pending"),
    paidAmount: numeric("paid_amount", { precision: 14, scale: 2 }).notNull().default("0"),
    evaluatedAt: timestamp("evaluated_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("promises_status_idx").on(t.status, t.promisedDate),
    index("promises_debtor_idx").on(t.debtorId),
    uniqueIndex("promises_message_uq").on(t.messageId),
  ],
);
