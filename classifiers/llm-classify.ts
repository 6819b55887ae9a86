import { fieldsSchema, INTENT_FIELDS, LANGUAGES, type Fields, type Intent } from "./intents.ts";
import type { MailInput } from "./mail-input.ts";
import type { LlmClient, LlmFailureKind } from "../server/src/lib/llm/client.ts";
import { loadPrompt, type Prompt } from "../server/src/lib/prompts.ts";
import { runPrompt } from "../server/src/lib/llm/run-prompt.ts";

/**
 * Second opinion from an LLM when the local classifier is unsure: below the
 * confidence threshold (LLM_CONFIDENCE_THRESHOLD) and with an LLM configured,
 * ask prompts/classify-email.md and merge. Any LLM failure (down, slow,
 * rate-limited, nonsense output) returns the local result unchanged: the LLM
 * can only improve a classification, never break the pipeline.
 */

export interface LocalClassification {
  intent: Intent;
  confidence: number;
  fields: Fields;
  language?: string | null;
  invoices?: string[];
}

export type LlmUse =
  | { used: false; reason: "not_configured" | "confident" }
  | {
      used: true;
      ok: true;
      model: string;
      promptRef: string;
      promptTokens: number;
      completionTokens: number;
      /** The LLM chose the same intent as the local classifier. */
      agreed: boolean;
      llmIntent: Intent;
      llmConfidence: number;
    }
  | { used: true; ok: false; model: string; promptRef: string; error: { kind: LlmFailureKind; message: string } };

export interface MergedClassification extends LocalClassification {
  source: "local" | "llm";
  llm: LlmUse;
}

/** The parts of a mail the prompt shows. */
export interface MailForLlm {
  subject?: string | null;
  from?: string | null;
  date?: Date | string | null;
  text: string;
}


/** Fields whose value must literally occur in the mail: guards against invented identifiers. */
const GROUNDED_FIELDS: Array<keyof Fields> = ["newEmail", "poNumber", "vatNumber", "failedRecipient", "caseReference"];

const DEFAULT_THRESHOLD = 0.6;
/** Body characters sent to the LLM: enough for any real AR mail, bounded cost for pathological ones. */
const MAX_BODY_CHARS = 12_000;
/** Used when the model gives no confidence of its own. */
const DEFAULT_LLM_CONFIDENCE = 0.7;

export async function classifyWithLlm(args: {
  llm: LlmClient | null;
  mail: MailInput | MailForLlm | string;
  local: LocalClassification;
  /** Pass env.LLM_CONFIDENCE_THRESHOLD. */
  threshold?: number;
  prompt?: Prompt;
  signal?: AbortSignal;
}): Promise<MergedClassification> {
  const { llm, local } = args;
  if (!llm) return { ...local, source: "local", llm: { used: false, reason: "not_configured" } };
  if (local.confidence >= (args.threshold ?? DEFAULT_THRESHOLD)) {
    return { ...local, source: "local", llm: { used: false, reason: "confident" } };
  }
  const mail = toMailForLlm(args.mail);
  const prompt = args.prompt ?? loadPrompt("classify-email");
  const result = await runPrompt({
    llm,
    prompt: prompt as Prompt & { schema: "classify-email" },
    purpose: "classify",
    signal: args.signal,
    vars: {
      from: mail.from ?? "",
      date: formatDate(mail.date),
      subject: mail.subject ?? "",
      body: mail.text.slice(0, MAX_BODY_CHARS),
    },
  });
  if (!result.ok) {
    return {
      ...local,
      source: "local",
      llm: { used: true, ok: false, model: llm.model, promptRef: result.promptRef, error: { kind: result.error.kind, message: result.error.message } },
    };
  }

  const out = result.value;
  const haystack = normaliseForMatch(`${mail.subject ?? ""}\n${mail.text}`);
  const llmFields = cleanLlmFields(out.fields, haystack);
  const agreed = out.intent === local.intent;
  const llmConfidence = out.confidence ?? DEFAULT_LLM_CONFIDENCE;
  const keep = INTENT_FIELDS[out.intent];
  // Same intent: the local extraction (rules, parsers) wins, the LLM fills gaps.
  // New intent: the LLM's fields lead; local ones still fill gaps if relevant.
  const [first, second] = agreed ? [llmFields, local.fields] : [local.fields, llmFields];
  const fields: Fields = {};
  for (const key of keep) {
    const v = second[key] ?? first[key];
    if (v !== undefined) (fields as Record<string, unknown>)[key] = v;
  }
  const llmInvoices = out.invoices.filter((n) => n && haystack.includes(normaliseForMatch(n)));
  const llmLanguage = (LANGUAGES as readonly string[]).includes(out.language ?? "") ? out.language : undefined;
  return {
    intent: out.intent,
    confidence: agreed ? Math.max(local.confidence, llmConfidence) : llmConfidence,
    fields,
    language: local.language ?? llmLanguage ?? null,
    invoices: [...new Set([...(local.invoices ?? []), ...llmInvoices])],
    source: "llm",
    llm: {
      used: true,
      ok: true,
      model: result.model,
      promptRef: result.promptRef,
      promptTokens: result.promptTokens,
      completionTokens: result.completionTokens,
      agreed,
      llmIntent: out.intent,
      llmConfidence,
    },
  };
}

