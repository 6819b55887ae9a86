import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { eq } from "drizzle-orm";
import { createApp } from "../../app.ts";
import { freshContext } from "../../../../tests/helpers/context.ts";
import { apiAs, type ApiClient } from "../../../../tests/helpers/api.ts";
import { seedInbox } from "../../../../tests/helpers/seed-inbox.ts";
import type { AppContext } from "../../context.ts";
import { classifications, corrections } from "../../db/schema.ts";
import type { InboxCounts, InboxListResponse, MessageDetail } from "./schemas.ts";

const day = (d: string) => new Date(`${d}T10:00:00Z`);

describe("inbox API", () => {
  let ctx: AppContext;
  let clerk: ApiClient;
  let ids: number[];
  let debtorIds: Map<string, number>;
  const list = async (qs: string) => {
    const res = await clerk.request(`/api/inbox/messages?${qs}`);
    expect(res.status).toBe(200);
    return (await res.json()) as InboxListResponse;
  };

  beforeAll(async () => {
    ctx = await freshContext();
    const seeded = await seedInbox(ctx, {
      debtors: [
        { number: "C100", name: "Boulangerie Martin", contacts: ["compta@martin.example"], invoices: [{ number: "F2024-0113", amount: 1234.56, issueDate: "2024-10-01", dueDate: "2024-10-31" }] },
        { number: "C200", name: "Bakkerij Jansen", invoices: [{ number: "F2024-0200", amount: 99, issueDate: "2024-10-01" }] },
        { number: "C300", name: "Failliet BV", insolvent: true },
      ],
      messages: [
        { subject: "Nous réglerons fin du mois", from: "compta@martin.example", intent: "payment_promise", debtor: "C100", invoices: ["F2024-0113"], language: "fr", date: day("2024-11-05"), mailbox: "ar" },
        { subject: "Wrong price on invoice", from: "ap@jansen.example", intent: "dispute", debtor: "C200", language: "en", date: day("2024-11-04"), mailbox: "ar" },
        { subject: "Hello there", from: "someone@gmail.com", intent: "question", confidence: 0.4, debtor: null, candidates: ["C100", "C200"], language: "nl", date: day("2024-11-03"), mailbox: "sales" },
        { subject: "Faillissement", from: "curator@law.example", intent: "insolvency_notice", debtor: "C300", language: "nl", date: day("2024-11-02") },
        { subject: "Newsletter", from: "news@shop.example", intent: "other", debtor: null, date: day("2024-11-01") },
        { subject: "Paid already", from: "compta@martin.example", intent: "payment_notice", debtor: "C100", triage: "done", date: day("2024-10-30") },
        {
          subject: "Remittance with logo",
          from: "compta@martin.example",
          intent: "payment_notice",
          debtor: "C100",
          date: day("2024-10-29"),
          text: "See attached remittance for factuur F2024-0113",
          html: '<p onclick="alert(1)">Paid <b>today</b><script>window.pwned=1</script></p><img src="https://tracker.example/p.gif"><img src="cid:logo@x"><a href="javascript:alert(1)">x</a><div style="position:fixed;background:url(https://evil.example/x)">y</div>',
          attachments: [
            { filename: "remittance.html", contentType: "text/html", content: Buffer.from("<script>alert(1)</script>") },
            { filename: "logo.png", contentType: "image/png", content: Buffer.from("89504e47", "hex"), contentId: "<logo@x>" },
          ],
          messageId: "<root@martin.example>",
        },
        { subject: "Re: Remittance with logo", from: "ar@us.example", intent: "other", debtor: "C100", date: day("2024-11-06"), inReplyTo: "<root@martin.example>", references: ["<root@martin.example>"], triage: "archived" },
      ],
    });
    ids = seeded.messageIds;
    debtorIds = seeded.debtorIds;
    clerk = await apiAs(ctx, "clerk");
  });
  afterAll(() => ctx.database.close());

  it("counts every view", async () => {
    const counts = (await (await clerk.request("/api/inbox/counts")).json()) as InboxCounts;
    expect(counts).toMatchObject({ all: 6, unassigned: 1, attention: 3, done: 2 });
    expect(counts.intents).toMatchObject({ payment_promise: 1, dispute: 1, question: 1, insolvency_notice: 1, other: 1, payment_notice: 1 });
    expect(counts.debtors[0]).toMatchObject({ number: "C100", count: 2 });
  });

  it("lists views newest first", async () => {
    expect((await list("view=all")).items.map((i) => i.subject)).toEqual([
      "Nous réglerons fin du mois", "Wrong price on invoice", "Hello there", "Faillissement", "Newsletter", "Remittance with logo",
    ]);
    expect((await list("view=unassigned")).items.map((i) => i.subject)).toEqual(["Hello there"]);
    expect((await list("view=attention")).items.map((i) => i.subject)).toEqual(["Wrong price on invoice", "Hello there", "Faillissement"]);
    expect((await list("view=done")).items.map((i) => i.subject)).toEqual(["Re: Remittance with logo", "Paid already"]);
    expect((await list("view=intent:dispute")).items.map((i) => i.subject)).toEqual(["Wrong price on invoice"]);
    const byDebtor = await list(`view=debtor:${debtorIds.get("C100")}`);
    expect(byDebtor.items.map((i) => i.subject)).toEqual(["Nous réglerons fin du mois", "Remittance with logo"]);
    expect(byDebtor.items[0]).toMatchObject({ intent: "payment_promise", debtor: { number: "C100" }, invoices: ["F2024-0113"], corrected: false });
  });

  it("searches subject, sender, body and invoice numbers", async () => {
    expect((await list("q=price")).items.map((i) => i.subject)).toEqual(["Wrong price on invoice"]);
    expect((await list("q=jansen.example")).items).toHaveLength(1);
    expect((await list("q=remittance")).items.map((i) => i.subject)).toEqual(["Remittance with logo"]);
    // The promise mentions the invoice only in its classification; the remittance only in its body.
    expect((await list("q=F2024-0113")).items.map((i) => i.subject)).toEqual(["Nous réglerons fin du mois", "Remittance with logo"]);
    expect((await list("q=nothing-matches-this")).items).toEqual([]);
  });

  it("filters by mailbox, language, date and confidence", async () => {
    const mailboxId = (await ctx.database.query<{ id: number }>((await import("drizzle-orm")).sql`select id from mailboxes where name = 'sales'`))[0].id;
    expect((await list(`mailbox=${mailboxId}`)).items.map((i) => i.subject)).toEqual(["Hello there"]);
    expect((await list("language=fr")).items.map((i) => i.subject)).toEqual(["Nous réglerons fin du mois"]);
    expect((await list("from=2024-11-03&to=2024-11-04")).items.map((i) => i.subject)).toEqual(["Wrong price on invoice", "Hello there"]);
    expect((await list("maxConfidence=0.5")).items.map((i) => i.subject)).toEqual(["Hello there"]);
    expect((await list("minConfidence=0.5&view=attention")).items).toHaveLength(2);
  });

  it("pages with a keyset cursor without gaps or repeats", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: InboxListResponse = await list(`limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...page.items.map((i) => i.subject!));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual((await list("view=all")).items.map((i) => i.subject));
  });

  it("rejects bad views, cursors and limits with the common error shape", async () => {
    for (const qs of ["view=nope", "view=intent:bogus", "limit=1000", "from=yesterday"]) {
      const res = await clerk.request(`/api/inbox/messages?${qs}`);
      expect(res.status).toBe(422);
      expect((await res.json()).error.code).toBe("VALIDATION");
    }
    const bad = await clerk.request("/api/inbox/messages?cursor=Zm9vfGJhcg");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({ code: "BAD_REQUEST" });
  });

  it("shows a message with sanitised HTML, thread, attachments and the debtor's cases", async () => {
    const res = await clerk.request(`/api/inbox/messages/${ids[6]}`);
    expect(res.status).toBe(200);
    const d = (await res.json()) as MessageDetail;
    expect(d.message.html).toContain("<b>today</b>");
    expect(d.message.html).not.toMatch(/script|onclick|javascript:|pwned|position|url\(/i);
    expect(d.message.html).toContain('data-remote-src="https://tracker.example/p.gif"');
    expect(d.message.html).not.toMatch(/\ssrc="https:/);
    expect(d.message.html).toContain('src="data:image/png;base64,iVBORw=="');
    expect(d.message.hasRemoteImages).toBe(true);
    expect(d.attachments.map((a) => a.filename)).toEqual(["remittance.html", "logo.png"]);
    expect(d.thread.map((t) => [t.subject, t.current])).toEqual([["Remittance with logo", true], ["Re: Remittance with logo", false]]);
    expect(d.classification).toMatchObject({ intent: "payment_notice", debtor: { number: "C100" } });
    expect(d.debtorCases!.recentMail.map((m) => m.subject)).toContain("Nous réglerons fin du mois");
  });

  it("offers the routing candidates of an unassigned message", async () => {
    const d = (await (await clerk.request(`/api/inbox/messages/${ids[2]}`)).json()) as MessageDetail;
    expect(d.classification!.candidates.map((c) => c.number)).toEqual(["C100", "C200"]);
    expect(d.debtorCases).toBeNull();
  });

  it("downloads attachments as files, never rendered on our origin", async () => {
    const d = (await (await clerk.request(`/api/inbox/messages/${ids[6]}`)).json()) as MessageDetail;
    const res = await clerk.request(`/api/inbox/messages/${ids[6]}/attachments/${d.attachments[0].id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/octet-stream");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="remittance.html"/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await res.text()).toBe("<script>alert(1)</script>");
    // An attachment id of another message is not served through this one.
    expect((await clerk.request(`/api/inbox/messages/${ids[0]}/attachments/${d.attachments[0].id}`)).status).toBe(404);
  });

  it("stores a correction, updates the decision and announces it", async () => {
    const heard: unknown[] = [];
    ctx.events.on("correction.created", (e) => heard.push(e));
    const res = await clerk.request(`/api/messages/${ids[2]}/correction`, {
      method: "POST",
      body: JSON.stringify({ intent: "document_request", debtorId: debtorIds.get("C200"), invoices: ["F2024-0200"], fields: { document: "invoice" } }),
    });
    expect(res.status).toBe(201);
    const { correctionId } = await res.json();
    expect(heard).toEqual([{ messageId: ids[2], correctionId }]);
    const [row] = await ctx.db.select().from(corrections).where(eq(corrections.id, correctionId));
    expect(row.userId).toBe(clerk.user.id);
    expect(row.before).toMatchObject({ intent: "question", debtor: null });
    expect(row.after).toMatchObject({ intent: "document_request", debtor: "C200", invoices: ["F2024-0200"], fields: { document: "invoice" } });
    expect(row.text).toContain("Hello there");
    const [cls] = await ctx.db.select().from(classifications).where(eq(classifications.messageId, ids[2]));
    expect(cls).toMatchObject({ intent: "document_request", intentConfidence: 1, debtorId: debtorIds.get("C200"), corrected: clerk.user.email });
    expect(cls.correctedAt).toBeInstanceOf(Date);
    // It moved: no longer unassigned, now in the document_request view and C200's view.
    expect((await list("view=unassigned")).items).toEqual([]);
    expect((await list("view=intent:document_request")).items.map((i) => i.id)).toEqual([ids[2]]);
    expect((await list(`view=debtor:${debtorIds.get("C200")}`)).items.map((i) => i.id)).toContain(ids[2]);
  });

  it("refuses corrections naming unknown debtors or invoices, or nothing", async () => {
    const post = (body: unknown) => clerk.request(`/api/messages/${ids[0]}/correction`, { method: "POST", body: JSON.stringify(body) });
    expect((await post({ debtor: "NOPE" })).status).toBe(422);
    expect((await post({ invoices: ["X-1"] })).status).toBe(422);
    expect((await post({})).status).toBe(422);
    expect((await post({ intent: "not-an-intent" })).status).toBe(422);
    expect((await clerk.request(`/api/messages/999999/correction`, { method: "POST", body: JSON.stringify({ intent: "other" }) })).status).toBe(404);
  });

  it("bulk: done, set intent and assign debtor", async () => {
    const bulk = (body: unknown) => clerk.request("/api/inbox/bulk", { method: "POST", body: JSON.stringify(body) });
    const doneBefore = ((await (await clerk.request("/api/inbox/counts")).json()) as InboxCounts).done;
    expect(await (await bulk({ action: "done", ids: [ids[4]] })).json()).toEqual({ updated: 1 });
    expect((await list("view=done")).items.map((i) => i.id)).toContain(ids[4]);
    // Counts are shared between clients for a moment, but a change is counted at once.
    expect(((await (await clerk.request("/api/inbox/counts")).json()) as InboxCounts).done).toBe(doneBefore + 1);
    expect(await (await bulk({ action: "set_intent", ids: [ids[0], ids[1]], intent: "question" })).json()).toEqual({ updated: 2 });
    expect((await list("view=intent:question")).items.map((i) => i.id)).toEqual([ids[0], ids[1]]);
    expect(await (await bulk({ action: "assign_debtor", ids: [ids[3]], debtorId: debtorIds.get("C100") })).json()).toEqual({ updated: 1 });
    const n = await ctx.database.query<{ n: number }>((await import("drizzle-orm")).sql`select count(*)::int as n from corrections`);
    expect(n[0].n).toBe(4);
    expect((await bulk({ action: "explode", ids: [1] })).status).toBe(422);
    expect((await bulk({ action: "done", ids: [] })).status).toBe(422);
  });

  it("needs a session and a CSRF token", async () => {
    const app = createApp(ctx);
    expect((await app.request("/api/inbox/messages")).status).toBe(401);
    const noCsrf = await app.request("/api/inbox/bulk", {
      method: "POST",
      headers: { "content-type": "application/json", cookie: "relance_session=whatever" },
      body: JSON.stringify({ action: "done", ids: [ids[0]] }),
    });
    expect(noCsrf.status).toBe(401);
  });
});
