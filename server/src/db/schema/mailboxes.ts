import { pgTable, serial, text, integer, boolean, timestamp, jsonb } from "drizzle-orm/pg-core";

/**
 * A shared AR mailbox: an IMAP account + folder, or an "import" mailbox that
 * only receives .eml/mbox imports. Passwords may be given as `env:VAR` so the
 * secret stays out of the database.
 */
export const mailboxes = pgTable("mailboxes", {
  id: serial("id").primaryKey(),
  name: text("name").notNull().unique(),
  address: text("address"),
  kind: text("kind").notNull().default("imap"),
  imapHost: text("imap_host"),
  imapPort: integer("imap_port"),
  imapSecure: boolean("imap_secure").notNull().default(true),
  imapUser: text("imap_user"),
  imapPassword: text("imap_password"),
  folder: text("folder").notNull().default("INBOX"),
  sentFolder: text("sent_folder").notNull().default("Sent"),
  /** SMTP for replies from this mailbox: {host, port, secure, user, password}. */
  smtp: jsonb("smtp"),
  enabled: boolean("enabled").notNull().default(true),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
