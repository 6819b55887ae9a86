import type { Env } from "../../server/src/env.ts";
import { createHashingEmbedder } from "./hashing.ts";
import { createTransformersEmbedder } from "./transformers.ts";
import { createOpenAiEmbedder } from "./openai.ts";

/**
 * Every embedder yields 384 dimensions: message_embeddings has one vector
 * column and one HNSW index (server/src/db/schema/message-embeddings.ts), so
 * switching embedder re-embeds rows instead of migrating the column.
 */
export const EMBEDDING_DIMENSIONS = 384 as const;

export interface EmbedOptions {
  /**
   * What the texts are for. Asymmetric models (e5) want "query: " / "passage: "
   * prefixes; mail-to-mail similarity is symmetric, for which e5 recommends
   * "query". Ignored by embedders that do not care.
   */
  kind?: "query" | "passage";
}

export interface Embedder {
  /** Stored with every vector, e.g. "hashing-384"; a different id means "re-embed". */
  readonly id: string;
  readonly dimensions: typeof EMBEDDING_DIMENSIONS;
  /** One L2-normalised vector per text, same order. */
  embed(texts: string[], opts?: EmbedOptions): Promise<Float32Array[]>;
}

/** Pick the embedder named by EMBEDDER. Model-backed ones load lazily on first embed(). */
export function createEmbedder(env: Env): Embedder {
  switch (env.EMBEDDER) {
    case "hashing":
      return createHashingEmbedder();
    case "transformers":
      return createTransformersEmbedder({
        model: env.TRANSFORMERS_MODEL,
        modelDir: env.TRANSFORMERS_MODEL_DIR,
        cacheDir: env.DATA_DIR ? `${env.DATA_DIR}/models` : undefined,
      });
    case "openai":
      if (!env.OPENAI_BASE_URL && !env.OPENAI_API_KEY) {
        throw new Error("EMBEDDER=openai needs OPENAI_BASE_URL (OpenAI-compatible server) or OPENAI_API_KEY");
      }
      return createOpenAiEmbedder({
        baseURL: env.OPENAI_BASE_URL,
        apiKey: env.OPENAI_API_KEY,
        model: env.OPENAI_EMBEDDING_MODEL,
        timeoutMs: env.LLM_TIMEOUT_MS,
        maxRetries: env.LLM_MAX_RETRIES,
      });
  }
}

/**
 * Bring a vector to 384 dimensions and unit length. Models wider than 384
 * (768, 1024, 1536...) are truncated: for Matryoshka-trained models
 * (text-embedding-3, nomic, e5-v2 families) the leading dimensions carry most
 * of the signal; for others it is a lossy but consistent projection, which is
 * all a nearest-neighbour index needs as long as every vector went through
 * the same embedder (the id is stored with each row). Narrower vectors are
 * zero-padded.
 */
export function fitDimensions(v: ArrayLike<number>, dims: number = EMBEDDING_DIMENSIONS): Float32Array {
  const out = new Float32Array(dims);
  const n = Math.min(dims, v.length);
  let norm = 0;
  for (let i = 0; i < n; i++) {
    out[i] = v[i];
    norm += v[i] * v[i];
  }
  if (norm > 0) {
    const inv = 1 / Math.sqrt(norm);
    for (let i = 0; i < n; i++) out[i] *= inv;
  }
  return out;
}

/** Cosine similarity of two unit vectors (a plain dot product). */
export function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) s += a[i] * b[i];
  return s;
}
