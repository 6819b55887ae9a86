import { pgTable, serial, integer, text, timestamp, jsonb, index } from "drizzle-orm/pg-core";
import { messages } from "./messages.ts";

/**
 * A clerk's correction, kept as a labelled example: the local classifier
 * learns from these at once, and the manager dashboard measures accuracy
 * from them (before = what Relance had decided).
 */
export const corrections = pgTable(
  "corrections",
  {
    id: serial("id").primaryKey(),
    messageId: integer("message_id")
      .notNull()
      .references(() => messages.id, { onDelete: "cascade" }),
    userId: integer("user_id"),
    before: jsonb("before").notNull(),
    /** {intent, debtor (number|null), invoices, fields, language} */
    after: jsonb("after").notNull(),
    /** The text the classifier learns from (sender's own words). */
    text: text("text").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("corrections_message_idx").on(t.messageId), index("corrections_created_idx").on(t.createdAt)],
);
