import { describe, expect, it } from "vitest";
import { isDistinctiveName, NameMatcher, nameTokens, normalizeCompanyName, textTokens } from "./names.ts";

describe("company-name normalisation", () => {
  it.each([
    ["Boulangerie Martin S.A.R.L.", "boulangerie martin"],
    ["Bakkerij Van Hove BV", "bakkerij hove"],
    ["Hoffmann-Gastro GmbH & Co. KG", "hoffmann gastro"],
    ["Northwind Traders Ltd.", "northwind traders"],
    ["Société Générale de Café SAS", "societe generale cafe"],
    ["Straßenbau Müller e.K.", "strassenbau muller"],
    ["HGH Services Sp. z o.o.", "hgh services"],
    ["N.V. Brouwerij 't Hofbrouwerijke", "brouwerij hofbrouwerijke"],
  ])("%s → %s", (name, normal) => {
    expect(normalizeCompanyName(name)).toBe(normal);
  });

  it("only distinctive names are used", () => {
    expect(isDistinctiveName(nameTokens("Services Group SA"))).toBe(false);
    expect(isDistinctiveName(nameTokens("Transport International NV"))).toBe(false);
    expect(isDistinctiveName(nameTokens("ABC BV"))).toBe(false);
    expect(isDistinctiveName(nameTokens("Boulangerie Martin"))).toBe(true);
    expect(isDistinctiveName(nameTokens("Garage Central Nord Est"))).toBe(true);
    expect(isDistinctiveName([])).toBe(false);
  });
});

describe("NameMatcher", () => {
  const m = new NameMatcher<string>();
  m.add(nameTokens("Carrefour"), "c");
  m.add(nameTokens("Carrefour Market SAS"), "cm");
  m.add(nameTokens("Klaus Hoffmann"), "person");
  m.add(nameTokens("Hoffmann Gastro GmbH"), "company");

  it("finds phrases in text with the same normalisation, longest first", () => {
    expect(m.find(textTokens("Groeten van CARREFOUR-MARKET s.a.s.")).map((p) => p.value)).toEqual(["cm"]);
    expect(m.find(textTokens("Carrefour, Lyon")).map((p) => p.value)).toEqual(["c"]);
  });

  it("keeps overlapping matches of different phrases", () => {
    expect(m.find(textTokens("Klaus Hoffmann Gastro GmbH")).map((p) => p.value).sort()).toEqual(["company", "person"]);
  });

  it("needs the whole phrase and respects excluded positions", () => {
    expect(m.find(textTokens("Hoffmann called"))).toEqual([]);
    const tokens = textTokens("Hoffmann Gastro");
    expect(m.find(tokens, new Set([0]))).toEqual([]);
  });
});
