import { describe, expect, it } from "vitest";
import { formatMessageId, parseMessageId } from "../../server/src/modules/outbound/message-id.ts";
import { formatOurMessageId, messageIdParts, parseOurMessageId, splitMessageIds } from "./our-message-id.ts";

describe("our Message-IDs", () => {
  it("round-trips debtor and invoice numbers, including characters a Message-ID cannot hold", () => {
    for (const [debtorNumber, invoiceNumber] of [
      ["C1001", "F2024-0113"],
      ["D 100.11", "2024.113/A"],
      ["Kü-7", "Rechnung Nr. 5"],
      ["C1002", null],
      ["C1003", "none"],
    ] as Array<[string, string | null]>) {
      const id = formatOurMessageId({ debtorNumber, invoiceNumber, domain: "Acme-Supplies.example", random: "abc" });
      expect(id).toMatch(/^<relance\.[A-Za-z0-9_=-]+\.[A-Za-z0-9_=-]+\.abc@acme-supplies\.example>$/);
      expect(parseOurMessageId(id)).toEqual({ debtorNumber, invoiceNumber, random: "abc", domain: "acme-supplies.example" });
    }
  });

  it("writes 'none' for no invoice and a fresh random part each time", () => {
    const a = formatOurMessageId({ debtorNumber: "C1", domain: "acme.example" });
    const b = formatOurMessageId({ debtorNumber: "C1", domain: "acme.example" });
    expect(a).toContain(".none.");
    expect(a).not.toBe(b);
  });

  it("parses without brackets and with surrounding blanks", () => {
    expect(parseOurMessageId("  relance.C1001.none.x1@acme.example ")?.debtorNumber).toBe("C1001");
  });

  it("rejects anyone else's Message-ID and malformed ones", () => {
    for (const id of ["<CAF=abc@mail.gmail.com>", "<relance.C1@acme.example>", "<relance.C1.none.x>", "<relance.=ZZ.none.x@a.example>", "<relance.=FF.none.x@a.example>", "", null]) {
      expect(parseOurMessageId(id)).toBeNull();
    }
  });

  it("agrees with the outbound module's encoding in both directions", () => {
    const theirs = formatMessageId({ debtorNumber: "D 100.11", invoiceNumber: "2024.113/A", domain: "acme.example", random: "r1" });
    expect(parseOurMessageId(theirs)).toEqual({ debtorNumber: "D 100.11", invoiceNumber: "2024.113/A", random: "r1", domain: "acme.example" });
    const ours = formatOurMessageId({ debtorNumber: "Kü-7", invoiceNumber: "none", domain: "acme.example", random: "r2" });
    expect(parseMessageId(ours)).toEqual(parseOurMessageId(ours));
  });

  it("splits header values into single ids", () => {
    expect(splitMessageIds(["<a@b.c> <d@e.f>", "g@h.i, j@k.l", null])).toEqual(["<a@b.c>", "<d@e.f>", "<g@h.i>", "<j@k.l>"]);
    expect(messageIdParts("<INV.42@Mail.Acme.example>")).toEqual({ local: "INV.42", domain: "mail.acme.example" });
  });
});
