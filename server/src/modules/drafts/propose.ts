import { and, eq } from "drizzle-orm";
import sanitizeHtml from "sanitize-html";
import type { AppContext } from "../../context.ts";
import { drafts } from "../../db/schema/drafts.ts";
import { messages } from "../../db/schema/messages.ts";
import { audit, SYSTEM } from "../../lib/audit.ts";
import { createLlmClient, type LlmClient } from "../../lib/llm/client.ts";
import type { Fields } from "../../../../classifiers/intents.ts";
import type { DraftAttachment } from "../outbound/compose.ts";
import { loadCaseFacts, type CaseRef } from "./case-facts.ts";
import { loadLedgerFacts, type LedgerFacts } from "./facts.ts";
import { invoiceFileName, statementFileName } from "./ledger-pdf.ts";
import { writeWithLlm } from "./llm-draft.ts";
import type { DraftLanguage } from "./locale-format.ts";
import { replyRouting } from "./recipients.ts";
import { buildTemplateVars } from "./template-vars.ts";
import { loadTemplate, renderTemplate } from "./templates.ts";

/** Intents that get a reply draft; auto-replies, bounces and "other" get none. */
export const REPLY_INTENTS = [
  "dispute",
  "document_request",
  "payment_plan_request",
  "payment_promise",
  "payment_notice",
  "question",
  "account_update",
  "insolvency_notice",
] as const;
export const DRAFT_LANGUAGES: DraftLanguage[] = ["nl", "fr", "de", "en"];
/** Template intents: the reply intents plus the follow-up of a broken promise. */
export const TEMPLATE_INTENTS = [...REPLY_INTENTS, "promise_followup"] as const;
const MAX_ATTACHED_INVOICES = 10;
/** Drafts no person has acted on: Relance may rewrite them. */
const REPLACEABLE = ["proposed", "withdrawn"];

export interface ProposeDraftInput {
  messageId: number;
  debtorId: number;
  purpose: "reply" | "promise_followup";
  /** "" for the email's own reply; "promise:12" for a case's follow-up. */
  caseRef: string;
  intent: (typeof TEMPLATE_INTENTS)[number];
  language: DraftLanguage;
  invoiceNumbers: string[];
  fields: Fields;
  case: CaseRef | null;
}

export interface ProposeOptions {
  /** An LLM client; undefined = the configured one (if any), null = templates only. */
  llm?: LlmClient | null;
  today?: string;
}

export interface ProposeResult {
  draftId: number;
  /** created / replaced (a proposed draft rewritten) / kept (a person already acted on it). */
  outcome: "created" | "replaced" | "kept";
  source: "template" | "llm";
  llmRejection: string | null;
}

const llmClients = new WeakMap<AppContext, LlmClient | null>();
function configuredLlm(ctx: AppContext): LlmClient | null {
  if (!llmClients.has(ctx)) llmClients.set(ctx, createLlmClient({ env: ctx.env, db: ctx.db, log: ctx.log }));
  return llmClients.get(ctx)!;
}

/** Requested copies: the invoices the email names, else (or when it asks for one) the statement of account. */
function chooseAttachments(intent: string, facts: LedgerFacts): DraftAttachment[] {
  if (intent !== "document_request") return [];
  const invoices = facts.referenced.slice(0, MAX_ATTACHED_INVOICES);
  if (facts.fields.document === "statement" || !invoices.length) return [{ kind: "statement" }];
  return invoices.map((i) => ({ kind: "invoice" as const, invoiceId: i.id, number: i.number }));
}

function attachmentNames(list: DraftAttachment[], facts: LedgerFacts, language: DraftLanguage): string[] {
  return list.map((a) => {
    if (a.kind === "statement") return statementFileName(facts, language);
    const inv = facts.referenced.find((i) => i.id === a.invoiceId)!;
    return invoiceFileName(inv, language);
  });
}

const emailText = (m: { text: string | null; html: string | null }) =>
  m.text ?? (m.html ? sanitizeHtml(m.html, { allowedTags: [], allowedAttributes: {} }) : "");

/**
 * Write (or rewrite) one draft: the template draft from the ledger, then,
 * with an LLM configured, the LLM's version if it passes the ledger check.
 * A draft a person has already edited, approved, sent or rejected is never
 * overwritten; a still-proposed one is replaced, never duplicated.
 */
