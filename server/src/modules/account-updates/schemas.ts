import { z } from "zod";

// Contracts of /api/account-updates.
export const ACCOUNT_UPDATE_STATUSES = ["proposed", "confirmed", "rejected"] as const;
const statusList = new RegExp(`^(${ACCOUNT_UPDATE_STATUSES.join("|")})(,(${ACCOUNT_UPDATE_STATUSES.join("|")}))*$`);

export const accountChanges = z
  .object({
    newEmail: z.string().trim().toLowerCase().email().max(320).optional(),
    newAddress: z.string().trim().min(1).max(1000).optional(),
    poNumber: z.string().trim().min(1).max(100).optional(),
    vatNumber: z.string().trim().min(2).max(40).optional(),
  })
  .strict();
export type AccountChanges = z.infer<typeof accountChanges>;

export const accountUpdateListQuery = z.object({
  status: z.string().regex(statusList, "unknown status").optional(),
  debtorId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type AccountUpdateListQuery = z.infer<typeof accountUpdateListQuery>;
export const idParams = z.object({ id: z.coerce.number().int().positive() });
/** Confirm as proposed, or with the clerk's corrected changes. */
export const confirmBody = z.object({ changes: accountChanges.optional(), note: z.string().max(2000).optional() }).strict();
export const rejectBody = z.object({ reason: z.string().trim().min(1).max(2000) }).strict();

export const accountUpdateView = z.object({
  id: z.number(),
  debtorId: z.number(),
  debtor: z.object({ number: z.string(), name: z.string() }).nullable(),
  messageId: z.number().nullable(),
  changes: accountChanges,
  current: z.record(z.string(), z.unknown()),
  status: z.enum(ACCOUNT_UPDATE_STATUSES),
  decidedBy: z.number().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  createdAt: z.string(),
});
export type AccountUpdateView = z.infer<typeof accountUpdateView>;
