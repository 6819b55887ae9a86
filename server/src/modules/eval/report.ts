import {
  byLanguage,
  fieldMetrics,
  intentMetrics,
  invoiceMetrics,
  languageAccuracy,
  mistakes,
  percentile,
  routingMetrics,
  sliceSummary,
  type Scored,
} from "./metrics.ts";

export interface EvalConfig {
  embedder: string;
  llm: string | null;
  classifier: string;
  /** The labelled sets the classifier learnt from (never the scored one). */
  trainingSets?: string[];
}

/** The eval report, with the keys of spec/eval-set-format.md (and a few more). */
export function buildReport(input: {
  set: string;
  items: Scored[];
  llmCalls: number;
  tokens: number;
  config: EvalConfig;
  feedback: boolean;
}) {
  const { items } = input;
  const ms = items.map((s) => s.pred.ms);
  const report: Record<string, unknown> = {
    set: input.set,
    emails: items.length,
    intent: intentMetrics(items),
    routing: routingMetrics(items),
    invoices: invoiceMetrics(items),
    fields: fieldMetrics(items),
    language: { accuracy: languageAccuracy(items) },
    byLanguage: byLanguage(items),
    cost: {
      msPerEmail: { p50: Math.round(percentile(ms, 50) * 10) / 10, p95: Math.round(percentile(ms, 95) * 10) / 10 },
      llmCalls: input.llmCalls,
      tokens: input.tokens,
    },
    config: input.config,
    // Not in the spec's list (more keys are welcome): what each wrong email got wrong.
    mistakes: mistakes(items),
  };
  if (input.feedback) {
    // items are in Date: order for a feedback run.
    const half = Math.floor(items.length / 2);
    report.feedback = { firstHalf: sliceSummary(items.slice(0, half)), secondHalf: sliceSummary(items.slice(half)) };
  }
  return report;
}

export type EvalReport = ReturnType<typeof buildReport>;

const pct = (x: unknown) => `${(Number(x) * 100).toFixed(1)}%`;

/** A readable summary for the terminal. */
export function formatReport(r: EvalReport): string {
  const intent = r.intent as ReturnType<typeof intentMetrics>;
  const routing = r.routing as ReturnType<typeof routingMetrics>;
  const inv = r.invoices as ReturnType<typeof invoiceMetrics>;
  const fields = r.fields as Record<string, { accuracy: number; support: number }>;
  const cost = r.cost as { msPerEmail: { p50: number; p95: number }; llmCalls: number; tokens: number };
  const lines = [
    `Eval of ${r.set}: ${r.emails} emails`,
    `  intent    accuracy ${pct(intent.accuracy)}   macro-F1 ${intent.macroF1.toFixed(3)}`,
    `  routing   accuracy ${pct(routing.accuracy)}   wrong ${pct(routing.wrongAssignmentRate)}   unassigned ${pct(routing.unassignedRate)}`,
    `  invoices  precision ${pct(inv.precision)}   recall ${pct(inv.recall)}`,
    `  language  accuracy ${pct((r.language as { accuracy: number }).accuracy)}`,
    `  cost      p50 ${cost.msPerEmail.p50} ms   p95 ${cost.msPerEmail.p95} ms   LLM calls ${cost.llmCalls}   tokens ${cost.tokens}`,
    "  per intent:  precision  recall  f1     support",
    ...Object.entries(intent.perIntent).map(
      ([k, v]) => `    ${k.padEnd(22)} ${v.precision.toFixed(3)}     ${v.recall.toFixed(3)}   ${v.f1.toFixed(3)}  ${v.support}`,
    ),
    "  fields:",
    ...Object.entries(fields).map(([k, v]) => `    ${k.padEnd(16)} ${pct(v.accuracy)} of ${v.support}`),
    "  by language:",
    ...Object.entries(r.byLanguage as Record<string, { intentAccuracy: number; macroF1: number; routingAccuracy: number; emails: number }>).map(
      ([k, v]) => `    ${k}  intent ${pct(v.intentAccuracy)}  F1 ${v.macroF1.toFixed(3)}  routing ${pct(v.routingAccuracy)}  (${v.emails})`,
    ),
  ];
  if (r.feedback) {
    const f = r.feedback as { firstHalf: ReturnType<typeof sliceSummary>; secondHalf: ReturnType<typeof sliceSummary> };
    lines.push(
      `  feedback  first half intent ${pct(f.firstHalf.intentAccuracy)} routing ${pct(f.firstHalf.routingAccuracy)}` +
        ` → second half intent ${pct(f.secondHalf.intentAccuracy)} routing ${pct(f.secondHalf.routingAccuracy)}`,
    );
  }
  return lines.join("\n");
}
