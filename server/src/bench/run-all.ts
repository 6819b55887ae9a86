import type { Env } from "../env.ts";
import { runIngestBench } from "./ingest-bench.ts";
import { runClassifyBench } from "./classify-bench.ts";
import { runInboxBench, printBench } from "./inbox-bench.ts";

/**
 * `npm run bench`: every benchmark, printed as tables of medians and
 * percentiles for this machine. `--quick` shrinks the workloads (for a smoke
 * run), the figures in README come from the full run.
 */
export async function runBenchmarks(env: Env, opts: { quick: boolean }): Promise<void> {
  console.log(`Relance benchmarks — node ${process.version}, ${(await import("node:os")).cpus().length} cores\n`);

  console.log("== Ingestion (store + parse + dedupe + job enqueue) ==");
  await runIngestBench({ messages: opts.quick ? 500 : 5000, runs: 3 });

  console.log("\n== Classification + extraction + routing (default embedder, no LLM) ==");
  const c = await runClassifyBench(env, { rounds: opts.quick ? 1 : 3, actionsEmails: opts.quick ? 300 : undefined });
  const line = (t: { emailsPerSecond: number; msPerEmail: { p50: number; p95: number } }) =>
    `${t.emailsPerSecond} emails/s   p50 ${t.msPerEmail.p50} ms   p95 ${t.msPerEmail.p95} ms`;
  console.log(`decision only (rules, model, extraction, routing):  ${line(c.analysis)}`);
  console.log(`process-message job (queue, load, embed, pgvector neighbours, decide, store; batches of ${c.job.batchSize}):  ${line(c.job)}   over ${c.job.emails} emails`);
  if (c.firstRound.emails < c.job.emails) console.log(`  first round only (every mail new):  ${line(c.firstRound)}   over ${c.firstRound.emails} emails`);
  if (c.withActions) console.log(`process-message job + prepareActions (cases, drafts) as the server runs it:  ${line(c.withActions)}   over ${c.withActions.emails} emails`);
  console.log(`(job figures per email: a batch's time divided by its size)`);
  console.log(`classifier training at start: ${c.trainingMs} ms`);

  console.log("\n== Inbox API (list and search) ==");
  printBench(await runInboxBench({ messages: opts.quick ? 10_000 : 100_000, print: false }));
}
