import { fieldsSchema, type Fields } from "../../../../classifiers/intents.ts";
import type { DraftLanguage } from "./locale-format.ts";
import { DRAFT_LANGUAGES } from "./propose.ts";

/** Each field of the classification that fits the taxonomy; a malformed one is dropped, not fatal. */
export function cleanFields(raw: unknown): Fields {
  const out: Record<string, unknown> = {};
  const shape = fieldsSchema.shape as Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>;
  for (const [k, v] of Object.entries((raw ?? {}) as Record<string, unknown>)) {
    const r = shape[k]?.safeParse(v);
    if (r?.success && r.data !== undefined) out[k] = r.data;
  }
  return out as Fields;
}

/** The sender's language when it is one we write; else the debtor's; else English. */
export function draftLanguage(detected: string | null | undefined, debtorLanguage: string | null | undefined): DraftLanguage {
  const pick = (l: string | null | undefined) => (l ? (DRAFT_LANGUAGES.find((d) => d === l.toLowerCase().slice(0, 2)) ?? null) : null);
  return pick(detected) ?? pick(debtorLanguage) ?? "en";
}
