import type { Intent } from "../intents.ts";
import type { LedgerView, MailInput } from "../mail-input.ts";

/** An invoice reference already matched to the ledger by the extraction module. */
export interface RouteInvoiceRef {
  /** The invoice number as the ledger spells it. */
  number: string;
  confidence: number;
  /** True when it appears in what the sender wrote (not only in the quoted history). */
  inSenderText: boolean;
}

export interface RouteInput {
  mail: MailInput;
  /** The sender's own words: quotes (and ideally nothing else) stripped. */
  senderText: string;
  /** The quoted history below / around the sender's words (often our reminder). */
  quotedText: string;
  intent: Intent;
  invoiceRefs: RouteInvoiceRef[];
  amounts: Array<{ value: number; currency?: string | null }>;
  bounce?: { failedRecipient?: string; originalMessageId?: string };
  /** Nearest past mail of known debtors (pgvector); may be empty. */
  neighbours?: Array<{ debtorId: number; similarity: number }>;
  ledger: LedgerView;
  ourDomains: string[];
  freeMailDomains: (domain: string) => boolean;
}

/** The ten cascade steps (plus the override bookkeeping), in cascade order. */
export type RouteStep =
  | "thread"
  | "bounce"
  | "contact"
  | "domain"
  | "invoice"
  | "customer_number"
  | "amount"
  | "company_name"
  | "similarity"
  | "vat";

/**
 * One finding. `weight` is its contribution in log-odds points to the debtor's
 * score (see scoring.ts); 0 with `debtorId: null` records a step that looked and
 * deliberately used nothing (free-mail domain, our own domain, bounce sender).
 */
export interface RouteEvidence {
  step: RouteStep;
  detail: string;
  debtorId: number | null;
  weight: number;
}

export interface RouteCandidate {
  debtorId: number;
  number: string;
  /** Share of probability in the final decision (0..1). */
  score: number;
  reasons: string[];
}

export interface RouteDecision {
  debtorId: number | null;
  /**
   * Probability that the decision is right under the scoring model: for an
   * assignment the chosen debtor's probability, when unassigned 1 minus the best
   * candidate's probability.
   */
  confidence: number;
  evidence: RouteEvidence[];
  candidates: RouteCandidate[];
}

/** Where a piece of text came from: it sets how much a finding in it weighs. */
export type TextZone = "own" | "attachment" | "quoted";
