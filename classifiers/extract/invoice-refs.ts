import { findAmounts } from "./amounts.ts";
import { excludedSpans, OTHER_NUMBER_CONTEXT, overlaps } from "./reference-spans.ts";

export interface InvoiceRefMatch {
  /** The invoice number as the ledger spells it. */
  number: string;
  matchedText: string;
  confidence: number;
}

interface Key {
  letters: string;
  digits: string;
  /** Digit groups as numbers without leading zeros ("2024", "113"). */
  groups: string[];
  year: string | null;
  seq: string;
}

const stripZeros = (g: string) => g.replace(/^0+(?=\d)/, "");

function keyOf(raw: string): Key {
  const up = raw.toUpperCase();
  const letters = (up.match(/[A-Z]+/g) ?? []).join("");
  const groups = (up.match(/\d+/g) ?? []).map(stripZeros);
  // "VF24-00453" for "VF-2024-00453": a leading two-digit group before a sequence is a year.
  if (groups.length > 1 && /^\d{2}$/.test(groups[0]) && !groups.some((g) => /^(?:19|20)\d{2}$/.test(g))) groups[0] = `20${groups[0]}`;
  const digits = (up.match(/\d+/g) ?? []).join("");
  const year = groups.find((g) => /^(?:19|20)\d{2}$/.test(g) && groups.length > 1) ?? null;
  return { letters, digits, groups, year, seq: groups[groups.length - 1] ?? "" };
}

