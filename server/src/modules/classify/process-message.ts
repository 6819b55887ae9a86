import { and, eq, isNull } from "drizzle-orm";
import { analyseMail, type Analysis } from "../../../../classifiers/analyse.ts";
import { classifyWithLlm } from "../../../../classifiers/llm-classify.ts";
import { isFreeMailDomain } from "../../lib/free-mail-domains.ts";
import { classifications } from "../../db/schema/classifications.ts";
import { contacts } from "../../db/schema/contacts.ts";
import { messageEmbeddings } from "../../db/schema/message-embeddings.ts";
import { messages } from "../../db/schema/messages.ts";
import type { Tx } from "../../db/client.ts";
import type { ClassificationEngine } from "./engine.ts";
import { loadMailInput } from "./load-mail.ts";
import { nearestRoutedMail } from "./neighbours.ts";
import type { MailInput } from "../../../../classifiers/mail-input.ts";

export interface ProcessResult {
  messageId: number;
  analysis: Analysis;
  llm: { used: boolean; model?: string; tokens: number };
  /** A clerk had already corrected this message: the stored decision was left alone. */
  keptCorrection: boolean;
}

/** Classify one mail: local analysis, then the LLM's opinion when unsure and configured. */
export async function analyseWithEngine(engine: ClassificationEngine, mail: MailInput, messageId: number) {
  const ledger = await engine.ledger.get();
  const embedding = (await engine.embedder.embed([mailTextForEmbedding(mail)]))[0];
  const neighbours = await nearestRoutedMail({ ctx: engine.ctx, input: { embedding, embedder: engine.embedder.id, excludeMessageId: messageId } });
  const base = { mail, model: engine.model, ledger, freeMailDomains: isFreeMailDomain, neighbours };
  let analysis = analyseMail(base);
  let llm: ProcessResult["llm"] = { used: false, tokens: 0 };
  if (engine.llm && analysis.intentSource !== "rules" && analysis.intentSource !== "memory") {
    const merged = await classifyWithLlm({
      llm: engine.llm,
      mail: { ...mail, text: analysis.ownText || mail.text },
      local: { intent: analysis.intent, confidence: analysis.intentConfidence, fields: analysis.fields, language: analysis.language, invoices: analysis.invoices },
      threshold: engine.ctx.env.LLM_CONFIDENCE_THRESHOLD,
    });
    if (merged.llm.used) {
      llm = merged.llm.ok
        ? { used: true, model: merged.llm.model, tokens: merged.llm.promptTokens + merged.llm.completionTokens }
        : { used: true, model: merged.llm.model, tokens: 0 };
    }
    if (merged.source === "llm" && merged.intent !== analysis.intent) {
      analysis = analyseMail({ ...base, forceIntent: { intent: merged.intent, confidence: merged.confidence, detail: `LLM ${llm.model}: ${merged.intent}` } });
    }
  }
  return { analysis, embedding, llm };
}

const mailTextForEmbedding = (mail: MailInput) => `${mail.subject ?? ""}\n${(mail.text ?? "").slice(0, 2000)}`;

/**
 * The "process-message" job: classify, extract and route a stored message,
 * store the decision with its evidence, and update what the mail tells about
 * contacts (bouncing, out of office). A clerk's correction is never overwritten.
 */
export async function processMessage({ engine, input }: { engine: ClassificationEngine; input: { messageId: number } }): Promise<ProcessResult | null> {
  const { ctx } = engine;
  const loaded = await loadMailInput(ctx.db, input.messageId);
  if (!loaded) return null;
  const { analysis, embedding, llm } = await analyseWithEngine(engine, loaded.mail, input.messageId);
  const keptCorrection = await ctx.db.transaction(async (tx) => {
    await tx
      .insert(messageEmbeddings)
      .values({ messageId: input.messageId, embedder: engine.embedder.id, embedding: Array.from(embedding) })
      .onConflictDoUpdate({ target: [messageEmbeddings.messageId, messageEmbeddings.embedder], set: { embedding: Array.from(embedding), createdAt: new Date() } });
    const row = {
      intent: analysis.intent,
      intentConfidence: analysis.intentConfidence,
      language: analysis.language,
      debtorId: analysis.debtorId,
      debtorConfidence: analysis.debtorConfidence,
      invoices: analysis.invoices,
      fields: analysis.fields,
      evidence: analysis.evidence,
      candidates: analysis.candidates,
      classifierVersion: engine.version,
      embedder: engine.embedder.id,
      llmModel: llm.used ? (llm.model ?? null) : null,
      updatedAt: new Date(),
    };
    // A clerk's correction is never overwritten: the update only applies to uncorrected rows.
    const written = await tx
      .insert(classifications)
      .values({ messageId: input.messageId, ...row })
      .onConflictDoUpdate({ target: classifications.messageId, set: row, setWhere: isNull(classifications.correctedAt) })
      .returning({ messageId: classifications.messageId });
    await tx.update(messages).set({ processingStatus: "classified" }).where(eq(messages.id, input.messageId));
    if (!written.length) return true;
    await updateContactStatus(tx, analysis, loaded.mail.fromAddress);
    return false;
  });
  ctx.events.emit("message.classified", { id: input.messageId, intent: analysis.intent, debtorId: analysis.debtorId });
  return { messageId: input.messageId, analysis, llm, keptCorrection };
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
