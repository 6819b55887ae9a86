import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { createLlmClient, type LlmClient } from "./client.ts";
import type { LlmUsageRecord } from "./usage.ts";
import { llmUsage } from "../../db/schema/llm-usage.ts";
import { loadEnv } from "../../env.ts";
import { freshContext } from "../../../../tests/helpers/context.ts";
import { startFakeOpenAi, type FakeOpenAi } from "../../../../tests/helpers/fake-openai.ts";
import type { AppContext } from "../../context.ts";

const schema = z.object({ intent: z.string(), confidence: z.number() });
const ask = (llm: LlmClient, purpose = "test") =>
  llm.completeJson({ purpose, promptId: "p@1", messages: [{ role: "user", content: "classify" }], schema });

let fake: FakeOpenAi;
let records: LlmUsageRecord[];
beforeEach(async () => {
  fake = await startFakeOpenAi();
  records = [];
});
afterEach(async () => {
  await fake.close();
});

/** A client against the fake server with an in-memory usage sink and tiny backoff. */
function client(env: Record<string, string> = {}) {
  const e = loadEnv({ OPENAI_BASE_URL: fake.url, OPENAI_MODEL: "fake-model", LLM_TIMEOUT_MS: "2000", LLM_MAX_RETRIES: "2", ...env });
  return createLlmClient({ env: e }, { sink: (r) => void records.push(r), backoffMs: 5 })!;
}

describe("llm client", () => {
  it("is null when no LLM is configured", () => {
    expect(createLlmClient({ env: loadEnv({}) })).toBeNull();
    expect(createLlmClient({ env: loadEnv({ OPENAI_BASE_URL: "http://127.0.0.1:9/v1" }) })).toBeNull();
    expect(createLlmClient({ env: loadEnv({ OPENAI_MODEL: "m", OPENAI_API_KEY: "k" }) })).not.toBeNull();
  });

  it("returns the validated value and accounts tokens in llm_usage and in memory", async () => {
    let ctx: AppContext | null = null;
    try {
      ctx = await freshContext({ OPENAI_BASE_URL: fake.url, OPENAI_MODEL: "fake-model" });
      const llm = createLlmClient(ctx)!;
      fake.chat({ kind: "chat", content: '{"intent":"dispute","confidence":0.9}', promptTokens: 321, completionTokens: 12 });
      const r = await llm.completeJson({
        purpose: "classify",
        promptId: "classify-email@1",
        messages: [{ role: "system", content: "sys" }, { role: "user", content: "mail" }],
        schema,
      });
      expect(r).toMatchObject({ ok: true, value: { intent: "dispute", confidence: 0.9 }, promptTokens: 321, completionTokens: 12, attempts: 1, repaired: false });
      const req = fake.requests[0];
      expect(req.path).toBe("/v1/chat/completions");
      expect(req.body).toMatchObject({ model: "fake-model", temperature: 0, response_format: { type: "json_object" } });
      expect(req.body.messages).toEqual([{ role: "system", content: "sys" }, { role: "user", content: "mail" }]);
      await llm.flush();
      const rows = await ctx.db.select().from(llmUsage);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ purpose: "classify", promptId: "classify-email@1", model: "fake-model", promptTokens: 321, completionTokens: 12, ok: true, error: null });
      expect(llm.usage()).toMatchObject({ calls: 1, failedCalls: 0, promptTokens: 321, completionTokens: 12, byPurpose: { classify: { calls: 1 } } });
      llm.resetUsage();
      expect(llm.usage().calls).toBe(0);
    } finally {
      await ctx?.database.close();
    }
  });

  it("retries a 429 (honouring Retry-After) and then succeeds", async () => {
    const llm = client();
    fake.chat({ kind: "status", status: 429, headers: { "retry-after": "0" } }, { kind: "chat", content: '{"intent":"question","confidence":0.5}' });
    const r = await ask(llm);
    expect(r.ok && r.value.intent).toBe("question");
    expect(r.ok && r.attempts).toBe(2);
    expect(fake.requests).toHaveLength(2);
    expect(records.map((x) => x.ok)).toEqual([false, true]);
    expect(records[0].error).toMatch(/^rate_limited/);
    expect(llm.usage()).toMatchObject({ calls: 2, failedCalls: 1 });
  });

  it("retries 5xx and broken response bodies", async () => {
    const llm = client();
    fake.chat({ kind: "status", status: 503 }, { kind: "raw", body: '{"id": "x", "choi' }, { kind: "chat", content: '{"intent":"other","confidence":1}' });
    const r = await ask(llm);
    expect(r.ok).toBe(true);
    expect(records.map((x) => x.error?.split(":")[0] ?? "ok")).toEqual(["server_error", "bad_response", "ok"]);
  });

  it("gives up on a server that hangs: typed timeout failure after the retries", async () => {
    const llm = client({ LLM_TIMEOUT_MS: "150", LLM_MAX_RETRIES: "1" });
    fake.chat({ kind: "hang" }, { kind: "hang" });
    const t0 = Date.now();
    const r = await ask(llm);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe("timeout");
      expect(r.error.attempts).toBe(2);
    }
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(records).toHaveLength(2);
    expect(records.every((x) => !x.ok)).toBe(true);
  });

  it("does not retry other 4xx errors", async () => {
    const llm = client();
    fake.chat({ kind: "status", status: 400, message: "model not found" });
    const r = await ask(llm);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ kind: "http", status: 400, attempts: 1 });
    expect(fake.requests).toHaveLength(1);
  });

  it("repairs malformed JSON once, then fails with a typed error", async () => {
    const llm = client();
    fake.chat({ kind: "chat", content: "Sure! The intent is dispute." }, { kind: "chat", content: "{intent: dispute" });
    const r = await ask(llm);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.kind).toBe("malformed_json");
    expect(fake.requests).toHaveLength(2);
    const repair = fake.requests[1].body.messages;
    expect(repair).toHaveLength(3);
    expect(repair[1]).toEqual({ role: "assistant", content: "Sure! The intent is dispute." });
    expect(repair[2].content).toMatch(/not valid JSON.*only the corrected JSON object/s);
    expect(llm.usage()).toMatchObject({ calls: 2, failedCalls: 0, promptTokens: 200 });
  });

  it("a repair that works gives the value, flagged as repaired; fences and think blocks are tolerated", async () => {
    const llm = client();
    fake.chat({ kind: "chat", content: "oops" }, { kind: "chat", content: '<think>hmm</think>\n```json\n{"intent":"dispute","confidence":0.8}\n```' });
    const r = await ask(llm);
    expect(r).toMatchObject({ ok: true, repaired: true, attempts: 2, value: { intent: "dispute" } });
  });

  it("output that does not match the schema fails after one repair", async () => {
    const llm = client();
    fake.chat({ kind: "chat", content: '{"intent":"dispute"}' }, { kind: "chat", content: '{"intent":"dispute","confidence":"high"}' });
    const r = await ask(llm);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe("invalid_output");
      expect(r.error.message).toMatch(/confidence/);
    }
    expect(fake.requests[1].body.messages[2].content).toMatch(/did not match the expected schema/);
  });
});
