import type { Fields, Intent } from "./intents.ts";
import type { LedgerView, MailInput } from "./mail-input.ts";
import type { IntentModel } from "./model/intent-model.ts";
import { detectBounce, type BounceResult } from "./rules/bounce.ts";
import { detectAutoReply, type AutoReplyResult } from "./rules/auto-reply.ts";
import { detectLanguage } from "./extract/language.ts";
import { mailTexts, type MailTexts } from "./model-text.ts";
import { routeEmail } from "./routing/route.ts";
import type { RouteCandidate } from "./routing/types.ts";
import { extractReferences } from "./references.ts";

/** Below this, "other" from a sender who answers our letter or names our invoice is doubted. */
const OTHER_FLOOR_WHEN_ENGAGED = 0.7;

export interface Evidence {
  /** rules | model | memory | language | invoice | field | routing step name */
  step: string;
  detail: string;
  weight?: number;
  debtorId?: number | null;
}

export interface Analysis {
  intent: Intent;
  intentConfidence: number;
  intentSource: "rules" | "model" | "memory" | "llm";
  probabilities: Partial<Record<Intent, number>>;
  language: string | null;
  debtorId: number | null;
  debtorConfidence: number;
  invoices: string[];
  fields: Fields;
  evidence: Evidence[];
  candidates: RouteCandidate[];
  /** What the classifier read; stored with corrections so clerks' fixes teach the model. */
  modelText: string;
  ownText: string;
  bounce: BounceResult;
  autoReply: AutoReplyResult;
}

export interface AnalyseInput {
  mail: MailInput;
  model: IntentModel;
  ledger: LedgerView;
  freeMailDomains: (domain: string) => boolean;
  /** The mail's embedding (same embedder as the model's kNN store), when available. */
  embedding?: Float32Array;
  /** Nearest earlier mail with a known debtor (pgvector). */
  neighbours?: Array<{ debtorId: number; similarity: number }>;
  /** An intent decided elsewhere (the LLM's second opinion); rules still win for bounces/auto-replies. */
  forceIntent?: { intent: Intent; confidence: number; detail: string };
}

/**
 * The whole decision for one email, without side effects: rules for what
 * headers and MIME decide (bounces, auto-replies), the local model for the
 * rest, then extraction and routing. The pipeline and the eval both call it.
 */
export function analyseMail(input: AnalyseInput): Analysis {
  const { mail, model, ledger } = input;
  const evidence: Evidence[] = [];
  const texts = mailTexts(mail, ledger);
  const bounce = detectBounce(mail);
  const autoReply = detectAutoReply(mail, bounce);

  const decided = decideIntent({ model, texts, bounce, autoReply, embedding: input.embedding, forceIntent: input.forceIntent });
  const { intent, intentConfidence, intentSource, probabilities } = decided;
  evidence.push(...decided.evidence);

  // Bounces speak the MTA's language; everything else the sender's own words.
  const language = detectLanguage(texts.own || texts.stripped.quoted || mail.text || mail.subject);
  if (language) evidence.push({ step: "language", detail: language });

  const refs = extractReferences({ mail, texts, intent, ledger });
  const route = routeEmail({
    mail,
    senderText: texts.own,
    quotedText: texts.stripped.quoted,
    intent,
    invoiceRefs: refs.invoiceRefs,
    amounts: refs.amounts,
    bounce: bounce.isBounce
      ? { failedRecipient: bounce.failedRecipient ?? undefined, originalMessageId: bounce.originalMessageId }
      : undefined,
    neighbours: input.neighbours,
    ledger,
    ourDomains: ledger.company.domains,
    freeMailDomains: input.freeMailDomains,
  });
  for (const e of route.evidence) evidence.push({ step: e.step, detail: e.detail, weight: e.weight, debtorId: e.debtorId });

  const fields = refs.fields(intent, { bounce, autoReply, debtorId: route.debtorId });
  // Auto-replies and bounces echo our letter: their invoice mentions are not the sender's.
  const invoices = intent === "auto_reply" || intent === "bounce" ? [] : refs.invoicesFor(route.debtorId);
  for (const n of invoices) evidence.push({ step: "invoice", detail: n });

  return {
    intent,
    intentConfidence,
    intentSource,
    probabilities,
    language,
    debtorId: route.debtorId,
    debtorConfidence: route.confidence,
    invoices,
    fields,
    evidence,
    candidates: route.candidates,
    modelText: texts.model,
    ownText: texts.own,
    bounce,
    autoReply,
  };
}

export interface IntentDecision {
  intent: Intent;
  intentConfidence: number;
  intentSource: Analysis["intentSource"];
  probabilities: Partial<Record<Intent, number>>;
  evidence: Evidence[];
}

/**
 * The intent part of analyseMail on its own (rules, then the model, then the
 * doubt about "other"), so experiments can score the intent decision without
 * routing and extraction.
 */
export function decideIntent(input: {
  model: IntentModel;
  texts: MailTexts;
  bounce: BounceResult;
  autoReply: AutoReplyResult;
  embedding?: Float32Array;
  forceIntent?: AnalyseInput["forceIntent"];
}): IntentDecision {
  const { model, texts, bounce, autoReply, embedding, forceIntent } = input;
  const evidence: Evidence[] = [];
  let intent: Intent;
  let intentConfidence: number;
  let intentSource: Analysis["intentSource"] = "rules";
  let probabilities: Partial<Record<Intent, number>> = {};
  if (bounce.isBounce) {
    intent = "bounce";
    intentConfidence = bounce.confidence;
    for (const e of bounce.evidence) evidence.push({ step: "rules", detail: e });
  } else if (autoReply.isAutoReply) {
    intent = "auto_reply";
    intentConfidence = autoReply.confidence;
    for (const e of autoReply.evidence) evidence.push({ step: "rules", detail: e });
  } else if (forceIntent) {
    intent = forceIntent.intent;
    intentConfidence = forceIntent.confidence;
    intentSource = "llm";
    evidence.push({ step: "llm", detail: forceIntent.detail });
  } else {
    const p = model.predict(texts.model, { embedding });
    intent = p.intent;
    intentConfidence = p.confidence;
    const engaged = /\bxfeat(replyours|knowncontact|invoiceref)\b/.test(texts.model);
    if (intent === "other" && engaged && p.source === "model" && p.confidence < OTHER_FLOOR_WHEN_ENGAGED) {
      // A customer answering our letter, or naming our invoice, is rarely
      // writing about something unrelated: an unsure "other" yields to the
      // runner-up receivables intent.
      const runnerUp = (Object.entries(p.probabilities) as Array<[Intent, number]>)
        .filter(([k]) => k !== "other" && k !== "bounce" && k !== "auto_reply")
        .sort((a, b) => b[1] - a[1])[0];
      evidence.push({ step: "model", detail: `unsure "other" (p=${p.confidence.toFixed(2)}) from an engaged sender: ${runnerUp[0]} instead` });
      intent = runnerUp[0];
      intentConfidence = runnerUp[1];
    }
    intentSource = p.source;
    probabilities = p.probabilities;
    evidence.push({
      step: p.source,
      detail:
        p.source === "memory"
          ? `a clerk corrected a near-identical mail to ${p.memory?.intent} (similarity ${p.memory?.similarity.toFixed(2)})`
          : `local model ${model.version}: ${intent} p=${intentConfidence.toFixed(2)}`,
    });
  }
  return { intent, intentConfidence, intentSource, probabilities, evidence };
}
