import { readFile } from "node:fs/promises";
import path from "node:path";
import { eq } from "drizzle-orm";
import { openDatabase } from "../../db/client.ts";
import { createContext, type AppContext } from "../../context.ts";
import type { Env } from "../../env.ts";
import { createLogger } from "../../lib/logger.ts";
import { classifications } from "../../db/schema/classifications.ts";
import { debtors } from "../../db/schema/debtors.ts";
import { mailboxes } from "../../db/schema/mailboxes.ts";
import { evalRuns } from "../../db/schema/eval-runs.ts";
import { importLedgerFile } from "../ledger/service.ts";
import { storeMessage } from "../ingest/store-message.ts";
import { headerEnd, headerFields } from "../ingest/content-hash.ts";
import { ClassificationEngine, type EngineOptions } from "../classify/engine.ts";
import { processMessage } from "../classify/process-message.ts";
import { correctMessage } from "../inbox/corrections.ts";
import { SEED_TRAIN_DIR, SHIPPED_TRAINING_DIRS } from "../classify/training-data.ts";
import { readLabelledSet, type Label } from "./labels.ts";
import type { Prediction, Scored } from "./metrics.ts";
import { buildReport, type EvalReport } from "./report.ts";

export interface EvalOptions {
  feedback?: boolean;
  /** Passed to the engine (tests inject an LLM client or another embedder). */
  engine?: EngineOptions;
  onProgress?: (done: number, total: number) => void;
}

/** Date: header of a raw message, for the feedback stream order. */
function dateOf(raw: Buffer): number {
  const { end } = headerEnd(raw);
  const d = headerFields(raw.subarray(0, end).toString("latin1")).find((f) => f.name === "date");
  const t = d ? Date.parse(d.value.replace(/\s*\([^)]*\)\s*$/, "")) : NaN;
  return Number.isNaN(t) ? 0 : t;
}

/**
 * Score the whole chain on a labelled set: a fresh in-memory database, the
 * set's ledger, and every email pushed through storage and the
 * process-message job exactly as mailbox ingestion does. The classifier is the
 * shipped one (SHIPPED_TRAINING_DIRS, without the scored set); it never learns from the set it scores,
 * except in --feedback mode where the true labels are fed back as a clerk's
 * corrections, one email at a time in Date: order.
 */
export async function runEval(env: Env, setDir: string, opts: EvalOptions = {}): Promise<EvalReport> {
  const set = await readLabelledSet(setDir);
  const engineOptions = { ...opts.engine };
  const scored = path.resolve(setDir);
  if (scored === SEED_TRAIN_DIR && !engineOptions.trainingDirs) {
    process.stderr.write("warning: scoring the training split itself; figures say nothing about new mail\n");
  } else if (SHIPPED_TRAINING_DIRS.includes(scored) && !engineOptions.trainingDirs) {
    // A hand-written training set is scored by the model trained without it: the eval never
    // learns from the set it scores.
    engineOptions.trainingDirs = SHIPPED_TRAINING_DIRS.filter((d) => d !== scored);
    process.stderr.write(`note: ${path.basename(scored)} is shipped training data; this eval trains without it\n`);
  }
  const database = await openDatabase({ dataDir: "memory://" });
  const ctx: AppContext = createContext({ ...env, LOG_LEVEL: "silent" }, database, createLogger("silent"));
  const engine = await ClassificationEngine.create({ ctx, options: { includeCorrections: false, ...engineOptions } });
  try {
    await importLedgerFile({ ctx, input: { path: set.ledgerPath } });
    engine.ledger.invalidate();
    const [mailbox] = await ctx.db.insert(mailboxes).values({ name: `eval:${set.name}`, kind: "import" }).returning();
    const numbers = new Map((await ctx.db.select({ id: debtors.id, number: debtors.number }).from(debtors)).map((d) => [d.id, d.number]));

    const emails = await Promise.all(set.emails.map(async (e) => ({ ...e, raw: await readFile(e.path) })));
    if (opts.feedback) emails.sort((a, b) => dateOf(a.raw) - dateOf(b.raw) || a.file.localeCompare(b.file));

    engine.llm?.resetUsage();
    const items: Scored[] = [];
    for (const [i, e] of emails.entries()) {
      const t0 = performance.now();
      const stored = await storeMessage({ ctx, input: { raw: e.raw, mailboxId: mailbox.id } });
      await processMessage({ engine, input: { messageId: stored.messageId } });
      const ms = performance.now() - t0;
      const [c] = await ctx.db.select().from(classifications).where(eq(classifications.messageId, stored.messageId));
      const pred: Prediction = {
        file: e.file,
        intent: c?.intent ?? "other",
        debtor: c?.debtorId ? (numbers.get(c.debtorId) ?? null) : null,
        language: c?.language ?? null,
        invoices: c?.invoices ?? [],
        fields: (c?.fields ?? {}) as Record<string, unknown>,
        ms,
      };
      items.push({ label: e.label, pred });
      if (opts.feedback) await feedBack(ctx, engine, stored.messageId, e.label);
      opts.onProgress?.(i + 1, emails.length);
    }
    const usage = engine.llm?.usage();
    return buildReport({
      set: set.name,
      items,
      llmCalls: usage?.calls ?? 0,
      tokens: (usage?.promptTokens ?? 0) + (usage?.completionTokens ?? 0),
      config: {
        embedder: engine.embedder.id,
        llm: engine.llm?.model ?? null,
        classifier: engine.version,
        trainingSets: engine.trainingStats.sets,
      },
      feedback: !!opts.feedback,
    });
  } finally {
    engine.close();
    await database.close();
  }
}

/** A clerk's correction with the true labels, learnt before the next email. */
async function feedBack(ctx: AppContext, engine: ClassificationEngine, messageId: number, label: Label) {
  await correctMessage({
    ctx,
    input: {
      messageId,
      correction: { intent: label.intent, debtor: label.debtor, invoices: label.invoices, fields: label.fields, language: label.language },
      by: { id: 0, email: "eval-feedback" },
    },
  });
  await engine.settled();
}

/** Keep a report where the manager dashboard reads eval runs. */
export async function storeEvalRun({ ctx, input }: { ctx: AppContext; input: { report: EvalReport; feedback: boolean } }) {
  const [row] = await ctx.db
    .insert(evalRuns)
    .values({ setName: String(input.report.set), emails: Number(input.report.emails), feedback: input.feedback ? "feedback" : null, report: input.report })
    .returning({ id: evalRuns.id });
  return row.id;
}
