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
  const c = await runClassifyBench(env, { rounds: opts.quick ? 1 : 3 });
  console.log(`decision only (rules, model, extraction, routing):  ${c.analysis.emailsPerSecond} emails/s   p50 ${c.analysis.msPerEmail.p50} ms   p95 ${c.analysis.msPerEmail.p95} ms`);
  console.log(`process-message job (load, embed, pgvector neighbours, decide, store):  ${c.emailsPerSecond} emails/s   p50 ${c.msPerEmail.p50} ms   p95 ${c.msPerEmail.p95} ms   over ${c.emails} emails`);
  console.log(`classifier training at start: ${c.trainingMs} ms`);

  console.log("\n== Inbox API (list and search) ==");
  printBench(await runInboxBench({ messages: opts.quick ? 10_000 : 100_000, print: false }));
}
