import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "../db/client.ts";
import { createContext, type AppContext } from "../context.ts";
import type { Env } from "../env.ts";
import { createLogger } from "../lib/logger.ts";
import { mailboxes } from "../db/schema/mailboxes.ts";
import { importLedgerFile } from "../modules/ledger/service.ts";
import { PROCESS_MESSAGE_QUEUE, storeMessages } from "../modules/ingest/store-message.ts";
import { ClassificationEngine } from "../modules/classify/engine.ts";
import { processMessageJobs } from "../modules/classify/process-message-jobs.ts";
import { readLabelledSet } from "../modules/eval/labels.ts";
import { percentile } from "../modules/eval/metrics.ts";
import { loadMailInputs } from "../modules/classify/load-mail.ts";
import { enqueue } from "../jobs/enqueue.ts";
import { JobWorker, type BatchJobHandler } from "../jobs/worker.ts";
import { jobHandlers } from "../server.ts";
import { analyseMail } from "../../../classifiers/analyse.ts";
import { isFreeMailDomain } from "../lib/free-mail-domains.ts";

const SETS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../eval/sets");

export interface Throughput {
  emails: number;
  emailsPerSecond: number;
  /** Per email: the time of its batch divided by the batch's size. */
  msPerEmail: { p50: number; p95: number };
}

export interface ClassifyBenchResult {
  /** analyseMail alone: rules, model, extraction, routing (CPU, no database). */
  analysis: { emailsPerSecond: number; msPerEmail: { p50: number; p95: number } };
  /** The process-message job through the queue (claim, load, embed, neighbours, decide, store, done), every round. */
  job: Throughput & { batchSize: number };
  /** Its first round alone: every mail new (vectors enter the HNSW index, messages are marked classified). */
  firstRound: Throughput;
  /** One more round with what server.ts runs after each decision (prepareActions: cases and drafts). */
  withActions: Throughput | null;
  trainingMs: number;
}

/**
 * Classification + extraction + routing throughput through the real job
 * queue and handler (processMessageJobs: load, embed, nearest neighbours in
 * pgvector, analyse, store, in batches), on the shipped seed mail, with the
 * default embedder and no LLM. Storage is done beforehand and not counted;
 * `analysis` times the decision alone (no database round trips). The worker
 * runs one batch at a time: PGlite executes in this thread, so more
 * concurrency adds no throughput here, only noise to the per-batch times.
 */
export async function runClassifyBench(env: Env, opts: { rounds?: number; actionsEmails?: number } = {}): Promise<ClassifyBenchResult> {
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
    // Storing enqueued one process-message job per mail: the first round runs those.
    const stored = await storeMessages({ ctx, input: raws.map((raw) => ({ raw, mailboxId: mb.id })) });
    const ids = stored.map((s) => s.messageId);

    const handler = processMessageJobs(engine);
    const rounds: Array<{ seconds: number; perEmail: number[] }> = [];
    for (let round = 0; round < (opts.rounds ?? 2); round++) {
      if (round > 0) await enqueueAll(ctx, ids);
      rounds.push(await drainTimed(ctx, handler));
    }
    const analysis = await benchAnalysis(engine, ids);
    const actionIds = ids.slice(0, opts.actionsEmails ?? ids.length);
    let withActions: Throughput | null = null;
    if (actionIds.length) {
      await enqueueAll(ctx, actionIds);
      withActions = throughput([await drainTimed(ctx, jobHandlers(ctx, engine)[PROCESS_MESSAGE_QUEUE] as BatchJobHandler)]);
    }
    return {
      analysis,
      job: { ...throughput(rounds), batchSize: handler.batchSize },
      firstRound: throughput(rounds.slice(0, 1)),
      withActions,
      trainingMs: Math.round(trainingMs),
    };
  } finally {
    engine.close();
    await database.close();
  }
}

async function enqueueAll(ctx: AppContext, ids: number[]) {
  await enqueue(ctx.db, ids.map((messageId) => ({ queue: PROCESS_MESSAGE_QUEUE, payload: { messageId } })));
}

/** Drain the process-message queue with one worker, timing each batch. */
async function drainTimed(ctx: AppContext, handler: BatchJobHandler) {
  const perEmail: number[] = [];
  const failed: unknown[] = [];
  const timed: BatchJobHandler = {
    batchSize: handler.batchSize,
    async runBatch(jobs) {
      const s = performance.now();
      const failures = await handler.runBatch(jobs);
      const ms = (performance.now() - s) / jobs.length;
      for (let i = 0; i < jobs.length; i++) perEmail.push(ms);
      failed.push(...failures.values());
      return failures;
    },
  };
  const worker = new JobWorker(ctx, { [PROCESS_MESSAGE_QUEUE]: timed }, { concurrency: 1 });
  const started = performance.now();
  await worker.drain();
  const seconds = (performance.now() - started) / 1000;
  // A failing mail would be timed as cheap: the figures only stand if every job succeeded.
  if (failed.length) throw new Error(`bench: ${failed.length} process-message jobs failed, first: ${String(failed[0])}`);
  return { seconds, perEmail };
}

function throughput(rounds: Array<{ seconds: number; perEmail: number[] }>): Throughput {
  const times = rounds.flatMap((r) => r.perEmail);
  const seconds = rounds.reduce((s, r) => s + r.seconds, 0);
  return {
    emails: times.length,
    emailsPerSecond: Math.round((times.length / seconds) * 10) / 10,
    msPerEmail: { p50: Math.round(percentile(times, 50) * 100) / 100, p95: Math.round(percentile(times, 95) * 100) / 100 },
  };
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
