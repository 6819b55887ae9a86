import type { RouteEvidence, RouteStep } from "./types.ts";

/**
 * Scoring model. Every finding adds log-odds "points" to one debtor; a debtor's
 * score is the sum over steps. "Unassigned" competes as a pseudo-candidate with
 * a fixed baseline score, and probabilities are the softmax over the debtors
 * and that baseline:
 *
 *   p(d) = e^score(d) / (e^baseline + Σ e^score(j))
 *
 * A debtor is assigned only when p(best) ≥ ASSIGN_THRESHOLD. That one rule asks
 * for both a strong score (it must beat the baseline by ~1.8 points alone) and a
 * clear lead (two debtors with equal scores each get < 0.5). Weights are set so
 * that one reliable identifier (our Message-ID, a known contact address, a
 * known company domain, an invoice number in the sender's words, a customer or
 * VAT number) is enough on its own, while the soft signals (amounts, names,
 * similarity) only decide together or with something else: a wrong assignment
 * costs much more than an unassigned mail.
 */
export const ASSIGN_THRESHOLD = 0.85;

export const WEIGHTS = {
  baseline: 2,
  /** `other` mail (spam, newsletters) with no sender identity needs more proof. */
  baselineUnknownOther: 4,
  thread: { inReplyTo: 8, references: 7, ownMessageId: 8, embedded: 5 },
  bounce: { recipientContact: 8, recipientDomain: 4, originalMessageId: 8 },
  contact: { from: 6, fromAutoReply: 6.5, subaddress: 5, copied: 1.5, ourRecipient: 5 },
  domain: { exact: 4.5, exactAutoReply: 5, parent: 4, ourRecipient: 3.5 },
  /** Factors for a sender found indirectly: forwarded by our own people, or only in Reply-To. */
  forwardedFactor: 0.85,
  replyToFactor: 0.85,
  invoice: { own: 5, attachment: 5, forwarded: 4, bounceReturned: 3, quoted: 2.5, quotedOurs: 1.5 },
  customerNumber: { cue: 5, cueLoose: 4, bare: 3.5 },
  amount: 2,
  name: { company: 4, companySingle: 2, contact: 3, displayBonus: 0.5 },
  /** Similarity is a soft hint (templated mail of many debtors looks alike): never more than a domain's half. */
  similarity: [
    [0.95, 2],
    [0.9, 1.5],
    [0.85, 1],
  ] as Array<[number, number]>,
  vat: { full: 5, body: 4, siren: 4 },
  /** Zone factors for text findings (names, numbers): the sender's words count fully. */
  zone: { own: 1, attachment: 0.8, quoted: 0.3 },
  /** Content steps on auto-replies: the text is boilerplate, the headers decide. */
  autoReplyContentFactor: 0.5,
  /** Soft steps on `other` mail from unknown senders. */
  unknownOtherSoftFactor: 0.5,
  /**
   * Group payer: when the sender's own words (or attachments) cite invoices of other debtors only,
   * the sender's identity evidence is scaled down (the invoice decides) and the
   * thread's (it now conflicts with the content).
   */
  override: { identity: 0.25, thread: 0.6 },
};

/** Repeated findings of one step for one debtor are not independent: the best counts, the rest a little (capped). */
function stepTotal(weights: number[]): number {
  const sorted = [...weights].sort((a, b) => b - a);
  const rest = sorted.slice(1).reduce((s, w) => s + w, 0);
  return sorted[0] + Math.min(1, 0.25 * rest);
}

export interface ScoredDebtor {
  debtorId: number;
  points: number;
  probability: number;
  reasons: string[];
}

export interface Scoring {
  ranked: ScoredDebtor[];
  noneProbability: number;
}

export function score(evidence: readonly RouteEvidence[], baseline: number): Scoring {
  const byDebtor = new Map<number, Map<RouteStep, number[]>>();
  const reasons = new Map<number, string[]>();
  for (const e of evidence) {
    if (e.debtorId === null || e.weight <= 0) continue;
    const steps = byDebtor.get(e.debtorId) ?? new Map<RouteStep, number[]>();
    steps.set(e.step, [...(steps.get(e.step) ?? []), e.weight]);
    byDebtor.set(e.debtorId, steps);
    reasons.set(e.debtorId, [...(reasons.get(e.debtorId) ?? []), `${e.step}: ${e.detail}`]);
  }
  const points = [...byDebtor].map(([debtorId, steps]) => ({
    debtorId,
    points: [...steps.values()].reduce((s, ws) => s + stepTotal(ws), 0),
  }));
  const max = Math.max(baseline, ...points.map((p) => p.points));
  const noneExp = Math.exp(baseline - max);
  const total = noneExp + points.reduce((s, p) => s + Math.exp(p.points - max), 0);
  const ranked = points
    .map((p) => ({ ...p, probability: Math.exp(p.points - max) / total, reasons: reasons.get(p.debtorId) ?? [] }))
    .sort((a, b) => b.points - a.points || a.debtorId - b.debtorId);
  return { ranked, noneProbability: noneExp / total };
}

export function similarityPoints(similarity: number): number {
  for (const [min, pts] of WEIGHTS.similarity) if (similarity >= min) return pts;
  return 0;
}

/** Rounded for storage and display. */
export const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;
