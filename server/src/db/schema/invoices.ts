import { pgTable, serial, text, integer, timestamp, date, numeric, boolean, index } from "drizzle-orm/pg-core";
import { debtors } from "./debtors.ts";

/** Invoices and credit notes (kind = credit_note, negative amount). */
export const invoices = pgTable(
  "invoices",
  {
    id: serial("id").primaryKey(),
    debtorId: integer("debtor_id")
      .notNull()
      .references(() => debtors.id, { onDelete: "cascade" }),
    number: text("number").notNull().unique(),
    /** Digits-only form of the number, for matching references in any spelling. */
    numberKey: text("number_key").notNull(),
    kind: text("kind").notNull().default("invoice"),
    issueDate: date("issue_date").notNull(),
    dueDate: date("due_date"),
    currency: text("currency").notNull().default("EUR"),
    // numeric comes back as a string: exact money, converted at the edges.
    amount: numeric("amount", { precision: 14, scale: 2 }).notNull(),
    openAmount: numeric("open_amount", { precision: 14, scale: 2 }).notNull(),
    /** open | partially_paid | paid | cancelled */
    status: text("status").notNull().default("open"),
    inDispute: boolean("in_dispute").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("invoices_debtor_idx").on(t.debtorId), index("invoices_number_key_idx").on(t.numberKey)],
);
