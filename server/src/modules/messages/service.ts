import { and, asc, desc, eq, gte, ilike, lt, or, sql, type SQL } from "drizzle-orm";
import type { AppContext } from "../../context.ts";
import { AppError, notFound } from "../../errors.ts";
import { messages } from "../../db/schema/messages.ts";
import { messageRaw } from "../../db/schema/message-raw.ts";
import { attachments } from "../../db/schema/attachments.ts";
import { messageMailboxes } from "../../db/schema/message-mailboxes.ts";
import { mailboxes } from "../../db/schema/mailboxes.ts";
import type { ListMessagesQuery, MessageDetail, MessageList, MessageSummary } from "./schemas.ts";
import { sanitizeEmailHtml } from "./sanitize-html.ts";

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => "\\" + c);

// Keyset cursor over (received_at desc, id desc): stable while new mail arrives.
function encodeCursor(receivedAt: Date, id: number) {
  return Buffer.from(`${receivedAt.toISOString()}|${id}`).toString("base64url");
}
function decodeCursor(cursor: string): { at: Date; id: number } {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const d = new Date(at ?? "");
  const n = Number(id);
  if (isNaN(d.getTime()) || !Number.isInteger(n)) throw new AppError("VALIDATION", "cursor: not a cursor from this API");
  return { at: d, id: n };
}

const summaryColumns = {
  id: messages.id,
  messageId: messages.messageId,
  subject: messages.subject,
  fromAddress: messages.fromAddress,
  fromName: messages.fromName,
  to: messages.to,
  cc: messages.cc,
  sentAt: messages.sentAt,
  receivedAt: messages.receivedAt,
  parseStatus: messages.parseStatus,
  parseError: messages.parseError,
  processingStatus: messages.processingStatus,
  triageStatus: messages.triageStatus,
  size: messages.size,
  attachmentCount: messages.attachmentCount,
};

type SummaryRow = Pick<typeof messages.$inferSelect, keyof typeof summaryColumns>;

function summary(r: SummaryRow, snippet: string | null, mailboxIds: number[]): MessageSummary {
  return {
    ...r,
    to: (r.to as string[]) ?? [],
    cc: (r.cc as string[]) ?? [],
    sentAt: r.sentAt?.toISOString() ?? null,
    receivedAt: r.receivedAt.toISOString(),
    parseStatus: r.parseStatus as MessageSummary["parseStatus"],
    snippet: (snippet ?? "").replace(/\s+/g, " ").trim().slice(0, 200),
    mailboxIds,
  };
}

/** Newest first, with filters; keyset (cursor) or page paging. Never returns bodies. */
export async function listMessages({ ctx, input }: { ctx: AppContext; input: ListMessagesQuery }): Promise<MessageList> {
  const where: SQL[] = [];
  if (input.mailbox) {
    where.push(sql`exists (select 1 from message_mailboxes mm where mm.message_id = ${messages.id} and mm.mailbox_id = ${input.mailbox})`);
  }
  if (input.parseStatus) where.push(eq(messages.parseStatus, input.parseStatus));
  if (input.processingStatus) where.push(eq(messages.processingStatus, input.processingStatus));
  if (input.triageStatus) where.push(eq(messages.triageStatus, input.triageStatus));
  if (input.from) where.push(ilike(messages.fromAddress, `%${likeEscape(input.from.toLowerCase())}%`));
  if (input.q) {
    const like = `%${likeEscape(input.q)}%`;
    where.push(or(ilike(messages.subject, like), ilike(messages.fromAddress, like), ilike(messages.fromName, like))!);
  }
  if (input.since) where.push(gte(messages.receivedAt, input.since));
  if (input.until) where.push(lt(messages.receivedAt, input.until));
  const filter = where.length ? and(...where) : undefined;
  const pageMode = !input.cursor && input.page !== undefined;
  const keyset = input.cursor ? decodeCursor(input.cursor) : null;
  const keysetWhere = keyset
    ? sql`(${messages.receivedAt} < ${keyset.at} or (${messages.receivedAt} = ${keyset.at} and ${messages.id} < ${keyset.id}))`
    : undefined;

  const rows = await ctx.db
    .select({ ...summaryColumns, snippet: sql<string | null>`left(${messages.text}, 400)` })
    .from(messages)
    .where(and(filter, keysetWhere))
    .orderBy(desc(messages.receivedAt), desc(messages.id))
    .limit(input.limit + 1)
    .offset(pageMode ? (input.page! - 1) * input.limit : 0);
  const more = rows.length > input.limit;
  const page = rows.slice(0, input.limit);

  const ids = page.map((r) => r.id);
  const links = ids.length
    ? await ctx.db
        .select({ messageId: messageMailboxes.messageId, mailboxId: messageMailboxes.mailboxId })
        .from(messageMailboxes)
        .where(sql`${messageMailboxes.messageId} in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`)
    : [];
  const byMessage = new Map<number, number[]>();
  for (const l of links) (byMessage.get(l.messageId) ?? byMessage.set(l.messageId, []).get(l.messageId)!).push(l.mailboxId);

  const items = page.map(({ snippet, ...r }) => summary(r, snippet, (byMessage.get(r.id) ?? []).sort((a, b) => a - b)));
  const last = page[page.length - 1];
  const result: MessageList = { items, nextCursor: more && last ? encodeCursor(last.receivedAt, last.id) : null };
  if (pageMode) {
    const [{ n }] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(messages).where(filter);
    result.total = Number(n);
    result.page = input.page;
  }
  return result;
}

