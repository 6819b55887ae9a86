import { llmUsage } from "../../db/schema/llm-usage.ts";
import type { Db } from "../../db/client.ts";
import type { Logger } from "../logger.ts";

/** One LLM HTTP call (an attempt), successful or not: a row of llm_usage. */
export interface LlmUsageRecord {
  purpose: string;
  promptId: string | null;
  model: string;
  promptTokens: number;
  completionTokens: number;
  durationMs: number;
  ok: boolean;
  error: string | null;
}

export type LlmUsageSink = (record: LlmUsageRecord) => void | Promise<void>;

export interface UsageTotals {
  calls: number;
  failedCalls: number;
  promptTokens: number;
  completionTokens: number;
  durationMs: number;
}

export interface UsageSnapshot extends UsageTotals {
  byPurpose: Record<string, UsageTotals>;
}

const zero = (): UsageTotals => ({ calls: 0, failedCalls: 0, promptTokens: 0, completionTokens: 0, durationMs: 0 });

/** In-memory counters, for eval reports and the bench (no database needed). */
export class UsageCounter {
  private totals = zero();
  private byPurpose = new Map<string, UsageTotals>();

  add(r: LlmUsageRecord): void {
    for (const t of [this.totals, this.byPurposeOf(r.purpose)]) {
      t.calls++;
      if (!r.ok) t.failedCalls++;
      t.promptTokens += r.promptTokens;
      t.completionTokens += r.completionTokens;
      t.durationMs += r.durationMs;
    }
  }

  snapshot(): UsageSnapshot {
    return {
      ...this.totals,
      byPurpose: Object.fromEntries([...this.byPurpose].map(([k, v]) => [k, { ...v }])),
    };
  }

  reset(): void {
    this.totals = zero();
    this.byPurpose.clear();
  }

  private byPurposeOf(purpose: string): UsageTotals {
    let t = this.byPurpose.get(purpose);
    if (!t) this.byPurpose.set(purpose, (t = zero()));
    return t;
  }
}

/** A sink writing each record to llm_usage. Failures are logged, never thrown: accounting must not break classification. */
export function dbUsageSink(db: Db, log?: Logger): LlmUsageSink {
  return async (r) => {
    try {
      await db.insert(llmUsage).values({ ...r, durationMs: Math.round(r.durationMs) });
    } catch (err) {
      log?.warn("llm usage not recorded", { error: err instanceof Error ? err.message : String(err) });
    }
  };
}
