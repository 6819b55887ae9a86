import { and, eq, inArray, sql } from "drizzle-orm";
import type { AppContext } from "../../context.ts";
import type { Tx } from "../../db/client.ts";
import { AppError, notFound } from "../../errors.ts";
import { drafts } from "../../db/schema/drafts.ts";
import { mailboxes } from "../../db/schema/mailboxes.ts";
import { outboundRaw } from "../../db/schema/outbound-raw.ts";
import { company } from "../../db/schema/company.ts";
import { jobs } from "../../db/schema/jobs.ts";
import { enqueue } from "../../jobs/enqueue.ts";
import { audit, SYSTEM, type Actor } from "../../lib/audit.ts";
import type { LedgerFacts } from "../drafts/facts.ts";
import { composeDraft } from "./compose.ts";
import { formatMessageId } from "./message-id.ts";
import { appendToSentFolder, hasImap, isInSentFolder } from "./sent-folder.ts";
import { failureIsCertain, smtpTransportFor } from "./smtp-transport.ts";

export const SEND_QUEUE = "outbound.send";
export const SENT_COPY_QUEUE = "outbound.sent-copy";
/** A 'sending' row older than this belongs to a crashed attempt, not a running one. */
export const SENDING_LEASE_MS = 2 * 60_000;
/** First retry after a failed send made from the API; the worker's backoff takes over from there. */
export const FIRST_RETRY_MS = 30_000;

export type SendOutcome =
  | { status: "sent"; messageId: string; via: "smtp" | "already-in-sent" | "already-sent" }
  | { status: "failed"; error: string; certain: boolean };

type DraftRow = typeof drafts.$inferSelect;

/** The domain of our Message-IDs: the company's first domain, else the mailbox's. */
function messageIdDomain(facts: LedgerFacts, from: string): string {
  return facts.company?.domains?.[0] ?? from.slice(from.lastIndexOf("@") + 1);
}

/**
 * Step 1, in a transaction: approved → sending, with the Message-ID fixed
 * before any byte goes out (a retry reuses it). The row lock makes two
 * concurrent sends of the same draft impossible: the second sees 'sending'.
 */
async function claim(ctx: AppContext, draftId: number) {
  return ctx.db.transaction(async (tx) => {
    const [d] = await tx.select().from(drafts).where(eq(drafts.id, draftId)).for("update");
    if (!d) throw notFound("Draft");
    if (d.status === "sent") return { draft: d, already: true as const, uncertain: false };
    const stale = d.status === "sending" && Date.now() - d.updatedAt.getTime() > SENDING_LEASE_MS;
    if (d.status === "sending" && !stale) throw new AppError("CONFLICT", "This draft is being sent right now");
    if (d.status !== "approved" && !stale) throw new AppError("CONFLICT", `Only an approved draft can be sent (it is ${d.status})`);
    if (!d.fromAddress || !d.toAddresses.length) throw new AppError("CONFLICT", "The draft has no sender or recipient");
    const messageId =
      d.outboundMessageId ??
      formatMessageId({
        debtorNumber: (d.facts as LedgerFacts).debtor?.number ?? "unknown",
        invoiceNumber: ((d.facts as LedgerFacts).referenced?.[0] ?? (d.facts as LedgerFacts).openInvoices?.[0])?.number ?? null,
        domain: messageIdDomain(d.facts as LedgerFacts, d.fromAddress),
      });
    const [row] = await tx
      .update(drafts)
      .set({ status: "sending", outboundMessageId: messageId, sendAttempts: d.sendAttempts + 1, updatedAt: new Date() })
      .where(eq(drafts.id, draftId))
      .returning();
    // A crashed attempt (stale 'sending') may have reached the server: treat it as uncertain.
    return { draft: row, already: false as const, uncertain: d.sendUncertain || stale };
  });
}

/** The bytes to send: composed once and kept, so every attempt sends the very same message. */
async function rawFor(ctx: AppContext, d: DraftRow): Promise<Buffer> {
  const [stored] = await ctx.db.select().from(outboundRaw).where(eq(outboundRaw.draftId, d.id));
  if (stored) return stored.raw;
  const [co] = await ctx.db.select({ name: company.name }).from(company).limit(1);
  const raw = await composeDraft(d, co?.name ?? null);
  await ctx.db.insert(outboundRaw).values({ draftId: d.id, raw }).onConflictDoNothing();
  const [again] = await ctx.db.select().from(outboundRaw).where(eq(outboundRaw.draftId, d.id));
  return again.raw;
}

async function markSent(ctx: AppContext, d: DraftRow, actor: Actor, via: string, sentCopy: "pending" | "skipped" | "present") {
  const imap = sentCopy === "pending";
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(drafts)
      .set({ status: "sent", sentAt: new Date(), sendError: null, sendUncertain: false, sentCopy, updatedAt: new Date() })
      .where(eq(drafts.id, d.id));
    await audit(tx, { entityType: "draft", entityId: d.id, action: "sent", actor, details: { messageId: d.outboundMessageId, to: d.toAddresses, via, attempt: d.sendAttempts } });
    if (imap) await enqueue(tx, { queue: SENT_COPY_QUEUE, payload: { draftId: d.id }, maxAttempts: 10 });
  });
  ctx.events.emit("jobs.enqueued");
  ctx.events.emit("draft.sent", { draftId: d.id, messageId: d.outboundMessageId });
}

