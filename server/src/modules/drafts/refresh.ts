import { eq } from "drizzle-orm";
import type { AppContext } from "../../context.ts";
import { classifications } from "../../db/schema/classifications.ts";
import { debtors } from "../../db/schema/debtors.ts";
import type { CaseRef } from "./case-facts.ts";
import { cleanFields, draftLanguage } from "./draft-inputs.ts";
import { proposeDraft, type ProposeOptions, type ProposeResult, REPLY_INTENTS } from "./propose.ts";

/**
 * Rewrite a message's reply draft after its case changed (a collector edited
 * the plan schedule): a still-proposed draft gets the new facts; one a person
 * already touched is left alone (proposeDraft's rule).
 */
export async function refreshReplyDraft(ctx: AppContext, input: { messageId: number; case: CaseRef | null }, options: ProposeOptions = {}): Promise<ProposeResult | null> {
  const [cls] = await ctx.db.select().from(classifications).where(eq(classifications.messageId, input.messageId));
  if (!cls?.debtorId || !(REPLY_INTENTS as readonly string[]).includes(cls.intent)) return null;
  const [debtor] = await ctx.db.select({ language: debtors.language }).from(debtors).where(eq(debtors.id, cls.debtorId));
  return proposeDraft({
    ctx,
    input: {
      messageId: input.messageId,
      debtorId: cls.debtorId,
      purpose: "reply",
      caseRef: "",
      intent: cls.intent as (typeof REPLY_INTENTS)[number],
      language: draftLanguage(cls.language, debtor?.language),
      invoiceNumbers: cls.invoices,
      fields: cleanFields(cls.fields),
      case: input.case,
    },
    options,
  });
}

/** The follow-up of a promise that was not (fully) kept, in the thread of the promise email. */
export async function proposePromiseFollowUp(
  ctx: AppContext,
  input: { promiseId: number; messageId: number; debtorId: number },
  options: ProposeOptions = {},
): Promise<ProposeResult> {
  const [cls] = await ctx.db.select().from(classifications).where(eq(classifications.messageId, input.messageId));
  const [debtor] = await ctx.db.select({ language: debtors.language }).from(debtors).where(eq(debtors.id, input.debtorId));
  return proposeDraft({
    ctx,
    input: {
      messageId: input.messageId,
      debtorId: input.debtorId,
      purpose: "promise_followup",
      caseRef: `promise:${input.promiseId}`,
      intent: "promise_followup",
      language: draftLanguage(cls?.language, debtor?.language),
      invoiceNumbers: cls?.invoices ?? [],
      fields: cleanFields(cls?.fields),
      case: { kind: "promise", id: input.promiseId },
    },
    options,
  });
}
