import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { openDatabase } from "../db/client.ts";
import { createContext, type AppContext } from "../context.ts";
import { loadEnv } from "../env.ts";
import { createLogger } from "../lib/logger.ts";
import { importEmlFolder } from "../modules/ingest/import-eml.ts";
import { ImapMailboxSync } from "../modules/ingest/imap-sync.ts";
import { SYNC_STATUS_EVENT } from "../modules/ingest/sync-state.ts";
import { createMailbox } from "../modules/mailboxes/service.ts";
import { parseMessage } from "../modules/ingest/parse-message.ts";
import { generateMessage, writeEmlFolder } from "./generate-messages.ts";
// The throw-away Dovecot of the IMAP tests; the benchmark is a developer tool, not server code.
import { startDovecot, appendMessages, dovecotAvailable } from "../../../tests/helpers/dovecot.ts";

export interface BenchOptions {
  messages?: number;
  runs?: number;
  /** Skip the Dovecot part (e.g. dovecot not installed). */
  imap?: boolean;
  log?: (line: string) => void;
}

export interface SourceResult {
  source: string;
  /** messages/s of each run */
  runs: number[];
  median: number;
  /** Peak RSS of the process during the runs, MB. */
  peakRssMb: number;
  /** RSS when the last run started (database open, nothing imported), MB. */
  startRssMb: number;
  /** RSS growth over the second half of the last run, MB: ~0 means memory is flat. */
  secondHalfGrowthMb: number;
  /** Process CPU time per message (median run): what one free core sustains is 1000 / this. */
  cpuMsPerMessage: number;
}

