import OpenAI from "openai";
import { z } from "zod";
import type { Env } from "../../env.ts";
import type { Db } from "../../db/client.ts";
import type { Logger } from "../logger.ts";
import { parseJsonReply } from "./json-output.ts";
import { dbUsageSink, UsageCounter, type LlmUsageRecord, type LlmUsageSink, type UsageSnapshot } from "./usage.ts";

/**
 * Every LLM call in Relance goes through this wrapper: one place for the
 * timeout, retries with backoff, JSON parsing + zod validation with a single
 * repair round, and token accounting. It never throws for LLM trouble: it
 * returns a typed failure and callers fall back to their local result.
 *
 * Works with any OpenAI-compatible chat endpoint (OpenAI, Azure OpenAI,
 * Ollama, vLLM, llama.cpp server, LocalAI...) via OPENAI_BASE_URL.
 */

export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

export type LlmFailureKind =
  | "timeout"
  | "rate_limited"
  | "server_error"
  | "network"
  | "bad_response"
  | "http"
  | "aborted"
  | "malformed_json"
  | "invalid_output";

/** Why a call produced no usable value. Returned, not thrown. */
export class LlmError extends Error {
  constructor(
    readonly kind: LlmFailureKind,
    message: string,
    readonly attempts: number,
    readonly status?: number,
  ) {
    super(message);
    this.name = "LlmError";
  }
}

export type LlmResult<T> =
  | {
      ok: true;
      value: T;
      model: string;
      promptTokens: number;
      completionTokens: number;
      /** HTTP calls made, retries and the repair round included. */
      attempts: number;
      /** True when the first reply was unusable and the repair round fixed it. */
      repaired: boolean;
    }
  | { ok: false; error: LlmError };

export interface JsonRequest<T> {
  /** What the call is for ("classify", "draft-reply"...): grouped in llm_usage and eval reports. */
  purpose: string;
  promptId?: string | null;
  messages: ChatMessage[];
  schema: z.ZodType<T>;
  temperature?: number;
  maxTokens?: number;
  /** Ask for response_format json_object (default true; turn off for servers that reject it). */
  jsonMode?: boolean;
  signal?: AbortSignal;
}

export interface LlmClient {
  readonly model: string;
  completeJson<T>(req: JsonRequest<T>): Promise<LlmResult<T>>;
  /** Token and call counts since start (or the last reset), for eval reports. */
  usage(): UsageSnapshot;
  resetUsage(): void;
  /** Wait until every usage record has been written. */
  flush(): Promise<void>;
}

