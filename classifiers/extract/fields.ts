import { headerOffsetMinutes, type DateReference } from "./calendar.ts";
import type { Fields, Intent } from "../intents.ts";
import type { MailInput } from "../mail-input.ts";
import { detectAutoReply } from "../rules/auto-reply.ts";
import { detectBounce } from "../rules/bounce.ts";
import { senderText } from "../text/quote-strip.ts";
import { findNewEmail, findPoNumber, findVatNumber } from "./account-fields.ts";
import { findNewAddress } from "./address.ts";
import { findAmounts, type FoundAmount } from "./amounts.ts";
import { findDates, type FoundDate } from "./dates.ts";
import { disputeReason } from "./dispute-reason.ts";
import { DISPUTE_WORDS, EXECUTION_DATE, FUTURE_PAYMENT, instalmentCount, NOT_PAYMENT_DATE, PAST_PAYMENT, PAYMENT_AMOUNT_LINE, PLAN_WORDS, requestedDocument, TOTAL_DUE_LINE, TOTAL_LINE } from "./field-cues.ts";
import { pickBySentence, type PickOptions, type Sentence } from "./field-pick.ts";
import { findAdministrator, findCaseReference } from "./insolvency-fields.ts";
import { findInvoiceRefs, type InvoiceRefMatch } from "./invoice-refs.ts";
import { detectLanguage } from "./language.ts";

export interface ExtractFieldsInput {
  intent: Intent;
  /** The sender's own words (quote-stripped body). */
  text: string;
  subject: string | null;
  mail: MailInput;
  /** Invoices to match references against (the candidate debtor's, or the whole ledger). */
  ledgerInvoices: ReadonlyArray<{ number: string; amount?: number; openAmount?: number; currency?: string }>;
  /** Language of the text when already known (else detected). */
  lang?: string | null;
  /** Our own addresses (AR mailbox, company domains' addresses) never taken as a debtor's new e-mail. */
  ownAddresses?: ReadonlyArray<string>;
}

export interface ExtractedFields {
  fields: Fields;
  invoices: InvoiceRefMatch[];
  /** Which text each field came from, for the UI and debugging. */
  evidence: Partial<Record<keyof Fields, string>>;
}

/** The mail's Date header as a reference for relative dates, in the sender's own time zone. */
export function mailDateReference(mail: MailInput): DateReference {
  return { instant: mail.date ?? new Date(), offsetMinutes: headerOffsetMinutes(mail.headers["date"]?.[0]) };
}

const ymd = (d: Date, offset: number) => new Date(d.getTime() + offset * 60_000).toISOString().slice(0, 10);

const either = (a: RegExp, b: RegExp) => new RegExp(`${a.source}|${b.source}`, "giu");
const DATE_TOKEN = /\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}/g;
const lineAt = (text: string, i: number) => text.slice(text.lastIndexOf("\n", i - 1) + 1, (text.indexOf("\n", i) + 1 || text.length + 1) - 1);
const REPLY_SUBJECT = /^\s*(?:(?:re|aw|antw|tr|fwd?|wg|sv|réf)\s*:\s*)+/i;

/**
 * A date that is not when money moves: a row of an invoice table ("VF-2024-0113
 * 01/10/2024 31/10/2024 1.234,56") or a date called an invoice or due date.
 */
function invoiceTableDate(text: string, index: number): boolean {
  const line = lineAt(text, index);
  if ((line.match(DATE_TOKEN) ?? []).length >= 2) return true;
  if (/^\s*[A-Z]{0,4}[-\s/]?\d[\w/-]*\s+\d{1,2}[./-]\d{1,2}[./-]\d{2,4}/i.test(line)) return true;
  return NOT_PAYMENT_DATE.test(text.slice(Math.max(0, index - 30), index)) || /(?:facture|factuur|rechnung|invoice)\s+(?:\S+\s+)?(?:du|van|vom|of)\s*$/i.test(text.slice(Math.max(0, index - 40), index));
}

/** A date for the intent, from the sentence that speaks of the payment (see field-pick.ts). */
function pickDate(dates: FoundDate[], text: string, options: PickOptions, keep: (d: FoundDate) => boolean): FoundDate | null {
  return pickBySentence(dates.filter(keep), text, { ...options, skip: (i) => invoiceTableDate(text, i) });
}

