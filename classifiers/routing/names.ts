import { fold } from "./fold.ts";

/**
 * Company (and contact person) names: normalisation and phrase matching.
 *
 * "Boulangerie Martin S.A.R.L." and "boulangerie martin" are one name: accents
 * folded, legal forms (SARL, SAS, BV, NV, GmbH, Ltd...) and small words (de,
 * la, van, und, &...) dropped, punctuation ignored. A name matches text when
 * its token sequence occurs there as a whole (same normalisation on both
 * sides). Only distinctive names are used: a name made of generic business
 * words ("Services Group", "Transport International") says nothing.
 */

const LEGAL_FORMS = new Set([
  // fr / be-fr / lu
  "sa", "sas", "sasu", "sarl", "eurl", "snc", "sci", "scs", "sca", "selarl", "scop", "sprl", "srl", "scrl", "sc", "asbl", "cie",
  // nl / be-nl
  "bv", "nv", "vof", "cv", "bvba", "cvba", "commv", "vzw",
  // de / at / ch
  "gmbh", "ag", "kg", "ohg", "ug", "ek", "kgaa", "gbr", "mbh", "eg", "ev",
  // en / other
  "ltd", "limited", "llc", "llp", "lp", "inc", "incorporated", "plc", "corp", "corporation", "co", "spa", "sl", "oy", "ab", "aps", "as", "se", "sp", "oo",
]);

const STOPWORDS = new Set([
  "de", "la", "le", "les", "l", "d", "du", "des", "et", "en", "van", "der", "den", "het", "t", "s", "und", "and", "of", "the", "y", "e", "a", "am", "im", "zum", "zur", "au", "aux", "z",
]);

/** Words too common in company names to identify one on their own. */
const GENERIC = new Set([
  "group", "groupe", "groep", "gruppe", "holding", "holdings", "international", "intl", "trading", "handel", "handelsgesellschaft",
  "services", "service", "diensten", "dienstleistungen", "consulting", "conseil", "solutions", "systems", "systemes", "technologies",
  "tech", "industries", "industrie", "company", "societe", "entreprise", "entreprises", "bedrijf", "firma", "general", "generale",
  "central", "centrale", "nord", "sud", "est", "ouest", "north", "south", "east", "west", "noord", "zuid", "oost", "europe", "europa",
  "france", "belgique", "belgie", "belgium", "nederland", "netherlands", "deutschland", "germany", "benelux", "uk", "distribution",
  "logistics", "logistique", "logistiek", "logistik", "transport", "transports", "bouw", "construction", "bau", "restaurant", "hotel",
  "cafe", "garage", "shop", "store", "magasin", "winkel", "markt", "market", "office", "bureau", "buro", "partners", "associates",
  "management", "finance", "accounting", "comptabilite", "boekhouding", "administratie", "verwaltung", "new", "nouvelle", "nieuw", "neue",
  "global", "export", "import", "sales", "supply", "supplies", "products", "produits", "producten", "center", "centre", "centrum",
]);

/** Normalised tokens of a company name: folded, legal forms and small words dropped. */
export function nameTokens(name: string): string[] {
  return textTokens(name);
}

/** The normalised form of a company name ("Boulangerie Martin S.A.R.L." → "boulangerie martin"). */
export function normalizeCompanyName(name: string): string {
  return nameTokens(name).join(" ");
}

/**
 * Normalised tokens of any text, the same way as names, so that phrase matching
 * compares like with like. Dotted abbreviations are closed up first
 * ("B.V." → "bv", "S.A.R.L." → "sarl").
 */
export function textTokens(text: string): string[] {
  const folded = fold(text).replace(/\b(?:[a-z]\.){2,}/g, (m) => m.replace(/\./g, ""));
  const out: string[] = [];
  for (const m of folded.matchAll(/[a-z0-9]+/g)) {
    const t = m[0];
    if (LEGAL_FORMS.has(t) || STOPWORDS.has(t)) continue;
    out.push(t);
  }
  return out;
}

/**
 * A name is distinctive when one of its tokens is not a generic business word,
 * at least 4 letters and not a number; or when it has three or more tokens.
 */
export function isDistinctiveName(tokens: readonly string[]): boolean {
  if (tokens.length === 0) return false;
  if (tokens.length >= 3 && tokens.join("").length >= 10) return true;
  return tokens.some((t) => t.length >= 4 && !GENERIC.has(t) && !/^\d+$/.test(t));
}

export interface NamePhrase<T> {
  tokens: string[];
  value: T;
}

/** Phrases indexed by their first token, for one pass over a text. */
export class NameMatcher<T> {
  private byFirst = new Map<string, NamePhrase<T>[]>();

  add(tokens: string[], value: T): void {
    if (tokens.length === 0) return;
    const list = this.byFirst.get(tokens[0]) ?? [];
    if (!list.some((p) => p.value === value && p.tokens.join(" ") === tokens.join(" "))) list.push({ tokens, value });
    this.byFirst.set(tokens[0], list);
  }

  /**
   * Every phrase occurring in `tokens`, the longest at each position, and none
   * lying inside a longer one (so "carrefour market" does not also count as
   * "carrefour"). `excluded`
   * marks token positions to skip (e.g. our own company's name).
   */
  find(tokens: readonly string[], excluded?: ReadonlySet<number>): NamePhrase<T>[] {
    const spans: Array<{ start: number; end: number; phrases: NamePhrase<T>[] }> = [];
    for (let i = 0; i < tokens.length; i++) {
      if (excluded?.has(i)) continue;
      const list = this.byFirst.get(tokens[i]);
      if (!list) continue;
      let best: NamePhrase<T>[] = [];
      let bestLen = 0;
      for (const p of list) {
        if (p.tokens.length < bestLen) continue;
        let ok = true;
        for (let k = 1; k < p.tokens.length && ok; k++) ok = tokens[i + k] === p.tokens[k] && !excluded?.has(i + k);
        if (!ok) continue;
        if (p.tokens.length > bestLen) {
          best = [p];
          bestLen = p.tokens.length;
        } else best.push(p);
      }
      if (bestLen > 0) spans.push({ start: i, end: i + bestLen, phrases: best });
    }
    // Overlapping matches both count ("Klaus Hoffmann" + "Hoffmann Gastro"); one inside another does not.
    return spans
      .filter((s) => !spans.some((o) => o !== s && o.start <= s.start && o.end >= s.end && o.end - o.start > s.end - s.start))
      .flatMap((s) => s.phrases);
  }
}

/** Positions in `tokens` covered by any occurrence of `phrase`. */
export function phrasePositions(tokens: readonly string[], phrase: readonly string[]): Set<number> {
  const out = new Set<number>();
  if (phrase.length === 0) return out;
  for (let i = 0; i + phrase.length <= tokens.length; i++) {
    let ok = true;
    for (let k = 0; k < phrase.length && ok; k++) ok = tokens[i + k] === phrase[k];
    if (ok) for (let k = 0; k < phrase.length; k++) out.add(i + k);
  }
  return out;
}
