/**
 * Tiny hand-written ledger and mail builders for the routing tests (fictitious
 * companies; .example / well-known free-mail domains only).
 */
import type { Intent } from "../intents.ts";
import type { LedgerView, MailInput } from "../mail-input.ts";
import { formatOurMessageId } from "./our-message-id.ts";
import type { RouteDecision, RouteInput } from "./types.ts";

type DebtorSpec = Partial<LedgerView["debtors"][number]> & { id: number; number: string; name: string };

function debtor(d: DebtorSpec): LedgerView["debtors"][number] {
  return { language: "en", customerNumber: null, vatNumber: null, domains: [], contacts: [], ...d };
}

function invoice(number: string, debtorId: number, openAmount: number, currency = "EUR"): LedgerView["invoices"][number] {
  return { number, debtorId, kind: "invoice", issueDate: "2024-10-01", dueDate: "2024-10-31", currency, amount: openAmount, openAmount };
}

export const OUR_DOMAINS = ["acme-supplies.example", "acme.example"];

export function testLedger(): LedgerView {
  return {
    company: { name: "Acme Supplies BV", domains: OUR_DOMAINS },
    debtors: [
      debtor({ id: 1, number: "C1001", name: "Boulangerie Martin SARL", language: "fr", customerNumber: "CL-00827", vatNumber: "FR12345678901", domains: ["boulangerie-martin.fr"], contacts: [{ email: "compta@boulangerie-martin.fr", name: "Sophie Martin" }] }),
      debtor({ id: 2, number: "C1002", name: "Bakkerij Van Hove BV", language: "nl", customerNumber: "K-3108", vatNumber: "BE0437.512.208", contacts: [{ email: "Boekhouding@BakkerijVanHove.be", name: "An Van Hove" }] }),
      debtor({ id: 3, number: "C1003", name: "Hoffmann Gastro GmbH", language: "de", vatNumber: "DE123456789", contacts: [{ email: "buchhaltung@hoffmann-gastro.de", name: "Klaus Hoffmann" }] }),
      debtor({ id: 4, number: "C1004", name: "Northwind Traders Ltd", language: "en", vatNumber: "GB123456789", contacts: [{ email: "ap@northwind.co.uk", name: "Jane Doe" }] }),
      debtor({ id: 5, number: "C1005", name: "Frituur 't Pleintje", language: "nl", contacts: [{ email: "frituur.pleintje@telenet.be", name: "Kurt Maes" }] }),
      debtor({ id: 6, number: "C1006", name: "Vandersteen Retail Group NV", language: "nl", contacts: [{ email: "ap@vdsgroup-ssc.example", name: null }] }),
      debtor({ id: 7, number: "C1007", name: "Vandersteen Mode BV", language: "nl", contacts: [{ email: "info@vandersteen-mode.example", name: null }] }),
      // An outside accountant keeps the books of two small customers.
      debtor({ id: 8, number: "C1008", name: "Garage Peeters BV", language: "nl", contacts: [{ email: "dossiers@boekhoudkantoor-claes.example", name: "Lien Claes" }] }),
      debtor({ id: 9, number: "C1009", name: "Bloemen Peeters", language: "nl", contacts: [{ email: "dossiers@boekhoudkantoor-claes.example", name: "Lien Claes" }] }),
      // Two franchisees on one corporate domain.
      debtor({ id: 10, number: "C1010", name: "Supermarché Dubois Lyon SAS", language: "fr", domains: ["franchise-dubois.example"] }),
      debtor({ id: 11, number: "C1011", name: "Supermarché Dubois Nice SAS", language: "fr", domains: ["franchise-dubois.example"] }),
      debtor({ id: 12, number: "C1012", name: "Services Group SA", language: "fr", contacts: [{ email: "admin@sgsa.example", name: null }] }),
    ],
    invoices: [
      invoice("F2024-0113", 1, 1234.56),
      invoice("F2024-0114", 1, 310.0),
      invoice("F2024-0200", 2, 850.0),
      invoice("F2024-0301", 3, 2400.0),
      invoice("INV-5501", 4, 1999.99, "GBP"),
      invoice("F2024-0400", 5, 420.0),
      invoice("F2024-0501", 6, 5100.0),
      invoice("F2024-0502", 7, 3150.0),
      invoice("F2024-0600", 8, 500.0),
      invoice("F2024-0601", 9, 500.0),
      invoice("F2024-0700", 10, 760.4),
      invoice("F2024-0701", 11, 912.1),
    ],
  };
}

const LEDGER = testLedger();
const isFree = (d: string) => /(^|\.)(gmail\.com|outlook\.com|hotmail\.[a-z.]+|orange\.fr|telenet\.be|web\.de)$/.test(d);

export function mail(m: Partial<MailInput> = {}): MailInput {
  return {
    subject: null,
    fromAddress: null,
    fromName: null,
    to: ["ar@acme-supplies.example"],
    cc: [],
    date: new Date("2024-11-05T10:00:00Z"),
    messageId: "<abc123@mail.example>",
    inReplyTo: null,
    references: [],
    headers: {},
    text: null,
    html: null,
    attachments: [],
    ...m,
  };
}

/** A RouteInput with defaults: question intent, no refs/amounts, the test ledger. */
export function input(p: Partial<Omit<RouteInput, "mail">> & { mail?: Partial<MailInput>; intent?: Intent }): RouteInput {
  const senderText = p.senderText ?? "";
  const quotedText = p.quotedText ?? "";
  return {
    senderText,
    quotedText,
    intent: "question",
    invoiceRefs: [],
    amounts: [],
    neighbours: [],
    ledger: LEDGER,
    ourDomains: OUR_DOMAINS,
    freeMailDomains: isFree,
    ...p,
    mail: mail({ text: [senderText, quotedText].filter(Boolean).join("\n\n"), ...p.mail }),
  };
}

/** Helpers shared by the route tests. */
export const steps = (d: RouteDecision) => d.evidence.filter((e) => e.debtorId !== null).map((e) => e.step);
export const candidateIds = (d: RouteDecision) => d.candidates.map((c) => c.debtorId);
export const ourId = (debtorNumber: string, invoiceNumber: string | null = null, domain = "acme-supplies.example") =>
  formatOurMessageId({ debtorNumber, invoiceNumber, domain, random: "r4nd0m" });

export const REMINDER_FR = "Le 2 nov. 2024 à 09:12, Acme Supplies <ar@acme-supplies.example> a écrit :\n> Madame, Monsieur, la facture F2024-0113 reste impayée.";
