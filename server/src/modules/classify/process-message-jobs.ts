import type { BatchJobHandler, JobRow } from "../../jobs/worker.ts";
import type { ClassificationEngine } from "./engine.ts";
import { processMessages, type ProcessResult } from "./process-message.ts";

/**
 * Mails handed over per batch. Past ~30 the per-statement savings are spent
 * and a batch only grows the work a crash would redo; it also bounds the
 * latency of the first mail of a batch.
 */
export const PROCESS_MESSAGE_BATCH = 32;
/**
 * With an LLM configured a mail can wait on the network for minutes (timeouts
 * times retries, for the classification and again for the draft): a batch of
 * such mails could outlive the worker's lease and be run twice, and batching
 * saves nothing next to that wait. One mail per job, as before batching.
 */
export const PROCESS_MESSAGE_BATCH_WITH_LLM = 1;

export interface ProcessMessageJobOptions {
  batchSize?: number;
  /** What follows a fresh decision (server.ts: prepareActions); not run when a clerk's correction was kept. */
  afterClassified?: (result: ProcessResult) => Promise<unknown>;
}

/**
 * The "process-message" queue as a batch handler: the claimed jobs' mails are
 * classified together (processMessages), then each one's follow-up runs on
 * its own. A job fails alone: a bad payload, its mail's own error or its
 * follow-up's error leave the other jobs of the batch done.
 */
export function processMessageJobs(engine: ClassificationEngine, opts: ProcessMessageJobOptions = {}): BatchJobHandler {
  return {
    batchSize: opts.batchSize ?? (engine.llm ? PROCESS_MESSAGE_BATCH_WITH_LLM : PROCESS_MESSAGE_BATCH),
    async runBatch(jobs: JobRow[]): Promise<Map<number, unknown>> {
      const failures = new Map<number, unknown>();
      // Two jobs may name the same mail (a re-enqueue): it is classified once for both.
      const byMessage = new Map<number, JobRow[]>();
      for (const job of jobs) {
        const id = Number(job.payload.messageId);
        if (!Number.isSafeInteger(id)) {
          failures.set(job.id, new Error(`process-message: messageId ${JSON.stringify(job.payload.messageId)} is not an id`));
          continue;
        }
        byMessage.set(id, [...(byMessage.get(id) ?? []), job]);
      }
      const outcomes = await processMessages({ engine, input: { messageIds: [...byMessage.keys()] } });
      for (const [messageId, forMail] of byMessage) {
        const outcome = outcomes.get(messageId);
        let failed: { error: unknown } | null = null;
        if (!outcome) failed = { error: new Error(`process-message: no outcome for message ${messageId}`) };
        else if (!outcome.ok) failed = { error: outcome.error };
        else if (outcome.result && !outcome.result.keptCorrection && opts.afterClassified) {
          try {
            await opts.afterClassified(outcome.result);
          } catch (error) {
            failed = { error };
          }
        }
        if (failed) for (const job of forMail) failures.set(job.id, failed.error);
      }
      return failures;
    },
  };
}
