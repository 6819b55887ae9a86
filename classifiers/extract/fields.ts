import { headerOffsetMinutes, type DateReference } from "./calendar.ts";
import type { Fields, Intent } from "../intents.ts";
import type { MailInput } from "../mail-input.ts";
import { detectAutoReply } from "../rules/auto-reply.ts";
import { detectBounce } from "../rules/bounce.ts";
import { findAdministrator, findCaseReference, findNewAddress, findNewEmail, findPoNumber, findVatNumber } from "./account-fields.ts";
import { findAmounts, type FoundAmount } from "./amounts.ts";
import { findDates, type FoundDate } from "./dates.ts";
import { disputeReason, instalmentCount, PAID_VERBS, PROMISE_VERBS, requestedDocument } from "./field-cues.ts";
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

/** Closest item to a cue word (by character distance), preferring ones after the cue within a sentence. */
function nearest<T extends { index: number; text: string }>(items: T[], text: string, cue: RegExp): T | null {
  const cues = [...text.matchAll(new RegExp(cue.source, cue.flags.includes("g") ? cue.flags : cue.flags + "g"))].map((m) => m.index!);
  if (!cues.length) return null;
  let best: { item: T; d: number } | null = null;
  for (const item of items) {
    for (const c of cues) {
      const d = item.index >= c ? item.index - c : (c - item.index - item.text.length) * 1.5;
      if (!best || d < best.d) best = { item, d };
    }
  }
  return best && best.d < 160 ? best.item : null;
}

function pickDate(dates: FoundDate[], text: string, cue: RegExp, keep: (d: FoundDate) => boolean): FoundDate | null {
  const ok = dates.filter(keep);
  return nearest(ok, text, cue) ?? (ok.length === 1 ? ok[0] : null);
}

function pickAmount(amounts: FoundAmount[], text: string, cue: RegExp): FoundAmount | null {
  if (amounts.length === 1) return amounts[0];
  return nearest(amounts, text, cue) ?? null;
}

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
  const amounts = () => findAmounts(input.text);

  switch (intent) {
    case "payment_promise": {
      const dates = findDates(text, ref, { lang, direction: "forward" });
      const d = pickDate(dates, text, PROMISE_VERBS, (x) => x.date >= today);
      set("promisedDate", d?.date, d?.text);
      const a = pickAmount(amounts(), input.text, PROMISE_VERBS);
      set("amount", a?.value, a?.text);
      break;
    }
    case "payment_notice": {
      const dates = findDates(text, ref, { lang, direction: "backward" });
      // A payment already made is dated today or earlier (one day of slack for time zones).
      const d = pickDate(dates, text, PAID_VERBS, (x) => x.date <= ymd(new Date(ref.instant.getTime() + 86_400_000), ref.offsetMinutes));
      set("paidDate", d?.date, d?.text);
      const a = pickAmount(amounts(), input.text, PAID_VERBS);
      set("amount", a?.value, a?.text);
      break;
    }
    case "dispute": {
      set("reason", disputeReason(input.text));
      const a = pickAmount(amounts(), input.text, /contest|dispute|betwist|conteste|reklam|beanstand|incorrect|onjuist|erron|falsch|te veel|trop|zu viel|difference|verschil|écart|differenz/giu);
      set("amount", a?.value, a?.text);
      break;
    }
    case "document_request":
      set("document", requestedDocument(text) ?? undefined);
      break;
    case "payment_plan_request": {
      set("instalments", instalmentCount(input.text) ?? undefined);
      const a = pickAmount(amounts(), input.text, /pay|betal|paie|régl|zahl|instal|termijn|échéanc|rate|per month|par mois|per maand|pro monat/giu);
      set("amount", a?.value, a?.text);
      break;
    }
    case "account_update": {
      const own = [...(input.ownAddresses ?? []), ...mail.to, ...mail.cc];
      set("newEmail", findNewEmail(input.text, own));
      set("newAddress", findNewAddress(input.text));
      set("poNumber", findPoNumber(text));
      set("vatNumber", findVatNumber(input.text));
      break;
    }
    case "insolvency_notice":
      set("caseReference", findCaseReference(text));
      set("administrator", findAdministrator(input.text));
      break;
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
