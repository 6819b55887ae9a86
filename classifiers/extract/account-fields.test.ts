import { describe, expect, it } from "vitest";
import { findNewEmail, findPoNumber, findVatNumber } from "./account-fields.ts";

describe("findNewEmail", () => {
  it.each([
    ["Graag voortaan facturen sturen naar crediteuren@klant.example.", "crediteuren@klant.example"],
    ["Merci d'utiliser désormais compta@client.example pour vos factures.", "compta@client.example"],
    ["Bitte nutzen Sie ab sofort rechnungen@kunde.example.", "rechnungen@kunde.example"],
    ["Please use AP.Invoices@Customer.example from now on.", "ap.invoices@customer.example"],
  ])("%s → %s", (text, email) => {
    expect(findNewEmail(text)).toBe(email);
  });

  it("skips our own addresses and the addresses of a quoted header", () => {
    expect(findNewEmail("Stuur facturen naar ap@klant.example, cc ar@acme.example", ["ar@acme.example"])).toBe("ap@klant.example");
    expect(findNewEmail("Ons PO-nummer is gewijzigd.\n\nVan: Jan <jan@klant.example>\nAan: ar@acme.example")).toBeNull();
    expect(findNewEmail("De : compta@client.example\nÀ : ar@acme.example\nObjet : relance")).toBeNull();
  });
});

describe("findPoNumber", () => {
  it.each([
    ["bestelnummer: BN-2024-17 graag vermelden", "BN-2024-17"],
    ["Le numéro de commande à indiquer sur les factures 2025 est BST40112.", "BST40112"],
    ["Ons bestelbonnummer is veranderd, het nieuwe\nnummer voor 2025 is 551203.", "551203"],
    ["Please note our PO number has changed; the new number is AB77120.", "AB77120"],
    ["Ab sofort muss auf jeder Rechnung unsere interne Referenz 4410093321 stehen.", "4410093321"],
    ["Wij vragen om op elke factuur het referentienummer PO-2025-0042 te vermelden.", "PO-2025-0042"],
  ])("%s → %s", (text, po) => {
    expect(findPoNumber(text)).toBe(po);
  });

  it.each(["Uw bestelling van 12/11/2024 is goed aangekomen.", "PO for 2025 follows.", "commande de 1.250,00 EUR", "Our internal reference code for your message is 20002-22/sHZwCRYD091907"])("none in %s", (text) => {
    expect(findPoNumber(text)).toBeNull();
  });
});

describe("findVatNumber", () => {
  it.each([
    ["Ons btw-nummer is nu BE 0123.456.789.", "BE0123456789"],
    ["New VAT number: NL001234567B01.", "NL001234567B01"],
    ["notre nouveau numéro de TVA est FR03117112658. Merci", "FR03117112658"],
    ["Unsere USt-IdNr. lautet DE 123 456 789.", "DE123456789"],
    ["numéro de TVA : CHE-123.456.789 TVA", "CHE-123456789"],
  ])("%s → %s", (text, vat) => {
    expect(findVatNumber(text)).toBe(vat);
  });

  it.each([
    ["Gelieve te betalen op BE62 7360 4412 8861 (BIC KREDBEBB).", "an IBAN"],
    ["IBAN FR76 3000 6000 0112 3456 7890 189", "a French IBAN"],
    ["Met vriendelijke groet\nAn Peeters\nBTW BE0759.312.840\n+32 475 12 34 56", "the sender's signature"],
    ["FROM100100101 queue id", "a word that starts like a French VAT number"],
  ])("none in %s (%s)", (text) => {
    expect(findVatNumber(text)).toBeNull();
  });
});
