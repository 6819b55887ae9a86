import { RouteContext, type Finding } from "./context.ts";
import { ASSIGN_THRESHOLD, round, score, WEIGHTS } from "./scoring.ts";
import { amountStep, customerNumberStep, invoiceStep, nameStep, similarityStep, vatStep } from "./steps-content.ts";
import { bounceStep, senderSteps, threadStep } from "./steps-sender.ts";
import type { RouteDecision, RouteInput } from "./types.ts";

/**
 * Route one email to a debtor file, or leave it unassigned with candidates.
 * Pure: everything it needs is in the input (the ledger index is cached per
 * LedgerView object). The ten steps each add evidence; scoring.ts turns the
 * evidence into a decision.
 */
export function routeEmail(input: RouteInput): RouteDecision {
  const ctx = new RouteContext(input);

  // 1-4: who wrote, in answer to what.
  threadStep(ctx);
  bounceStep(ctx);
  senderSteps(ctx);

  // `other` mail (spam, newsletters) from nobody we know must not be assigned on soft clues.
  const knownSender = ctx.has(["thread", "bounce", "contact", "domain"]);
  const unknownOther = input.intent === "other" && !knownSender;

  // 5-10: what it says.
  invoiceStep(ctx);
  customerNumberStep(ctx, unknownOther);
  amountStep(ctx, unknownOther);
  nameStep(ctx, unknownOther);
  similarityStep(ctx, unknownOther);
  vatStep(ctx, unknownOther);

  applyGroupPayerOverride(ctx.findings, input);

  const baseline = unknownOther ? WEIGHTS.baselineUnknownOther : WEIGHTS.baseline;
  const scoring = score(ctx.findings, baseline);
  const best = scoring.ranked[0];
  const assigned = best && best.probability >= ASSIGN_THRESHOLD ? best.debtorId : null;
  return {
    debtorId: assigned,
    confidence: round(assigned !== null ? best.probability : 1 - (best?.probability ?? 0)),
    evidence: ctx.findings.map(({ step, detail, debtorId, weight }) => ({ step, detail, debtorId, weight })),
    candidates: scoring.ranked.slice(0, 8).map((c) => ({
      debtorId: c.debtorId,
      number: ctx.num(c.debtorId),
      score: round(c.probability),
      reasons: c.reasons,
    })),
  };
}

/**
 * A group's shared-service centre pays for a subsidiary: the sender is one
 * debtor (or a known contact / domain of one) but its own words cite invoices
 * (or the customer number) of another. What the mail is about wins over who
 * sent it: the identity evidence of debtors the content does not name is
 * scaled down, and so is a thread that conflicts with the content (which then
 * usually leaves the mail unassigned: the evidence conflicts). Not for bounces
 * and auto-replies, whose text is not the sender's.
 */
function applyGroupPayerOverride(findings: Finding[], input: RouteInput): void {
  if (input.intent === "bounce" || input.intent === "auto_reply") return;
  const named = new Set(findings.filter((f) => f.role === "content" && f.debtorId !== null).map((f) => f.debtorId));
  if (named.size === 0) return;
  for (const f of findings) {
    if (f.debtorId === null || named.has(f.debtorId)) continue;
    if (f.role === "identity") {
      f.weight = round(f.weight * WEIGHTS.override.identity);
      f.detail += " — outweighed: the sender's own text cites another debtor's invoices";
    } else if (f.role === "thread") {
      f.weight = round(f.weight * WEIGHTS.override.thread);
      f.detail += " — conflicts with the invoices the sender's own text cites";
    }
  }
}
