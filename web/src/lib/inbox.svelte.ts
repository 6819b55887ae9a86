import type { BulkInput, InboxCounts, InboxItem, InboxListResponse, MessageDetail, CorrectionInput } from "../../../server/src/modules/inbox/schemas.ts";
import { api as defaultApi } from "./api.ts";
import { belongsTo, listQuery, mergeTop, toggleId, type InboxFilters } from "./inbox-logic.ts";
import { step } from "./keyboard.ts";

type Api = typeof defaultApi;

/**
 * The clerk's inbox: the current view and its filters, the loaded pages, the
 * counts per view, the open message and the bulk selection.
 */
export class InboxStore {
  view = $state("all");
  q = $state("");
  filters = $state<InboxFilters>({});
  items = $state<InboxItem[]>([]);
  nextCursor = $state<string | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);
  counts = $state<InboxCounts | null>(null);
  selectedId = $state<number | null>(null);
  detail = $state<MessageDetail | null>(null);
  detailError = $state<string | null>(null);
  checked = $state<number[]>([]);
  ids = $derived(this.items.map((i) => i.id));
  selected = $derived(this.items.find((i) => i.id === this.selectedId) ?? null);
  private generation = 0;

  constructor(private readonly api: Api = defaultApi) {}

  async load() {
    const gen = ++this.generation;
    this.loading = true;
    this.error = null;
    try {
      const page = await this.api<InboxListResponse>("/api/inbox/messages", { query: listQuery(this.view, this.q, this.filters) });
      if (gen !== this.generation) return; // a newer view/search won
      this.items = page.items;
      this.nextCursor = page.nextCursor;
      this.checked = this.checked.filter((id) => page.items.some((i) => i.id === id));
    } catch (err) {
      if (gen === this.generation) this.error = (err as Error).message;
    } finally {
      if (gen === this.generation) this.loading = false;
    }
  }

  async loadMore() {
    if (!this.nextCursor || this.loading) return;
    this.loading = true;
    try {
      const page = await this.api<InboxListResponse>("/api/inbox/messages", { query: listQuery(this.view, this.q, this.filters, this.nextCursor) });
      const known = new Set(this.ids);
      this.items = [...this.items, ...page.items.filter((i) => !known.has(i.id))];
      this.nextCursor = page.nextCursor;
    } finally {
      this.loading = false;
    }
  }

  /** Live mail: merge the fresh first page without losing what is loaded or selected. */
  async refreshTop(): Promise<number> {
    const page = await this.api<InboxListResponse>("/api/inbox/messages", { query: listQuery(this.view, this.q, this.filters) });
    const { items, added } = mergeTop(this.items, page.items);
    this.items = items;
    if (this.items.length === page.items.length) this.nextCursor = page.nextCursor;
    return added;
  }

  async loadCounts() {
    this.counts = await this.api<InboxCounts>("/api/inbox/counts");
  }

  async open(id: number | null) {
    this.selectedId = id;
    this.detailError = null;
    if (id === null) {
      this.detail = null;
      return;
    }
    try {
      const d = await this.api<MessageDetail>(`/api/inbox/messages/${id}`);
      if (this.selectedId === id) this.detail = d;
    } catch (err) {
      if (this.selectedId === id) (this.detail = null), (this.detailError = (err as Error).message);
    }
  }

  move(delta: 1 | -1) {
    return this.open(step(this.ids, this.selectedId, delta));
  }

  toggle(id: number) {
    this.checked = toggleId(this.checked, id);
  }

  toggleAll() {
    this.checked = this.checked.length === this.items.length ? [] : [...this.ids];
  }

  /** Drop items that no longer belong to the view, keeping the selection on a neighbour. */
  private prune(changed: InboxItem[]) {
    const leaving = new Set(changed.filter((i) => !belongsTo(this.view, i)).map((i) => i.id));
    if (leaving.size === 0) return;
    const nextSelected = this.selectedId !== null && leaving.has(this.selectedId) ? this.neighbourOutside(leaving) : this.selectedId;
    this.items = this.items.filter((i) => !leaving.has(i.id));
    this.checked = this.checked.filter((id) => !leaving.has(id));
    if (nextSelected !== this.selectedId) void this.open(nextSelected);
  }

  private neighbourOutside(leaving: Set<number>): number | null {
    const at = this.ids.indexOf(this.selectedId!);
    const after = this.ids.slice(at + 1).find((id) => !leaving.has(id));
    return after ?? this.ids.slice(0, at).reverse().find((id) => !leaving.has(id)) ?? null;
  }

  /** Apply a change to rows shown, then let those that left the view go. */
  private patchRows(ids: number[], patch: (item: InboxItem) => InboxItem) {
    const changed: InboxItem[] = [];
    this.items = this.items.map((i) => {
      if (!ids.includes(i.id)) return i;
      const next = patch(i);
      changed.push(next);
      return next;
    });
    this.prune(changed);
  }

  /** Correct one message; its row takes the server's new decision (and may leave the view). */
  async correct(id: number, correction: CorrectionInput) {
    await this.api(`/api/messages/${id}/correction`, { method: "POST", body: correction });
    const d = await this.api<MessageDetail>(`/api/inbox/messages/${id}`);
    const c = d.classification;
    this.patchRows([id], (i) => ({
      ...i,
      intent: c?.intent ?? i.intent,
      intentConfidence: c?.intentConfidence ?? i.intentConfidence,
      debtor: c?.debtor ?? null,
      invoices: c?.invoices ?? i.invoices,
      language: c?.language ?? i.language,
      corrected: true,
    }));
    if (this.selectedId === id) this.detail = d;
    await this.loadCounts();
  }

  /** A bulk action on the checked rows (or `ids`). `debtor` names the debtor for assign_debtor so rows update at once. */
  async bulk(action: BulkInput["action"], extra: { intent?: string; debtor?: InboxItem["debtor"] } = {}, ids = this.checked) {
    if (ids.length === 0) return;
    const body: Record<string, unknown> = { action, ids };
    if (action === "set_intent") body.intent = extra.intent;
    if (action === "assign_debtor") body.debtorId = extra.debtor?.id ?? null;
    await this.api("/api/inbox/bulk", { method: "POST", body });
    const triage = { done: "done", archive: "archived", inbox: "inbox" } as Record<string, string>;
    this.checked = this.checked.filter((id) => !ids.includes(id));
    this.patchRows(ids, (i) => {
      if (action in triage) return { ...i, triageStatus: triage[action] };
      if (action === "set_intent") return { ...i, intent: extra.intent ?? i.intent, intentConfidence: 1, corrected: true };
      return { ...i, debtor: extra.debtor ?? null, corrected: true };
    });
    await this.loadCounts();
  }

}