export interface BenchResult {
  messages: number;
  folder: SourceResult;
  imap: SourceResult | { source: string; skipped: string };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (b: number) => Math.round(b / (1024 * 1024));

/** Samples RSS while a run goes on: peak, and the value at half time vs the end. */
function rssSampler() {
  const samples: Array<[number, number]> = [];
  const t0 = Date.now();
  const take = () => samples.push([Date.now() - t0, process.memoryUsage.rss()]);
  take();
  const timer = setInterval(take, 50);
  return () => {
    clearInterval(timer);
    take();
    const end = samples[samples.length - 1][0];
    const half = samples.find(([t]) => t >= end / 2)?.[1] ?? samples[0][1];
    return { start: samples[0][1], peak: Math.max(...samples.map(([, r]) => r)), secondHalfGrowth: samples[samples.length - 1][1] - half };
  };
}

/** A fresh embedded database in a temp data folder, as `npm start` uses by default. */
async function freshDb(): Promise<{ ctx: AppContext; cleanup: () => Promise<void> }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "relance-bench-db-"));
  const database = await openDatabase({ dataDir: dir });
  const ctx = createContext(loadEnv({ LOG_LEVEL: "silent", RELANCE_WORKER: "0" }), database, createLogger("silent"));
  return {
    ctx,
    cleanup: async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function benchFolder(folder: string, count: number, runs: number, log: (s: string) => void): Promise<SourceResult> {
  const rates: number[] = [];
  const cpu: number[] = [];
  let peak = 0;
  let growth = 0;
  let start = 0;
  for (let r = 1; r <= runs; r++) {
    const { ctx, cleanup } = await freshDb();
    const stop = rssSampler();
    const t = performance.now();
    const c0 = process.cpuUsage();
    const counts = await importEmlFolder({ ctx, input: { folder, mailboxName: "bench" } });
    const secs = (performance.now() - t) / 1000;
    const cu = process.cpuUsage(c0);
    cpu.push((cu.user + cu.system) / 1000 / count);
    const mem = stop();
    await cleanup();
    if (counts.stored !== count) throw new Error(`folder run ${r}: stored ${counts.stored} of ${count}`);
    rates.push(count / secs);
    peak = Math.max(peak, mem.peak);
    growth = mem.secondHalfGrowth;
    start = mem.start;
    log(`  folder run ${r}: ${count} messages in ${secs.toFixed(1)} s = ${(count / secs).toFixed(0)} msg/s`);
  }
  return { source: ".eml folder", runs: rates, median: median(rates), peakRssMb: mb(peak), startRssMb: mb(start), secondHalfGrowthMb: mb(growth), cpuMsPerMessage: median(cpu) };
}

async function benchImap(raws: Buffer[], runs: number, log: (s: string) => void): Promise<SourceResult> {
  const dovecot = await startDovecot({ users: [{ user: "bench", password: "bench-pw" }] });
  try {
    const t = performance.now();
    await appendMessages(dovecot, "Bench", raws);
    log(`  appended ${raws.length} messages to Dovecot in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const rates: number[] = [];
    const cpu: number[] = [];
    let peak = 0;
    let growth = 0;
    let start = 0;
    for (let r = 1; r <= runs; r++) {
      const { ctx, cleanup } = await freshDb();
      const box = await createMailbox({
        ctx,
        input: {
          name: "bench", address: "bench@relance.test", host: dovecot.host, port: dovecot.port, secure: false,
          user: "bench", password: "bench-pw", folder: "Bench", sentFolder: "Sent", enabled: true,
        },
      });
      const sync = new ImapMailboxSync(ctx, box.id, { batchSize: 500, idleDelayMs: 1000 });
      const done = new Promise<void>((resolve, reject) => {
        ctx.events.on(SYNC_STATUS_EVENT, (e: { mailboxId: number; status: string; error: string | null }) => {
          if (e.status === "idling") resolve();
          if (e.status === "error") reject(new Error(`IMAP sync failed: ${e.error}`));
        });
      });
      const stop = rssSampler();
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      sync.start();
      await done;
      const secs = (performance.now() - t0) / 1000;
      const cu = process.cpuUsage(c0);
      cpu.push((cu.user + cu.system) / 1000 / raws.length);
      const mem = stop();
      await sync.stop();
      await cleanup();
      rates.push(raws.length / secs);
      peak = Math.max(peak, mem.peak);
      growth = mem.secondHalfGrowth;
      start = mem.start;
      log(`  IMAP run ${r}: ${raws.length} messages in ${secs.toFixed(1)} s = ${(raws.length / secs).toFixed(0)} msg/s`);
    }
    return { source: "IMAP (Dovecot)", runs: rates, median: median(rates), peakRssMb: mb(peak), startRssMb: mb(start), secondHalfGrowthMb: mb(growth), cpuMsPerMessage: median(cpu) };
  } finally {
    await dovecot.stop();
  }
}

/**
 * Ingestion throughput on `messages` generated mixed messages (plain, HTML,
 * attachments, bounces, auto-replies): from a .eml folder and from Dovecot
 * over IMAP, median of `runs` runs, a fresh embedded database each run.
 */
export async function runIngestBench(opts: BenchOptions = {}): Promise<BenchResult> {
  const count = opts.messages ?? 5000;
  const runs = opts.runs ?? 3;
  const log = opts.log ?? ((s: string) => console.log(s));
  const dir = mkdtempSync(path.join(os.tmpdir(), "relance-bench-eml-"));
  try {
    log(`Generating ${count} messages in ${dir} ...`);
    writeEmlFolder(dir, count);
    // Warm up the parsers (pdf.js loads lazily) so run 1 measures ingestion, not module loading.
    for (let i = 0; i < 50; i++) await parseMessage(generateMessage(i, 1), Number.MAX_SAFE_INTEGER);
    const folder = await benchFolder(dir, count, runs, log);
    let imap: BenchResult["imap"];
    if (opts.imap === false) imap = { source: "IMAP (Dovecot)", skipped: "disabled" };
    else if (!dovecotAvailable()) imap = { source: "IMAP (Dovecot)", skipped: "dovecot not installed (apt-get install -y dovecot-imapd)" };
    else imap = await benchImap(Array.from({ length: count }, (_, i) => generateMessage(i)), runs, log);
    const result = { messages: count, folder, imap };
    log(formatBench(result, runs));
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatBench(r: BenchResult, runs: number): string {
  const head = ["source", ...Array.from({ length: runs }, (_, i) => `run ${i + 1}`), "median msg/s", "CPU ms/msg", "RSS at start", "peak RSS", "RSS Δ 2nd half"];
  const rows = [r.folder, r.imap].map((s) =>
    "skipped" in s
      ? [s.source, ...Array(runs).fill("-"), `skipped: ${s.skipped}`, "-", "-", "-", "-"]
      : [s.source, ...s.runs.map((x) => x.toFixed(0)), s.median.toFixed(0), s.cpuMsPerMessage.toFixed(2), `${s.startRssMb} MB`, `${s.peakRssMb} MB`, `${s.secondHalfGrowthMb} MB`],
  );
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)));
  const line = (cells: string[]) => cells.map((c, i) => String(c).padEnd(widths[i])).join("  ");
  return [
    "",
    `Ingestion benchmark: ${r.messages} mixed messages, ${os.cpus().length} CPU(s), load ${os.loadavg()[0].toFixed(1)}, Node ${process.version}, PGlite on disk`,
    line(head),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map(line),
    "",
  ].join("\n");
}

// `npx tsx server/src/bench/ingest-bench.ts [messages] [runs]`
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runIngestBench({ messages: Number(process.argv[2] ?? 5000), runs: Number(process.argv[3] ?? 3) }).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
