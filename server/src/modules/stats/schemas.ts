import { z } from "zod";

// Contracts of /api/stats (manager dashboards); the web UI imports the types.
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");

export const accuracyQuery = z.object({ from: isoDay.optional(), to: isoDay.optional() });
export type AccuracyQuery = z.infer<typeof accuracyQuery>;

export interface IntentScore {
  precision: number;
  recall: number;
  f1: number;
  /** Reviewed emails whose (corrected) intent is this one. */
  support: number;
}

export interface AccuracyStats {
  /** Emails a clerk has looked at: marked done/archived, or corrected. */
  reviewed: number;
  corrections: number;
  intentAccuracy: number | null;
  macroF1: number | null;
  perIntent: Record<string, IntentScore>;
  /** confusion[predicted][actual] = count (as in eval reports: the row is what Relance said). */
  confusion: Record<string, Record<string, number>>;
  routing: { accuracy: number | null; wrongAssignmentRate: number | null; unassignedRate: number | null };
  /** Handled emails (done/archived) that needed no correction. */
  automationRate: number | null;
  handled: number;
  trend: { week: string; reviewed: number; intentAccuracy: number | null; routingAccuracy: number | null; automationRate: number | null }[];
}

export const evalRunIdParam = z.object({ id: z.coerce.number().int().positive() });
export const evalCompareQuery = z.object({ a: z.coerce.number().int().positive(), b: z.coerce.number().int().positive() });

export interface EvalRunSummary {
  id: number;
  setName: string;
  emails: number;
  feedback: string | null;
  createdAt: string;
  intentAccuracy: number | null;
  macroF1: number | null;
  routingAccuracy: number | null;
  wrongAssignmentRate: number | null;
  invoicePrecision: number | null;
  invoiceRecall: number | null;
  languageAccuracy: number | null;
  p95Ms: number | null;
  classifier: string | null;
  embedder: string | null;
}
export interface EvalRunDetail extends EvalRunSummary {
  report: Record<string, unknown>;
}
export interface EvalCompare {
  a: EvalRunSummary;
  b: EvalRunSummary;
  /** b − a for each headline metric. */
  delta: Record<string, number | null>;
  perIntent: { intent: string; f1A: number | null; f1B: number | null }[];
  byLanguage: { language: string; accuracyA: number | null; accuracyB: number | null }[];
}

export const volumeQuery = z.object({ days: z.coerce.number().int().min(1).max(366).default(30) });
export interface VolumeStats {
  days: string[];
  /** counts[intent][dayIndex] */
  byIntent: Record<string, number[]>;
  /** counts[mailbox name][dayIndex] */
  byMailbox: Record<string, number[]>;
  total: number;
}

export interface BacklogStats {
  inbox: number;
  unassigned: number;
  attention: number;
  /** Unassigned inbox mail by age since it arrived. */
  unassignedByAge: { under1d: number; d1to3: number; d3to7: number; over7d: number };
  oldestUnassigned: string | null;
}

export interface ArKpis {
  asOf: string;
  /** Per currency (amounts in different currencies are never added). */
  currencies: {
    currency: string;
    open: number;
    overdue: number;
    aging: { current: number; days1to30: number; days31to60: number; days61to90: number; days90plus: number };
    /** Days sales outstanding: open receivables / invoiced in the last 90 days × 90. */
    dso: number | null;
  }[];
  disputes: {
    available: boolean;
    open: number;
    byStatus: Record<string, number>;
    averageAgeDays: number | null;
    oldestAgeDays: number | null;
    pastSla: number;
  };
}
