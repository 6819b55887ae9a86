import { and, eq, inArray } from "drizzle-orm";
import type { AppContext } from "../../context.ts";
import type { Tx } from "../../db/client.ts";
import { classifications, corrections, debtors, invoices, messages } from "../../db/schema.ts";
import { AppError, notFound } from "../../errors.ts";
import type { CorrectionInput } from "./schemas.ts";
import { enqueuePrepareActions } from "../drafts/jobs.ts";

/** Who corrects: stored on the correction (userId) and the classification (corrected_by = email). */
export interface Corrector {
  id: number;
  email: string;
}

type Decision = { intent: string | null; debtorId: number | null; debtor: string | null; invoices: string[]; fields: Record<string, unknown>; language: string | null };

async function resolveDebtor(tx: Tx, input: CorrectionInput): Promise<{ id: number; number: string } | null | undefined> {
  if (input.debtorId === undefined && input.debtor === undefined) return undefined;
  if (input.debtorId === null || input.debtor === null) return null;
  const where = input.debtorId !== undefined ? eq(debtors.id, input.debtorId) : eq(debtors.number, input.debtor!);
  const [d] = await tx.select({ id: debtors.id, number: debtors.number }).from(debtors).where(where);
  if (!d) throw new AppError("VALIDATION", `Unknown debtor ${input.debtorId ?? input.debtor}`);
  return d;
}

async function checkInvoices(tx: Tx, numbers: string[]): Promise<string[]> {
  const unique = [...new Set(numbers)];
  if (unique.length === 0) return [];
  const found = await tx.select({ number: invoices.number }).from(invoices).where(inArray(invoices.number, unique));
  const known = new Set(found.map((f) => f.number));
  const unknown = unique.filter((n) => !known.has(n));
  if (unknown.length) throw new AppError("VALIDATION", `Unknown invoice numbers: ${unknown.join(", ")}`);
  return unique;
}

/**
 * Apply a clerk's correction inside `tx`: keep before/after and the text as a
 * labelled example (corrections), and make it the message's decision
 * (classifications, confidence 1, corrected_by/at). Returns the correction id.
 */
export async function applyCorrection(tx: Tx, messageId: number, input: CorrectionInput, by: Corrector): Promise<number> {
  const [m] = await tx.select({ id: messages.id, subject: messages.subject, text: messages.text }).from(messages).where(eq(messages.id, messageId));
  if (!m) throw notFound("Message");
  const [current] = await tx
    .select({ c: classifications, number: debtors.number })
    .from(classifications)
    .leftJoin(debtors, eq(debtors.id, classifications.debtorId))
    .where(eq(classifications.messageId, messageId))
    .for("update", { of: classifications });
  const before: Decision = current
    ? {
        intent: current.c.intent,
        debtorId: current.c.debtorId,
        debtor: current.number ?? null,
        invoices: current.c.invoices,
        fields: (current.c.fields ?? {}) as Record<string, unknown>,
        language: current.c.language,
      }
    : { intent: null, debtorId: null, debtor: null, invoices: [], fields: {}, language: null };
  const debtor = await resolveDebtor(tx, input);
  const after: Decision = {
    intent: input.intent ?? before.intent,
    debtorId: debtor === undefined ? before.debtorId : debtor?.id ?? null,
    debtor: debtor === undefined ? before.debtor : debtor?.number ?? null,
    invoices: input.invoices ? await checkInvoices(tx, input.invoices) : before.invoices,
    fields: input.fields ?? before.fields,
    language: input.language ?? before.language,
  };
  if (!after.intent) throw new AppError("VALIDATION", "This message has no classification yet: give its intent");

  const now = new Date();
  const values = {
    intent: after.intent,
    intentConfidence: 1,
    language: after.language,
    debtorId: after.debtorId,
    debtorConfidence: after.debtorId ? 1 : 0,
    invoices: after.invoices,
    fields: after.fields,
    corrected: by.email,
    correctedAt: now,
    updatedAt: now,
  };
  if (current) {
    await tx.update(classifications).set(values).where(eq(classifications.messageId, messageId));
  } else {
    await tx.insert(classifications).values({ messageId, ...values, classifierVersion: "manual", embedder: "none" });
    await tx.update(messages).set({ processingStatus: "classified" }).where(and(eq(messages.id, messageId), eq(messages.processingStatus, "failed")));
  }
  // What the collector sees (cases, the proposed reply) follows the new decision.
  const changed = (["intent", "debtorId", "invoices", "fields"] as const).some((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  if (changed) await enqueuePrepareActions(tx, messageId);
  const text = [m.subject ?? "", (m.text ?? "").slice(0, 20_000)].join("\n").trim();
  const [row] = await tx
    .insert(corrections)
    .values({ messageId, userId: by.id, before, after, text })
    .returning({ id: corrections.id });
  return row.id;
}

/**
 * POST /api/messages/:id/correction. The classifier learns from it at once
 * through the "correction.created" event (its listener retrains/updates).
 */
export async function correctMessage({
  ctx,
  input,
}: {
  ctx: AppContext;
  input: { messageId: number; correction: CorrectionInput; by: Corrector };
}): Promise<{ correctionId: number }> {
  const correctionId = await ctx.db.transaction((tx) => applyCorrection(tx, input.messageId, input.correction, input.by));
  ctx.events.emit("correction.created", { messageId: input.messageId, correctionId });
  ctx.events.emit("message.updated", { messageIds: [input.messageId] });
  ctx.events.emit("jobs.enqueued");
  return { correctionId };
}
