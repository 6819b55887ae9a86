/**
 * Checks the committed seed sets and demo mailbox as they are on disk (it does
 * not regenerate them): spec compliance, counts, coverage and split hygiene.
 * Rebuild with `npx tsx eval/generator/build.ts` when the generator changes.
 */
import { describe, expect, it, beforeAll } from "vitest";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { simpleParser } from "mailparser";
import { INTENTS, LANGUAGES } from "../../classifiers/intents.ts";
import { validateSet, type SetReport } from "./validate.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const TRAIN = join(ROOT, "eval", "sets", "seed-train");
const TEST = join(ROOT, "eval", "sets", "seed-test");
const DEMO = join(ROOT, "demo");

let train: SetReport;
let test: SetReport;

beforeAll(async () => {
  [train, test] = await Promise.all([validateSet(TRAIN), validateSet(TEST)]);
}, 120_000);

describe("seed sets on disk", () => {
  it("follow eval-set-format.md and intents.md without a single error", () => {
    expect(train.errors).toEqual([]);
    expect(test.errors).toEqual([]);
  });

  it("have one label per email file", () => {
    for (const [dir, report] of [[TRAIN, train], [TEST, test]] as const) {
      const files = readdirSync(join(dir, "emails")).filter((f) => f.endsWith(".eml")).sort();
      expect(report.labels.map((l) => l.file)).toEqual(files);
    }
  });

  it("are big enough and split about 70/30", () => {
    const total = train.labels.length + test.labels.length;
    expect(total).toBeGreaterThanOrEqual(1100);
    expect(test.labels.length).toBeGreaterThanOrEqual(320);
    expect(train.labels.length / total).toBeGreaterThan(0.65);
    expect(train.labels.length / total).toBeLessThan(0.75);
  });

  it("cover every intent in both splits, with enough of each overall", () => {
    const all = [...train.labels, ...test.labels];
    for (const intent of INTENTS) {
      expect(train.labels.some((l) => l.intent === intent), `${intent} in train`).toBe(true);
      expect(test.labels.some((l) => l.intent === intent), `${intent} in test`).toBe(true);
      const n = all.filter((l) => l.intent === intent).length;
      expect(n, intent).toBeGreaterThanOrEqual(intent === "bounce" || intent === "auto_reply" ? 60 : 55);
    }
  });

  it("cover the four languages in both splits, roughly fr 30 / nl 30 / de 20 / en 20", () => {
    const all = [...train.labels, ...test.labels];
    for (const lang of LANGUAGES) {
      expect(train.labels.some((l) => l.language === lang)).toBe(true);
      expect(test.labels.some((l) => l.language === lang)).toBe(true);
    }
    const share = (lang: string) => all.filter((l) => l.language === lang).length / all.length;
    expect(share("fr")).toBeGreaterThan(0.22);
    expect(share("nl")).toBeGreaterThan(0.22);
    expect(share("de")).toBeGreaterThan(0.13);
    expect(share("en")).toBeGreaterThan(0.13);
  });

  it("have a few mails that belong to no debtor, and many that reference invoices", () => {
    const all = [...train.labels, ...test.labels];
    const unassigned = all.filter((l) => l.debtor === null).length / all.length;
    expect(unassigned).toBeGreaterThan(0.05);
    expect(unassigned).toBeLessThan(0.12);
    expect(all.filter((l) => l.invoices.length > 0).length / all.length).toBeGreaterThan(0.4);
  });

  it("keep train and test disjoint and on the same ledger", () => {
    const trainFiles = new Set(train.labels.map((l) => l.file));
    expect(test.labels.filter((l) => trainFiles.has(l.file))).toEqual([]);
    const trainIds = new Set(train.messageIds);
    expect(test.messageIds.filter((id) => trainIds.has(id))).toEqual([]);
    expect(new Set(train.messageIds).size).toBe(train.messageIds.length);
    expect(readFileSync(join(TRAIN, "ledger.json"), "utf8")).toEqual(readFileSync(join(TEST, "ledger.json"), "utf8"));
  });

  it("contain the hard layouts in both splits: forwards, subject-only, bottom-posted and inline replies, Word HTML, PDF remittances", () => {
    for (const dir of [TRAIN, TEST]) {
      const features = readFileSync(join(dir, "README.md"), "utf8").match(/MIME \/ thread features: (.*)/)?.[1] ?? "";
      const count = (tag: string) => Number(new RegExp(`(?:^|, )${tag} (\\d+)`).exec(features)?.[1] ?? 0);
      for (const tag of ["shape:handover", "shape:subject-only", "shape:bottom", "shape:inline", "word-html", "html-only", "pdf", "multi-intent", "other:phishing", "other:factoring"]) {
        expect(count(tag), `${tag} in ${dir}`).toBeGreaterThan(0);
      }
    }
  });

  it("label customers' unrelated mail as other with their debtor, strangers' as other without", () => {
    const all = [...train.labels, ...test.labels].filter((l) => l.intent === "other");
    expect(all.filter((l) => l.debtor !== null).length).toBeGreaterThanOrEqual(50);
    expect(all.filter((l) => l.debtor === null).length).toBeGreaterThanOrEqual(50);
  });

  it("say in their README that they are synthetic", () => {
    for (const dir of [TRAIN, TEST]) expect(readFileSync(join(dir, "README.md"), "utf8")).toMatch(/synthetic/i);
  });
});

describe("demo mailbox", () => {
  it("has its ledger and about 40 parseable emails", async () => {
    expect(existsSync(join(DEMO, "ledger.json"))).toBe(true);
    expect(readFileSync(join(DEMO, "ledger.json"), "utf8")).toEqual(readFileSync(join(TRAIN, "ledger.json"), "utf8"));
    const files = readdirSync(join(DEMO, "mailbox")).filter((f) => f.endsWith(".eml"));
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(files.length).toBeLessThanOrEqual(50);
    for (const f of files) {
      const mail = await simpleParser(readFileSync(join(DEMO, "mailbox", f)));
      expect(mail.messageId, f).toBeTruthy();
      expect(mail.from?.value[0]?.address, f).toBeTruthy();
    }
  });
});
