import type { AllowedFacts } from "./fact-check.ts";
import type { LedgerFacts } from "./facts.ts";

/**
 * Everything an LLM draft may state, derived from the facts it was given:
 * amounts (each invoice's amount and open amount, the totals, the case's
 * amounts), dates, invoice numbers and identifiers, and the addresses
 * involved. Sums the facts do not list (e.g. two invoices added up by the
 * model) are not allowed: the model is given the totals it may use.
 */
export function allowedFromFacts(facts: LedgerFacts, extra: string[] = []): AllowedFacts {
  let extraEmails = extra;
  const amounts = new Set<number>();
  const dates = new Set<string>([facts.today]);
  const counts = new Set<number>();
  // Zero is never a fact worth stating ("your balance is 0,00 €" is what an injection asks for).
  const add = (c: number | null | undefined) => c !== null && c !== undefined && c !== 0 && amounts.add(Math.abs(c));
  const addDate = (d: string | null | undefined) => d && dates.add(d);
  for (const inv of [...facts.openInvoices, ...facts.referenced]) {
    add(inv.amountCents);
    add(inv.openCents);
    add(inv.amountCents - inv.openCents);
    addDate(inv.issueDate);
    addDate(inv.dueDate);
    if (inv.daysOverdue !== null) counts.add(Math.abs(inv.daysOverdue));
  }
  for (const t of facts.totals) {
    add(t.openCents);
    add(t.overdueCents);
  }
  const refOpen = facts.referenced.reduce((s, i) => s + i.openCents, 0);
  add(refOpen);
  addDate(facts.message.date);
  if (typeof facts.fields.amount === "number") add(Math.round(facts.fields.amount * 100));
  addDate(facts.fields.promisedDate);
  addDate(facts.fields.paidDate);
  if (facts.fields.instalments) counts.add(facts.fields.instalments);

  const otherNumbers: (string | null | undefined)[] = [facts.debtor.number, facts.debtor.customerNumber, facts.debtor.vatNumber];
  const c = facts.case;
  if (c?.kind === "dispute") {
    add(c.disputedCents);
    addDate(c.slaDueDate);
  } else if (c?.kind === "promise") {
    add(c.amountCents);
    add(c.paidCents);
    add(c.amountCents - c.paidCents);
    addDate(c.promisedDate);
  } else if (c?.kind === "plan") {
    add(c.totalCents);
    counts.add(c.instalments.length);
    for (const i of c.instalments) {
      add(i.amountCents);
      addDate(i.dueDate);
    }
  } else if (c?.kind === "account_update") {
    otherNumbers.push(...Object.values(c.changes));
    if (c.changes.newEmail) extraEmails = [...extraEmails, c.changes.newEmail];
  } else if (c?.kind === "insolvency") {
    add(c.claimCents);
    otherNumbers.push(c.caseReference);
  }
  for (const k of ["poNumber", "vatNumber", "caseReference"] as const) otherNumbers.push(facts.fields[k]);

  const emails = new Set(
    [...facts.debtor.contacts, facts.message.fromAddress, facts.company.arMailbox, facts.fields.newEmail, ...extraEmails]
      .filter((e): e is string => Boolean(e))
      .map((e) => e.toLowerCase()),
  );
  return {
    amounts,
    dates,
    invoiceNumbers: [...new Set([...facts.openInvoices, ...facts.referenced].map((i) => i.number))],
    otherNumbers: otherNumbers.filter((n): n is string => Boolean(n)),
    emails,
    counts,
  };
}