/**
 * Send an approved draft through SMTP. Never sends twice: the Message-ID is
 * fixed in the claim, the raw bytes are composed once, and an attempt that
 * may have reached the server is followed by a look in the Sent folder before
 * trying again. A failure leaves the draft approved with the error.
 */
export async function sendDraft({ ctx, input, actor = SYSTEM }: { ctx: AppContext; input: { draftId: number }; actor?: Actor }): Promise<SendOutcome> {
  const claimed = await claim(ctx, input.draftId);
  const d = claimed.draft;
  if (claimed.already) return { status: "sent", messageId: d.outboundMessageId!, via: "already-sent" };
  const [mailbox] = d.mailboxId ? await ctx.db.select().from(mailboxes).where(eq(mailboxes.id, d.mailboxId)) : [];
  const imap = hasImap(mailbox ?? null);
  try {
    if (claimed.uncertain && imap) {
      const found = await isInSentFolder(mailbox!, d.outboundMessageId!).catch((err) => {
        ctx.log.warn("sent-folder check failed; re-sending with the same Message-ID", { draftId: d.id, err: String(err) });
        return false;
      });
      if (found) {
        await markSent(ctx, d, actor, "already-in-sent", "present");
        return { status: "sent", messageId: d.outboundMessageId!, via: "already-in-sent" };
      }
    }
    const raw = await rawFor(ctx, d);
    const transport = smtpTransportFor(ctx, mailbox ?? null);
    try {
      await transport.sendMail({ envelope: { from: d.fromAddress!, to: d.toAddresses }, raw });
    } finally {
      transport.close();
    }
  } catch (err) {
    const certain = failureIsCertain(err);
    const error = err instanceof Error ? err.message : String(err);
    await ctx.db.transaction(async (tx) => {
      await tx
        .update(drafts)
        .set({ status: "approved", sendError: error.slice(0, 2000), sendUncertain: !certain, updatedAt: new Date() })
        .where(and(eq(drafts.id, d.id), eq(drafts.status, "sending")));
      await audit(tx, { entityType: "draft", entityId: d.id, action: "send_failed", actor, details: { error, certain, attempt: d.sendAttempts } });
    });
    ctx.log.warn("draft send failed", { draftId: d.id, certain, err: error });
    return { status: "failed", error, certain };
  }
  await markSent(ctx, d, actor, "smtp", imap ? "pending" : "skipped");
  return { status: "sent", messageId: d.outboundMessageId!, via: "smtp" };
}

/** Queue a retry unless one is already waiting (the API's "send" after a failure, the approve-and-send flow). */
export async function scheduleSendRetry(tx: Tx, draftId: number, delayMs = FIRST_RETRY_MS): Promise<Date> {
  const [waiting] = await tx
    .select({ runAt: jobs.runAt })
    .from(jobs)
    .where(and(eq(jobs.queue, SEND_QUEUE), inArray(jobs.status, ["pending", "running"]), sql`${jobs.payload}->>'draftId' = ${String(draftId)}`))
    .limit(1);
  if (waiting) return waiting.runAt;
  const runAt = new Date(Date.now() + delayMs);
  await enqueue(tx, { queue: SEND_QUEUE, payload: { draftId }, runAt, maxAttempts: 8 });
  return runAt;
}

/** Job: copy a sent draft into its mailbox's Sent folder (retried by the worker when IMAP is down). */
export async function copyToSentFolder({ ctx, input }: { ctx: AppContext; input: { draftId: number } }): Promise<void> {
  const [d] = await ctx.db.select().from(drafts).where(eq(drafts.id, input.draftId));
  if (!d || d.status !== "sent" || d.sentCopy !== "pending") return;
  const [mailbox] = d.mailboxId ? await ctx.db.select().from(mailboxes).where(eq(mailboxes.id, d.mailboxId)) : [];
  if (!hasImap(mailbox ?? null)) {
    await ctx.db.update(drafts).set({ sentCopy: "skipped" }).where(eq(drafts.id, d.id));
    return;
  }
  const [stored] = await ctx.db.select().from(outboundRaw).where(eq(outboundRaw.draftId, d.id));
  if (!stored) throw new Error(`no stored bytes for sent draft ${d.id}`);
  const result = await appendToSentFolder(mailbox!, d.outboundMessageId!, stored.raw);
  await ctx.db.update(drafts).set({ sentCopy: result === "appended" ? "done" : "present" }).where(eq(drafts.id, d.id));
}

/** Job handlers of the outbound module, for the lead's worker set-up. */
export function outboundJobHandlers(ctx: AppContext) {
  return {
    [SEND_QUEUE]: async (payload: Record<string, unknown>) => {
      const draftId = Number(payload.draftId);
      const [d] = await ctx.db.select({ status: drafts.status }).from(drafts).where(eq(drafts.id, draftId));
      // Rejected or edited back in the meantime: nothing to retry.
      if (!d || !["approved", "sending"].includes(d.status)) return;
      const outcome = await sendDraft({ ctx, input: { draftId } });
      if (outcome.status === "failed") throw new Error(outcome.error);
    },
    [SENT_COPY_QUEUE]: (payload: Record<string, unknown>) => copyToSentFolder({ ctx, input: { draftId: Number(payload.draftId) } }),
  };
}
