import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { freshContext } from "../helpers/context.ts";
import { startSmtp, type TestSmtp } from "../helpers/smtp.ts";
import { appendMessages, imapClient, startDovecot, type Dovecot } from "../helpers/dovecot.ts";
import type { AppContext } from "../../server/src/context.ts";
import { drafts, jobs, outboundRaw } from "../../server/src/db/schema.ts";
import { prepareActions } from "../../server/src/modules/drafts/prepare-actions.ts";
import { approveDraft, sendDraftNow } from "../../server/src/modules/drafts/service.ts";
import { outboundJobHandlers, sendDraft } from "../../server/src/modules/outbound/send-draft.ts";
import { parseMessageId } from "../../server/src/modules/outbound/message-id.ts";
import { JobWorker } from "../../server/src/jobs/worker.ts";
import { parseMessage } from "../../server/src/modules/ingest/parse-message.ts";
import { mailInputFromParsed } from "../../classifiers/mail-input-from-parsed.ts";
import { routeEmail } from "../../classifiers/routing/route.ts";
import { loadLedgerView } from "../../server/src/modules/classify/ledger-view.ts";
import { isFreeMailDomain } from "../../server/src/lib/free-mail-domains.ts";
import { extractPdfText } from "../../server/src/modules/ingest/pdf-text.ts";
import { debtorId, insertEmail, setupLedger, TODAY } from "../drafts/fixtures.ts";

let smtp: TestSmtp;
let dovecot: Dovecot;
let ctx: AppContext;
let mailboxId: number;
const collector = { userId: 5, name: "collector@acme-supplies.example" };

beforeAll(async () => {
  dovecot = await startDovecot({ users: [{ user: "ar", password: "secret-ar" }] });
});
afterAll(async () => dovecot?.stop());

beforeEach(async () => {
  smtp = await startSmtp({ user: "relance", password: "s3cret" });
  ctx = await freshContext({ SMTP_URL: smtp.url });
  ({ mailboxId } = await setupLedger(ctx, {
    kind: "imap",
    imapHost: "127.0.0.1",
    imapPort: dovecot.port,
    imapSecure: false,
    imapUser: "ar",
    imapPassword: "secret-ar",
    sentFolder: "Sent",
  }));
});
afterEach(async () => {
  await ctx.database.close();
  await smtp.close();
});

/** A German document request in a thread, prepared and approved: ready to send. */
async function approvedDraft() {
  const { id, messageId } = await insertEmail(ctx, {
    mailboxId,
    from: "buchhaltung@mueller.example",
    replyTo: "phisher@evil.example",
    subject: "AW: Rechnung R-2025-3301",
    text: "Bitte senden Sie uns eine Kopie der Rechnung R-2025-3301.",
    references: ["<first-reminder@acme-supplies.example>"],
    inReplyTo: "<first-reminder@acme-supplies.example>",
    intent: "document_request",
    language: "de",
    debtor: "C3001",
    invoices: ["R-2025-3301"],
    fields: { document: "invoice" },
  });
  const r = await prepareActions({ ctx, input: { messageId: id }, options: { llm: null, today: TODAY } });
  await approveDraft({ ctx, input: { id: r.draft!.draftId }, actor: collector });
  return { draftId: r.draft!.draftId, header: messageId };
}

const worker = (backoffMs = 10) => new JobWorker(ctx, outboundJobHandlers(ctx), { concurrency: 1, backoffMs });
const dueNow = () => ctx.db.update(jobs).set({ runAt: sql`now()` }).where(eq(jobs.status, "pending"));

async function sentFolderIds(): Promise<string[]> {
  const client = await imapClient(dovecot);
  try {
    const lock = await client.getMailboxLock("Sent");
    try {
      const ids: string[] = [];
      for await (const m of client.fetch("1:*", { envelope: true })) if (m.envelope?.messageId) ids.push(m.envelope.messageId);
      return ids;
    } finally {
      lock.release();
    }
  } catch {
    return [];
  } finally {
    await client.logout().catch(() => {});
  }
}

