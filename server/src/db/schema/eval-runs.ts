import { pgTable, serial, text, integer, timestamp, jsonb } from "drizzle-orm/pg-core";

/** Stored `npm run eval` reports, for the manager dashboard. */
export const evalRuns = pgTable("eval_runs", {
  id: serial("id").primaryKey(),
  setName: text("set_name").notNull(),
  emails: integer("emails").notNull(),
  feedback: text("feedback"),
  report: jsonb("report").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
