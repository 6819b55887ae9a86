/**
 * Fields about the debtor's details: new e-mail, PO number, VAT number. Each
 * looks for a cue word and reads what follows it. (The new postal address is
 * in address.ts, insolvency case reference and administrator in
 * insolvency-fields.ts.)
 */

const EMAIL = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

/** A line of a quoted or forwarded header ("To: …", "Van: …"): its addresses are no new contact. */
const HEADER_LINE = /^\s*\*?(?:to|from|cc|bcc|sent|van|aan|verzonden|de|à|a|envoyé|von|an|gesendet|kopie|reply-to)\*?\s*:/i;

/** The address the sender asks us to use: after "send to / naar / à / an / use", not one of ours, not in a header line. */
export function findNewEmail(text: string, exclude: ReadonlyArray<string> = []): string | null {
  const ours = new Set(exclude.map((e) => e.toLowerCase()));
  const lineOf = (i: number) => text.slice(text.lastIndexOf("\n", i - 1) + 1, i);
  const candidates = [...text.matchAll(EMAIL)]
    .map((m) => ({ email: m[0].toLowerCase().replace(/\.$/, ""), index: m.index! }))
    .filter((x) => !ours.has(x.email) && !HEADER_LINE.test(lineOf(x.index)));
  if (!candidates.length) return null;
  const cue = /(?:new|nieuw\w*|nouvel\w*|neue\w*|send|sturen|naar|envoyer|à|an|to|via|adres|address|adresse|mailbox|contact|use|utiliser|utilisez|gebruik\w*|nutzen|verwenden|voortaan|désormais|künftig|from now on|:)\W{0,40}$/i;
  return (candidates.find((x) => cue.test(text.slice(Math.max(0, x.index - 60), x.index))) ?? candidates[0]).email;
}

const PO_CUE =
  /(?<![\p{L}])(?:po|p\.o\.|purchase order|order number|inkooporder|inkoopnummer|ordernummer|bestelnummer|bestelbon(?:nummer)?|bestelreferentie|referentienummer|interne referentie|internal reference|our reference|bon de commande|numéro de commande|n° de commande|commande|référence interne|bestellnummer|bestellreferenz|bestellung|auftragsnummer|interne referenz)(?![\p{L}])/giu;
/** A purchase order number: letters and digits, three digits at least ("4500012345", "BST89559", "PO-2025-6181"). */
const PO_TOKEN = /^[A-Z0-9][A-Z0-9/_.-]{2,29}$/; // capitals and digits: "sHZwCRYD091907" is a message id

/**
 * A purchase order number the sender gives or requires: the first number-like
 * word after a PO cue in the same sentence ("PO 4500012345", "bestelnummer:
 * BN-2024-17", "le numéro de commande à indiquer sur les factures 2025 est
 * BST89559"). Years, dates, amounts and e-mail addresses are skipped.
 */
export function findPoNumber(text: string): string | null {
  for (const m of text.matchAll(PO_CUE)) {
    const rest = text.slice(m.index! + m[0].length).split(/(?<=[.!?])\s|\n\s*\n/)[0];
    for (const raw of rest.split(/\s+/).slice(0, 14)) {
      const t = raw.replace(/^[(:#"'«]+|[)\],;:.!?"'»]+$/g, "");
      if (!PO_TOKEN.test(t) || (t.match(/\d/g) ?? []).length < 3) continue;
      if (/^(?:19|20)\d{2}$/.test(t) || /^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/.test(t) || /^\d+[.,]\d{2}$/.test(t)) continue;
      return t;
    }
  }
  return null;
}

// Country prefix, then the national digits in any grouping ("NL 0012.34567 B01", "DE 123 456 789", "BE 0123.456.789").
const D = (n: number) => `(?:\\d[\\s.]?){${n - 1}}\\d`;
const VAT = new RegExp(
  `\\b(?:BE\\s?${D(10)}|BE\\s?${D(9)}|NL\\s?${D(9)}\\s?B\\s?\\d{2}|FR\\s?(?:\\d{2}|[A-Z]\\d|\\d[A-Z])\\s?${D(9)}|DE\\s?${D(9)}|LU\\s?${D(8)}|ATU\\s?${D(8)}|IT\\s?${D(11)}|ES\\s?[0-9A-Z]${D(7)}[0-9A-Z]|GB\\s?${D(9)}(?:\\s?\\d{3})?|CHE[-\\s]?${D(9)}(?:\\s?(?:MWST|TVA|IVA))?)(?![\\d])`,
  "gi",
);

/** A contact line of a signature ("BTW BE0123.456.789", "USt-IdNr. DE 123 456 789"): the sender's VAT number as it stands, not a change. */
const VAT_CONTACT_LINE = /^\s*(?:btw(?:-?nr\.?|-?nummer)?|tva|vat(?: no\.?| number)?|ust-?id(?:nr)?\.?|mwst|uid|iva)\s*[.:]?\s*$/i;

const CONTACT = /(?:tel|tél|gsm|phone|mob|fax|\+\d|rpm|rpr|kbo|iban|hrb|siret|www\.|@|\b\d{4,5}\s+\p{Lu})/iu;
/** The line before or after is a contact line too (phone, register, IBAN, web): we are in a signature block. */
function contactLinesAround(text: string, lineStart: number): boolean {
  const lines = text.slice(0, lineStart).split("\n").filter((l) => l.trim());
  const prev = lines[lines.length - 1] ?? "";
  const next = text.slice(lineStart).split("\n").slice(1).find((l) => l.trim()) ?? "";
  return [prev, next].some((l) => l.length < 60 && CONTACT.test(l));
}

/**
 * A VAT identification number in any EU spelling, normalised without spaces
 * and dots. Not the start of an IBAN ("BE62 7360 4412 8861") and not a
 * signature's contact line.
 */
export function findVatNumber(text: string): string | null {
  for (const m of text.matchAll(VAT)) {
    const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 6);
    // IBAN: more digit groups follow, or the whole is an IBAN's length (16+ characters).
    const iban = text.slice(m.index!).match(/^[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){3,7}(?:\s?[A-Z0-9]{1,3})?(?![A-Z0-9])/);
    if (/^\s?\d/.test(after) || (iban && iban[0].replace(/\s/g, "").length >= 16)) continue;
    const lineStart = text.lastIndexOf("\n", m.index! - 1) + 1;
    const lineEnd = text.indexOf("\n", m.index!);
    const before = text.slice(lineStart, m.index!);
    const rest = text.slice(m.index! + m[0].length, lineEnd < 0 ? text.length : lineEnd);
    if (VAT_CONTACT_LINE.test(before) && !rest.trim() && contactLinesAround(text, lineStart)) continue;
    return m[0].toUpperCase().replace(/\s?(MWST|TVA|IVA)$/, "").replace(/[\s.-]/g, "").replace(/^CHE/, "CHE-");
  }
  return null;
}
