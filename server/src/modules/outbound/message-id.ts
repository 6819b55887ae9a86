import { formatOurMessageId, parseOurMessageId, type OurMessageId } from "../../../../classifiers/routing/our-message-id.ts";

/**
 * Our own Message-IDs name the debtor and the invoice,
 * `<relance.{debtorNumber}.{invoiceNumber|none}.{random}@{domain}>`, so a
 * reply routes back by its In-Reply-To / References. The format lives in
 * classifiers/routing/our-message-id.ts, which routing reads back; sending
 * uses the very same code.
 */
export type RelanceMessageId = OurMessageId;
export const formatMessageId = formatOurMessageId;
export const parseMessageId = parseOurMessageId;

/**
 * The first of our Message-IDs among a reply's In-Reply-To and References
 * (In-Reply-To first: it names the mail being answered; References from the
 * most recent end).
 */
export function findRelanceMessageId(
  inReplyTo: string | null | undefined,
  references: readonly string[] | string | null | undefined,
): RelanceMessageId | null {
  const refs = typeof references === "string" ? references.split(/\s+/) : [...(references ?? [])];
  const candidates = [...(inReplyTo ? inReplyTo.split(/\s+/) : []), ...refs.reverse()];
  for (const c of candidates) {
    const parsed = parseMessageId(c);
    if (parsed) return parsed;
  }
  return null;
}
