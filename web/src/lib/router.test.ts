import { describe, it, expect } from "vitest";
import { buildHash, canOpen, homeFor, parseHash } from "./router.ts";

describe("hash routes", () => {
  it("parses and builds routes with parameters", () => {
    expect(parseHash("")).toEqual({ path: "/inbox", params: {} });
    expect(parseHash("#/inbox?view=intent%3Adispute&m=12")).toEqual({ path: "/inbox", params: { view: "intent:dispute", m: "12" } });
    expect(buildHash("/inbox", { view: "unassigned", q: "", m: null, x: 3 })).toBe("#/inbox?view=unassigned&x=3");
    expect(parseHash(buildHash("/drafts", { d: 7 }))).toEqual({ path: "/drafts", params: { d: "7" } });
  });

  it("opens pages by role, like the API", () => {
    expect(canOpen("/inbox", "clerk")).toBe(true);
    expect(canOpen("/drafts", "clerk")).toBe(false);
    expect(canOpen("/drafts", "collector")).toBe(true);
    expect(canOpen("/manager/accuracy", "collector")).toBe(false);
    expect(canOpen("/manager/accuracy", "manager")).toBe(true);
    expect(canOpen("/admin/users", "admin")).toBe(true);
    expect(canOpen("/nowhere", "admin")).toBe(false);
    expect(canOpen("/inbox", undefined)).toBe(false);
    expect(homeFor("clerk")).toBe("/inbox");
  });
});
