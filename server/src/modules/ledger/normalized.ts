import { issueAt, type IssueList, type Loc } from "./issues.ts";
import type { InvoiceKind } from "./values.ts";

/**
 * The one in-memory form both file formats are parsed into, so the database
 * writes are written once. Money is in integer cents; `undefined` means "the
 * file does not say" (keep what is stored). Every record keeps where it came
 * from so that problems found later still name the line or JSON path.
 */
export interface NormContact {
  email: string;
  name?: string;
  role?: string;
  loc: Loc;
}

export interface NormDebtor {
  number: string;
  name: string;
  language?: string;
  country?: string;
  vatNumber?: string;
  customerNumber?: string;
  tone?: "friendly" | "firm";
  groupName?: string;
  contacts: NormContact[];
  loc: Loc;
}

export interface NormInvoice {
  number: string;
  debtor: string;
  kind: InvoiceKind;
  issueDate: string;
  dueDate?: string;
  currency?: string;
  amount: number;
  openAmount?: number;
  loc: Loc;
}

export interface NormPayment {
  reference: string;
  debtor: string;
  invoice?: string;
  date: string;
  amount: number;
  currency?: string;
  loc: Loc;
}

export interface NormCompany {
  name: string;
  domains: string[];
  arMailbox?: string;
}

export interface NormLedger {
  company?: NormCompany;
  debtors: NormDebtor[];
  invoices: NormInvoice[];
  payments: NormPayment[];
}

export interface ParsedFile {
  ledger: NormLedger;
  warnings: string[];
}

/** Field names in both vocabularies, for issues found after parsing. */
export const F = {
  number: { json: "number", csv: "invoice_number" },
  debtor: { json: "debtor", csv: "debtor_number" },
  invoice: { json: "invoice", csv: "invoice_number" },
  reference: { json: "reference", csv: "reference" },
  kind: { json: "kind", csv: "kind" },
  amount: { json: "amount", csv: "amount" },
  openAmount: { json: "openAmount", csv: "open_amount" },
  dueDate: { json: "dueDate", csv: "due_date" },
  currency: { json: "currency", csv: "currency" },
  email: { json: "email", csv: "contact_email" },
} as const;

/**
 * Checks one invoice makes sense on its own: credit notes are negative and
 * invoices are not, the open amount is not larger than the amount, and it is
 * not due before it was issued.
 */
export function checkInvoice(inv: Omit<NormInvoice, "kind"> & { kind?: InvoiceKind }, issues: IssueList): NormInvoice {
  const kind: InvoiceKind = inv.kind ?? (inv.amount < 0 ? "credit_note" : "invoice");
  if (kind === "credit_note" && inv.amount > 0) {
    issues.add(issueAt(inv.loc, F.amount, "a credit note must have a negative amount"));
  }
  if (kind === "invoice" && inv.amount < 0) {
    issues.add(issueAt(inv.loc, F.amount, "an invoice cannot have a negative amount (use kind credit_note)"));
  }
  const open = inv.openAmount;
  if (open !== undefined && open !== 0 && Math.sign(open) === Math.sign(inv.amount) && Math.abs(open) > Math.abs(inv.amount)) {
    issues.add(issueAt(inv.loc, F.openAmount, "the open amount is larger than the amount"));
  }
  if (inv.dueDate && inv.dueDate < inv.issueDate) {
    issues.add(issueAt(inv.loc, F.dueDate, `due date ${inv.dueDate} is before issue date ${inv.issueDate}`));
  }
  return { ...inv, kind };
}

/** Rejects a second record with the same key, naming where the first one was. */
export class DuplicateCheck {
  private seen = new Map<string, Loc>();
  constructor(private readonly what: string, private readonly field: { json: string; csv: string }) {}
  check(key: string, loc: Loc, issues: IssueList): boolean {
    const first = this.seen.get(key);
    if (first) {
      const where = "line" in first ? `line ${first.line}` : first.path;
      issues.add(issueAt(loc, this.field, `duplicate ${this.what} ${JSON.stringify(key)} (first at ${where})`));
      return false;
    }
    this.seen.set(key, loc);
    return true;
  }
}
