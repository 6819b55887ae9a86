import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "../db/client.ts";
import { createContext } from "../context.ts";
import type { Env } from "../env.ts";
import { createLogger } from "../lib/logger.ts";
import { mailboxes } from "../db/schema/mailboxes.ts";
import { importLedgerFile } from "../modules/ledger/service.ts";
import { storeMessages } from "../modules/ingest/store-message.ts";
import { ClassificationEngine } from "../modules/classify/engine.ts";
import { processMessage } from "../modules/classify/process-message.ts";
import { readLabelledSet } from "../modules/eval/labels.ts";
import { percentile } from "../modules/eval/metrics.ts";
import { loadMailInputs } from "../modules/classify/load-mail.ts";
import { analyseMail } from "../../../classifiers/analyse.ts";
import { isFreeMailDomain } from "../lib/free-mail-domains.ts";

const SETS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../eval/sets");

export interface ClassifyBenchResult {
  /** analyseMail alone: rules, model, extraction, routing (CPU, no database). */
  analysis: { emailsPerSecond: number; msPerEmail: { p50: number; p95: number } };
  emails: number;
  emailsPerSecond: number;
  msPerEmail: { p50: number; p95: number };
  trainingMs: number;
}

/**
 * Classification + extraction + routing throughput through the real job
 * handler (processMessage: load, embed, nearest neighbours in pgvector,
 * analyse, store), on the shipped seed mail, with the default embedder and
 * no LLM. Storage is done beforehand and not counted; `analysis` times the
 * decision alone (no database round trips).
 */
export async function runClassifyBench(env: Env, opts: { rounds?: number } = {}): Promise<ClassifyBenchResult> {
  const database = await openDatabase({ dataDir: "memory://" });
  const ctx = createContext({ ...env, LOG_LEVEL: "silent" }, database, createLogger("silent"));
  const t0 = performance.now();
  const engine = await ClassificationEngine.create({ ctx, options: { includeCorrections: false, llm: null } });
  const trainingMs = performance.now() - t0;
  try {
    const test = await readLabelledSet(path.join(SETS, "seed-test"));
    const train = await readLabelledSet(path.join(SETS, "seed-train"));
    await importLedgerFile({ ctx, input: { path: test.ledgerPath } });
    const [mb] = await ctx.db.insert(mailboxes).values({ name: "bench", kind: "import" }).returning();
    const raws = await Promise.all([...test.emails, ...train.emails].map((e) => readFile(e.path)));
    const stored = await storeMessages({ ctx, input: raws.map((raw) => ({ raw, mailboxId: mb.id })) });
    const ids = stored.map((s) => s.messageId);
    const times: number[] = [];
    const started = performance.now();
    for (let round = 0; round < (opts.rounds ?? 2); round++) {
      for (const id of ids) {
        const s = performance.now();
        await processMessage({ engine, input: { messageId: id } });
        times.push(performance.now() - s);
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const analysis = await benchAnalysis(engine, ids);
    return {
      analysis,
      emails: times.length,
      emailsPerSecond: Math.round((times.length / seconds) * 10) / 10,
      msPerEmail: { p50: Math.round(percentile(times, 50) * 100) / 100, p95: Math.round(percentile(times, 95) * 100) / 100 },
      trainingMs: Math.round(trainingMs),
    };
  } finally {
    engine.close();
    await database.close();
  }
}

/** The decision itself, without loading and storing: what one core classifies and routes per second. */
async function benchAnalysis(engine: ClassificationEngine, ids: number[]) {
  const ledger = await engine.ledger.get();
  const mails = [...(await loadMailInputs(engine.ctx.db, ids)).values()].map((m) => m.mail);
  const times: number[] = [];
  const started = performance.now();
  for (const mail of mails) {
    const s = performance.now();
    analyseMail({ mail, model: engine.model, ledger, freeMailDomains: isFreeMailDomain });
    times.push(performance.now() - s);
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    emailsPerSecond: Math.round((mails.length / seconds) * 10) / 10,
    msPerEmail: { p50: Math.round(percentile(times, 50) * 100) / 100, p95: Math.round(percentile(times, 95) * 100) / 100 },
  };
}
