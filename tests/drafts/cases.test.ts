import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { freshContext } from "../helpers/context.ts";
import type { AppContext } from "../../server/src/context.ts";
import { accountUpdateProposals, contacts, debtors, disputes, drafts, invoices, jobs, paymentPlans, payments, promises, tasks } from "../../server/src/db/schema.ts";
import { prepareActions } from "../../server/src/modules/drafts/prepare-actions.ts";
import { approveDraft, editDraft } from "../../server/src/modules/drafts/service.ts";
import { updateDispute, addDisputeComment, getDispute } from "../../server/src/modules/disputes/service.ts";
import { invoicesEligibleForReminders } from "../../server/src/modules/insolvency/reminder-eligibility.ts";
import { evaluatePromisesAndPlans } from "../../server/src/modules/promises/evaluate.ts";
import { caseJobHandlers, ensureDailyCaseCheck, nextDailyRun, registerCaseListeners } from "../../server/src/modules/promises/jobs.ts";
import { acceptPlan, getPlan, updateSchedule } from "../../server/src/modules/payment-plans/service.ts";
import { confirmAccountUpdate, rejectAccountUpdate } from "../../server/src/modules/account-updates/service.ts";
import { JobWorker } from "../../server/src/jobs/worker.ts";
import { addDays, isoToday } from "../../server/src/modules/drafts/locale-format.ts";
import { classify, debtorId, insertEmail, invoiceRow, pay, setupLedger, TODAY } from "./fixtures.ts";

let ctx: AppContext;
let mailboxId: number;
const opts = { llm: null, today: TODAY };

beforeEach(async () => {
  ctx = await freshContext();
  ({ mailboxId } = await setupLedger(ctx));
});
afterEach(async () => ctx.database.close());

const email = (over: Partial<Parameters<typeof insertEmail>[1]> & { intent: string }) =>
  insertEmail(ctx, { mailboxId, from: "compta@martin.example", subject: "Facture", text: "…", language: "fr", debtor: "C1001", ...over });

describe("disputes", () => {
  it("pause the invoice while open, and closing clears the flag", async () => {
    const { id } = await email({ intent: "dispute", invoices: ["F2025-0113"], fields: { reason: "damaged", amount: 300 } });
    await prepareActions({ ctx, input: { messageId: id }, options: opts });
    const [d] = await ctx.db.select().from(disputes);
    expect(d).toMatchObject({ status: "open", reason: "damaged", disputedAmount: "300.00", messageId: id, slaDueDate: "2025-04-03" });
    expect((await invoiceRow(ctx, "F2025-0113")).inDispute).toBe(true);
    const debtor = await debtorId(ctx, "C1001");
    const eligible = async () => (await invoicesEligibleForReminders(ctx.db, { debtorIds: [debtor], today: "2025-05-01" })).map((i) => i.number).sort();
    expect(await eligible()).toEqual(["F2025-0150"]);

    await updateDispute({ ctx, input: { id: d.id, patch: { status: "investigating", assigneeId: 7 } } });
    expect((await invoiceRow(ctx, "F2025-0113")).inDispute).toBe(true);
    await addDisputeComment({ ctx, input: { id: d.id, body: "Photos received, checking with the warehouse." }, actor: { userId: 7, name: "anna@acme.example" } });
    const closed = await updateDispute({ ctx, input: { id: d.id, patch: { status: "credit_note_agreed", resolutionNote: "Credit note of 300" } }, actor: { userId: 7, name: "anna@acme.example" } });
    expect(closed.status).toBe("credit_note_agreed");
    expect(closed.closedAt).not.toBeNull();
    expect((await invoiceRow(ctx, "F2025-0113")).inDispute).toBe(false);
    expect(await eligible()).toEqual(["F2025-0113", "F2025-0150"]);
    const detail = await getDispute({ ctx, input: { id: d.id } });
    expect(detail.evidence?.id).toBe(id);
    expect(detail.comments).toHaveLength(1);
    expect(detail.history.map((h) => h.action)).toEqual(["opened", "updated", "commented", "updated"]);
    expect(detail.history[3]).toMatchObject({ actor: "anna@acme.example", userId: 7, details: { status: { from: "investigating", to: "credit_note_agreed" } } });
  });

  it("an invoice held by two disputes stays paused until both are closed", async () => {
    const a = await email({ intent: "dispute", invoices: ["F2025-0113"] });
    const b = await email({ intent: "dispute", invoices: ["F2025-0113", "F2025-0150"] });
    await prepareActions({ ctx, input: { messageId: a.id }, options: opts });
    await prepareActions({ ctx, input: { messageId: b.id }, options: opts });
    const [da, db] = await ctx.db.select().from(disputes).orderBy(disputes.id);
    await updateDispute({ ctx, input: { id: da.id, patch: { status: "resolved" } } });
    expect((await invoiceRow(ctx, "F2025-0113")).inDispute).toBe(true);
    await updateDispute({ ctx, input: { id: db.id, patch: { status: "rejected" } } });
    expect((await invoiceRow(ctx, "F2025-0113")).inDispute).toBe(false);
    expect((await invoiceRow(ctx, "F2025-0150")).inDispute).toBe(false);
    await updateDispute({ ctx, input: { id: db.id, patch: { status: "open" } } });
    expect((await invoiceRow(ctx, "F2025-0150")).inDispute).toBe(true);
  });
});

