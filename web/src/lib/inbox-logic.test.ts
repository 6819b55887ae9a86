import { describe, it, expect } from "vitest";
import { item } from "./test-items.ts";
import { belongsTo, confidenceLevel, listQuery, mergeTop, toggleId, viewTitle } from "./inbox-logic.ts";


describe("inbox logic", () => {
  it("builds the list query from view, search and filters", () => {
    expect(listQuery("all", "  ", {})).toEqual({ view: "all", limit: 50 });
    expect(listQuery("intent:dispute", " F-1 ", { language: "fr", mailbox: "", maxConfidence: "0.5" }, "cur")).toEqual({
      view: "intent:dispute", limit: 50, q: "F-1", language: "fr", maxConfidence: "0.5", cursor: "cur",
    });
  });

  it("merges a fresh first page: new mail on top, known rows updated, older pages kept", () => {
    const current = [item(3), item(2), item(1)];
    const fresh = [item(5), item(4), item(3, { intent: "dispute" })];
    const { items, added } = mergeTop(current, fresh);
    expect(added).toBe(2);
    expect(items.map((i) => i.id)).toEqual([5, 4, 3, 2, 1]);
    expect(items[2].intent).toBe("dispute");
  });

  it("knows which view an item belongs to", () => {
    expect(belongsTo("unassigned", item(1, { debtor: null }))).toBe(true);
    expect(belongsTo("unassigned", item(1))).toBe(false);
    expect(belongsTo("unassigned", item(1, { debtor: null, intent: "other" }))).toBe(false);
    expect(belongsTo("attention", item(1, { intentConfidence: 0.4 }))).toBe(true);
    expect(belongsTo("attention", item(1, { intent: "insolvency_notice" }))).toBe(true);
    expect(belongsTo("attention", item(1))).toBe(false);
    expect(belongsTo("intent:question", item(1))).toBe(true);
    expect(belongsTo("debtor:1", item(1))).toBe(true);
    expect(belongsTo("debtor:2", item(1))).toBe(false);
    expect(belongsTo("all", item(1, { triageStatus: "archived" }))).toBe(false);
    expect(belongsTo("done", item(1, { triageStatus: "archived" }))).toBe(true);
  });

  it("has small helpers for selection, titles and confidence", () => {
    expect(toggleId([1, 2], 2)).toEqual([1]);
    expect(toggleId([1], 2)).toEqual([1, 2]);
    expect(viewTitle("intent:dispute")).toEqual({ key: "intent.dispute" });
    expect(viewTitle("debtor:4")).toEqual({ key: "view.byDebtor", debtorId: 4 });
    expect(viewTitle("done")).toEqual({ key: "view.done" });
    expect([0.95, 0.7, 0.3, null].map(confidenceLevel)).toEqual(["high", "medium", "low", "none"]);
  });
});
