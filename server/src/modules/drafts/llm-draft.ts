import { desc, eq, inArray } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { messages } from "../../db/schema/messages.ts";
import { drafts } from "../../db/schema/drafts.ts";
import type { LlmClient } from "../../lib/llm/client.ts";
import { draftReplyOutputSchema } from "../../lib/llm/schemas.ts";
import { loadPrompt, renderPrompt } from "../../lib/prompts.ts";
import { allowedFromFacts } from "./allowed-facts.ts";
import { checkFacts, describeProblems } from "./fact-check.ts";
import type { LedgerFacts } from "./facts.ts";
import type { DraftLanguage } from "./locale-format.ts";
import { DRAFT_TEMPLATES_DIR, type TemplateVars } from "./templates.ts";

/**
 * The LLM path: the model rewrites the template draft for the actual email,
 * then every amount, date, invoice number, address and link in its text is
 * checked against the ledger facts it was given. Any mismatch (or any LLM
 * failure) returns a rejection reason and the caller keeps the template draft.
 */
const languageNames: Record<DraftLanguage, string> = { en: "English", nl: "Dutch", fr: "French", de: "German" };
const purposes: Record<string, string> = {
  dispute: "acknowledging the sender's dispute, saying the invoice is on hold while the team investigates, and when they will hear back",
  document_request: "sending the requested documents (attached as PDFs) and the open items",
  payment_plan_request: "proposing the instalment plan in the facts, to be confirmed by the sender",
  payment_promise: "confirming the payment promise the sender made",
  payment_notice: "thanking the sender for the payment they announced and showing what is still open",
  question: "answering the sender's question about their account with the facts",
  account_update: "confirming receipt of the change of billing details, which the team will check and apply",
  insolvency_notice: "answering the insolvency administrator with the claim to be filed",
  promise_followup: "following up on a payment promise that was not (fully) kept",
};

const MAX_EMAIL_CHARS = 8000;
const MAX_THREAD_CHARS = 6000;

/** The ledger facts as the model sees them: the same formatted strings the template uses. */
function factsText(facts: LedgerFacts, vars: TemplateVars): string {
  const lines = [
    `Today: ${vars.today}`,
    `Our company: ${facts.company.name}`,
    `Debtor: ${facts.debtor.name} (customer number ${facts.debtor.number})`,
    `Open total: ${vars.totalOpen}`,
  ];
  if (vars.hasOverdue) lines.push(`Overdue total: ${vars.overdueTotal}`);
  if (vars.hasInvoices) lines.push(`Invoices the email refers to:\n${vars.invoiceTable}`);
  if (vars.hasOpen) lines.push(`Statement of account (all open items):\n${vars.statementTable}`);
  if (vars.hasAttachments) lines.push(`Attached to the reply:\n${vars.attachments}`);
  const c = facts.case;
  if (c?.kind === "dispute") lines.push(`Dispute: about ${vars.reason}${vars.disputedAmount ? `, disputed amount ${vars.disputedAmount}` : ""}; answer promised by ${vars.slaDate}; the invoice gets no reminders meanwhile.`);
  if (c?.kind === "promise") lines.push(`Promise: ${vars.promisedAmount} by ${vars.promisedDate} (made on ${vars.emailDate}); paid since: ${vars.paidAmount}; still due: ${vars.remainingAmount}.`);
  if (c?.kind === "plan") lines.push(`Proposed plan: ${vars.planTotal} in ${vars.planCount} monthly instalments:\n${vars.planSchedule}`);
  if (c?.kind === "account_update") lines.push(`Requested change (to be checked by the team, not yet applied):\n${vars.changes}`);
  if (c?.kind === "insolvency") lines.push(`Claim to file: ${vars.claimAmount}${vars.caseReference ? `; case reference ${vars.caseReference}` : ""}${vars.administrator ? `; administrator ${vars.administrator}` : ""}.`);
  if (vars.statedAmount) lines.push(`Amount stated by the sender (not verified): ${vars.statedAmount}`);
  return lines.join("\n");
}