describe("idempotency per message", () => {
  it("re-running replaces the proposed draft and never duplicates the case", async () => {
    const { id } = await email({ intent: "dispute", invoices: ["F2025-0113"], fields: { reason: "price" } });
    const first = await prepareActions({ ctx, input: { messageId: id }, options: opts });
    const second = await prepareActions({ ctx, input: { messageId: id }, options: opts });
    expect(first.draft?.outcome).toBe("created");
    expect(second.draft).toMatchObject({ outcome: "replaced", draftId: first.draft!.draftId });
    expect(second.case).toEqual(first.case);
    expect(await ctx.db.select().from(disputes)).toHaveLength(1);
    expect(await ctx.db.select().from(drafts)).toHaveLength(1);
    // Once a person edited it, a re-run leaves it alone.
    await ctx.db.update(drafts).set({ status: "edited", body: "Mine now" });
    const third = await prepareActions({ ctx, input: { messageId: id }, options: opts });
    expect(third.draft?.outcome).toBe("kept");
    expect((await ctx.db.select().from(drafts))[0].body).toBe("Mine now");
  });

  it("a corrected intent retires the untouched case of the old one", async () => {
    const { id } = await email({ intent: "dispute", invoices: ["F2025-0113"] });
    await prepareActions({ ctx, input: { messageId: id }, options: opts });
    expect((await invoiceRow(ctx, "F2025-0113")).inDispute).toBe(true);
    await classify(ctx, id, { intent: "payment_promise", language: "fr", debtor: "C1001", invoices: ["F2025-0113"], fields: { promisedDate: "2025-03-28" } });
    const r = await prepareActions({ ctx, input: { messageId: id }, options: opts });
    expect(r.case?.kind).toBe("promise");
    expect((await ctx.db.select().from(disputes))[0]).toMatchObject({ status: "resolved" });
    expect((await invoiceRow(ctx, "F2025-0113")).inDispute).toBe(false);
    const [d] = await ctx.db.select().from(drafts);
    expect(d.intent).toBe("payment_promise");
    // Reclassified as an auto-reply: the promise is cancelled and the draft withdrawn.
    await classify(ctx, id, { intent: "auto_reply", language: "fr", debtor: "C1001" });
    await prepareActions({ ctx, input: { messageId: id }, options: opts });
    expect((await ctx.db.select().from(promises))[0].status).toBe("cancelled");
    expect((await ctx.db.select().from(drafts))[0].status).toBe("withdrawn");
  });

  it("an unassigned email gets neither a case nor a draft", async () => {
    const { id } = await email({ intent: "dispute", debtor: null, from: "someone@gmail.example" });
    const r = await prepareActions({ ctx, input: { messageId: id }, options: opts });
    expect(r).toMatchObject({ status: "skipped" });
    expect(await ctx.db.select().from(drafts)).toHaveLength(0);
    expect(await ctx.db.select().from(disputes)).toHaveLength(0);
  });
});

