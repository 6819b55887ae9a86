import type { InboxItem } from "../../../server/src/modules/inbox/schemas.ts";

/** An inbox row for the web tests, with overrides. */
export const item = (id: number, over: Partial<InboxItem> = {}): InboxItem => ({
  id,
  subject: `s${id}`,
  fromAddress: "a@b.example",
  fromName: null,
  date: new Date(2024, 0, id).toISOString(),
  snippet: "",
  attachmentCount: 0,
  triageStatus: "inbox",
  parseStatus: "parsed",
  processingStatus: "classified",
  intent: "question",
  intentConfidence: 0.9,
  language: "en",
  debtor: { id: 1, number: "C1", name: "One" },
  debtorConfidence: 0.9,
  invoices: [],
  corrected: false,
  ...over,
});
