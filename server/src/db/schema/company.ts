import { pgTable, integer, text, timestamp } from "drizzle-orm/pg-core";

/** The creditor itself: one row (id = 1). Its domains mark mail as "ours". */
export const company = pgTable("company", {
  id: integer("id").primaryKey().default(1),
  name: text("name").notNull(),
  domains: text("domains").array().notNull().default([]),
  arMailbox: text("ar_mailbox"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
