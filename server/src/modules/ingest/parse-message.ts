import { createHash } from "node:crypto";
import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";
import { contentHash, headerEnd, headerFields } from "./content-hash.ts";
import { extractPdfText } from "./pdf-text.ts";
import { htmlToText } from "../../../../classifiers/text/html-to-text.ts";

export interface ParsedAttachment {
  filename: string | null;
  contentType: string;
  size: number;
  contentId: string | null;
  checksum: string;
  content: Buffer;
  /** Text for classification: decoded text-like parts, PDF text. */
  text: string | null;
}

/** Everything stored about a message besides its raw bytes. */
export interface ParsedMessage {
  contentHash: string;
  size: number;
  parseStatus: "parsed" | "parse_error" | "too_large";
  parseError: string | null;
  messageId: string | null;
  fromAddress: string | null;
  fromName: string | null;
  to: string[];
  cc: string[];
  replyTo: string | null;
  subject: string | null;
  date: Date | null;
  inReplyTo: string | null;
  references: string[];
  headers: Record<string, string[]>;
  text: string | null;
  html: string | null;
  attachments: ParsedAttachment[];
}

const TEXTLIKE = /^(text\/|message\/(delivery-status|rfc822|disposition-notification|feedback-report)|text\/rfc822-headers)/i;
const MAX_ATTACHMENT_TEXT = 200_000;

const addresses = (a: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(a) ? a : a ? [a] : [])
    .flatMap((o) => o.value)
    .flatMap((v) => (v.group ? v.group : [v]))
    .map((v) => v.address?.toLowerCase())
    .filter((x): x is string => !!x);

const firstAddress = (a: AddressObject | AddressObject[] | undefined) => {
  const o = Array.isArray(a) ? a[0] : a;
  const v = o?.value?.[0];
  return { address: v?.address?.toLowerCase() || null, name: v?.name || null };
};

const angle = (s: string | undefined | null) => (s ? s.trim() : null);

function headerMap(raw: Buffer): Record<string, string[]> {
  const { end } = headerEnd(raw);
  const map: Record<string, string[]> = {};
  // Header blocks are 7-bit by the RFCs; utf8 keeps RFC 6532 headers readable.
  for (const f of headerFields(raw.subarray(0, Math.min(end, 256 * 1024)).toString("utf8"))) {
    (map[f.name] ??= []).push(f.value);
  }
  return map;
}

/** What can be learnt without a parser: for too-large or unparseable messages. */
function fromHeadersOnly(raw: Buffer, status: ParsedMessage["parseStatus"], error: string): ParsedMessage {
  const headers = headerMap(raw);
  const one = (k: string) => headers[k]?.[0] ?? null;
  const from = one("from");
  const fromAddress = from?.match(/<([^>]+)>/)?.[1] ?? from?.match(/[^\s<>"]+@[^\s<>"]+/)?.[0] ?? null;
  const date = one("date") ? new Date(one("date")!) : null;
  return {
    contentHash: contentHash(raw),
    size: raw.length,
    parseStatus: status,
    parseError: error,
    messageId: one("message-id"),
    fromAddress: fromAddress?.toLowerCase() ?? null,
    fromName: null,
    to: [],
    cc: [],
    replyTo: null,
    subject: one("subject"),
    date: date && !isNaN(date.getTime()) ? date : null,
    inReplyTo: one("in-reply-to"),
    references: (one("references") ?? "").split(/\s+/).filter(Boolean),
    headers,
    text: null,
    html: null,
    attachments: [],
  };
}

/**
 * A multipart message whose boundary is missing or wrong parses to nothing;
 * the body bytes are still the message (often a bounce), so they are kept as
 * text rather than lost to classification.
 */
function rawBodyText(raw: Buffer): string | null {
  const { bodyStart } = headerEnd(raw);
  const body = raw.subarray(bodyStart, bodyStart + 200_000).toString("utf8").trim();
  return body || null;
}

async function attachmentsOf(p: ParsedMail): Promise<ParsedAttachment[]> {
  const out: ParsedAttachment[] = [];
  for (const a of p.attachments) {
    const content = a.content ?? Buffer.alloc(0);
    let text: string | null = null;
    if (TEXTLIKE.test(a.contentType)) text = content.subarray(0, MAX_ATTACHMENT_TEXT).toString("utf8");
    else if (/pdf/i.test(a.contentType) || /\.pdf$/i.test(a.filename ?? "")) text = await extractPdfText(content);
    out.push({
      filename: a.filename ?? null,
      contentType: a.contentType || "application/octet-stream",
      size: content.length,
      contentId: a.contentId ?? null,
      checksum: createHash("md5").update(content).digest("hex"),
      content,
      text,
    });
  }
  return out;
}

/**
 * The text for classification. An HTML mail without a text/plain part gets
 * our own conversion: mailparser then derives the text itself and glues table
 * cells together ("Payment date14.02.2025", "VF-2024-0086318.12.2024752.97"),
 * and remittance advices are tables. A message that parsed to nothing keeps
 * its body bytes (rawBodyText).
 */
function textOf(p: ParsedMail, raw: Buffer): string | null {
  const html = typeof p.html === "string" && p.html ? p.html : null;
  if (html && !/^content-type:\s*text\/plain/im.test(raw.toString("latin1"))) return htmlToText(html, { dropQuotes: false }) || null;
  if (p.text || html || p.attachments.length) return p.text ?? null;
  return rawBodyText(raw);
}

/**
 * Parse one raw RFC 822 message. Never throws: a message mailparser cannot
 * handle, or one without From/Date, comes back with parseStatus "parse_error"
 * and whatever could be read, so it is stored and shown, not dropped.
 */
export async function parseMessage(raw: Buffer, maxBytes: number): Promise<ParsedMessage> {
  if (raw.length > maxBytes) {
    return fromHeadersOnly(raw, "too_large", `message is ${raw.length} bytes, above the ${maxBytes}-byte limit; stored raw, not parsed`);
  }
  let p: ParsedMail;
  try {
    p = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true });
  } catch (err) {
    return fromHeadersOnly(raw, "parse_error", `mailparser failed: ${(err as Error).message}`);
  }
  const from = firstAddress(p.from);
  const problems: string[] = [];
  if (!from.address) problems.push("missing From address");
  if (!p.headers.has("date") || !p.date || isNaN(p.date.getTime())) problems.push("missing or invalid Date header");
  const refs = p.references ? (Array.isArray(p.references) ? p.references : [p.references]) : [];
  return {
    contentHash: contentHash(raw),
    size: raw.length,
    parseStatus: problems.length ? "parse_error" : "parsed",
    parseError: problems.length ? problems.join("; ") : null,
    messageId: angle(p.messageId),
    fromAddress: from.address,
    fromName: from.name,
    to: addresses(p.to),
    cc: addresses(p.cc),
    replyTo: firstAddress(p.replyTo).address,
    subject: p.subject ?? null,
    date: p.date && !isNaN(p.date.getTime()) && p.headers.has("date") ? p.date : null,
    inReplyTo: angle(p.inReplyTo),
    references: refs.flatMap((r) => r.split(/\s+/)).filter(Boolean),
    headers: headerMap(raw),
    text: textOf(p, raw),
    html: typeof p.html === "string" ? p.html : null,
    attachments: await attachmentsOf(p),
  };
}
