import { pgTable, serial, text, integer, index } from "drizzle-orm/pg-core";
import { messages } from "./messages.ts";
import { bytea } from "./message-raw.ts";

export const attachments = pgTable(
  "attachments",
  {
    id: serial("id").primaryKey(),
    messageId: integer("message_id")
      .notNull()
      .references(() => messages.id, { onDelete: "cascade" }),
    filename: text("filename"),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    contentId: text("content_id"),
    checksum: text("checksum"),
    /** Text extracted from the attachment (PDF text), used by classification. */
    extractedText: text("extracted_text"),
    content: bytea("content").notNull(),
  },
  (t) => [index("attachments_message_idx").on(t.messageId)],
);
