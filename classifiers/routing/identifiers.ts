import { compactKey, fold, looseCompact, looseKey } from "./fold.ts";

/**
 * Customer numbers and VAT numbers written in free text, in any spelling:
 * "CL 00827", "CL-00827", "cl.00827", "BE 0437.512.208", "DE 123 456 789".
 *
 * Text is cut into alphanumeric chunks; neighbouring chunks joined by at most
 * three spaces / dots / dashes / slashes form "windows" (1..6 chunks) whose
 * compact form (letters and digits, upper-case) is looked up in key maps built
 * from the ledger. Nothing is guessed: only exact (or leading-zero-tolerant)
 * equality with a number the ledger knows counts.
 */

export interface NumberWindow {
  compact: string;
  start: number;
  end: number;
  /** Glued to a further chunk by "-", "/", "." or "_" (part of a longer code, e.g. an invoice number). */
  glued: boolean;
  /** The chunk just before, when it is joinable (e.g. the "DE" of "DE 123 456 789"). */
  prevChunk: string | null;
}

const JOIN_GAP = /^[ \t.\-/_]{1,3}$/;
const GLUE_GAP = /^[.\-/_]$/;

export interface WindowOptions {
  maxChunks?: number;
  /**
   * Pruning: a window is only grown further while this says its compact form
   * can still become a known key (a prefix test). Without it every window up to
   * maxChunks is produced.
   */
  canExtend?: (compact: string) => boolean;
}

export function numberWindows(text: string, opts: WindowOptions = {}): NumberWindow[] {
  const maxChunks = opts.maxChunks ?? 6;
  const canExtend = opts.canExtend;
  const starts: number[] = [];
  const ends: number[] = [];
  const upper: string[] = [];
  const digit: boolean[] = [];
  for (const m of text.matchAll(/[A-Za-z0-9]+/g)) {
    starts.push(m.index!);
    ends.push(m.index! + m[0].length);
    upper.push(m[0].toUpperCase());
    digit.push(/\d/.test(m[0]));
  }
  const n = starts.length;
  const gapBefore = (k: number) => text.slice(ends[k - 1], starts[k]);
  const joins = (k: number) => JOIN_GAP.test(gapBefore(k));
  const glues = (k: number) => k > 0 && k < n && GLUE_GAP.test(gapBefore(k));
  const out: NumberWindow[] = [];
  for (let i = 0; i < n; i++) {
    let compact = "";
    let hasDigit = false;
    for (let j = i; j < n && j < i + maxChunks; j++) {
      if (j > i && !joins(j)) break;
      compact += upper[j];
      hasDigit ||= digit[j];
      if (compact.length > 24 || (canExtend && !canExtend(compact))) break;
      if (compact.length < 3 || !hasDigit) continue;
      out.push({
        compact,
        start: starts[i],
        end: ends[j],
        glued: glues(i) || glues(j + 1),
        prevChunk: i > 0 && joins(i) ? upper[i - 1] : null,
      });
    }
  }
  return out;
}

/** Every prefix of `key`, for the canExtend pruning. */
function addPrefixes(set: Set<string>, key: string) {
  for (let i = 1; i <= key.length; i++) set.add(key.slice(0, i));
}

/** All leading zeros of digit runs dropped, even of an unfinished run ("CL000" → "CL"): prefix test for loose keys. */
const stripZeros = (compact: string) => compact.replace(/(^|[A-Z])0+/g, "$1");

/** Words that announce a customer / debtor number, nl/fr/de/en, read on folded text ending where the number starts. */
const CUSTOMER_CUE = new RegExp(
  "(?:" +
    [
      "klant(?:en)?\\s*-?\\s*(?:nummer|nr|no|code|ref(?:erentie)?)",
      "debiteur(?:en)?\\s*-?\\s*(?:nummer|nr|no|code)",
      "relatie\\s*-?\\s*(?:nummer|nr|code)",
      "(?:n\\s*[°ºo]|num(?:ero)?|no|code|compte|ref(?:erence)?|identifiant)\\s*\\.?\\s*(?:de\\s*)?(?:compte\\s*)?client",
      "kunden?\\s*-?\\s*(?:nummer|nr|no|konto|kennung)",
      "kd\\s*\\.?\\s*-?\\s*nr",
      "debitor(?:en)?\\s*-?\\s*(?:nummer|nr|konto)",
      "(?:customer|client|debtor|account)\\s*(?:account\\s*)?(?:no|nr|number|num|#|id|code|ref(?:erence)?)",
    ].join("|") +
    ")\\s*\\.?\\s*(?:n\\s*[°ºo]\\.?)?\\s*(?:is|est|ist|lautet|:|#|=|-)?\\s*[:#(\\[]?\\s*$",
);

