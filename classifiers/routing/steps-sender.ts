import {
  domainOf,
  findForwardedSender,
  firstEmail,
  normalizeEmail,
  onDomains,
  parentDomains,
  withoutSubaddress,
} from "./addresses.ts";
import type { RouteContext } from "./context.ts";
import { numberWindows } from "./identifiers.ts";
import { debtorsByNumber, invoiceDebtors } from "./ledger-index.ts";
import { messageIdParts, parseOurMessageId, splitMessageIds } from "./our-message-id.ts";
import { WEIGHTS } from "./scoring.ts";
import type { RouteStep } from "./types.ts";

/**
 * Steps 1-4 of the cascade: who the mail is from or in answer to. Thread
 * headers and our Message-IDs, a bounce's failed recipient, the sender's
 * address and its domain.
 */

const uniq = <T>(xs: T[]) => [...new Set(xs)];

/** A Message-ID that is ours (Relance format) or on our domains with a known number inside. */
function messageIdEvidence(ctx: RouteContext, step: RouteStep, id: string, label: string, weight: number): void {
  const ours = parseOurMessageId(id);
  if (ours) {
    if (ctx.ours.length > 0 && !onDomains(ours.domain, ctx.ours)) {
      // Another company running Relance: its debtor numbers are not ours.
      ctx.add(step, `${label} ${id} is a Relance Message-ID of another domain: ignored`, null, 0);
      return;
    }
    const byNumber = debtorsByNumber(ctx.ix, ours.debtorNumber);
    const byInvoice = uniq(ours.invoiceNumber ? invoiceDebtors(ctx.ix, ours.invoiceNumber).map((i) => i.debtorId) : []);
    if (byNumber.length > 0) {
      for (const d of byNumber) {
        const note = byInvoice.length > 0 && !byInvoice.includes(d) ? ` (its invoice ${ours.invoiceNumber} is now another debtor's)` : "";
        ctx.add(step, `${label} ${id} names debtor ${ours.debtorNumber}${note}`, d, weight, "thread");
      }
    } else if (byInvoice.length > 0) {
      for (const d of byInvoice) ctx.add(step, `${label} ${id} names invoice ${ours.invoiceNumber} of ${ctx.num(d)}`, d, weight - 1, "thread");
    } else {
      ctx.add(step, `${label} ${id} names debtor ${ours.debtorNumber}, unknown to the ledger`, null, 0);
    }
    return;
  }
  const parts = messageIdParts(id);
  if (!parts || !onDomains(parts.domain, ctx.ours)) return;
  // A UUID's hex groups could equal a short number by chance.
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/i.test(parts.local)) return;
  const found = new Map<number, string>();
  for (const w of numberWindows(parts.local)) {
    if (w.compact.length < 4 || (!/[A-Z]/.test(w.compact) && w.compact.length < 5)) continue;
    for (const e of ctx.ix.embedded.get(w.compact) ?? []) {
      if (!found.has(e.debtorId)) found.set(e.debtorId, `${e.what} number ${e.number}`);
    }
  }
  for (const [d, what] of found) {
    ctx.add(step, `${label} ${id} (our domain) embeds ${what} of ${ctx.num(d)}`, d, WEIGHTS.thread.embedded, "thread");
  }
}

export function threadStep(ctx: RouteContext): void {
  const { mail } = ctx.input;
  const own = splitMessageIds([mail.messageId]).find((id) => parseOurMessageId(id));
  if (own) messageIdEvidence(ctx, "thread", own, "Message-ID", WEIGHTS.thread.ownMessageId);
  const inReplyTo = splitMessageIds([mail.inReplyTo]);
  for (const id of inReplyTo) messageIdEvidence(ctx, "thread", id, "In-Reply-To", WEIGHTS.thread.inReplyTo);
  for (const id of splitMessageIds(mail.references)) {
    if (!inReplyTo.includes(id)) messageIdEvidence(ctx, "thread", id, "References", WEIGHTS.thread.references);
  }
}

export function bounceStep(ctx: RouteContext): void {
  const { bounce, intent } = ctx.input;
  // Tolerate DSN syntax ("rfc822; user@host") and display forms.
  const failed = bounce?.failedRecipient ? (firstEmail(bounce.failedRecipient) ?? normalizeEmail(bounce.failedRecipient)) : null;
  if (failed) {
    const contacts = ctx.ix.contacts.get(failed) ?? [];
    const shared = contacts.length > 1 ? ` (shared by ${contacts.length} debtors)` : "";
    for (const d of contacts) {
      ctx.add("bounce", `failed recipient ${failed} is a contact of ${ctx.num(d)}${shared}`, d, WEIGHTS.bounce.recipientContact);
    }
    if (contacts.length === 0) {
      const domain = domainOf(failed);
      if (ctx.input.freeMailDomains(domain) || onDomains(domain, ctx.ours)) {
        ctx.add("bounce", `failed recipient ${failed} is unknown (free-mail or own domain)`, null, 0);
      } else {
        const ds = ctx.ix.domains.get(domain) ?? [];
        for (const d of ds) ctx.add("bounce", `failed recipient's domain ${domain} belongs to ${ctx.num(d)}`, d, WEIGHTS.bounce.recipientDomain);
        if (ds.length === 0) ctx.add("bounce", `failed recipient ${failed} is unknown to the ledger`, null, 0);
      }
    }
  }
  if (bounce?.originalMessageId) {
    for (const id of splitMessageIds([bounce.originalMessageId])) {
      messageIdEvidence(ctx, "bounce", id, "bounced letter", WEIGHTS.bounce.originalMessageId);
    }
  }
  if (intent === "bounce" && !failed && !bounce?.originalMessageId) {
    ctx.add("bounce", "bounce without a failed recipient or original Message-ID", null, 0);
  }
}

