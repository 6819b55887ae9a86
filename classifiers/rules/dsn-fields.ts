import { bareAddress } from "./headers.ts";

/** One per-recipient block of an RFC 3464 message/delivery-status part. */
export interface DsnRecipient {
  finalRecipient: string | null;
  originalRecipient: string | null;
  action: string | null;
  status: string | null;
  diagnostic: string | null;
}

export interface DsnReport {
  reportingMta: string | null;
  recipients: DsnRecipient[];
}

const FIELD = /^([A-Za-z][A-Za-z0-9-]*)[ \t]*:[ \t]*(.*)$/;
const STATUS = /\b([245])\.(\d{1,3})\.(\d{1,3})\b/;

/** "5.1.1" out of a Status field or an SMTP diagnostic ("550 5.1.1 <x>: user unknown", "#5.5.0"). */
export function statusCode(text: string | null | undefined, failuresOnly = false): string | null {
  if (!text) return null;
  const m = text.match(failuresOnly ? /\b([45])\.(\d{1,3})\.(\d{1,3})\b/ : STATUS);
  return m ? `${m[1]}.${m[2]}.${m[3]}` : null;
}

/** Address of a DSN recipient field: "rfc822; a@b", "RFC822;<a@b>", sometimes a bare address. */
function recipientAddress(value: string | undefined): string | null {
  if (!value) return null;
  const v = value.replace(/^\s*[A-Za-z0-9-]+\s*;\s*/, "");
  return bareAddress(v);
}

/**
 * Parse the delivery-status fields wherever they appear: the
 * message/delivery-status part (mailparser inlines it into the text body, or
 * keeps it as an attachment), or text that quotes them. Blocks are separated
 * by blank lines; a block with Final-/Original-Recipient is a recipient.
 */
export function parseDsn(text: string): DsnReport | null {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const blocks: Array<Map<string, string>> = [];
  let cur: Map<string, string> | null = null;
  let last: string | null = null;
  for (const line of lines) {
    if (!line.trim()) {
      cur = null;
      last = null;
      continue;
    }
    if (/^[ \t]/.test(line) && cur && last) {
      cur.set(last, `${cur.get(last)} ${line.trim()}`);
      continue;
    }
    const m = line.match(FIELD);
    if (!m) {
      last = null;
      continue;
    }
    if (!cur) blocks.push((cur = new Map()));
    last = m[1].toLowerCase();
    // Keep the first occurrence: a returned message below may repeat names.
    if (!cur.has(last)) cur.set(last, m[2].trim());
  }
  let reportingMta: string | null = null;
  const recipients: DsnRecipient[] = [];
  for (const b of blocks) {
    if (b.has("reporting-mta") && !reportingMta) reportingMta = b.get("reporting-mta")!.replace(/^dns;\s*/i, "");
    const fin = b.get("final-recipient") ?? b.get("x-actual-recipient");
    const orig = b.get("original-recipient");
    if (!fin && !orig) continue;
    if (!b.has("action") && !b.has("status") && !b.has("diagnostic-code")) continue;
    recipients.push({
      finalRecipient: recipientAddress(fin),
      originalRecipient: recipientAddress(orig),
      action: b.get("action")?.toLowerCase().split(/[\s(;]/)[0] ?? null,
      status: statusCode(b.get("status")) ?? null,
      diagnostic: b.get("diagnostic-code") ?? null,
    });
  }
  if (!recipients.length && !reportingMta) return null;
  return { reportingMta, recipients };
}

/** The recipient the report is about: a failed one first, then a delayed one, then any. */
export function failingRecipient(r: DsnReport): DsnRecipient | null {
  const failed = (x: DsnRecipient) => x.action === "failed" || (!x.action && x.status?.startsWith("5"));
  const delayed = (x: DsnRecipient) => x.action === "delayed" || (!x.action && x.status?.startsWith("4"));
  return r.recipients.find(failed) ?? r.recipients.find(delayed) ?? r.recipients.find((x) => !isSuccess(x)) ?? null;
}

export const isSuccess = (x: DsnRecipient) => x.action === "delivered" || x.action === "deliverable" || x.action === "relayed" || x.action === "expanded" || !!x.status?.startsWith("2");
