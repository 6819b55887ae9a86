import path from "node:path";
import { existsSync } from "node:fs";
import { describe, it, expect } from "vitest";
import { loadEnv } from "../../server/src/env.ts";
import { runEval } from "../../server/src/modules/eval/run-eval.ts";
import { formatReport, type EvalReport } from "../../server/src/modules/eval/report.ts";

// Floors set honestly from measured figures (README "Quality"), a little below
// them so noise does not flake; a change that costs accuracy fails here.
const ROOT = path.resolve(import.meta.dirname, "../..");
const SETB = process.env.RELANCE_SETB_DIR ?? path.resolve(ROOT, "../shared/datasets/set-b");
const env = loadEnv({ LOG_LEVEL: "silent" });

type R = EvalReport & {
  intent: { accuracy: number; macroF1: number };
  routing: { accuracy: number; wrongAssignmentRate: number };
  invoices: { precision: number; recall: number };
  language: { accuracy: number };
  config: { trainingSets?: string[] };
  feedback?: { firstHalf: { intentAccuracy: number; routingAccuracy: number }; secondHalf: { intentAccuracy: number; routingAccuracy: number } };
};

describe("eval on labelled sets (no LLM, default embedder)", () => {
  it("scores the shipped seed test split above its floors", async () => {
    const r = (await runEval(env, path.join(ROOT, "eval/sets/seed-test"))) as R;
    console.log(formatReport(r));
    expect(r.emails).toBeGreaterThanOrEqual(200);
    expect(r.intent.macroF1).toBeGreaterThanOrEqual(FLOORS.seed.macroF1);
    expect(r.routing.accuracy).toBeGreaterThanOrEqual(FLOORS.seed.routing);
    expect(r.routing.wrongAssignmentRate).toBeLessThanOrEqual(FLOORS.seed.wrong);
    expect(r.invoices.precision).toBeGreaterThanOrEqual(FLOORS.seed.invoicePrecision);
    expect(r.invoices.recall).toBeGreaterThanOrEqual(FLOORS.seed.invoiceRecall);
    expect(r.language.accuracy).toBeGreaterThanOrEqual(0.97);
  }, 300_000);

  it("scores set-b (another company's mail, never trained on) above its floors", async () => {
    expect(existsSync(SETB), `set-b not found at ${SETB} (set RELANCE_SETB_DIR)`).toBe(true);
    const r = (await runEval(env, SETB)) as R;
    console.log(formatReport(r));
    expect(r.intent.macroF1).toBeGreaterThanOrEqual(FLOORS.setb.macroF1);
    expect(r.routing.accuracy).toBeGreaterThanOrEqual(FLOORS.setb.routing);
    expect(r.routing.wrongAssignmentRate).toBeLessThanOrEqual(FLOORS.setb.wrong);
    expect(r.invoices.precision).toBeGreaterThanOrEqual(FLOORS.setb.invoicePrecision);
    expect(r.invoices.recall).toBeGreaterThanOrEqual(FLOORS.setb.invoiceRecall);
  }, 300_000);

  // The hand-written sets are shipped training data; each is scored by the model trained
  // without it (seed split + the other author), so this measures mail by an author it never read.
  it.each(["hand-a", "hand-b"] as const)("scores %s with the model trained without it above its floors", async (name) => {
    const r = (await runEval(env, path.join(ROOT, "eval/sets", name))) as R;
    console.log(formatReport(r));
    expect(r.config.trainingSets).toEqual(["seed-train", name === "hand-a" ? "hand-b" : "hand-a"]);
    expect(r.emails).toBeGreaterThanOrEqual(120);
    expect(r.intent.macroF1).toBeGreaterThanOrEqual(FLOORS[name].macroF1);
    expect(r.routing.accuracy).toBeGreaterThanOrEqual(FLOORS[name].routing);
    expect(r.routing.wrongAssignmentRate).toBeLessThanOrEqual(FLOORS[name].wrong);
    expect(r.invoices.precision).toBeGreaterThanOrEqual(FLOORS[name].invoicePrecision);
    expect(r.invoices.recall).toBeGreaterThanOrEqual(FLOORS[name].invoiceRecall);
  }, 300_000);

  it("adapts to set-b with clerk feedback: the second half scores higher than the first", async () => {
    expect(existsSync(SETB)).toBe(true);
    const r = (await runEval(env, SETB, { feedback: true })) as R;
    console.log(formatReport(r));
    expect(r.feedback!.secondHalf.intentAccuracy).toBeGreaterThan(r.feedback!.firstHalf.intentAccuracy);
  }, 300_000);
});

// Measured (README): seed-test macro-F1 0.850, routing 0.991, invoices P 0.974 R 0.840;
// set-b macro-F1 0.916, routing 1.000, wrong 0.000, invoices P 1.000 R 0.861.
// Intent after the wider seed data and model rework: seed-test macro-F1 0.916 (the regenerated
// split, 488 mails, held-out subjects too), set-b 0.923.
// Invoices after thread references (a reply naming none is about the letter it answers) and
// debtor-scoped short numbers: seed-test P 0.992 R 0.896, set-b P 0.993 R 0.960.
// Intent after bagging (mean of 5 runs), wider request cues and two hand-written training sets
// by other authors: seed-test 0.952, set-b 0.949; hand-a 0.963 and hand-b 0.929 each scored by the
// model trained without it (routing 0.992 / 0.977, wrong 0 / 0, invoices P 0.991 / 1.000,
// R 0.920 / 0.915).
const FLOORS = {
  seed: { macroF1: 0.92, routing: 0.96, wrong: 0.01, invoicePrecision: 0.97, invoiceRecall: 0.85 },
  setb: { macroF1: 0.93, routing: 0.97, wrong: 0.01, invoicePrecision: 0.98, invoiceRecall: 0.93 },
  "hand-a": { macroF1: 0.93, routing: 0.96, wrong: 0.01, invoicePrecision: 0.97, invoiceRecall: 0.88 },
  "hand-b": { macroF1: 0.9, routing: 0.95, wrong: 0.01, invoicePrecision: 0.97, invoiceRecall: 0.88 },
};
