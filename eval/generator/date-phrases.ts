/**
 * Date expressions as people write them, each with the ISO date it means when
 * read against the email's own Date (the sender's local civil date `base`).
 * Ambiguous forms are only produced where every reading agrees (e.g. "next
 * Tuesday" only when the first Tuesday after base already lies in next week).
 */
import type { Rng } from "./prng.ts";
import type { Lang } from "./phrases/types.ts";
import {
  addDays, endOfMonth, localDate, nextDayOfMonth, nextWeekday, parts, prevWeekday, weekday,
  weekdayNextWeek, WEEKDAYS, nextBusinessDay, isWeekend,
} from "./dates.ts";

export interface DateExpr {
  text: string;
  iso: string;
}

type Gen = (base: string, rng: Rng) => DateExpr | null;

const wdName = (lang: Lang, iso: string) => WEEKDAYS[lang][weekday(iso)];

function absolute(lang: Lang, iso: string, rng: Rng, preps: string[]): DateExpr {
  return { text: `${rng.pick(preps)}${localDate(iso, lang, rng.int(0, 6))}`.trim(), iso };
}

const FUTURE_PREPS: Record<Lang, string[]> = {
  nl: ["op ", "uiterlijk op ", "ten laatste ", "op ", "tegen "],
  fr: ["le ", "au plus tard le ", "pour le ", "le ", "d'ici le "],
  de: ["am ", "bis spätestens ", "am ", "zum ", "bis zum "],
  en: ["on ", "by ", "on ", "no later than ", "on "],
};

const PAST_PREPS: Record<Lang, string[]> = {
  nl: ["op ", "op ", "dd. "],
  fr: ["le ", "le ", "en date du "],
  de: ["am ", "am ", "mit Valuta "],
  en: ["on ", "on ", "value date "],
};

