import { pgTable, serial, integer, text, timestamp, jsonb, index, uniqueIndex } from "drizzle-orm/pg-core";
import { messages } from "./messages.ts";
import { debtors } from "./debtors.ts";

/**
 * A change of billing details read from an `account_update` email. Shown to a
 * clerk next to the current values; applied to the debtor only on confirm.
 */
export const accountUpdateProposals = pgTable(
  "account_update_proposals",
  {
    id: serial("id").primaryKey(),
    debtorId: integer("debtor_id")
      .notNull()
      .references(() => debtors.id, { onDelete: "cascade" }),
    messageId: integer("message_id").references(() => messages.id, { onDelete: "set null" }),
    /** {newEmail?, newAddress?, poNumber?, vatNumber?} as read from the email. */
    changes: jsonb("changes").notNull(),
    /** The debtor's values when the proposal was made, for the side-by-side view. */
    current: jsonb("current").notNull().default({}),
    /** proposed | confirmed | rejected */
    status: text("status").notNull().default("proposed"),
    decidedBy: integer("decided_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionNote: text("decision_note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("account_update_proposals_status_idx").on(t.status),
    uniqueIndex("account_update_proposals_message_uq").on(t.messageId),
  ],
);
