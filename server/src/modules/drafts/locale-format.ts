/**
 * Amounts and dates written the way the reader writes them: the draft's
 * language with the debtor's country (fr + BE → fr-BE: "1 234,56 €"), falling
 * back to the language's home country. Intl does the work; the fact checker
 * (fact-check.ts) reads every one of these forms back.
 */
export type DraftLanguage = "nl" | "fr" | "de" | "en";

const defaultRegion: Record<DraftLanguage, string> = { nl: "NL", fr: "FR", de: "DE", en: "GB" };
const knownRegions: Record<DraftLanguage, string[]> = {
  nl: ["NL", "BE"],
  fr: ["FR", "BE", "LU"],
  de: ["DE", "AT", "LU", "BE"],
  en: ["GB", "IE"],
};

export function localeFor(language: DraftLanguage, country?: string | null): string {
  const c = country?.toUpperCase();
  return `${language}-${c && knownRegions[language].includes(c) ? c : defaultRegion[language]}`;
}

/** 123456 cents → "1.234,56 €" / "€ 1.234,56" / "€1,234.56" per locale. */
export function formatMoney(cents: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: 2 }).format(cents / 100);
}

/** "2025-03-15" → "15 maart 2025" / "15 mars 2025" / "15. März 2025" / "15 March 2025". */
export function formatDateLong(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${iso}T00:00:00Z`),
  );
}

/** "2025-03-15" → "15/03/2025" / "15.03.2025" / "15-3-2025" (for table columns). */
export function formatDateShort(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${iso}T00:00:00Z`),
  );
}

/** Today's date as ISO in UTC (the ledger's dates carry no time zone). */
export function isoToday(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Add whole months, clamping the day to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  const t = new Date(`${iso}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / 86_400_000);
}
