import { eq, inArray, sql, type Column } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { company } from "../../db/schema/company.ts";
import { debtors } from "../../db/schema/debtors.ts";
import { contacts } from "../../db/schema/contacts.ts";
import { invoices } from "../../db/schema/invoices.ts";
import { payments } from "../../db/schema/payments.ts";
import { issueAt, IssueList } from "./issues.ts";
import { F, type NormLedger } from "./normalized.ts";

export type CompanyRow = typeof company.$inferSelect;
export type DebtorRow = typeof debtors.$inferSelect;
export type ContactRow = typeof contacts.$inferSelect;
export type InvoiceRow = typeof invoices.$inferSelect & { debtorNumber: string };
export type PaymentRow = typeof payments.$inferSelect;

/** What the database already holds about the records a file mentions, loaded once per import. */
export interface Known {
  company?: CompanyRow;
  debtors: Map<string, DebtorRow>;
  contactsByDebtor: Map<number, ContactRow[]>;
  invoices: Map<string, InvoiceRow>;
  payments: Map<string, PaymentRow>;
  /** Recorded payments of the known invoices, to work out an open amount a file leaves out. */
  paymentsByInvoice: Map<number, PaymentRow[]>;
}

// Postgres caps a statement at 65535 parameters; stay well below.
const CHUNK = 5000;
export function chunks<T>(list: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** `excluded."col"` in an upsert: the value the insert tried to write. */
export const excluded = (col: Column) => sql.raw(`excluded."${col.name}"`);

async function selectIn<K, T>(keys: Iterable<K>, load: (chunk: K[]) => Promise<T[]>): Promise<T[]> {
  const unique = [...new Set(keys)];
  const out: T[] = [];
  for (const part of chunks(unique)) out.push(...(await load(part)));
  return out;
}

const groupBy = <T, K>(rows: T[], key: (r: T) => K) => {
  const map = new Map<K, T[]>();
  for (const r of rows) {
    const list = map.get(key(r));
    if (list) list.push(r);
    else map.set(key(r), [r]);
  }
  return map;
};

/**
 * Serialises imports: two imports of overlapping files running at once would
 * both see a record as new. Held until the transaction ends.
 */
export async function lockImports(tx: Tx) {
  await tx.execute(sql`select pg_advisory_xact_lock(74110001)`);
}

export async function loadKnown(tx: Tx, ledger: NormLedger): Promise<Known> {
  const [companyRow] = await tx.select().from(company).where(eq(company.id, 1));
  const debtorNumbers = [
    ...ledger.debtors.map((d) => d.number),
    ...ledger.invoices.map((i) => i.debtor),
    ...ledger.payments.map((p) => p.debtor),
  ];
  const debtorRows = await selectIn(debtorNumbers, (part) => tx.select().from(debtors).where(inArray(debtors.number, part)));
  const contactRows = await selectIn(debtorRows.map((d) => d.id), (part) =>
    tx.select().from(contacts).where(inArray(contacts.debtorId, part)),
  );
  const invoiceNumbers = [...ledger.invoices.map((i) => i.number), ...ledger.payments.flatMap((p) => (p.invoice ? [p.invoice] : []))];
  const invoiceRows = await selectIn(invoiceNumbers, async (part) => {
    const rows = await tx
      .select({ invoice: invoices, debtorNumber: debtors.number })
      .from(invoices)
      .innerJoin(debtors, eq(debtors.id, invoices.debtorId))
      .where(inArray(invoices.number, part));
    return rows.map((r) => ({ ...r.invoice, debtorNumber: r.debtorNumber }));
  });
  const paymentRows = await selectIn(ledger.payments.map((p) => p.reference), (part) =>
    tx.select().from(payments).where(inArray(payments.reference, part)),
  );
  const byNumber = new Map(invoiceRows.map((r) => [r.number, r]));
  const needingPayments = ledger.invoices.filter((i) => i.openAmount === undefined && byNumber.has(i.number));
  const invoicePayments = await selectIn(needingPayments.map((i) => byNumber.get(i.number)!.id), (part) =>
    tx.select().from(payments).where(inArray(payments.invoiceId, part)),
  );
  return {
    company: companyRow,
    debtors: new Map(debtorRows.map((d) => [d.number, d])),
    contactsByDebtor: groupBy(contactRows, (c) => c.debtorId),
    invoices: byNumber,
    payments: new Map(paymentRows.map((p) => [p.reference, p])),
    paymentsByInvoice: groupBy(invoicePayments, (p) => p.invoiceId!),
  };
}

/**
 * Every reference in the file must resolve, in the file itself or in the
 * database: invoice -> debtor, payment -> debtor and invoice, and a payment
 * must belong to its invoice's debtor and currency. Runs before any write.
 */
export function checkReferences(ledger: NormLedger, known: Known): void {
  const issues = new IssueList();
  const fileDebtors = new Set(ledger.debtors.map((d) => d.number));
  const fileInvoices = new Map(ledger.invoices.map((i) => [i.number, i]));
  const debtorExists = (n: string) => fileDebtors.has(n) || known.debtors.has(n);

  for (const inv of ledger.invoices) {
    if (!debtorExists(inv.debtor)) issues.add(issueAt(inv.loc, F.debtor, `unknown debtor ${JSON.stringify(inv.debtor)}`));
  }
  for (const p of ledger.payments) {
    if (!debtorExists(p.debtor)) issues.add(issueAt(p.loc, F.debtor, `unknown debtor ${JSON.stringify(p.debtor)}`));
    if (!p.invoice) continue;
    const inFile = fileInvoices.get(p.invoice);
    const stored = known.invoices.get(p.invoice);
    if (!inFile && !stored) {
      issues.add(issueAt(p.loc, F.invoice, `unknown invoice ${JSON.stringify(p.invoice)}`));
      continue;
    }
    const owner = inFile ? inFile.debtor : stored!.debtorNumber;
    if (owner !== p.debtor) {
      issues.add(issueAt(p.loc, F.invoice, `invoice ${p.invoice} belongs to debtor ${owner}, not ${p.debtor}`));
    }
    const currency = inFile?.currency ?? stored?.currency ?? "EUR";
    if (p.currency && p.currency !== currency) {
      issues.add(issueAt(p.loc, F.currency, `currency ${p.currency} differs from invoice ${p.invoice} (${currency})`));
    }
  }
  issues.throwIfAny();
}
