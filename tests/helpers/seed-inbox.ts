import { createHash } from "node:crypto";
import type { AppContext } from "../../server/src/context.ts";
import { attachments, classifications, contacts, debtors, invoices, mailboxes, messageMailboxes, messages } from "../../server/src/db/schema.ts";

export interface SeedDebtor {
  number: string;
  name: string;
  language?: string;
  insolvent?: boolean;
  contacts?: string[];
  invoices?: { number: string; amount: number; open?: number; issueDate: string; dueDate?: string }[];
}

export interface SeedMessage {
  subject: string;
  from: string;
  fromName?: string;
  text?: string;
  html?: string;
  intent?: string;
  confidence?: number;
  debtor?: string | null;
  invoices?: string[];
  language?: string;
  date?: Date;
  triage?: "inbox" | "done" | "archived";
  mailbox?: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  candidates?: string[];
  evidence?: { step: string; detail: string; weight?: number }[];
  attachments?: { filename: string; contentType: string; content: Buffer; contentId?: string }[];
}

/**
 * Put debtors, invoices and classified messages straight into the tables
 * (no parsing, no classifier), for inbox/stats tests and the end-to-end tests.
 */
export async function seedInbox(ctx: AppContext, input: { debtors?: SeedDebtor[]; messages?: SeedMessage[] }) {
  const debtorIds = new Map<string, number>();
  for (const d of input.debtors ?? []) {
    const [row] = await ctx.db
      .insert(debtors)
      .values({ number: d.number, name: d.name, language: d.language ?? "en", insolvent: d.insolvent ?? false })
      .returning({ id: debtors.id });
    debtorIds.set(d.number, row.id);
    for (const email of d.contacts ?? []) await ctx.db.insert(contacts).values({ debtorId: row.id, email });
    for (const inv of d.invoices ?? []) {
      await ctx.db.insert(invoices).values({
        debtorId: row.id,
        number: inv.number,
        numberKey: inv.number.replace(/\D/g, ""),
        kind: inv.amount < 0 ? "credit_note" : "invoice",
        issueDate: inv.issueDate,
        dueDate: inv.dueDate ?? null,
        amount: inv.amount.toFixed(2),
        openAmount: (inv.open ?? inv.amount).toFixed(2),
      });
    }
  }
  const mailboxIds = new Map<string, number>();
  const messageIds: number[] = [];
  let n = 0;
  for (const m of input.messages ?? []) {
    n++;
    const date = m.date ?? new Date(Date.now() - n * 60_000);
    const [row] = await ctx.db
      .insert(messages)
      .values({
        contentHash: createHash("sha256").update(`${m.subject}|${m.from}|${date.toISOString()}|${n}|${Math.random()}`).digest("hex"),
        messageId: m.messageId ?? `<seed-${n}-${Math.random().toString(36).slice(2)}@test.example>`,
        parseStatus: "parsed",
        fromAddress: m.from,
        fromName: m.fromName ?? null,
        subject: m.subject,
        sentAt: date,
        receivedAt: date,
        inReplyTo: m.inReplyTo ?? null,
        references: m.references ?? [],
        text: m.text ?? m.subject,
        html: m.html ?? null,
        size: (m.text ?? "").length + (m.html ?? "").length + 200,
        attachmentCount: m.attachments?.length ?? 0,
        processingStatus: m.intent ? "classified" : "pending",
        triageStatus: m.triage ?? "inbox",
      })
      .returning({ id: messages.id });
    messageIds.push(row.id);
    if (m.intent) {
      const debtorId = m.debtor ? debtorIds.get(m.debtor) ?? null : null;
      await ctx.db.insert(classifications).values({
        messageId: row.id,
        intent: m.intent,
        intentConfidence: m.confidence ?? 0.9,
        language: m.language ?? "en",
        debtorId,
        debtorConfidence: debtorId ? 0.9 : 0,
        invoices: m.invoices ?? [],
        evidence: m.evidence ?? [{ step: "seed", detail: "seeded for a test", weight: 1 }],
        candidates: (m.candidates ?? []).map((num, i) => ({ debtorId: debtorIds.get(num), number: num, score: 0.5 - i * 0.1, reasons: ["seed"] })),
        classifierVersion: "seed-1",
        embedder: "none",
      });
    }
    if (m.mailbox) {
      let mb = mailboxIds.get(m.mailbox);
      if (!mb) {
        const [b] = await ctx.db.insert(mailboxes).values({ name: m.mailbox, kind: "import", address: `${m.mailbox}@acme.test` }).returning({ id: mailboxes.id });
        mb = b.id;
        mailboxIds.set(m.mailbox, mb);
      }
      await ctx.db.insert(messageMailboxes).values({ messageId: row.id, mailboxId: mb });
    }
    for (const a of m.attachments ?? []) {
      await ctx.db.insert(attachments).values({
        messageId: row.id,
        filename: a.filename,
        contentType: a.contentType,
        size: a.content.length,
        contentId: a.contentId ?? null,
        content: a.content,
      });
    }
  }
  return { debtorIds, mailboxIds, messageIds };
}