const FUTURE: Record<Lang, Gen[]> = {
  nl: [
    (b) => ({ text: "morgen", iso: addDays(b, 1) }),
    (b) => ({ text: "overmorgen", iso: addDays(b, 2) }),
    (b, r) => nextWeekExpr(b, r, (d) => r.pick([`volgende week ${wdName("nl", d)}`, `${wdName("nl", d)} volgende week`])),
    (b, r) => comingWeekday(b, r, (d) => r.pick([`aanstaande ${wdName("nl", d)}`, `komende ${wdName("nl", d)}`])),
    (b, r) => (parts(b).d <= 22 ? { text: r.pick(["eind deze maand", "tegen het einde van de maand", "op het einde van deze maand"]), iso: endOfMonth(b) } : null),
    (b) => ({ text: "eind volgende maand", iso: endOfMonth(addDays(endOfMonth(b), 1)) }),
    (b) => ({ text: "over twee weken", iso: addDays(b, 14) }),
    (b, r) => absolute("nl", workday(addDays(b, r.int(3, 35))), r, FUTURE_PREPS.nl),
    (b, r) => dayOfMonth(b, r, (n) => `de ${n}${n === 1 || n === 8 || n >= 20 ? "ste" : "de"}`),
  ],
  fr: [
    (b) => ({ text: "demain", iso: addDays(b, 1) }),
    (b) => ({ text: "après-demain", iso: addDays(b, 2) }),
    (b, r) => nextWeekExpr(b, r, (d) => r.pick([`${wdName("fr", d)} de la semaine prochaine`, `la semaine prochaine, ${wdName("fr", d)}`])),
    (b, r) => comingWeekday(b, r, (d) => r.pick([`${wdName("fr", d)} prochain`, `ce ${wdName("fr", d)}`])),
    (b, r) => (parts(b).d <= 22 ? { text: r.pick(["fin du mois", "à la fin du mois", "d'ici la fin du mois"]), iso: endOfMonth(b) } : null),
    (b) => ({ text: "fin du mois prochain", iso: endOfMonth(addDays(endOfMonth(b), 1)) }),
    (b) => ({ text: "dans deux semaines", iso: addDays(b, 14) }),
    (b, r) => absolute("fr", workday(addDays(b, r.int(3, 35))), r, FUTURE_PREPS.fr),
    (b, r) => dayOfMonth(b, r, (n) => `le ${n === 1 ? "1er" : n}`),
  ],
  de: [
    (b) => ({ text: "morgen", iso: addDays(b, 1) }),
    (b) => ({ text: "übermorgen", iso: addDays(b, 2) }),
    (b, r) => nextWeekExpr(b, r, (d) => r.pick([`nächste Woche ${wdName("de", d)}`, `am ${wdName("de", d)} nächster Woche`])),
    (b, r) => comingWeekday(b, r, (d) => r.pick([`kommenden ${wdName("de", d)}`, `nächsten ${wdName("de", d)}`])),
    (b, r) => (parts(b).d <= 22 ? { text: r.pick(["Ende des Monats", "bis Ende des Monats", "zum Monatsende", "Ende Monat"]), iso: endOfMonth(b) } : null),
    (b) => ({ text: "Ende nächsten Monats", iso: endOfMonth(addDays(endOfMonth(b), 1)) }),
    (b) => ({ text: "in zwei Wochen", iso: addDays(b, 14) }),
    (b, r) => absolute("de", workday(addDays(b, r.int(3, 35))), r, FUTURE_PREPS.de),
    (b, r) => dayOfMonth(b, r, (n) => `am ${n}.`),
  ],
  en: [
    (b) => ({ text: "tomorrow", iso: addDays(b, 1) }),
    (b) => ({ text: "the day after tomorrow", iso: addDays(b, 2) }),
    (b, r) => nextWeekExpr(b, r, (d) => r.pick([`${wdName("en", d)} next week`, `next week on ${wdName("en", d)}`])),
    (b, r) => comingWeekday(b, r, (d) => r.pick([`next ${wdName("en", d)}`, `this coming ${wdName("en", d)}`])),
    (b, r) => (parts(b).d <= 22 ? { text: r.pick(["by the end of the month", "at the end of this month", "end of month"]), iso: endOfMonth(b) } : null),
    (b) => ({ text: "by the end of next month", iso: endOfMonth(addDays(endOfMonth(b), 1)) }),
    (b) => ({ text: "in two weeks' time", iso: addDays(b, 14) }),
    (b, r) => absolute("en", workday(addDays(b, r.int(3, 35))), r, FUTURE_PREPS.en),
    (b, r) => dayOfMonth(b, r, (n) => `on the ${n}${n % 10 === 1 && n !== 11 ? "st" : n % 10 === 2 && n !== 12 ? "nd" : n % 10 === 3 && n !== 13 ? "rd" : "th"}`),
  ],
};

/** People promise payment on working days: a weekend date moves to the Monday. */
export function workday(iso: string): string {
  let d = iso;
  while (isWeekend(d)) d = addDays(d, 1);
  return d;
}

/** A weekday of next calendar week. */
function nextWeekExpr(b: string, r: Rng, text: (d: string) => string): DateExpr {
  const d = weekdayNextWeek(b, r.int(1, 5));
  return { text: text(d), iso: d };
}

/** "next <weekday>" only when the first such weekday after base is in next week: both readings agree. */
function comingWeekday(b: string, r: Rng, text: (d: string) => string): DateExpr | null {
  const today = weekday(b);
  const candidates = [1, 2, 3, 4, 5].filter((w) => today !== 0 && today !== 6 && w <= today);
  if (candidates.length === 0) return null;
  const d = nextWeekday(b, r.pick(candidates));
  return { text: text(d), iso: d };
}

function dayOfMonth(b: string, r: Rng, text: (n: number) => string): DateExpr {
  const day = parts(b).d;
  const n = day <= 20 ? r.int(day + 3, 28) : r.pick([5, 10, 15]);
  return { text: text(n), iso: nextDayOfMonth(b, n) };
}

