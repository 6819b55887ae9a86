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

/** Words for a day relative to the reference day. Ambiguous ones are tied to a language. */
export const RELATIVE_DAYS: Array<{ re: RegExp; offset: number; langs?: string[] }> = [
  { re: /\b(?:today|this morning|this afternoon|tonight)\b/i, offset: 0 },
  { re: /\bvandaag\b|\bvanmorgen\b|\bvanmiddag\b|\bvanochtend\b/i, offset: 0 },
  { re: /aujourd['’]hui|\bce (?:matin|midi|soir)\b|\bcet après-midi\b/i, offset: 0 },
  { re: /\bheute\b/i, offset: 0 },
  { re: /\btomorrow\b/i, offset: 1 },
  { re: /\bdemain\b/i, offset: 1 },
  // "morgen" is tomorrow in nl and de, but "Guten Morgen"/"heute Morgen" is the morning.
  { re: /(?<!\b(?:guten|goeden|heute|gestern|this|vanochtend)\s)\bmorgen\b(?!\s*(?:früh|vroeg)?\s*(?:allerseits|zusammen)\b)/i, offset: 1, langs: ["nl", "de"] },
  { re: /\bovermorgen\b/i, offset: 2 },
  { re: /après-demain|apres-demain/i, offset: 2 },
  { re: /\bübermorgen\b/i, offset: 2 },
  { re: /\bday after tomorrow\b/i, offset: 2 },
  { re: /\byesterday\b/i, offset: -1 },
  { re: /\bgisteren\b/i, offset: -1 },
  { re: /\bgestern\b/i, offset: -1 },
  // "hier" is "here" in Dutch and German.
  { re: /(?<![-\w])hier(?![-\w])/i, offset: -1, langs: ["fr"] },
  { re: /\bday before yesterday\b/i, offset: -2 },
  { re: /\beergisteren\b/i, offset: -2 },
  { re: /avant-hier/i, offset: -2 },
  { re: /\bvorgestern\b/i, offset: -2 },
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
