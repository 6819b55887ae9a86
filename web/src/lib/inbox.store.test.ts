import { describe, it, expect } from "vitest";
import type { InboxItem, MessageDetail } from "../../../server/src/modules/inbox/schemas.ts";
import { InboxStore } from "./inbox.svelte.ts";
import { item } from "./test-items.ts";

/** A fake API answering like the server, recording what the store asked. */
function fakeApi(pages: Record<string, InboxItem[]>) {
  const calls: { path: string; method: string; body?: unknown; query?: Record<string, unknown> }[] = [];
  const detail = (id: number, over: Partial<NonNullable<MessageDetail["classification"]>> = {}) =>
    ({ message: { id }, classification: { intent: "question", intentConfidence: 1, debtor: null, invoices: [], language: "en", ...over }, drafts: [] }) as unknown as MessageDetail;
  let nextDetail: Partial<NonNullable<MessageDetail["classification"]>> = {};
  const api = (async (path: string, init: { method?: string; body?: unknown; query?: Record<string, unknown> } = {}) => {
    calls.push({ path, method: init.method ?? "GET", body: init.body, query: init.query });
    if (path === "/api/inbox/messages") return { items: pages[String(init.query?.view)] ?? [], nextCursor: null };
    if (path === "/api/inbox/counts") return { all: 0, unassigned: 0, attention: 0, done: 0, intents: {}, debtors: [] };
    const m = path.match(/^\/api\/inbox\/messages\/(\d+)$/);
    if (m) return detail(Number(m[1]), nextDetail);
    return {};
  }) as never;
  return { api, calls, setDetail: (d: typeof nextDetail) => (nextDetail = d) };
}

describe("InboxStore", () => {
  it("loads a view, moves with j/k and opens messages", async () => {
    const { api, calls } = fakeApi({ all: [item(3), item(2), item(1)] });
    const store = new InboxStore(api);
    await store.load();
    expect(store.ids).toEqual([3, 2, 1]);
    await store.move(1);
    expect(store.selectedId).toBe(3);
    await store.move(1);
    expect(store.selectedId).toBe(2);
    expect(store.detail?.message.id).toBe(2);
    await store.move(-1);
    expect(store.selected?.id).toBe(3);
    expect(calls.filter((c) => c.path.startsWith("/api/inbox/messages/")).map((c) => c.path)).toEqual(["/api/inbox/messages/3", "/api/inbox/messages/2", "/api/inbox/messages/3"]);
  });

  it("a corrected message leaves a view it no longer belongs to, selecting its neighbour", async () => {
    const { api, calls, setDetail } = fakeApi({ unassigned: [item(3, { debtor: null }), item(2, { debtor: null }), item(1, { debtor: null })] });
    const store = new InboxStore(api);
    store.view = "unassigned";
    await store.load();
    await store.open(2);
    setDetail({ intent: "dispute", debtor: { id: 9, number: "C9", name: "Nine" } });
    await store.correct(2, { intent: "dispute", debtorId: 9 });
    expect(calls.find((c) => c.method === "POST")).toMatchObject({ path: "/api/messages/2/correction", body: { intent: "dispute", debtorId: 9 } });
    expect(store.ids).toEqual([3, 1]);
    expect(store.selectedId).toBe(1);
  });

  it("bulk actions send the checked ids and update rows at once", async () => {
    const { api, calls } = fakeApi({ all: [item(3), item(2), item(1)] });
    const store = new InboxStore(api);
    await store.load();
    store.toggle(3);
    store.toggle(1);
    await store.bulk("archive");
    expect(calls.find((c) => c.method === "POST")?.body).toEqual({ action: "archive", ids: [3, 1] });
    expect(store.ids).toEqual([2]);
    expect(store.checked).toEqual([]);
    store.toggleAll();
    expect(store.checked).toEqual([2]);
    await store.bulk("set_intent", { intent: "dispute" });
    expect(store.items[0]).toMatchObject({ intent: "dispute", corrected: true });
  });

  it("merges live mail on top without losing the selection", async () => {
    const pages = { all: [item(2), item(1)] };
    const { api } = fakeApi(pages);
    const store = new InboxStore(api);
    await store.load();
    await store.open(1);
    pages.all = [item(4), item(3), item(2)];
    expect(await store.refreshTop()).toBe(2);
    expect(store.ids).toEqual([4, 3, 2, 1]);
    expect(store.selectedId).toBe(1);
  });
});
