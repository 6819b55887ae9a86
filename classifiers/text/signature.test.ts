import { describe, expect, it } from "vitest";
import { splitSignature } from "./signature.ts";

describe("splitSignature", () => {
  it("keeps a remittance table in the body although its rows look like phone numbers", () => {
    const text = [
      "Geachte relatie,",
      "",
      "Hierbij ontvangt u de specificatie van onze betaling.",
      "",
      "Uw factuurnr. Factuurdatum Bedrag EUR",
      "VF-2024-00771 09-11-2024 3.221,00",
      "VF-2024-00780 12-11-2024 1.575,38",
      "Totaal 4.796,38",
      "",
      "Van der Linden Facility Services B.V.",
      "Tel +31 30 218 84 40 · KvK 30218844 · BTW NL853310462B01",
      "facturen@vdlfacility.example",
    ].join("\n");
    const r = splitSignature(text);
    expect(r.body).toContain("VF-2024-00780 12-11-2024 1.575,38\nTotaal 4.796,38");
    expect(r.signature).toBe("Van der Linden Facility Services B.V.\nTel +31 30 218 84 40 · KvK 30218844 · BTW NL853310462B01\nfacturen@vdlfacility.example");
  });
});
