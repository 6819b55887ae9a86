/**
 * What the classifiers see of an email: the stored, parsed message. Kept free
 * of database types so classifiers stay pure and testable on plain objects.
 */
export interface MailAttachmentInput {
  filename: string | null;
  contentType: string;
  size: number;
  /** Text extracted from the attachment when possible (PDF text, message/delivery-status, rfc822). */
  text?: string | null;
}

export interface MailInput {
  subject: string | null;
  fromAddress: string | null;
  fromName: string | null;
  to: string[];
  cc: string[];
  /** The Date: header (or arrival time when missing). Relative dates resolve against it. */
  date: Date | null;
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  /** Every header, lower-case name → values in order (unfolded, decoded where mailparser decodes). */
  headers: Record<string, string[]>;
  text: string | null;
  html: string | null;
  attachments: MailAttachmentInput[];
}

/** The ledger as classifiers and routing need it, loaded once per run. */
export interface LedgerView {
  company: { name: string; domains: string[] };
  debtors: Array<{
    id: number;
    number: string;
    name: string;
    language: string;
    customerNumber: string | null;
    vatNumber: string | null;
    domains: string[];
    contacts: Array<{ email: string; name: string | null }>;
  }>;
  invoices: Array<{
    number: string;
    debtorId: number;
    kind: string;
    issueDate: string;
    dueDate: string | null;
    currency: string;
    amount: number;
    openAmount: number;
  }>;
}
