import { pgTable, text, integer, timestamp, index } from "drizzle-orm/pg-core";
import { users } from "./users.ts";

/**
 * Login sessions. The cookie holds a random token; only its sha256 is stored
 * (id), so a database leak does not hand out live sessions. csrfToken is the
 * per-session double-submit token the SPA echoes in `x-csrf-token`.
 */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    csrfToken: text("csrf_token").notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);
