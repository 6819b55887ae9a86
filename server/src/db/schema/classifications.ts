import { pgTable, integer, text, real, timestamp, jsonb, index } from "drizzle-orm/pg-core";
import { messages } from "./messages.ts";
import { debtors } from "./debtors.ts";

/**
 * The current decision for a message: intent, fields, language and debtor,
 * each with confidence and evidence. A clerk correction overwrites the
 * decision (corrected = true) and is also kept in corrections.
 */
export const classifications = pgTable(
  "classifications",
  {
    messageId: integer("message_id")
      .primaryKey()
      .references(() => messages.id, { onDelete: "cascade" }),
    intent: text("intent").notNull(),
    intentConfidence: real("intent_confidence").notNull(),
    language: text("language"),
    debtorId: integer("debtor_id").references(() => debtors.id, { onDelete: "set null" }),
    debtorConfidence: real("debtor_confidence").notNull().default(0),
    /** Ledger invoice numbers the sender refers to. */
    invoices: text("invoices").array().notNull().default([]),
    fields: jsonb("fields").notNull().default({}),
    /** [{step, detail, weight}] for intent, fields and routing. */
    evidence: jsonb("evidence").notNull().default([]),
    /** Routing candidates when left unassigned: [{debtorId, number, score, reasons}]. */
    candidates: jsonb("candidates").notNull().default([]),
    classifierVersion: text("classifier_version").notNull(),
    embedder: text("embedder").notNull(),
    llmModel: text("llm_model"),
    corrected: text("corrected_by"),
    correctedAt: timestamp("corrected_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("classifications_intent_idx").on(t.intent),
    index("classifications_debtor_idx").on(t.debtorId),
  ],
);
