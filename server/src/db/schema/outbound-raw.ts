import { pgTable, integer, timestamp } from "drizzle-orm/pg-core";
import { drafts } from "./drafts.ts";
import { bytea } from "./message-raw.ts";

/**
 * The exact RFC 822 bytes of a sent draft, composed once before the first
 * SMTP attempt: every retry sends these same bytes (same Message-ID, same
 * Date), and the Sent-folder copy is byte-identical to what left.
 */
export const outboundRaw = pgTable("outbound_raw", {
  draftId: integer("draft_id")
    .primaryKey()
    .references(() => drafts.id, { onDelete: "cascade" }),
  raw: bytea("raw").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
