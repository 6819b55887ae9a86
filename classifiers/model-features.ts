import type { LedgerView, MailInput } from "./mail-input.ts";
import { detectIntentCues, paymentTenseTokens } from "./extract/intent-cues.ts";
import { detectLanguage } from "./extract/language.ts";
import { findInvoiceRefs } from "./extract/invoice-refs.ts";
import { findAmounts } from "./extract/amounts.ts";
import { findDates } from "./extract/dates.ts";

/**
 * Signals that mean the same thing in every company's mailbox, written into
 * the classifier's text as pseudo-words ("xcuedispute", "xfeatinvoiceref").
 * Phrase n-grams learnt from one company's seed mail generalise poorly to the
 * next company's customers; "names one of our invoices", "answers our letter",
 * "states a future date" or a dispute cue phrase do generalise, and the model
 * learns how much each one weighs from the seed set.
 */
export function featureTokens(input: { mail: MailInput; own: string; ledger: LedgerView | null }): string {
  const { mail, own, ledger } = input;
  const t: string[] = [];
  const lang = detectLanguage(own);
  const cues = detectIntentCues(`${mail.subject ?? ""}\n${own}`, lang);
  for (const [intent, found] of Object.entries(cues)) {
    const token = `xcue${intent.replace(/_/g, "")}`;
    for (let i = 0; i < Math.min(found!.length, 3); i++) t.push(token);
  }
  // A subject the sender wrote ("Factuur 123 betaald gisteren") says the same as their text;
  // the subject of our own letter they answer ("Re: Payment reminder") does not.
  const ownSubject = mail.subject && !/^\s*(re|aw|antw|sv|réf|tr|fwd?|wg)\s*:/i.test(mail.subject) ? mail.subject : "";
  t.push(...paymentTenseTokens(`${ownSubject}\n${own}`, lang));
  if (ledger) {
    if (findInvoiceRefs(own, ledger.invoices).length) t.push("xfeatinvoiceref");
    const ours = ledger.company.domains.map((d) => d.toLowerCase());
    const thread = [mail.inReplyTo ?? "", ...mail.references].join(" ").toLowerCase();
    if (ours.some((d) => thread.includes(`@${d}`))) t.push("xfeatreplyours");
    const from = (mail.fromAddress ?? "").toLowerCase();
    const domain = from.split("@")[1] ?? "";
    if (ledger.debtors.some((d) => d.contacts.some((c) => c.email.toLowerCase() === from))) t.push("xfeatknowncontact");
    else if (domain && ledger.debtors.some((d) => d.domains.includes(domain))) t.push("xfeatknowndomain");
    else t.push("xfeatunknownsender");
  }
  if (/^(re|aw|antw|sv|réf)\s*:/i.test(mail.subject ?? "")) t.push("xfeatreplysubject");
  if (findAmounts(own).length) t.push("xfeatamount");
  if (mail.date) {
    const day = mail.date.toISOString().slice(0, 10);
    for (const d of findDates(own, mail.date, { lang })) t.push(d.date > day ? "xfeatfuturedate" : d.date < day ? "xfeatpastdate" : "xfeattoday");
  }
  if (mail.attachments.some((a) => /pdf/i.test(a.contentType))) t.push("xfeatpdf");
  if (/\?/.test(own)) t.push("xfeatquestion");
  const words = own.split(/\s+/).filter(Boolean).length;
  t.push(words < 25 ? "xfeatshort" : words > 150 ? "xfeatlong" : "xfeatmedium");
  return t.join(" ");
}
