import type { Locale } from "../../../server/src/modules/auth/schemas.ts";

/** The UI language picks the formatting conventions (Belgian French and Dutch, British English). */
export const INTL_LOCALE: Record<Locale, string> = { en: "en-GB", fr: "fr-BE", nl: "nl-BE" };

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function fmt<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) cache.set(key, (f = make()));
  return f;
}

const isDateOnly = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

/** A date ("2024-10-31" or an ISO timestamp) as the user reads dates. Date-only values are not shifted by time zones. */
export function formatDate(value: string | Date | null | undefined, locale: Locale): string {
  if (!value) return "—";
  const dateOnly = typeof value === "string" && isDateOnly(value);
  const d = typeof value === "string" ? new Date(dateOnly ? `${value}T00:00:00Z` : value) : value;
  if (Number.isNaN(d.getTime())) return "—";
  const f = fmt(`d|${locale}|${dateOnly}`, () => new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: "medium", ...(dateOnly ? { timeZone: "UTC" } : {}) }));
  return f.format(d);
}

export function formatDateTime(value: string | Date | null | undefined, locale: Locale, timeZone?: string): string {
  if (!value) return "—";
  const d = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return "—";
  return fmt(`dt|${locale}|${timeZone}`, () => new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: "short", timeStyle: "short", timeZone })).format(d);
}

/** Today's mail shows the time, older mail the date. */
export function formatListDate(value: string, locale: Locale, now = new Date()): string {
  const d = new Date(value);
  if (d.toDateString() === now.toDateString()) {
    return fmt(`t|${locale}`, () => new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeStyle: "short" })).format(d);
  }
  return fmt(`ld|${locale}`, () => new Intl.DateTimeFormat(INTL_LOCALE[locale], { day: "numeric", month: "short", year: "2-digit" })).format(d);
}

export function formatMoney(amount: number | null | undefined, currency: string, locale: Locale): string {
  if (amount === null || amount === undefined || Number.isNaN(amount)) return "—";
  return fmt(`m|${locale}|${currency}`, () => new Intl.NumberFormat(INTL_LOCALE[locale], { style: "currency", currency })).format(amount);
}

export function formatPercent(ratio: number | null | undefined, locale: Locale): string {
  if (ratio === null || ratio === undefined || Number.isNaN(ratio)) return "—";
  return fmt(`p|${locale}`, () => new Intl.NumberFormat(INTL_LOCALE[locale], { style: "percent", maximumFractionDigits: 1 })).format(ratio);
}

export function formatNumber(n: number | null | undefined, locale: Locale): string {
  if (n === null || n === undefined || Number.isNaN(n)) return "—";
  return fmt(`n|${locale}`, () => new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: 1 })).format(n);
}

export function formatBytes(bytes: number, locale: Locale): string {
  const units = ["B", "kB", "MB", "GB"];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) (v /= 1024), i++;
  return `${formatNumber(i === 0 ? v : Math.round(v * 10) / 10, locale)} ${units[i]}`;
}
