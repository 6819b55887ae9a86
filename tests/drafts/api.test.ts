import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { freshContext } from "../helpers/context.ts";
import { apiAs, type ApiClient } from "../helpers/api.ts";
import { startSmtp, type TestSmtp } from "../helpers/smtp.ts";
import type { AppContext } from "../../server/src/context.ts";
import { createApp } from "../../server/src/app.ts";
import { debtors } from "../../server/src/db/schema.ts";
import { prepareActions } from "../../server/src/modules/drafts/prepare-actions.ts";
import { debtorId, insertEmail, setupLedger, TODAY } from "./fixtures.ts";

let ctx: AppContext;
let smtp: TestSmtp;
let collector: ApiClient;
let clerk: ApiClient;
let manager: ApiClient;
const ids: Record<string, number> = {};

beforeAll(async () => {
  smtp = await startSmtp();
  ctx = await freshContext({ SMTP_URL: smtp.url });
  const { mailboxId } = await setupLedger(ctx);
  const app = createApp(ctx);
  [collector, clerk, manager] = await Promise.all([apiAs(ctx, "collector", app), apiAs(ctx, "clerk", app), apiAs(ctx, "manager", app)]);
  const emails = {
    dispute: { intent: "dispute", invoices: ["F2025-0113"], fields: { reason: "quantity", amount: 123.45 } },
    document_request: { intent: "document_request", invoices: ["F2025-0150"], fields: { document: "invoice" } },
    payment_plan_request: { intent: "payment_plan_request", invoices: ["F2025-0150"], fields: { instalments: 2 } },
    account_update: { intent: "account_update", fields: { newEmail: "ap@martin.example" } },
    payment_promise: { intent: "payment_promise", invoices: ["F2025-0150"], fields: { promisedDate: "2025-04-10" } },
    insolvency_notice: { intent: "insolvency_notice", fields: { caseReference: "RG 25/1" }, from: "mandataire@justice.example" },
  };
  for (const [key, e] of Object.entries(emails)) {
    const { id } = await insertEmail(ctx, { mailboxId, from: "compta@martin.example", subject: key, text: `Email about ${key}`, language: "fr", debtor: "C1001", ...e });
    await prepareActions({ ctx, input: { messageId: id }, options: { llm: null, today: TODAY } });
    ids[key] = id;
  }
});
afterAll(async () => {
  await ctx.database.close();
  await smtp.close();
});

const json = async (res: Response) => ({ status: res.status, body: (await res.json()) as any });
const draftOf = async (key: string) => (await json(await clerk.request(`/api/drafts?messageId=${ids[key]}`))).body.items[0];

