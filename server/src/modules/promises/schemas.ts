import { z } from "zod";

// Contracts of /api/promises.
export const PROMISE_STATUSES = ["pending", "kept", "partly_kept", "broken", "cancelled"] as const;
const statusList = new RegExp(`^(${PROMISE_STATUSES.join("|")})(,(${PROMISE_STATUSES.join("|")}))*$`);

export const promiseListQuery = z.object({
  status: z.string().regex(statusList, "unknown status").optional(),
  debtorId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type PromiseListQuery = z.infer<typeof promiseListQuery>;
export const idParams = z.object({ id: z.coerce.number().int().positive() });

export const promiseView = z.object({
  id: z.number(),
  debtorId: z.number(),
  debtor: z.object({ number: z.string(), name: z.string() }).nullable(),
  messageId: z.number().nullable(),
  promisedDate: z.string(),
  amount: z.number(),
  paidAmount: z.number(),
  currency: z.string(),
  invoices: z.array(z.object({ id: z.number(), number: z.string().nullable() })),
  status: z.enum(PROMISE_STATUSES),
  evaluatedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type PromiseView = z.infer<typeof promiseView>;