describe("promises to pay", () => {
  async function promise(fields: Record<string, unknown>, invoices = ["F2025-0113"]) {
    const { id } = await email({ intent: "payment_promise", invoices, fields, date: "2025-03-18" });
    await prepareActions({ ctx, input: { messageId: id }, options: opts });
    const [p] = await ctx.db.select().from(promises).where(eq(promises.messageId, id));
    return { messageId: id, promise: p };
  }

  it("kept when the payment import covers it (event → durable job → evaluation)", async () => {
    // The job runs on the real clock, so this promise is dated around today.
    const today = isoToday();
    const { id } = await email({ intent: "payment_promise", invoices: ["F2025-0113"], fields: { promisedDate: addDays(today, 10) }, date: addDays(today, -1) });
    await prepareActions({ ctx, input: { messageId: id }, options: { llm: null } });
    const [p] = await ctx.db.select().from(promises);
    expect(p).toMatchObject({ status: "pending", amount: "1234.56", promisedDate: addDays(today, 10), countFrom: addDays(today, -1) });
    const off = registerCaseListeners(ctx);
    await pay(ctx, [{ reference: "BANK-1", debtor: "C1001", invoice: "F2025-0113", date: today, amount: 1234.56 }]);
    await new Promise((r) => setTimeout(r, 50));
    const [job] = await ctx.db.select().from(jobs).where(eq(jobs.queue, "cases.payments"));
    expect(job.payload).toEqual({ debtorIds: [await debtorId(ctx, "C1001")] });
    const worker = new JobWorker(ctx, caseJobHandlers(ctx), { concurrency: 1 });
    await worker.drain();
    off();
    const [after] = await ctx.db.select().from(promises);
    expect(after).toMatchObject({ status: "kept", paidAmount: "1234.56" });
    expect((await ctx.db.select().from(jobs).where(eq(jobs.queue, "cases.payments")))[0].status).toBe("done");
    expect(await ctx.db.select().from(drafts).where(eq(drafts.purpose, "promise_followup"))).toHaveLength(0);
  });

  it("broken when the date passes with nothing paid: a follow-up draft in the promise's thread", async () => {
    const { messageId, promise: p } = await promise({ promisedDate: "2025-03-21", amount: 500 });
    expect(p.amount).toBe("500.00");
    // Before the date (+ grace) nothing happens; after it the daily evaluation breaks it.
    expect((await evaluatePromisesAndPlans({ ctx, input: { today: "2025-03-23" }, options: opts })).promises).toEqual([]);
    const r = await evaluatePromisesAndPlans({ ctx, input: { today: "2025-03-24" }, options: opts });
    expect(r.promises).toEqual([{ id: p.id, from: "pending", to: "broken", paid: 0, followUpDraftId: expect.any(Number) }]);
    const [f] = await ctx.db.select().from(drafts).where(eq(drafts.purpose, "promise_followup"));
    expect(f).toMatchObject({ messageId, caseRef: `promise:${p.id}`, intent: "promise_followup", language: "fr", status: "proposed", toAddresses: ["compta@martin.example"] });
    expect(f.body).toContain("500,00 €");
    expect(f.body).toContain("21 mars 2025");
    expect(f.body).toMatch(/pas encore reçu/);
    // Re-evaluating does not add a second follow-up; a late full payment keeps it and withdraws the follow-up.
    await evaluatePromisesAndPlans({ ctx, input: { today: "2025-03-25" }, options: opts });
    await pay(ctx, [{ reference: "BANK-9", debtor: "C1001", invoice: "F2025-0113", date: "2025-03-26", amount: 500 }]);
    const late = await evaluatePromisesAndPlans({ ctx, input: { today: "2025-03-27" }, options: opts });
    expect(late.promises[0]).toMatchObject({ from: "broken", to: "kept" });
    const all = await ctx.db.select().from(drafts).where(eq(drafts.purpose, "promise_followup"));
    expect(all).toHaveLength(1);
    expect(all[0].status).toBe("withdrawn");
  });

  it("partly kept when less than promised arrived by the date", async () => {
    const { promise: p } = await promise({ promisedDate: "2025-03-21" });
    await pay(ctx, [{ reference: "BANK-2", debtor: "C1001", invoice: "F2025-0113", date: "2025-03-20", amount: 400 }]);
    expect((await evaluatePromisesAndPlans({ ctx, input: { today: "2025-03-22" }, options: opts })).promises).toEqual([]);
    const r = await evaluatePromisesAndPlans({ ctx, input: { today: "2025-03-25" }, options: opts });
    expect(r.promises[0]).toMatchObject({ id: p.id, to: "partly_kept", paid: 400 });
    const [f] = await ctx.db.select().from(drafts).where(eq(drafts.purpose, "promise_followup"));
    expect(f.body).toContain("400,00 €");
    expect(f.body).toContain("834,56 €");
  });

  it("payments made before the promise or on another debtor's invoices do not count", async () => {
    await pay(ctx, [{ reference: "OLD", debtor: "C1001", invoice: "F2025-0150", date: "2025-03-01", amount: 100 }]);
    const { promise: p } = await promise({ promisedDate: "2025-03-21" });
    await pay(ctx, [{ reference: "OTHER", debtor: "C4001", invoice: "INV-4001-17", date: "2025-03-20", amount: 899.99 }]);
    const r = await evaluatePromisesAndPlans({ ctx, input: { today: "2025-03-30" }, options: opts });
    expect(r.promises[0]).toMatchObject({ id: p.id, to: "broken" });
  });
});

