import { describe, it, expect } from "vitest";
import { formatDate, formatDateTime, formatListDate, formatMoney, formatPercent, formatBytes } from "./format.ts";

// Intl output uses narrow no-break spaces in places; compare on normal spaces.
const norm = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("formatting in the user's locale", () => {
  it("formats amounts the Belgian/British way", () => {
    expect(norm(formatMoney(1234.56, "EUR", "en"))).toBe("€1,234.56");
    expect(norm(formatMoney(1234.56, "EUR", "fr"))).toBe("1 234,56 €");
    expect(norm(formatMoney(1234.56, "EUR", "nl"))).toBe("€ 1.234,56");
    expect(norm(formatMoney(-20, "GBP", "en"))).toBe("-£20.00");
    expect(formatMoney(null, "EUR", "en")).toBe("—");
  });

  it("formats date-only values without a time-zone shift", () => {
    expect(formatDate("2024-10-31", "en")).toBe("31 Oct 2024");
    expect(formatDate("2024-10-31", "fr")).toBe("31 oct. 2024");
    expect(formatDate("2024-10-31", "nl")).toBe("31 okt 2024");
    expect(formatDate(null, "en")).toBe("—");
    expect(formatDate("not a date", "en")).toBe("—");
  });

  it("formats timestamps and list dates", () => {
    expect(norm(formatDateTime("2024-11-05T14:30:00Z", "fr", "UTC"))).toBe("5/11/24 14:30");
    expect(norm(formatDateTime("2024-11-05T14:30:00Z", "en", "UTC"))).toBe("05/11/2024, 14:30");
    const now = new Date("2024-11-05T15:00:00");
    expect(formatListDate(new Date("2024-11-05T09:05:00").toISOString(), "nl", now)).toBe("09:05");
    expect(formatListDate(new Date("2024-10-01T09:05:00").toISOString(), "en", now)).toBe("1 Oct 24");
  });

  it("formats ratios and sizes", () => {
    expect(norm(formatPercent(0.934, "en"))).toBe("93.4%");
    expect(norm(formatPercent(0.934, "fr"))).toBe("93,4 %");
    expect(formatPercent(null, "nl")).toBe("—");
    expect(formatBytes(512, "en")).toBe("512 B");
    expect(formatBytes(2560, "nl")).toBe("2,5 kB");
  });
});
