import { pgTable, serial, text, boolean, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

/**
 * People who work in Relance. role is one of clerk < collector < manager < admin
 * (each role can do everything the roles below it can). locale is the UI
 * language (en, fr, nl) and drives date and amount formatting.
 */
export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    /** Always stored lower-case. */
    email: text("email").notNull(),
    name: text("name"),
    role: text("role").notNull(),
    /** bcrypt hash (the cost is inside the hash). */
    passwordHash: text("password_hash").notNull(),
    locale: text("locale").notNull().default("en"),
    active: boolean("active").notNull().default(true),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_email_uq").on(t.email)],
);
