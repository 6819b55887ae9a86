/**
 * Calendar dates as plain {y, m, d} values. Arithmetic goes through UTC
 * midnights so no local time zone or DST can shift a day.
 */
export interface Ymd {
  y: number;
  m: number; // 1-12
  d: number;
}

const toUtc = (x: Ymd) => Date.UTC(x.y, x.m - 1, x.d);
const fromUtc = (ms: number): Ymd => {
  const t = new Date(ms);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
};

export const iso = (x: Ymd) => `${String(x.y).padStart(4, "0")}-${String(x.m).padStart(2, "0")}-${String(x.d).padStart(2, "0")}`;
export const parseIso = (s: string): Ymd => ({ y: +s.slice(0, 4), m: +s.slice(5, 7), d: +s.slice(8, 10) });
export const addDays = (x: Ymd, n: number): Ymd => fromUtc(toUtc(x) + n * 86_400_000);
export const diffDays = (a: Ymd, b: Ymd) => Math.round((toUtc(a) - toUtc(b)) / 86_400_000);
/** 0 = Sunday … 6 = Saturday, like Date#getDay. */
export const weekday = (x: Ymd) => new Date(toUtc(x)).getUTCDay();
export const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
export const isValid = (x: Ymd) => x.m >= 1 && x.m <= 12 && x.d >= 1 && x.d <= daysInMonth(x.y, x.m) && x.y >= 1900 && x.y <= 2200;
export const endOfMonth = (y: number, m: number): Ymd => ({ y, m, d: daysInMonth(y, m) });
export const addMonths = (x: Ymd, n: number): Ymd => {
  const total = x.y * 12 + (x.m - 1) + n;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return { y, m, d: Math.min(x.d, daysInMonth(y, m)) };
};

/** The first working day on or after x (Saturday/Sunday move to Monday). */
export function workingDayOnOrAfter(x: Ymd): Ymd {
  const w = weekday(x);
  return w === 6 ? addDays(x, 2) : w === 0 ? addDays(x, 1) : x;
}

/** Monday of the ISO week containing x. */
export const mondayOf = (x: Ymd) => addDays(x, -((weekday(x) + 6) % 7));

/**
 * The reference day of a mail: its Date header's calendar day in the
 * sender's own time zone (a mail sent at 00:30 +0100 is dated that day,
 * even though it is the previous day in UTC).
 */
export interface DateReference {
  instant: Date;
  /** Minutes east of UTC, as written in the Date header. */
  offsetMinutes: number;
}

export function referenceDay(ref: DateReference | Date): Ymd {
  const r = ref instanceof Date ? { instant: ref, offsetMinutes: 0 } : ref;
  return fromUtc(r.instant.getTime() + r.offsetMinutes * 60_000);
}

/** Offset of an RFC 5322 Date header ("… +0100", "… GMT", "… CET"); 0 when unknown. */
export function headerOffsetMinutes(dateHeader: string | null | undefined): number {
  if (!dateHeader) return 0;
  const m = dateHeader.match(/([+-])(\d{2}):?(\d{2})\s*(?:\([^)]*\))?\s*$/) ?? dateHeader.match(/\s([+-])(\d{2}):?(\d{2})\b/);
  if (m) return (m[1] === "-" ? -1 : 1) * (+m[2] * 60 + +m[3]);
  const zones: Record<string, number> = { CET: 60, CEST: 120, MET: 60, MEST: 120, BST: 60, EST: -300, EDT: -240, CST: -360, CDT: -300, PST: -480, PDT: -420, JST: 540 };
  const z = dateHeader.match(/\b([A-Z]{3,4})\s*$/)?.[1];
  return z && zones[z] !== undefined ? zones[z] : 0;
}
