import { pgTable, integer, bigint, text, timestamp } from "drizzle-orm/pg-core";
import { mailboxes } from "./mailboxes.ts";

/**
 * Where the IMAP sync of a mailbox stands. lastUid only advances after the
 * message rows up to that UID are committed, so a crash re-fetches, never skips.
 */
export const mailboxSyncState = pgTable("mailbox_sync_state", {
  mailboxId: integer("mailbox_id")
    .primaryKey()
    .references(() => mailboxes.id, { onDelete: "cascade" }),
  uidValidity: bigint("uid_validity", { mode: "number" }),
  lastUid: bigint("last_uid", { mode: "number" }).notNull().default(0),
  /** idle | syncing | idling | error | disconnected */
  status: text("status").notNull().default("idle"),
  lastError: text("last_error"),
  messagesSeen: integer("messages_seen").notNull().default(0),
  lastSyncAt: timestamp("last_sync_at", { withTimezone: true }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
