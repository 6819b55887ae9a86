import { describe, it, expect } from "vitest";
import { checkFacts, type AllowedFacts } from "./fact-check.ts";
import { formatMoney, formatDateLong, formatDateShort, localeFor } from "./locale-format.ts";

const allowed = (): AllowedFacts => ({
  amounts: new Set([123456, 50000, 173456]),
  dates: new Set(["2025-03-15", "2025-04-30"]),
  invoiceNumbers: ["INV-2025-0113", "F 2025/0200"],
  otherNumbers: ["D1001", "BE0123456789"],
  emails: new Set(["ap@acme.example", "ar@relance.example"]),
  counts: new Set([3]),
});

describe("checkFacts", () => {
  it("accepts every ledger fact in every locale's format", () => {
    for (const lang of ["nl", "fr", "de", "en"] as const) {
      for (const country of [null, "BE", "FR", "DE", "AT", "LU", "NL", "IE"]) {
        const loc = localeFor(lang, country);
        const text =
          `Invoice INV-2025-0113 (F 2025/0200) of ${formatMoney(123456, "EUR", loc)} was due on ` +
          `${formatDateLong("2025-03-15", loc)} (${formatDateShort("2025-04-30", loc)}); total ${formatMoney(173456, "EUR", loc)}, ` +
          `credit ${formatMoney(-50000, "EUR", loc)}, 3 instalments within 30 days, customer D1001, write to ap@acme.example.`;
        expect(checkFacts(text, allowed()), `${loc}: ${text}`).toEqual([]);
      }
    }
  });

  it("rejects an invented amount, date, invoice number, address and link", () => {
    const problems = checkFacts(
      "We waived 999,00 € on INV-2025-0999, due 1 June 2025; send it to x@evil.example or pay at https://evil.example/pay.",
      allowed(),
    );
    expect(problems.map((p) => p.kind).sort()).toEqual(["amount", "commitment", "date", "email", "invoice", "link"]);
  });

  it("reads bare decimals, ISO dates and year-less dates", () => {
    expect(checkFacts("Open: 1234.56 and 500,00 by 2025-04-30 or 15 March", allowed())).toEqual([]);
    expect(checkFacts("Open: 1234.57", allowed())).toEqual([{ kind: "amount", text: "1234.57" }]);
    expect(checkFacts("by 2025-05-01", allowed())[0].kind).toBe("date");
    expect(checkFacts("pay 750 euros", allowed())[0].kind).toBe("amount");
    expect(checkFacts("reference 4471923", allowed())[0].kind).toBe("invoice");
  });

  it("refuses statements that the ledger changed or a concession was granted, in all four languages", () => {
    const claims = [
      "We have marked all your invoices as paid.",
      "Alle facturen zijn als betaald gemarkeerd.",
      "Vos factures ont été marquées comme payées.",
      "Ihre Rechnungen wurden als bezahlt markiert.",
      "A credit note has been issued for the full amount.",
      "Nous avons émis un avoir. Un avoir a été émis.",
      "Die Rechnung wurde storniert.",
      "Your balance is 0,00 €.",
    ];
    for (const c of claims) expect(checkFacts(c, allowed()).length, c).toBeGreaterThan(0);
    expect(checkFacts("We will check your remark and come back to you.", allowed())).toEqual([]);
  });
});
