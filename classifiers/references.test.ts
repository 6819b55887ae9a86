import { describe, expect, it } from "vitest";
import { extractReferences } from "./references.ts";
import { mailTexts } from "./model-text.ts";
import type { Intent } from "./intents.ts";
import type { MailInput } from "./mail-input.ts";
import { mail, ourId, testLedger } from "./routing/test-kit.ts";

const ledger = testLedger();
// Debtor 1 (Boulangerie Martin) has F2024-0113 and F2024-0114.
const refsFor = (m: Partial<MailInput>, intent: Intent, debtorId: number | null = 1) => {
  const input = mail(m);
  return extractReferences({ mail: input, texts: mailTexts(input, ledger), intent, ledger }).invoicesFor(debtorId);
};

const REMINDER = [
  "Le 2 nov. 2024 à 09:12, Acme Supplies <ar@acme-supplies.example> a écrit :",
  "> Madame, Monsieur, les factures suivantes restent impayées :",
  "> F2024-0113  01/10/2024  1 234,56 EUR",
  "> F2024-0114  01/10/2024  310,00 EUR",
].join("\n");

describe("invoicesFor: the invoices a reply is about", () => {
  it("a reply naming no invoice is about the invoices of the letter it quotes", () => {
    expect(refsFor({ text: `Nous payons la semaine prochaine.\n\n${REMINDER}` }, "payment_promise")).toEqual(["F2024-0113", "F2024-0114"]);
  });

  it("an invoice the sender names wins over the quoted letter", () => {
    expect(refsFor({ text: `Nous payons la F2024-0114 vendredi.\n\n${REMINDER}` }, "payment_promise")).toEqual(["F2024-0114"]);
  });

  it("our Message-ID in In-Reply-To names the invoice of the reminder answered", () => {
    expect(refsFor({ text: "Betaling volgt volgende week.", inReplyTo: ourId("C1001", "F2024-0113") }, "payment_promise")).toEqual(["F2024-0113"]);
  });

  it("thread invoices of another debtor, or mail not about invoices, give none", () => {
    expect(refsFor({ text: "Betaling volgt volgende week.", inReplyTo: ourId("C1002", "F2024-0200") }, "payment_promise")).toEqual([]);
    expect(refsFor({ text: `Merci, bonne journée.\n\n${REMINDER}` }, "other")).toEqual([]);
    expect(refsFor({ text: `Nous payons la semaine prochaine.\n\n${REMINDER}` }, "payment_promise", null)).toEqual([]);
  });

  it("a short number resolves among the debtor's own invoices", () => {
    expect(refsFor({ text: "Wij gaan akkoord met de kosten op 114." }, "dispute")).toEqual(["F2024-0114"]);
  });

  it("a whole invoice number under the signature still counts", () => {
    const text = "Bonjour,\nle virement est parti ce matin.\n\nCordialement,\nSophie Martin\nComptabilité\nTél. +33 1 23 45 67 89\nRéf. paiement : F2024-0113";
    expect(refsFor({ text }, "payment_notice")).toEqual(["F2024-0113"]);
  });
});
