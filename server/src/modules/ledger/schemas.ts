import { z } from "zod";
import { parseAmountValue, parseDate, parseKind, type Parsed } from "./values.ts";

/**
 * Contracts of the ledger import: the JSON ledger of docs "eval-set-format.md"
 * (plus optional payments and debtor customerNumber / tone / group), the CSV
 * open-items and payments exports, and the report an import returns.
 *
 * Unknown JSON fields and unknown CSV columns are ignored and listed in the
 * report's `warnings`. A field that is absent (or null, or an empty CSV cell)
 * leaves the stored value as it is: an import never blanks a field.
 *
 * CSV OPEN-ITEMS EXPORT — one row per invoice or credit note; header row
 * required; `;`, `,` or tab delimited (detected from the header); UTF-8, BOM ok.
 * Header names are case-insensitive; spaces and dashes count as `_`.
 *   debtor_number  required  the debtor's number in the ERP (the key of debtors)
 *   debtor_name    required
 *   language       optional  ISO 639-1 (fr, nl, de, en...)
 *   country        optional  ISO 3166 alpha-2
 *   vat_number     optional
 *   contact_email  optional  one address per row; several rows may add several contacts
 *   contact_name   optional
 *   invoice_number required  unique in the file (the key of invoices)
 *   kind           optional  invoice | credit_note (also credit, cn, avoir, creditnota, gutschrift...);
 *                            default: credit_note when the amount is negative, else invoice
 *   issue_date     required  YYYY-MM-DD, dd/mm/yyyy, dd.mm.yyyy or dd-mm-yyyy (day first, never US order)
 *   due_date       optional  same formats
 *   currency       optional  ISO 4217, default EUR
 *   amount         required  "1234.56", "1.234,56", "1 234,56", "-50,00", "50,00-" (credit notes negative)
 *   open_amount    optional  default: amount minus the payments recorded for the invoice
 *   also accepted: customer_number, tone (friendly | firm), group, contact_role.
 * Debtor columns repeat on every row of the debtor; two rows giving different
 * non-empty values for the same debtor field reject the file.
 *
 * CSV PAYMENTS EXPORT — one row per payment:
 *   reference      required  unique; a re-import updates the payment with this reference
 *   debtor_number  required
 *   invoice_number optional  the invoice the payment settles (unallocated when empty)
 *   date           required  same formats as above
 *   amount         required  positive reduces the open amount; negative (a refund/reversal) raises it
 *   currency       optional  default: the invoice's currency (must match it when given)
 */
export const openItemsColumns = {
  required: ["debtor_number", "debtor_name", "invoice_number", "issue_date", "amount"],
  optional: [
    "language", "country", "vat_number", "contact_email", "contact_name", "contact_role", "kind",
    "due_date", "currency", "open_amount", "customer_number", "tone", "group",
  ],
} as const;

export const paymentColumns = {
  required: ["reference", "debtor_number", "date", "amount"],
  optional: ["invoice_number", "currency"],
} as const;

function fromParsed<T>(parse: (v: never) => Parsed<T>) {
  return (v: unknown, ctx: z.RefinementCtx): T => {
    const r = parse(v as never);
    if (r.ok) return r.value;
    ctx.addIssue({ code: "custom", message: r.error });
    return z.NEVER;
  };
}

/** null / "" count as absent. */
const absent = (v: unknown) => (v === null || v === "" ? undefined : v);
const optional = <S extends z.ZodType>(s: S) => z.preprocess(absent, s.optional());

export const keyText = (max = 64) =>
  z
    .union([z.string(), z.number().int().nonnegative()], { error: "expected a text" })
    .transform((v) => String(v).trim())
    .pipe(z.string().min(1, "must not be empty").max(max, `longer than ${max} characters`));
const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max, `longer than ${max} characters`);
const email = z
  .string({ error: "expected an e-mail address" })
  .trim()
  .toLowerCase()
  .max(320)
  .pipe(z.email({ error: "not a valid e-mail address" }));
export const amountValue = z
  .union([z.number(), z.string()], { error: "expected an amount" })
  .transform(fromParsed(parseAmountValue));
export const dateValue = z.string({ error: "expected a date" }).transform(fromParsed(parseDate));
const kindValue = z.string({ error: "expected invoice or credit_note" }).transform(fromParsed(parseKind));
const language = z
  .string()
  .trim()
  .regex(/^[a-z]{2}([-_][a-z]{2})?$/i, "expected an ISO 639-1 language code such as fr")
  .transform((v) => v.slice(0, 2).toLowerCase());
