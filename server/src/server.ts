import { serve, type ServerType } from "@hono/node-server";
import { createApp } from "./app.ts";
import { openDatabase } from "./db/client.ts";
import { createContext, type AppContext } from "./context.ts";
import type { Env } from "./env.ts";
import { JobWorker, type QueueHandlers } from "./jobs/worker.ts";
import { ClassificationEngine, type EngineOptions } from "./modules/classify/engine.ts";
import { processMessageJobs } from "./modules/classify/process-message-jobs.ts";
import { PROCESS_MESSAGE_QUEUE } from "./modules/ingest/store-message.ts";
import { MailboxSyncManager } from "./modules/ingest/sync-manager.ts";
import { sealStoredPasswords } from "./modules/mailboxes/seal-passwords.ts";
import { ensureAdminFromEnv } from "./modules/users/first-run.ts";
import { prepareActions } from "./modules/drafts/prepare-actions.ts";
import { caseJobHandlers, ensureDailyCaseCheck, registerCaseListeners } from "./modules/promises/jobs.ts";
import { outboundJobHandlers } from "./modules/outbound/send-draft.ts";
import { draftJobHandlers } from "./modules/drafts/jobs.ts";

export interface Runtime {
  ctx: AppContext;
  engine: ClassificationEngine;
  worker: JobWorker | null;
  sync: MailboxSyncManager | null;
  close(): Promise<void>;
}

/**
 * Every durable job queue and what runs it. process-message classifies
 * stored mail (in batches), then prepares the drafts and cases a collector
 * will approve, mail by mail.
 */
export function jobHandlers(ctx: AppContext, engine: ClassificationEngine): QueueHandlers {
  return {
    [PROCESS_MESSAGE_QUEUE]: processMessageJobs(engine, {
      afterClassified: (result) => prepareActions({ ctx, input: { messageId: result.messageId } }),
    }),
    ...caseJobHandlers(ctx),
    ...outboundJobHandlers(ctx),
    ...draftJobHandlers(ctx),
  };
}

/** Open the database, train the classifier, start workers and IMAP sync (no HTTP). */
export async function startRuntime(env: Env, opts: { engine?: EngineOptions; worker?: boolean; sync?: boolean } = {}): Promise<Runtime> {
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
  const ctx = createContext(env, database);
  await ensureAdminFromEnv(ctx);
  await sealStoredPasswords({ ctx });
  const engine = await ClassificationEngine.create({ ctx, options: opts.engine });
  const runWorker = opts.worker ?? env.RELANCE_WORKER;
  const worker = runWorker ? new JobWorker(ctx, jobHandlers(ctx, engine)) : null;
  const stopPayments = registerCaseListeners(ctx);
  if (worker) {
    await ensureDailyCaseCheck(ctx);
    worker.start();
  }
  const sync = runWorker && opts.sync !== false ? new MailboxSyncManager(ctx) : null;
  await sync?.start();
  return {
    ctx,
    engine,
    worker,
    sync,
    async close() {
      await sync?.stop();
      await worker?.stop();
      stopPayments();
      engine.close();
      await database.close();
    },
  };
}

/** The HTTP server over a runtime. */
export function listen(runtime: Runtime, port: number, host: string): Promise<ServerType> {
  const app = createApp(runtime.ctx);
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, () => resolve(server));
  });
}
