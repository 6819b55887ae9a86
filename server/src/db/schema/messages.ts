import { pgTable, serial, text, integer, timestamp, jsonb, index, uniqueIndex } from "drizzle-orm/pg-core";

/**
 * One row per distinct message, whichever mailboxes it reached. The raw bytes
 * live in message_raw so list queries stay light.
 */
export const messages = pgTable(
  "messages",
  {
    id: serial("id").primaryKey(),
    /** sha256 of the raw message without trace headers (Received, Delivered-To...). */
    contentHash: text("content_hash").notNull(),
    messageId: text("message_id"),
    /** parsed | parse_error | too_large */
    parseStatus: text("parse_status").notNull(),
    parseError: text("parse_error"),
    fromAddress: text("from_address"),
    fromName: text("from_name"),
    to: jsonb("to").notNull().default([]),
    cc: jsonb("cc").notNull().default([]),
    replyTo: text("reply_to"),
    subject: text("subject"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    inReplyTo: text("in_reply_to"),
    references: text("references").array().notNull().default([]),
    /** Selected headers kept parsed for classification rules (auto-submitted, content-type...). */
    headers: jsonb("headers").notNull().default({}),
    text: text("text"),
    html: text("html"),
    size: integer("size").notNull(),
    attachmentCount: integer("attachment_count").notNull().default(0),
    /** pending | classified | failed : where post-storage processing stands. */
    processingStatus: text("processing_status").notNull().default("pending"),
    /** inbox | done | archived : the clerk's triage state. */
    triageStatus: text("triage_status").notNull().default("inbox"),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("messages_content_hash_uq").on(t.contentHash),
    index("messages_message_id_idx").on(t.messageId),
    index("messages_received_idx").on(t.receivedAt, t.id),
    index("messages_sent_idx").on(t.sentAt),
    index("messages_from_idx").on(t.fromAddress),
  ],
);
