import { pgTable, serial, text, integer, boolean, timestamp } from "drizzle-orm/pg-core";

/** Token accounting: one row per LLM call, successful or not. */
export const llmUsage = pgTable("llm_usage", {
  id: serial("id").primaryKey(),
  purpose: text("purpose").notNull(),
  promptId: text("prompt_id"),
  model: text("model").notNull(),
  promptTokens: integer("prompt_tokens").notNull().default(0),
  completionTokens: integer("completion_tokens").notNull().default(0),
  durationMs: integer("duration_ms").notNull(),
  ok: boolean("ok").notNull(),
  error: text("error"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
