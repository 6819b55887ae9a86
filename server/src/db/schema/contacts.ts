import { pgTable, serial, text, integer, timestamp, date, uniqueIndex, index } from "drizzle-orm/pg-core";
import { debtors } from "./debtors.ts";

export const contacts = pgTable(
  "contacts",
  {
    id: serial("id").primaryKey(),
    debtorId: integer("debtor_id")
      .notNull()
      .references(() => debtors.id, { onDelete: "cascade" }),
    /** Always stored lower-case. */
    email: text("email").notNull(),
    name: text("name"),
    role: text("role"),
    /** active | bouncing | out_of_office */
    status: text("status").notNull().default("active"),
    outOfOfficeUntil: date("out_of_office_until"),
    lastBounceStatus: text("last_bounce_status"),
    statusChangedAt: timestamp("status_changed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("contacts_debtor_email_uq").on(t.debtorId, t.email),
    index("contacts_email_idx").on(t.email),
  ],
);
