import { pgTable, integer, customType } from "drizzle-orm/pg-core";
import { messages } from "./messages.ts";

export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/** The RFC 822 bytes exactly as received: the lossless copy of every message. */
export const messageRaw = pgTable("message_raw", {
  messageId: integer("message_id")
    .primaryKey()
    .references(() => messages.id, { onDelete: "cascade" }),
  raw: bytea("raw").notNull(),
});
