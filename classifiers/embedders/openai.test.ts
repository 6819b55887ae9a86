import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createOpenAiEmbedder } from "./openai.ts";
import { dot } from "./embedder.ts";
import { startFakeOpenAi, type FakeOpenAi } from "../../tests/helpers/fake-openai.ts";

let fake: FakeOpenAi;
beforeEach(async () => {
  fake = await startFakeOpenAi();
});
afterEach(async () => {
  await fake.close();
});

const norm = (v: Float32Array) => Math.sqrt(dot(v, v));

describe("openai embedder (fake OpenAI-compatible server)", () => {
  it("batches requests, asks for 384 float dimensions, keeps input order and records usage", async () => {
    const usage: Array<{ ok: boolean; promptTokens: number }> = [];
    const e = createOpenAiEmbedder({ baseURL: fake.url, model: "embed-small", batchSize: 2, onUsage: (u) => usage.push(u) });
    expect(e.id).toBe("openai:embed-small");
    const texts = ["wij betalen morgen", "nous contestons", "bitte Rechnungskopie", ""];
    const vs = await e.embed(texts);
    expect(vs).toHaveLength(4);
    for (const v of vs) {
      expect(v).toHaveLength(384);
      expect(norm(v)).toBeCloseTo(1, 4);
    }
    expect(fake.requests.map((r) => r.body.input)).toEqual([texts.slice(0, 2), [texts[2], " "]]);
    for (const r of fake.requests) {
      expect(r.path).toBe("/v1/embeddings");
      expect(r.body).toMatchObject({ model: "embed-small", dimensions: 384, encoding_format: "float" });
    }
    // Same text → same vector; different texts differ.
    const [again] = await e.embed([texts[0]]);
    expect(dot(again, vs[0])).toBeCloseTo(1, 5);
    expect(dot(vs[0], vs[1])).toBeLessThan(0.9);
    expect(usage).toHaveLength(3);
    expect(usage.every((u) => u.ok && u.promptTokens > 0)).toBe(true);
  });

  it("re-sorts out-of-order results and fits a server's native width to 384", async () => {
    const e = createOpenAiEmbedder({ baseURL: fake.url, model: "nomic" });
    const wide = (seed: number) => Array.from({ length: 768 }, (_, i) => Math.sin(seed * 31 + i));
    fake.embeddings({ kind: "raw", body: JSON.stringify({
      object: "list",
      data: [
        { object: "embedding", index: 1, embedding: wide(2) },
        { object: "embedding", index: 0, embedding: wide(1) },
      ],
      usage: { prompt_tokens: 4, total_tokens: 4 },
    }) });
    const [a, b] = await e.embed(["first", "second"]);
    expect(a).toHaveLength(384);
    expect(norm(a)).toBeCloseTo(1, 4);
    const expectedFirst = wide(1).slice(0, 384);
    const n = Math.hypot(...expectedFirst);
    expect(a[5]).toBeCloseTo(expectedFirst[5] / n, 5);
    expect(b[5]).toBeCloseTo(wide(2)[5] / Math.hypot(...wide(2).slice(0, 384)), 5);
  });

  it("retries a 500 then succeeds, and surfaces a persistent failure", async () => {
    const e = createOpenAiEmbedder({ baseURL: fake.url, model: "m", maxRetries: 1 });
    fake.embeddings({ kind: "status", status: 500, headers: { "retry-after-ms": "1" } });
    expect(await e.embed(["x"])).toHaveLength(1);
    fake.embeddings({ kind: "status", status: 400, message: "bad input" });
    await expect(e.embed(["x"])).rejects.toThrow(/bad input/);
  });
});