describe("/api/drafts", () => {
  it("lists with filters and shows a draft with the email, the ledger facts and the history", async () => {
    const all = await json(await clerk.request("/api/drafts?status=proposed"));
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(6);
    expect((await json(await clerk.request("/api/drafts?intent=dispute&language=fr"))).body.items).toHaveLength(1);
    expect((await json(await clerk.request("/api/drafts?status=sent"))).body.items).toHaveLength(0);
    const bad = await json(await clerk.request("/api/drafts?status=nonsense"));
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({ code: "VALIDATION", requestId: expect.any(String) });

    const d = await draftOf("dispute");
    const detail = await json(await clerk.request(`/api/drafts/${d.id}`));
    expect(detail.body).toMatchObject({
      intent: "dispute",
      language: "fr",
      status: "proposed",
      to: ["compta@martin.example"],
      email: { id: ids.dispute, from: "compta@martin.example", subject: "dispute" },
      factWarnings: [],
      allowedRecipients: ["compta@martin.example", "direction@martin.example"],
      history: [{ action: "proposed", actor: "system", userId: null }],
    });
    expect(detail.body.facts.referenced[0].number).toBe("F2025-0113");
    expect(detail.body.body).toContain("123,45 €");
    expect((await json(await clerk.request("/api/drafts/99999"))).body.error.code).toBe("NOT_FOUND");
  });

  it("serves the attached PDF for preview", async () => {
    const d = await draftOf("document_request");
    const res = await clerk.request(`/api/drafts/${d.id}/attachments/0`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("edit → approve → send, with who did what in the history; clerks cannot approve", async () => {
    const d = await draftOf("payment_promise");
    const stranger = await json(await collector.request(`/api/drafts/${d.id}`, { method: "PATCH", body: JSON.stringify({ to: ["x@evil.example"] }) }));
    expect(stranger.status).toBe(422);
    expect(stranger.body.error).toMatchObject({ code: "VALIDATION", message: expect.stringContaining("x@evil.example") });

    const edited = await json(
      await collector.request(`/api/drafts/${d.id}`, { method: "PATCH", body: JSON.stringify({ body: "Bonjour,\n\nNous notons 999,99 € pour le 10 avril 2025.\n", to: ["direction@martin.example"] }) }),
    );
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ status: "edited", to: ["direction@martin.example"] });
    // The collector is warned that 999,99 € is not a ledger fact (advice, not a block).
    expect(edited.body.factWarnings).toEqual([{ kind: "amount", text: "999,99 €" }]);

    expect((await clerk.request(`/api/drafts/${d.id}/approve`, { method: "POST" })).status).toBe(403);
    const approved = await json(await collector.request(`/api/drafts/${d.id}/approve`, { method: "POST" }));
    expect(approved.body).toMatchObject({ status: "approved", approvedBy: collector.user.id });

    const sent = await json(await collector.request(`/api/drafts/${d.id}/send`, { method: "POST" }));
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ sent: true, error: null, draft: { status: "sent" } });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0].to).toEqual(["direction@martin.example"]);
    expect(sent.body.draft.history.map((h: any) => [h.action, h.actor])).toEqual([
      ["proposed", "system"],
      ["edited", collector.user.email],
      ["approved", collector.user.email],
      ["sent", collector.user.email],
    ]);
    // Sent drafts cannot be edited or rejected.
    expect((await collector.request(`/api/drafts/${d.id}`, { method: "PATCH", body: JSON.stringify({ body: "x" }) })).status).toBe(409);
  });

  it("reject needs a reason", async () => {
    const d = await draftOf("account_update");
    expect((await collector.request(`/api/drafts/${d.id}/reject`, { method: "POST", body: "{}" })).status).toBe(422);
    const r = await json(await collector.request(`/api/drafts/${d.id}/reject`, { method: "POST", body: JSON.stringify({ reason: "Will call them instead" }) }));
    expect(r.body).toMatchObject({ status: "rejected", rejectReason: "Will call them instead" });
    expect((await collector.request(`/api/drafts/${d.id}/send`, { method: "POST" })).status).toBe(409);
  });
});

