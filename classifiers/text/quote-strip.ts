import type { MailInput } from "../mail-input.ts";
import { htmlToText } from "./html-to-text.ts";
import {
  ANY_FIELD, DATE_ADDRESS_HEADER, FIELD, FORWARD_SEPARATOR, FORWARD_SUBJECT, ONE_LINE_HEADER, ORIGINAL_SEPARATOR, REPLY_HEADERS, RULE_LINE,
} from "./quote-patterns.ts";
import { splitSignature } from "./signature.ts";

export interface StrippedReply {
  /** What the sender wrote, without quotes and signature; for a pure forward, the forwarded message. */
  body: string;
  /** Quoted history: the quote header and everything under it, plus inline "> " lines. */
  quoted: string;
  signature: string;
  /** True when the sender wrote nothing of their own and body is the forwarded message. */
  forwarded: boolean;
  /** The line(s) where the quoted part starts, when found. */
  quoteHeader: string | null;
}

export interface StripOptions {
  /** The mail's subject: "Fwd:"/"TR:"/"WG:" tells a forward from a reply when the header alone cannot. */
  subject?: string | null;
}

type CutKind = "reply" | "forward";
interface Cut {
  line: number;
  /** Lines the header spans (multi-line "On … wrote:"). */
  span: number;
  kind: CutKind;
}

const DATE_ADDRESS_NO_COLON = /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b.{0,120}<\s*[^<>\s]+@[^<>\s]+\s*>$/u;
const nextFilledIsQuoted = (lines: string[], from: number) => {
  for (let j = from; j < lines.length; j++) if (lines[j].trim()) return /^\s*>/.test(lines[j]);
  return false;
};
const unquote = (l: string) => l.replace(/^\uFEFF/, "").replace(/^\s*(?:>\s?)+/, "").trim();
const hasDigitOrAddress = (s: string) => /\d|@/.test(s);

/** A reply header starting at line i, possibly wrapped over up to 4 lines. */
function replyHeaderAt(lines: string[], i: number): number {
  let joined = "";
  for (let k = 0; k < 4 && i + k < lines.length; k++) {
    const l = unquote(lines[i + k]);
    if (!l) break;
    joined = k ? `${joined} ${l}` : l;
    if (joined.length > 400) break;
    if (REPLY_HEADERS.some((re) => re.test(joined)) && hasDigitOrAddress(joined)) return k + 1;
    if (DATE_ADDRESS_HEADER.test(joined)) return k + 1;
    // Gmail on Android: "2013/11/1 John Smith <john@smith.org>" without colon, right above "> " lines.
    if (DATE_ADDRESS_NO_COLON.test(joined) && nextFilledIsQuoted(lines, i + k + 1)) return k + 1;
    // Only keep joining when the first line looks like the start of a header.
    // (a date: "30.09.2017, …", "Wednesday, 17 November …", "tir. 18. apr. …").
    if (k === 0 && !/^(?:-+\s*)?(?:on|op|le|am|el|em|il|in data|w dniu|dnia)\b|^[^\s\d]{0,12}\s?\d/iu.test(l)) break;
  }
  return 0;
}

/**
 * A block of quoted header fields (From/Sent/To/Subject in any order and
 * language) starting at line i. Word-made HTML puts blank lines between the
 * fields and may wrap a value onto the next line ("From:\nJohn [mailto:…]").
 */
function headerBlockAt(lines: string[], i: number): number {
  const first = unquote(lines[i]);
  if (ONE_LINE_HEADER.test(first)) return 1;
  if (!ANY_FIELD.test(first)) return 0;
  const kinds = new Set<string>();
  let fields = 0;
  let continuation = 0;
  let end = i;
  for (let k = i; k < lines.length && k < i + 16; k++) {
    const l = lines[k];
    if (!l.trim()) continue;
    const kind = Object.entries(FIELD).find(([, re]) => re.test(l))?.[0];
    if (kind) {
      kinds.add(kind);
      fields++;
      continuation = 0;
      end = k + 1;
    } else if (fields && continuation < 2 && l.trim().length <= 120 && !/[.?!]\s*$/.test(l.trim())) {
      // A wrapped value ("<hr@x>", "On Behalf Of …", "PM").
      continuation++;
      end = k + 1;
    } else break;
  }
  const fromOrTo = kinds.has("from") || kinds.has("to");
  const dateOrSubject = kinds.has("date") || kinds.has("subject");
  return fields >= 3 || (fields >= 2 && fromOrTo && dateOrSubject) ? end - i : 0;
}

function findCut(lines: string[]): Cut | null {
  for (let i = 0; i < lines.length; i++) {
    const l = unquote(lines[i]);
    if (!l) continue;
    if (FORWARD_SEPARATOR.test(l)) return { line: i, span: 1, kind: "forward" };
    if (ORIGINAL_SEPARATOR.test(l)) return { line: i, span: 1, kind: "reply" };
    const reply = replyHeaderAt(lines, i);
    if (reply) return { line: i, span: reply, kind: "reply" };
    if (RULE_LINE.test(l)) {
      // "____" / "====" / "----" followed (after blanks) by a header block.
      let j = i + 1;
      while (j < lines.length && !unquote(lines[j])) j++;
      if (j < lines.length && (headerBlockAt(lines, j) || ORIGINAL_SEPARATOR.test(unquote(lines[j])))) return { line: i, span: j - i + headerBlockAt(lines, j), kind: "reply" };
      continue;
    }
    const block = headerBlockAt(lines, i);
    if (block) return { line: i, span: block, kind: "reply" };
  }
  return null;
}

