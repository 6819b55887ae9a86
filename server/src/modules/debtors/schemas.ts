import { z } from "zod";
import { asOfParam, invoiceSummarySchema, pageParams, paymentSummarySchema, queryBool } from "../invoices/schemas.ts";

/**
 * Response contracts of /api/debtors (the web UI imports these). Amounts are
 * numbers with 2 decimals; they are grouped per currency and never summed
 * across currencies.
 */
export const debtorBalanceSchema = z.object({
  currency: z.string(),
  /** Sum of open amounts (credit notes lower it). */
  open: z.number(),
  /** Sum of open amounts past due as of `asOf`. */
  overdue: z.number(),
  /** Open amount of invoices flagged in dispute. */
  disputed: z.number(),
  openItems: z.number().int(),
  overdueItems: z.number().int(),
});
export type DebtorBalance = z.infer<typeof debtorBalanceSchema>;

export const debtorSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  name: z.string(),
  language: z.string(),
  country: z.string().nullable(),
  vatNumber: z.string().nullable(),
  customerNumber: z.string().nullable(),
  tone: z.string(),
  group: z.string().nullable(),
  insolvent: z.boolean(),
  domains: z.array(z.string()),
});
export type Debtor = z.infer<typeof debtorSchema>;

export const debtorListItemSchema = debtorSchema.extend({ balances: z.array(debtorBalanceSchema) });
export type DebtorListItem = z.infer<typeof debtorListItemSchema>;

export const debtorListResponseSchema = z.object({
  items: z.array(debtorListItemSchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  asOf: z.string(),
});
export type DebtorListResponse = z.infer<typeof debtorListResponseSchema>;

export const contactSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string().nullable(),
  role: z.string().nullable(),
  /** active | bouncing | out_of_office */
  status: z.string(),
  outOfOfficeUntil: z.string().nullable(),
  lastBounceStatus: z.string().nullable(),
  statusChangedAt: z.string().nullable(),
});
export type Contact = z.infer<typeof contactSchema>;

export const agingSchema = z.object({
  currency: z.string(),
  /** Not yet due (and credit notes). */
  current: z.number(),
  days1to30: z.number(),
  days31to60: z.number(),
  days61to90: z.number(),
  days90plus: z.number(),
  total: z.number(),
});
export type AgingRow = z.infer<typeof agingSchema>;

export const debtorCardSchema = z.object({
  debtor: debtorSchema,
  contacts: z.array(contactSchema),
  /** Open items (open amount not zero), oldest due first. */
  openInvoices: z.array(invoiceSummarySchema),
  aging: z.array(agingSchema),
  totals: z.array(debtorBalanceSchema),
  /** The 20 latest payments. */
  recentPayments: z.array(paymentSummarySchema),
  asOf: z.string(),
});
export type DebtorCard = z.infer<typeof debtorCardSchema>;

export const debtorListQuery = z.object({
  ...pageParams,
  /** Search in number, name and customer number (case-insensitive, contains). */
  q: z.string().trim().min(1).max(100).optional(),
  language: z.string().trim().toLowerCase().regex(/^[a-z]{2}$/).optional(),
  country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/).optional(),
  group: z.string().trim().min(1).max(200).optional(),
  tone: z.enum(["friendly", "firm"]).optional(),
  /** Debtors with (true) / without (false) open items. */
  hasOpen: queryBool.optional(),
  /** Debtors with (true) / without (false) overdue items as of `asOf`. */
  overdue: queryBool.optional(),
  /** Debtors with (true) / without (false) an invoice in dispute. */
  inDispute: queryBool.optional(),
  asOf: asOfParam.optional(),
  /** `-overdue`: largest overdue amount first (all currencies added, for ordering only). */
  sort: z.enum(["number", "name", "-overdue"]).default("number"),
});
export type DebtorListQuery = z.infer<typeof debtorListQuery>;