describe("cases over HTTP", () => {
  it("/api/disputes: list, assign, comment, close", async () => {
    const list = await json(await clerk.request("/api/disputes?status=open"));
    expect(list.body.items).toHaveLength(1);
    const dispute = list.body.items[0];
    expect(dispute).toMatchObject({ reason: "quantity", disputedAmount: 123.45, invoices: [{ number: "F2025-0113" }], debtor: { number: "C1001" } });
    const patched = await json(await collector.request(`/api/disputes/${dispute.id}`, { method: "PATCH", body: JSON.stringify({ status: "investigating", assigneeId: collector.user.id }) }));
    expect(patched.body).toMatchObject({ status: "investigating", assigneeId: collector.user.id });
    const commented = await json(await collector.request(`/api/disputes/${dispute.id}/comments`, { method: "POST", body: JSON.stringify({ body: "Asked the warehouse." }) }));
    expect(commented.status).toBe(201);
    expect(commented.body.comments[0]).toMatchObject({ author: collector.user.email, body: "Asked the warehouse." });
    expect((await collector.request(`/api/disputes/${dispute.id}`, { method: "PATCH", body: JSON.stringify({ status: "lost" }) })).status).toBe(422);
    const closed = await json(await collector.request(`/api/disputes/${dispute.id}`, { method: "PATCH", body: JSON.stringify({ status: "resolved" }) }));
    expect(closed.body.history.map((h: any) => h.action)).toEqual(["opened", "updated", "commented", "updated"]);
  });

  it("/api/payment-plans: exact sums only, then accept", async () => {
    const list = await json(await clerk.request("/api/payment-plans"));
    const plan = list.body.items[0];
    expect(plan).toMatchObject({ status: "proposed", totalAmount: 480, instalments: [{ amount: 240 }, { amount: 240 }] });
    const off = await json(
      await collector.request(`/api/payment-plans/${plan.id}`, { method: "PATCH", body: JSON.stringify({ instalments: [{ dueDate: "2025-04-01", amount: 240 }, { dueDate: "2025-05-01", amount: 239.99 }] }) }),
    );
    expect(off.status).toBe(422);
    expect(off.body.error.message).toContain("difference -0.01");
    const ok = await json(
      await collector.request(`/api/payment-plans/${plan.id}`, { method: "PATCH", body: JSON.stringify({ instalments: [{ dueDate: "2025-04-01", amount: 80 }, { dueDate: "2025-05-01", amount: 400 }] }) }),
    );
    expect(ok.status).toBe(200);
    const accepted = await json(await collector.request(`/api/payment-plans/${plan.id}/accept`, { method: "POST" }));
    expect(accepted.body).toMatchObject({ status: "accepted", acceptedBy: collector.user.id });
    expect((await collector.request(`/api/payment-plans/${plan.id}/accept`, { method: "POST" })).status).toBe(409);
  });

  it("/api/account-updates, /api/promises, /api/tasks", async () => {
    const proposals = await json(await clerk.request("/api/account-updates?status=proposed"));
    expect(proposals.body.items).toHaveLength(1);
    const p = proposals.body.items[0];
    const confirmed = await json(await clerk.request(`/api/account-updates/${p.id}/confirm`, { method: "POST" }));
    expect(confirmed.body).toMatchObject({ status: "confirmed", decidedBy: clerk.user.id });
    expect((await clerk.request(`/api/account-updates/${p.id}/reject`, { method: "POST", body: JSON.stringify({ reason: "late" }) })).status).toBe(409);

    const promises = await json(await clerk.request("/api/promises?status=pending"));
    expect(promises.body.items).toEqual([expect.objectContaining({ promisedDate: "2025-04-10", amount: 480, invoices: [{ id: expect.any(Number), number: "F2025-0150" }] })]);

    const tasks = await json(await clerk.request("/api/tasks?status=open"));
    expect(tasks.body.items).toEqual([expect.objectContaining({ kind: "file_insolvency_claim", debtor: expect.objectContaining({ number: "C1001", insolvent: true }) })]);
    const done = await json(await collector.request(`/api/tasks/${tasks.body.items[0].id}`, { method: "PATCH", body: JSON.stringify({ status: "done" }) }));
    expect(done.body).toMatchObject({ status: "done", completedAt: expect.any(String) });
  });

  it("tone per debtor and per group (managers only)", async () => {
    const id = await debtorId(ctx, "C4001");
    expect((await collector.request(`/api/debtors/${id}/tone`, { method: "PUT", body: JSON.stringify({ tone: "firm" }) })).status).toBe(403);
    const one = await json(await manager.request(`/api/debtors/${id}/tone`, { method: "PUT", body: JSON.stringify({ tone: "firm" }) }));
    expect(one.body).toEqual({ updated: 1, tone: "firm" });
    const group = await json(await manager.request(`/api/debtors/groups/${encodeURIComponent("Smith Group")}/tone`, { method: "PUT", body: JSON.stringify({ tone: "friendly" }) }));
    expect(group.body).toEqual({ updated: 1, tone: "friendly" });
    expect((await manager.request(`/api/debtors/${id}/tone`, { method: "PUT", body: JSON.stringify({ tone: "angry" }) })).status).toBe(422);
    const [d] = await ctx.db.select().from(debtors).where(eq(debtors.id, id));
    expect(d.tone).toBe("friendly");
  });
});