const country = z
  .string()
  .trim()
  .regex(/^[a-z]{2}$/i, "expected an ISO 3166 two-letter country code such as FR")
  .transform((v) => v.toUpperCase());
const currency = z
  .string()
  .trim()
  .regex(/^[a-z]{3}$/i, "expected an ISO 4217 currency code such as EUR")
  .transform((v) => v.toUpperCase());
const tone = z.enum(["friendly", "firm"], { error: "expected friendly or firm" });
const domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, "not a domain name");

export const ledgerContactInput = z.object({
  email,
  name: optional(text(200)),
  role: optional(text(100)),
});

export const ledgerDebtorInput = z.object({
  number: keyText(),
  name: text(300),
  language: optional(language),
  country: optional(country),
  vatNumber: optional(text(50)),
  customerNumber: optional(keyText()),
  tone: optional(tone),
  group: optional(text(200)),
  contacts: z.array(ledgerContactInput).max(1000).default([]),
});

export const ledgerInvoiceInput = z.object({
  number: keyText(),
  debtor: keyText(),
  kind: optional(kindValue),
  issueDate: dateValue,
  dueDate: optional(dateValue),
  currency: optional(currency),
  amount: amountValue,
  openAmount: optional(amountValue),
});

export const ledgerPaymentInput = z.object({
  reference: keyText(128),
  debtor: keyText(),
  invoice: optional(keyText()),
  date: dateValue,
  amount: amountValue,
  currency: optional(currency),
});

export const ledgerCompanyInput = z.object({
  name: text(300),
  domains: z.array(domain).max(50).default([]),
  arMailbox: optional(email),
});

export const ledgerFileInput = z.object({
  company: optional(ledgerCompanyInput),
  debtors: z.array(ledgerDebtorInput).default([]),
  invoices: z.array(ledgerInvoiceInput).default([]),
  payments: z.array(ledgerPaymentInput).default([]),
});
export type LedgerFileInput = z.input<typeof ledgerFileInput>;

/** A payments JSON file: `{ "payments": [...] }` (a bare array is accepted too). */
export const paymentsFileInput = z.object({ payments: z.array(ledgerPaymentInput) });

/** One CSV row, cells keyed by normalised header; empty cells already removed. */
export const openItemsRow = z.object({
  debtor_number: keyText(),
  debtor_name: text(300),
  language: optional(language),
  country: optional(country),
  vat_number: optional(text(50)),
  customer_number: optional(keyText()),
  tone: optional(tone),
  group: optional(text(200)),
  contact_email: optional(email),
  contact_name: optional(text(200)),
  contact_role: optional(text(100)),
  invoice_number: keyText(),
  kind: optional(kindValue),
  issue_date: dateValue,
  due_date: optional(dateValue),
  currency: optional(currency),
  amount: amountValue,
  open_amount: optional(amountValue),
});

export const paymentRow = z.object({
  reference: keyText(128),
  debtor_number: keyText(),
  invoice_number: optional(keyText()),
  date: dateValue,
  amount: amountValue,
  currency: optional(currency),
});

// ---- HTTP contract -------------------------------------------------------------

export const importQuery = z.object({
  kind: z.enum(["ledger", "payments"]).default("ledger"),
});

const counts = z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() });
export type ImportCounts = z.infer<typeof counts>;

export const importReportSchema = z.object({
  kind: z.enum(["ledger", "payments"]),
  format: z.enum(["json", "csv"]),
  company: z.enum(["created", "updated", "unchanged", "absent"]),
  debtors: counts,
  contacts: counts,
  invoices: counts,
  payments: counts,
  /** Payments created or changed by this import (what "payments.imported" carries). */
  paymentIds: z.array(z.number().int()),
  warnings: z.array(z.string()),
});
export type ImportReport = z.infer<typeof importReportSchema>;

/** `error.details` of a rejected import (HTTP 422, code VALIDATION). */
export const importIssueSchema = z.object({
  line: z.number().int().optional(),
  column: z.string().optional(),
  path: z.string().optional(),
  message: z.string(),
});
export const importRejectionDetails = z.object({ issues: z.array(importIssueSchema) });
