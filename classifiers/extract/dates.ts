import * as chrono from "chrono-node";
import {
  addDays, addMonths, diffDays, endOfMonth, iso, isValid, mondayOf, referenceDay, weekday,
  type DateReference, type Ymd,
} from "./calendar.ts";
import { MONTHS, MONTH_PATTERN, NUMBER_WORDS, NUMBER_WORD_PATTERN, RELATIVE_DAYS, WEEKDAYS, WEEKDAY_ABBR, WEEKDAY_PATTERN } from "./date-words.ts";

export interface FoundDate {
  date: string;
  text: string;
  index: number;
  kind: "absolute" | "relative";
}

export interface FindDatesOptions {
  /** Language of the text (nl, fr, de, en): enables words that are ambiguous across languages ("hier", "morgen"). */
  lang?: string | null;
  /** How to resolve a bare weekday or a day without month: the next one (default) or the last one. */
  direction?: "forward" | "backward";
}

interface Ctx {
  today: Ymd;
  lang: string | null;
  direction: "forward" | "backward";
}

type Rule = { re: RegExp; kind: FoundDate["kind"]; resolve: (m: RegExpExecArray, ctx: Ctx) => Ymd | null };

const B = "(?<![\\p{L}\\d])"; // start boundary that also works next to accented letters
const E = "(?![\\p{L}\\d])";
const rx = (s: string) => new RegExp(s, "giu");
const num = (s: string | undefined) => (s ? (NUMBER_WORDS[s.toLowerCase()] ?? parseInt(s, 10)) : NaN);
const year = (s: string) => (s.length === 2 ? 2000 + +s : +s);
const month = (s: string) => MONTHS[s.toLowerCase().replace(/\.$/, "")];

/** A day and month without year: the occurrence closest to the reference day. */
function closestYear(ctx: Ctx, m: number, d: number): Ymd | null {
  const options = [ctx.today.y - 1, ctx.today.y, ctx.today.y + 1].map((y) => ({ y, m, d })).filter(isValid);
  if (!options.length) return null;
  return options.sort((a, b) => Math.abs(diffDays(a, ctx.today)) - Math.abs(diffDays(b, ctx.today)) || diffDays(b, a))[0];
}

/** The next (or last) day with this weekday; `strict` excludes the reference day itself. */
function nextWeekday(ctx: Ctx, wd: number, dir: "forward" | "backward", strict = true): Ymd {
  const cur = weekday(ctx.today);
  if (dir === "forward") {
    const delta = (wd - cur + 7) % 7;
    return addDays(ctx.today, delta === 0 && strict ? 7 : delta);
  }
  const delta = (cur - wd + 7) % 7;
  return addDays(ctx.today, -(delta === 0 && strict ? 7 : delta));
}

/** Day of month without a month name ("lundi 28", "jusqu'au 25"): the next such day, agreeing with the weekday when one is given. */
function nextDayOfMonth(ctx: Ctx, d: number, wd?: number): Ymd | null {
  const candidates: Ymd[] = [];
  for (let i = 0; i < 4; i++) {
    const base = addMonths({ ...ctx.today, d: 1 }, ctx.direction === "forward" ? i : -i);
    const c = { y: base.y, m: base.m, d };
    if (!isValid(c)) continue;
    if (ctx.direction === "forward" ? diffDays(c, ctx.today) >= 0 : diffDays(c, ctx.today) <= 0) candidates.push(c);
  }
  return candidates.find((c) => wd === undefined || weekday(c) === wd) ?? candidates[0] ?? null;
}

const UNIT_DAYS: Array<[RegExp, number]> = [
  [/^(?:days?|dagen|dag|jours?|tagen?|werkdagen|working days?|business days?|jours ouvrables|werktagen?)$/i, 1],
  [/^(?:weeks?|weken|week|semaines?|wochen?)$/i, 7],
];
const MONTH_UNIT = /^(?:months?|maanden|maand|mois|monaten?|monat)$/i;

