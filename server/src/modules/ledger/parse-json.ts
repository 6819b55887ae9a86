import { IssueList, importRejected, unknownKeys, zodIssues, issueAt } from "./issues.ts";
import { checkInvoice, DuplicateCheck, F, type NormLedger, type NormPayment, type ParsedFile } from "./normalized.ts";
import { ledgerFileInput, paymentsFileInput } from "./schemas.ts";
import type { z } from "zod";

/** JSON text to a value, or a rejection naming the line and column of the syntax error. */
function parseJsonText(content: string): unknown {
  try {
    return JSON.parse(content.replace(/^\uFEFF/, ""));
  } catch (err) {
    const message = (err as Error).message;
    const pos = /position (\d+)/.exec(message);
    if (pos) {
      const before = content.slice(0, Number(pos[1]));
      const line = before.split("\n").length;
      const column = Number(pos[1]) - before.lastIndexOf("\n");
      throw importRejected([{ line, message: `malformed JSON at column ${column}: ${message}` }]);
    }
    throw importRejected([{ path: "", message: `malformed JSON: ${message}` }]);
  }
}

function validate<S extends z.ZodType>(schema: S, value: unknown, rename?: (path: string) => string) {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = zodIssues(parsed.error, { path: "" }, value);
    throw importRejected(rename ? issues.map((i) => ({ ...i, path: rename(i.path ?? "") })) : issues);
  }
  const warnings = unknownKeys(schema, value).map((p) => `unknown field ${rename ? rename(p) : p} ignored`);
  return { data: parsed.data as z.output<S>, warnings };
}

function toPayments(list: z.output<typeof paymentsFileInput>["payments"], base: string, issues: IssueList) {
  const refs = new DuplicateCheck("payment reference", F.reference);
  const out: NormPayment[] = [];
  list.forEach((p, i) => {
    const loc = { path: `${base}[${i}]` };
    if (p.amount === 0) issues.add(issueAt(loc, F.amount, "a payment amount cannot be zero"));
    if (refs.check(p.reference, loc, issues)) out.push({ ...p, loc });
  });
  return out;
}

/** The JSON ledger (eval-set-format.md shape) to the normalised form, or a rejection listing every problem. */
export function parseLedgerJson(content: string): ParsedFile {
  const { data, warnings } = validate(ledgerFileInput, parseJsonText(content));
  const issues = new IssueList();
  const ledger: NormLedger = { debtors: [], invoices: [], payments: [] };
  if (data.company) ledger.company = data.company;

  const debtorNumbers = new DuplicateCheck("debtor number", { json: "number", csv: "debtor_number" });
  data.debtors.forEach((d, i) => {
    const loc = { path: `debtors[${i}]` };
    if (!debtorNumbers.check(d.number, loc, issues)) return;
    const emails = new DuplicateCheck("contact e-mail", { json: "email", csv: "contact_email" });
    const contacts = d.contacts.flatMap((c, j) => {
      const cloc = { path: `debtors[${i}].contacts[${j}]` };
      return emails.check(c.email, cloc, issues) ? [{ ...c, loc: cloc }] : [];
    });
    const { group, contacts: _ignored, ...rest } = d;
    ledger.debtors.push({ ...rest, groupName: group, contacts, loc });
  });

  const invoiceNumbers = new DuplicateCheck("invoice number", F.number);
  data.invoices.forEach((inv, i) => {
    const loc = { path: `invoices[${i}]` };
    if (invoiceNumbers.check(inv.number, loc, issues)) ledger.invoices.push(checkInvoice({ ...inv, loc }, issues));
  });
  ledger.payments = toPayments(data.payments, "payments", issues);

  if (!ledger.company && !ledger.debtors.length && !ledger.invoices.length && !ledger.payments.length) {
    issues.add({ path: "", message: "the file contains no company, debtors, invoices or payments" });
  }
  issues.throwIfAny();
  return { ledger, warnings };
}

/** A payments JSON file (`{"payments":[...]}` or a bare array) to normalised payments. */
export function parsePaymentsJson(content: string): { payments: NormPayment[]; warnings: string[] } {
  const value = parseJsonText(content);
  const bare = Array.isArray(value);
  // A bare array is validated as {payments: [...]}; paths are given back as the file spells them.
  const rename = bare ? (p: string) => p.replace(/^payments/, "") : undefined;
  const { data, warnings } = validate(paymentsFileInput, bare ? { payments: value } : value, rename);
  const issues = new IssueList();
  const payments = toPayments(data.payments, bare ? "" : "payments", issues);
  if (!payments.length && !issues.size) issues.add({ path: "", message: "the file contains no payments" });
  issues.throwIfAny();
  return { payments, warnings };
}