export function hasCustomerCue(text: string, start: number): boolean {
  return CUSTOMER_CUE.test(fold(text.slice(Math.max(0, start - 48), start)));
}

const VAT_CUE = /\b(?:btw|tva|vat|ust|mwst|iva|uid|ondernemingsn|kbo|bce|entreprise|enterprise|siren|siret|rcs|steuer|tax\s*id)/;

export function hasVatCue(text: string, start: number): boolean {
  return VAT_CUE.test(fold(text.slice(Math.max(0, start - 32), start)));
}

// ---------------------------------------------------------------------------
// Customer / debtor numbers

export interface KeyIndex<T> {
  strict: Map<string, T[]>;
  loose: Map<string, T[]>;
  prefixes: Set<string>;
}

export function emptyKeyIndex<T>(): KeyIndex<T> {
  return { strict: new Map(), loose: new Map(), prefixes: new Set() };
}

/** Window pruning for customer numbers (strict or loose keys). */
export function customerCanExtend(index: KeyIndex<unknown>): (compact: string) => boolean {
  return (c) => index.prefixes.has(c) || (c.includes("0") && index.prefixes.has(stripZeros(c)));
}

function push<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

/** A number is "distinctive" when it mixes letters and digits ("C1001", "CL-00827"): safe to match without a cue word. */
export function isDistinctiveNumber(number: string): boolean {
  const k = compactKey(number);
  return k.length >= 4 && /[A-Z]/.test(k) && /\d/.test(k);
}

export function addCustomerNumber<T>(index: KeyIndex<T>, number: string, value: T): void {
  const strict = compactKey(number);
  // Pure-digit numbers under 3 digits would match anything ("no. 12").
  if (strict.length < 3 || !/\d/.test(strict)) return;
  push(index.strict, strict, value);
  push(index.loose, looseKey(number), value);
  addPrefixes(index.prefixes, strict);
  addPrefixes(index.prefixes, looseKey(number));
}

export interface CustomerNumberHit<T> {
  value: T;
  raw: string;
  /** Announced by a word such as "klantnummer", "n° client", "Kundennummer", "customer no.". */
  cue: boolean;
  /** Matched only with leading zeros ignored. */
  loose: boolean;
}

/**
 * Customer / debtor numbers in `text`. With a cue word any known number counts
 * (leading zeros tolerated); without one only a distinctive number written as a
 * whole token (not glued inside a longer code such as an invoice number).
 */
export function findCustomerNumbers<T>(
  text: string,
  index: KeyIndex<T>,
  windows = numberWindows(text, { canExtend: customerCanExtend(index) }),
): CustomerNumberHit<T>[] {
  const hits: CustomerNumberHit<T>[] = [];
  const seen = new Set<string>();
  for (const w of windows) {
    // The cue test folds text: only done for windows that hit a known number.
    let values = index.strict.get(w.compact);
    const loose = !values;
    values ??= index.loose.get(looseCompact(w.compact));
    if (!values) continue;
    const cue = hasCustomerCue(text, w.start);
    if (loose && !cue) continue;
    if (!cue && (w.glued || !isDistinctiveNumber(w.compact))) continue;
    for (const value of values) {
      const id = `${String(value)}|${cue}|${loose}`;
      if (seen.has(id)) continue;
      seen.add(id);
      hits.push({ value, raw: text.slice(w.start, w.end), cue, loose });
    }
  }
  return hits;
}

// ---------------------------------------------------------------------------
// VAT numbers

export type VatKind = "full" | "body" | "siren";

export interface VatIndex<T> {
  /** `country`: the VAT's prefix ("BE", "CHE"), empty when stored without one. */
  keys: Map<string, Array<{ value: T; kind: VatKind; country: string }>>;
  prefixes: Set<string>;
  sirens: Set<string>;
}

