import type { Intent } from "../../../classifiers/intents.ts";

/**
 * The intents in the UI's order (the server's list, kept here so the bundle
 * does not pull zod in). The type below fails to compile if they drift apart.
 */
export const INTENTS = [
  "payment_promise",
  "payment_notice",
  "dispute",
  "document_request",
  "payment_plan_request",
  "account_update",
  "question",
  "insolvency_notice",
  "auto_reply",
  "bounce",
  "other",
] as const satisfies readonly Intent[];

type Missing = Exclude<Intent, (typeof INTENTS)[number]>;
const allIntentsListed: Missing extends never ? true : false = true;
void allIntentsListed;

export type { Intent };
