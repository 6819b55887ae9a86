import { describe, it, expect } from "vitest";
import { shortcutFor, step } from "./keyboard.ts";

describe("inbox shortcuts", () => {
  it("maps keys to actions", () => {
    expect(shortcutFor({ key: "j" })).toBe("next");
    expect(shortcutFor({ key: "k" })).toBe("prev");
    expect(shortcutFor({ key: "a" })).toBe("assign");
    expect(shortcutFor({ key: "i" })).toBe("intent");
    expect(shortcutFor({ key: "e" })).toBe("archive");
    expect(shortcutFor({ key: "d" })).toBe("draft");
    expect(shortcutFor({ key: "x" })).toBe("toggle");
    expect(shortcutFor({ key: "/" })).toBe("search");
    expect(shortcutFor({ key: "q" })).toBeNull();
  });

  it("never fires while typing or with modifiers", () => {
    expect(shortcutFor({ key: "j", target: { tagName: "INPUT" } as unknown as EventTarget })).toBeNull();
    expect(shortcutFor({ key: "e", target: { tagName: "textarea" } as unknown as EventTarget })).toBeNull();
    expect(shortcutFor({ key: "a", target: { tagName: "DIV", isContentEditable: true } as unknown as EventTarget })).toBeNull();
    expect(shortcutFor({ key: "Escape", target: { tagName: "INPUT" } as unknown as EventTarget })).toBe("escape");
    expect(shortcutFor({ key: "j", ctrlKey: true })).toBeNull();
    expect(shortcutFor({ key: "k", metaKey: true })).toBeNull();
  });

  it("steps through the list and stops at the ends", () => {
    expect(step([], null, 1)).toBeNull();
    expect(step([5, 6, 7], null, 1)).toBe(5);
    expect(step([5, 6, 7], 5, 1)).toBe(6);
    expect(step([5, 6, 7], 7, 1)).toBe(7);
    expect(step([5, 6, 7], 5, -1)).toBe(5);
    expect(step([5, 6, 7], 99, -1)).toBe(5);
  });
});
