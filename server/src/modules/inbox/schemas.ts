import { z } from "zod";
import { INTENTS, intentSchema } from "../../../../classifiers/intents.ts";

/**
 * Contracts of /api/inbox and /api/messages/:id/correction (the web UI imports
 * the types). A view is one of: all | unassigned | attention | done |
 * intent:<intent> | debtor:<id>.
 */
export const inboxViewSchema = z.union([
  z.enum(["all", "unassigned", "attention", "done"]),
  z.templateLiteral(["intent:", intentSchema]),
  z.templateLiteral(["debtor:", z.number().int().positive()]),
]);
export type InboxView = z.infer<typeof inboxViewSchema>;

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");
const confidence = z.coerce.number().min(0).max(1);

export const inboxListQuery = z.object({
  view: inboxViewSchema.default("all"),
  /** Full-text search over subject, sender, body; words with digits also match invoice numbers exactly. */
  q: z.string().trim().min(1).max(200).optional(),
  mailbox: z.coerce.number().int().positive().optional(),
  language: z.string().trim().toLowerCase().regex(/^[a-z]{2}$/).optional(),
  /** Mail date range, inclusive (YYYY-MM-DD). */
  from: isoDay.optional(),
  to: isoDay.optional(),
  minConfidence: confidence.optional(),
  maxConfidence: confidence.optional(),
  /** Opaque keyset cursor from the previous page's nextCursor. */
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type InboxListQuery = z.infer<typeof inboxListQuery>;

export interface InboxItem {
  id: number;
  subject: string | null;
  fromAddress: string | null;
  fromName: string | null;
  /** The mail's date (its Date header, never later than when we received it), ISO. */
  date: string;
  snippet: string;
  attachmentCount: number;
  triageStatus: string;
  parseStatus: string;
  processingStatus: string;
  intent: string | null;
  intentConfidence: number | null;
  language: string | null;
  debtor: { id: number; number: string; name: string } | null;
  debtorConfidence: number | null;
  invoices: string[];
  corrected: boolean;
}
export interface InboxListResponse {
  items: InboxItem[];
  nextCursor: string | null;
}

export interface InboxCounts {
  all: number;
  unassigned: number;
  attention: number;
  /** Capped at DONE_COUNT_CAP (10,000): show "10,000+". */
  done: number;
  /** Inbox messages per intent. */
  intents: Record<string, number>;
  /** Debtors with the most inbox messages (top 50). */
  debtors: { id: number; number: string; name: string; count: number }[];
}

export const messageIdParam = z.object({ id: z.coerce.number().int().positive() });
export const attachmentParams = messageIdParam.extend({ attachmentId: z.coerce.number().int().positive() });

export const correctionInput = z
  .object({
    intent: intentSchema.optional(),
    /** The debtor by id or by number; null = unassigned. */
    debtorId: z.number().int().positive().nullable().optional(),
    debtor: z.string().trim().min(1).max(64).nullable().optional(),
    invoices: z.array(z.string().trim().min(1).max(64)).max(100).optional(),
    fields: z.record(z.string(), z.unknown()).optional(),
    language: z.string().trim().toLowerCase().regex(/^[a-z]{2}$/).optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: "nothing to correct" });
export type CorrectionInput = z.infer<typeof correctionInput>;

export const bulkInput = z.discriminatedUnion("action", [
  z.object({ action: z.enum(["done", "archive", "inbox"]), ids: z.array(z.number().int().positive()).min(1).max(500) }),
  z.object({
    action: z.literal("assign_debtor"),
    ids: z.array(z.number().int().positive()).min(1).max(500),
    debtorId: z.number().int().positive().nullable(),
  }),
  z.object({ action: z.literal("set_intent"), ids: z.array(z.number().int().positive()).min(1).max(500), intent: intentSchema }),
]);
export type BulkInput = z.infer<typeof bulkInput>;
export interface BulkResult {
  updated: number;
}

export interface EvidenceItem {
  step?: string;
  detail?: string;
  weight?: number;
  [k: string]: unknown;
}
export interface RoutingCandidate {
  debtorId: number;
  number: string;
  name: string;
  score: number | null;
  reasons: string[];
}

export interface MessageDetail {
  message: {
    id: number;
    messageId: string | null;
    subject: string | null;
    fromAddress: string | null;
    fromName: string | null;
    to: unknown;
    cc: unknown;
    replyTo: string | null;
    date: string;
    receivedAt: string;
    text: string | null;
    /** Sanitised on the server; remote images are in data-remote-src until the user allows them. */
    html: string | null;
    hasRemoteImages: boolean;
    parseStatus: string;
    parseError: string | null;
    processingStatus: string;
    triageStatus: string;
    size: number;
  };
  mailboxes: { id: number; name: string }[];
  classification: {
    intent: string;
    intentConfidence: number;
    language: string | null;
    debtor: { id: number; number: string; name: string } | null;
    debtorConfidence: number;
    invoices: string[];
    fields: Record<string, unknown>;
    evidence: EvidenceItem[];
    candidates: RoutingCandidate[];
    classifierVersion: string;
    embedder: string;
    llmModel: string | null;
    correctedBy: string | null;
    correctedAt: string | null;
  } | null;
  attachments: { id: number; filename: string | null; contentType: string; size: number; inline: boolean }[];
  thread: { id: number; subject: string | null; fromAddress: string | null; date: string; intent: string | null; current: boolean }[];
  /** The debtor's cases and recent mail (the ledger side comes from GET /api/debtors/:id). */
  debtorCases: {
    disputes: { id: number; status: string; reason: string; disputedAmount: number | null; currency: string; slaDueDate: string; createdAt: string }[];
    promises: { id: number; status: string; promisedDate: string; amount: number; currency: string }[];
    recentMail: { id: number; subject: string | null; date: string; intent: string | null }[];
  } | null;
  drafts: { id: number; status: string; subject: string; body: string; language: string; createdAt: string }[];
  corrections: { id: number; createdAt: string; userId: number | null; before: unknown; after: unknown }[];
}

export { INTENTS };
