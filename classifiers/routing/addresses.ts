/**
 * Small address helpers for routing: domains, "is this one of ours", and the
 * customer's address inside a mail our own people forwarded to the AR mailbox.
 */

import { FIELD, REPLY_HEADERS } from "../text/quote-patterns.ts";

const EMAIL = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;

export function normalizeEmail(email: string): string {
  return email.trim().replace(/^mailto:/i, "").replace(/^<|>$/g, "").toLowerCase();
}

export function domainOf(email: string): string {
  const at = email.lastIndexOf("@");
  return (at >= 0 ? email.slice(at + 1) : email).trim().toLowerCase().replace(/\.$/, "");
}

/** "ap+invoices@x.com" → "ap@x.com": sub-addressing does not change the mailbox. */
export function withoutSubaddress(email: string): string {
  return email.replace(/^([^@+]+)\+[^@]*@/, "$1@");
}

/** True when `domain` is one of `domains` or a subdomain of one. */
export function onDomains(domain: string, domains: readonly string[]): boolean {
  const d = domain.toLowerCase();
  return domains.some((x) => {
    const o = x.toLowerCase().replace(/^@/, "");
    return o !== "" && (d === o || d.endsWith("." + o));
  });
}

/** Parent domains from most to least specific, stopping at two labels ("a.b.c.com" → b.c.com, c.com). */
export function parentDomains(domain: string): string[] {
  const labels = domain.split(".");
  const out: string[] = [];
  for (let i = 1; i <= labels.length - 2; i++) out.push(labels.slice(i).join("."));
  return out;
}

export function emailsIn(text: string): string[] {
  return (text.match(EMAIL) ?? []).map(normalizeEmail);
}

/** First address in a header value such as `"Name" <a@b.c>` or `a@b.c`. */
export function firstEmail(headerValue: string | null | undefined): string | null {
  if (!headerValue) return null;
  return emailsIn(headerValue)[0] ?? null;
}

/**
 * The first sender address quoted in `text` that is not on our domains: when
 * our salesman forwards a customer's mail to the AR mailbox, the forwarded
 * block names the customer in its "From:" / "Van:" / "De :" / "Von:" line, or
 * in an "On …, X <x@y> wrote:" header. The line patterns are the quote
 * stripper's (classifiers/text/quote-patterns.ts), so both agree on what a
 * quoted header is; a header wrapped over two lines is read joined.
 */
export function findForwardedSender(text: string, ourDomains: readonly string[]): string | null {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/^[\s>]+/, "");
    if (!line) continue;
    const joined = i + 1 < lines.length ? `${line} ${lines[i + 1].replace(/^[\s>]+/, "")}` : line;
    const candidates = FIELD.from.test(line)
      ? [line]
      : REPLY_HEADERS.some((re) => re.test(line))
        ? [line]
        : REPLY_HEADERS.some((re) => re.test(joined))
          ? [joined]
          : [];
    for (const c of candidates) {
      const email = emailsIn(c).find((e) => !onDomains(domainOf(e), ourDomains));
      if (email) return email;
    }
  }
  return null;
}
