import { describe, it, expect, beforeAll, afterAll } from "vitest";
import type { AppContext } from "../../server/src/context.ts";
import { wireContext } from "../helpers/wire-context.ts";
import type { InboxCounts, InboxListResponse, MessageDetail } from "../../server/src/modules/inbox/schemas.ts";
import type { AccuracyStats, ArKpis, BacklogStats, VolumeStats } from "../../server/src/modules/stats/schemas.ts";
import { apiAs, type ApiClient } from "../helpers/api.ts";
import { seedInbox } from "../helpers/seed-inbox.ts";

/**
 * Server mode: auth, the inbox and the dashboards through the postgres-js
 * driver (PGlite served over the wire), where timestamps, numerics and
 * counts come back differently than from embedded PGlite.
 */
describe("inbox and stats over the wire (postgres driver)", () => {
  let wire: Awaited<ReturnType<typeof wireContext>>;
  let ctx: AppContext;
  let clerk: ApiClient;
  let manager: ApiClient;
  let ids: number[];

  beforeAll(async () => {
    wire = await wireContext();
    ctx = wire.ctx;
    const seeded = await seedInbox(ctx, {
      debtors: [{ number: "C1", name: "One", invoices: [{ number: "F-100", amount: 120.5, issueDate: "2024-01-01", dueDate: "2024-01-31" }] }, { number: "C2", name: "Two" }],
      messages: Array.from({ length: 7 }, (_, i) => ({
        subject: `Message ${i} about factuur F-100`,
        from: `p${i}@one.example`,
        intent: i % 2 ? "question" : "dispute",
        confidence: 0.5 + i / 20,
        debtor: i === 3 ? null : "C1",
        invoices: ["F-100"],
        date: new Date(Date.UTC(2024, 10, 1, 10, 0, 0, i)),
        triage: i === 6 ? ("done" as const) : ("inbox" as const),
        mailbox: "ar",
      })),
    });
    ids = seeded.messageIds;
    clerk = await apiAs(ctx, "clerk");
    manager = await apiAs(ctx, "manager");
  });
  afterAll(async () => {
    await wire?.close();
  });

  const json = async <T>(client: ApiClient, path: string, init?: RequestInit) => {
    const res = await client.request(path, init);
    expect(res.status, `${path}: ${res.status}`).toBeLessThan(300);
    return (await res.json()) as T;
  };

  it("lists, pages (ms-apart dates) and searches", async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: InboxListResponse = await json(clerk, `/api/inbox/messages?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([ids[5], ids[4], ids[3], ids[2], ids[1], ids[0]]);
    const found = await json<InboxListResponse>(clerk, "/api/inbox/messages?q=F-100&view=done");
    expect(found.items.map((i) => i.id)).toEqual([ids[6]]);
    expect(found.items[0].date).toBe("2024-11-01T10:00:00.006Z");
    const counts = await json<InboxCounts>(clerk, "/api/inbox/counts");
    expect(counts).toMatchObject({ all: 6, unassigned: 1, done: 1, intents: { dispute: 3, question: 3 } });
  });

  it("shows, corrects and measures", async () => {
    const d = await json<MessageDetail>(clerk, `/api/inbox/messages/${ids[3]}`);
    expect(d.message.date).toBe("2024-11-01T10:00:00.003Z");
    await json(clerk, `/api/messages/${ids[3]}/correction`, { method: "POST", body: JSON.stringify({ intent: "dispute", debtor: "C2" }) });
    const acc = await json<AccuracyStats>(manager, "/api/stats/accuracy");
    expect(acc).toMatchObject({ reviewed: 2, corrections: 1, confusion: { question: { dispute: 1 }, dispute: { dispute: 1 } } });
    expect(acc.routing.accuracy).toBe(0.5);
    const backlog = await json<BacklogStats>(manager, "/api/stats/backlog");
    expect(backlog).toMatchObject({ inbox: 6, unassigned: 0 });
    const vol = await json<VolumeStats>(manager, "/api/stats/volume?days=7");
    expect(vol.days).toHaveLength(7);
    const ar = await json<ArKpis>(manager, "/api/stats/ar?asOf=2024-02-15");
    expect(ar.currencies).toEqual([{ currency: "EUR", open: 120.5, overdue: 120.5, aging: { current: 0, days1to30: 120.5, days31to60: 0, days61to90: 0, days90plus: 0 }, dso: expect.any(Number) }]);
  });
});
