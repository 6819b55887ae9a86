import type { Fields, Intent } from "./intents.ts";
import type { LedgerView, MailInput } from "./mail-input.ts";
import { attachmentText, type MailTexts } from "./model-text.ts";
import { findInvoiceRefs, amountMatches, type InvoiceRefMatch } from "./extract/invoice-refs.ts";
import { findAmounts } from "./extract/amounts.ts";
import { extractFields } from "./extract/fields.ts";
import type { BounceResult } from "./rules/bounce.ts";
import type { AutoReplyResult } from "./rules/auto-reply.ts";
import type { RouteInvoiceRef } from "./routing/types.ts";
import { parseOurMessageId, splitMessageIds } from "./routing/our-message-id.ts";
import { ledgerIndex } from "./routing/ledger-index.ts";

/** Intents whose mail is about specific invoices (so a reply naming none is about the thread's). */
const ABOUT_INVOICES = new Set<Intent>(["payment_promise", "payment_notice", "dispute", "document_request", "payment_plan_request", "question"]);

/** Invoices named by our own Message-IDs that this mail answers (In-Reply-To, References). */
function repliedInvoices(mail: MailInput): string[] {
  return splitMessageIds([mail.inReplyTo, ...mail.references])
    .map((id) => parseOurMessageId(id)?.invoiceNumber ?? null)
    .filter((n): n is string => n !== null);
}

/** The debtor's invoices from the routing's cached ledger index (one array per debtor). */
const invoicesOf = (ledger: LedgerView, debtorId: number) => ledgerIndex(ledger).invoicesByDebtor.get(debtorId) ?? [];

export interface References {
  invoiceRefs: RouteInvoiceRef[];
  amounts: Array<{ value: number; currency: string | null }>;
  /** Ledger invoices the sender means, once the debtor is known. */
  invoicesFor(debtorId: number | null): string[];
  fields(intent: Intent, extra: { bounce: BounceResult; autoReply: AutoReplyResult; debtorId: number | null }): Fields;
}

/**
 * Invoice references, amounts and fields of one mail. References in the
 * sender's own words (and attachments) count; those only in our quoted
 * reminder are kept for routing as weak evidence, and become the invoices
 * meant when the sender names none ("nous payons la semaine prochaine").
 */
export function extractReferences(input: { mail: MailInput; texts: MailTexts; intent: Intent; ledger: LedgerView }): References {
  const { mail, texts, intent, ledger } = input;
  const ownWithAttachments = [texts.own, attachmentText(mail)].filter(Boolean).join("\n");
  // What a signature detector cut off can still hold a payment's details
  // ("Betaald: F2024-0113 …" under the name): whole ledger numbers only there.
  const signed = findInvoiceRefs(texts.stripped.signature, ledger.invoices).filter((r) => r.confidence >= 0.85);
  const written = findInvoiceRefs(ownWithAttachments, ledger.invoices);
  const own = [...written, ...signed.filter((r) => !written.some((w) => w.number === r.number))];
  const quoted = findInvoiceRefs(texts.stripped.quoted, ledger.invoices).filter((r) => !own.some((o) => o.number === r.number));
  const subject = findInvoiceRefs(mail.subject ?? "", ledger.invoices);
  const invoiceRefs: RouteInvoiceRef[] = [
    ...own.map((r) => ({ number: r.number, confidence: r.confidence, inSenderText: true })),
    ...quoted.map((r) => ({ number: r.number, confidence: r.confidence, inSenderText: false })),
  ];
  const amounts = findAmounts(texts.own).map((a) => ({ value: a.value, currency: a.currency }));
  // The ledger index is cached per ledger view: no per-mail map of every invoice.
  const ix = ledgerIndex(ledger);
  const belongs = (number: string, debtorId: number | null) => debtorId === null || (ix.invoiceByNumber.get(number) ?? []).some((i) => i.debtorId === debtorId);

  const invoicesFor = (debtorId: number | null): string[] => {
    const ofDebtor = (refs: InvoiceRefMatch[]) => refs.filter((r) => belongs(r.number, debtorId)).map((r) => r.number);
    // Within the debtor's own invoices a short or partial number ("réf. 449",
    // "nrs. 832 en 884") that fits several invoices of the whole ledger is unique.
    const open = debtorId === null ? [] : invoicesOf(ledger, debtorId);
    const scoped = findInvoiceRefs(ownWithAttachments, open, { bareSequences: ABOUT_INVOICES.has(intent) }).map((r) => r.number);
    const named = [...ofDebtor(own), ...scoped];
    if (named.length) return [...new Set(named)];
    if (!ABOUT_INVOICES.has(intent) || debtorId === null) return [];
    // "Het bedrag van 1578,43": an amount equal to exactly one open item of the debtor.
    const byAmount = amountMatches(texts.own, open).filter((m) => m.confidence >= 0.7);
    if (byAmount.length) return [...new Set(byAmount.map((m) => m.number))];
    // "Le solde de 13 503,95 €": an amount equal to the open total of the letter
    // answered (its invoices in our quote) or of the whole account.
    const stated = findAmounts(texts.own).map((a) => a.value);
    const quotedOpen = open.filter((i) => quoted.some((r) => r.number === i.number) && i.openAmount !== 0);
    const allOpen = open.filter((i) => i.openAmount !== 0);
    for (const group of [quotedOpen, allOpen]) {
      const total = group.reduce((sum, i) => sum + i.openAmount, 0);
      if (group.length > 1 && stated.some((v) => Math.abs(v - total) < 0.01)) return group.map((i) => i.number);
    }
    // "We betalen volgende week" under our reminder: a reply that names no
    // invoice is about the invoices of the letter it answers — those in its
    // subject, in the quoted letter, or named by our Message-ID it replies to.
    return [...new Set([...ofDebtor(subject), ...ofDebtor(quoted), ...repliedInvoices(mail).filter((n) => belongs(n, debtorId))])];
  };

  const fields = (it: Intent, extra: { bounce: BounceResult; autoReply: AutoReplyResult; debtorId: number | null }): Fields => {
    if (it === "bounce") {
      const b = extra.bounce;
      return {
        ...(b.failedRecipient ? { failedRecipient: b.failedRecipient } : {}),
        ...(b.status ? { status: b.status } : {}),
        ...(b.permanent !== null ? { permanent: b.permanent } : {}),
      };
    }
    if (it === "auto_reply") return extra.autoReply.returnDate ? { returnDate: extra.autoReply.returnDate } : {};
    return extractFields({ intent: it, text: ownWithAttachments, subject: mail.subject ?? "", mail, ledgerInvoices: ledger.invoices });
  };

  return { invoiceRefs, amounts, invoicesFor, fields };
}
