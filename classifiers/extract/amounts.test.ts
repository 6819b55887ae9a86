import { describe, expect, it } from "vitest";
import { findAmounts, parseAmountNumber } from "./amounts.ts";

const values = (text: string) => findAmounts(text).map((a) => [a.value, a.currency]);

describe("findAmounts", () => {
  it.each([
    ["Het bedrag van € 1.234,56 is overgemaakt", [[1234.56, "EUR"]]],
    ["montant : 1 234,56 €", [[1234.56, "EUR"]]],
    ["montant : 1\u202f234,56\u00a0€", [[1234.56, "EUR"]]],
    ["EUR 1234.56", [[1234.56, "EUR"]]],
    ["£1,234.56 was paid", [[1234.56, "GBP"]]],
    ["CHF 1'234.50", [[1234.5, "CHF"]]],
    ["$ 980", [[980, "USD"]]],
    ["1234,- euro", [[1234, "EUR"]]],
    ["Betrag 99,90 EUR", [[99.9, "EUR"]]],
    ["het bedrag van 1578,43", [[1578.43, null]]],
    ["Gesamtbetrag: 2.500,00", [[2500, null]]],
    ["we transferred 1,250.00 today", [[1250, null]]],
    ["3 x 12,50 EUR = 37,50 EUR", [[12.5, "EUR"], [37.5, "EUR"]]],
    // An amount ending a sentence is no "dd.mm." date.
    ["We dispute €250.00.", [[250, "EUR"]]],
    ["the difference is £50.00.", [[50, "GBP"]]],
    ["Invoice 839 is disputed for £2,409.19.", [[2409.19, "GBP"]]],
    ["Wir zahlen € 12.10.", [[12.1, "EUR"]]],
  ])("%s", (text, expected) => {
    expect(values(text)).toEqual(expected);
  });

  it.each([
    "21% BTW", "TVA 20 %", "factuur 2024-1143", "facture n° 1143", "Rechnung Nr. 1234,56", "tel +32 2 123 45 67", "IBAN BE68 5390 0754 7034",
    "op 15.11.2024", "am 15.11. bezahlt", "PO 4500012345", "we ordered 12 pieces",
  ])("no amount in %s", (text) => {
    expect(findAmounts(text)).toEqual([]);
  });

  it("gives the text and position", () => {
    expect(findAmounts("Wij betalen € 1.234,56 morgen")[0]).toEqual({ value: 1234.56, currency: "EUR", text: "€ 1.234,56", index: 12 });
  });
});

describe("parseAmountNumber", () => {
  it.each([
    ["1.234,56", 1234.56], ["1,234.56", 1234.56], ["1 234,56", 1234.56], ["1'234.50", 1234.5], ["1234", 1234], ["1.234", 1234],
    ["1,234", 1234], ["12,5", 12.5], ["0,99", 0.99], ["1.234.567,89", 1234567.89],
  ])("%s → %d", (raw, value) => {
    expect(parseAmountNumber(raw)).toBe(value);
  });
});
