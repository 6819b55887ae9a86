import { describe, it, expect, vi } from "vitest";
import { coalesce } from "./coalesce.ts";

describe("coalesce", () => {
  it("runs once for a burst, and again for calls after it started", async () => {
    vi.useFakeTimers();
    let runs = 0;
    const go = coalesce(() => runs++, 1000);
    for (let i = 0; i < 100; i++) go();
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toBe(1);
    go();
    go();
    await vi.advanceTimersByTimeAsync(500);
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(600);
    expect(runs).toBe(2);
    await vi.advanceTimersByTimeAsync(5000);
    expect(runs).toBe(2);
    vi.useRealTimers();
  });
});
