import { INTENT_FIELDS, type Fields } from "../../../classifiers/intents.ts";

/**
 * The extracted fields each intent carries (spec/intents.md), with
 * the input each one needs, so a clerk fixes them in a form rather than JSON.
 */
export type FieldKind = "date" | "number" | "integer" | "text" | "bool" | "reason" | "document";
export const FIELD_KINDS: Record<keyof Fields, FieldKind> = {
  promisedDate: "date", paidDate: "date", amount: "number", reason: "reason", document: "document", instalments: "integer",
  newEmail: "text", newAddress: "text", poNumber: "text", vatNumber: "text", caseReference: "text", administrator: "text",
  returnDate: "date", failedRecipient: "text", status: "text", permanent: "bool",
};

export const FIELDS_BY_INTENT: Record<string, (keyof Fields)[]> = INTENT_FIELDS;

/** The fields shown for an intent: its own, plus any other the email already has. */
export function fieldsFor(intent: string, current: Record<string, unknown>): (keyof Fields)[] {
  const own = FIELDS_BY_INTENT[intent] ?? [];
  const extra = Object.keys(current).filter((k): k is keyof Fields => k in FIELD_KINDS && !own.includes(k as keyof Fields));
  return [...own, ...extra];
}

/** Form strings → typed fields; empty inputs are dropped (a field the email does not state is absent). */
export function parseFieldInputs(values: Record<string, string | boolean>): { fields: Fields; errors: string[] } {
  const fields: Record<string, unknown> = {};
  const errors: string[] = [];
  for (const [key, raw] of Object.entries(values)) {
    const kind = FIELD_KINDS[key as keyof Fields];
    if (!kind || raw === "" || raw === undefined) continue;
    if (kind === "bool") fields[key] = raw === true || raw === "true";
    else if (kind === "number" || kind === "integer") {
      const n = Number(String(raw).replace(",", "."));
      if (!Number.isFinite(n) || (kind === "integer" && !Number.isInteger(n))) errors.push(key);
      else fields[key] = n;
    } else if (kind === "date" && !/^\d{4}-\d{2}-\d{2}$/.test(String(raw))) errors.push(key);
    else fields[key] = String(raw).trim();
  }
  return { fields: fields as Fields, errors };
}
