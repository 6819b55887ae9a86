import type { InboxItem } from "../../../server/src/modules/inbox/schemas.ts";

/** Inbox filters as the API takes them (empty = not set). */
export interface InboxFilters {
  mailbox?: string;
  language?: string;
  from?: string;
  to?: string;
  minConfidence?: string;
  maxConfidence?: string;
}
export const FILTER_KEYS = ["mailbox", "language", "from", "to", "minConfidence", "maxConfidence"] as const;

export function listQuery(view: string, q: string, filters: InboxFilters, cursor?: string | null, limit = 50) {
  const query: Record<string, string | number> = { view, limit };
  if (q.trim()) query.q = q.trim();
  for (const k of FILTER_KEYS) if (filters[k]) query[k] = filters[k]!;
  if (cursor) query.cursor = cursor;
  return query;
}

/**
 * Fresh first page merged into what is shown: rows that are new come first
 * (live mail), known rows are updated in place, pages loaded further down stay.
 */
export function mergeTop(current: InboxItem[], fresh: InboxItem[]): { items: InboxItem[]; added: number } {
  const known = new Map(current.map((i) => [i.id, i]));
  const freshIds = new Set(fresh.map((i) => i.id));
  const added = fresh.filter((i) => !known.has(i.id));
  const updated = current.map((i) => (freshIds.has(i.id) ? fresh.find((f) => f.id === i.id)! : i));
  return { items: [...added, ...updated], added: added.length };
}

/** Whether an item still belongs in a view after a change (so it can leave the list at once). */
export function belongsTo(view: string, item: InboxItem): boolean {
  const inInbox = item.triageStatus === "inbox";
  if (view === "done") return !inInbox;
  if (!inInbox) return false;
  if (view === "all") return true;
  if (view === "unassigned") return item.intent !== null && item.debtor === null && item.intent !== "other";
  if (view === "attention") {
    return (item.intentConfidence ?? 1) < 0.6 || item.intent === "dispute" || item.intent === "insolvency_notice" || item.parseStatus !== "parsed";
  }
  if (view.startsWith("intent:")) return item.intent === view.slice(7);
  if (view.startsWith("debtor:")) return item.debtor?.id === Number(view.slice(7));
  return true;
}

export function toggleId(ids: number[], id: number): number[] {
  return ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id];
}

/** The i18n key and parameter for a view's title. */
export function viewTitle(view: string): { key: string; debtorId?: number } {
  if (view.startsWith("intent:")) return { key: `intent.${view.slice(7)}` };
  if (view.startsWith("debtor:")) return { key: "view.byDebtor", debtorId: Number(view.slice(7)) };
  return { key: `view.${view}` };
}

/** Confidence as a level for colour and words: high ≥ 0.85, low < 0.6. */
export function confidenceLevel(c: number | null | undefined): "high" | "medium" | "low" | "none" {
  if (c === null || c === undefined) return "none";
  return c >= 0.85 ? "high" : c >= 0.6 ? "medium" : "low";
}
