/**
 * Money amounts as people write them in nl/fr/de/en mail: "1.234,56",
 * "1 234,56 €", "€ 1.234,56", "EUR 1234.56", "£1,234.56", "CHF 1'234.50",
 * "1234,-". Numbers without a currency count only in an amount context
 * ("het bedrag van 1578,43") or in an unmistakable money format
 * (thousands separator and two decimals).
 */

export interface FoundAmount {
  value: number;
  /** ISO 4217 code, or null when the text gives none. */
  currency: string | null;
  text: string;
  index: number;
}

const CURRENCY: Array<[RegExp, string]> = [
  [/^(?:€|eur|euro|euros|eu)$/i, "EUR"],
  [/^(?:£|gbp)$/i, "GBP"],
  [/^(?:\$|usd|us\$)$/i, "USD"],
  [/^(?:chf|sfr\.?|fr\.)$/i, "CHF"],
  [/^(?:sek|nok|dkk|pln|czk|huf|jpy|cad|aud)$/i, ""],
];
const currencyCode = (s: string) => {
  for (const [re, code] of CURRENCY) if (re.test(s.trim())) return code || s.trim().toUpperCase();
  return null;
};

const CUR_BEFORE = "(€|eur(?:o|os)?\\b|£|gbp\\b|us\\$|\\$|usd\\b|chf\\b|sfr\\.?|sek\\b|nok\\b|dkk\\b|pln\\b)";
const CUR_AFTER = "(€|eur(?:o|os)?\\b|£|gbp\\b|usd\\b|\\$|chf\\b|sek\\b|nok\\b|dkk\\b|pln\\b)";
// Digits with thousands separators (. , space, narrow/no-break space, apostrophe) and optional decimals or ",-".
const NUM = "(\\d{1,3}(?:[.,'’\\u00a0\\u202f ]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?)(,-{1,2}|\\.-{1,2}|,—)?";

const WITH_CURRENCY = new RegExp(`${CUR_BEFORE}\\s?-?\\s?${NUM}|(?<![\\d.,])${NUM}\\s?${CUR_AFTER}`, "giu");
const BARE = new RegExp(`(?<![\\p{L}\\d.,'/-])${NUM}(?![\\d]|[.,/-]\\d|\\s?%)`, "gu");
// A bare "113,66" is money after an amount word, after a pointing word ("die 113,66 heb ik
// overgemaakt", "the 212.76", "ces 80,00"), or in brackets ("de 831 (266,08)", "(samen 181,25)").
const AMOUNT_CONTEXT =
  /(?:(?:bedrag|totaal|totaalbedrag|saldo|som|openstaand|betaald|overgemaakt|amount|total|balance|sum|paid|transferred|outstanding|montant|somme|solde|total|payé|réglé|viré|betrag|summe|saldo|gesamt|bezahlt|überwiesen|offen|van|of|de|von|die|deze|dat|the|this|these|les|ces|cette|den|diese|diesen|samen|zusammen|ensemble|together|soit|insgesamt)\s*(?:van|of|de|du|von|:)?|\()\s*$/i;
const NOT_AMOUNT_BEFORE = /(?:nr\.?|no\.?|n°|nº|#|nummer|number|numéro|factuur|facture|rechnung|invoice|inv\.?|ref\.?|référence|referentie|order|po|bestel\w*|commande|tel\.?|phone|fax|gsm|iban|bic|btw|vat|tva|kvk|siret|siren|postcode|pagina|page|seite|artikel|art\.?)\s*[:.]?\s*$/i;

/** "1.234,56" / "1,234.56" / "1 234,56" / "1'234.50" / "1234,-" → number. */
export function parseAmountNumber(raw: string): number | null {
  const s = raw.replace(/[\u00a0\u202f ’']/g, (c) => (c === "'" || c === "’" ? "'" : " "));
  const lastDot = s.lastIndexOf("."), lastComma = s.lastIndexOf(",");
  let decimalSep: string | null = null;
  if (lastDot >= 0 && lastComma >= 0) decimalSep = lastDot > lastComma ? "." : ",";
  else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? "." : ",";
    const parts = s.split(sep);
    // One separator followed by exactly three digits is a thousands separator ("1.234", "1,234").
    decimalSep = parts.length === 2 && parts[1].length !== 3 ? sep : null;
  }
  let intPart = s, frac = "";
  if (decimalSep) {
    const at = s.lastIndexOf(decimalSep);
    intPart = s.slice(0, at);
    frac = s.slice(at + 1);
  }
  const digits = intPart.replace(/[.,' ]/g, "");
  if (!/^\d+$/.test(digits) || (frac && !/^\d{1,2}$/.test(frac))) return null;
  const value = Number(`${digits}.${frac || "0"}`);
  return Number.isFinite(value) && value < 1e10 ? Math.round(value * 100) / 100 : null;
}

/**
 * Dates look like amounts ("15.11.2024", "15.11.") and must not be read as such.
 * "15.11." is a date only as a real day and month and without a currency in
 * front: "£50.00." and "€ 12.10." at the end of a sentence are amounts.
 */
const DATE_AROUND = /\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|(?<![\d.,]|(?:€|\$|£|eur|euro|chf|gbp|usd)\s?)(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.(?!\d)/gi;

export function findAmounts(text: string): FoundAmount[] {
  const out: FoundAmount[] = [];
  const taken: Array<[number, number]> = [];
  const free = (a: number, b: number) => taken.every(([x, y]) => b <= x || a >= y);
  for (const m of text.matchAll(DATE_AROUND)) taken.push([m.index!, m.index! + m[0].length]);
  for (const m of text.matchAll(WITH_CURRENCY)) {
    const [whole, curB, numB, , numA, , curA] = m;
    const start = m.index!, end = start + whole.length;
    if (!free(start, end)) continue;
    const value = parseAmountNumber(numB ?? numA);
    const currency = currencyCode(curB ?? curA);
    if (value === null || value === 0) continue;
    if (NOT_AMOUNT_BEFORE.test(text.slice(Math.max(0, start - 20), start))) continue;
    taken.push([start, end]);
    out.push({ value, currency, text: whole.trim(), index: start });
  }
  for (const m of text.matchAll(BARE)) {
    const [whole, num, dash] = m;
    const start = m.index!, end = start + whole.length;
    if (!free(start, end)) continue;
    const before = text.slice(Math.max(0, start - 30), start);
    if (NOT_AMOUNT_BEFORE.test(before)) continue;
    const grouped2 = /^\d{1,3}(?:[.,'’\u00a0\u202f ]\d{3})+[.,]\d{2}$/.test(num);
    const decimals = /[.,]\d{2}$/.test(num) || !!dash;
    // Without a currency: an amount context word just before, or an unmistakable money format.
    if (!(grouped2 || (decimals && AMOUNT_CONTEXT.test(before)))) continue;
    const value = parseAmountNumber(num);
    if (value === null || value === 0) continue;
    taken.push([start, end]);
    out.push({ value, currency: null, text: whole.trim(), index: start });
  }
  return out.sort((a, b) => a.index - b.index);
}
