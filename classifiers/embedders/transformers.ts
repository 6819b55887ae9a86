import { existsSync } from "node:fs";
import path from "node:path";
import { EMBEDDING_DIMENSIONS, fitDimensions, type Embedder, type EmbedOptions } from "./embedder.ts";

export interface TransformersEmbedderOptions {
  /** Hub id or folder name under modelDir, e.g. "Xenova/multilingual-e5-small". */
  model: string;
  /**
   * Folder holding <model>/{config.json,tokenizer.json,onnx/*.onnx}. When set
   * the hub is never contacted (offline, air-gapped installs, tests).
   */
  modelDir?: string;
  /** Where hub downloads are cached when modelDir is not set. */
  cacheDir?: string;
  /** Texts per forward pass: bounds the padded [batch, seq, hidden] tensor. */
  batchSize?: number;
}

// transformers.js is big (onnxruntime, sharp): only load it when this embedder
// is actually used, so the default hashing setup never pays for it.
type FeatureExtractor = (texts: string[], opts: { pooling: "mean"; normalize: boolean }) => Promise<{
  dims: number[];
  data: Float32Array;
}>;

/** e5 models are trained with these prefixes and degrade without them. */
function prefixFor(model: string, kind: EmbedOptions["kind"]): string {
  return /(^|[/_-])e5([_-]|$)/i.test(model) ? `${kind ?? "query"}: ` : "";
}

/** Long mails are cut before tokenising; the tokenizer truncates to the model's max length anyway. */
const MAX_CHARS = 4_000;

export function createTransformersEmbedder(opts: TransformersEmbedderOptions): Embedder {
  const batchSize = opts.batchSize ?? 16;
  let extractor: Promise<FeatureExtractor> | null = null;
  // One forward pass at a time: onnxruntime already uses every core, and
  // parallel passes only multiply peak memory.
  let queue: Promise<unknown> = Promise.resolve();

  async function load(): Promise<FeatureExtractor> {
    const { pipeline, env } = await import("@xenova/transformers");
    // transformers.js keeps its settings in one global `env`: one model
    // source per process, which is how Relance runs.
    let quantized = true;
    if (opts.modelDir) {
      env.localModelPath = path.resolve(opts.modelDir);
      env.allowLocalModels = true;
      env.allowRemoteModels = false;
      // Exported folders may only have the fp32 graph.
      quantized = existsSync(path.join(env.localModelPath, opts.model, "onnx", "model_quantized.onnx"));
    } else {
      env.allowRemoteModels = true;
      if (opts.cacheDir) env.cacheDir = path.resolve(opts.cacheDir);
    }
    const pipe = await pipeline("feature-extraction", opts.model, { quantized });
    return pipe as unknown as FeatureExtractor;
  }

  async function run(batch: string[]): Promise<Float32Array[]> {
    // A failed load (missing files, hub unreachable) is retried on the next call.
    extractor ??= load().catch((err) => {
      extractor = null;
      throw err;
    });
    const fx = await extractor;
    const out = await fx(batch, { pooling: "mean", normalize: true });
    const hidden = out.dims[out.dims.length - 1];
    const vectors: Float32Array[] = [];
    for (let i = 0; i < batch.length; i++) {
      const row = out.data.subarray(i * hidden, (i + 1) * hidden);
      // Already unit length when hidden === 384; otherwise truncating breaks
      // the norm, and fitDimensions restores it.
      vectors.push(fitDimensions(row, EMBEDDING_DIMENSIONS));
    }
    return vectors;
  }

  return {
    id: `transformers:${opts.model}`,
    dimensions: EMBEDDING_DIMENSIONS,
    embed(texts, embedOpts) {
      const prefix = prefixFor(opts.model, embedOpts?.kind);
      // Empty strings tokenise to [CLS][SEP] only, which is fine for the model.
      const inputs = texts.map((t) => prefix + t.slice(0, MAX_CHARS));
      const job = queue.then(async () => {
        const result: Float32Array[] = [];
        for (let i = 0; i < inputs.length; i += batchSize) result.push(...(await run(inputs.slice(i, i + batchSize))));
        return result;
      });
      queue = job.catch(() => undefined);
      return job;
    },
  };
}
