import type { ParsedMessage } from "../server/src/modules/ingest/parse-message.ts";
import type { MailInput } from "./mail-input.ts";

/**
 * The classifiers' view of a parsed message. Attachment bytes are dropped:
 * classifiers only read the text extracted at parse time, which keeps them
 * pure and lets the pipeline hand over stored rows without loading blobs.
 */
export function mailInputFromParsed(p: ParsedMessage): MailInput {
  return {
    subject: p.subject,
    fromAddress: p.fromAddress,
    fromName: p.fromName,
    to: p.to,
    cc: p.cc,
    date: p.date,
    messageId: p.messageId,
    inReplyTo: p.inReplyTo,
    references: p.references,
    headers: p.headers,
    text: p.text,
    html: p.html,
    attachments: p.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, size: a.size, text: a.text })),
  };
}
