import { pgTable, bigserial, text, boolean, timestamp, index } from "drizzle-orm/pg-core";

/**
 * Failed and successful logins, kept in Postgres (not in memory) so the rate
 * limit holds across restarts and across several server processes.
 */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** Lower-case email as typed (the account may not exist). */
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    ok: boolean("ok").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("login_attempts_email_idx").on(t.email, t.createdAt)],
);