export interface LlmClientOptions {
  /** Where usage records go; defaults to llm_usage through ctx.db when there is one. */
  sink?: LlmUsageSink;
  /** First retry delay; doubles per attempt (jittered). */
  backoffMs?: number;
  maxBackoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface LlmContext {
  env: Env;
  db?: Db;
  log?: Logger;
}

/** An LLM is configured when a model is named and there is somewhere to send it (a base URL or an OpenAI key). */
export function isLlmConfigured(env: Env): boolean {
  return Boolean(env.OPENAI_MODEL && (env.OPENAI_BASE_URL || env.OPENAI_API_KEY));
}

/** The client, or null when no LLM is configured (Relance then runs on local models only). */
export function createLlmClient(ctx: LlmContext, opts: LlmClientOptions = {}): LlmClient | null {
  if (!isLlmConfigured(ctx.env)) return null;
  const env = ctx.env;
  const model = env.OPENAI_MODEL!;
  const sdk = new OpenAI({
    baseURL: env.OPENAI_BASE_URL,
    // Local servers need no key; the SDK wants a non-empty one.
    apiKey: env.OPENAI_API_KEY || "not-needed",
    timeout: env.LLM_TIMEOUT_MS,
    // Retries are ours (below), so that every attempt is accounted for.
    maxRetries: 0,
  });
  const sink = opts.sink ?? (ctx.db ? dbUsageSink(ctx.db, ctx.log) : undefined);
  const counter = new UsageCounter();
  const pending = new Set<Promise<unknown>>();
  const backoffMs = opts.backoffMs ?? 500;
  const maxBackoffMs = opts.maxBackoffMs ?? 20_000;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));

  function record(r: LlmUsageRecord) {
    counter.add(r);
    if (!sink) return;
    const p = Promise.resolve()
      .then(() => sink(r))
      .catch((err) => ctx.log?.warn("llm usage sink failed", { error: String(err) }));
    pending.add(p);
    void p.finally(() => pending.delete(p));
  }

  type ChatOutcome = { ok: true; content: string; promptTokens: number; completionTokens: number } | { ok: false; error: LlmError };

  /** One chat completion, retried on 429 / 5xx / timeouts / connection errors. */
  async function chat(messages: ChatMessage[], req: JsonRequest<unknown>, attemptsSoFar: number): Promise<ChatOutcome & { attempts: number }> {
    let attempts = attemptsSoFar;
    for (let retry = 0; ; retry++) {
      attempts++;
      const started = performance.now();
      try {
        const res = await sdk.chat.completions.create(
          {
            model,
            messages,
            temperature: req.temperature ?? 0,
            ...(req.maxTokens ? { max_tokens: req.maxTokens } : {}),
            ...(req.jsonMode !== false ? { response_format: { type: "json_object" as const } } : {}),
          },
          { signal: req.signal },
        );
        const promptTokens = res.usage?.prompt_tokens ?? 0;
        const completionTokens = res.usage?.completion_tokens ?? 0;
        record(usageRecord(req, model, started, true, null, promptTokens, completionTokens));
        return { ok: true, content: res.choices?.[0]?.message?.content ?? "", promptTokens, completionTokens, attempts };
      } catch (err) {
        const failure = classifyError(err, attempts);
        record(usageRecord(req, model, started, false, `${failure.kind}: ${failure.message}`.slice(0, 500), 0, 0));
        if (!isRetryable(failure.kind) || retry >= env.LLM_MAX_RETRIES || req.signal?.aborted) {
          return { ok: false, error: failure, attempts };
        }
        const exp = Math.min(maxBackoffMs, backoffMs * 2 ** retry);
        const delay = Math.max(retryAfterMs(err) ?? 0, exp * (0.8 + Math.random() * 0.4));
        await sleep(Math.min(delay, maxBackoffMs));
      }
    }
  }

  async function completeJson<T>(req: JsonRequest<T>): Promise<LlmResult<T>> {
    let messages = req.messages;
    let attempts = 0;
    let promptTokens = 0;
    let completionTokens = 0;
    let problem: LlmError | null = null;
    for (let round = 0; round < 2; round++) {
      const out = await chat(messages, req as JsonRequest<unknown>, attempts);
      attempts = out.attempts;
      if (!out.ok) return { ok: false, error: out.error };
      promptTokens += out.promptTokens;
      completionTokens += out.completionTokens;
      const parsed = parseJsonReply(out.content);
      if (parsed.ok) {
        const checked = req.schema.safeParse(parsed.value);
        if (checked.success) {
          return { ok: true, value: checked.data, model, promptTokens, completionTokens, attempts, repaired: round > 0 };
        }
        problem = new LlmError("invalid_output", `reply did not match the expected schema: ${z.prettifyError(checked.error).slice(0, 800)}`, attempts);
      } else {
        problem = new LlmError("malformed_json", `reply was not valid JSON: ${parsed.error}`, attempts);
      }
      // One repair round: show the model its reply and what is wrong with it.
      messages = [
        ...req.messages,
        { role: "assistant", content: out.content.slice(0, 4_000) },
        {
          role: "user",
          content: `Your previous ${problem.message}. Answer again with only the corrected JSON object: no prose, no code fences.`,
        },
      ];
    }
    ctx.log?.warn("llm output unusable after repair", { purpose: req.purpose, kind: problem!.kind });
    return { ok: false, error: new LlmError(problem!.kind, problem!.message, attempts) };
  }

  return {
    model,
    completeJson,
    usage: () => counter.snapshot(),
    resetUsage: () => counter.reset(),
    flush: async () => {
      while (pending.size) await Promise.all([...pending]);
    },
  };
}

function usageRecord(
  req: JsonRequest<unknown>,
  model: string,
  started: number,
  ok: boolean,
  error: string | null,
  promptTokens: number,
  completionTokens: number,
): LlmUsageRecord {
  return {
    purpose: req.purpose,
    promptId: req.promptId ?? null,
    model,
    promptTokens,
    completionTokens,
    durationMs: Math.round(performance.now() - started),
    ok,
    error,
  };
}

function classifyError(err: unknown, attempts: number): LlmError {
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof OpenAI.APIUserAbortError) return new LlmError("aborted", message, attempts);
  if (err instanceof OpenAI.APIConnectionTimeoutError) return new LlmError("timeout", message, attempts);
  if (err instanceof OpenAI.APIConnectionError) return new LlmError("network", message, attempts);
  if (err instanceof OpenAI.APIError && err.status !== undefined) {
    const s = err.status;
    if (s === 429) return new LlmError("rate_limited", message, attempts, s);
    if (s >= 500 || s === 408 || s === 409) return new LlmError("server_error", message, attempts, s);
    return new LlmError("http", message, attempts, s);
  }
  // A 200 whose body is not JSON (proxies, half-written responses).
  return new LlmError("bad_response", message, attempts);
}

function isRetryable(kind: LlmFailureKind): boolean {
  return kind === "timeout" || kind === "rate_limited" || kind === "server_error" || kind === "network" || kind === "bad_response";
}

/** Retry-After (seconds or HTTP date) or retry-after-ms, when the server sent one. */
function retryAfterMs(err: unknown): number | undefined {
  if (!(err instanceof OpenAI.APIError) || !err.headers) return undefined;
  const ms = Number(err.headers.get("retry-after-ms"));
  if (Number.isFinite(ms) && ms > 0) return ms;
  const raw = err.headers.get("retry-after");
  if (!raw) return undefined;
  const secs = Number(raw);
  if (Number.isFinite(secs)) return secs * 1000;
  const at = Date.parse(raw);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}