const WD = `(${WEEKDAY_PATTERN})`;
const MON = `(${MONTH_PATTERN})\\.?`;
const DAYNUM = "(\\d{1,2})(?:st|nd|rd|th|er|re|e|ste|de|\\.)?";
const NUMW = `(\\d{1,3}|${NUMBER_WORD_PATTERN}|a|an|een|une|einer|eine|ein)`;
const NEXT_MONTH = "(?:next month|the following month|volgende maand|komende maand|du mois prochain|le mois prochain|nächsten monats|des nächsten monats|kommenden monats|im nächsten monat)";
const THIS_MONTH = "(?:(?:the |this )?month|(?:de |deze )?maand|(?:du |de ce |de )?mois|(?:des |dieses )?monats)";

const RULES: Rule[] = [
  // 2024-11-15
  { re: rx(`${B}(\\d{4})-(\\d{1,2})-(\\d{1,2})(?![\\d-])`), kind: "absolute", resolve: (m) => ({ y: +m[1], m: +m[2], d: +m[3] }) },
  // 15/11/2024, 15.11.2024, 15-11-24 (US month-first only when the day cannot be a month)
  {
    re: rx(`(?<![\\p{L}\\d.,/-])(\\d{1,2})([./-])(\\d{1,2})\\2(\\d{4}|\\d{2})(?![\\d]|[./-]\\d)`),
    kind: "absolute",
    resolve: (m) => {
      const a = +m[1], b = +m[3], y = year(m[4]);
      return b > 12 && a <= 12 ? { y, m: a, d: b } : { y, m: b, d: a };
    },
  },
  // [weekday] 15 november [2024], 1er décembre, 15. November, 15th of November
  {
    re: rx(`${B}(?:(?:${WEEKDAY_PATTERN}|${WEEKDAY_ABBR})\\.?,?\\s+)?(?:(?:le|den|de|the|op|am)\\s+)?${DAYNUM}\\s*(?:of\\s+|de\\s+|d['’])?${MON}(?:,?\\s*(\\d{4}))?${E}`),
    kind: "absolute",
    resolve: (m, ctx) => {
      const mo = month(m[2]);
      if (!mo) return null;
      return m[3] ? { y: +m[3], m: mo, d: +m[1] } : closestYear(ctx, mo, +m[1]);
    },
  },
  // November 15(th)[, 2024]
  {
    re: rx(`${B}${MON}\\s+(\\d{1,2})(?:st|nd|rd|th)?${E}(?:,?\\s*(\\d{4})${E})?`),
    kind: "absolute",
    resolve: (m, ctx) => {
      const mo = month(m[1]);
      if (!mo) return null;
      return m[3] ? { y: +m[3], m: mo, d: +m[2] } : closestYear(ctx, mo, +m[2]);
    },
  },
  // [weekday] 15.11. / "le 15/11" (no year). A bare "15/11" needs a date word before it (else 1/2 is a fraction);
  // "15.11" without the closing dot is too close to an amount to be taken.
  {
    re: rx(`(?<![\\p{L}\\d.,/-])(?:((?:${WEEKDAY_PATTERN}|${WEEKDAY_ABBR})\\.?,?\\s+(?:(?:le|den|the)\\s+)?)|(?:le|on|op|am|per|tot|until|till|by|before|after|vóór|voor|avant|bis|ab|jusqu['’]au|du|au|from|vanaf|sinds|since|depuis|seit|dated?|datum|valuta|van|vom|zum)\\s+)?(\\d{1,2})(?:(\\/)(\\d{1,2})(?![\\d/.,]\\d|\\d|\\s*%)|(\\.)(\\d{1,2})\\.(?!\\d))(?!\\s*(?:€|eur\\b|euro|chf|usd|\\$|£|%))`),
    kind: "absolute",
    resolve: (m, ctx) => {
      if (m[3] === "/" && !/^\p{L}/u.test(m[0])) return null;
      return closestYear(ctx, +(m[4] ?? m[6]), +m[2]);
    },
  },
  // end of next month / fin du mois prochain / eind volgende maand / Ende nächsten Monats
  {
    re: rx(`${B}(?:(?:by |at |before )?the end of|end of|(?:à la |a la )?fin|eind(?:e)?(?: van)?|ende|tegen het einde van)\\s+${NEXT_MONTH}${E}`),
    kind: "relative",
    resolve: (_m, ctx) => {
      const n = addMonths({ ...ctx.today, d: 1 }, 1);
      return endOfMonth(n.y, n.m);
    },
  },
  // end of (this) month / fin du mois / eind deze maand / Ende des Monats / Monatsende / month-end
  {
    re: rx(`${B}(?:(?:(?:by |at |before )?the end of|end of|(?:à la |a la |d'ici la |d’ici la )?fin|eind(?:e)?(?: van)?|tegen het einde van|ende)\\s+${THIS_MONTH}|monatsende|month-end|maandeinde|ultimo|fin de mois)${E}`),
    kind: "relative",
    resolve: (_m, ctx) => endOfMonth(ctx.today.y, ctx.today.m),
  },
  // end of November / fin novembre / eind november / Ende November
  {
    re: rx(`${B}(?:(?:the )?end of|(?:à la |a la )?fin(?: de| d['’])?|eind(?:e)?(?: van)?|ende)\\s*${MON}(?:\\s+(\\d{4}))?${E}`),
    kind: "relative",
    resolve: (m, ctx) => {
      const mo = month(m[1]);
      if (!mo) return null;
      const y = m[2] ? +m[2] : closestYear(ctx, mo, 1)?.y;
      return y ? endOfMonth(y, mo) : null;
    },
  },
  // mid-November / mi-novembre / half november / Mitte November
  {
    re: rx(`${B}(?:mid-?|mi-|half |medio |mitte )${MON}${E}`),
    kind: "relative",
    resolve: (m, ctx) => (month(m[1]) ? closestYear(ctx, month(m[1]), 15) : null),
  },
  // beginning of next month / début du mois prochain / begin volgende maand / Anfang nächsten Monats
  {
    re: rx(`${B}(?:(?:the )?(?:beginning|start) of|early|début|debut|begin|anfang)\\s+${NEXT_MONTH}${E}`),
    kind: "relative",
    resolve: (_m, ctx) => addMonths({ ...ctx.today, d: 1 }, 1),
  },
  // weekday of next week: "volgende week dinsdag", "next week Tuesday", "Dienstag nächster Woche", "mardi de la semaine prochaine"
  {
    re: rx(`${B}(?:(?:next week|volgende week|komende week|nächste woche|kommende woche|la semaine prochaine),?\\s+(?:on\\s+|op\\s+|am\\s+|le\\s+)?${WD}|${WD}\\s+(?:next week|van volgende week|volgende week|nächster woche|der nächsten woche|de la semaine prochaine|la semaine prochaine))${E}`),
    kind: "relative",
    resolve: (m, ctx) => addDays(mondayOf(ctx.today), 7 + ((WEEKDAYS[(m[1] ?? m[2]).toLowerCase()] + 6) % 7)),
  },
  // end of the week / eind van de week / fin de semaine / Ende der Woche → Friday
  {
    re: rx(`${B}(?:(?:by |at )?the end of (?:the |this )?week|end of week|eind(?:e)? (?:van )?(?:de |deze )?week|(?:à la |d'ici la |d’ici la )?fin de (?:la |cette )?semaine|ende (?:der|dieser) woche)${E}`),
    kind: "relative",
    resolve: (_m, ctx) => addDays(mondayOf(ctx.today), 4),
  },
  // next week / volgende week / la semaine prochaine / nächste Woche → its Monday
  {
    re: rx(`${B}(?:next week|volgende week|komende week|(?:la )?semaine prochaine|nächste woche|kommende woche|in der nächsten woche)${E}`),
    kind: "relative",
    resolve: (_m, ctx) => addDays(mondayOf(ctx.today), 7),
  },
  // in 10 days / over twee weken / dans 2 semaines / innerhalb von 14 Tagen / binnen 30 dagen
  {
    re: rx(`${B}(?:in|within|over|binnen|dans|sous|d['’]ici|innerhalb(?: von)?|binnen)\\s+(?:de |the )?(?:next |volgende |prochains |nächsten )?${NUMW}\\s+(days?|dagen|dag|jours?|tagen?|werkdagen|working days?|business days?|jours ouvrables|werktagen?|weeks?|weken|week|semaines?|wochen?|months?|maanden|maand|mois|monaten?|monat)${E}`),
    kind: "relative",
    resolve: (m, ctx) => {
      const n = /^(a|an|een|une|einer|eine|ein)$/i.test(m[1]) ? 1 : num(m[1]);
      if (!Number.isFinite(n) || n > 366) return null;
      if (MONTH_UNIT.test(m[2])) return addMonths(ctx.today, n);
      const unit = UNIT_DAYS.find(([re]) => re.test(m[2]))?.[1] ?? 1;
      return addDays(ctx.today, n * unit);
    },
  },
  // last Friday / vendredi dernier / afgelopen vrijdag / letzten Freitag
  {
    re: rx(`${B}(?:(?:last|past|vorige|afgelopen|jongstleden|letzten|vergangenen|vergangener)\\s+${WD}|${WD}\\s+(?:dernier|passé|jongstleden|jl\\.?|l\\.l\\.))${E}`),
    kind: "relative",
    resolve: (m, ctx) => nextWeekday(ctx, WEEKDAYS[(m[1] ?? m[2]).toLowerCase()], "backward"),
  },
  // next Friday (English: of next week when the coming one is in this week) / vendredi prochain / volgende vrijdag / kommenden Freitag
  {
    re: rx(`${B}(?:(next|this|coming|volgende|komende|aanstaande|deze|nächsten|kommenden|diesen|dieser|ce)\\s+${WD}|${WD}\\s+(prochain|qui vient|aanstaande|a\\.s\\.|as\\.))${E}`),
    kind: "relative",
    resolve: (m, ctx) => {
      const wd = WEEKDAYS[(m[2] ?? m[3]).toLowerCase()];
      const word = (m[1] ?? m[4]).toLowerCase();
      const coming = nextWeekday(ctx, wd, "forward", word !== "this" && word !== "deze" && word !== "ce" && word !== "diesen");
      // English "next Friday" said early in a week means the Friday of next week.
      if (word === "next" && diffDays(coming, mondayOf(ctx.today)) < 7) return addDays(coming, 7);
      return coming;
    },
  },
  // lundi 28 / maandag de 18e / Montag, den 18.
  {
    re: rx(`${B}${WD},?\\s+(?:le\\s+|den\\s+|de\\s+|the\\s+)?(\\d{1,2})(?:st|nd|rd|th|er|e|ste|de|\\.)?${E}(?!\\s*(?:[:h]\\d|uur|heures?|uhr|h\\b|[.,/]\\d))`),
    kind: "relative",
    resolve: (m, ctx) => nextDayOfMonth(ctx, +m[2], WEEKDAYS[m[1].toLowerCase()]),
  },
  // on Friday / op vrijdag / vendredi / am Freitag
  {
    re: rx(`${B}(?:(?:on|op|le|am|ab|per|tegen|vóór|voor|before|avant|bis)\\s+)?${WD}${E}`),
    kind: "relative",
    resolve: (m, ctx) => nextWeekday(ctx, WEEKDAYS[m[1].toLowerCase()], ctx.direction),
  },
  // jusqu'au 25 / tot en met de 22e / bis zum 12. / until the 25th / à partir du 3
  {
    re: rx(`${B}(?:jusqu['’]au|jusqu['’]à|à partir du|a partir du|dès le|des le|tot en met(?: de)?|t/m|tot|bis(?: zum| einschließlich| einschliesslich)?|ab dem|ab|until(?: the)?|till(?: the)?|through(?: the)?|from the|vanaf(?: de)?)\\s+(\\d{1,2})(?:st|nd|rd|th|er|e|ste|de|\\.)?${E}(?!\\s*(?:[./:-]?\\s*\\d|uur|uhr|heures?|h\\b|%|€|eur|dagen|days|jours|tage))`),
    kind: "relative",
    resolve: (m, ctx) => nextDayOfMonth(ctx, +m[1]),
  },
  // the 15th / le 15 du mois / de 15e / am 15. des Monats
  {
    re: rx(`${B}(?:(?:on )?the (\\d{1,2})(?:st|nd|rd|th)(?: of (?:the |this )?month)?|(?:le|du) (\\d{1,2})(?:er)? (?:du mois|de ce mois)|(?:op )?de (\\d{1,2})(?:e|ste|de)(?: van (?:de|deze) maand)?|(?:am|zum) (\\d{1,2})\\.\\s*(?:des|dieses) monats)${E}`),
    kind: "relative",
    resolve: (m, ctx) => nextDayOfMonth(ctx, +(m[1] ?? m[2] ?? m[3] ?? m[4])),
  },
  // A day of the month on its own: "sera viré le 28", "réglée le 1er", "am 15. bei Ihnen", "erfolgt am 22.".
  // French "le 14" must not be a count, a time or an amount ("le 14 h", "le 10 %", "le 12,50 €").
  {
    re: rx(`${B}(?:le (\\d{1,2})(?:er)?(?!\\s*(?:[./:,-]?\\s*\\d|%|€|h\\b|heures?|jours?|mois|ans?|années?|semaines?|eur|euros?|chf|cartons?|pièces?|unités?|articles?|colis|palettes?|rouleaux|boîtes?|exemplaires?|lignes?|pcs|kg\\b|\\p{L}*(?:ème|eme)|e\\s+trimestre))|(?:am|zum|bis zum|vom) (\\d{1,2})\\.(?!\\d)(?!\\s*(?:${MONTH_PATTERN})${E}))(?![\\p{L}\\d])`),
    kind: "relative",
    resolve: (m, ctx) => nextDayOfMonth(ctx, +(m[1] ?? m[2])),
  },
];

