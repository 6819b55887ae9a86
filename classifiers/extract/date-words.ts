/** Month, weekday and relative-day words of nl, fr, de, en (lower case, accents as written and stripped). */

export const MONTHS: Record<string, number> = {};
const monthNames: Array<[number, string[]]> = [
  [1, ["january", "jan", "januari", "janvier", "janv", "januar", "jänner"]],
  [2, ["february", "feb", "febr", "februari", "février", "fevrier", "févr", "fevr", "fév", "fev", "februar"]],
  [3, ["march", "mar", "maart", "mrt", "mars", "märz", "marz", "mär", "maerz"]],
  [4, ["april", "apr", "avril", "avr"]],
  [5, ["may", "mei", "mai"]],
  [6, ["june", "jun", "juni", "juin"]],
  [7, ["july", "jul", "juli", "juillet", "juil"]],
  [8, ["august", "aug", "augustus", "août", "aout"]],
  [9, ["september", "sep", "sept", "septembre"]],
  [10, ["october", "oct", "oktober", "okt", "octobre"]],
  [11, ["november", "nov", "novembre"]],
  [12, ["december", "dec", "décembre", "decembre", "déc", "dezember", "dez"]],
];
for (const [n, names] of monthNames) for (const name of names) MONTHS[name] = n;

/** Longest first so "juillet" wins over "jul", "sept" over "sep". */
export const MONTH_PATTERN = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join("|");

export const WEEKDAYS: Record<string, number> = {};
const weekdayNames: Array<[number, string[]]> = [
  [1, ["monday", "maandag", "lundi", "montag"]],
  [2, ["tuesday", "dinsdag", "mardi", "dienstag"]],
  [3, ["wednesday", "woensdag", "mercredi", "mittwoch"]],
  [4, ["thursday", "donderdag", "jeudi", "donnerstag"]],
  [5, ["friday", "vrijdag", "vendredi", "freitag"]],
  [6, ["saturday", "zaterdag", "samedi", "samstag", "sonnabend"]],
  [0, ["sunday", "zondag", "dimanche", "sonntag"]],
];
for (const [n, names] of weekdayNames) for (const name of names) WEEKDAYS[name] = n;
export const WEEKDAY_PATTERN = Object.keys(WEEKDAYS).join("|");
/** Abbreviations only accepted right before a full date ("Mon 18 Nov", "ven. 22/11", "Fr., 15.11."). */
export const WEEKDAY_ABBR = "mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|ma|di|wo|do|vr|za|zo|lun|mar|mer|jeu|ven|sam|dim|mo|mi|fr|sa|so";

/**
 * Words for a day relative to the reference day. Ambiguous ones are tied to a
 * language. Longer phrases come first: "the day before yesterday" and
 * "après-demain" must win over the "yesterday" and "demain" inside them.
 * `\b` is ASCII-only in JavaScript ("übermorgen" has none before its "ü"),
 * so boundaries are written as letter lookarounds.
 */
const L = "(?<![\\p{L}\\d-])";
const R = "(?![\\p{L}\\d-])";
const day = (words: string) => new RegExp(`${L}(?:${words})${R}`, "iu");
export const RELATIVE_DAYS: Array<{ re: RegExp; offset: number; langs?: string[] }> = [
  { re: day("(?:the )?day before yesterday"), offset: -2 },
  { re: day("(?:the )?day after tomorrow"), offset: 2 },
  { re: day("eergisteren"), offset: -2 },
  { re: day("overmorgen"), offset: 2 },
  { re: /(?<![\p{L}])avant-hier(?![\p{L}])/iu, offset: -2 },
  { re: /(?<![\p{L}])apr[eè]s-demain(?![\p{L}])/iu, offset: 2 },
  { re: day("vorgestern"), offset: -2 },
  { re: day("übermorgen|uebermorgen"), offset: 2 },
  { re: day("today|this morning|this afternoon|tonight|earlier today"), offset: 0 },
  { re: day("vandaag|vanmorgen|vanmiddag|vanochtend|vanavond|deze (?:ochtend|morgen|middag|voormiddag|namiddag)"), offset: 0 },
  { re: /aujourd['’]hui|(?<![\p{L}])ce (?:matin|midi|soir)(?![\p{L}])|(?<![\p{L}])cet après-midi(?![\p{L}])/iu, offset: 0 },
  // "ce jour" is today ("envoyé ce jour"), but "à ce jour" / "jusqu'à ce jour" mean "to date".
  { re: /(?<![\p{L}]|à |a |jusqu['’]à |jusqu['’]a )ce jour(?![\p{L}-])/iu, offset: 0, langs: ["fr"] },
  { re: day("heute"), offset: 0 },
  { re: day("tomorrow"), offset: 1 },
  { re: day("demain"), offset: 1 },
  // "morgen" is tomorrow in nl and de, but "Guten Morgen"/"heute Morgen" is the morning.
  { re: /(?<![\p{L}])(?<!(?:guten|goeden|heute|gestern|this|vanochtend|deze)\s)morgen(?![\p{L}])(?!\s*(?:früh|vroeg)?\s*(?:allerseits|zusammen)(?![\p{L}]))/iu, offset: 1, langs: ["nl", "de"] },
  { re: day("yesterday"), offset: -1 },
  { re: day("gisteren"), offset: -1 },
  { re: day("gestern"), offset: -1 },
  // "hier" is "here" in Dutch and German.
  { re: /(?<![-\w])hier(?![-\w])/i, offset: -1, langs: ["fr"] },
];

export const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  een: 1, één: 1, twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9, tien: 10, elf: 11, twaalf: 12,
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, sept: 7, huit: 8, neuf: 9, dix: 10, douze: 12, quinze: 15,
  ein: 1, eine: 1, einen: 1, zwei: 2, drei: 3, fünf: 5, funf: 5, sechs: 6, sieben: 7, neun: 9, zehn: 10, zwölf: 12,
  veertien: 14, fourteen: 14, vierzehn: 14, thirty: 30, dertig: 30, trente: 30, dreißig: 30, sixty: 60, zestig: 60, soixante: 60, sechzig: 60,
};
export const NUMBER_WORD_PATTERN = Object.keys(NUMBER_WORDS)
  .sort((a, b) => b.length - a.length)
  .join("|");
