import { describe, expect, it } from "vitest";
import { allocate, firstInstalmentDate, proposeSchedule, scheduleProblem } from "./schedule.ts";

describe("instalment schedules", () => {
  it("always sum exactly to the total, in positive cents, on monthly dates", () => {
    for (const total of [1, 2, 99, 100, 101, 1000, 99_999, 123_456, 1_000_001, 987_654_321]) {
      for (const count of [1, 2, 3, 5, 7, 12, 24, 30]) {
        const s = proposeSchedule(total, count, "2025-01-31");
        expect(s.reduce((a, i) => a + i.amountCents, 0)).toBe(total);
        expect(s.every((i) => Number.isInteger(i.amountCents) && i.amountCents > 0)).toBe(true);
        expect(s.length).toBe(Math.min(count, 24, total));
        expect(scheduleProblem(total, s)).toBeNull();
        if (s.length > 1) expect(s[1].dueDate).toBe("2025-02-28");
      }
    }
    expect(proposeSchedule(100000, 3, "2025-04-01").map((i) => i.amountCents)).toEqual([33333, 33333, 33334]);
  });

  it("start on the first of a month at least ten days away", () => {
    expect(firstInstalmentDate("2025-03-20")).toBe("2025-04-01");
    expect(firstInstalmentDate("2025-03-25")).toBe("2025-05-01");
    expect(firstInstalmentDate("2025-12-05")).toBe("2026-01-01");
  });

  it("explain what is wrong with an edited schedule", () => {
    expect(scheduleProblem(1000, [{ dueDate: "2025-04-01", amountCents: 500 }, { dueDate: "2025-05-01", amountCents: 499 }])).toMatch(/difference -0\.01/);
    expect(scheduleProblem(1000, [{ dueDate: "2025-05-01", amountCents: 500 }, { dueDate: "2025-04-01", amountCents: 500 }])).toMatch(/increasing/);
    expect(scheduleProblem(1000, [{ dueDate: "2025-04-01", amountCents: 1100 }, { dueDate: "2025-05-01", amountCents: -100 }])).toMatch(/positive/);
    expect(scheduleProblem(1000, [])).toMatch(/at least one/);
  });

  it("allocate payments oldest instalment first, refunds included", () => {
    const items = proposeSchedule(30000, 3, "2025-04-01");
    expect(allocate(items, [{ paidOn: "2025-03-30", amountCents: 15000 }], "2025-05-10")).toEqual([
      { seq: 1, paidCents: 10000, status: "paid", paidOn: "2025-03-30" },
      { seq: 2, paidCents: 5000, status: "overdue", paidOn: null },
      { seq: 3, paidCents: 0, status: "pending", paidOn: null },
    ]);
    const withRefund = allocate(items, [{ paidOn: "2025-03-30", amountCents: 20000 }, { paidOn: "2025-04-02", amountCents: -5000 }], "2025-04-15");
    expect(withRefund.map((a) => [a.status, a.paidCents])).toEqual([["paid", 10000], ["partly_paid", 5000], ["pending", 0]]);
  });
});