/** Words that introduce an invoice or credit-note reference. */
const INVOICE_CONTEXT =
  /(?:factu(?:u)?r(?:en|nummer|nr)?|fact\.?|fct\.?|fac\.?|factures?|n° de facture|rechnung(?:en|snummer|s-?nr\.?)?|re\.?-?nr\.?|rg\.?-?nr\.?|invoices?|inv\.?|invoice (?:no|number|#)|creditnota'?s?|credit ?notes?|avoirs?|gutschrift(?:en)?|nota'?s?|bills?|betalingskenmerk|kenmerk|mededeling|communication|référence|reference|referentie|r[ée]f\.?|verwendungszweck)\s*(?:n[°ºo]s?\.?|nrs?\.?|nos?\.?|nummers?|numbers?|numéros?|#|:)?\s*[:.#]?\s*(?:[\w./-]+\s*(?:,|;|\/|\+|en|and|et|und|sowie|&)\s*)*$/i;
/** Letters in front of a number that are such words, not part of the reference. */
const CONTEXT_LETTERS = /^(?:INV|NR|NO|FACT|FAC|FCT|RE|RG|REF|NOTA|N)$/;

// A reference-like token: optional letter prefix, then 3+ digits in up to four groups.
// (not the tail of a court or file reference such as "B/24/00885")
const TOKEN = /(?<![\p{L}\d]|[\p{L}\d]\/)((?:[A-Z]{1,5}[-\s]?)?\d{1,10}(?:[-/._]\d{1,10}){0,3})(?![\p{L}\d]|[.,]\d)/giu;

const SPACED = /(?<![\p{L}\d])((?:[A-Z]{1,5}\s)?\d{2,10}(?:\s\d{2,10}){1,3})(?![\p{L}\d])/giu;

/**
 * Invoice and credit-note references in any spelling, matched against the
 * ledger's numbers: separators, spacing, case and leading zeros are
 * normalised; a missing prefix or year is allowed when only one invoice
 * fits. Numbers in IBANs, VAT/registration numbers, phones, dates, amounts,
 * or after order/PO/quote/delivery-note/ticket words are never taken, and a
 * number that matches no ledger invoice is not a reference.
 */
type LedgerKeys = { ledger: Array<{ number: string; key: Key; full: string }>; exact: Map<string, string[]> };
// The ledger's keys are computed once per invoice list, not once per mail.
const keyCache = new WeakMap<object, LedgerKeys>();

function ledgerKeys(invoices: ReadonlyArray<{ number: string }>): LedgerKeys {
  const cached = keyCache.get(invoices);
  if (cached) return cached;
  const ledger = invoices.map((inv) => ({ number: inv.number, key: keyOf(inv.number), full: inv.number.toUpperCase().replace(/[^A-Z0-9]/g, "") }));
  const exact = new Map<string, string[]>();
  for (const l of ledger) exact.set(l.full, [...(exact.get(l.full) ?? []), l.number]);
  const keys = { ledger, exact };
  keyCache.set(invoices, keys);
  return keys;
}

export interface FindInvoiceRefsOptions {
  /**
   * Take a bare sequence number of 3+ digits without an invoice word ("akkoord
   * op 873"): only sensible among one debtor's few invoices, where a chance
   * collision is rare.
   */
  bareSequences?: boolean;
}

export function findInvoiceRefs(text: string, invoices: ReadonlyArray<{ number: string }>, opts: FindInvoiceRefsOptions = {}): InvoiceRefMatch[] {
  const { ledger, exact } = ledgerKeys(invoices);
  const skip = excludedSpans(text);
  const best = new Map<string, InvoiceRefMatch>();
  const add = (number: string, matchedText: string, confidence: number) => {
    const prev = best.get(number);
    if (!prev || prev.confidence < confidence) best.set(number, { number, matchedText, confidence });
  };

  const match = (token: string, start: number) => {
    const end = start + token.length;
    const digits = token.replace(/\D/g, "");
    if (digits.length < 3 || overlaps(skip, start, end)) return;
    const before = text.slice(Math.max(0, start - 40), start);
    if (OTHER_NUMBER_CONTEXT.test(before)) return;
    const context = INVOICE_CONTEXT.test(before);
    const hits = exact.get(token.toUpperCase().replace(/[^A-Z0-9]/g, ""));
    if (hits?.length === 1) return add(hits[0], token, context ? 0.99 : 0.95);
    const t = keyOf(token);
    const fits = ledger.filter((l) => {
      if (t.letters && t.letters !== l.key.letters) return false;
      if (t.digits === l.key.digits) return true; // prefix or separators differ
      if (t.groups.join(".") === l.key.groups.join(".")) return true; // leading zeros differ
      // Year left out ("1143" for "F2024-01143"), or added ("2024/1143" for "1143").
      if (t.groups.length === 1 && l.key.year && t.seq === l.key.seq) return true;
      if (l.key.groups.length === 1 && t.year && t.seq === l.key.seq) return true;
      return false;
    });
    if (fits.length !== 1) return;
    const l = fits[0].key;
    const complete = t.digits === l.digits || t.groups.join(".") === l.groups.join(".");
    // A bare short number is a weak clue: only with an invoice word before it
    // (zero-padded as the ledger writes it, "00412" is as good as four digits).
    const padded = fits[0].number.match(/\d+/g)?.at(-1) === token.match(/\d+/g)?.at(-1);
    if (!complete && !context && t.seq.length < 4 && !(padded && digits.length >= 4) && !(opts.bareSequences && t.seq.length >= 3)) return;
    add(fits[0].number, token, complete ? (t.letters ? 0.93 : context ? 0.92 : 0.85) : context ? 0.8 : 0.6);
  };

  for (const m of text.matchAll(TOKEN)) {
    match(m[1], m.index!);
    // "inv 2024-1143", "en 1578": the letters may be a word rather than a prefix.
    const lead = m[1].match(/^([A-Z]{1,5})[-\s]?(?=\d)/i);
    if (lead && (CONTEXT_LETTERS.test(lead[1].toUpperCase()) || /\s/.test(lead[0]) || lead[1] === lead[1].toLowerCase())) {
      match(m[1].slice(lead[0].length), m.index! + lead[0].length);
    }
  }
  // Groups separated by spaces ("CN 2024 007") count only when they spell a whole ledger number.
  for (const m of text.matchAll(SPACED)) {
    const start = m.index!;
    if (overlaps(skip, start, start + m[1].length) || OTHER_NUMBER_CONTEXT.test(text.slice(Math.max(0, start - 40), start))) continue;
    const hits = exact.get(m[1].toUpperCase().replace(/[^A-Z0-9]/g, ""));
    if (hits?.length === 1) add(hits[0], m[1], INVOICE_CONTEXT.test(text.slice(Math.max(0, start - 40), start)) ? 0.95 : 0.85);
  }
  return [...best.values()].sort((a, b) => text.indexOf(a.matchedText) - text.indexOf(b.matchedText));
}

export interface AmountMatch {
  number: string;
  amount: number;
  matchedText: string;
  confidence: number;
}

/**
 * Open invoices whose amount or open amount equals an amount written in the
 * text ("het bedrag van 1578,43"), among the invoices of the candidate
 * debtor. One invoice per amount is a good clue; several are a weak one.
 */
export function amountMatches(
  text: string,
  invoices: ReadonlyArray<{ number: string; amount: number; openAmount: number; currency?: string }>,
): AmountMatch[] {
  const out: AmountMatch[] = [];
  for (const a of findAmounts(text)) {
    const same = (x: number) => Math.abs(x - a.value) < 0.005;
    const hits = invoices.filter((inv) => (same(inv.amount) || same(inv.openAmount)) && (!a.currency || !inv.currency || a.currency === inv.currency));
    for (const inv of hits) {
      if (!out.some((o) => o.number === inv.number)) out.push({ number: inv.number, amount: a.value, matchedText: a.text, confidence: hits.length === 1 ? 0.75 : 0.4 });
    }
  }
  return out;
}
