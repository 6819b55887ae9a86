/**
 * A small civil-date helper, independent of the product's date parsing
 * (chrono-node), so that labels do not inherit the product's mistakes.
 * Civil dates are ISO strings "YYYY-MM-DD"; arithmetic goes through UTC.
 */
import type { Lang } from "./phrases/types.ts";

const DAY = 86_400_000;

export function toUtc(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

export function isoOf(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(iso: string, n: number): string {
  return isoOf(new Date(toUtc(iso).getTime() + n * DAY));
}

export function diffDays(a: string, b: string): number {
  return Math.round((toUtc(a).getTime() - toUtc(b).getTime()) / DAY);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(iso: string): number {
  return toUtc(iso).getUTCDay();
}

export function isWeekend(iso: string): boolean {
  const w = weekday(iso);
  return w === 0 || w === 6;
}

export function endOfMonth(iso: string): string {
  const d = toUtc(iso);
  return isoOf(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)));
}

/** First given weekday strictly after iso. */
export function nextWeekday(iso: string, wd: number): string {
  let d = addDays(iso, 1);
  while (weekday(d) !== wd) d = addDays(d, 1);
  return d;
}

/** Last given weekday strictly before iso. */
export function prevWeekday(iso: string, wd: number): string {
  let d = addDays(iso, -1);
  while (weekday(d) !== wd) d = addDays(d, -1);
  return d;
}

/** The given weekday in the calendar week (Monday–Sunday) after the one of iso. */
export function weekdayNextWeek(iso: string, wd: number): string {
  const sinceMonday = (weekday(iso) + 6) % 7;
  const nextMonday = addDays(iso, 7 - sinceMonday);
  return addDays(nextMonday, (wd + 6) % 7);
}

export function nextBusinessDay(iso: string): string {
  let d = addDays(iso, 1);
  while (isWeekend(d)) d = addDays(d, 1);
  return d;
}

/** Day-of-month n on or after iso (this month or the next). */
export function nextDayOfMonth(iso: string, n: number): string {
  const d = toUtc(iso);
  const here = isoOf(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), n)));
  return here > iso ? here : isoOf(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, n)));
}

export type Zone = "Europe/Brussels" | "Europe/London" | "Asia/Kolkata" | "UTC" | "Europe/Warsaw";

/** Last Sunday of a month at 01:00 UTC: the EU summer-time switch instants. */
function lastSundayUtc(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0));
  last.setUTCDate(last.getUTCDate() - last.getUTCDay());
  return last.getTime() + 3_600_000;
}

function euSummer(utcMs: number): boolean {
  const y = new Date(utcMs).getUTCFullYear();
  return utcMs >= lastSundayUtc(y, 2) && utcMs < lastSundayUtc(y, 9);
}

/** UTC offset in minutes of a zone at an (approximate) instant. */
export function offsetMinutes(zone: Zone, utcMs: number): number {
  switch (zone) {
    case "Europe/Brussels":
    case "Europe/Warsaw":
      return euSummer(utcMs) ? 120 : 60;
    case "Europe/London":
      return euSummer(utcMs) ? 60 : 0;
    case "Asia/Kolkata":
      return 330;
    case "UTC":
      return 0;
  }
}

const WD_EN = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MON_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export interface Stamp {
  /** Local civil date of the sender: what relative dates resolve against. */
  date: string;
  hour: number;
  minute: number;
  second: number;
  zone: Zone;
  offset: number;
  /** Milliseconds since the epoch, for sorting. */
  utcMs: number;
}

export function stamp(date: string, hour: number, minute: number, second: number, zone: Zone): Stamp {
  const localMs = toUtc(date).getTime() + ((hour * 60 + minute) * 60 + second) * 1000;
  const offset = offsetMinutes(zone, localMs - 60 * 60_000);
  return { date, hour, minute, second, zone, offset, utcMs: localMs - offset * 60_000 };
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** RFC 5322 Date header value in the sender's local time. */
export function rfcDate(s: Stamp): string {
  const d = toUtc(s.date);
  const sign = s.offset >= 0 ? "+" : "-";
  const off = Math.abs(s.offset);
  return `${WD_EN[d.getUTCDay()]}, ${d.getUTCDate()} ${MON_EN[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(s.hour)}:${pad(s.minute)}:${pad(s.second)} ${sign}${pad(Math.floor(off / 60))}${pad(off % 60)}`;
}

export const MONTHS: Record<Lang, string[]> = {
  nl: ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
  fr: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
  de: ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};

export const WEEKDAYS: Record<Lang, string[]> = {
  nl: ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"],
  fr: ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"],
  de: ["Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"],
  en: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
};

export function parts(iso: string): { y: number; m: number; d: number } {
  const [y, m, d] = iso.split("-").map(Number);
  return { y, m, d };
}

/** Numeric and long local spellings of a civil date. */
export function localDate(iso: string, lang: Lang, style: number): string {
  const { y, m, d } = parts(iso);
  const mon = MONTHS[lang][m - 1];
  const wd = WEEKDAYS[lang][weekday(iso)];
  const numeric: Record<Lang, string[]> = {
    nl: [`${pad(d)}/${pad(m)}/${y}`, `${d}-${m}-${y}`, `${pad(d)}-${pad(m)}-${y}`, `${d} ${mon}`, `${d} ${mon} ${y}`, `${wd} ${d} ${mon}`, `${pad(d)}/${pad(m)}`],
    fr: [`${pad(d)}/${pad(m)}/${y}`, `${d}/${m}/${String(y).slice(2)}`, `${d} ${mon}`, `${d === 1 ? "1er" : d} ${mon} ${y}`, `${wd} ${d} ${mon}`, `${pad(d)}.${pad(m)}.${y}`, `${pad(d)}/${pad(m)}`],
    de: [`${pad(d)}.${pad(m)}.${y}`, `${d}.${m}.${String(y).slice(2)}`, `${d}. ${mon}`, `${d}. ${mon} ${y}`, `${wd}, ${d}. ${mon}`, `${pad(d)}.${pad(m)}.`, `${y}-${pad(m)}-${pad(d)}`],
    en: [`${pad(d)}/${pad(m)}/${y}`, `${d} ${mon}`, `${d} ${mon} ${y}`, `${wd} ${d} ${mon}`, `${mon} ${d}`, `${ordinal(d)} ${mon}`, `${y}-${pad(m)}-${pad(d)}`],
  };
  const list = numeric[lang];
  return list[style % list.length];
}

export function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? "th" : ["th", "st", "nd", "rd"][n % 10] ?? "th";
  return `${n}${s}`;
}

/** The sender-local stamp of an instant in a zone. */
export function stampFromUtc(utcMs: number, zone: Zone): Stamp {
  const offset = offsetMinutes(zone, utcMs);
  const local = new Date(utcMs + offset * 60_000);
  const s = Math.floor(utcMs / 1000) * 1000;
  return { date: isoOf(local), hour: local.getUTCHours(), minute: local.getUTCMinutes(), second: local.getUTCSeconds(), zone, offset, utcMs: s };
}