export async function proposeDraft({ ctx, input, options = {} }: { ctx: AppContext; input: ProposeDraftInput; options?: ProposeOptions }): Promise<ProposeResult> {
  const key = and(eq(drafts.messageId, input.messageId), eq(drafts.purpose, input.purpose), eq(drafts.caseRef, input.caseRef));
  const [before] = await ctx.db.select({ id: drafts.id, status: drafts.status, source: drafts.source, llmRejection: drafts.llmRejection }).from(drafts).where(key);
  if (before && !REPLACEABLE.includes(before.status)) {
    return { draftId: before.id, outcome: "kept", source: before.source as "template" | "llm", llmRejection: before.llmRejection };
  }

  const facts = await loadLedgerFacts(ctx.db, { debtorId: input.debtorId, messageId: input.messageId, invoiceNumbers: input.invoiceNumbers, fields: input.fields, today: options.today });
  facts.case = await loadCaseFacts(ctx.db, input.case);
  const language = input.language;
  const tone = facts.debtor.tone === "firm" ? "firm" : "friendly";
  const attachments = chooseAttachments(input.intent, facts);
  const vars = buildTemplateVars({ facts, language, tone, attachmentNames: attachmentNames(attachments, facts, language) });
  const template = loadTemplate(input.intent, language);
  const fromTemplate = renderTemplate(template, vars);
  const routing = await replyRouting(ctx.db, { messageId: input.messageId, debtorId: input.debtorId });

  let text = fromTemplate;
  let source: "template" | "llm" = "template";
  let llmRejection: string | null = null;
  let llmModel: string | null = null;
  const llm = options.llm === undefined ? configuredLlm(ctx) : options.llm;
  if (llm) {
    const [m] = await ctx.db
      .select({ fromAddress: messages.fromAddress, fromName: messages.fromName, sentAt: messages.sentAt, subject: messages.subject, text: messages.text, html: messages.html })
      .from(messages)
      .where(eq(messages.id, input.messageId));
    const outcome = await writeWithLlm(ctx.db, llm, {
      facts,
      vars,
      template: fromTemplate,
      intent: input.intent,
      language,
      tone,
      email: {
        from: m.fromName ? `${m.fromName} <${m.fromAddress ?? ""}>` : (m.fromAddress ?? ""),
        date: m.sentAt?.toISOString().slice(0, 10) ?? "",
        subject: m.subject ?? "",
        body: emailText(m),
      },
      references: routing.references,
      extraEmails: [routing.fromAddress ?? "", ...routing.allowedRecipients],
    });
    llmModel = outcome.model;
    if (outcome.ok) {
      text = { subject: outcome.subject, body: outcome.body };
      source = "llm";
    } else {
      llmRejection = outcome.reason;
      ctx.log.info("llm draft not used", { messageId: input.messageId, reason: outcome.reason });
    }
  }

  const values = {
    messageId: input.messageId,
    purpose: input.purpose,
    caseRef: input.caseRef,
    debtorId: input.debtorId,
    mailboxId: routing.mailboxId,
    intent: input.intent,
    language,
    tone,
    status: "proposed",
    fromAddress: routing.fromAddress,
    toAddresses: routing.to,
    subject: text.subject,
    body: text.body,
    attachments,
    inReplyTo: routing.inReplyTo,
    references: routing.references,
    source,
    templateId: template.id,
    templateVersion: String(template.version),
    llmModel,
    llmRejection,
    facts,
    updatedAt: new Date(),
  };
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: drafts.id, status: drafts.status, source: drafts.source, llmRejection: drafts.llmRejection }).from(drafts).where(key).for("update");
    if (existing && !REPLACEABLE.includes(existing.status)) {
      return { draftId: existing.id, outcome: "kept" as const, source: existing.source as "template" | "llm", llmRejection: existing.llmRejection };
    }
    if (existing) {
      await tx.update(drafts).set(values).where(eq(drafts.id, existing.id));
      await audit(tx, { entityType: "draft", entityId: existing.id, action: existing.status === "withdrawn" ? "reproposed" : "regenerated", actor: SYSTEM, details: { source, template: `${template.id}@${template.version}`, llmRejection } });
      return { draftId: existing.id, outcome: "replaced" as const, source, llmRejection };
    }
    const [row] = await tx.insert(drafts).values(values).returning({ id: drafts.id });
    await audit(tx, { entityType: "draft", entityId: row.id, action: "proposed", actor: SYSTEM, details: { source, template: `${template.id}@${template.version}`, llmRejection, to: routing.to } });
    return { draftId: row.id, outcome: "created" as const, source, llmRejection };
  });
}

/** A proposed draft no longer wanted (the email was reclassified, a promise kept after all). */
export async function withdrawDraft(
  ctx: AppContext,
  where: { messageId: number; purpose: string; caseRef: string },
  reason: string,
): Promise<number | null> {
  return ctx.db.transaction(async (tx) => {
    const [d] = await tx
      .select({ id: drafts.id, status: drafts.status })
      .from(drafts)
      .where(and(eq(drafts.messageId, where.messageId), eq(drafts.purpose, where.purpose), eq(drafts.caseRef, where.caseRef)))
      .for("update");
    if (!d || d.status !== "proposed") return null;
    await tx.update(drafts).set({ status: "withdrawn", rejectReason: reason, updatedAt: new Date() }).where(eq(drafts.id, d.id));
    await audit(tx, { entityType: "draft", entityId: d.id, action: "withdrawn", actor: SYSTEM, details: { reason } });
    return d.id;
  });
}
