import path from "node:path";
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { existsSync } from "node:fs";
import { count } from "drizzle-orm";
import type { Env } from "./env.ts";
import { openDatabase } from "./db/client.ts";
import { createContext, type AppContext } from "./context.ts";
import { debtors } from "./db/schema/debtors.ts";
import { messages } from "./db/schema/messages.ts";
import { users } from "./db/schema/users.ts";
import { randomBytes } from "node:crypto";
import { listen, startRuntime } from "./server.ts";
import { importLedgerFile } from "./modules/ledger/service.ts";
import { importMail, formatCounts } from "./modules/ingest/import-mail.ts";
import { runEval, storeEvalRun } from "./modules/eval/run-eval.ts";
import { formatReport } from "./modules/eval/report.ts";
import { createUser } from "./modules/users/service.ts";
import { createUserInput } from "./modules/users/schemas.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const DEMO_DIR = path.join(ROOT, "demo");

/** A context over the configured database, for one-shot commands. */
async function withContext<T>(env: Env, fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
  try {
    return await fn(createContext(env, database));
  } finally {
    await database.close();
  }
}

/** Load the demo ledger and mailbox into an empty database. */
async function loadDemo(ctx: AppContext): Promise<void> {
  const [{ n }] = await ctx.db.select({ n: count() }).from(debtors);
  const [{ m }] = await ctx.db.select({ m: count() }).from(messages);
  if (n > 0 || m > 0) return;
  await importLedgerFile({ ctx, input: { path: path.join(DEMO_DIR, "ledger.json") } });
  if (existsSync(path.join(DEMO_DIR, "payments.json"))) {
    await importLedgerFile({ ctx, input: { path: path.join(DEMO_DIR, "payments.json"), kind: "payments" } });
  }
  const counts = await importMail({ ctx, input: { path: path.join(DEMO_DIR, "mailbox"), mailboxName: "debiteuren@ (demo)" } });
  console.log(`Demo data loaded: ${formatCounts(counts)}`);
  // A demo needs a login; a random password, printed once, never a default one.
  const [{ u }] = await ctx.db.select({ u: count() }).from(users);
  if (u === 0) {
    const password = randomBytes(9).toString("base64url");
    await createUser({ ctx, input: { email: "demo@relance.local", password, role: "admin", name: "Demo admin" } });
    console.log(`Demo login: demo@relance.local / ${password}`);
  }
}

export async function start(env: Env, opts: { demo: boolean }): Promise<number> {
  const runtime = await startRuntime(env);
  if (opts.demo) {
    await loadDemo(runtime.ctx);
    runtime.engine.ledger.invalidate();
  }
  const server = await listen(runtime, env.PORT, env.HOST);
  const addr = server.address();
  const port = typeof addr === "object" && addr ? addr.port : env.PORT;
  console.log(`Relance is running at http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${port}  (database: ${runtime.ctx.database.kind})`);
  if (!env.RELANCE_ADMIN_EMAIL) console.log("No admin yet? Create one: npx relance create-user --email you@example.com --password '…' --role admin");
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  console.log("Stopping…");
  server.close();
  await runtime.close();
  return 0;
}

export async function importLedger(env: Env, file: string): Promise<number> {
  return withContext(env, async (ctx) => {
    const report = await importLedgerFile({ ctx, input: { path: file } });
    console.log(JSON.stringify(report, null, 2));
    return 0;
  });
}

export async function importPayments(env: Env, file: string): Promise<number> {
  return withContext(env, async (ctx) => {
    const report = await importLedgerFile({ ctx, input: { path: file, kind: "payments" } });
    console.log(JSON.stringify(report, null, 2));
    return 0;
  });
}

/** Import, then classify what was stored (the same jobs the server runs). */
export async function importMailCommand(env: Env, source: string, mailbox: string): Promise<number> {
  const runtime = await startRuntime(env, { worker: false, sync: false });
  try {
    const counts = await importMail({ ctx: runtime.ctx, input: { path: source, mailboxName: mailbox } });
    console.log(formatCounts(counts));
    const { JobWorker } = await import("./jobs/worker.ts");
    const { jobHandlers } = await import("./server.ts");
    await new JobWorker(runtime.ctx, jobHandlers(runtime.ctx, runtime.engine)).drain();
    console.log("Classification done.");
    return 0;
  } finally {
    await runtime.close();
  }
}

export async function evaluate(env: Env, setDir: string, opts: { json?: string; feedback: boolean }): Promise<number> {
  const report = await runEval(env, setDir, {
    feedback: opts.feedback,
    onProgress: (done, total) => process.stderr.isTTY && process.stderr.write(`\r${done}/${total}`),
  });
  if (process.stderr.isTTY) process.stderr.write("\r");
  console.log(formatReport(report));
  if (opts.json) {
    await writeFile(opts.json, JSON.stringify(report, null, 2) + "\n");
    console.log(`Report written to ${opts.json}`);
  }
  // Keep the run for the manager dashboard when a database is configured.
  if (env.DATABASE_URL || existsSync(path.resolve(env.DATA_DIR))) {
    await withContext(env, (ctx) => storeEvalRun({ ctx, input: { report, feedback: opts.feedback } }));
  }
  return 0;
}

export async function bench(env: Env, opts: { quick: boolean }): Promise<number> {
  const { runBenchmarks } = await import("./bench/run-all.ts");
  await runBenchmarks(env, opts);
  return 0;
}

export async function createUserCommand(env: Env, input: { email: string; password: string; role: string; name?: string }): Promise<number> {
  return withContext(env, async (ctx) => {
    const user = await createUser({ ctx, input: createUserInput.parse(input) });
    console.log(`User ${user.email} created with role ${user.role}.`);
    return 0;
  });
}
