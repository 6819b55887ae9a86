import path from "node:path";
import { trainIntentModel, type IntentModel } from "../../../../classifiers/model/intent-model.ts";
import { createEmbedder, type Embedder } from "../../../../classifiers/embedders/embedder.ts";
import { mailTexts } from "../../../../classifiers/model-text.ts";
import { intentSchema, type Intent } from "../../../../classifiers/intents.ts";
import { eq } from "drizzle-orm";
import { classifications } from "../../db/schema/classifications.ts";
import { createLlmClient, type LlmClient } from "../../lib/llm/client.ts";
import type { AppContext } from "../../context.ts";
import { LedgerCache, loadLedgerView } from "./ledger-view.ts";
import { examplesFromCorrections, examplesFromSet, SHIPPED_TRAINING_DIRS } from "./training-data.ts";
import { loadMailInput } from "./load-mail.ts";

export interface EngineOptions {
  /** Labelled set folders to learn from; defaults to the shipped training sets. */
  trainingDirs?: string[];
  /** Also learn from clerk corrections stored in the database (default true). */
  includeCorrections?: boolean;
  embedder?: Embedder;
  llm?: LlmClient | null;
}

/**
 * Everything classification needs in one process: the local model (trained
 * at start from the seed split plus stored corrections), the embedder, the
 * optional LLM and a cached view of the ledger. Corrections made while it
 * runs are learnt at once (ctx.events "correction.created").
 */
export class ClassificationEngine {
  readonly ledger: LedgerCache;
  private pending = new Set<Promise<void>>();
  private readonly onCorrection = (e: { messageId: number; intent?: Intent }) => {
    const p = this.learnFromMessage(e.messageId, e.intent)
      .catch((err) => this.ctx.log.error("learning from a correction failed", { err: String(err) }))
      .finally(() => this.pending.delete(p));
    this.pending.add(p);
  };

  private constructor(
    readonly ctx: AppContext,
    readonly model: IntentModel,
    readonly embedder: Embedder,
    readonly llm: LlmClient | null,
    /** `sets`: the labelled set folders learnt from, by name. */
    readonly trainingStats: { sets: string[]; examples: number; corrections: number; ms: number },
  ) {
    this.ledger = new LedgerCache(ctx);
    ctx.events.on("correction.created", this.onCorrection);
  }

  static async create({ ctx, options = {} }: { ctx: AppContext; options?: EngineOptions }): Promise<ClassificationEngine> {
    const started = performance.now();
    const dirs = options.trainingDirs ?? SHIPPED_TRAINING_DIRS;
    const seed = (await Promise.all(dirs.map((d) => examplesFromSet(d)))).flat();
    const fromClerks = options.includeCorrections === false ? [] : await examplesFromCorrections({ ctx, ledger: await loadLedgerView({ ctx }) });
    const model = trainIntentModel([...seed, ...fromClerks]);
    const embedder = options.embedder ?? createEmbedder(ctx.env);
    const llm = options.llm !== undefined ? options.llm : createLlmClient({ env: ctx.env, db: ctx.db, log: ctx.log });
    const stats = { sets: dirs.map((d) => path.basename(d)), examples: seed.length, corrections: fromClerks.length, ms: Math.round(performance.now() - started) };
    ctx.log.info("classifier trained", { ...stats, version: model.version, embedder: embedder.id, llm: llm?.model ?? null });
    return new ClassificationEngine(ctx, model, embedder, llm, stats);
  }

  get version(): string {
    return this.model.version;
  }

  /**
   * A clerk said what a message really is: the model takes it into account
   * now. Without an explicit intent, the corrected classification row says it.
   */
  async learnFromMessage(messageId: number, intent?: Intent): Promise<void> {
    if (!intent) {
      const [row] = await this.ctx.db
        .select({ intent: classifications.intent })
        .from(classifications)
        .where(eq(classifications.messageId, messageId));
      const parsed = intentSchema.safeParse(row?.intent);
      if (!parsed.success) return;
      intent = parsed.data;
    }
    const loaded = await loadMailInput(this.ctx.db, messageId);
    if (loaded) this.model.learn({ text: mailTexts(loaded.mail, await this.ledger.get()).model, intent });
  }

  /** Resolves once every correction received so far has been learnt. */
  async settled(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }

  close(): void {
    this.ctx.events.off("correction.created", this.onCorrection);
  }
}
