import { sql } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { company } from "../../db/schema/company.ts";
import { debtors } from "../../db/schema/debtors.ts";
import { contacts } from "../../db/schema/contacts.ts";
import { invoices } from "../../db/schema/invoices.ts";
import { isFreeMailDomain } from "../../lib/free-mail-domains.ts";
import { chunks, excluded, type Known } from "./known.ts";
import { centsFromNumeric, numericFromCents } from "./money.ts";
import type { NormCompany, NormDebtor, NormLedger } from "./normalized.ts";
import type { ImportReport } from "./schemas.ts";
import { emailDomain, numberKey } from "./values.ts";
import { invoiceStatus } from "./write-payments.ts";

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

export async function writeCompany(tx: Tx, file: NormCompany | undefined, known: Known, report: ImportReport) {
  if (!file) return;
  const ex = known.company;
  const row = {
    id: 1,
    name: file.name,
    domains: [...new Set(file.domains)].sort(),
    arMailbox: file.arMailbox ?? ex?.arMailbox ?? null,
  };
  if (ex && ex.name === row.name && sameList(ex.domains, row.domains) && ex.arMailbox === row.arMailbox) {
    report.company = "unchanged";
    return;
  }
  report.company = ex ? "updated" : "created";
  await tx
    .insert(company)
    .values(row)
    .onConflictDoUpdate({ target: company.id, set: { name: row.name, domains: row.domains, arMailbox: row.arMailbox, updatedAt: sql`now()` } });
}

/**
 * A debtor's mail domains: the ones already stored (a clerk may have added
 * some) plus those of its contacts, minus free-mail domains and the company's
 * own domains, which would route our own mail or strangers' to the debtor.
 */
export function debtorDomains(emails: string[], stored: string[], companyDomains: string[]): string[] {
  const ours = (d: string) => companyDomains.some((c) => d === c || d.endsWith(`.${c}`));
  const all = new Set([...stored, ...emails.map(emailDomain)]);
  return [...all].filter((d) => d && !isFreeMailDomain(d) && !ours(d)).sort();
}

// Where the file gives no language, a country with one business language decides; else English.
const countryLanguage: Record<string, string> = {
  FR: "fr", MC: "fr", NL: "nl", DE: "de", AT: "de", LI: "de", GB: "en", IE: "en", US: "en",
  ES: "es", IT: "it", PT: "pt", PL: "pl", DK: "da", SE: "sv", NO: "no", FI: "fi",
};

/** Upserts debtors and their contacts; returns debtor number -> id for every debtor the file names. */
export async function writeDebtors(tx: Tx, ledger: NormLedger, known: Known, report: ImportReport) {
  const ids = new Map<string, number>([...known.debtors].map(([n, d]) => [n, d.id]));
  const companyDomains = ledger.company?.domains ?? known.company?.domains ?? [];
  const rows: (typeof debtors.$inferInsert)[] = [];
  for (const d of ledger.debtors) {
    const ex = known.debtors.get(d.number);
    const stored = ex ? (known.contactsByDebtor.get(ex.id) ?? []) : [];
    const country = d.country ?? ex?.country ?? null;
    const row = {
      number: d.number,
      name: d.name,
      language: d.language ?? ex?.language ?? countryLanguage[country ?? ""] ?? "en",
      country,
      vatNumber: d.vatNumber ?? ex?.vatNumber ?? null,
      customerNumber: d.customerNumber ?? ex?.customerNumber ?? null,
      tone: d.tone ?? ex?.tone ?? "friendly",
      groupName: d.groupName ?? ex?.groupName ?? null,
      domains: debtorDomains([...stored, ...d.contacts].map((c) => c.email), ex?.domains ?? [], companyDomains),
    };
    const same =
      ex &&
      (["name", "language", "country", "vatNumber", "customerNumber", "tone", "groupName"] as const).every((k) => ex[k] === row[k]) &&
      sameList(ex.domains, row.domains);
    if (same) report.debtors.unchanged++;
    else {
      report.debtors[ex ? "updated" : "created"]++;
      rows.push(row);
    }
  }
  for (const part of chunks(rows, 1000)) {
    const set = Object.fromEntries(
      (["name", "language", "country", "vatNumber", "customerNumber", "tone", "groupName", "domains"] as const).map((k) => [k, excluded(debtors[k])]),
    );
    const written = await tx
      .insert(debtors)
      .values(part)
      .onConflictDoUpdate({ target: debtors.number, set: { ...set, updatedAt: sql`now()` } })
      .returning({ id: debtors.id, number: debtors.number });
    for (const w of written) ids.set(w.number, w.id);
  }
  await writeContacts(tx, ledger.debtors, ids, known, report);
  return ids;
}

