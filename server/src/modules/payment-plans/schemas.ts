import { z } from "zod";

// Contracts of /api/payment-plans.
export const PLAN_STATUSES = ["proposed", "accepted", "completed", "cancelled"] as const;
const statusList = new RegExp(`^(${PLAN_STATUSES.join("|")})(,(${PLAN_STATUSES.join("|")}))*$`);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD").refine((s) => !Number.isNaN(Date.parse(s)), "not a date");

export const planListQuery = z.object({
  status: z.string().regex(statusList, "unknown status").optional(),
  debtorId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type PlanListQuery = z.infer<typeof planListQuery>;
export const idParams = z.object({ id: z.coerce.number().int().positive() });

/** The whole new schedule; amounts in the plan currency with at most 2 decimals. */
export const schedulePatch = z
  .object({
    instalments: z
      .array(z.object({ dueDate: isoDate, amount: z.number().positive().max(1e12).multipleOf(0.01) }).strict())
      .min(1)
      .max(24),
  })
  .strict();
export type SchedulePatch = z.infer<typeof schedulePatch>;
export const cancelBody = z.object({ reason: z.string().max(2000).optional() }).strict();

export const planView = z.object({
  id: z.number(),
  debtorId: z.number(),
  debtor: z.object({ number: z.string(), name: z.string() }).nullable(),
  messageId: z.number().nullable(),
  invoices: z.array(z.object({ id: z.number(), number: z.string().nullable() })),
  totalAmount: z.number(),
  paidAmount: z.number(),
  currency: z.string(),
  status: z.enum(PLAN_STATUSES),
  acceptedBy: z.number().nullable(),
  acceptedAt: z.string().nullable(),
  instalments: z.array(
    z.object({
      seq: z.number(),
      dueDate: z.string(),
      amount: z.number(),
      paidAmount: z.number(),
      status: z.enum(["pending", "partly_paid", "paid", "overdue"]),
      paidOn: z.string().nullable(),
    }),
  ),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PlanView = z.infer<typeof planView>;
