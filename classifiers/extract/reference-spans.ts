import { findAmounts } from "./amounts.ts";

/**
 * Parts of a text that hold numbers which are not invoice references:
 * IBANs, BICs, VAT and company registration numbers, phone numbers, dates,
 * amounts, e-mail addresses and URLs. Invoice-reference search skips them.
 */
const PATTERNS: RegExp[] = [
  /\S+@\S+\.\w+|https?:\/\/\S+|www\.\S+/gi,
  // IBAN: country, check digits, 11-30 alphanumerics in groups of four.
  /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b/g,
  // VAT numbers: BE0123.456.789, NL001234567B01, FR12345678901, DE123456789, ATU12345678, CHE-123.456.789 MWST.
  /\b(?:BE|NL|FR|DE|LU|AT|ATU|IT|ES|PT|GB|IE|DK|SE|FI|PL|CZ)[ -]?(?:\d[\d .]{7,13}\d)(?:B\d{2})?\b/g,
  /\bCHE[- ]?\d{3}[.]?\d{3}[.]?\d{3}\b/g,
  // Phones: +31 20 123 4567, 0032 2 123 45 67, 06-12345678, 01 23 45 67 89, (020) 123 45 67.
  // (not "00419" inside "VF-2024-00419" or "VF 2024 00419", and never across a line or a column gap)
  /(?:\+|(?<![\w./-]|\d )00)\d{2}(?:[\d().\/-]| (?! )){7,}\d/g,
  /\b0\d(?:[ .-]?\d{2}){4}\b/g,
  /\b06[- ]?\d{8}\b/g,
  // Area code, then groups: 020 884 1234, 030-123 45 67, 089 1234 5678.
  /\b0\d{1,3}[ .-]\d{3,4}[ .-]?\d{2}[ .-]?\d{2}\b/g,
  /\(0\d{1,3}\)\s?\d[\d\s-]{5,}\d/g,
  // Dates.
  /\b\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})\b/g,
  /\b(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b/g,
];

/** Words after which a number is something else than an invoice. */
export const OTHER_NUMBER_CONTEXT =
  /(?:\bpo\b|p\.o\.|purchase order|order(?:nummer|number|nr|no)?|inkooporder|bestel(?:nummer|ling|bon)?|bestel-?nr|commande|bon de commande|bestellnummer|bestellung|auftrag(?:snummer)?|quote|quotation|offerte|devis|angebot|delivery note|pakbon|leveringsbon|afleverbon|bon de livraison|lieferschein|ticket|case|tracking|track ?& ?trace|zending|colis|sendung|klantnummer|klantnr|customer (?:number|no|id)|account (?:number|no)|numéro (?:de )?client|kundennummer|debiteurnummer|contract(?:nummer)?|contrat|vertrag|artikel(?:nummer)?|article|art\.|postcode|code postal|plz|tel\.?|telefoon|téléphone|telefon|phone|fax|gsm|mobile?|iban|bic|swift|kvk|btw(?:-?nummer)?|vat(?: number| no)?|tva|ust-?id(?:nr)?|mwst|siret|siren|kbo|rpr|rcs|hrb|che|ondernemingsnummer|handelsregister|rekening(?:nummer)?|compte|konto)\s*(?:n[°ºo]\.?|nr\.?|no\.?|number|nummer|#|:)?\s*[:.#]?\s*$/i;

export function excludedSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const re of PATTERNS) for (const m of text.matchAll(re)) spans.push([m.index!, m.index! + m[0].length]);
  for (const a of findAmounts(text)) spans.push([a.index, a.index + a.text.length]);
  return spans;
}

export const overlaps = (spans: Array<[number, number]>, a: number, b: number) => spans.some(([x, y]) => a < y && b > x);