const PAST: Record<Lang, Gen[]> = {
  nl: [
    (b, r) => ({ text: r.pick(["vandaag", "vanmorgen", "deze ochtend"]), iso: b }),
    (b) => ({ text: "gisteren", iso: addDays(b, -1) }),
    (b) => ({ text: "eergisteren", iso: addDays(b, -2) }),
    (b, r) => lastWeekday(b, r, (d) => r.pick([`afgelopen ${wdName("nl", d)}`, `vorige ${wdName("nl", d)}`])),
    (b, r) => absolute("nl", addDays(b, -r.int(2, 20)), r, PAST_PREPS.nl),
  ],
  fr: [
    (b, r) => ({ text: r.pick(["aujourd'hui", "ce matin", "ce jour"]), iso: b }),
    (b) => ({ text: "hier", iso: addDays(b, -1) }),
    (b) => ({ text: "avant-hier", iso: addDays(b, -2) }),
    (b, r) => lastWeekday(b, r, (d) => r.pick([`${wdName("fr", d)} dernier`, `ce ${wdName("fr", d)} passé`])),
    (b, r) => absolute("fr", addDays(b, -r.int(2, 20)), r, PAST_PREPS.fr),
  ],
  de: [
    (b, r) => ({ text: r.pick(["heute", "heute Morgen", "heute Vormittag"]), iso: b }),
    (b) => ({ text: "gestern", iso: addDays(b, -1) }),
    (b) => ({ text: "vorgestern", iso: addDays(b, -2) }),
    (b, r) => lastWeekday(b, r, (d) => r.pick([`letzten ${wdName("de", d)}`, `am vergangenen ${wdName("de", d)}`])),
    (b, r) => absolute("de", addDays(b, -r.int(2, 20)), r, PAST_PREPS.de),
  ],
  en: [
    (b, r) => ({ text: r.pick(["today", "this morning", "earlier today"]), iso: b }),
    (b) => ({ text: "yesterday", iso: addDays(b, -1) }),
    (b) => ({ text: "the day before yesterday", iso: addDays(b, -2) }),
    (b, r) => lastWeekday(b, r, (d) => r.pick([`last ${wdName("en", d)}`, `on ${wdName("en", d)}`])),
    (b, r) => absolute("en", addDays(b, -r.int(2, 20)), r, PAST_PREPS.en),
  ],
};

/** Most recent weekday before base, at least two days back so "last Friday" on a Saturday never arises. */
function lastWeekday(b: string, r: Rng, text: (d: string) => string): DateExpr {
  const options = [1, 2, 3, 4, 5].filter((w) => w !== weekday(b)).map((w) => prevWeekday(b, w)).filter((d) => addDays(d, 2) <= b);
  const d = r.pick(options);
  return { text: text(d), iso: d };
}

export function futureDate(lang: Lang, base: string, rng: Rng): DateExpr {
  for (;;) {
    const e = rng.pick(FUTURE[lang])(base, rng);
    if (e && e.iso > base) return e;
  }
}

export function pastDate(lang: Lang, base: string, rng: Rng): DateExpr {
  for (;;) {
    const e = rng.pick(PAST[lang])(base, rng);
    if (e && e.iso <= base) return e;
  }
}

/**
 * Dates of an out-of-office, bare (the template supplies "back on" / "until …
 * inclusive"). `back` is the first day back; `until` is the last day away, and
 * the first day back is then the next working day.
 */
export function awayDates(lang: Lang, base: string, rng: Rng): { back: DateExpr; until: DateExpr } {
  let back = addDays(base, rng.int(2, 21));
  while (isWeekend(back)) back = addDays(back, 1);
  let last = addDays(back, -1);
  while (isWeekend(last)) last = addDays(last, -1);
  return {
    back: { text: localDate(back, lang, rng.pick([0, 2, 3, 4, 5])), iso: back },
    until: { text: localDate(last, lang, rng.pick([0, 2, 3, 4])), iso: nextBusinessDay(last) },
  };
}

/** An absolute date without preposition, for templates that carry their own ("du {fdate_bare}"). */
export function bareDate(lang: Lang, iso: string, rng: Rng): DateExpr {
  return { text: localDate(iso, lang, rng.int(0, 6)), iso };
}