async function writeContacts(tx: Tx, list: NormDebtor[], ids: Map<string, number>, known: Known, report: ImportReport) {
  const rows: (typeof contacts.$inferInsert)[] = [];
  for (const d of list) {
    const debtorId = ids.get(d.number)!;
    const stored = known.contactsByDebtor.get(debtorId) ?? [];
    for (const c of d.contacts) {
      const ex = stored.find((s) => s.email === c.email);
      const row = { debtorId, email: c.email, name: c.name ?? ex?.name ?? null, role: c.role ?? ex?.role ?? null };
      if (ex && ex.name === row.name && ex.role === row.role) report.contacts.unchanged++;
      else {
        report.contacts[ex ? "updated" : "created"]++;
        rows.push(row);
      }
    }
  }
  for (const part of chunks(rows, 2000)) {
    await tx
      .insert(contacts)
      .values(part)
      .onConflictDoUpdate({ target: [contacts.debtorId, contacts.email], set: { name: excluded(contacts.name), role: excluded(contacts.role) } });
  }
}

export interface WrittenInvoice {
  id: number;
  debtorId: number;
  currency: string;
}

/**
 * Upserts invoices by number. The file's open amount is the truth; when the
 * file leaves it out it is the amount minus the payments recorded for the
 * invoice (stored ones, replaced by this file's version where it has one).
 * The status follows the amounts; `inDispute` belongs to the disputes feature
 * and is never touched here.
 */
export async function writeInvoices(tx: Tx, ledger: NormLedger, debtorIds: Map<string, number>, known: Known, report: ImportReport) {
  const out = new Map<string, WrittenInvoice>();
  const filePayments = new Map(ledger.payments.map((p) => [p.reference, p]));
  const rows: (typeof invoices.$inferInsert)[] = [];
  for (const inv of ledger.invoices) {
    const ex = known.invoices.get(inv.number);
    let open = inv.openAmount;
    if (open === undefined) {
      const stored = (ex ? (known.paymentsByInvoice.get(ex.id) ?? []) : []).filter((p) => !filePayments.has(p.reference));
      const paid =
        stored.reduce((s, p) => s + centsFromNumeric(p.amount), 0) +
        ledger.payments.filter((p) => p.invoice === inv.number).reduce((s, p) => s + p.amount, 0);
      open = inv.amount - paid;
    }
    const row = {
      debtorId: debtorIds.get(inv.debtor)!,
      number: inv.number,
      numberKey: numberKey(inv.number),
      kind: inv.kind,
      issueDate: inv.issueDate,
      dueDate: inv.dueDate ?? ex?.dueDate ?? null,
      currency: inv.currency ?? ex?.currency ?? "EUR",
      amount: numericFromCents(inv.amount),
      openAmount: numericFromCents(open),
      status: invoiceStatus(inv.amount, open),
    };
    const same =
      ex &&
      (["debtorId", "numberKey", "kind", "issueDate", "dueDate", "currency", "status"] as const).every((k) => ex[k] === row[k]) &&
      centsFromNumeric(ex.amount) === inv.amount &&
      centsFromNumeric(ex.openAmount) === open;
    if (same) {
      report.invoices.unchanged++;
      out.set(inv.number, { id: ex.id, debtorId: ex.debtorId, currency: ex.currency });
    } else {
      report.invoices[ex ? "updated" : "created"]++;
      rows.push(row);
    }
  }
  const cols = ["debtorId", "numberKey", "kind", "issueDate", "dueDate", "currency", "amount", "openAmount", "status"] as const;
  const set = Object.fromEntries(cols.map((k) => [k, excluded(invoices[k])]));
  for (const part of chunks(rows, 1000)) {
    const written = await tx
      .insert(invoices)
      .values(part)
      .onConflictDoUpdate({ target: invoices.number, set: { ...set, updatedAt: sql`now()` } })
      .returning({ id: invoices.id, number: invoices.number, debtorId: invoices.debtorId, currency: invoices.currency });
    for (const w of written) out.set(w.number, w);
  }
  return out;
}
