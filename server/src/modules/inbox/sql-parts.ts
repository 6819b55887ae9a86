import { sql, type SQL } from "drizzle-orm";
import { classifications, debtors, messages } from "../../db/schema.ts";

/**
 * SQL shared by the inbox list, counts and stats. The expressions must stay
 * identical to the ones indexed in migrations/0003_inbox_search.sql, or
 * Postgres will not use those indexes.
 */

/** The mail's date: its Date header, but never later than when it reached us (a forged future date cannot pin spam to the top). */
export const mailDate: SQL = sql`least(coalesce(${messages.sentAt}, ${messages.receivedAt}), ${messages.receivedAt})`;

/** The stored tsvector column added by the migration (not in the drizzle model of messages). */
export const searchVector: SQL = sql`"messages"."search_tsv"`;

/** Below this intent confidence a message needs a person's attention. */
export const LOW_CONFIDENCE = 0.6;

export const inInbox: SQL = sql`${messages.triageStatus} = 'inbox'`;
export const isDone: SQL = sql`${messages.triageStatus} in ('done', 'archived')`;

/** Classified, no debtor, and not spam/newsletters (those do not wait for routing). */
export const isUnassigned: SQL = sql`(${classifications.messageId} is not null and ${classifications.debtorId} is null and ${classifications.intent} <> 'other')`;

/** Low confidence, a dispute or insolvency, an insolvent debtor, or a message that could not be parsed or processed. */
export const needsAttention: SQL = sql`(${classifications.intentConfidence} < ${LOW_CONFIDENCE}
  or ${classifications.intent} in ('dispute', 'insolvency_notice')
  or coalesce(${debtors.insolvent}, false)
  or ${messages.parseStatus} <> 'parsed'
  or ${messages.processingStatus} = 'failed')`;

/**
 * Words of a search that contain a digit may be invoice numbers: matched
 * exactly (as typed and upper-cased). Addresses and domains are not.
 */
export function invoiceTokens(q: string): string[] {
  const words = q
    .split(/\s+/)
    .map((w) => w.replace(/^[^\w]+|[^\w]+$/g, ""))
    .filter((w) => /\d/.test(w) && w.length >= 3 && !w.includes("@") && !/\.[a-z]{2,}$/i.test(w));
  return [...new Set(words.flatMap((w) => [w, w.toUpperCase()]))].slice(0, 20);
}

/** The sort key as exact microseconds since the epoch (text): a JS Date would round to milliseconds and skip rows. */
export const sortKeyMicros: SQL = sql`(extract(epoch from ${mailDate}) * 1000000)::bigint::text`;

/** Keyset cursor: the last row's sort key (microseconds) and id, opaque to clients. */
export function encodeCursor(micros: string, id: number): string {
  return Buffer.from(`${micros}|${id}`).toString("base64url");
}

export function decodeCursor(cursor: string): { micros: string; id: number } | null {
  const [micros, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const n = Number(id);
  if (!micros || !/^-?\d{1,18}$/.test(micros) || !Number.isInteger(n) || n <= 0) return null;
  return { micros, id: n };
}

/** Rows after the cursor in (sort key desc, id desc) order. */
export const afterCursor = (c: { micros: string; id: number }): SQL =>
  sql`(${mailDate}, ${messages.id}) < (timestamptz 'epoch' + ${c.micros}::bigint * interval '1 microsecond', ${c.id}::int)`;