describe("the daily check", () => {
  it("is queued once, breaks overdue promises on the real clock, and queues the next run", async () => {
    expect(nextDailyRun(new Date("2025-03-20T05:00:00Z")).toISOString()).toBe("2025-03-20T06:00:00.000Z");
    expect(nextDailyRun(new Date("2025-03-20T06:00:00Z")).toISOString()).toBe("2025-03-21T06:00:00.000Z");
    const today = isoToday();
    const { id } = await email({ intent: "payment_promise", invoices: ["F2025-0113"], fields: { promisedDate: addDays(today, -5) }, date: addDays(today, -8) });
    await prepareActions({ ctx, input: { messageId: id }, options: { llm: null } });
    await ensureDailyCaseCheck(ctx);
    await ensureDailyCaseCheck(ctx);
    const queued = await ctx.db.select().from(jobs).where(eq(jobs.queue, "cases.daily"));
    expect(queued).toHaveLength(1);
    await ctx.db.update(jobs).set({ runAt: new Date(Date.now() - 1000) }).where(eq(jobs.id, queued[0].id));
    await new JobWorker(ctx, caseJobHandlers(ctx), { concurrency: 1 }).drain();
    expect((await ctx.db.select().from(promises))[0].status).toBe("broken");
    expect(await ctx.db.select().from(drafts).where(eq(drafts.purpose, "promise_followup"))).toHaveLength(1);
    const after = await ctx.db.select().from(jobs).where(eq(jobs.queue, "cases.daily")).orderBy(jobs.id);
    expect(after.map((j) => j.status)).toEqual(["done", "pending"]);
    expect(after[1].runAt.getTime()).toBeGreaterThan(Date.now());
  });
});

