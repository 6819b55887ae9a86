/**
 * Builds Relance's own synthetic labelled seed sets and the demo mailbox:
 *   eval/sets/seed-train, eval/sets/seed-test  (eval-set-format.md)
 *   demo/ledger.json, demo/mailbox/*.eml       (what `npm start` ingests)
 * Deterministic: the same code gives the same bytes. Run:
 *   npx tsx eval/generator/build.ts
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Rng } from "./prng.ts";
import { buildLedger, ledgerJson } from "./ledger.ts";
import { RefSpeller } from "./refs.ts";
import { LANGS, type Lang } from "./phrases/types.ts";
import { nl } from "./phrases/nl.ts";
import { fr } from "./phrases/fr.ts";
import { de } from "./phrases/de.ts";
import { en } from "./phrases/en.ts";
import { debtorMail } from "./mails.ts";
import { autoReply } from "./auto.ts";
import { bounce } from "./bounce.ts";
import { strangerMail } from "./other.ts";
import type { IntentKey } from "./render.ts";
import type { Env, Generated, Split } from "./common.ts";
import { validateSet, countTable } from "./validate.ts";
import { readmeFor } from "./readme.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const SEED = "relance-seed-v1";

/**
 * Emails per intent over train + test. The intents people write in many ways get half as many
 * mails again as the header-decided ones (auto-replies, bounces): with more mails per phrasing
 * bank the train split covers more phrasings and contexts (seed-test and held-out-phrasing
 * macro-F1 rose by ~0.02-0.04 from 1x to 1.5x; 2x added little), while start-up stays a few seconds.
 */
const PLAN: Array<[IntentKey | "bounce" | "stranger", number]> = [
  ["promise", 203], ["notice", 203], ["dispute", 188], ["document", 188], ["plan", 143], ["account", 135],
  ["question", 180], ["insolvency", 75], ["auto", 72], ["bounce", 68], ["other", 105], ["stranger", 80],
];
const SHARE: Array<[Lang, number]> = [["fr", 0.3], ["nl", 0.3], ["de", 0.2], ["en", 0.2]];

interface Job {
  id: string;
  kind: IntentKey | "bounce" | "stranger";
  lang: Lang;
  split: Split;
  /** Rank inside its split, to spread dispute reasons and document types evenly. */
  variant: number;
}

/** Largest-remainder allocation of n over the language shares. */
function allocate(n: number): Array<[Lang, number]> {
  const raw = SHARE.map(([l, s]) => [l, n * s] as [Lang, number]);
  const out = raw.map(([l, v]) => [l, Math.floor(v)] as [Lang, number]);
  let left = n - out.reduce((s, [, v]) => s + v, 0);
  const order = raw.map(([, v], i) => [v - Math.floor(v), i] as [number, number]).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) if (left-- > 0) out[i][1]++;
  return out;
}

function jobs(rng: Rng, scale: number): Job[] {
  const out: Job[] = [];
  for (const [kind, n] of PLAN) {
    for (const [lang, k] of allocate(Math.round(n * scale))) {
      const train = Math.round(k * 0.7);
      const order = rng.shuffle(Array.from({ length: k }, (_, i) => i));
      order.forEach((pos, i) => out.push({ id: `${kind}-${lang}-${i}`, kind, lang, split: pos < train ? "train" : "test", variant: pos < train ? pos : pos - train }));
    }
  }
  return out;
}

async function generate(env: Env, job: Job, seed: string): Promise<Generated> {
  const rng = new Rng(`${seed}:${job.split}:${job.id}`);
  if (job.kind === "bounce") return bounce(env, job.lang, rng);
  if (job.kind === "auto") return autoReply(env, job.lang, job.split, rng);
  if (job.kind === "stranger") return strangerMail(env, job.lang, job.split, rng);
  return debtorMail(env, job.kind, job.lang, job.split, rng, job.variant);
}

function fileName(g: Generated): string {
  return `${createHash("sha1").update(g.eml).digest("hex").slice(0, 12)}.eml`;
}

