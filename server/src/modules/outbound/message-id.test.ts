import { describe, expect, it } from "vitest";
import { findRelanceMessageId, formatMessageId, parseMessageId } from "./message-id.ts";
import { parseOurMessageId } from "../../../../classifiers/routing/our-message-id.ts";

describe("our Message-IDs", () => {
  const cases: [string, string | null][] = [
    ["C1001", "F2024-0113"],
    ["C 77/B", "F 2024/0113"],
    ["D.1", "2024.113"],
    ["Müller-01", "none"],
    ["X", null],
    ["K_9", "INV=5"],
  ];

  it("name the debtor and the invoice and read back exactly (here and in routing)", () => {
    for (const [debtorNumber, invoiceNumber] of cases) {
      const id = formatMessageId({ debtorNumber, invoiceNumber, domain: "Acme-Supplies.example" });
      expect(id).toMatch(/^<relance\.[A-Za-z0-9_=-]+\.[A-Za-z0-9_=-]+\.[A-Za-z0-9]+@acme-supplies\.example>$/);
      const parsed = parseMessageId(id);
      expect(parsed).toMatchObject({ debtorNumber, invoiceNumber, domain: "acme-supplies.example" });
      expect(parseOurMessageId(id)).toEqual(parsed);
    }
  });

  it("keeps the documented layout", () => {
    expect(formatMessageId({ debtorNumber: "C1001", invoiceNumber: "F2024-0113", domain: "acme.example", random: "abc123" })).toBe(
      "<relance.C1001.F2024-0113.abc123@acme.example>",
    );
    expect(formatMessageId({ debtorNumber: "C1001", domain: "acme.example", random: "r" })).toBe("<relance.C1001.none.r@acme.example>");
  });

  it("ignores everyone else's ids and finds ours in a reply's headers", () => {
    expect(parseMessageId("<CAF=abc@mail.gmail.com>")).toBeNull();
    expect(parseMessageId("<relance.only.two@x>")).toBeNull();
    expect(parseMessageId("<relance.%FF.none.r@x>")).toBeNull();
    const ours = formatMessageId({ debtorNumber: "C3001", invoiceNumber: "R-2025-3301", domain: "acme.example" });
    expect(findRelanceMessageId("<reply@mueller.example>", ["<first@mueller.example>", ours])?.invoiceNumber).toBe("R-2025-3301");
    expect(findRelanceMessageId(null, `<a@b> ${ours}`)?.debtorNumber).toBe("C3001");
    expect(findRelanceMessageId(null, [])).toBeNull();
  });
});