describe("payment plans", () => {
  async function plan(fields: Record<string, unknown> = {}, invoices: string[] = []) {
    const { id } = await email({ intent: "payment_plan_request", invoices, fields });
    const r = await prepareActions({ ctx, input: { messageId: id }, options: opts });
    return { messageId: id, planId: r.case!.id };
  }

  it("proposes instalments summing exactly to the open amount, monthly", async () => {
    const { planId } = await plan({ instalments: 3 });
    const p = await getPlan({ ctx, input: { id: planId } });
    // 1234.56 + 480.00 - 80.00 (credit note) = 1634.56
    expect(p.totalAmount).toBe(1634.56);
    expect(p.instalments.map((i) => [i.dueDate, i.amount])).toEqual([
      ["2025-04-01", 544.85],
      ["2025-05-01", 544.85],
      ["2025-06-01", 544.86],
    ]);
  });

  it("a collector's schedule is re-validated to the cent, and the draft follows it", async () => {
    const { messageId, planId } = await plan({ instalments: 2 }, ["F2025-0113"]);
    const bad = updateSchedule({ ctx, input: { id: planId, patch: { instalments: [{ dueDate: "2025-04-15", amount: 600 }, { dueDate: "2025-05-15", amount: 634.55 }] } } });
    await expect(bad).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringContaining("difference -0.01") });
    await expect(
      updateSchedule({ ctx, input: { id: planId, patch: { instalments: [{ dueDate: "2025-05-15", amount: 600 }, { dueDate: "2025-04-15", amount: 634.56 }] } } }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    const ok = await updateSchedule({
      ctx,
      input: { id: planId, patch: { instalments: [{ dueDate: "2025-04-15", amount: 234.56 }, { dueDate: "2025-05-15", amount: 500 }, { dueDate: "2025-06-15", amount: 500 }] } },
      actor: { userId: 3, name: "col@acme.example" },
    });
    expect(ok.instalments).toHaveLength(3);
    const [d] = await ctx.db.select().from(drafts).where(eq(drafts.messageId, messageId));
    expect(d.body).toContain("15/04/2025");
    expect(d.body).toContain("234,56 €");
    expect(ok.history.map((h) => h.action)).toEqual(["proposed", "schedule_edited"]);
  });

  it("an accepted plan is tracked instalment by instalment against payments", async () => {
    const { planId } = await plan({ instalments: 3 }, ["F2025-0113"]);
    await acceptPlan({ ctx, input: { id: planId }, actor: { userId: 3, name: "col@acme.example" } });
    await expect(updateSchedule({ ctx, input: { id: planId, patch: { instalments: [{ dueDate: "2025-04-01", amount: 1234.56 }] } } })).rejects.toMatchObject({ code: "CONFLICT" });
    await pay(ctx, [{ reference: "P1", debtor: "C1001", invoice: "F2025-0113", date: "2025-03-30", amount: 411.52 }]);
    await pay(ctx, [{ reference: "P2", debtor: "C1001", date: "2025-05-02", amount: 200 }]);
    await evaluatePromisesAndPlans({ ctx, input: { today: "2025-05-10" }, options: opts });
    let p = await getPlan({ ctx, input: { id: planId } });
    expect(p.instalments.map((i) => [i.status, i.paidAmount, i.paidOn])).toEqual([
      ["paid", 411.52, "2025-03-30"],
      ["overdue", 200, null],
      ["pending", 0, null],
    ]);
    await pay(ctx, [{ reference: "P3", debtor: "C1001", invoice: "F2025-0113", date: "2025-05-20", amount: 623.04 }]);
    await evaluatePromisesAndPlans({ ctx, input: { today: "2025-05-21" }, options: opts });
    p = await getPlan({ ctx, input: { id: planId } });
    expect(p.status).toBe("completed");
    expect(p.instalments.every((i) => i.status === "paid")).toBe(true);
    expect(p.paidAmount).toBe(1234.56);
  });
});