describe("sending an approved draft", () => {
  it("arrives with the right headers and the PDF, lands in Sent, and a reply routes back by its Message-ID", async () => {
    const { draftId, header } = await approvedDraft();
    const res = await sendDraftNow({ ctx, input: { id: draftId }, actor: collector });
    expect(res).toMatchObject({ sent: true, error: null });
    expect(smtp.received).toHaveLength(1);
    const got = smtp.received[0];
    expect(got.from).toBe("ar@acme-supplies.example");
    // Reply-To pointed at a stranger: ignored, the mail goes to the sender only.
    expect(got.to).toEqual(["buchhaltung@mueller.example"]);

    const mail = await simpleParser(got.raw);
    expect(mail.from?.value[0]).toMatchObject({ address: "ar@acme-supplies.example", name: "Acme Supplies BV" });
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value.map((a) => a.address) : []).toEqual(["buchhaltung@mueller.example"]);
    expect(mail.subject).toBe("Re: Rechnung R-2025-3301");
    expect(mail.inReplyTo).toBe(header);
    expect(mail.references).toEqual(["<first-reminder@acme-supplies.example>", header]);
    expect(parseMessageId(mail.messageId)).toMatchObject({ debtorNumber: "C3001", invoiceNumber: "R-2025-3301", domain: "acme-supplies.example" });
    expect(mail.text).toContain("5.950,00 €");
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]).toMatchObject({ filename: "Rechnung-R-2025-3301.pdf", contentType: "application/pdf" });
    expect(await extractPdfText(mail.attachments[0].content)).toContain("R-2025-3301");

    const [d] = await ctx.db.select().from(drafts).where(eq(drafts.id, draftId));
    expect(d).toMatchObject({ status: "sent", outboundMessageId: mail.messageId, sendAttempts: 1, sendError: null, sentCopy: "pending" });

    // The Sent copy is appended by a durable job, byte for byte what was sent.
    await worker().drain();
    expect((await ctx.db.select().from(drafts).where(eq(drafts.id, draftId)))[0].sentCopy).toBe("done");
    expect(await sentFolderIds()).toEqual([mail.messageId]);
    const [stored] = await ctx.db.select().from(outboundRaw).where(eq(outboundRaw.draftId, draftId));
    expect(stored.raw.toString().replace(/\r\n/g, "\n").trim()).toBe(got.raw.toString().replace(/\r\n/g, "\n").trim());

    // The debtor answers from an address we do not know: our Message-ID alone routes it back.
    const reply = Buffer.from(
      [
        "From: Unknown Person <someone@gmail.com>",
        "To: ar@acme-supplies.example",
        "Subject: Re: Rechnung R-2025-3301",
        `Message-ID: <reply-1@gmail.com>`,
        `In-Reply-To: ${mail.messageId}`,
        `References: ${header} ${mail.messageId}`,
        "Date: Fri, 21 Mar 2025 10:00:00 +0100",
        "",
        "Danke, erhalten.",
        "",
      ].join("\r\n"),
    );
    const parsed = await parseMessage(reply, 1_000_000);
    const decision = routeEmail({
      mail: mailInputFromParsed(parsed),
      senderText: "Danke, erhalten.",
      quotedText: "",
      intent: "other",
      invoiceRefs: [],
      amounts: [],
      ledger: await loadLedgerView({ ctx }),
      ourDomains: ["acme-supplies.example"],
      freeMailDomains: isFreeMailDomain,
    });
    expect(decision.debtorId).toBe(await debtorId(ctx, "C3001"));
    expect(decision.evidence.some((e) => e.step === "thread")).toBe(true);
  });

  it("nothing leaves without an approval", async () => {
    const { draftId } = await approvedDraft();
    await ctx.db.update(drafts).set({ status: "proposed" }).where(eq(drafts.id, draftId));
    await expect(sendDraft({ ctx, input: { draftId } })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(smtp.received).toHaveLength(0);
  });
});

