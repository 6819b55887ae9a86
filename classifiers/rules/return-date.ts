import { addDays, diffDays, iso, isValid, parseIso, referenceDay, workingDayOnOrAfter, type DateReference, type Ymd } from "../extract/calendar.ts";
import { MONTHS, MONTH_PATTERN } from "../extract/date-words.ts";
import { findDates, type FoundDate } from "../extract/dates.ts";

/**
 * Words before (or around) a date that say it is the first day back, and
 * words that say it is the last day away. "until X" means back the next
 * working day; "back on X" means X.
 */
const BACK_BEFORE = /(?:back|return(?:ing)?|returning to the office|in the office|available|reachable|be in|terug|weer (?:aanwezig|op kantoor|bereikbaar|beschikbaar|terug|op het werk)|aanwezig|bereikbaar|de retour|rentre(?:rai)?|reprendrai|reprise|disponible|joignable|wieder (?:da|im büro|erreichbar|zurück|für sie da|im haus|verfügbar)|zurück|erreichbar)\s*(?:on|by|from|at|op|vanaf|per|le|à partir du|a partir du|dès le|des le|au bureau le|am|ab(?: dem)?|zum)?\s*$/iu;
const UNTIL_BEFORE = /(?:until|till|til|through|thru|up to and including|to|tot en met|t\/m|tot|jusqu['’]au|jusqu['’]à|jusqu['’]a|au|bis(?: einschließlich| einschliesslich| zum| inklusive)?|inclusive of)\s*(?:the\s*|de\s*|le\s*|und mit\s*)?$/iu;
const START_BEFORE = /(?:from|since|as of|starting|van|vanaf|sinds|du|depuis|à partir du|a partir du|dès le|vom|seit|ab(?: dem)?)\s*(?:the\s*|le\s*|dem\s*)?$/iu;
const ABSENT_ON = /(?:out of (?:the )?office|out|off|away|absent(?:e)?|afwezig|niet aanwezig|abwesend|nicht im büro)\s*(?:on|op|le|am)?\s*$/iu;
const RETURN_NEAR = /(?:back|return|again|available|reachable|terug|weer|de retour|disponible|joignable|wieder|zurück|erreichbar)/iu;
const RANGE_DASH = /^\s*(?:-|–|—|to|tot|au|à|bis)\s*$/iu;

export interface ReturnDate {
  date: string;
  evidence: string;
}

/**
 * First day the absent person is back, from an out-of-office text, resolved
 * against the mail's date. Null when the text states no usable date.
 */
export function findReturnDate(text: string, ref: DateReference | Date, lang: string | null = null): ReturnDate | null {
  const dates = findDates(text, ref, { lang, direction: "forward" });
  const today = referenceDay(ref);
  const candidates: ReturnDate[] = [];
  dates.forEach((d: FoundDate, i) => {
    const lead = text.slice(Math.max(0, d.index - 45), d.index) + leadingWords(d.text);
    const after = text.slice(d.index + d.text.length, d.index + d.text.length + 40);
    const prev = dates[i - 1];
    const betweenPrev = prev ? text.slice(prev.index + prev.text.length, d.index) : null;
    let day = parseIso(d.date);
    let why: string | null = null;
    if (BACK_BEFORE.test(lead) || (/^\s*(?:\w+\s+){0,3}(?:wieder|weer|terug|de retour|back)\b/iu.test(after) && START_BEFORE.test(lead))) {
      why = `back on "${d.text}"`;
    } else if (UNTIL_BEFORE.test(lead) || (betweenPrev !== null && RANGE_DASH.test(betweenPrev))) {
      day = workingDayOnOrAfter(addDays(day, 1));
      why = `away until "${d.text}"`;
    } else if (ABSENT_ON.test(lead) && d.kind === "relative" && !/\d/.test(d.text)) {
      // "I'm out of the office Friday": away that one day.
      day = workingDayOnOrAfter(addDays(day, 1));
      why = `away on "${d.text}"`;
    } else if (START_BEFORE.test(lead) && RETURN_NEAR.test(after.slice(0, 25))) {
      why = `back from "${d.text}"`;
    }
    // A return date before the mail was sent is a stale notice or the start of the absence.
    if (why && diffDays(day, today) >= 0) candidates.push({ date: iso(day), evidence: why });
  });
  for (const r of ranges(text, ref)) if (diffDays(parseIso(r.date), today) >= 0) candidates.push(r);
  // An explicit "back on X" beats "until Y": some notices state both, and the first is what the person wrote.
  return candidates.find((c) => c.evidence.startsWith("back")) ?? candidates[0] ?? null;
}

const MONTH_RANGE = new RegExp(`(?<![\\p{L}\\d])(?:(${MONTH_PATTERN})\\.?\\s+(\\d{1,2})\\s*[-–]\\s*(\\d{1,2})|(\\d{1,2})\\.?\\s*[-–]\\s*(\\d{1,2})\\.?\\s+(${MONTH_PATTERN}))(?:,?\\s+(\\d{4}))?(?![\\p{L}\\d])`, "giu");

/** "July 10-31", "10-14 november", "vom 4.-8. November": away through the second day. */
function ranges(text: string, ref: DateReference | Date): ReturnDate[] {
  const out: ReturnDate[] = [];
  for (const m of text.matchAll(MONTH_RANGE)) {
    const month = MONTHS[(m[1] ?? m[6]).toLowerCase()];
    const last = +(m[3] ?? m[5]);
    const year = m[7] ? +m[7] : closestYearOf(referenceDay(ref), month, last);
    const end = { y: year, m: month, d: last };
    if (!isValid(end)) continue;
    out.push({ date: iso(workingDayOnOrAfter(addDays(end, 1))), evidence: `away during "${m[0].trim()}"` });
  }
  return out;
}

function closestYearOf(today: Ymd, m: number, d: number): number {
  const ys = [today.y - 1, today.y, today.y + 1];
  return ys.sort((a, b) => Math.abs(diffDays({ y: a, m, d }, today)) - Math.abs(diffDays({ y: b, m, d }, today)))[0];
}

const PREPOSITIONS = new Set("on op le am the den de dem jusqu'au jusqu’au jusqu'à jusqu’à tot en met t/m bis zum einschließlich einschliesslich ab until till through from vanaf à a partir du dès des by per".split(" "));

/** The prepositions a date match may have swallowed ("op 4 november", "jusqu'au 25", "ab dem 12.11."). */
function leadingWords(matched: string): string {
  let out = "";
  for (const w of matched.split(/(\s+)/)) {
    if (/^\s+$/.test(w)) out += w;
    else if (PREPOSITIONS.has(w.toLowerCase())) out += w;
    else break;
  }
  return out;
}
