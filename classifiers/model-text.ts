import type { MailInput } from "./mail-input.ts";
import type { LedgerView } from "./mail-input.ts";
import { senderText, stripReply, type StrippedReply } from "./text/quote-strip.ts";
import { FORWARD_SEPARATOR, FORWARD_SUBJECT } from "./text/quote-patterns.ts";
import { featureTokens } from "./model-features.ts";

/** Text of attachments worth classifying: PDFs and documents, not returned mail or DSN parts. */
export function attachmentText(mail: MailInput, maxChars = 4_000): string {
  return mail.attachments
    .filter((a) => a.text && !/^(message\/|text\/rfc822-headers)/i.test(a.contentType) && !/^text\/(plain|html)/i.test(a.contentType))
    .map((a) => a.text!.slice(0, maxChars))
    .join("\n");
}

export interface MailTexts {
  stripped: StrippedReply;
  /** What the sender wrote (quotes and signature removed). */
  own: string;
  /** What the classifier reads: subject, the sender's words, attachment text. */
  model: string;
}

/**
 * One definition of "the text of a mail", used both when the classifier is
 * trained on the seed set and when it predicts: any drift between the two
 * would quietly cost accuracy.
 */
export function mailTexts(mail: MailInput, ledger: LedgerView | null = null): MailTexts {
  const stripped = senderText(mail);
  let own = stripped.body.trim();
  const handedOver = handOverForward(stripped, mail.subject);
  if (handedOver) own = `${own}\n\n${handedOver}`;
  const subject = (mail.subject ?? "").replace(/^\s*((re|aw|antw|tr|fwd?|wg|sv|réf)\s*:\s*)+/i, "");
  const body = own || stripped.quoted.slice(0, 1_500);
  const features = featureTokens({ mail, own: body, ledger });
  const model = [subject, body, attachmentText(mail, 2_000), features].filter(Boolean).join("\n");
  return { stripped, own, model };
}

/**
 * "FYI, kun jij dit oppakken?" above a forwarded customer mail: the note is a
 * hand-over, what needs doing is in the forwarded message, so its text counts
 * as the sender's (intents.md: classify what the customer wrote). Returns the
 * forwarded body, or null when the mail is not such a hand-over.
 */
function handOverForward(stripped: StrippedReply, subject: string | null): string | null {
  if (stripped.forwarded || !stripped.quoted) return null;
  const isForward = FORWARD_SUBJECT.test(subject ?? "") || (stripped.quoteHeader !== null && FORWARD_SEPARATOR.test(stripped.quoteHeader.split("\n")[0]));
  if (!isForward) return null;
  if (stripped.body.split(/\s+/).filter(Boolean).length > 40) return null;
  const inner = stripReply(stripped.quoted, { subject });
  return inner.body.trim() || null;
}
