import { describe, expect, it } from "vitest";
import { amountMatches, findInvoiceRefs } from "./invoice-refs.ts";

const ledger = ["F2024-0113", "F2024-0114", "2024/01143", "INV-2023-0999", "1578", "CN-2024-007"].map((number) => ({ number }));
const refs = (text: string) => findInvoiceRefs(text, ledger).map((r) => r.number);

describe("findInvoiceRefs: any spelling of a ledger number", () => {
  it.each([
    ["factuur F2024-0113", ["F2024-0113"]],
    ["F 2024/0113", ["F2024-0113"]],
    ["factuur 2024-0113", ["F2024-0113"]],
    ["f2024-113", ["F2024-0113"]],
    ["facture n° 1143", ["2024/01143"]],
    ["Rechnung 2024/01143", ["2024/01143"]],
    ["inv 2024-1143", ["2024/01143"]],
    ["invoice INV-2023-999", ["INV-2023-0999"]],
    ["creditnota CN-2024-007", ["CN-2024-007"]],
    ["avoir CN 2024 007", ["CN-2024-007"]],
    ["facturen F2024-0113, F2024-0114 en 1578", ["F2024-0113", "F2024-0114", "1578"]],
    ["Ihre Rechnungen 2024/01143 und F2024-0114", ["2024/01143", "F2024-0114"]],
  ])("%s", (text, expected) => {
    expect(refs(text)).toEqual(expected);
  });

  it("confidence reflects how much of the number was written", () => {
    const [full] = findInvoiceRefs("factuur F2024-0113", ledger);
    const [partial] = findInvoiceRefs("facture n° 1143", ledger);
    expect(full.confidence).toBeGreaterThan(0.95);
    expect(partial.confidence).toBeLessThan(full.confidence);
    expect(partial.matchedText).toBe("1143");
  });
});

describe("findInvoiceRefs: numbers that are something else", () => {
  it.each([
    "PO 4500012345", "bestelnummer 2024-0113", "commande n° 1143", "Bestellnummer 1143", "Auftragsnummer 1578", "offerte 1578", "devis n° 1143",
    "pakbon 1578", "Lieferschein 1143", "ticket 1143", "tracking 2024011300", "tel +31 20 2024 0113", "06-12345678",
    "IBAN NL91ABNA0417164300", "BIC ABNANL2A", "btw NL001234567B01", "TVA FR12345678901", "USt-IdNr. DE123456789", "KvK 20240113",
    "SIRET 12345678901143", "CHE-123.456.789", "bedrag 1578,00", "we paid 1578 euro", "op 15-11-2024", "postcode 1143 AB", "1234 AB Utrecht",
  ])("%s", (text) => {
    expect(refs(text)).toEqual([]);
  });

  it("a number that is no ledger invoice is not a reference", () => {
    expect(refs("factuur 2024-7777")).toEqual([]);
  });

  it("an ambiguous partial number matches nothing", () => {
    const two = [{ number: "A-2023-0113" }, { number: "B-2024-0113" }];
    expect(findInvoiceRefs("factuur 113", two)).toEqual([]);
    expect(findInvoiceRefs("factuur B-2024-0113", two).map((r) => r.number)).toEqual(["B-2024-0113"]);
  });

  it("a bare short number needs an invoice word", () => {
    expect(refs("wij hebben 999 stuks besteld")).toEqual([]);
    expect(refs("ref 999")).toEqual(["INV-2023-0999"]);
  });
});

describe("findInvoiceRefs: lists and short forms", () => {
  const vf = ["VF-2024-00423", "VF-2024-00426", "VF-2024-00449", "VF-2024-00705", "VF-2024-00832", "VF-2024-00884", "VF-2025-00021"].map((number) => ({ number }));
  const vfRefs = (text: string, opts = {}) => findInvoiceRefs(text, vf, opts).map((r) => r.number);
  it.each([
    ["paiement du 30/12/24 – 128,00 € – réf. 449.", ["VF-2024-00449"]],
    ["de facturen nrs. VF-2024-00832 en 884 werden betaald", ["VF-2024-00832", "VF-2024-00884"]],
    ["die Rechnungen 2024-00423 / 00426 werden überwiesen", ["VF-2024-00423", "VF-2024-00426"]],
    ["les factures VF-2024-00832 et VF 2024 00705 (2 254,74 euros)", ["VF-2024-00832", "VF-2024-00705"]],
    ["betaling voor 00449 is onderweg", ["VF-2024-00449"]],
    ["gerechtelijke reorganisatie (ref. B/24/00884)", []],
  ])("%s", (text, expected) => {
    expect(vfRefs(text)).toEqual(expected);
  });
  it("a bare three-digit sequence counts only when asked (among one debtor's invoices)", () => {
    expect(vfRefs("akkoord met de kosten op 884.")).toEqual([]);
    expect(vfRefs("akkoord met de kosten op 884.", { bareSequences: true })).toEqual(["VF-2024-00884"]);
    // Still never a phone number, an amount or a date.
    expect(vfRefs("bel 020 884 1234 of stuur 884,00 EUR op 8/8/24", { bareSequences: true })).toEqual([]);
  });
});

describe("amountMatches", () => {
  const open = [
    { number: "F2024-0113", amount: 1578.43, openAmount: 1578.43, currency: "EUR" },
    { number: "F2024-0114", amount: 500, openAmount: 250, currency: "EUR" },
    { number: "F2024-0115", amount: 99, openAmount: 99, currency: "EUR" },
    { number: "F2024-0116", amount: 99, openAmount: 99, currency: "EUR" },
  ];
  it("finds the open item with the stated amount or open amount", () => {
    expect(amountMatches("het bedrag van 1578,43 is overgemaakt", open)).toEqual([{ number: "F2024-0113", amount: 1578.43, matchedText: "1578,43", confidence: 0.75 }]);
    expect(amountMatches("the remaining € 250,00", open).map((m) => m.number)).toEqual(["F2024-0114"]);
  });
  it("several invoices with the same amount are a weak clue; another currency is none", () => {
    expect(amountMatches("EUR 99,00", open).map((m) => [m.number, m.confidence])).toEqual([["F2024-0115", 0.4], ["F2024-0116", 0.4]]);
    expect(amountMatches("£1,578.43", open)).toEqual([]);
  });
});
