import type { FactInvoice, LedgerFacts } from "./facts.ts";
import { formatDateLong, formatDateShort, formatMoney, localeFor, type DraftLanguage } from "./locale-format.ts";
import type { TemplateVars } from "./templates.ts";
import { accountFields, disputeReasons, REPLY_PREFIX, tableHeaders } from "./vocabulary.ts";

/**
 * Everything a template may use, as display strings in the draft's language
 * and the debtor's locale. Flags are "1" or "" (the templates' {{#if}}).
 */
const flag = (b: boolean) => (b ? "1" : "");

/** A name fit for "Dear …": the sender's display name unless it is an address or a department. */
export function greetingName(fromName: string | null | undefined): string {
  const n = (fromName ?? "").replace(/["']/g, "").trim();
  if (!n || n.includes("@") || n.length > 60) return "";
  if (/\b(accounts?|payable|finance|boekhouding|comptabilit|buchhaltung|admin|info|billing|facturation|team|service|noreply|no-reply)\b/i.test(n)) return "";
  return n;
}

/** An aligned plain-text table: readable in every mail client's reply view. */
function textTable(rows: string[][], rightAligned: number[]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => (rightAligned.includes(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
        .join("   ")
        .trimEnd(),
    )
    .join("\n");
}

export function invoiceTable(list: FactInvoice[], totals: { currency: string; openCents: number }[] | null, language: DraftLanguage, locale: string): string {
  if (!list.length) return "";
  const h = tableHeaders[language];
  const sp = (s: string) => s.replace(/[\u202f\u00a0]/g, " ");
  const rows = [[h.invoice, h.date, h.due, h.amount, h.open]];
  for (const i of list) {
    rows.push([
      i.inDispute ? `${i.number} (${h.disputed})` : i.number,
      formatDateShort(i.issueDate, locale),
      i.dueDate ? formatDateShort(i.dueDate, locale) : "-",
      sp(formatMoney(i.amountCents, i.currency, locale)),
      sp(formatMoney(i.openCents, i.currency, locale)),
    ]);
  }
  if (totals) for (const t of totals) rows.push([h.total, "", "", "", sp(formatMoney(t.openCents, t.currency, locale))]);
  return textTable(rows, [3, 4]);
}

export function cleanSubject(subject: string | null | undefined): string {
  return (subject ?? "").replace(REPLY_PREFIX, "").trim();
}

export function buildTemplateVars(input: {
  facts: LedgerFacts;
  language: DraftLanguage;
  tone: string;
  attachmentNames: string[];
}): TemplateVars {
  const { facts, language } = input;
  const loc = localeFor(language, facts.debtor.country);
  const money = (cents: number, currency = facts.totals[0]?.currency ?? facts.referenced[0]?.currency ?? "EUR") =>
    formatMoney(cents, currency, loc).replace(/[\u202f\u00a0]/g, " ");
  const long = (iso: string | null | undefined) => (iso ? formatDateLong(iso, loc) : "");
  const currency = facts.totals[0]?.currency ?? facts.referenced[0]?.currency ?? "EUR";
  const totalOpen = facts.totals.length ? facts.totals.map((t) => money(t.openCents, t.currency)).join(" + ") : money(0);
  const overdue = facts.totals.filter((t) => t.overdueCents > 0);
  const referencedOpen = facts.referenced.reduce((s, i) => s + i.openCents, 0);
  const c = facts.case;
  const fieldAmount = typeof facts.fields.amount === "number" ? Math.round(facts.fields.amount * 100) : null;

  const vars: TemplateVars = {
    name: greetingName(facts.message.fromName),
    firm: flag(input.tone === "firm"),
    friendly: flag(input.tone !== "firm"),
    company: facts.company.name || "",
    debtor: facts.debtor.name,
    debtorNumber: facts.debtor.number,
    subject: cleanSubject(facts.message.subject) || facts.debtor.name,
    emailDate: long(facts.message.date),
    today: long(facts.today),
    hasInvoices: flag(facts.referenced.length > 0),
    invoiceNumbers: facts.referenced.map((i) => i.number).join(", "),
    invoiceTable: invoiceTable(facts.referenced, null, language, loc),
    referencedOpen: money(referencedOpen, facts.referenced[0]?.currency ?? currency),
    hasOpen: flag(facts.openInvoices.length > 0),
    statementTable: invoiceTable(facts.openInvoices, facts.totals, language, loc),
    totalOpen,
    hasOverdue: flag(overdue.length > 0),
    overdueTotal: overdue.map((t) => money(t.overdueCents, t.currency)).join(" + "),
    hasAttachments: flag(input.attachmentNames.length > 0),
    attachments: input.attachmentNames.map((n) => `- ${n}`).join("\n"),
    statedAmount: fieldAmount === null ? "" : money(fieldAmount, currency),
    deliveryProof: flag(facts.fields.document === "delivery_proof"),
    paidDate: long(facts.fields.paidDate),
    // Case-specific values; empty when the draft is not about that case.
    disputedAmount: "",
    reason: "",
    slaDate: "",
    promisedDate: "",
    promisedAmount: "",
    paidAmount: "",
    remainingAmount: "",
    partly: "",
    planTotal: "",
    planCount: "",
    planSchedule: "",
    changes: "",
    claimAmount: "",
    caseReference: "",
    administrator: "",
  };
  if (c?.kind === "dispute") {
    vars.disputedAmount = c.disputedCents === null ? "" : money(c.disputedCents, currency);
    vars.reason = disputeReasons[language][c.reason] ?? disputeReasons[language].other;
    vars.slaDate = long(c.slaDueDate);
  } else if (c?.kind === "promise") {
    vars.promisedDate = long(c.promisedDate);
    vars.promisedAmount = money(c.amountCents, currency);
    vars.paidAmount = money(c.paidCents, currency);
    vars.remainingAmount = money(Math.max(0, c.amountCents - c.paidCents), currency);
    vars.partly = flag(c.paidCents > 0 && c.paidCents < c.amountCents);
  } else if (c?.kind === "plan") {
    vars.planTotal = money(c.totalCents, currency);
    vars.planCount = String(c.instalments.length);
    vars.planSchedule = textTable(
      c.instalments.map((i) => [`${i.seq}.`, formatDateShort(i.dueDate, loc), money(i.amountCents, currency)]),
      [0, 2],
    );
  } else if (c?.kind === "account_update") {
    const labels = accountFields[language];
    vars.changes = Object.entries(c.changes)
      .map(([k, v]) => `- ${labels[k as keyof typeof labels] ?? k}: ${v}`)
      .join("\n");
  } else if (c?.kind === "insolvency") {
    vars.claimAmount = money(c.claimCents, currency);
    vars.caseReference = c.caseReference ?? "";
    vars.administrator = c.administrator ?? "";
  }
  return vars;
}