export function emptyVatIndex<T>(): VatIndex<T> {
  return { keys: new Map(), prefixes: new Set(), sirens: new Set() };
}

/** Window pruning for VAT numbers (and SIRETs: a known SIREN followed by up to 5 digits). */
export function vatCanExtend(index: VatIndex<unknown>): (compact: string) => boolean {
  return (c) => index.prefixes.has(c) || (c.length >= 10 && c.length <= 14 && index.sirens.has(c.slice(0, 9)) && /^\d+$/.test(c));
}

/** The keys a VAT number can be written as: with country prefix, without, and a French SIREN. */
export function vatKeys(vat: string): Array<{ key: string; kind: VatKind }> {
  const full = compactKey(vat);
  const out: Array<{ key: string; kind: VatKind }> = [];
  if (full.length < 8) return out;
  out.push({ key: full, kind: /^[A-Z]{2}/.test(full) ? "full" : "body" });
  const m = /^(CHE|[A-Z]{2})(\d[0-9A-Z]{7,13})$/.exec(full);
  if (m) {
    const body = m[2];
    out.push({ key: body, kind: "body" });
    // Belgium: the enterprise number is written with or without its leading 0.
    if (m[1] === "BE" && body.startsWith("0")) out.push({ key: body.slice(1), kind: "body" });
    // France: FR + 2-digit key + 9-digit SIREN; a SIRET is the SIREN + 5 digits.
    if (m[1] === "FR" && /^[0-9A-Z]{2}\d{9}$/.test(body)) out.push({ key: body.slice(2), kind: "siren" });
  }
  return out;
}

export function addVatNumber<T>(index: VatIndex<T>, vat: string, value: T): void {
  const country = /^(CHE|[A-Z]{2})\d/.exec(compactKey(vat))?.[1] ?? "";
  for (const { key, kind } of vatKeys(vat)) {
    const list = index.keys.get(key) ?? [];
    if (!list.some((x) => x.value === value && x.kind === kind)) list.push({ value, kind, country });
    index.keys.set(key, list);
    addPrefixes(index.prefixes, key);
    if (kind === "siren") index.sirens.add(key);
  }
}

export interface VatHit<T> {
  value: T;
  raw: string;
  kind: VatKind;
  cue: boolean;
}

/**
 * VAT numbers in `text`. With country prefix they count anywhere; the bare
 * number needs a cue word ("BTW", "TVA", "USt-IdNr", "KBO"...) or at least 9
 * characters; a SIREN / SIRET always needs a cue ("SIREN", "SIRET", "RCS").
 */
export function findVatNumbers<T>(text: string, index: VatIndex<T>, windows = numberWindows(text, { canExtend: vatCanExtend(index) })): VatHit<T>[] {
  const hits: Array<VatHit<T> & { start: number; end: number }> = [];
  for (const w of windows) {
    let entries = index.keys.get(w.compact);
    let sirenFromSiret = false;
    if (!entries && /^\d{14}$/.test(w.compact)) {
      entries = index.keys.get(w.compact.slice(0, 9))?.filter((e) => e.kind === "siren");
      sirenFromSiret = true;
    }
    if (!entries?.length) continue;
    const cue = hasVatCue(text, w.start);
    // "DE 123 456 789": the digits after another country's prefix are that country's number.
    const prefix = w.prevChunk && /^(?:[A-Z]{2}|CHE)$/.test(w.prevChunk) ? w.prevChunk : null;
    for (const e of entries) {
      if (sirenFromSiret && e.kind !== "siren") continue;
      if (e.kind === "siren" && !cue) continue;
      if (e.kind === "body" && !cue && w.compact.length < 9) continue;
      if (e.kind !== "full" && prefix && e.country && prefix !== e.country) continue;
      hits.push({ value: e.value, raw: text.slice(w.start, w.end), kind: e.kind, cue, start: w.start, end: w.end });
    }
  }
  // A match inside a longer match ("123 456 789" inside "DE 123 456 789") is not a match of its own.
  const kept = hits.filter((h) => !hits.some((o) => o !== h && o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start));
  const seen = new Set<string>();
  const out: VatHit<T>[] = [];
  for (const { start: _s, end: _e, ...h } of kept) {
    const id = `${String(h.value)}|${h.kind}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(h);
  }
  return out;
}
