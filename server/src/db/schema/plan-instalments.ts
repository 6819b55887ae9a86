import { pgTable, serial, integer, text, date, numeric, uniqueIndex } from "drizzle-orm/pg-core";
import { paymentPlans } from "./payment-plans.ts";

export const planInstalments = pgTable(
  "plan_instalments",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => paymentPlans.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    dueDate: date("due_date").notNull(),
    amount: numeric("amount", { precision: 14, scale: 2 }).notNull(),
    paidAmount: numeric("paid_amount", { precision: 14, scale: 2 }).notNull().default("0"),
    /** pending | partly_paid | paid | overdue */
    status: text("status").notNull().default("pending"),
    paidOn: date("paid_on"),
  },
  (t) => [uniqueIndex("plan_instalments_plan_seq_uq").on(t.planId, t.seq)],
);
