import type { MailInput } from "../mail-input.ts";
import { bareAddress, header, parseHeaderBlock } from "./headers.ts";

/** What a bounce tells about the message it returns. */
export interface ReturnedMessage {
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  to: string[];
  cc: string[];
  from: string | null;
  subject: string | null;
}

const HEADERLIKE = /^[A-Za-z][A-Za-z0-9-]*:\s?\S?/;
const IDENTITY = /^(message-id|from|subject|date|received|return-path|in-reply-to|references|to)$/;

const ids = (v: string | undefined) => (v ?? "").match(/<[^<>\s]+>/g) ?? [];
const addressList = (v: string | undefined) =>
  (v ?? "").split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((x) => bareAddress(x)).filter((x): x is string => !!x);

function fromBlock(block: string): ReturnedMessage | null {
  const fields = parseHeaderBlock(block);
  const get = (n: string) => fields.find((f) => f.name === n)?.value;
  const named = fields.filter((f) => IDENTITY.test(f.name));
  if (named.length < 2 && !get("message-id")) return null;
  return {
    messageId: ids(get("message-id"))[0] ?? null,
    inReplyTo: ids(get("in-reply-to"))[0] ?? null,
    references: ids(get("references")),
    to: addressList(get("to")),
    cc: addressList(get("cc")),
    from: bareAddress(get("from")),
    subject: get("subject") ?? null,
  };
}

/**
 * Header blocks of the text: runs of header-like lines (with folding) at
 * least three lines long. DSN field blocks also look like headers; they are
 * told apart because they carry none of the identity headers.
 */
function headerBlocks(text: string): string[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.filter((l) => HEADERLIKE.test(l)).length >= 3) out.push(run.join("\n"));
    run = [];
  };
  for (const line of lines) {
    if (HEADERLIKE.test(line) || (run.length && /^[ \t]+\S/.test(line))) run.push(line);
    else flush();
  }
  flush();
  return out;
}

/**
 * Find the returned original: a message/rfc822 or text/rfc822-headers part,
 * else a header block quoted in the text body (Exim, qmail, Sendmail and
 * friends paste it after a separator). Our own Message-ID there routes the
 * bounce back to the reminder that caused it.
 */
export function findReturnedMessage(mail: MailInput): ReturnedMessage | null {
  const ownIds = new Set([mail.messageId, header(mail, "message-id")].filter(Boolean).map((x) => ids(x!)[0]));
  const candidates: string[] = [];
  for (const a of mail.attachments) {
    if (/^(message\/(rfc822|global)|text\/rfc822-headers|message\/rfc822-headers)/i.test(a.contentType) && a.text) {
      const body = a.text.replace(/\r\n?/g, "\n");
      const end = body.indexOf("\n\n");
      candidates.push(end >= 0 ? body.slice(0, end) : body);
    }
  }
  if (mail.text) candidates.push(...headerBlocks(mail.text));
  let fallback: ReturnedMessage | null = null;
  for (const c of candidates) {
    const r = fromBlock(c);
    if (!r) continue;
    if (r.messageId && ownIds.has(r.messageId)) continue;
    if (r.messageId) return r;
    fallback ??= r;
  }
  return fallback;
}
