import type { LedgerFacts } from "../../server/src/modules/drafts/facts.ts";

/** Ledger facts as loadLedgerFacts returns them, for pure tests of templates and the fact check. */
export function sampleFacts(over: Partial<LedgerFacts> = {}): LedgerFacts {
  const inv = (id: number, number: string, issue: string, due: string, amount: number, open: number, inDispute = false) => ({
    id, number, kind: "invoice", issueDate: issue, dueDate: due, currency: "EUR",
    amountCents: amount, openCents: open, status: open === amount ? "open" : "partially_paid", inDispute,
    daysOverdue: Math.round((Date.parse("2025-03-20") - Date.parse(due)) / 86_400_000),
  });
  const a = inv(1, "F2025-0113", "2025-01-10", "2025-02-09", 123456, 123456);
  const b = inv(2, "F2025-0150", "2025-02-15", "2025-03-17", 48000, 24000);
  const c = inv(3, "F2025-0201", "2025-03-05", "2025-04-04", 99000, 99000);
  return {
    today: "2025-03-20",
    company: { name: "Acme Supplies BV", domains: ["acme-supplies.example"], arMailbox: "ar@acme-supplies.example" },
    debtor: { id: 7, number: "C1001", name: "Boulangerie Martin SARL", language: "fr", country: "BE", tone: "friendly", customerNumber: "K-77", vatNumber: "BE0123456789", insolvent: false, contacts: ["compta@martin.example"] },
    message: { id: 11, date: "2025-03-18", fromAddress: "compta@martin.example", fromName: "Sophie Martin", subject: "RE: Facture F2025-0113" },
    openInvoices: [a, b, c],
    referenced: [a],
    totals: [{ currency: "EUR", openCents: 123456 + 24000 + 99000, overdueCents: 123456 + 24000 }],
    fields: {},
    case: null,
    ...over,
  };
}
