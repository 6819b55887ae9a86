import { emailsIn, onDomains } from "./addresses.ts";
import { ledgerIndex, type LedgerIndex } from "./ledger-index.ts";
import { isDistinctiveName, phrasePositions, textTokens } from "./names.ts";
import type { RouteEvidence, RouteInput, RouteStep } from "./types.ts";

/**
 * What a finding means beyond its step, for the group-payer override:
 * `identity` = who the sender is (contact, domain); `thread` = our Message-ID;
 * `content` = an invoice / customer number in the sender's own words (or an
 * invoice in what the sender attached).
 */
export type FindingRole = "identity" | "thread" | "content";

export interface Finding extends RouteEvidence {
  role?: FindingRole;
}

/** Shared state of one routing run. */
export class RouteContext {
  readonly ix: LedgerIndex;
  /** Our domains: the ones passed in plus the ledger's company domains. */
  readonly ours: string[];
  readonly findings: Finding[] = [];
  /** Set by the sender steps when our own people forwarded a customer's mail. */
  forwardedFrom: string | null = null;
  /** Set by the sender steps when the From is on our own domains. */
  senderIsOurs = false;
  private memos = new Map<string, unknown>();

  constructor(readonly input: RouteInput) {
    this.ix = ledgerIndex(input.ledger);
    this.ours = [...new Set([...input.ourDomains, ...input.ledger.company.domains].map((d) => d.toLowerCase()))];
  }

  add(step: RouteStep, detail: string, debtorId: number | null, weight: number, role?: FindingRole): void {
    this.findings.push({ step, detail, debtorId, weight: Math.round(weight * 1000) / 1000, role });
  }

  /** Debtor number for evidence details. */
  num(debtorId: number): string {
    return this.ix.debtors.get(debtorId)?.number ?? `#${debtorId}`;
  }

  /** True when a finding of one of these steps already gives a debtor real weight. */
  has(steps: RouteStep[], minWeight = 3): boolean {
    return this.findings.some((f) => f.debtorId !== null && f.weight >= minWeight && steps.includes(f.step));
  }

  get isReplySubject(): boolean {
    return /^\s*(re|aw|antw|tr|fw|fwd|wg|rif|r)\s*(\[\d+\])?\s*:/i.test(this.input.mail.subject ?? "");
  }

  /** Compute once per routing run (zones, windows shared by several steps). */
  memo<T>(key: string, make: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, make());
    return this.memos.get(key) as T;
  }

  /** Phrases naming our own company, whose positions must never match a debtor name. */
  ourNamePhrases(): string[][] {
    const full = this.ix.companyNameTokens;
    const core = full.filter((t) => isDistinctiveName([t]));
    return [full, core].filter((p) => p.length > 0);
  }

  /** The quoted part is our own letter (a reminder) when it names our domain or company. */
  quotedIsOurs(): boolean {
    const q = this.input.quotedText;
    if (!q.trim()) return false;
    if (emailsIn(q).some((e) => onDomains(e.slice(e.lastIndexOf("@") + 1), this.ours))) return true;
    const tokens = textTokens(q);
    return this.ourNamePhrases().some((p) => phrasePositions(tokens, p).size > 0);
  }
}
