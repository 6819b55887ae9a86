import { pgTable, serial, integer, bigint, timestamp, uniqueIndex, index } from "drizzle-orm/pg-core";
import { messages } from "./messages.ts";
import { mailboxes } from "./mailboxes.ts";

/**
 * Every place a message was seen. (mailbox, uidValidity, uid) is unique so a
 * re-fetched UID never makes a second link; imports have no UID.
 */
export const messageMailboxes = pgTable(
  "message_mailboxes",
  {
    id: serial("id").primaryKey(),
    messageId: integer("message_id")
      .notNull()
      .references(() => messages.id, { onDelete: "cascade" }),
    mailboxId: integer("mailbox_id")
      .notNull()
      .references(() => mailboxes.id, { onDelete: "cascade" }),
    uidValidity: bigint("uid_validity", { mode: "number" }),
    uid: bigint("uid", { mode: "number" }),
    linkedAt: timestamp("linked_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("message_mailboxes_uid_uq").on(t.mailboxId, t.uidValidity, t.uid),
    uniqueIndex("message_mailboxes_msg_mbx_uq").on(t.messageId, t.mailboxId),
    index("message_mailboxes_mailbox_idx").on(t.mailboxId),
  ],
);