describe("account updates", () => {
  it("are proposed, applied only when a clerk confirms", async () => {
    const { id } = await email({ intent: "account_update", fields: { newEmail: "AP@Martin.example", poNumber: "PO-77", newAddress: "12 rue Neuve, 75001 Paris" } });
    await prepareActions({ ctx, input: { messageId: id }, options: opts });
    const [p] = await ctx.db.select().from(accountUpdateProposals);
    expect(p).toMatchObject({ status: "proposed", changes: { newEmail: "ap@martin.example", poNumber: "PO-77", newAddress: "12 rue Neuve, 75001 Paris" } });
    expect(p.current).toMatchObject({ contactEmails: expect.arrayContaining(["compta@martin.example"]), poNumber: null });
    const debtor = await debtorId(ctx, "C1001");
    const emailsOf = async () => (await ctx.db.select().from(contacts).where(eq(contacts.debtorId, debtor))).map((c) => c.email).sort();
    expect(await emailsOf()).not.toContain("ap@martin.example");
    const done = await confirmAccountUpdate({ ctx, input: { id: p.id }, actor: { userId: 2, name: "clerk@acme.example" } });
    expect(done).toMatchObject({ status: "confirmed", decidedBy: 2 });
    expect(await emailsOf()).toContain("ap@martin.example");
    const [d] = await ctx.db.select().from(debtors).where(eq(debtors.id, debtor));
    expect(d.extra).toMatchObject({ poNumber: "PO-77", billingAddress: "12 rue Neuve, 75001 Paris" });
    await expect(confirmAccountUpdate({ ctx, input: { id: p.id } })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("a rejected proposal changes nothing", async () => {
    const { id } = await email({ intent: "account_update", fields: { vatNumber: "FR99999999999" } });
    await prepareActions({ ctx, input: { messageId: id }, options: opts });
    const [p] = await ctx.db.select().from(accountUpdateProposals);
    await rejectAccountUpdate({ ctx, input: { id: p.id, reason: "Not from a known contact" } });
    const [d] = await ctx.db.select().from(debtors).where(eq(debtors.number, "C1001"));
    expect(d.vatNumber).toBe("FR12345678901");
  });
});

describe("insolvency notices", () => {
  it("flag the debtor, stop reminders and create a claim task for the open total", async () => {
    const { id } = await email({ intent: "insolvency_notice", from: "curateur@cabinet.example", fields: { caseReference: "RG 25/0042", administrator: "Me Dupont" } });
    await prepareActions({ ctx, input: { messageId: id }, options: opts });
    await prepareActions({ ctx, input: { messageId: id }, options: opts });
    const [d] = await ctx.db.select().from(debtors).where(eq(debtors.number, "C1001"));
    expect(d.insolvent).toBe(true);
    const list = await ctx.db.select().from(tasks);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ kind: "file_insolvency_claim", status: "open", amount: "1634.56", currency: "EUR", dueDate: "2025-04-03" });
    expect(list[0].details).toMatchObject({ caseReference: "RG 25/0042", administrator: "Me Dupont", administratorEmail: "curateur@cabinet.example" });
    expect(await invoicesEligibleForReminders(ctx.db, { debtorIds: [d.id], today: "2025-06-01" })).toEqual([]);
    const [draft] = await ctx.db.select().from(drafts).where(and(eq(drafts.messageId, id)));
    expect(draft.toAddresses).toEqual(["curateur@cabinet.example"]);
    expect(draft.body).toContain("1 634,56 €");
    expect(draft.body).toContain("RG 25/0042");
    // Nothing was paid or changed in the ledger.
    expect(await ctx.db.select().from(payments)).toHaveLength(0);
    expect((await ctx.db.select().from(invoices).where(eq(invoices.debtorId, d.id))).every((i) => i.status === "open")).toBe(true);
  });
});

describe("recipients", () => {
  it("Reply-To is honoured only when it is a contact of the debtor; our own address never gets the reply", async () => {
    const a = await email({ intent: "question", replyTo: "direction@martin.example" });
    const b = await email({ intent: "question", replyTo: "pay-here@elsewhere.example" });
    const c = await email({ intent: "question", from: "colleague@acme-supplies.example" });
    for (const m of [a, b, c]) await prepareActions({ ctx, input: { messageId: m.id }, options: opts });
    const to = async (id: number) => (await ctx.db.select().from(drafts).where(eq(drafts.messageId, id)))[0];
    expect((await to(a.id)).toAddresses).toEqual(["direction@martin.example"]);
    expect((await to(b.id)).toAddresses).toEqual(["compta@martin.example"]);
    const internal = await to(c.id);
    expect(internal.toAddresses).toEqual([]);
    await expect(approveDraft({ ctx, input: { id: internal.id } })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(editDraft({ ctx, input: { id: internal.id, patch: { to: ["colleague@acme-supplies.example"] } } })).rejects.toMatchObject({ code: "VALIDATION" });
    const fixed = await editDraft({ ctx, input: { id: internal.id, patch: { to: ["compta@martin.example"] } } });
    expect(fixed.to).toEqual(["compta@martin.example"]);
  });
});
