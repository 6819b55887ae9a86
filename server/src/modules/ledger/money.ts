/**
 * Money is handled as integer cents inside the server: the database returns
 * numeric(14,2) as a string, JSON wants numbers, and float arithmetic on
 * amounts drifts (0.1 + 0.2). Conversions happen only at these edges.
 */

/** Largest absolute amount numeric(14,2) holds, in cents. */
export const MAX_CENTS = 99_999_999_999_999;

/** "1234.56" / "-0.5" / "12" (a DB numeric) -> 123456 / -50 / 1200. */
export function centsFromNumeric(value: string | number | null | undefined): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === "number") return Math.round(value * 100);
  const m = /^(-)?(\d+)(?:\.(\d{1,2})\d*)?$/.exec(value.trim());
  if (!m) throw new Error(`not a numeric amount: ${value}`);
  const cents = Number(m[2]) * 100 + Number((m[3] ?? "").padEnd(2, "0"));
  return m[1] && cents !== 0 ? -cents : cents;
}

/** 123456 -> "1234.56", the form written to numeric columns. */
export function numericFromCents(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** 123456 -> 1234.56, the form the API returns. */
export function moneyFromCents(cents: number): number {
  return Number(numericFromCents(cents));
}

/** A DB numeric string straight to the API number. */
export function moneyFromNumeric(value: string | null | undefined): number {
  return moneyFromCents(centsFromNumeric(value));
}
