import { EMBEDDING_DIMENSIONS, type Embedder } from "./embedder.ts";
import { hashedFeatures } from "./text-features.ts";

export const HASHING_EMBEDDER_ID = "hashing-384";

/**
 * The default embedder: no model, no download, deterministic. Hashed word
 * unigrams/bigrams and character 3-5-grams (see text-features.ts) folded into
 * 384 signed dimensions. It captures lexical overlap only (no synonyms across
 * languages), which is what near-duplicate and same-template detection needs.
 */
export function createHashingEmbedder(): Embedder {
  return {
    id: HASHING_EMBEDDER_ID,
    dimensions: EMBEDDING_DIMENSIONS,
    async embed(texts) {
      return texts.map(hashingEmbed);
    },
  };
}

/** Synchronous form, for callers that embed inside a hot loop. */
export function hashingEmbed(text: string): Float32Array {
  const sparse = hashedFeatures(text, { dims: EMBEDDING_DIMENSIONS, maxChars: 20_000 });
  const out = new Float32Array(EMBEDDING_DIMENSIONS);
  if (sparse.idx.length === 0) {
    // A zero vector has no cosine distance (pgvector returns NaN): empty texts
    // get a fixed unit vector instead, so they are all alike and unlike the rest.
    out[0] = 1;
    return out;
  }
  sparse.idx.forEach((b, i) => (out[b] = sparse.val[i]));
  return out;
}
