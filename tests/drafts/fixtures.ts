import { createHash, randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { AppContext } from "../../server/src/context.ts";
import { classifications, debtors, invoices, mailboxes, messageMailboxes, messages } from "../../server/src/db/schema.ts";
import { importLedger, importPayments } from "../../server/src/modules/ledger/service.ts";

/**
 * A small ledger in the four languages, imported through the real ledger
 * import, and emails inserted with their classification rows directly (the
 * classifier is another module): what prepareActions sees in production.
 */
export const TODAY = "2025-03-20";

export const LEDGER = {
  company: { name: "Acme Supplies BV", domains: ["acme-supplies.example"], arMailbox: "ar@acme-supplies.example" },
  debtors: [
    { number: "C2001", name: "Bakkerij Janssen BV", language: "nl", country: "BE", vatNumber: "BE0456123789", tone: "friendly", contacts: [{ email: "boekhouding@janssen.example", name: "Els Janssen" }] },
    { number: "C1001", name: "Boulangerie Martin SARL", language: "fr", country: "FR", vatNumber: "FR12345678901", tone: "firm", contacts: [{ email: "compta@martin.example", name: "Sophie Martin" }, { email: "direction@martin.example" }] },
    { number: "C3001", name: "Müller Maschinenbau GmbH", language: "de", country: "DE", vatNumber: "DE123456789", contacts: [{ email: "buchhaltung@mueller.example" }] },
    { number: "C4001", name: "Smith & Sons Ltd", language: "en", country: "GB", group: "Smith Group", contacts: [{ email: "accounts@smith.example", name: "John Smith" }] },
  ],
  invoices: [
    { number: "F2025-0101", debtor: "C2001", issueDate: "2025-01-05", dueDate: "2025-02-04", amount: 1210.0 },
    { number: "F2025-0145", debtor: "C2001", issueDate: "2025-02-10", dueDate: "2025-03-12", amount: 363.0, openAmount: 121.0 },
    { number: "F2025-0113", debtor: "C1001", issueDate: "2025-01-10", dueDate: "2025-02-09", amount: 1234.56 },
    { number: "F2025-0150", debtor: "C1001", issueDate: "2025-02-15", dueDate: "2025-04-16", amount: 480.0 },
    { number: "AV2025-0007", debtor: "C1001", kind: "credit_note", issueDate: "2025-02-20", dueDate: "2025-02-20", amount: -80.0 },
    { number: "R-2025-3301", debtor: "C3001", issueDate: "2025-01-20", dueDate: "2025-02-19", amount: 5950.0 },
    { number: "R-2025-3302", debtor: "C3001", issueDate: "2025-03-01", dueDate: "2025-03-31", amount: 2380.0 },
    { number: "INV-4001-17", debtor: "C4001", issueDate: "2024-12-15", dueDate: "2025-01-14", amount: 899.99 },
    { number: "INV-4001-22", debtor: "C4001", issueDate: "2025-02-01", dueDate: "2025-03-03", amount: 1500.0 },
  ],
};

export const DEBTOR_BY_LANG = { nl: "C2001", fr: "C1001", de: "C3001", en: "C4001" } as const;
export const CONTACT_BY_LANG = { nl: "boekhouding@janssen.example", fr: "compta@martin.example", de: "buchhaltung@mueller.example", en: "accounts@smith.example" } as const;
export const INVOICE_BY_LANG = { nl: "F2025-0101", fr: "F2025-0113", de: "R-2025-3301", en: "INV-4001-17" } as const;

export async function setupLedger(ctx: AppContext, mailbox: Partial<typeof mailboxes.$inferInsert> = {}) {
  await importLedger({ ctx, input: { format: "json", content: JSON.stringify(LEDGER) } });
  const [mb] = await ctx.db
    .insert(mailboxes)
    .values({ name: "AR shared mailbox", address: "ar@acme-supplies.example", kind: "import", ...mailbox })
    .returning();
  return { mailboxId: mb.id };
}

export async function debtorId(ctx: AppContext, number: string): Promise<number> {
  const [d] = await ctx.db.select({ id: debtors.id }).from(debtors).where(eq(debtors.number, number));
  return d.id;
}

export async function invoiceRow(ctx: AppContext, number: string) {
  const [i] = await ctx.db.select().from(invoices).where(eq(invoices.number, number));
  return i;
}

export interface TestEmail {
  mailboxId: number;
  from: string;
  fromName?: string;
  replyTo?: string;
  subject: string;
  text: string;
  date?: string;
  references?: string[];
  inReplyTo?: string;
  intent: string;
  language?: string;
  debtor: string | null;
  invoices?: string[];
  fields?: Record<string, unknown>;
}

export async function insertEmail(ctx: AppContext, e: TestEmail): Promise<{ id: number; messageId: string }> {
  const messageId = `<${randomBytes(8).toString("hex")}@${e.from.split("@")[1]}>`;
  const date = new Date(`${e.date ?? "2025-03-18"}T09:30:00Z`);
  const [row] = await ctx.db
    .insert(messages)
    .values({
      contentHash: createHash("sha256").update(messageId).digest("hex"),
      messageId,
      parseStatus: "parsed",
      fromAddress: e.from,
      fromName: e.fromName ?? null,
      replyTo: e.replyTo ?? null,
      to: [{ address: "ar@acme-supplies.example" }],
      subject: e.subject,
      sentAt: date,
      receivedAt: date,
      inReplyTo: e.inReplyTo ?? null,
      references: e.references ?? [],
      text: e.text,
      size: e.text.length + 300,
      processingStatus: "classified",
    })
    .returning({ id: messages.id });
  await ctx.db.insert(messageMailboxes).values({ messageId: row.id, mailboxId: e.mailboxId });
  await classify(ctx, row.id, e);
  return { id: row.id, messageId };
}

/** Write (or overwrite, as a clerk's correction does) the classification of a message. */
export async function classify(ctx: AppContext, messageId: number, e: Pick<TestEmail, "intent" | "language" | "debtor" | "invoices" | "fields">) {
  const values = {
    messageId,
    intent: e.intent,
    intentConfidence: 0.95,
    language: e.language ?? "en",
    debtorId: e.debtor ? await debtorId(ctx, e.debtor) : null,
    debtorConfidence: e.debtor ? 0.97 : 0,
    invoices: e.invoices ?? [],
    fields: e.fields ?? {},
    classifierVersion: "test-1",
    embedder: "none",
  };
  await ctx.db.insert(classifications).values(values).onConflictDoUpdate({ target: classifications.messageId, set: { ...values, updatedAt: new Date() } });
}

export async function pay(ctx: AppContext, payments: { reference: string; debtor: string; invoice?: string; date: string; amount: number }[]) {
  return importPayments({ ctx, input: { format: "json", content: JSON.stringify({ payments }) } });
}