const MONTH_WORD = new RegExp(`${B}(?:${MONTH_PATTERN})${E}`, "iu");
const CHRONO: Record<string, chrono.Chrono> = { en: chrono.en.GB, fr: chrono.fr.casual, de: chrono.de.casual, nl: chrono.nl.casual };

/**
 * Dates in nl/fr/de/en text, resolved against the reference day (the mail's
 * Date header in the sender's time zone). Own rules first (they know the
 * business phrasing chrono lacks: "fin du mois", "eind deze maand",
 * "12.11.", "lundi 28"), then chrono-node for whatever is left.
 */
export function findDates(text: string, ref: DateReference | Date, options: FindDatesOptions = {}): FoundDate[] {
  const ctx: Ctx = { today: referenceDay(ref), lang: options.lang ?? null, direction: options.direction ?? "forward" };
  const found: FoundDate[] = [];
  const taken: Array<[number, number]> = [];
  const free = (a: number, b: number) => taken.every(([x, y]) => b <= x || a >= y);
  const add = (index: number, matched: string, d: Ymd | null, kind: FoundDate["kind"]) => {
    const t = matched.trim();
    const start = index + matched.indexOf(t);
    if (!d || !isValid(d) || !free(start, start + t.length)) return;
    taken.push([start, start + t.length]);
    found.push({ date: iso(d), text: t, index: start, kind });
  };
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) add(m.index, m[0], rule.resolve(m, ctx), rule.kind);
  }
  for (const r of RELATIVE_DAYS) {
    if (r.langs && !(ctx.lang && r.langs.includes(ctx.lang))) continue;
    const re = new RegExp(r.re.source, "giu");
    for (let m = re.exec(text); m; m = re.exec(text)) add(m.index, m[0], addDays(ctx.today, r.offset), "relative");
  }
  const parser = CHRONO[ctx.lang ?? "en"] ?? CHRONO.en;
  const instant = ref instanceof Date ? ref : ref.instant;
  const timezone = ref instanceof Date ? 0 : ref.offsetMinutes;
  // chrono is the slow part and only contributes month-name dates: skip it when there is no month name.
  const chronoResults = MONTH_WORD.test(text) ? parser.parse(text, { instant, timezone }, { forwardDate: ctx.direction === "forward" }) : [];
  for (const r of chronoResults) {
    // Only day-precise results: chrono also reads bare times, and its relative words
    // ("Morgen" in "Guten Morgen") are handled, more carefully, above.
    if (!r.start.isCertain("day") || !r.start.isCertain("month")) continue;
    // Numeric forms without a year ("1/2") are fractions as often as dates: chrono only adds month-name phrasings.
    if (!MONTH_WORD.test(r.text)) continue;
    const y = r.start.get("year"), mo = r.start.get("month"), d = r.start.get("day");
    if (y == null || mo == null || d == null) continue;
    add(r.index, r.text, { y, m: mo, d }, "absolute");
  }
  return found.sort((a, b) => a.index - b.index);
}

/** The reference of a mail: its Date header instant and the offset written in it. */
export { headerOffsetMinutes, type DateReference } from "./calendar.ts";
