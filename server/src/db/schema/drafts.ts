import { pgTable, serial, integer, text, boolean, timestamp, jsonb, index, uniqueIndex } from "drizzle-orm/pg-core";
import { messages } from "./messages.ts";
import { debtors } from "./debtors.ts";
import { mailboxes } from "./mailboxes.ts";

/**
 * A reply Relance prepared. Nothing leaves without a human approval:
 * proposed → edited → approved → sending → sent, or rejected (with a reason);
 * withdrawn when Relance itself drops a proposed draft (email reclassified,
 * promise kept after all) — such a draft may be proposed again.
 * A failed send goes back to approved with `sendError` and is retried by the
 * outbound.send job; `outboundMessageId` is fixed before the first SMTP attempt
 * so a retry reuses it and the Sent folder can be checked for it.
 */
export const drafts = pgTable(
  "drafts",
  {
    id: serial("id").primaryKey(),
    /** The email this answers (the thread it replies into). */
    messageId: integer("message_id")
      .notNull()
      .references(() => messages.id, { onDelete: "cascade" }),
    /** reply (to the email's intent) | promise_followup (a broken promise) */
    purpose: text("purpose").notNull().default("reply"),
    /** Case the draft belongs to when it is not the message's own reply (e.g. "promise:12"). */
    caseRef: text("case_ref").notNull().default(""),
    debtorId: integer("debtor_id").references(() => debtors.id, { onDelete: "set null" }),
    mailboxId: integer("mailbox_id").references(() => mailboxes.id, { onDelete: "set null" }),
    intent: text("intent").notNull(),
    language: text("language").notNull(),
    tone: text("tone").notNull(),
    /** proposed | edited | approved | sending | sent | rejected | withdrawn */
    status: text("status").notNull().default("proposed"),
    fromAddress: text("from_address"),
    toAddresses: text("to_addresses").array().notNull().default([]),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    /** [{kind:"invoice", invoiceId, number} | {kind:"statement"}]: PDFs generated from the ledger at send time. */
    attachments: jsonb("attachments").notNull().default([]),
    inReplyTo: text("in_reply_to"),
    references: text("references").array().notNull().default([]),
    /** template | llm */
    source: text("source").notNull(),
    templateId: text("template_id"),
    templateVersion: text("template_version"),
    llmModel: text("llm_model"),
    /** Why an LLM draft was refused and the template used instead. */
    llmRejection: text("llm_rejection"),
    /** The ledger facts the draft was written from (what the fact check compared against). */
    facts: jsonb("facts").notNull().default({}),
    rejectReason: text("reject_reason"),
    outboundMessageId: text("outbound_message_id"),
    sendAttempts: integer("send_attempts").notNull().default(0),
    sendError: text("send_error"),
    /** The last attempt may have reached the server (timeout after DATA): check Sent before re-sending. */
    sendUncertain: boolean("send_uncertain").notNull().default(false),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    /** pending | done | failed | skipped: copy in the mailbox's Sent folder. */
    sentCopy: text("sent_copy"),
    approvedBy: integer("approved_by"),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("drafts_status_idx").on(t.status, t.createdAt),
    index("drafts_debtor_idx").on(t.debtorId),
    // One draft per (message, purpose, case): re-running replaces it instead of adding one.
    uniqueIndex("drafts_message_purpose_uq").on(t.messageId, t.purpose, t.caseRef),
    uniqueIndex("drafts_outbound_message_id_uq").on(t.outboundMessageId),
  ],
);