const UNIT_PRICE_BEFORE = /(?:unit price|price per|eenheidsprijs|stukprijs|prijs per|contractprijs|contract price|prix unitaire|prix contractuel|prix par|einzelpreis|stückpreis|vertragspreis|preis pro)\s*(?:is|est|ist|van|de|of|von|:)?\s*(?:€|eur|euro|£|chf)?\s*$/iu;
const UNIT_PRICE_AFTER = /^\s*(?:€|eur|euro|euros|£|chf)?\s*(?:per|par|pro|each|the|le|la|l['’]|\/)\s*(?:unit|piece|pièce|stuk|stück|fles|flasche|bouteille|bottle|doos|karton|carton|box|roll|rol|rouleau|rolle|kg|liter|litre|uur|hour|heure|stunde|m2|m²|m)(?![\p{L}])/iu;

/**
 * Amounts that are no sum of money asked or paid: a unit price ("4,20 per
 * fles", "prix unitaire 3,65"), and the rows and "total due" of a reminder
 * quoted or forwarded with the mail.
 */
function notAnAmountField(text: string, a: FoundAmount): boolean {
  const line = lineAt(text, a.index);
  if (TOTAL_DUE_LINE.test(line.trim()) || (line.match(DATE_TOKEN) ?? []).length >= 2) return true;
  return UNIT_PRICE_BEFORE.test(text.slice(Math.max(0, a.index - 30), a.index)) || UNIT_PRICE_AFTER.test(text.slice(a.index + a.text.length, a.index + a.text.length + 25));
}

/** An amount for the intent from the body; from the subject only when the body states none ("Demande d'échéancier pour 673,11 EUR"). */
function pickAmount(body: string, subject: string, options: PickOptions): FoundAmount | null {
  const inBody = findAmounts(body);
  if (inBody.length) return pickBySentence(inBody.filter((a) => !notAnAmountField(body, a)), body, options);
  return pickBySentence(findAmounts(subject), subject, options);
}

/** A remittance advice's "Total" or "Amount:" line outweighs its rows. */
const totalBonus = (_i: number, s: Sentence) => (TOTAL_LINE.test(s.text) || PAYMENT_AMOUNT_LINE.test(s.text) ? 3 : 0);

/**
 * The fields of intents.md for one intent, from the sender's own words (and,
 * for bounces and auto-replies, from the rules that read headers and MIME
 * parts). A field is present only when the mail states it.
 */
export function extractFields(input: ExtractFieldsInput): Fields {
  return extractFieldsDetailed(input).fields;
}

/** extractFields plus the invoice references of the text and the text each field came from. */
export function extractFieldsDetailed(input: ExtractFieldsInput): ExtractedFields {
  const { intent, mail } = input;
  const text = [input.subject ?? "", input.text].join("\n");
  const lang = input.lang ?? detectLanguage(input.text);
  const ref = mailDateReference(mail);
  const today = ymd(ref.instant, ref.offsetMinutes);
  const fields: Fields = {};
  const evidence: ExtractedFields["evidence"] = {};
  const set = <K extends keyof Fields>(k: K, v: Fields[K] | null | undefined, why?: string) => {
    if (v === null || v === undefined) return;
    fields[k] = v;
    if (why) evidence[k] = why;
  };
  const invoices = findInvoiceRefs(text, input.ledgerInvoices);
  const subject = input.subject ?? "";
  const body = input.text;

  switch (intent) {
    case "payment_promise": {
      const dates = findDates(text, ref, { lang, direction: "forward" });
      const d = pickDate(dates, text, { want: either(FUTURE_PAYMENT, EXECUTION_DATE), avoid: either(PAST_PAYMENT, DISPUTE_WORDS) }, (x) => x.date >= today);
      set("promisedDate", d?.date, d?.text);
      const a = pickAmount(body, subject, { want: FUTURE_PAYMENT, avoid: either(PAST_PAYMENT, DISPUTE_WORDS), bonus: totalBonus });
      set("amount", a?.value, a?.text);
      break;
    }
    case "payment_notice": {
      const dates = findDates(text, ref, { lang, direction: "backward" });
      // A payment already made is dated today or earlier (one day of slack for time zones).
      const latest = ymd(new Date(ref.instant.getTime() + 86_400_000), ref.offsetMinutes);
      const d = pickDate(dates, text, { want: either(PAST_PAYMENT, EXECUTION_DATE), avoid: either(FUTURE_PAYMENT, DISPUTE_WORDS) }, (x) => x.date <= latest);
      set("paidDate", d?.date, d?.text);
      const a = pickAmount(body, subject, { want: PAST_PAYMENT, avoid: either(FUTURE_PAYMENT, DISPUTE_WORDS), bonus: totalBonus });
      set("amount", a?.value, a?.text);
      break;
    }
    case "dispute": {
      set("reason", disputeReason(body, subject));
      const a = pickAmount(body, subject, { want: DISPUTE_WORDS, avoid: either(PAST_PAYMENT, FUTURE_PAYMENT) });
      set("amount", a?.value, a?.text);
      break;
    }
    case "document_request":
      set("document", (REPLY_SUBJECT.test(subject) ? requestedDocument(body, "", subject) : requestedDocument(body, subject)) ?? undefined);
      break;
    case "payment_plan_request": {
      set("instalments", instalmentCount(body) ?? instalmentCount(subject) ?? undefined);
      const a = pickAmount(body, subject, { want: PLAN_WORDS, avoid: PAST_PAYMENT });
      set("amount", a?.value, a?.text);
      break;
    }
    case "account_update": {
      const own = [...(input.ownAddresses ?? []), ...mail.to, ...mail.cc];
      set("newEmail", findNewEmail(body, own) ?? findNewEmail(subject, own));
      set("newAddress", findNewAddress(body) ?? findNewAddress(subject));
      set("poNumber", findPoNumber(text));
      set("vatNumber", findVatNumber(body));
      break;
    }
    case "insolvency_notice": {
      // A practitioner's notice is often signed only: the signature names the administrator.
      const signature = senderText(mail).signature;
      const isInvoice = (t: string) => findInvoiceRefs(t, input.ledgerInvoices).length > 0;
      set("caseReference", findCaseReference(`${text}\n\n${signature}`, { isInvoice }));
      set("administrator", findAdministrator(body, signature));
      break;
    }
    case "auto_reply": {
      const r = detectAutoReply(mail);
      set("returnDate", r.returnDate);
      break;
    }
    case "bounce": {
      const b = detectBounce(mail);
      if (b.isBounce) {
        set("failedRecipient", b.failedRecipient ?? undefined);
        set("status", b.status ?? undefined);
        set("permanent", b.permanent ?? undefined);
      }
      break;
    }
    default:
      break;
  }
  return { fields, invoices, evidence };
}