/** At least 80 % of the non-empty lines start with ">" (lazily wrapped lines are not re-quoted by every client). */
function mostlyQuoted(lines: string[]): boolean {
  const filled = lines.filter((l) => l.trim());
  return filled.length > 0 && filled.filter((l) => /^\s*>/.test(l)).length >= 0.8 * filled.length;
}

/** The forwarded message under a forward header: header fields skipped, quoting and indentation removed. */
function forwardedContent(lines: string[], cut: Cut): string {
  let rest = lines.slice(cut.line);
  if (mostlyQuoted(rest)) rest = rest.map((l) => l.replace(/^\s*> ?/, ""));
  let i = 0;
  // Separator and header fields (with wrapped values), then blank lines.
  if (FORWARD_SEPARATOR.test(unquote(rest[0] ?? "")) || ORIGINAL_SEPARATOR.test(unquote(rest[0] ?? "")) || RULE_LINE.test(rest[0] ?? "")) i++;
  else if (cut.kind === "reply" || cut.span) i += cut.span;
  while (i < rest.length && !rest[i].trim()) i++;
  while (i < rest.length && (ANY_FIELD.test(rest[i]) || (/^\s+\S/.test(rest[i]) && i > 0 && ANY_FIELD.test(rest[i - 1])))) i++;
  let body = rest.slice(i);
  // Some clients (Missive) quote the forwarded text itself.
  if (mostlyQuoted(body)) body = body.map((l) => l.replace(/^\s*> ?/, ""));
  const indents = body.filter((l) => l.trim()).map((l) => l.match(/^ */)![0].length);
  const common = indents.length ? Math.min(...indents) : 0;
  return body.map((l) => l.slice(Math.min(common, l.match(/^ */)![0].length))).join("\n").trim();
}

/**
 * Non-quoted lines after a "> " block that directly follows a reply header:
 * the sender answered below or between the quoted lines. Stops at the next
 * header or separator (older history).
 */
function answersBelowQuote(after: string[]): string[] {
  const first = after.findIndex((l) => l.trim());
  if (first < 0 || !/^\s*>/.test(after[first])) return [];
  const out: string[] = [];
  for (let i = first; i < after.length; i++) {
    const l = after[i];
    if (/^\s*>/.test(l)) continue;
    // A line glued to a long quoted line is that line wrapped lazily, not an answer.
    const prev = after[i - 1] ?? "";
    if (l.trim() && /^\s*>\s*\S/.test(prev) && prev.trim().length >= 50 && (out.length === 0 || !out[out.length - 1].trim())) continue;
    if (l.trim() && findCut(after.slice(i, i + 6))?.line === 0) break;
    out.push(l);
  }
  return out.some((l) => l.trim()) ? out : [];
}

/**
 * Split an email body into what the sender wrote, the quoted history, the
 * signature, and (for a pure forward) the forwarded message. Works on the
 * plain text; HTML-only mails go through htmlToText first (see senderText).
 */
export function stripReply(text: string, options: StripOptions = {}, depth = 0): StrippedReply {
  const lines = text.replace(/\r\n?/g, "\n").replace(/\u00a0/g, " ").replace(/^\uFEFF/, "").split("\n");
  const cut = findCut(lines);
  const own = cut ? lines.slice(0, cut.line) : lines;
  const quotedTail = cut ? lines.slice(cut.line).join("\n").trim() : "";
  const quoteHeader = cut ? lines.slice(cut.line, cut.line + Math.max(1, cut.span)).join("\n").trim() : null;

  // Inline "> " lines in the sender's part (interleaved answers, or a quote without header).
  const inline: string[] = [];
  const kept = own.filter((l) => {
    if (/^\s*>/.test(l)) {
      inline.push(l);
      return false;
    }
    return true;
  });
  // Answers written under a "> "-quoted block that follows the header (bottom posting, inline replies).
  const answers = cut?.kind === "reply" ? answersBelowQuote(lines.slice(cut.line + cut.span)) : [];
  const split = splitSignature([...kept, ...(answers.length ? ["", ...answers] : [])].join("\n"));
  let body = split.body.replace(/\n{3,}/g, "\n\n").trim();
  const signature = split.signature;
  const quoted = [inline.join("\n"), split.rest, quotedTail].filter((x) => x.trim()).join("\n\n");

  if (!body && cut) {
    const isForward = cut.kind === "forward" || FORWARD_SUBJECT.test(options.subject ?? "");
    const after = lines.slice(cut.line + cut.span);
    if (isForward) {
      const content = forwardedContent(lines, cut);
      const inner = depth < 2 ? stripReply(content, {}, depth + 1) : null;
      return { body: inner?.body || content, quoted, signature: signature || inner?.signature || "", forwarded: true, quoteHeader };
    }
  }
  return { body, quoted, signature, forwarded: false, quoteHeader };
}

/** The sender's own words of a mail: its text part, else its HTML converted, then stripped. */
export function senderText(mail: Pick<MailInput, "text" | "html" | "subject">): StrippedReply {
  const text = mail.text?.trim() ? mail.text : mail.html ? htmlToText(mail.html) : "";
  return stripReply(text, { subject: mail.subject });
}
