import { and, asc, eq, inArray } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { company } from "../../db/schema/company.ts";
import { debtors } from "../../db/schema/debtors.ts";
import { contacts } from "../../db/schema/contacts.ts";
import { invoices } from "../../db/schema/invoices.ts";
import { messages } from "../../db/schema/messages.ts";
import type { Fields } from "../../../../classifiers/intents.ts";
import { centsFromNumeric } from "../ledger/money.ts";
import { numberKey } from "../ledger/values.ts";
import { daysBetween, isoToday } from "./locale-format.ts";

/**
 * The ledger facts a draft is written from, loaded in one place so the
 * template, the LLM prompt and the fact check all see the same numbers.
 * Stored on the draft (drafts.facts) so a reviewer sees what it was based on.
 */
export interface FactInvoice {
  id: number;
  number: string;
  kind: string;
  issueDate: string;
  dueDate: string | null;
  currency: string;
  amountCents: number;
  openCents: number;
  status: string;
  inDispute: boolean;
  /** Days past due today (negative: not yet due), null without a due date. */
  daysOverdue: number | null;
}

export type CaseFacts =
  | { kind: "dispute"; id: number; invoiceNumbers: string[]; disputedCents: number | null; reason: string; slaDueDate: string }
  | { kind: "promise"; id: number; promisedDate: string; amountCents: number; paidCents: number; status: string }
  | { kind: "plan"; id: number; totalCents: number; instalments: { seq: number; dueDate: string; amountCents: number }[] }
  | { kind: "account_update"; id: number; changes: Record<string, string> }
  | { kind: "insolvency"; taskId: number; claimCents: number; caseReference: string | null; administrator: string | null };

export interface LedgerFacts {
  today: string;
  company: { name: string; domains: string[]; arMailbox: string | null };
  debtor: {
    id: number;
    number: string;
    name: string;
    language: string;
    country: string | null;
    tone: string;
    customerNumber: string | null;
    vatNumber: string | null;
    insolvent: boolean;
    contacts: string[];
  };
  message: { id: number; date: string | null; fromAddress: string | null; fromName: string | null; subject: string | null };
  /** Every open item of the debtor (the statement of account), oldest first. */
  openInvoices: FactInvoice[];
  /** The debtor's invoices the email refers to, whatever their status. */
  referenced: FactInvoice[];
  /** Open total per currency. */
  totals: { currency: string; openCents: number; overdueCents: number }[];
  fields: Fields;
  case: CaseFacts | null;
}

const OPEN_STATUSES = ["open", "partially_paid"];

function toFact(row: typeof invoices.$inferSelect, today: string): FactInvoice {
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    issueDate: row.issueDate,
    dueDate: row.dueDate,
    currency: row.currency,
    amountCents: centsFromNumeric(row.amount),
    openCents: centsFromNumeric(row.openAmount),
    status: row.status,
    inDispute: row.inDispute,
    daysOverdue: row.dueDate ? daysBetween(row.dueDate, today) : null,
  };
}

export async function loadLedgerFacts(
  tx: Tx,
  input: { debtorId: number; messageId: number; invoiceNumbers: string[]; fields: Fields; today?: string },
): Promise<LedgerFacts> {
  const today = input.today ?? isoToday();
  const [debtor] = await tx.select().from(debtors).where(eq(debtors.id, input.debtorId));
  if (!debtor) throw new Error(`debtor ${input.debtorId} not found`);
  const [co] = await tx.select().from(company).limit(1);
  const [msg] = await tx
    .select({ id: messages.id, sentAt: messages.sentAt, receivedAt: messages.receivedAt, fromAddress: messages.fromAddress, fromName: messages.fromName, subject: messages.subject })
    .from(messages)
    .where(eq(messages.id, input.messageId));
  const contactRows = await tx.select({ email: contacts.email }).from(contacts).where(eq(contacts.debtorId, debtor.id));
  const all = await tx
    .select()
    .from(invoices)
    .where(eq(invoices.debtorId, debtor.id))
    .orderBy(asc(invoices.dueDate), asc(invoices.issueDate), asc(invoices.number));
  const facts = all.map((r) => toFact(r, today));
  const open = facts.filter((f) => OPEN_STATUSES.includes(f.status) && f.openCents !== 0);

  // The email may spell a number differently from the ledger; the classifier
  // already matched them, but compare on the digits-only key to be safe.
  const wanted = new Set(input.invoiceNumbers.map(numberKey));
  const referenced = facts.filter((f) => input.invoiceNumbers.includes(f.number) || wanted.has(numberKey(f.number)));

  const byCurrency = new Map<string, { openCents: number; overdueCents: number }>();
  for (const f of open) {
    const t = byCurrency.get(f.currency) ?? { openCents: 0, overdueCents: 0 };
    t.openCents += f.openCents;
    if ((f.daysOverdue ?? 0) > 0) t.overdueCents += f.openCents;
    byCurrency.set(f.currency, t);
  }
  const date = msg?.sentAt ?? msg?.receivedAt ?? null;
  return {
    today,
    company: { name: co?.name ?? "", domains: co?.domains ?? [], arMailbox: co?.arMailbox ?? null },
    debtor: {
      id: debtor.id,
      number: debtor.number,
      name: debtor.name,
      language: debtor.language,
      country: debtor.country,
      tone: debtor.tone,
      customerNumber: debtor.customerNumber,
      vatNumber: debtor.vatNumber,
      insolvent: debtor.insolvent,
      contacts: contactRows.map((c) => c.email),
    },
    message: {
      id: input.messageId,
      date: date ? date.toISOString().slice(0, 10) : null,
      fromAddress: msg?.fromAddress ?? null,
      fromName: msg?.fromName ?? null,
      subject: msg?.subject ?? null,
    },
    openInvoices: open,
    referenced,
    totals: [...byCurrency].map(([currency, t]) => ({ currency, ...t })),
    fields: input.fields,
    case: null,
  };
}

/** Invoices by id, for cases that store invoice ids. */
export async function invoiceNumbersByIds(tx: Tx, ids: number[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await tx.select({ number: invoices.number }).from(invoices).where(and(inArray(invoices.id, ids)));
  return rows.map((r) => r.number);
}
