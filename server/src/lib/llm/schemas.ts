import { z } from "zod";
import { INTENTS } from "../../../../classifiers/intents.ts";

/**
 * Output schemas of the prompts in prompts/, keyed by the `schema` name in
 * each prompt's front-matter. They are deliberately lenient about the noise
 * models produce (null for "absent", numbers as strings, upper-case enum
 * values): a classification should not be thrown away because a model wrote
 * "confidence": "0.8". Strict checks of individual fields happen where the
 * values are used (classifiers/llm-classify.ts validates each field against
 * the taxonomy's fieldsSchema and drops what does not fit).
 */

const absentAsUndefined = (v: unknown) => (v === null || v === "" ? undefined : v);
const trimLower = (v: unknown) => (typeof v === "string" ? v.trim().toLowerCase() : v);

export const classifyEmailOutputSchema = z.object({
  intent: z.preprocess(trimLower, z.enum(INTENTS)),
  confidence: z.preprocess(absentAsUndefined, z.coerce.number().min(0).max(1).optional()),
  language: z.preprocess((v) => trimLower(absentAsUndefined(v)), z.string().max(20).optional()),
  fields: z.preprocess((v) => (v == null ? {} : v), z.record(z.string(), z.unknown())),
  invoices: z.preprocess(
    (v) => (v == null ? [] : typeof v === "string" ? [v] : v),
    z.array(z.union([z.string(), z.number()]).transform((x) => String(x).trim())),
  ),
});
export type ClassifyEmailOutput = z.infer<typeof classifyEmailOutputSchema>;

/** A reply written by the LLM (prompts/drafts/draft-reply.md); recipients are never the model's to choose. */
export const draftReplyOutputSchema = z.object({
  subject: z.string().trim().min(1).max(300),
  body: z.string().trim().min(20).max(20_000),
});
export type DraftReplyOutput = z.infer<typeof draftReplyOutputSchema>;

export const promptOutputSchemas = {
  "classify-email": classifyEmailOutputSchema,
  "draft-reply": draftReplyOutputSchema,
} as const;

export type PromptSchemaName = keyof typeof promptOutputSchemas;

export function isPromptSchemaName(name: string): name is PromptSchemaName {
  return Object.hasOwn(promptOutputSchemas, name);
}
