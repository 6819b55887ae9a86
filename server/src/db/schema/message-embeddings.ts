import { pgTable, integer, text, timestamp, vector, primaryKey, index } from "drizzle-orm/pg-core";
import { messages } from "./messages.ts";

/** All embedders produce 384 dimensions so one HNSW index serves them all. */
export const EMBEDDING_DIMENSIONS = 384;

export const messageEmbeddings = pgTable(
  "message_embeddings",
  {
    messageId: integer("message_id")
      .notNull()
      .references(() => messages.id, { onDelete: "cascade" }),
    /** Which embedder made the vector, e.g. "hashing-384"; changing embedder re-embeds. */
    embedder: text("embedder").notNull(),
    embedding: vector("embedding", { dimensions: EMBEDDING_DIMENSIONS }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.messageId, t.embedder] }),
    index("message_embeddings_hnsw").using("hnsw", t.embedding.op("vector_cosine_ops")),
  ],
);
