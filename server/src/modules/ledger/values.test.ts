import { describe, it, expect } from "vitest";
import { parseAmountText, parseAmountValue, parseDate, parseKind, numberKey } from "./values.ts";
import { centsFromNumeric, moneyFromCents, numericFromCents } from "./money.ts";
import { detectDelimiter } from "./parse-csv.ts";
import { isFreeMailDomain } from "../../lib/free-mail-domains.ts";
import { debtorDomains } from "./write-ledger.ts";
import { invoiceStatus } from "./write-payments.ts";

const cents = (t: string) => {
  const r = parseAmountText(t);
  return r.ok ? r.value : r.error;
};

describe("amount parsing", () => {
  it.each([
    ["1234.56", 123456], ["1234,56", 123456], ["1.234,56", 123456], ["1,234.56", 123456],
    ["1 234,56", 123456], ["1\u00a0234,56", 123456], ["1\u202f234,56", 123456], ["1'234.56", 123456],
    ["-12,50", -1250], ["12,50-", -1250], ["(12.50)", -1250], ["+7", 700], ["0,5", 50], ["12345,6", 1234560],
    ["1.234", 123400], ["1,234,567", 123456700], ["1.234.567,89", 123456789], ["0", 0], ["-0,00", 0],
  ])("%s -> %i cents", (text, expected) => expect(cents(text)).toBe(expected));

  it.each([
    ["", /empty/], ["abc", /not an amount/], ["1.2.3", /thousands/], ["1234.567", /thousands/],
    ["12.3456", /not an amount|decimals|thousands/], ["1,5,3", /thousands/], ["€ 12", /not an amount/],
    ["1.234.56", /not an amount|thousands/], ["12e3", /not an amount/], ["99999999999999999", /too large/],
  ])("rejects %j", (text, message) => {
    const r = parseAmountText(text);
    expect(r.ok ? "accepted" : r.error).toMatch(message);
  });

  it("takes JSON numbers to the cent and refuses sub-cent precision", () => {
    expect(parseAmountValue(1234.56)).toEqual({ ok: true, value: 123456 });
    expect(parseAmountValue(0.1 + 0.2)).toEqual({ ok: true, value: 30 });
    expect(parseAmountValue(-80.5)).toEqual({ ok: true, value: -8050 });
    expect(parseAmountValue(1.234).ok).toBe(false);
    expect(parseAmountValue(Number.NaN).ok).toBe(false);
    expect(parseAmountValue("1.234,56")).toEqual({ ok: true, value: 123456 });
  });

  it("converts between cents, numeric strings and API numbers", () => {
    expect(centsFromNumeric("1234.56")).toBe(123456);
    expect(centsFromNumeric("-0.50")).toBe(-50);
    expect(centsFromNumeric("12")).toBe(1200);
    expect(numericFromCents(-5)).toBe("-0.05");
    expect(numericFromCents(123456)).toBe("1234.56");
    expect(moneyFromCents(1999)).toBe(19.99);
  });
});

describe("date parsing", () => {
  it.each([
    ["2024-10-31", "2024-10-31"], ["2024-10-31T00:00:00Z", "2024-10-31"], ["2024/1/5", "2024-01-05"],
    ["31/10/2024", "2024-10-31"], ["31.10.2024", "2024-10-31"], ["1-2-2024", "2024-02-01"], ["29/02/2024", "2024-02-29"],
  ])("%s -> %s", (text, iso) => expect(parseDate(text)).toEqual({ ok: true, value: iso }));

  it.each(["2024-02-30", "29/02/2023", "13/13/2024", "10/31/2024", "2024-13-01", "yesterday", "", "31/10/24"])("rejects %j", (text) => {
    expect(parseDate(text).ok).toBe(false);
  });
});

describe("other values", () => {
  it("reads invoice kinds in several languages", () => {
    expect(parseKind("Credit Note")).toEqual({ ok: true, value: "credit_note" });
    expect(parseKind("avoir")).toEqual({ ok: true, value: "credit_note" });
    expect(parseKind("creditnota")).toEqual({ ok: true, value: "credit_note" });
    expect(parseKind("Factuur")).toEqual({ ok: true, value: "invoice" });
    expect(parseKind("proforma").ok).toBe(false);
    expect(parseKind("constructor").ok).toBe(false);
  });

  it("keys invoice numbers by their digits", () => {
    expect(numberKey("F2024-0113")).toBe("20240113");
    expect(numberKey("F 2024/0113")).toBe("20240113");
    expect(numberKey("ABC")).toBe("");
  });

  it("detects the CSV delimiter from the header, ignoring quoted text", () => {
    expect(detectDelimiter("a;b;c\n1,5;2;3")).toBe(";");
    expect(detectDelimiter('\uFEFF"x;y",b,c\n')).toBe(",");
    expect(detectDelimiter("a\tb\tc")).toBe("\t");
    expect(detectDelimiter("single")).toBe(",");
  });

  it("derives invoice status from the amounts, credit notes included", () => {
    expect(invoiceStatus(10000, 10000)).toBe("open");
    expect(invoiceStatus(10000, 2500)).toBe("partially_paid");
    expect(invoiceStatus(10000, 0)).toBe("paid");
    expect(invoiceStatus(10000, -500)).toBe("paid");
    expect(invoiceStatus(-8050, -8050)).toBe("open");
    expect(invoiceStatus(-8050, -50)).toBe("partially_paid");
  });
});

describe("free-mail domains", () => {
  it.each([
    "gmail.com", "googlemail.com", "hotmail.fr", "hotmail.co.uk", "live.be", "outlook.de", "yahoo.com", "yahoo.co.uk",
    "orange.fr", "skynet.be", "telenet.be", "gmx.ch", "gmx.at", "web.de", "ziggo.nl", "xs4all.nl", "proton.me",
    "someone@GMAIL.com", "mail.orange.fr", "bluewin.ch", "icloud.com",
  ])("%s is free mail", (d) => expect(isFreeMailDomain(d)).toBe(true));

  it.each(["acme-supplies.example", "boulangerie-martin.fr", "gmail.company.example", "yahoo-finance.example", "live.company.example", ""])(
    "%j is not",
    (d) => expect(isFreeMailDomain(d)).toBe(false),
  );

  it("derives debtor domains without free mail or the company's own domains", () => {
    const emails = ["ap@client.example", "boss@gmail.com", "rep@acme.example", "x@eu.acme.example", "b@CLIENT.example"];
    expect(debtorDomains(emails, ["manual.example"], ["acme.example"])).toEqual(["client.example", "manual.example"]);
  });
});
