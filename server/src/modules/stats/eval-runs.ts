import { desc, eq, inArray } from "drizzle-orm";
import type { AppContext } from "../../context.ts";
import { evalRuns } from "../../db/schema.ts";
import { notFound } from "../../errors.ts";
import type { EvalCompare, EvalRunDetail, EvalRunSummary } from "./schemas.ts";

type Row = typeof evalRuns.$inferSelect;

/** Read a number at a path of the stored report (reports are JSON written by `npm run eval`; keys may be missing in old runs). */
function num(report: unknown, ...path: string[]): number | null {
  let cur: unknown = report;
  for (const key of path) {
    if (!cur || typeof cur !== "object") return null;
    cur = (cur as Record<string, unknown>)[key];
  }
  return typeof cur === "number" && Number.isFinite(cur) ? cur : null;
}

function str(report: unknown, ...path: string[]): string | null {
  let cur: unknown = report;
  for (const key of path) {
    if (!cur || typeof cur !== "object") return null;
    cur = (cur as Record<string, unknown>)[key];
  }
  return typeof cur === "string" ? cur : null;
}

function summary(r: Row): EvalRunSummary {
  const rep = r.report;
  return {
    id: r.id,
    setName: r.setName,
    emails: r.emails,
    feedback: r.feedback,
    createdAt: r.createdAt.toISOString(),
    intentAccuracy: num(rep, "intent", "accuracy"),
    macroF1: num(rep, "intent", "macroF1"),
    routingAccuracy: num(rep, "routing", "accuracy"),
    wrongAssignmentRate: num(rep, "routing", "wrongAssignmentRate"),
    invoicePrecision: num(rep, "invoices", "precision"),
    invoiceRecall: num(rep, "invoices", "recall"),
    languageAccuracy: num(rep, "language", "accuracy"),
    p95Ms: num(rep, "cost", "msPerEmail", "p95"),
    classifier: str(rep, "config", "classifier"),
    embedder: str(rep, "config", "embedder"),
  };
}

export async function listEvalRuns({ ctx }: { ctx: AppContext }): Promise<EvalRunSummary[]> {
  const rows = await ctx.db.select().from(evalRuns).orderBy(desc(evalRuns.createdAt), desc(evalRuns.id)).limit(200);
  return rows.map(summary);
}

export async function getEvalRun({ ctx, input }: { ctx: AppContext; input: { id: number } }): Promise<EvalRunDetail> {
  const [row] = await ctx.db.select().from(evalRuns).where(eq(evalRuns.id, input.id));
  if (!row) throw notFound("Eval run");
  return { ...summary(row), report: row.report as Record<string, unknown> };
}

const HEADLINE = ["intentAccuracy", "macroF1", "routingAccuracy", "wrongAssignmentRate", "invoicePrecision", "invoiceRecall", "languageAccuracy", "p95Ms"] as const;

/** Two runs side by side: headline metrics with b − a, F1 per intent, accuracy per language. */
export async function compareEvalRuns({ ctx, input }: { ctx: AppContext; input: { a: number; b: number } }): Promise<EvalCompare> {
  const rows = await ctx.db.select().from(evalRuns).where(inArray(evalRuns.id, [input.a, input.b]));
  const ra = rows.find((r) => r.id === input.a);
  const rb = rows.find((r) => r.id === input.b);
  if (!ra || !rb) throw notFound("Eval run");
  const a = summary(ra);
  const b = summary(rb);
  const delta = Object.fromEntries(HEADLINE.map((k) => [k, a[k] !== null && b[k] !== null ? b[k]! - a[k]! : null]));
  const keys = (rep: unknown, ...path: string[]) => {
    let cur: unknown = rep;
    for (const p of path) cur = cur && typeof cur === "object" ? (cur as Record<string, unknown>)[p] : undefined;
    return cur && typeof cur === "object" ? Object.keys(cur) : [];
  };
  const intents = [...new Set([...keys(ra.report, "intent", "perIntent"), ...keys(rb.report, "intent", "perIntent")])].sort();
  const languages = [...new Set([...keys(ra.report, "byLanguage"), ...keys(rb.report, "byLanguage")])].sort();
  return {
    a,
    b,
    delta,
    perIntent: intents.map((i) => ({ intent: i, f1A: num(ra.report, "intent", "perIntent", i, "f1"), f1B: num(rb.report, "intent", "perIntent", i, "f1") })),
    byLanguage: languages.map((l) => ({
      language: l,
      accuracyA: num(ra.report, "byLanguage", l, "intentAccuracy"),
      accuracyB: num(rb.report, "byLanguage", l, "intentAccuracy"),
    })),
  };
}