function toMailForLlm(mail: MailInput | MailForLlm | string): MailForLlm {
  if (typeof mail === "string") return { text: mail };
  if (!("headers" in mail)) return mail;
  const from = mail.fromName ? `${mail.fromName} <${mail.fromAddress ?? ""}>` : (mail.fromAddress ?? "");
  const text = mail.text ?? (mail.html ? mail.html.replace(/<style[\s\S]*?<\/style>|<[^>]+>/gi, " ").replace(/[ \t]+/g, " ") : "");
  return { subject: mail.subject, from, date: mail.date, text };
}

/** "2025-03-14 (Friday)": the weekday helps models resolve "next Friday". */
function formatDate(d: Date | string | null | undefined): string {
  if (!d) return "unknown";
  const date = typeof d === "string" ? new Date(d) : d;
  if (Number.isNaN(date.getTime())) return String(d);
  const day = date.toLocaleDateString("en-GB", { weekday: "long", timeZone: "UTC" });
  return `${date.toISOString().slice(0, 10)} (${day})`;
}

const normaliseForMatch = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}@.]+/gu, "");

/** "1.234,56 €" / "1,234.56" / 1234.56 → 1234.56 */
function parseAmount(v: unknown): number | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  if (typeof v !== "string") return undefined;
  let s = v.replace(/[^\d.,-]/g, "");
  const lastComma = s.lastIndexOf(",");
  const lastDot = s.lastIndexOf(".");
  if (lastComma > lastDot) {
    // Comma is the decimal separator only when followed by 1-2 digits ("12,5", "1.234,56").
    s = /,\d{1,2}$/.test(s) ? s.replace(/\./g, "").replace(",", ".") : s.replace(/,/g, "");
  } else {
    s = s.replace(/,/g, "");
  }
  const n = Number(s);
  return s && Number.isFinite(n) ? n : undefined;
}

/** Coerce the usual LLM looseness, then keep only fields the taxonomy's schema accepts. */
function cleanLlmFields(raw: Record<string, unknown>, haystack: string): Fields {
  const shape = fieldsSchema.shape as Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!(key in shape) || value === null || value === undefined || value === "") continue;
    let v: unknown = typeof value === "string" ? value.trim() : value;
    if (key === "amount") v = parseAmount(v);
    else if (key === "instalments" && typeof v === "string") v = Number.parseInt(v, 10);
    else if (key === "permanent" && typeof v === "string") v = v.toLowerCase() === "true" ? true : v.toLowerCase() === "false" ? false : v;
    else if ((key === "reason" || key === "document") && typeof v === "string") v = v.toLowerCase().replace(/[\s-]+/g, "_");
    else if (/Date$/.test(key) && typeof v === "string") v = v.slice(0, 10);
    else if (typeof v === "number" && key !== "instalments") v = String(v);
    if ((GROUNDED_FIELDS as string[]).includes(key) && typeof v === "string" && !haystack.includes(normaliseForMatch(v))) continue;
    const parsed = shape[key].safeParse(v);
    if (parsed.success) out[key] = parsed.data;
  }
  return out as Fields;
}
