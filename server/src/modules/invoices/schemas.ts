import { z } from "zod";

/**
 * Response contracts of /api/invoices (the web UI imports these). Money is a
 * number with 2 decimals in the invoice currency; dates are "YYYY-MM-DD".
 */
export const invoiceStatusSchema = z.enum(["open", "partially_paid", "paid", "cancelled"]);
export const invoiceKindSchema = z.enum(["invoice", "credit_note"]);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");

export const invoiceSummarySchema = z.object({
  id: z.number().int(),
  number: z.string(),
  numberKey: z.string(),
  kind: invoiceKindSchema,
  debtor: z.object({ id: z.number().int(), number: z.string(), name: z.string() }),
  issueDate: isoDate,
  dueDate: isoDate.nullable(),
  currency: z.string(),
  amount: z.number(),
  openAmount: z.number(),
  status: invoiceStatusSchema,
  inDispute: z.boolean(),
  /** Days past the due date (the issue date when there is none) as of `asOf`; 0 when not overdue or nothing is owed. */
  daysOverdue: z.number().int(),
});
export type InvoiceSummary = z.infer<typeof invoiceSummarySchema>;

export const paymentSummarySchema = z.object({
  id: z.number().int(),
  reference: z.string(),
  paidOn: isoDate,
  amount: z.number(),
  currency: z.string(),
  invoiceId: z.number().int().nullable(),
  invoiceNumber: z.string().nullable(),
});
export type PaymentSummary = z.infer<typeof paymentSummarySchema>;

export const invoiceDetailSchema = invoiceSummarySchema.extend({
  payments: z.array(paymentSummarySchema),
  asOf: isoDate,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type InvoiceDetail = z.infer<typeof invoiceDetailSchema>;

export const invoiceListResponseSchema = z.object({
  items: z.array(invoiceSummarySchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  asOf: isoDate,
});
export type InvoiceListResponse = z.infer<typeof invoiceListResponseSchema>;

// ---- query strings -------------------------------------------------------------

export const queryBool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");
export const asOfParam = isoDate.refine((v) => !Number.isNaN(Date.parse(v)), "not a valid date");
export const pageParams = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};

export const invoiceListQuery = z.object({
  ...pageParams,
  /** Debtor id or number. */
  debtor: z.string().trim().min(1).max(64).optional(),
  /** One status or several, comma separated: status=open,partially_paid */
  status: z
    .string()
    .transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(invoiceStatusSchema).min(1))
    .optional(),
  kind: invoiceKindSchema.optional(),
  overdue: queryBool.optional(),
  inDispute: queryBool.optional(),
  /** Part of the number, in any spelling: "2024/0113" also finds F2024-0113 through its digits. */
  q: z.string().trim().min(1).max(100).optional(),
  asOf: asOfParam.optional(),
  sort: z.enum(["dueDate", "-dueDate", "issueDate", "-issueDate", "number", "-openAmount"]).default("dueDate"),
});
export type InvoiceListQuery = z.infer<typeof invoiceListQuery>;

/** `/:id` takes an id or a number; `by` forces one reading when a number is all digits. */
export const lookupParams = z.object({ id: z.string().trim().min(1).max(64) });
export const lookupQuery = z.object({
  by: z.enum(["id", "number"]).optional(),
  asOf: asOfParam.optional(),
});
