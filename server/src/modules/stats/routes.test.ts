import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { sql } from "drizzle-orm";
import { freshContext } from "../../../../tests/helpers/context.ts";
import { apiAs, type ApiClient } from "../../../../tests/helpers/api.ts";
import { seedInbox } from "../../../../tests/helpers/seed-inbox.ts";
import type { AppContext } from "../../context.ts";
import { evalRuns } from "../../db/schema.ts";
import { tableExists } from "../inbox/optional-tables.ts";
import type { AccuracyStats, ArKpis, BacklogStats, EvalCompare, VolumeStats } from "./schemas.ts";

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

describe("stats API", () => {
  let ctx: AppContext;
  let manager: ApiClient;
  let clerk: ApiClient;
  let ids: number[];
  let debtorIds: Map<string, number>;
  const get = async <T>(path: string) => {
    const res = await manager.request(path);
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  };

  beforeAll(async () => {
    ctx = await freshContext();
    const seeded = await seedInbox(ctx, {
      debtors: [
        { number: "C1", name: "One", invoices: [
          { number: "I-1", amount: 100, issueDate: "2024-01-01", dueDate: "2024-01-31" },
          { number: "I-2", amount: 50, issueDate: "2024-03-01", dueDate: "2024-03-20" },
          { number: "I-3", amount: 300, issueDate: "2024-03-25", dueDate: "2024-04-25" },
          { number: "CN-1", amount: -20, issueDate: "2024-03-02" },
        ] },
        { number: "C2", name: "Two" },
      ],
      messages: [
        { subject: "a", from: "a@one.example", intent: "dispute", debtor: "C1", triage: "done", date: daysAgo(1), mailbox: "ar" },
        { subject: "b", from: "b@one.example", intent: "question", debtor: "C1", triage: "done", date: daysAgo(2), mailbox: "ar" },
        { subject: "c", from: "c@two.example", intent: "question", debtor: "C1", date: daysAgo(3), mailbox: "sales" },
        { subject: "d", from: "d@x.example", intent: "payment_promise", debtor: null, date: daysAgo(10) },
        { subject: "e", from: "e@x.example", intent: "other", debtor: null, date: daysAgo(40) },
      ],
    });
    ids = seeded.messageIds;
    debtorIds = seeded.debtorIds;
    manager = await apiAs(ctx, "manager");
    clerk = await apiAs(ctx, "clerk");
    // The clerk fixes c: it was a dispute from debtor C2 (a wrong assignment), and d: a promise from C2 (was unassigned).
    for (const [id, body] of [
      [ids[2], { intent: "dispute", debtorId: debtorIds.get("C2") }],
      [ids[3], { debtorId: debtorIds.get("C2") }],
    ] as const) {
      const r = await clerk.request(`/api/messages/${id}/correction`, { method: "POST", body: JSON.stringify(body) });
      expect(r.status).toBe(201);
    }
  });
  afterAll(() => ctx.database.close());

  it("measures accuracy from corrections", async () => {
    const s = await get<AccuracyStats>("/api/stats/accuracy");
    expect(s.reviewed).toBe(4);
    expect(s.corrections).toBe(2);
    expect(s.confusion).toEqual({ dispute: { dispute: 1 }, question: { question: 1, dispute: 1 }, payment_promise: { payment_promise: 1 } });
    expect(s.intentAccuracy).toBeCloseTo(3 / 4);
    expect(s.perIntent.question).toMatchObject({ precision: 0.5, recall: 1, support: 1 });
    expect(s.perIntent.dispute).toMatchObject({ precision: 1, recall: 0.5, support: 2 });
    // a, b routed right; c wrongly to C1; d left unassigned (not wrong, but not right either).
    expect(s.routing.accuracy).toBeCloseTo(2 / 4);
    expect(s.routing.wrongAssignmentRate).toBeCloseTo(1 / 4);
    expect(s.routing.unassignedRate).toBeCloseTo(1 / 4);
    // Handled = done: a and b, neither corrected.
    expect(s.handled).toBe(2);
    expect(s.automationRate).toBe(1);
    expect(s.trend.reduce((a, w) => a + w.reviewed, 0)).toBe(4);
    expect(s.trend[0].week).toMatch(/^\d{4}-W\d{2}$/);
  });

  it("lists and compares eval runs", async () => {
    const report = (acc: number, f1: number) => ({
      intent: { accuracy: acc, macroF1: f1, perIntent: { dispute: { precision: 1, recall: acc, f1, support: 3 } } },
      routing: { accuracy: 0.9, wrongAssignmentRate: 0.02, unassignedRate: 0.08 },
      invoices: { precision: 0.99, recall: 0.9 },
      language: { accuracy: 0.98 },
      byLanguage: { nl: { intentAccuracy: acc, macroF1: f1, routingAccuracy: 0.9, emails: 10 } },
      cost: { msPerEmail: { p50: 3, p95: 9 }, llmCalls: 0, tokens: 0 },
      config: { embedder: "hashing-384", llm: null, classifier: "v1" },
    });
    const [a] = await ctx.db.insert(evalRuns).values({ setName: "set-a", emails: 100, report: report(0.8, 0.7) }).returning();
    const [b] = await ctx.db.insert(evalRuns).values({ setName: "set-a", emails: 100, report: report(0.9, 0.85) }).returning();
    const { runs } = await get<{ runs: { id: number; intentAccuracy: number; p95Ms: number }[] }>("/api/stats/eval-runs");
    expect(runs.map((r) => r.id).sort()).toEqual([a.id, b.id].sort());
    expect(runs.find((r) => r.id === a.id)).toMatchObject({ intentAccuracy: 0.8, p95Ms: 9 });
    const cmp = await get<EvalCompare>(`/api/stats/eval-runs/compare?a=${a.id}&b=${b.id}`);
    expect(cmp.delta.intentAccuracy).toBeCloseTo(0.1);
    expect(cmp.perIntent).toEqual([{ intent: "dispute", f1A: 0.7, f1B: 0.85 }]);
    expect(cmp.byLanguage).toEqual([{ language: "nl", accuracyA: 0.8, accuracyB: 0.9 }]);
    const detail = await get<{ report: { config: { classifier: string } } }>(`/api/stats/eval-runs/${a.id}`);
    expect(detail.report.config.classifier).toBe("v1");
    expect((await manager.request("/api/stats/eval-runs/99999")).status).toBe(404);
    expect((await manager.request("/api/stats/eval-runs/compare?a=1")).status).toBe(422);
  });

  it("reports volume per day and the backlog", async () => {
    const v = await get<VolumeStats>("/api/stats/volume?days=30");
    expect(v.days).toHaveLength(30);
    expect(v.total).toBe(4);
    expect(v.byIntent.dispute.reduce((a, b) => a + b, 0)).toBe(2);
    expect(v.byMailbox.ar.reduce((a, b) => a + b, 0)).toBe(2);
    expect(v.byMailbox.sales.reduce((a, b) => a + b, 0)).toBe(1);
    const b = await get<BacklogStats>("/api/stats/backlog");
    // c, d, e are in the inbox; d was assigned by the clerk; e is "other" (not waiting for routing).
    expect(b).toMatchObject({ inbox: 3, unassigned: 0 });
    await ctx.database.query(sql`update classifications set debtor_id = null where message_id = ${ids[3]}`);
    const b2 = await get<BacklogStats>("/api/stats/backlog");
    expect(b2.unassigned).toBe(1);
    expect(b2.unassignedByAge).toEqual({ under1d: 0, d1to3: 0, d3to7: 0, over7d: 1 });
  });

  it("computes AR KPIs from the ledger", async () => {
    const ar = await get<ArKpis>("/api/stats/ar?asOf=2024-04-10");
    expect(ar.currencies).toHaveLength(1);
    const eur = ar.currencies[0];
    expect(eur).toMatchObject({ currency: "EUR", open: 430, overdue: 150 });
    expect(eur.aging).toEqual({ current: 280, days1to30: 50, days31to60: 0, days61to90: 100, days90plus: 0 });
    // Invoiced in the 90 days before 10 April: I-2 + I-3 = 350 → DSO = 430 / 350 × 90.
    expect(eur.dso).toBeCloseTo((430 / 350) * 90, 1);
    expect(ar.disputes.available).toBe(await tableExists(ctx, "disputes"));
  });

  it("is for managers only", async () => {
    for (const path of ["/api/stats/accuracy", "/api/stats/ar", "/api/stats/eval-runs"]) {
      expect((await clerk.request(path)).status).toBe(403);
    }
    const collector = await apiAs(ctx, "collector");
    expect((await collector.request("/api/stats/volume")).status).toBe(403);
    const admin = await apiAs(ctx, "admin");
    expect((await admin.request("/api/stats/volume")).status).toBe(200);
  });
});