export async function getMessage({
  ctx,
  input,
}: {
  ctx: AppContext;
  input: { id: number; showRemoteImages?: boolean };
}): Promise<MessageDetail> {
  const [m] = await ctx.db.select().from(messages).where(eq(messages.id, input.id));
  if (!m) throw notFound("Message");
  const atts = await ctx.db
    .select({
      id: attachments.id,
      filename: attachments.filename,
      contentType: attachments.contentType,
      size: attachments.size,
      contentId: attachments.contentId,
    })
    .from(attachments)
    .where(eq(attachments.messageId, m.id))
    .orderBy(asc(attachments.id));
  const seenIn = await ctx.db
    .select({
      id: mailboxes.id,
      name: mailboxes.name,
      address: mailboxes.address,
      uidValidity: messageMailboxes.uidValidity,
      uid: messageMailboxes.uid,
      linkedAt: messageMailboxes.linkedAt,
    })
    .from(messageMailboxes)
    .innerJoin(mailboxes, eq(mailboxes.id, messageMailboxes.mailboxId))
    .where(eq(messageMailboxes.messageId, m.id))
    .orderBy(asc(messageMailboxes.linkedAt));

  const attUrl = (attId: number) => `/api/messages/${m.id}/attachments/${attId}`;
  const byCid = new Map(atts.filter((a) => a.contentId).map((a) => [a.contentId!.replace(/^<|>$/g, "").toLowerCase(), a.id]));
  const clean = m.html
    ? sanitizeEmailHtml(m.html, {
        cidUrl: (cid) => {
          const id = byCid.get(cid.toLowerCase());
          return id ? attUrl(id) : null;
        },
        showRemoteImages: input.showRemoteImages,
      })
    : { html: null, hasRemoteImages: false };

  const { contentHash: _h, html: _html, text, headers, references, replyTo, inReplyTo, ...rest } = m;
  const { snippet: _s, mailboxIds: _m, ...base } = summary(rest, null, []);
  return {
    ...base,
    replyTo,
    inReplyTo,
    references: references ?? [],
    headers: (headers ?? {}) as Record<string, string[]>,
    text,
    html: clean.html,
    hasRemoteImages: clean.hasRemoteImages,
    attachments: atts.map((a) => ({ ...a, url: attUrl(a.id) })),
    mailboxes: seenIn.map((s) => ({ ...s, linkedAt: s.linkedAt.toISOString() })),
    rawUrl: `/api/messages/${m.id}/raw`,
  };
}

/** The exact bytes received. */
export async function getMessageRaw({ ctx, input }: { ctx: AppContext; input: { id: number } }): Promise<Buffer> {
  const [r] = await ctx.db.select({ raw: messageRaw.raw }).from(messageRaw).where(eq(messageRaw.messageId, input.id));
  if (!r) throw notFound("Message");
  return Buffer.isBuffer(r.raw) ? r.raw : Buffer.from(r.raw);
}

export async function getMessageAttachment({ ctx, input }: { ctx: AppContext; input: { id: number; attId: number } }) {
  const [a] = await ctx.db
    .select()
    .from(attachments)
    .where(and(eq(attachments.id, input.attId), eq(attachments.messageId, input.id)));
  if (!a) throw notFound("Attachment");
  return a;
}
