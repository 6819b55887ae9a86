import { and, desc, eq, inArray, isNotNull, type SQL } from "drizzle-orm";
import type { AppContext } from "../../context.ts";
import type { Tx } from "../../db/client.ts";
import { AppError, notFound } from "../../errors.ts";
import { drafts } from "../../db/schema/drafts.ts";
import { debtors } from "../../db/schema/debtors.ts";
import { messages } from "../../db/schema/messages.ts";
import { audit, historyOf, SYSTEM, type Actor } from "../../lib/audit.ts";
import { renderAttachments, type DraftAttachment } from "../outbound/compose.ts";
import { scheduleSendRetry, sendDraft } from "../outbound/send-draft.ts";
import { allowedFromFacts } from "./allowed-facts.ts";
import { checkFacts } from "./fact-check.ts";
import type { LedgerFacts } from "./facts.ts";
import { invoiceFileName, statementFileName } from "./ledger-pdf.ts";
import type { DraftLanguage } from "./locale-format.ts";
import { replyRouting } from "./recipients.ts";
import type { DraftListQuery, DraftPatch } from "./schemas.ts";

type DraftRow = typeof drafts.$inferSelect;

function summary(d: DraftRow, debtor: { number: string; name: string } | null) {
  return {
    id: d.id,
    messageId: d.messageId,
    purpose: d.purpose,
    debtorId: d.debtorId,
    debtor,
    intent: d.intent,
    language: d.language,
    tone: d.tone,
    status: d.status as "proposed",
    fromAddress: d.fromAddress,
    to: d.toAddresses,
    subject: d.subject,
    source: d.source as "template" | "llm",
    llmRejection: d.llmRejection,
    sendError: d.sendError,
    sentAt: d.sentAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}

export async function listDrafts({ ctx, input }: { ctx: AppContext; input: DraftListQuery }) {
  const where: SQL[] = [];
  if (input.status) where.push(inArray(drafts.status, input.status.split(",")));
  if (input.intent) where.push(eq(drafts.intent, input.intent));
  if (input.debtorId) where.push(eq(drafts.debtorId, input.debtorId));
  if (input.messageId) where.push(eq(drafts.messageId, input.messageId));
  if (input.source) where.push(eq(drafts.source, input.source));
  if (input.language) where.push(eq(drafts.language, input.language));
  if (input.failed) where.push(and(eq(drafts.status, "approved"), isNotNull(drafts.sendError))!);
  const rows = await ctx.db
    .select({ d: drafts, number: debtors.number, name: debtors.name })
    .from(drafts)
    .leftJoin(debtors, eq(debtors.id, drafts.debtorId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(drafts.updatedAt), desc(drafts.id))
    .limit(input.limit)
    .offset(input.offset);
  return { items: rows.map((r) => summary(r.d, r.number ? { number: r.number, name: r.name ?? "" } : null)) };
}

function attachmentList(d: DraftRow) {
  const facts = d.facts as LedgerFacts;
  const lang = d.language as DraftLanguage;
  return (d.attachments as DraftAttachment[]).map((a, index) => {
    if (a.kind === "statement") return { index, kind: a.kind, filename: statementFileName(facts, lang) };
    const inv = [...facts.referenced, ...facts.openInvoices].find((i) => i.id === a.invoiceId);
    return { index, kind: a.kind, filename: inv ? invoiceFileName(inv, lang) : `${a.number}.pdf` };
  });
}

export async function getDraft({ ctx, input }: { ctx: AppContext; input: { id: number } }) {
  const [row] = await ctx.db
    .select({ d: drafts, number: debtors.number, name: debtors.name })
    .from(drafts)
    .leftJoin(debtors, eq(debtors.id, drafts.debtorId))
    .where(eq(drafts.id, input.id));
  if (!row) throw notFound("Draft");
  const d = row.d;
  const [m] = await ctx.db
    .select({ id: messages.id, from: messages.fromAddress, fromName: messages.fromName, to: messages.to, subject: messages.subject, sentAt: messages.sentAt, text: messages.text })
    .from(messages)
    .where(eq(messages.id, d.messageId));
  const routing = d.debtorId ? await replyRouting(ctx.db, { messageId: d.messageId, debtorId: d.debtorId }) : null;
  const facts = d.facts as LedgerFacts;
  const warnings = facts?.debtor ? checkFacts(`${d.subject}\n${d.body}`, allowedFromFacts(facts, [d.fromAddress ?? "", ...(routing?.allowedRecipients ?? [])])) : [];
  return {
    ...summary(d, row.number ? { number: row.number, name: row.name ?? "" } : null),
    body: d.body,
    attachments: attachmentList(d),
    inReplyTo: d.inReplyTo,
    references: d.references,
    outboundMessageId: d.outboundMessageId,
    template: { id: d.templateId, version: d.templateVersion },
    llmModel: d.llmModel,
    rejectReason: d.rejectReason,
    approvedBy: d.approvedBy,
    approvedAt: d.approvedAt?.toISOString() ?? null,
    sendAttempts: d.sendAttempts,
    sentCopy: d.sentCopy,
    allowedRecipients: routing?.allowedRecipients ?? [],
    factWarnings: warnings,
    facts: facts as unknown as Record<string, unknown>,
    email: m ? { id: m.id, from: m.from, fromName: m.fromName, to: m.to, subject: m.subject, date: m.sentAt?.toISOString() ?? null, text: m.text } : null,
    history: await historyOf(ctx.db, "draft", d.id),
  };
}

/** One attachment's PDF, generated from the facts the draft was written from (the preview of what will be sent). */
export async function draftAttachment({ ctx, input }: { ctx: AppContext; input: { id: number; index: number } }) {
  const [d] = await ctx.db.select().from(drafts).where(eq(drafts.id, input.id));
  if (!d) throw notFound("Draft");
  const list = attachmentList(d);
  if (!list[input.index]) throw notFound("Attachment");
  const one = { ...d, attachments: [(d.attachments as DraftAttachment[])[input.index]] };
  const [pdf] = await renderAttachments(one);
  if (!pdf) throw notFound("Attachment");
  return pdf;
}

async function transition(
  ctx: AppContext,
  id: number,
  allowed: string[],
  change: (d: DraftRow, tx: Tx) => Promise<{ set: Partial<typeof drafts.$inferInsert>; action: string; details?: Record<string, unknown> }>,
  actor: Actor,
) {
  await ctx.db.transaction(async (tx) => {
    const [d] = await tx.select().from(drafts).where(eq(drafts.id, id)).for("update");
    if (!d) throw notFound("Draft");
    if (!allowed.includes(d.status)) throw new AppError("CONFLICT", `Not possible on a ${d.status} draft`);
    const { set, action, details } = await change(d, tx);
    await tx.update(drafts).set({ ...set, updatedAt: new Date() }).where(eq(drafts.id, id));
    await audit(tx, { entityType: "draft", entityId: id, action, actor, details });
  });
  return getDraft({ ctx, input: { id } });
}

/**
 * A collector's edit. An approved draft that is edited needs approving again.
 * Recipients can only be the email's sender or the debtor's known contacts.
 */
export async function editDraft({ ctx, input, actor = SYSTEM }: { ctx: AppContext; input: { id: number; patch: DraftPatch }; actor?: Actor }) {
  return transition(ctx, input.id, ["proposed", "edited", "approved"], async (d, tx) => {
    const p = input.patch;
    if (p.to) {
      if (!d.debtorId) throw new AppError("CONFLICT", "The draft has no debtor: recipients cannot be checked");
      // Inside the transaction (tx, not ctx.db): embedded PGlite has a single connection.
      const { allowedRecipients } = await replyRouting(tx, { messageId: d.messageId, debtorId: d.debtorId });
      const stranger = p.to.filter((a) => !allowedRecipients.includes(a));
      if (stranger.length) throw new AppError("VALIDATION", `Not the sender or a contact of this debtor: ${stranger.join(", ")}`);
    }
    return {
      set: { status: "edited", subject: p.subject ?? d.subject, body: p.body ?? d.body, toAddresses: p.to ? [...new Set(p.to)] : d.toAddresses, approvedBy: null, approvedAt: null },
      action: "edited",
      details: {
        ...(p.subject !== undefined ? { subject: { from: d.subject, to: p.subject } } : {}),
        ...(p.body !== undefined ? { body: { from: d.body, to: p.body } } : {}),
        ...(p.to ? { to: { from: d.toAddresses, to: p.to } } : {}),
        ...(d.status === "approved" ? { approvalWithdrawn: true } : {}),
      },
    };
  }, actor);
}

export async function approveDraft({ ctx, input, actor = SYSTEM }: { ctx: AppContext; input: { id: number }; actor?: Actor }) {
  return transition(ctx, input.id, ["proposed", "edited"], async (d) => {
    if (!d.toAddresses.length) throw new AppError("CONFLICT", "The draft has no recipient: pick one of the debtor's contacts first");
    if (!d.fromAddress) throw new AppError("CONFLICT", "The draft has no sender mailbox");
    return { set: { status: "approved", approvedBy: actor.userId, approvedAt: new Date() }, action: "approved" };
  }, actor);
}

export async function rejectDraft({ ctx, input, actor = SYSTEM }: { ctx: AppContext; input: { id: number; reason: string }; actor?: Actor }) {
  return transition(ctx, input.id, ["proposed", "edited", "approved"], async () => ({
    set: { status: "rejected", rejectReason: input.reason },
    action: "rejected",
    details: { reason: input.reason },
  }), actor);
}

/**
 * Send now. On failure the draft stays approved with the error and a retry
 * job is queued (the worker backs off between attempts); the answer says so.
 */
export async function sendDraftNow({ ctx, input, actor = SYSTEM }: { ctx: AppContext; input: { id: number }; actor?: Actor }) {
  const outcome = await sendDraft({ ctx, input: { draftId: input.id }, actor });
  let retryAt: Date | null = null;
  if (outcome.status === "failed") {
    retryAt = await ctx.db.transaction((tx) => scheduleSendRetry(tx, input.id));
    ctx.events.emit("jobs.enqueued");
  }
  return {
    sent: outcome.status === "sent",
    error: outcome.status === "failed" ? outcome.error : null,
    retryAt: retryAt?.toISOString() ?? null,
    draft: await getDraft({ ctx, input }),
  };
}
