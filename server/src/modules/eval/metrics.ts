import type { Label } from "./labels.ts";

/** What the pipeline predicted for one email of a labelled set. */
export interface Prediction {
  file: string;
  intent: string;
  debtor: string | null;
  language: string | null;
  invoices: string[];
  fields: Record<string, unknown>;
  ms: number;
}

export interface Scored {
  label: Label;
  pred: Prediction;
}

const ratio = (n: number, d: number) => (d === 0 ? 0 : n / d);
const round = (x: number, p = 4) => Math.round(x * 10 ** p) / 10 ** p;

export function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

/** Intent accuracy, macro-F1 over labelled intents, per-intent P/R/F1 and confusion. */
export function intentMetrics(items: Scored[]) {
  const confusion: Record<string, Record<string, number>> = {};
  for (const { label, pred } of items) {
    confusion[label.intent] ??= {};
    confusion[label.intent][pred.intent] = (confusion[label.intent][pred.intent] ?? 0) + 1;
  }
  const intents = Object.keys(confusion).sort();
  const perIntent: Record<string, { precision: number; recall: number; f1: number; support: number }> = {};
  for (const intent of intents) {
    const tp = items.filter((s) => s.label.intent === intent && s.pred.intent === intent).length;
    const predicted = items.filter((s) => s.pred.intent === intent).length;
    const support = items.filter((s) => s.label.intent === intent).length;
    const precision = ratio(tp, predicted);
    const recall = ratio(tp, support);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    perIntent[intent] = { precision: round(precision), recall: round(recall), f1: round(f1), support };
  }
  const correct = items.filter((s) => s.label.intent === s.pred.intent).length;
  const macroF1 = ratio(intents.reduce((a, i) => a + perIntent[i].f1, 0), intents.length);
  return { accuracy: round(ratio(correct, items.length)), macroF1: round(macroF1), perIntent, confusion };
}

/** Routing as the spec defines it: null labels are right only when left unassigned. */
export function routingMetrics(items: Scored[]) {
  const correct = items.filter((s) => s.label.debtor === s.pred.debtor).length;
  const wrong = items.filter((s) => s.pred.debtor !== null && s.pred.debtor !== s.label.debtor).length;
  const unassigned = items.filter((s) => s.pred.debtor === null).length;
  return {
    accuracy: round(ratio(correct, items.length)),
    wrongAssignmentRate: round(ratio(wrong, items.length)),
    unassignedRate: round(ratio(unassigned, items.length)),
  };
}

export function invoiceMetrics(items: Scored[]) {
  let tp = 0;
  let predicted = 0;
  let labelled = 0;
  for (const { label, pred } of items) {
    const truth = new Set(label.invoices);
    const got = new Set(pred.invoices);
    predicted += got.size;
    labelled += truth.size;
    for (const n of got) if (truth.has(n)) tp++;
  }
  return { precision: round(ratio(tp, predicted)), recall: round(ratio(tp, labelled)), predicted, labelled };
}

const norm = (v: unknown) => (typeof v === "string" ? v.trim().toLowerCase().replace(/\s+/g, " ") : v);
export function fieldEquals(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) < 0.005;
  return norm(a) === norm(b);
}

/** Per labelled field: share of emails stating it where Relance extracted the same value. */
export function fieldMetrics(items: Scored[]) {
  const out: Record<string, { accuracy: number; support: number }> = {};
  const counts: Record<string, { ok: number; n: number }> = {};
  for (const { label, pred } of items) {
    for (const [k, v] of Object.entries(label.fields)) {
      counts[k] ??= { ok: 0, n: 0 };
      counts[k].n++;
      if (fieldEquals(pred.fields[k], v)) counts[k].ok++;
    }
  }
  for (const [k, c] of Object.entries(counts).sort()) out[k] = { accuracy: round(ratio(c.ok, c.n)), support: c.n };
  return out;
}

export function languageAccuracy(items: Scored[]) {
  return round(ratio(items.filter((s) => s.pred.language === s.label.language).length, items.length));
}

export function byLanguage(items: Scored[]) {
  const langs = [...new Set(items.map((s) => s.label.language))].sort();
  return Object.fromEntries(
    langs.map((lang) => {
      const sub = items.filter((s) => s.label.language === lang);
      const im = intentMetrics(sub);
      return [lang, { intentAccuracy: im.accuracy, macroF1: im.macroF1, routingAccuracy: routingMetrics(sub).accuracy, emails: sub.length }];
    }),
  );
}

/** A compact score of one slice, used for the feedback halves. */
export function sliceSummary(items: Scored[]) {
  const im = intentMetrics(items);
  const rm = routingMetrics(items);
  return { emails: items.length, intentAccuracy: im.accuracy, macroF1: im.macroF1, routingAccuracy: rm.accuracy, wrongAssignmentRate: rm.wrongAssignmentRate };
}

/**
 * Every email the pipeline got wrong somewhere, with what differed: the list a
 * manager (or a developer) reads to see which mail an eval run failed on.
 */
export function mistakes(items: Scored[]) {
  return items.flatMap(({ label, pred }) => {
    const truth = new Set(label.invoices);
    const got = new Set(pred.invoices);
    const wrongFields = Object.entries(label.fields)
      .filter(([k, v]) => !fieldEquals(pred.fields[k], v))
      .map(([k, v]) => ({ field: k, expected: v, got: pred.fields[k] ?? null }));
    const m = {
      file: label.file,
      ...(label.intent !== pred.intent ? { intent: { expected: label.intent, got: pred.intent } } : {}),
      ...(label.debtor !== pred.debtor ? { debtor: { expected: label.debtor, got: pred.debtor } } : {}),
      ...(label.language !== pred.language ? { language: { expected: label.language, got: pred.language } } : {}),
      ...([...truth].some((n) => !got.has(n)) ? { missedInvoices: [...truth].filter((n) => !got.has(n)) } : {}),
      ...([...got].some((n) => !truth.has(n)) ? { extraInvoices: [...got].filter((n) => !truth.has(n)) } : {}),
      ...(wrongFields.length ? { fields: wrongFields } : {}),
    };
    return Object.keys(m).length > 1 ? [m] : [];
  });
}
