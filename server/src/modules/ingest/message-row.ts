import type { ParsedMessage, ParsedAttachment } from "./parse-message.ts";

// Postgres text and jsonb cannot hold U+0000, and real-world mail (broken
// charsets, binary parts declared as text) does contain it. The raw bytes are
// kept untouched in message_raw, so dropping NULs from the parsed copy loses nothing.
const NUL = /\u0000/g;

export function dbText(s: string | null | undefined): string | null {
  if (s === null || s === undefined) return null;
  return s.includes("\u0000") ? s.replace(NUL, "") : s;
}

function dbJson<T>(v: T): T {
  if (typeof v === "string") return dbText(v) as T;
  if (Array.isArray(v)) return v.map(dbJson) as T;
  if (v && typeof v === "object") {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [dbText(k) ?? "", dbJson(x)])) as T;
  }
  return v;
}

// A Date header from 1970 or years ahead would sort a message into nonsense;
// the arrival time is the honest value then.
function plausibleDate(d: Date | null, now: Date): Date | null {
  if (!d || isNaN(d.getTime())) return null;
  if (d.getTime() > now.getTime() + 24 * 3600_000 || d.getFullYear() < 1980) return null;
  return d;
}

/** Column values of a messages row for a parsed message. */
export function messageValues(p: ParsedMessage, receivedAt: Date | undefined) {
  const now = new Date();
  return {
    contentHash: p.contentHash,
    messageId: dbText(p.messageId),
    parseStatus: p.parseStatus,
    parseError: dbText(p.parseError),
    fromAddress: dbText(p.fromAddress),
    fromName: dbText(p.fromName),
    to: dbJson(p.to),
    cc: dbJson(p.cc),
    replyTo: dbText(p.replyTo),
    subject: dbText(p.subject),
    // Postgres timestamps stop at year 294276; mailparser can produce wilder dates.
    sentAt: p.date && Math.abs(p.date.getFullYear()) < 10000 ? p.date : null,
    inReplyTo: dbText(p.inReplyTo),
    references: p.references.map((r) => dbText(r) ?? ""),
    headers: dbJson(p.headers),
    text: dbText(p.text),
    html: dbText(p.html),
    size: p.size,
    attachmentCount: p.attachments.length,
    // Imports carry no delivery time: the Date header is the best stand-in, so
    // a backfill of old mail sorts like the mailbox it came from.
    receivedAt: receivedAt ?? plausibleDate(p.date, now) ?? now,
  };
}

export function attachmentValues(messageId: number, a: ParsedAttachment) {
  return {
    messageId,
    filename: dbText(a.filename),
    contentType: dbText(a.contentType) ?? "application/octet-stream",
    size: a.size,
    contentId: dbText(a.contentId),
    checksum: a.checksum,
    extractedText: dbText(a.text),
    content: a.content,
  };
}
