import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createTransformersEmbedder } from "./transformers.ts";
import { dot } from "./embedder.ts";

// The tiny model is generated at test time by a script of ours (random
// weights, BERT-shaped), then loaded through the real transformers.js +
// onnxruntime-node path. Debian's python3-onnx lives under /usr/bin/python3,
// which a pyenv/venv `python3` on PATH would not see.
const SCRIPT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../tests/fixtures-gen/make_tiny_bert.py");
const PYTHON = process.env.RELANCE_PYTHON ?? (existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3");

let dir = "";
const fetchSpy = vi.fn(async () => {
  throw new Error("network access attempted in a test");
});
const realFetch = globalThis.fetch;

function makeModel(name: string, hidden: number) {
  const r = spawnSync(PYTHON, [SCRIPT, path.join(dir, name), "--hidden", String(hidden)], { encoding: "utf8" });
  if (r.status !== 0) {
    throw new Error(
      `make_tiny_bert.py failed (needs apt packages python3-onnx python3-numpy; python=${PYTHON}):\n${r.stderr || r.error}`,
    );
  }
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "relance-tiny-bert-"));
  makeModel("tiny-bert", 384);
  makeModel("tiny-bert-512", 512);
  // Same files under an e5-style name, to check the query/passage prefixes.
  symlinkSync(path.join(dir, "tiny-bert"), path.join(dir, "tiny-multilingual-e5-small"));
  globalThis.fetch = fetchSpy as unknown as typeof fetch;
});

afterAll(() => {
  globalThis.fetch = realFetch;
  rmSync(dir, { recursive: true, force: true });
  // No test may have reached for the network (model hub or anything else).
  expect(fetchSpy).not.toHaveBeenCalled();
});

const norm = (v: Float32Array) => Math.sqrt(dot(v, v));

describe("transformers embedder (tiny generated BERT)", () => {
  it("yields normalised 384-d vectors, deterministic and independent of batch padding", async () => {
    const e = createTransformersEmbedder({ model: "tiny-bert", modelDir: dir, batchSize: 2 });
    expect(e.id).toBe("transformers:tiny-bert");
    const texts = [
      "We will pay the invoice next week.",
      "Nous contestons la facture F-2024-001 : le prix est incorrect, merci de nous envoyer une note de crédit.",
      "Graag een kopie van de factuur.",
    ];
    const vs = await e.embed(texts);
    expect(vs).toHaveLength(3);
    for (const v of vs) {
      expect(v).toBeInstanceOf(Float32Array);
      expect(v).toHaveLength(384);
      expect(norm(v)).toBeCloseTo(1, 4);
    }
    // Alone (no padding) vs. batched with a longer text (padded): attention
    // and mean pooling ignore padding, so the vector is the same.
    const [alone] = await e.embed([texts[0]]);
    expect(dot(alone, vs[0])).toBeGreaterThan(0.9999);
    const [again] = await createTransformersEmbedder({ model: "tiny-bert", modelDir: dir }).embed([texts[0]]);
    expect(Array.from(again)).toEqual(Array.from(alone).map((x) => expect.closeTo(x, 5)));
    expect(dot(vs[0], vs[1])).toBeLessThan(0.9999);
  });

  it("truncates a wider model to 384 dimensions and re-normalises", async () => {
    const e = createTransformersEmbedder({ model: "tiny-bert-512", modelDir: dir });
    const [v] = await e.embed(["Zahlung erfolgt am Freitag"]);
    expect(v).toHaveLength(384);
    expect(norm(v)).toBeCloseTo(1, 4);
  });

  it("adds e5's query:/passage: prefixes for e5 models only", async () => {
    const plain = createTransformersEmbedder({ model: "tiny-bert", modelDir: dir });
    const e5 = createTransformersEmbedder({ model: "tiny-multilingual-e5-small", modelDir: dir });
    const text = "graag een kopie";
    const [q] = await e5.embed([text]);
    const [p] = await e5.embed([text], { kind: "passage" });
    const [refQ, refP, refRaw] = await plain.embed([`query: ${text}`, `passage: ${text}`, text]);
    expect(dot(q, refQ)).toBeGreaterThan(0.9999);
    expect(dot(p, refP)).toBeGreaterThan(0.9999);
    expect(dot(q, refRaw)).toBeLessThan(0.9999);
  });

  it("fails cleanly, without the network, when the model is not in the folder", async () => {
    const e = createTransformersEmbedder({ model: "no-such-model", modelDir: dir });
    await expect(e.embed(["x"])).rejects.toThrow(/not found locally/);
  });
});
