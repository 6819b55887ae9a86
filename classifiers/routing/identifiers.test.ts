import { describe, expect, it } from "vitest";
import {
  addCustomerNumber,
  addVatNumber,
  emptyKeyIndex,
  emptyVatIndex,
  findCustomerNumbers,
  findVatNumbers,
  hasCustomerCue,
  isDistinctiveNumber,
  numberWindows,
  vatKeys,
} from "./identifiers.ts";

function customerIndex() {
  const ix = emptyKeyIndex<string>();
  addCustomerNumber(ix, "CL-00827", "martin");
  addCustomerNumber(ix, "4711", "hoffmann");
  addCustomerNumber(ix, "C1001", "martin-debtor");
  return ix;
}

const cueAt = (text: string, number: string) => hasCustomerCue(text, text.indexOf(number));

describe("number windows", () => {
  it("joins chunks across spaces, dots, dashes and slashes, and marks glued ones", () => {
    const ws = numberWindows("ref CL 00827 and F2024-0113.");
    expect(ws.map((w) => w.compact)).toContain("CL00827");
    expect(ws.map((w) => w.compact)).toContain("F20240113");
    expect(ws.find((w) => w.compact === "F2024")?.glued).toBe(true);
    expect(ws.find((w) => w.compact === "F20240113")?.glued).toBe(false);
  });
  it("does not join across a line break or a comma", () => {
    expect(numberWindows("CL\n00827, 12").map((w) => w.compact)).not.toContain("CL00827");
  });
});

describe("customer-number cue words", () => {
  it.each([
    ["Ons klantnummer: 4711", "4711"],
    ["klantnr. 4711", "4711"],
    ["debiteurnummer 4711", "4711"],
    ["Notre n° client : 4711", "4711"],
    ["numéro de client 4711", "4711"],
    ["code client 4711", "4711"],
    ["Kundennummer 4711", "4711"],
    ["Kunden-Nr.: 4711", "4711"],
    ["Kd.-Nr. 4711", "4711"],
    ["Customer no. 4711", "4711"],
    ["our customer number is 4711", "4711"],
    ["Account #4711", "4711"],
    ["Nº client 4711", "4711"],
    ["Ihre Kundennummer lautet 4711", "4711"],
    ["Klantnummer (4711)", "4711"],
  ])("%s", (text, number) => {
    expect(cueAt(text, number)).toBe(true);
  });

  it("ignores numbers after other words", () => {
    expect(cueAt("Tel. 4711", "4711")).toBe(false);
    expect(cueAt("Invoice no. 4711", "4711")).toBe(false);
    expect(cueAt("Postcode 4711", "4711")).toBe(false);
  });
});

describe("findCustomerNumbers", () => {
  it("finds any spelling of a known number after a cue, leading zeros tolerated", () => {
    const ix = customerIndex();
    expect(findCustomerNumbers("n° client : CL 00827", ix)).toMatchObject([{ value: "martin", cue: true, loose: false }]);
    expect(findCustomerNumbers("Kundennummer cl.827", ix)).toMatchObject([{ value: "martin", cue: true, loose: true }]);
  });

  it("without a cue: only distinctive whole tokens", () => {
    const ix = customerIndex();
    expect(findCustomerNumbers("see CL-00827 below", ix)).toMatchObject([{ value: "martin", cue: false }]);
    expect(findCustomerNumbers("call 4711 now", ix)).toEqual([]);
    // Glued inside a longer code (an invoice number that starts with the debtor number).
    expect(findCustomerNumbers("invoice C1001-2024-05", ix)).toEqual([]);
    expect(findCustomerNumbers("CL827", ix)).toEqual([]);
  });

  it("distinctive numbers mix letters and digits", () => {
    expect(isDistinctiveNumber("CL-00827")).toBe(true);
    expect(isDistinctiveNumber("10045")).toBe(false);
    expect(isDistinctiveNumber("AB1")).toBe(false);
  });
});

describe("VAT numbers", () => {
  it("derives the keys a VAT number is written as", () => {
    expect(vatKeys("BE 0437.512.208")).toEqual([
      { key: "BE0437512208", kind: "full" },
      { key: "0437512208", kind: "body" },
      { key: "437512208", kind: "body" },
    ]);
    expect(vatKeys("FR12345678901").map((k) => k.kind)).toEqual(["full", "body", "siren"]);
    expect(vatKeys("NL123456789B01")[0]).toEqual({ key: "NL123456789B01", kind: "full" });
    expect(vatKeys("123")).toEqual([]);
  });

  function vatIndex() {
    const ix = emptyVatIndex<string>();
    addVatNumber(ix, "BE0437.512.208", "vanhove");
    addVatNumber(ix, "FR12345678901", "martin");
    addVatNumber(ix, "NL123456789B01", "dutch");
    addVatNumber(ix, "DE987654321", "german");
    addVatNumber(ix, "GB987654321", "british");
    return ix;
  }

  it.each([
    ["BTW-nr BE 0437 512 208", "vanhove"],
    ["TVA BE0437.512.208", "vanhove"],
    ["numéro d'entreprise 0437.512.208", "vanhove"],
    ["ondernemingsnummer 437.512.208", "vanhove"],
    ["TVA intracom. FR 12 345 678 901", "martin"],
    ["SIREN 345 678 901", "martin"],
    ["SIRET : 345 678 901 00027", "martin"],
    ["btw NL 1234.56.789.B01", "dutch"],
    ["USt-IdNr. DE 987 654 321", "german"],
    ["VAT Reg No GB 987 6543 21", "british"],
  ])("%s", (text, who) => {
    expect(findVatNumbers(text, vatIndex()).map((h) => h.value)).toEqual([who]);
  });

  it("needs a cue for a SIREN or a short bare number; a foreign prefix excludes another country's number", () => {
    expect(findVatNumbers("order 345 678 901", vatIndex())).toEqual([]);
    expect(findVatNumbers("DE 987 654 321", vatIndex()).map((h) => h.value)).toEqual(["german"]);
    expect(findVatNumbers("FR 987 654 321", vatIndex())).toEqual([]);
  });
});
