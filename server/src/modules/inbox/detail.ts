import { and, asc, desc, eq, inArray, ne, or, sql } from "drizzle-orm";
import type { AppContext } from "../../context.ts";
import { attachments, classifications, corrections, debtors, mailboxes, messageMailboxes, messages } from "../../db/schema.ts";
import { disputes } from "../../db/schema/disputes.ts";
import { promises } from "../../db/schema/promises.ts";
import { drafts } from "../../db/schema/drafts.ts";
import { notFound } from "../../errors.ts";
import { sanitizeEmailHtml } from "../messages/sanitize-html.ts";
import { tableExists } from "./optional-tables.ts";
import { mailDate } from "./sql-parts.ts";
import type { EvidenceItem, MessageDetail, RoutingCandidate } from "./schemas.ts";

const MAX_INLINE_IMAGE = 2 * 1024 * 1024;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** Routing candidates as stored by the classifier, with the debtors' current names. */
async function candidatesOf(ctx: AppContext, raw: unknown): Promise<RoutingCandidate[]> {
  const list = Array.isArray(raw) ? (raw as Record<string, unknown>[]) : [];
  const ids = list.map((c) => Number(c.debtorId)).filter((n) => Number.isInteger(n) && n > 0);
  if (ids.length === 0) return [];
  const rows = await ctx.db.select({ id: debtors.id, number: debtors.number, name: debtors.name }).from(debtors).where(inArray(debtors.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return list.flatMap((c) => {
    const d = byId.get(Number(c.debtorId));
    if (!d) return [];
    const reasons = Array.isArray(c.reasons) ? c.reasons.map(String) : [];
    return [{ debtorId: d.id, number: d.number, name: d.name, score: typeof c.score === "number" ? c.score : null, reasons }];
  });
}

/** Messages of the same conversation, by Message-ID / In-Reply-To / References, oldest first. */
async function threadOf(ctx: AppContext, m: typeof messages.$inferSelect, intent: string | null) {
  const ids = [...new Set([...(m.references ?? []), m.inReplyTo].filter((x): x is string => Boolean(x)))].slice(-50);
  const conds = [];
  if (ids.length) conds.push(inArray(messages.messageId, ids));
  if (m.messageId) conds.push(eq(messages.inReplyTo, m.messageId), sql`${messages.references} @> array[${m.messageId}]::text[]`);
  if (conds.length === 0) return [];
  const rows = await ctx.db
    .select({ id: messages.id, subject: messages.subject, fromAddress: messages.fromAddress, date: sql`${mailDate}`.mapWith(messages.receivedAt), intent: classifications.intent })
    .from(messages)
    .leftJoin(classifications, eq(classifications.messageId, messages.id))
    .where(and(or(...conds), ne(messages.id, m.id)))
    .orderBy(asc(mailDate))
    .limit(50);
  const self = { id: m.id, subject: m.subject, fromAddress: m.fromAddress, date: m.sentAt ?? m.receivedAt, intent };
  return [...rows, self]
    .map((r) => ({ id: r.id, subject: r.subject, fromAddress: r.fromAddress, date: iso(r.date as Date)!, intent: r.intent, current: r.id === m.id }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

async function debtorCasesOf(ctx: AppContext, debtorId: number, messageId: number): Promise<NonNullable<MessageDetail["debtorCases"]>> {
  const recent = await ctx.db
    .select({ id: messages.id, subject: messages.subject, date: sql`${mailDate}`.mapWith(messages.receivedAt), intent: classifications.intent })
    .from(classifications)
    .innerJoin(messages, eq(messages.id, classifications.messageId))
    .where(and(eq(classifications.debtorId, debtorId), ne(messages.id, messageId)))
    .orderBy(desc(mailDate))
    .limit(10);
  const out: NonNullable<MessageDetail["debtorCases"]> = {
    disputes: [],
    promises: [],
    recentMail: recent.map((r) => ({ id: r.id, subject: r.subject, date: iso(r.date as Date)!, intent: r.intent })),
  };
  if (await tableExists(ctx, "disputes")) {
    const rows = await ctx.db.select().from(disputes).where(eq(disputes.debtorId, debtorId)).orderBy(desc(disputes.createdAt)).limit(20);
    out.disputes = rows.map((d) => ({
      id: d.id,
      status: d.status,
      reason: d.reason,
      disputedAmount: d.disputedAmount === null ? null : Number(d.disputedAmount),
      currency: d.currency,
      slaDueDate: d.slaDueDate,
      createdAt: iso(d.createdAt)!,
    }));
  }
  if (await tableExists(ctx, "promises")) {
    const rows = await ctx.db.select().from(promises).where(eq(promises.debtorId, debtorId)).orderBy(desc(promises.promisedDate)).limit(20);
    out.promises = rows.map((p) => ({ id: p.id, status: p.status, promisedDate: p.promisedDate, amount: Number(p.amount), currency: p.currency }));
  }
  return out;
}

export async function getMessageDetail({ ctx, input }: { ctx: AppContext; input: { id: number } }): Promise<MessageDetail> {
  const [m] = await ctx.db.select().from(messages).where(eq(messages.id, input.id));
  if (!m) throw notFound("Message");
  const [cls] = await ctx.db
    .select({ c: classifications, d: { id: debtors.id, number: debtors.number, name: debtors.name } })
    .from(classifications)
    .leftJoin(debtors, eq(debtors.id, classifications.debtorId))
    .where(eq(classifications.messageId, m.id));
  const atts = await ctx.db
    .select({ id: attachments.id, filename: attachments.filename, contentType: attachments.contentType, size: attachments.size, contentId: attachments.contentId })
    .from(attachments)
    .where(eq(attachments.messageId, m.id))
    .orderBy(asc(attachments.id));

  let html: { html: string; hasRemoteImages: boolean } | null = null;
  if (m.html) {
    const cids = atts.filter((a) => a.contentId && /^image\//i.test(a.contentType));
    const inline = cids.length
      ? await ctx.db
          .select({ contentId: attachments.contentId, contentType: attachments.contentType, content: attachments.content })
          .from(attachments)
          .where(inArray(attachments.id, cids.map((a) => a.id)))
      : [];
    // The inbox iframe allows only data: images (its CSP blocks every load), so
    // inline cid: images are embedded rather than linked.
    const byCid = new Map(inline.map((i) => [i.contentId!.replace(/^<|>$/g, "").toLowerCase(), i]));
    html = sanitizeEmailHtml(m.html, {
      cidUrl: (cid) => {
        const img = byCid.get(cid.toLowerCase());
        if (!img || img.content.length > MAX_INLINE_IMAGE || !/^image\/(png|jpe?g|gif|webp|bmp)$/i.test(img.contentType)) return null;
        return `data:${img.contentType.toLowerCase()};base64,${img.content.toString("base64")}`;
      },
    });
  }
  const boxes = await ctx.db
    .select({ id: mailboxes.id, name: mailboxes.name })
    .from(messageMailboxes)
    .innerJoin(mailboxes, eq(mailboxes.id, messageMailboxes.mailboxId))
    .where(eq(messageMailboxes.messageId, m.id));
  const corr = await ctx.db.select().from(corrections).where(eq(corrections.messageId, m.id)).orderBy(desc(corrections.id)).limit(20);
  const draftRows = (await tableExists(ctx, "drafts"))
    ? await ctx.db.select().from(drafts).where(eq(drafts.messageId, m.id)).orderBy(desc(drafts.id))
    : [];
  const c = cls?.c;
  const debtorId = c?.debtorId ?? null;

  return {
    message: {
      id: m.id,
      messageId: m.messageId,
      subject: m.subject,
      fromAddress: m.fromAddress,
      fromName: m.fromName,
      to: m.to,
      cc: m.cc,
      replyTo: m.replyTo,
      date: iso(m.sentAt && m.sentAt < m.receivedAt ? m.sentAt : m.receivedAt)!,
      receivedAt: iso(m.receivedAt)!,
      text: m.text,
      html: html?.html ?? null,
      hasRemoteImages: html?.hasRemoteImages ?? false,
      parseStatus: m.parseStatus,
      parseError: m.parseError,
      processingStatus: m.processingStatus,
      triageStatus: m.triageStatus,
      size: m.size,
    },
    mailboxes: boxes,
    classification: c
      ? {
          intent: c.intent,
          intentConfidence: c.intentConfidence,
          language: c.language,
          debtor: cls.d?.id ? cls.d : null,
          debtorConfidence: c.debtorConfidence,
          invoices: c.invoices,
          fields: (c.fields ?? {}) as Record<string, unknown>,
          evidence: (Array.isArray(c.evidence) ? c.evidence : []) as EvidenceItem[],
          candidates: await candidatesOf(ctx, c.candidates),
          classifierVersion: c.classifierVersion,
          embedder: c.embedder,
          llmModel: c.llmModel,
          correctedBy: c.corrected,
          correctedAt: iso(c.correctedAt),
        }
      : null,
    attachments: atts.map((a) => ({ id: a.id, filename: a.filename, contentType: a.contentType, size: a.size, inline: Boolean(a.contentId) })),
    thread: await threadOf(ctx, m, c?.intent ?? null),
    debtorCases: debtorId ? await debtorCasesOf(ctx, debtorId, m.id) : null,
    drafts: draftRows.map((d) => ({ id: d.id, status: d.status, subject: d.subject, body: d.body, language: d.language, createdAt: iso(d.createdAt)! })),
    corrections: corr.map((k) => ({ id: k.id, createdAt: iso(k.createdAt)!, userId: k.userId, before: k.before, after: k.after })),
  };
}

/** One attachment's bytes, for download. */
export async function getAttachment({ ctx, input }: { ctx: AppContext; input: { messageId: number; attachmentId: number } }) {
  const [a] = await ctx.db
    .select()
    .from(attachments)
    .where(and(eq(attachments.id, input.attachmentId), eq(attachments.messageId, input.messageId)));
  if (!a) throw notFound("Attachment");
  return a;
}
