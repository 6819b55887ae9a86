import MailComposer from "nodemailer/lib/mail-composer";
import type { drafts } from "../../db/schema/drafts.ts";
import type { LedgerFacts } from "../drafts/facts.ts";
import { invoiceFileName, invoicePdf, statementFileName, statementPdf } from "../drafts/ledger-pdf.ts";
import type { DraftLanguage } from "../drafts/locale-format.ts";

type DraftRow = typeof drafts.$inferSelect;

export type DraftAttachment = { kind: "invoice"; invoiceId: number; number: string } | { kind: "statement" };

export interface RenderedAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

/** The PDFs a draft carries, generated from the ledger facts the draft was written from. */
export async function renderAttachments(draft: DraftRow): Promise<RenderedAttachment[]> {
  const facts = draft.facts as LedgerFacts;
  const lang = draft.language as DraftLanguage;
  const out: RenderedAttachment[] = [];
  for (const a of draft.attachments as DraftAttachment[]) {
    if (a.kind === "statement") {
      out.push({ filename: statementFileName(facts, lang), content: await statementPdf(facts, lang), contentType: "application/pdf" });
    } else {
      const inv = [...facts.referenced, ...facts.openInvoices].find((i) => i.id === a.invoiceId);
      if (!inv) continue;
      out.push({ filename: invoiceFileName(inv, lang), content: await invoicePdf(facts, inv, lang), contentType: "application/pdf" });
    }
  }
  return out;
}

/**
 * The RFC 822 bytes of a draft. Threading: In-Reply-To names the debtor's
 * mail, References carries its chain plus that mail, so every client files
 * our answer under their conversation. The Message-ID is ours (message-id.ts).
 */
export async function composeDraft(draft: DraftRow, fromName: string | null): Promise<Buffer> {
  if (!draft.fromAddress) throw new Error("draft has no From address");
  if (!draft.outboundMessageId) throw new Error("draft has no Message-ID yet");
  const composer = new MailComposer({
    from: fromName ? { name: fromName, address: draft.fromAddress } : draft.fromAddress,
    to: draft.toAddresses,
    subject: draft.subject,
    text: draft.body,
    messageId: draft.outboundMessageId,
    inReplyTo: draft.inReplyTo ?? undefined,
    references: draft.references.length ? draft.references : undefined,
    date: new Date(),
    headers: { "X-Relance-Draft": String(draft.id) },
    attachments: (await renderAttachments(draft)).map((a) => ({ ...a, contentDisposition: "attachment" })),
  });
  return composer.compile().build();
}