function writeSet(dir: string, ledger: string, items: Array<{ file: string; g: Generated }>, readme: string): void {
  rmSync(join(dir, "emails"), { recursive: true, force: true });
  mkdirSync(join(dir, "emails"), { recursive: true });
  writeFileSync(join(dir, "ledger.json"), ledger);
  for (const { file, g } of items) writeFileSync(join(dir, "emails", file), g.eml);
  const labels = [...items].sort((a, b) => (a.file < b.file ? -1 : 1)).map(({ file, g }) => JSON.stringify({ file, ...g.label }));
  writeFileSync(join(dir, "labels.jsonl"), `${labels.join("\n")}\n`);
  writeFileSync(join(dir, "README.md"), readme);
}

export interface GeneratedSets {
  ledger: ReturnType<typeof buildLedger>;
  ledgerText: string;
  train: Array<{ file: string; g: Generated }>;
  test: Array<{ file: string; g: Generated }>;
  demo: Array<{ file: string; g: Generated }>;
}

/**
 * Every mail of both splits and the demo mailbox, in memory (the same bytes
 * main() writes). Scratch experiments use it to see which phrasing each mail
 * was built from (`g.phrases`), e.g. for cross-validation grouped by phrasing;
 * another seed or scale draws other mails from the same phrase banks.
 */
export async function generateSets(opts: { seed?: string; scale?: number } = {}): Promise<GeneratedSets> {
  const seed = opts.seed ?? SEED;
  const rng = new Rng(seed);
  const ledger = buildLedger(rng.fork("ledger"));
  const env: Env = { ledger, speller: new RefSpeller(ledger), banks: { nl, fr, de, en } };
  const ledgerText = ledgerJson(ledger);
  const all = jobs(rng.fork("jobs"), opts.scale ?? 1);
  const bySplit: Record<"train" | "test", Array<{ file: string; g: Generated }>> = { train: [], test: [] };
  for (const job of all) {
    const g = await generate(env, job, seed);
    bySplit[job.split as "train" | "test"].push({ file: fileName(g), g });
  }
  // Demo mailbox: about 40 mails drawn like the test split, from their own seed.
  const demoRng = rng.fork("demo");
  const demoJobs = demoRng.sample(all, 40).map((j, i) => ({ ...j, id: `demo-${i}-${j.id}`, split: "demo" as Split }));
  const demo: Array<{ file: string; g: Generated }> = [];
  for (const job of demoJobs) {
    const g = await generate(env, job, seed);
    demo.push({ file: fileName(g), g });
  }
  return { ledger, ledgerText, train: bySplit.train, test: bySplit.test, demo };
}

async function main(): Promise<void> {
  const { ledger, ledgerText, train, test, demo } = await generateSets();
  const bySplit = { train, test };
  const sets = join(ROOT, "eval", "sets");
  for (const split of ["train", "test"] as const) {
    const items = bySplit[split];
    writeSet(join(sets, `seed-${split}`), ledgerText, items, readmeFor(split, items, ledger));
  }
  const demoDir = join(ROOT, "demo");
  rmSync(join(demoDir, "mailbox"), { recursive: true, force: true });
  mkdirSync(join(demoDir, "mailbox"), { recursive: true });
  writeFileSync(join(demoDir, "ledger.json"), ledgerText);
  for (const { file, g } of demo) writeFileSync(join(demoDir, "mailbox", file), g.eml);

  let failed = false;
  for (const split of ["train", "test"] as const) {
    const report = await validateSet(join(sets, `seed-${split}`));
    console.log(`\nseed-${split}: ${report.labels.length} emails, ${report.errors.length} errors`);
    console.log(countTable(report.labels));
    for (const e of report.errors.slice(0, 40)) console.error(`  ${e}`);
    if (report.errors.length) failed = true;
  }
  const trainIds = new Set(bySplit.train.map((x) => x.file));
  const overlap = bySplit.test.filter((x) => trainIds.has(x.file)).length;
  const reservedInTrain = bySplit.train.flatMap((x) => x.g.phrases).filter((p) => Number(p.split("/")[2]) % 4 === 3).length;
  console.log(`\nsplit overlap: ${overlap} files; reserved phrasings used in train: ${reservedInTrain}`);
  console.log(`demo: ${readdirSync(join(demoDir, "mailbox")).length} emails in demo/mailbox`);
  console.log(`ledger: ${ledger.debtors.length} debtors, ${ledger.invoices.length} invoices/credit notes`);
  console.log(`languages generated: ${LANGS.join(", ")}`);
  if (failed || overlap || reservedInTrain) process.exit(1);
}

// Run as a script (npx tsx eval/generator/build.ts); importing it only exposes generateSets().
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