/** Contact (step 3) then domain (step 4) for one address. True when it identified some debtor. */
function identify(ctx: RouteContext, address: string, factor: number, label: string): boolean {
  const auto = ctx.input.intent === "auto_reply";
  let contacts = ctx.ix.contacts.get(address) ?? [];
  let weight = auto ? WEIGHTS.contact.fromAutoReply : WEIGHTS.contact.from;
  if (contacts.length === 0) {
    contacts = ctx.ix.contactsLoose.get(withoutSubaddress(address)) ?? [];
    weight = WEIGHTS.contact.subaddress;
  }
  if (contacts.length > 0) {
    const shared = contacts.length > 1 ? ` — shared by ${contacts.length} debtors: ambiguous` : "";
    for (const d of contacts) ctx.add("contact", `${label} ${address} is a contact of ${ctx.num(d)}${shared}`, d, weight * factor, "identity");
    ctx.add("domain", `not used: the contact address is more specific`, null, 0);
    return true;
  }
  const domain = domainOf(address);
  if (ctx.input.freeMailDomains(domain)) {
    ctx.add("domain", `${label} ${address}: ${domain} is a free-mail domain, not used`, null, 0);
    return false;
  }
  if (onDomains(domain, ctx.ours)) return false;
  let ds = ctx.ix.domains.get(domain) ?? [];
  let matched = domain;
  let dw = auto ? WEIGHTS.domain.exactAutoReply : WEIGHTS.domain.exact;
  if (ds.length === 0) {
    for (const p of parentDomains(domain)) {
      ds = ctx.ix.domains.get(p) ?? [];
      matched = p;
      dw = WEIGHTS.domain.parent;
      if (ds.length > 0) break;
    }
  }
  const shared = ds.length > 1 ? ` — shared by ${ds.length} debtors: ambiguous` : "";
  for (const d of ds) ctx.add("domain", `${label} ${address}: ${matched} is a domain of ${ctx.num(d)}${shared}`, d, dw * factor, "identity");
  return ds.length > 0;
}

export function senderSteps(ctx: RouteContext): void {
  const { mail, intent } = ctx.input;
  const from = mail.fromAddress ? normalizeEmail(mail.fromAddress) : null;
  if (intent === "bounce") {
    ctx.add("contact", `bounce: the sender ${from ?? "(none)"} is the reporting mail server, not used`, null, 0);
  } else if (from && onDomains(domainOf(from), ctx.ours)) {
    // Our own salesman (or colleague) forwarding a customer's mail: the customer is in the
    // forwarded header, inline or in an attached message/rfc822.
    ctx.senderIsOurs = true;
    const attached = mail.attachments.filter((a) => /rfc822/i.test(a.contentType) && a.text).map((a) => a.text!);
    const forwarded = findForwardedSender([ctx.input.quotedText, ctx.input.senderText, mail.text ?? "", ...attached].join("\n"), ctx.ours);
    if (forwarded) {
      ctx.forwardedFrom = forwarded;
      identify(ctx, forwarded, WEIGHTS.forwardedFactor, `forwarded by our ${from}: original sender`);
    } else {
      ctx.add("contact", `sent from our own domain (${from}); no forwarded sender found`, null, 0);
    }
  } else if (from) {
    const found = identify(ctx, from, 1, "From");
    const replyTo = firstEmail(mail.headers["reply-to"]?.[0]);
    if (!found && replyTo && replyTo !== from && !onDomains(domainOf(replyTo), ctx.ours)) {
      identify(ctx, replyTo, WEIGHTS.replyToFactor, "Reply-To");
    }
  }
  if (intent === "bounce") return;
  if (ctx.senderIsOurs) recipientsOfOurMail(ctx, from);
  else copiedContacts(ctx, from);
}

/** People in copy of a customer's mail: weak (an outside accountant may serve several debtors). */
function copiedContacts(ctx: RouteContext, from: string | null): void {
  const { mail } = ctx.input;
  const named = new Set(ctx.findings.filter((f) => f.step === "contact" && f.debtorId !== null).map((f) => f.debtorId));
  for (const a of uniq([...mail.to, ...mail.cc].map(normalizeEmail))) {
    if (a === from || onDomains(domainOf(a), ctx.ours)) continue;
    for (const d of ctx.ix.contacts.get(a) ?? []) {
      if (!named.has(d)) ctx.add("contact", `${a} in To/Cc is a contact of ${ctx.num(d)}`, d, WEIGHTS.contact.copied);
    }
  }
}

/**
 * Mail one of our own people wrote (with the AR mailbox in copy): the debtor
 * is whom it was written to. Contacts count, then debtor domains, never
 * free-mail domains.
 */
function recipientsOfOurMail(ctx: RouteContext, from: string | null): void {
  const { mail } = ctx.input;
  for (const a of uniq([...mail.to, ...mail.cc].map(normalizeEmail))) {
    const domain = domainOf(a);
    if (a === from || onDomains(domain, ctx.ours)) continue;
    const contacts = ctx.ix.contacts.get(a) ?? [];
    for (const d of contacts) ctx.add("contact", `our mail is addressed to ${a}, a contact of ${ctx.num(d)}`, d, WEIGHTS.contact.ourRecipient, "identity");
    if (contacts.length > 0 || ctx.input.freeMailDomains(domain)) continue;
    for (const d of ctx.ix.domains.get(domain) ?? []) {
      ctx.add("domain", `our mail is addressed to ${a}: ${domain} is a domain of ${ctx.num(d)}`, d, WEIGHTS.domain.ourRecipient, "identity");
    }
  }
}
