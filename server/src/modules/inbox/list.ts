import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import type { AppContext } from "../../context.ts";
import { classifications, debtors, messages } from "../../db/schema.ts";
import { AppError } from "../../errors.ts";
import type { InboxItem, InboxListQuery, InboxListResponse, InboxView } from "./schemas.ts";
import {
  afterCursor,
  decodeCursor,
  encodeCursor,
  inInbox,
  invoiceTokens,
  isDone,
  isUnassigned,
  mailDate,
  needsAttention,
  searchVector,
  sortKeyMicros,
} from "./sql-parts.ts";

function viewCondition(view: InboxView): SQL {
  if (view === "all") return inInbox;
  if (view === "done") return isDone;
  if (view === "unassigned") return and(inInbox, isUnassigned)!;
  if (view === "attention") return and(inInbox, needsAttention)!;
  if (view.startsWith("intent:")) return and(inInbox, eq(classifications.intent, view.slice(7)))!;
  return and(inInbox, eq(classifications.debtorId, Number(view.slice(7))))!;
}

/** Days are UTC days (the API speaks ISO dates). */
const dayStart = (d: string) => sql`${`${d}T00:00:00Z`}::timestamptz`;

function filterConditions(input: InboxListQuery): SQL[] {
  const conds: SQL[] = [];
  if (input.mailbox) {
    conds.push(sql`exists (select 1 from message_mailboxes mm where mm.message_id = ${messages.id} and mm.mailbox_id = ${input.mailbox})`);
  }
  if (input.language) conds.push(eq(classifications.language, input.language));
  if (input.from) conds.push(sql`${mailDate} >= ${dayStart(input.from)}`);
  if (input.to) conds.push(sql`${mailDate} < ${dayStart(input.to)} + interval '1 day'`);
  if (input.minConfidence !== undefined) conds.push(sql`${classifications.intentConfidence} >= ${input.minConfidence}`);
  if (input.maxConfidence !== undefined) conds.push(sql`${classifications.intentConfidence} <= ${input.maxConfidence}`);
  return conds;
}

function page(ctx: AppContext, conds: SQL[], limit: number) {
  return ctx.db
    .select({
      id: messages.id,
      subject: messages.subject,
      fromAddress: messages.fromAddress,
      fromName: messages.fromName,
      date: sql`${mailDate}`.mapWith(messages.receivedAt),
      sortKey: sql<string>`${sortKeyMicros}`,
      snippet: sql<string>`left(coalesce(${messages.text}, ''), 160)`,
      attachmentCount: messages.attachmentCount,
      triageStatus: messages.triageStatus,
      parseStatus: messages.parseStatus,
      processingStatus: messages.processingStatus,
      intent: classifications.intent,
      intentConfidence: classifications.intentConfidence,
      language: classifications.language,
      debtorId: debtors.id,
      debtorNumber: debtors.number,
      debtorName: debtors.name,
      debtorConfidence: classifications.debtorConfidence,
      invoices: classifications.invoices,
      correctedBy: classifications.corrected,
    })
    .from(messages)
    .leftJoin(classifications, eq(classifications.messageId, messages.id))
    .leftJoin(debtors, eq(debtors.id, classifications.debtorId))
    .where(and(...conds))
    .orderBy(desc(mailDate), desc(messages.id))
    .limit(limit);
}
type Row = Awaited<ReturnType<typeof page>>[number];

const byKeyDesc = (a: Row, b: Row) => {
  const ka = BigInt(a.sortKey);
  const kb = BigInt(b.sortKey);
  return ka === kb ? b.id - a.id : kb > ka ? 1 : -1;
};

/**
 * One page of a view, newest first, with a keyset cursor (stable while mail
 * keeps arriving). A search runs the full-text match and, for words that look
 * like invoice numbers, the exact match on the classifier's invoices as two
 * queries merged here: each keeps its own fast plan (an OR across the two
 * tables would force a scan of every match).
 */
export async function listInbox({ ctx, input }: { ctx: AppContext; input: InboxListQuery }): Promise<InboxListResponse> {
  const conds = [viewCondition(input.view), ...filterConditions(input)];
  if (input.cursor) {
    const cur = decodeCursor(input.cursor);
    if (!cur) throw new AppError("BAD_REQUEST", "Invalid cursor");
    conds.push(afterCursor(cur));
  }
  const want = input.limit + 1;
  let rows: Row[];
  if (!input.q) {
    rows = await page(ctx, conds, want);
  } else {
    rows = await page(ctx, [...conds, sql`${searchVector} @@ websearch_to_tsquery('simple'::regconfig, ${input.q})`], want);
    const tokens = invoiceTokens(input.q);
    if (tokens.length) {
      const arr = sql`array[${sql.join(tokens.map((t) => sql`${t}`), sql`, `)}]::text[]`;
      const more = await page(ctx, [...conds, sql`${classifications.invoices} && ${arr}`], want);
      const seen = new Set(rows.map((r) => r.id));
      rows = [...rows, ...more.filter((r) => !seen.has(r.id))].sort(byKeyDesc).slice(0, want);
    }
  }

  const items: InboxItem[] = rows.slice(0, input.limit).map((r) => ({
    id: r.id,
    subject: r.subject,
    fromAddress: r.fromAddress,
    fromName: r.fromName,
    date: (r.date as Date).toISOString(),
    snippet: r.snippet.replace(/\s+/g, " ").trim(),
    attachmentCount: r.attachmentCount,
    triageStatus: r.triageStatus,
    parseStatus: r.parseStatus,
    processingStatus: r.processingStatus,
    intent: r.intent,
    intentConfidence: r.intentConfidence,
    language: r.language,
    debtor: r.debtorId ? { id: r.debtorId, number: r.debtorNumber!, name: r.debtorName! } : null,
    debtorConfidence: r.debtorConfidence,
    invoices: r.invoices ?? [],
    corrected: r.correctedBy !== null && r.correctedBy !== undefined,
  }));
  const last = rows[input.limit - 1];
  const nextCursor = rows.length > input.limit && last ? encodeCursor(last.sortKey, last.id) : null;
  return { items, nextCursor };
}
