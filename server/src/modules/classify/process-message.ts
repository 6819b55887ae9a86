import { analyseMail, type Analysis } from "../../../../classifiers/analyse.ts";
import { classifyWithLlm } from "../../../../classifiers/llm-classify.ts";
import type { MailInput } from "../../../../classifiers/mail-input.ts";
import { isFreeMailDomain } from "../../lib/free-mail-domains.ts";
import type { ClassificationEngine } from "./engine.ts";
import { loadMailInputs } from "./load-mail.ts";
import { nearestRoutedMailMany, type Neighbour } from "./neighbours.ts";
import { storeDecisions, type Decision } from "./store-decisions.ts";

export interface ProcessResult {
  messageId: number;
  analysis: Analysis;
  llm: { used: boolean; model?: string; tokens: number };
  /** A clerk had already corrected this message: the stored decision was left alone. */
  keptCorrection: boolean;
}

/** What became of one mail of a batch: its result (null: no such message) or its own error. */
export type ProcessOutcome = { ok: true; result: ProcessResult | null } | { ok: false; error: unknown };

/** Classify one mail once its neighbours are known: local analysis, then the LLM's opinion when unsure and configured. */
async function decide(engine: ClassificationEngine, mail: MailInput, neighbours: Neighbour[]) {
  const ledger = await engine.ledger.get();
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
  return { analysis, llm };
}

const mailTextForEmbedding = (mail: MailInput) => `${mail.subject ?? ""}\n${(mail.text ?? "").slice(0, 2000)}`;

/**
 * The "process-message" job: classify, extract and route a stored message,
 * store the decision with its evidence, and update what the mail tells about
 * contacts (bouncing, out of office). A clerk's correction is never overwritten.
 */
export async function processMessage({ engine, input }: { engine: ClassificationEngine; input: { messageId: number } }): Promise<ProcessResult | null> {
  const outcome = (await processMessages({ engine, input: { messageIds: [input.messageId] } })).get(input.messageId)!;
  if (!outcome.ok) throw outcome.error;
  return outcome.result;
}

/**
 * process-message for several mails at once, as the job worker hands them
 * over: one query loads them, one call embeds them, one statement finds
 * their neighbours, one transaction stores every decision. Each mail's
 * decision is the one it would get alone, except that mails of one batch do
 * not see each other as neighbours (they are stored together, after).
 * A failure costs only its own mail: an analysis that throws fails that mail;
 * a batch-wide step that throws (loading, embedding, the neighbour query,
 * storing) is retried one mail at a time.
 */
export async function processMessages({ engine, input }: { engine: ClassificationEngine; input: { messageIds: number[] } }): Promise<Map<number, ProcessOutcome>> {
  const ids = [...new Set(input.messageIds)];
  try {
    return await processTogether(engine, ids);
  } catch (err) {
    if (ids.length === 1) return new Map([[ids[0], { ok: false, error: err }]]);
    const out = new Map<number, ProcessOutcome>();
    for (const id of ids) {
      try {
        out.set(id, (await processTogether(engine, [id])).get(id)!);
      } catch (error) {
        out.set(id, { ok: false, error });
      }
    }
    return out;
  }
}

async function processTogether(engine: ClassificationEngine, ids: number[]): Promise<Map<number, ProcessOutcome>> {
  const { ctx } = engine;
  const out = new Map<number, ProcessOutcome>();
  const loaded = await loadMailInputs(ctx.db, ids);
  for (const id of ids) if (!loaded.has(id)) out.set(id, { ok: true, result: null });
  const mails = ids.filter((id) => loaded.has(id)).map((id) => ({ messageId: id, mail: loaded.get(id)!.mail }));
  if (!mails.length) return out;

  const embeddings = await engine.embedder.embed(mails.map((m) => mailTextForEmbedding(m.mail)));
  const neighbours = await nearestRoutedMailMany({
    ctx,
    input: { embedder: engine.embedder.id, queries: mails.map((m, i) => ({ embedding: embeddings[i], excludeMessageId: m.messageId })) },
  });
  const decisions: Decision[] = [];
  for (const [i, m] of mails.entries()) {
    try {
      const { analysis, llm } = await decide(engine, m.mail, neighbours[i]);
      decisions.push({ messageId: m.messageId, fromAddress: m.mail.fromAddress, analysis, embedding: embeddings[i], llm });
    } catch (error) {
      out.set(m.messageId, { ok: false, error });
    }
  }

  const written = await storeDecisions(engine, decisions);
  for (const d of decisions) {
    out.set(d.messageId, { ok: true, result: { messageId: d.messageId, analysis: d.analysis, llm: d.llm, keptCorrection: !written.has(d.messageId) } });
  }
  for (const d of decisions) ctx.events.emit("message.classified", { id: d.messageId, intent: d.analysis.intent, debtorId: d.analysis.debtorId });
  return out;
}
