import { eq } from "drizzle-orm";
import type { AppContext } from "../../context.ts";
import type { Tx } from "../../db/client.ts";
import { classifications } from "../../db/schema/classifications.ts";
import { debtors } from "../../db/schema/debtors.ts";
import { messages } from "../../db/schema/messages.ts";
import { openDisputeFromMessage } from "../disputes/service.ts";
import { createPromiseFromMessage } from "../promises/service.ts";
import { createPlanFromMessage } from "../payment-plans/service.ts";
import { changesFromFields, proposeAccountUpdate } from "../account-updates/service.ts";
import { handleInsolvencyNotice } from "../insolvency/service.ts";
import { retireStaleCases } from "./retire-cases.ts";
import type { CaseRef } from "./case-facts.ts";
import { loadLedgerFacts, type LedgerFacts } from "./facts.ts";
import { addDays, isoToday } from "./locale-format.ts";
import { proposeDraft, REPLY_INTENTS, withdrawDraft, type ProposeOptions, type ProposeResult } from "./propose.ts";
import { cleanFields, draftLanguage } from "./draft-inputs.ts";

/** When a promise names no date, it is watched as if it said "within a week". */
export const DEFAULT_PROMISE_DAYS = 7;
export const DEFAULT_PLAN_INSTALMENTS = 3;

