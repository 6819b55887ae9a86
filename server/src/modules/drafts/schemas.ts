import { z } from "zod";

// Contracts of /api/drafts, shared with the web UI.
export const DRAFT_STATUSES = ["proposed", "edited", "approved", "sending", "sent", "rejected", "withdrawn"] as const;
const statusList = new RegExp(`^(${DRAFT_STATUSES.join("|")})(,(${DRAFT_STATUSES.join("|")}))*$`);

export const draftListQuery = z.object({
  /** One status or several, comma-separated (e.g. "proposed,edited"). */
  status: z.string().regex(statusList, "unknown status").optional(),
  intent: z.string().max(50).optional(),
  debtorId: z.coerce.number().int().positive().optional(),
  messageId: z.coerce.number().int().positive().optional(),
  source: z.enum(["template", "llm"]).optional(),
  language: z.enum(["nl", "fr", "de", "en"]).optional(),
  /** Approved drafts whose last send failed (waiting for a retry). */
  failed: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type DraftListQuery = z.infer<typeof draftListQuery>;
export const idParams = z.object({ id: z.coerce.number().int().positive() });
export const attachmentParams = z.object({ id: z.coerce.number().int().positive(), index: z.coerce.number().int().min(0).max(50) });

/** A collector's edit. Recipients may only be chosen among the sender and the debtor's contacts. */
export const draftPatch = z
  .object({
    subject: z.string().trim().min(1).max(300).optional(),
    body: z.string().min(1).max(50_000).optional(),
    to: z.array(z.string().trim().toLowerCase().email()).min(1).max(10).optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 0, "nothing to change");
export type DraftPatch = z.infer<typeof draftPatch>;
export const rejectBody = z.object({ reason: z.string().trim().min(1).max(2000) }).strict();

const factProblem = z.object({ kind: z.string(), text: z.string() });
export const draftSummary = z.object({
  id: z.number(),
  messageId: z.number(),
  purpose: z.string(),
  debtorId: z.number().nullable(),
  debtor: z.object({ number: z.string(), name: z.string() }).nullable(),
  intent: z.string(),
  language: z.string(),
  tone: z.string(),
  status: z.enum(DRAFT_STATUSES),
  fromAddress: z.string().nullable(),
  to: z.array(z.string()),
  subject: z.string(),
  source: z.enum(["template", "llm"]),
  llmRejection: z.string().nullable(),
  sendError: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const draftDetail = draftSummary.extend({
  body: z.string(),
  attachments: z.array(z.object({ index: z.number(), kind: z.string(), filename: z.string() })),
  inReplyTo: z.string().nullable(),
  references: z.array(z.string()),
  outboundMessageId: z.string().nullable(),
  template: z.object({ id: z.string().nullable(), version: z.string().nullable() }),
  llmModel: z.string().nullable(),
  rejectReason: z.string().nullable(),
  approvedBy: z.number().nullable(),
  approvedAt: z.string().nullable(),
  sendAttempts: z.number(),
  sentCopy: z.string().nullable(),
  allowedRecipients: z.array(z.string()),
  /** Amounts, dates or references in the current text that the ledger facts do not hold (advice after an edit). */
  factWarnings: z.array(factProblem),
  facts: z.record(z.string(), z.unknown()),
  email: z
    .object({ id: z.number(), from: z.string().nullable(), fromName: z.string().nullable(), to: z.unknown(), subject: z.string().nullable(), date: z.string().nullable(), text: z.string().nullable() })
    .nullable(),
  history: z.array(z.object({ action: z.string(), userId: z.number().nullable(), actor: z.string(), details: z.record(z.string(), z.unknown()), at: z.string() })),
});
export type DraftDetail = z.infer<typeof draftDetail>;

export const sendResult = z.object({
  sent: z.boolean(),
  error: z.string().nullable(),
  retryAt: z.string().nullable(),
  draft: draftDetail,
});
