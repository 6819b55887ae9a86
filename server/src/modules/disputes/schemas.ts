import { z } from "zod";
import { DISPUTE_REASONS } from "../../../../classifiers/intents.ts";

// Contracts of /api/disputes, shared with the web UI.
export const DISPUTE_STATUSES = ["open", "investigating", "credit_note_agreed", "rejected", "resolved"] as const;

export const disputeListQuery = z.object({
  /** One status or several, comma-separated. */
  status: z
    .string()
    .regex(new RegExp(`^(${DISPUTE_STATUSES.join("|")})(,(${DISPUTE_STATUSES.join("|")}))*$`), "unknown status")
    .optional(),
  debtorId: z.coerce.number().int().positive().optional(),
  assigneeId: z.coerce.number().int().positive().optional(),
  overdue: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type DisputeListQuery = z.infer<typeof disputeListQuery>;

export const disputePatch = z
  .object({
    status: z.enum(DISPUTE_STATUSES).optional(),
    assigneeId: z.number().int().positive().nullable().optional(),
    invoiceIds: z.array(z.number().int().positive()).max(200).optional(),
    disputedAmount: z.number().nonnegative().max(1e12).multipleOf(0.01).nullable().optional(),
    reason: z.enum(DISPUTE_REASONS).optional(),
    resolutionNote: z.string().max(5000).nullable().optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 0, "nothing to change");
export type DisputePatch = z.infer<typeof disputePatch>;

export const disputeComment = z.object({ body: z.string().trim().min(1).max(10_000) }).strict();
export const idParams = z.object({ id: z.coerce.number().int().positive() });

const invoiceRef = z.object({ id: z.number(), number: z.string().nullable() });
export const disputeView = z.object({
  id: z.number(),
  debtorId: z.number(),
  debtor: z.object({ number: z.string(), name: z.string() }).nullable(),
  messageId: z.number().nullable(),
  invoices: z.array(invoiceRef),
  disputedAmount: z.number().nullable(),
  currency: z.string(),
  reason: z.string(),
  status: z.enum(DISPUTE_STATUSES),
  assigneeId: z.number().nullable(),
  slaDueDate: z.string(),
  overdue: z.boolean(),
  resolutionNote: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DisputeView = z.infer<typeof disputeView>;
