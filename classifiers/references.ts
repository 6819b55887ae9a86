import type { Fields, Intent } from "./intents.ts";
import type { LedgerView, MailInput } from "./mail-input.ts";
import { attachmentText, type MailTexts } from "./model-text.ts";
import { findInvoiceRefs, amountMatches, type InvoiceRefMatch } from "./extract/invoice-refs.ts";
import { findAmounts } from "./extract/amounts.ts";
import { extractFields } from "./extract/fields.ts";
import type { BounceResult } from "./rules/bounce.ts";
import type { AutoReplyResult } from "./rules/auto-reply.ts";
import type { RouteInvoiceRef } from "./routing/types.ts";

/** Intents whose mail is about specific invoices (so a lone invoice in the thread is the one meant). */
const ABOUT_INVOICES = new Set<Intent>(["payment_promise", "payment_notice", "dispute", "document_request", "payment_plan_request", "question"]);

/** The sender designates one invoice without its number ("this invoice", "la facture", "deze factuur"). */
const ONE_INVOICE_MEANT =
  /\b(?:this|the|that|your|said) invoice\b|\b(?:cette|la|votre|ladite) facture\b|\b(?:deze|de|uw|die|bewuste) factuur\b|\b(?:diese|die|ihre|besagte) rechnung\b/i;

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
 * reminder are kept for routing as weak evidence, and used as "the invoice
 * meant" only when the thread is about exactly one invoice and the sender
 * names none ("je paie cette facture demain").
 */
export function extractReferences(input: { mail: MailInput; texts: MailTexts; intent: Intent; ledger: LedgerView }): References {
  const { mail, texts, intent, ledger } = input;
  const ownWithAttachments = [texts.own, attachmentText(mail)].filter(Boolean).join("\n");
  const own = findInvoiceRefs(ownWithAttachments, ledger.invoices);
  const quoted = findInvoiceRefs(texts.stripped.quoted, ledger.invoices).filter((r) => !own.some((o) => o.number === r.number));
  const subject = findInvoiceRefs(mail.subject ?? "", ledger.invoices);
  const invoiceRefs: RouteInvoiceRef[] = [
    ...own.map((r) => ({ number: r.number, confidence: r.confidence, inSenderText: true })),
    ...quoted.map((r) => ({ number: r.number, confidence: r.confidence, inSenderText: false })),
  ];
  const amounts = findAmounts(texts.own).map((a) => ({ value: a.value, currency: a.currency }));
  const debtorOf = new Map(ledger.invoices.map((i) => [i.number, i.debtorId]));

  const invoicesFor = (debtorId: number | null): string[] => {
    const ofDebtor = (refs: InvoiceRefMatch[]) => refs.filter((r) => debtorId === null || debtorOf.get(r.number) === debtorId).map((r) => r.number);
    const named = ofDebtor(own);
    if (named.length) return [...new Set(named)];
    if (!ABOUT_INVOICES.has(intent)) return [];
    if (debtorId !== null) {
      const open = ledger.invoices.filter((i) => i.debtorId === debtorId);
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
    }
    // "Cette facture est déjà payée" in reply to a letter about one invoice.
    if (!ONE_INVOICE_MEANT.test(texts.own)) return [];
    const threadRefs = [...new Set([...ofDebtor(subject), ...ofDebtor(quoted)])];
    return threadRefs.length === 1 ? threadRefs : [];
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
