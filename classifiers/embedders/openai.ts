import OpenAI from "openai";
import { EMBEDDING_DIMENSIONS, fitDimensions, type Embedder } from "./embedder.ts";

export interface OpenAiEmbedderOptions {
  /** Any OpenAI-compatible server (OpenAI, Azure, Ollama, vLLM, llama.cpp, LocalAI...). */
  baseURL?: string;
  apiKey?: string;
  model: string;
  batchSize?: number;
  timeoutMs?: number;
  maxRetries?: number;
  /** Token accounting hook (embeddings are billed too). */
  onUsage?: (usage: { model: string; promptTokens: number; durationMs: number; ok: boolean; error?: string }) => void;
}

const MAX_CHARS = 8_000;

/**
 * Embeddings from an OpenAI-compatible /v1/embeddings endpoint. Asks for 384
 * dimensions (honoured by text-embedding-3-*); servers that ignore the
 * parameter return their native width, which fitDimensions truncates and
 * re-normalises so the vectors still fit the single 384-d index.
 */
export function createOpenAiEmbedder(opts: OpenAiEmbedderOptions): Embedder {
  const client = new OpenAI({
    baseURL: opts.baseURL,
    // Local servers (Ollama, llama.cpp) need no key but the SDK insists on one.
    apiKey: opts.apiKey || "not-needed",
    timeout: opts.timeoutMs ?? 30_000,
    // Embeddings are idempotent, so the SDK's own retry/backoff is fine here.
    maxRetries: opts.maxRetries ?? 2,
  });
  const batchSize = opts.batchSize ?? 64;

  async function embedBatch(batch: string[]): Promise<Float32Array[]> {
    const started = Date.now();
    try {
      const res = await client.embeddings.create({
        model: opts.model,
        input: batch.map((t) => (t.length ? t.slice(0, MAX_CHARS) : " ")),
        dimensions: EMBEDDING_DIMENSIONS,
        // Explicit: the SDK otherwise asks for base64, which several compatible servers lack.
        encoding_format: "float",
      });
      if (res.data.length !== batch.length) {
        throw new Error(`embeddings endpoint returned ${res.data.length} vectors for ${batch.length} inputs`);
      }
      opts.onUsage?.({ model: opts.model, promptTokens: res.usage?.prompt_tokens ?? 0, durationMs: Date.now() - started, ok: true });
      return [...res.data].sort((a, b) => a.index - b.index).map((d) => fitDimensions(d.embedding));
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      opts.onUsage?.({ model: opts.model, promptTokens: 0, durationMs: Date.now() - started, ok: false, error });
      throw err;
    }
  }

  return {
    id: `openai:${opts.model}`,
    dimensions: EMBEDDING_DIMENSIONS,
    async embed(texts) {
      const out: Float32Array[] = [];
      for (let i = 0; i < texts.length; i += batchSize) out.push(...(await embedBatch(texts.slice(i, i + batchSize))));
      return out;
    },
  };
}
