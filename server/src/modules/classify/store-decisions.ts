import { and, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Analysis } from "../../../../classifiers/analyse.ts";
import { classifications } from "../../db/schema/classifications.ts";
import { contacts } from "../../db/schema/contacts.ts";
import { messageEmbeddings } from "../../db/schema/message-embeddings.ts";
import { messages } from "../../db/schema/messages.ts";
import type { Tx } from "../../db/client.ts";
import type { ClassificationEngine } from "./engine.ts";

export interface Decision {
  messageId: number;
  fromAddress: string | null;
  analysis: Analysis;
  embedding: Float32Array;
  llm: { used: boolean; model?: string; tokens: number };
}

type ClassificationRow = Omit<typeof classifications.$inferInsert, "messageId" | "corrected" | "correctedAt" | "createdAt">;

// On conflict, every decided column takes the proposed row's value (EXCLUDED), so one
// multi-row statement upserts a whole batch; corrected_by/corrected_at/created_at are never in it.
const DECIDED_COLUMNS = [
  "intent",
  "intentConfidence",
  "language",
  "debtorId",
  "debtorConfidence",
  "invoices",
  "fields",
  "evidence",
  "candidates",
  "classifierVersion",
  "embedder",
  "llmModel",
  "updatedAt",
] as const satisfies ReadonlyArray<keyof ClassificationRow>;
const fromExcluded = Object.fromEntries(DECIDED_COLUMNS.map((k) => [k, sql`excluded.${sql.identifier(classifications[k].name)}`]));

/**
 * Store the decisions of a batch of mails in one transaction with one
 * statement per table: the embeddings (upserted), the classifications
 * (upserted except where a clerk corrected: a correction is never
 * overwritten), the messages marked classified, and what the mails tell about
 * contacts. Returns the ids whose classification was written (the others kept
 * a clerk's correction).
 */
export async function storeDecisions(engine: ClassificationEngine, decisions: Decision[]): Promise<Set<number>> {
  if (!decisions.length) return new Set();
  // One order for every writer: two batches sharing mails lock rows in the same order.
  const list = [...decisions].sort((a, b) => a.messageId - b.messageId);
  const ids = list.map((d) => d.messageId);
  const now = new Date();
  return engine.ctx.db.transaction(async (tx) => {
    await tx
      .insert(messageEmbeddings)
      .values(list.map((d) => ({ messageId: d.messageId, embedder: engine.embedder.id, embedding: Array.from(d.embedding) })))
      .onConflictDoUpdate({
        target: [messageEmbeddings.messageId, messageEmbeddings.embedder],
        set: { embedding: sql`excluded.embedding`, createdAt: now },
      });
    const written = await tx
      .insert(classifications)
      .values(list.map((d) => ({ messageId: d.messageId, ...classificationRow(engine, d, now) })))
      .onConflictDoUpdate({ target: classifications.messageId, set: fromExcluded, setWhere: isNull(classifications.correctedAt) })
      .returning({ messageId: classifications.messageId });
    // Rows already marked are left alone (a re-run would only rewrite them to the same value).
    await tx
      .update(messages)
      .set({ processingStatus: "classified" })
      .where(and(inArray(messages.id, ids), ne(messages.processingStatus, "classified")));
    const writtenIds = new Set(written.map((w) => w.messageId));
    for (const d of list) if (writtenIds.has(d.messageId)) await updateContactStatus(tx, d.analysis, d.fromAddress);
    return writtenIds;
  });
}

function classificationRow(engine: ClassificationEngine, d: Decision, now: Date): ClassificationRow {
  const a = d.analysis;
  return {
    intent: a.intent,
    intentConfidence: a.intentConfidence,
    language: a.language,
    debtorId: a.debtorId,
    debtorConfidence: a.debtorConfidence,
    invoices: a.invoices,
    fields: a.fields,
    evidence: a.evidence,
    candidates: a.candidates,
    classifierVersion: engine.version,
    embedder: engine.embedder.id,
    llmModel: d.llm.used ? (d.llm.model ?? null) : null,
    updatedAt: now,
  };
}

/** A permanent bounce marks the contact bouncing; an out-of-office sets "away until". */
async function updateContactStatus(tx: Tx, a: Analysis, from: string | null): Promise<void> {
  if (a.intent === "bounce" && a.fields.failedRecipient) {
    const email = a.fields.failedRecipient.toLowerCase();
    await tx
      .update(contacts)
      .set(
        a.fields.permanent
          ? { status: "bouncing", lastBounceStatus: a.fields.status ?? null, statusChangedAt: new Date() }
          : { lastBounceStatus: a.fields.status ?? null },
      )
      .where(eq(contacts.email, email));
  }
  if (a.intent === "auto_reply" && a.fields.returnDate && a.debtorId && from) {
    // The sender of an out-of-office is the contact who is away.
    await tx
      .update(contacts)
      .set({ status: "out_of_office", outOfOfficeUntil: a.fields.returnDate, statusChangedAt: new Date() })
      .where(and(eq(contacts.debtorId, a.debtorId), eq(contacts.email, from.toLowerCase())));
  }
}