describe("send failures and retries", () => {
  for (const [label, fault] of [
    ["a 4xx answer", { kind: "reply", code: 451, message: "4.3.0 Try again later" }],
    ["a 5xx answer", { kind: "reply", code: 554, message: "5.7.1 Rejected by policy" }],
  ] as const) {
    it(`${label}: stays approved with the error, then the retry job sends it exactly once`, async () => {
      const { draftId } = await approvedDraft();
      smtp.failNext(fault);
      const res = await sendDraftNow({ ctx, input: { id: draftId }, actor: collector });
      expect(res.sent).toBe(false);
      expect(res.error).toContain(String(fault.code));
      expect(res.retryAt).not.toBeNull();
      expect(res.draft).toMatchObject({ status: "approved", sendError: expect.stringContaining(String(fault.code)) });
      const [row] = await ctx.db.select().from(drafts).where(eq(drafts.id, draftId));
      expect(row.sendUncertain).toBe(false);
      expect(smtp.received).toHaveLength(0);
      // A second click does not queue a second retry.
      smtp.failNext(fault);
      await sendDraftNow({ ctx, input: { id: draftId }, actor: collector });
      expect(await ctx.db.select().from(jobs).where(eq(jobs.queue, "outbound.send"))).toHaveLength(1);

      await dueNow();
      await worker().drain();
      expect(smtp.received).toHaveLength(1);
      const [sent] = await ctx.db.select().from(drafts).where(eq(drafts.id, draftId));
      expect(sent).toMatchObject({ status: "sent", sendError: null, sendAttempts: 3 });
      // Any later attempt is a no-op.
      expect(await sendDraft({ ctx, input: { draftId } })).toMatchObject({ status: "sent", via: "already-sent" });
      expect(smtp.received).toHaveLength(1);
      const history = (await ctx.db.execute(sql`select action from audit_log where entity_type = 'draft' and entity_id = ${draftId} order by id`)) as unknown as { rows: { action: string }[] };
      expect(history.rows.map((r) => r.action)).toEqual(["proposed", "approved", "send_failed", "send_failed", "sent"]);
    });
  }

  it("SMTP down: a certain failure, retried with backoff by the job until the server is back", async () => {
    const { draftId } = await approvedDraft();
    const port = smtp.port;
    await smtp.close();
    const res = await sendDraftNow({ ctx, input: { id: draftId }, actor: collector });
    expect(res.sent).toBe(false);
    const [row] = await ctx.db.select().from(drafts).where(eq(drafts.id, draftId));
    expect(row).toMatchObject({ status: "approved", sendUncertain: false });
    expect(row.sendError).toMatch(/ECONNREFUSED|connect/i);
    // Still down: the job fails and is rescheduled with a later run_at (a minute of backoff here).
    await dueNow();
    await worker(60_000).drain();
    const [job] = await ctx.db.select().from(jobs).where(eq(jobs.queue, "outbound.send"));
    expect(job).toMatchObject({ status: "pending", attempts: 1 });
    expect(job.runAt.getTime()).toBeGreaterThan(Date.now() + 30_000);
    expect(job.lastError).toMatch(/ECONNREFUSED|connect/i);
    // Back up on the same port.
    smtp = await startSmtpOn(port);
    await dueNow();
    await worker().drain();
    expect(smtp.received).toHaveLength(1);
    expect((await ctx.db.select().from(drafts).where(eq(drafts.id, draftId)))[0].status).toBe("sent");
  });

  it("an uncertain failure (connection lost after the body) reuses the same Message-ID and bytes", async () => {
    const { draftId } = await approvedDraft();
    smtp.failNext({ kind: "drop-after-data" });
    const first = await sendDraft({ ctx, input: { draftId } });
    expect(first.status).toBe("failed");
    const [row] = await ctx.db.select().from(drafts).where(eq(drafts.id, draftId));
    expect(row).toMatchObject({ status: "approved", sendUncertain: true });
    const second = await sendDraft({ ctx, input: { draftId } });
    expect(second.status).toBe("sent");
    expect(smtp.received).toHaveLength(2);
    // The receiving side sees one message twice at worst: same id, same bytes, so clients de-duplicate it.
    const ids = await Promise.all(smtp.received.map(async (r) => (await simpleParser(r.raw)).messageId));
    expect(ids[0]).toBe(ids[1]);
    expect(ids[0]).toBe(row.outboundMessageId);
  });

  it("after a crash mid-send, a copy found in Sent means it went: no second SMTP delivery", async () => {
    const { draftId } = await approvedDraft();
    // Simulate: the claim committed ('sending', Message-ID fixed), the server delivered and filed a
    // copy in Sent, then the process died before recording it.
    const messageId = "<relance.C3001.R-2025-3301.crashtest@acme-supplies.example>";
    await ctx.db
      .update(drafts)
      .set({ status: "sending", outboundMessageId: messageId, sendAttempts: 1, updatedAt: new Date(Date.now() - 10 * 60_000) })
      .where(eq(drafts.id, draftId));
    await appendMessages(dovecot, "Sent", [Buffer.from(`Message-ID: ${messageId}\r\nSubject: x\r\nFrom: ar@acme-supplies.example\r\n\r\nbody\r\n`)]);
    const out = await sendDraft({ ctx, input: { draftId } });
    expect(out).toMatchObject({ status: "sent", via: "already-in-sent" });
    expect(smtp.received).toHaveLength(0);
    expect((await ctx.db.select().from(drafts).where(eq(drafts.id, draftId)))[0]).toMatchObject({ status: "sent", sentCopy: "present" });
  });

  it("two sends at the same moment deliver once", async () => {
    const { draftId } = await approvedDraft();
    const results = await Promise.allSettled([sendDraft({ ctx, input: { draftId } }), sendDraft({ ctx, input: { draftId } })]);
    const ok = results.filter((r) => r.status === "fulfilled" && r.value.status === "sent");
    expect(ok.length).toBeGreaterThanOrEqual(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "CONFLICT" });
    expect(smtp.received).toHaveLength(1);
  });
});

async function startSmtpOn(port: number): Promise<TestSmtp> {
  // smtp-server picks a random port; re-bind the old one so SMTP_URL stays valid.
  const { SMTPServer } = await import("smtp-server");
  const received: TestSmtp["received"] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    logger: false,
    onAuth: (_a, _s, cb) => cb(null, { user: "relance" }),
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks) });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", () => resolve()));
  return { port, url: `smtp://127.0.0.1:${port}`, received, failNext: () => {}, close: () => new Promise<void>((r) => server.close(() => r())) };
}
