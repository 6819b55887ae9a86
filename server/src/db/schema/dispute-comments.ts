import { pgTable, serial, integer, text, timestamp, index } from "drizzle-orm/pg-core";
import { disputes } from "./disputes.ts";

export const disputeComments = pgTable(
  "dispute_comments",
  {
    id: serial("id").primaryKey(),
    disputeId: integer("dispute_id")
      .notNull()
      .references(() => disputes.id, { onDelete: "cascade" }),
    userId: integer("user_id"),
    author: text("author").notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("dispute_comments_dispute_idx").on(t.disputeId, t.id)],
);
