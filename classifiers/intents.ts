import { z } from "zod";

/** The taxonomy of the shared spec (spec/intents.md); wire values used everywhere. */
export const INTENTS = [
  "payment_promise",
  "payment_notice",
  "dispute",
  "document_request",
  "payment_plan_request",
  "account_update",
  "question",
  "insolvency_notice",
  "auto_reply",
  "bounce",
  "other",
] as const;
export const intentSchema = z.enum(INTENTS);
export type Intent = (typeof INTENTS)[number];

/** When a mail carries several intents, the one needing action wins, in this order. */
export const INTENT_PRIORITY: Intent[] = [
  "insolvency_notice",
  "dispute",
  "payment_plan_request",
  "payment_promise",
  "document_request",
  "account_update",
  "question",
  "payment_notice",
];

export const DISPUTE_REASONS = ["price", "quantity", "not_received", "damaged", "service", "duplicate", "wrong_entity", "other"] as const;
export const DOCUMENT_TYPES = ["invoice", "credit_note", "statement", "delivery_proof"] as const;
export const LANGUAGES = ["nl", "fr", "de", "en"] as const;

/** Extracted fields, as in intents.md; each present only when the email states it. */
export const fieldsSchema = z
  .object({
    promisedDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    paidDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    amount: z.number(),
    reason: z.enum(DISPUTE_REASONS),
    document: z.enum(DOCUMENT_TYPES),
    instalments: z.number().int().positive(),
    newEmail: z.string(),
    newAddress: z.string(),
    poNumber: z.string(),
    vatNumber: z.string(),
    caseReference: z.string(),
    administrator: z.string(),
    returnDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    failedRecipient: z.string(),
    status: z.string(),
    permanent: z.boolean(),
  })
  .partial();
export type Fields = z.infer<typeof fieldsSchema>;

/** Fields each intent carries (intents.md); others are dropped when the intent changes. */
export const INTENT_FIELDS: Record<Intent, Array<keyof Fields>> = {
  payment_promise: ["promisedDate", "amount"],
  payment_notice: ["paidDate", "amount"],
  dispute: ["amount", "reason"],
  document_request: ["document"],
  payment_plan_request: ["amount", "instalments"],
  account_update: ["newEmail", "newAddress", "poNumber", "vatNumber"],
  question: [],
  insolvency_notice: ["caseReference", "administrator"],
  auto_reply: ["returnDate"],
  bounce: ["failedRecipient", "status", "permanent"],
  other: [],
};