export interface PrepareResult {
  messageId: number;
  status: "done" | "skipped";
  reason?: string;
  intent?: string;
  case?: CaseRef | null;
  draft?: ProposeResult | null;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const cents = (amount: number | undefined) => (typeof amount === "number" && amount > 0 ? Math.round(amount * 100) : null);
const mainCurrency = (f: LedgerFacts) => f.referenced[0]?.currency ?? f.totals[0]?.currency ?? "EUR";

/** Open the case the intent calls for (once per message: each create finds the existing one on a re-run). */
async function openCase(tx: Tx, intent: string, facts: LedgerFacts, messageId: number, today: string): Promise<CaseRef | null> {
  const f = facts.fields;
  const refOpen = facts.referenced.filter((i) => i.openCents > 0);
  const messageDay = facts.message.date ?? today;
  switch (intent) {
    case "dispute": {
      const { dispute } = await openDisputeFromMessage(tx, {
        debtorId: facts.debtor.id,
        messageId,
        invoiceIds: facts.referenced.map((i) => i.id),
        disputedCents: cents(f.amount) ?? (refOpen.length ? sum(refOpen.map((i) => i.openCents)) : null),
        currency: mainCurrency(facts),
        reason: f.reason ?? "other",
        openedOn: today,
      });
      return { kind: "dispute", id: dispute.id };
    }
    case "payment_promise": {
      // Amount: as stated; else the named invoices; else what is overdue; else everything open.
      const overdue = facts.totals.find((t) => t.currency === mainCurrency(facts))?.overdueCents ?? 0;
      const open = facts.totals.find((t) => t.currency === mainCurrency(facts))?.openCents ?? 0;
      const amount = cents(f.amount) ?? (refOpen.length ? sum(refOpen.map((i) => i.openCents)) : overdue > 0 ? overdue : open);
      if (amount <= 0) return null;
      const { promise } = await createPromiseFromMessage(tx, {
        debtorId: facts.debtor.id,
        messageId,
        promisedDate: f.promisedDate ?? addDays(messageDay, DEFAULT_PROMISE_DAYS),
        amountCents: amount,
        currency: mainCurrency(facts),
        invoiceIds: facts.referenced.map((i) => i.id),
        countFrom: messageDay,
      });
      return { kind: "promise", id: promise.id };
    }
    case "payment_plan_request": {
      // The plan covers the named invoices, else every open item not in dispute, in the main currency.
      const currency = mainCurrency(facts);
      const items = (refOpen.length ? refOpen : facts.openInvoices.filter((i) => !i.inDispute)).filter((i) => i.currency === currency);
      const total = sum(items.map((i) => i.openCents));
      if (total <= 0) return null;
      const { plan } = await createPlanFromMessage(tx, {
        debtorId: facts.debtor.id,
        messageId,
        invoiceIds: items.filter((i) => i.openCents > 0).map((i) => i.id),
        totalCents: total,
        currency,
        count: f.instalments ?? DEFAULT_PLAN_INSTALMENTS,
        today,
      });
      return { kind: "plan", id: plan.id };
    }
    case "account_update": {
      const { proposal } = await proposeAccountUpdate(tx, { debtorId: facts.debtor.id, messageId, changes: changesFromFields(f) });
      return { kind: "account_update", id: proposal.id };
    }
    case "insolvency_notice": {
      const { task } = await handleInsolvencyNotice(tx, {
        messageId,
        facts,
        caseReference: f.caseReference ?? null,
        administrator: f.administrator ?? null,
        administratorEmail: facts.message.fromAddress,
        today,
      });
      return { kind: "insolvency", id: task.id };
    }
    default:
      return null;
  }
}

const isUniqueViolation = (err: unknown) =>
  (err as { code?: string })?.code === "23505" || (err as { cause?: { code?: string } })?.cause?.code === "23505";

/**
 * Act on a classified email: open the case its intent calls for (dispute,
 * promise, plan proposal, account-update proposal, insolvency flag + task)
 * and propose the reply. Idempotent per message: a re-run finds the cases it
 * opened, replaces a still-proposed draft and never touches what a person
 * already acted on. Nothing is sent: sending needs an approved draft.
 */
export async function prepareActions({ ctx, input, options = {} }: { ctx: AppContext; input: { messageId: number }; options?: ProposeOptions }): Promise<PrepareResult> {
  const { messageId } = input;
  const today = options.today ?? isoToday();
  const [cls] = await ctx.db.select().from(classifications).where(eq(classifications.messageId, messageId));
  if (!cls) return { messageId, status: "skipped", reason: "not classified" };
  const intent = cls.intent;
  const needsReply = (REPLY_INTENTS as readonly string[]).includes(intent);
  if (!cls.debtorId) {
    await withdrawDraft(ctx, { messageId, purpose: "reply", caseRef: "" }, "the email is not assigned to a debtor");
    return { messageId, status: "skipped", reason: "unassigned: no debtor, so no ledger facts to act on", intent };
  }
  const debtorId = cls.debtorId;
  const fields = cleanFields(cls.fields);
  const [debtor] = await ctx.db.select({ language: debtors.language }).from(debtors).where(eq(debtors.id, debtorId));
  const language = draftLanguage(cls.language, debtor?.language);

  let caseRef: CaseRef | null = null;
  for (let attempt = 1; ; attempt++) {
    try {
      caseRef = await ctx.db.transaction(async (tx) => {
        // One preparation per message at a time: the message row lock serialises re-runs.
        await tx.select({ id: messages.id }).from(messages).where(eq(messages.id, messageId)).for("update");
        const facts = await loadLedgerFacts(tx, { debtorId, messageId, invoiceNumbers: cls.invoices, fields, today });
        const ref = await openCase(tx, intent, facts, messageId, today);
        await retireStaleCases(tx, { messageId, keep: ref, intent });
        return ref;
      });
      break;
    } catch (err) {
      if (isUniqueViolation(err) && attempt < 3) continue;
      throw err;
    }
  }

  let draft: ProposeResult | null = null;
  if (needsReply) {
    draft = await proposeDraft({
      ctx,
      input: { messageId, debtorId, purpose: "reply", caseRef: "", intent: intent as (typeof REPLY_INTENTS)[number], language, invoiceNumbers: cls.invoices, fields, case: caseRef },
      options: { ...options, today },
    });
  } else {
    await withdrawDraft(ctx, { messageId, purpose: "reply", caseRef: "" }, `no reply needed: the email is now classified as ${intent}`);
  }
  ctx.events.emit("actions.prepared", { messageId, intent, case: caseRef, draftId: draft?.draftId ?? null });
  return { messageId, status: "done", intent, case: caseRef, draft };
}