/** Earlier mails of the thread (theirs and ours), newest last, for context. */
async function threadText(tx: Tx, references: string[], currentId: number): Promise<string> {
  if (!references.length) return "(no earlier messages)";
  const theirs = await tx
    .select({ id: messages.id, from: messages.fromAddress, sentAt: messages.sentAt, subject: messages.subject, text: messages.text })
    .from(messages)
    .where(inArray(messages.messageId, references))
    .orderBy(desc(messages.sentAt))
    .limit(4);
  const ours = await tx
    .select({ sentAt: drafts.sentAt, subject: drafts.subject, body: drafts.body, from: drafts.fromAddress })
    .from(drafts)
    .where(inArray(drafts.outboundMessageId, references))
    .limit(4);
  const items = [
    ...theirs.filter((t) => t.id !== currentId).map((t) => ({ at: t.sentAt, head: `From: ${t.from}`, subject: t.subject, text: t.text ?? "" })),
    ...ours.map((o) => ({ at: o.sentAt, head: `From: ${o.from} (us)`, subject: o.subject, text: o.body })),
  ].sort((a, b) => (a.at?.getTime() ?? 0) - (b.at?.getTime() ?? 0));
  if (!items.length) return "(no earlier messages)";
  return items
    .map((i) => `${i.head}\nDate: ${i.at?.toISOString().slice(0, 10) ?? "?"}\nSubject: ${i.subject ?? ""}\n\n${i.text.slice(0, 1500)}`)
    .join("\n---\n")
    .slice(0, MAX_THREAD_CHARS);
}

export type LlmDraftOutcome =
  | { ok: true; subject: string; body: string; model: string; promptRef: string }
  | { ok: false; reason: string; model: string; promptRef: string };

export async function writeWithLlm(
  tx: Tx,
  llm: LlmClient,
  input: {
    facts: LedgerFacts;
    vars: TemplateVars;
    template: { subject: string; body: string };
    intent: string;
    language: DraftLanguage;
    tone: string;
    email: { from: string; date: string; subject: string; body: string };
    references: string[];
    extraEmails: string[];
  },
): Promise<LlmDraftOutcome> {
  const prompt = loadPrompt("draft-reply", DRAFT_TEMPLATES_DIR);
  const rendered = renderPrompt(prompt, {
    company: input.facts.company.name || "our company",
    languageName: languageNames[input.language],
    toneDescription: input.tone === "firm" ? "firm but polite (the debtor often pays late)" : "friendly and helpful (a good customer)",
    purposeDescription: purposes[input.intent] ?? "answering the sender",
    facts: factsText(input.facts, input.vars),
    templateSubject: input.template.subject,
    templateBody: input.template.body,
    thread: await threadText(tx, input.references, input.facts.message.id),
    from: input.email.from,
    date: input.email.date,
    subject: input.email.subject,
    body: input.email.body.slice(0, MAX_EMAIL_CHARS),
  });
  const res = await llm.completeJson({
    purpose: "draft-reply",
    promptId: rendered.ref,
    messages: rendered.messages,
    schema: draftReplyOutputSchema,
    temperature: 0.2,
    maxTokens: 1500,
  });
  if (!res.ok) return { ok: false, reason: `LLM call failed (${res.error.kind}): ${res.error.message}`.slice(0, 1000), model: llm.model, promptRef: rendered.ref };
  const problems = checkFacts(`${res.value.subject}\n${res.value.body}`, allowedFromFacts(input.facts, input.extraEmails));
  if (problems.length) {
    return { ok: false, reason: `LLM draft rejected by the ledger check: ${describeProblems(problems)}`.slice(0, 2000), model: res.model, promptRef: rendered.ref };
  }
  return { ok: true, subject: res.value.subject, body: res.value.body.trim() + "\n", model: res.model, promptRef: rendered.ref };
}
