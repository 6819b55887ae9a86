import { pgTable, serial, text, integer, timestamp, date, numeric, index } from "drizzle-orm/pg-core";
import { debtors } from "./debtors.ts";
import { invoices } from "./invoices.ts";

export const payments = pgTable(
  "payments",
  {
    id: serial("id").primaryKey(),
    /** Bank or ERP reference; re-imports update by it. */
    reference: text("reference").notNull().unique(),
    debtorId: integer("debtor_id")
      .notNull()
      .references(() => debtors.id, { onDelete: "cascade" }),
    invoiceId: integer("invoice_id").references(() => invoices.id, { onDelete: "set null" }),
    paidOn: date("paid_on").notNull(),
    amount: numeric("amount", { precision: 14, scale: 2 }).notNull(),
    currency: text("currency").notNull().default("EUR"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("payments_debtor_idx").on(t.debtorId), index("payments_invoice_idx").on(t.invoiceId)],
);
