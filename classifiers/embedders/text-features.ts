// Hashed text features shared by the hashing embedder (384 dense dimensions)
// and the local intent model (2^18 sparse buckets). One implementation so both
// see the same normalisation: lower-cased, accent-folded, digits collapsed.
//
// Feature groups (each L2-normalised on its own before they are summed, so the
// many character n-grams do not drown the few words):
//   words    — word unigrams
//   bigrams  — adjacent word pairs
//   chars    — character 3..5-grams over " word word " (catch inflections,
//              compounds like "betalingsherinnering", typos)
// Values are sublinear tf (1 + ln tf) with a hash-derived sign (signed
// hashing: collisions cancel out on average instead of piling up).

export interface SparseVector {
  /** Bucket indices, ascending, unique. */
  idx: Int32Array;
  val: Float32Array;
}

export interface FeatureOptions {
  /** Number of buckets. */
  dims: number;
  /** Group weights; 0 switches a group off. */
  wordWeight?: number;
  bigramWeight?: number;
  charWeight?: number;
  /** Only the first maxChars characters are featurised (bounds cost on huge mails). */
  maxChars?: number;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const SEED_WORD = 0x9e3779b1;
const SEED_BIGRAM = 0x85ebca6b;
const SEED_CHAR = 0xc2b2ae35;

/** Murmur3 finaliser: spreads FNV's weak low bits over the whole word. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hashString(s: string, seed: number): number {
  let h = (FNV_OFFSET ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return fmix32(h);
}

const SPECIAL_FOLDS: Record<string, string> = { ß: "ss", æ: "ae", œ: "oe", ø: "o", ł: "l", đ: "d", ı: "i" };

/**
 * Lower-case, strip accents (NFKD minus combining marks), map digits to "0"
 * (amounts, dates and invoice numbers vary per mail but their shape is a cue)
 * and reduce everything that is not a letter or digit to single spaces.
 */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[ßæœøłđı]/g, (c) => SPECIAL_FOLDS[c] ?? c)
    .replace(/\d/g, "0")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Feature hash → raw count, per group. */
function countFeatures(folded: string, opts: FeatureOptions): Array<Map<number, number>> {
  const words = new Map<number, number>();
  const bigrams = new Map<number, number>();
  const chars = new Map<number, number>();
  const bump = (m: Map<number, number>, h: number) => m.set(h, (m.get(h) ?? 0) + 1);
  const tokens = folded.length ? folded.split(" ") : [];
  let prev = -1;
  for (const t of tokens) {
    const h = hashString(t, SEED_WORD);
    if (opts.wordWeight !== 0) bump(words, h);
    if (prev >= 0 && opts.bigramWeight !== 0) bump(bigrams, fmix32((Math.imul(prev, 31) ^ h ^ SEED_BIGRAM) >>> 0));
    prev = h;
  }
  if (opts.charWeight !== 0 && tokens.length) {
    const s = ` ${folded} `;
    for (let i = 0; i + 3 <= s.length; i++) {
      let h = (FNV_OFFSET ^ SEED_CHAR) >>> 0;
      for (let j = i; j < i + 5 && j < s.length; j++) {
        h = Math.imul(h ^ s.charCodeAt(j), FNV_PRIME);
        if (j - i >= 2) bump(chars, fmix32((h ^ (j - i)) >>> 0));
      }
    }
  }
  return [words, bigrams, chars];
}

/**
 * Featurise a text into a signed, sublinear-tf, L2-normalised sparse vector of
 * `opts.dims` buckets. Empty text gives an empty vector.
 */
export function hashedFeatures(text: string, opts: FeatureOptions): SparseVector {
  const folded = foldText(opts.maxChars ? text.slice(0, opts.maxChars) : text);
  const groups = countFeatures(folded, opts);
  const weights = [opts.wordWeight ?? 1, opts.bigramWeight ?? 0.6, opts.charWeight ?? 0.8];
  const buckets = new Map<number, number>();
  groups.forEach((counts, g) => {
    if (!counts.size || !weights[g]) return;
    let norm = 0;
    for (const c of counts.values()) norm += (1 + Math.log(c)) ** 2;
    const scale = weights[g] / Math.sqrt(norm);
    for (const [h, c] of counts) {
      const b = h % opts.dims;
      // The sign comes from a second mix of the hash so it is independent of the bucket.
      const sign = fmix32((h ^ 0x5bd1e995) >>> 0) & 1 ? -1 : 1;
      buckets.set(b, (buckets.get(b) ?? 0) + sign * (1 + Math.log(c)) * scale);
    }
  });
  const idx = Int32Array.from([...buckets.keys()].sort((a, b) => a - b));
  const val = new Float32Array(idx.length);
  let norm = 0;
  idx.forEach((b, i) => {
    val[i] = buckets.get(b)!;
    norm += val[i] * val[i];
  });
  if (norm > 0) {
    const inv = 1 / Math.sqrt(norm);
    for (let i = 0; i < val.length; i++) val[i] *= inv;
  }
  return { idx, val };
}

/** Dot product of two sparse vectors (both sorted by index). */
export function sparseDot(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < a.idx.length && j < b.idx.length) {
    const x = a.idx[i];
    const y = b.idx[j];
    if (x === y) s += a.val[i++] * b.val[j++];
    else if (x < y) i++;
    else j++;
  }
  return s;
}

/** A stable 32-bit hash of a string, as 8 hex digits (for version strings). */
export function hashHex(s: string, seed = 0): string {
  return hashString(s, seed).toString(16).padStart(8, "0");
}
