import { randomBytes } from "node:crypto";

/**
 * Our own Message-IDs name the debtor and the invoice, so a reply (which
 * carries them in In-Reply-To / References) routes back without guessing:
 *
 *   <relance.{debtorNumber}.{invoiceNumber|none}.{random}@{domain}>
 *
 * Numbers from an ERP may hold characters a Message-ID cannot (spaces) or that
 * would break the dotted layout ("2024.113"), so every character outside
 * [A-Za-z0-9_-] is written "=XX" per UTF-8 byte (like quoted-printable; "=" is
 * legal in a Message-ID). A real invoice number "none" is written "=6Eone" so
 * it never reads as "no invoice". This is the same encoding as
 * server/src/modules/outbound/message-id.ts (a test checks both agree).
 */
export interface OurMessageId {
  debtorNumber: string;
  invoiceNumber: string | null;
  random: string;
  domain: string;
}

const SAFE = /[A-Za-z0-9_-]/;

function encodePart(value: string): string {
  let out = "";
  for (const ch of value) {
    if (SAFE.test(ch)) out += ch;
    else for (const b of Buffer.from(ch, "utf8")) out += "=" + b.toString(16).toUpperCase().padStart(2, "0");
  }
  if (out === "none") return "=6Eone";
  return out || "=";
}

function decodePart(value: string): string | null {
  if (value === "=") return "";
  if (!/^(?:[A-Za-z0-9_-]|=[0-9A-Fa-f]{2})+$/.test(value)) return null;
  const bytes: number[] = [];
  for (let i = 0; i < value.length; ) {
    if (value[i] === "=") {
      bytes.push(parseInt(value.slice(i + 1, i + 3), 16));
      i += 3;
    } else {
      bytes.push(value.charCodeAt(i));
      i += 1;
    }
  }
  const text = Buffer.from(bytes).toString("utf8");
  // A byte sequence that is not UTF-8 decodes to U+FFFD: not one of ours.
  return text.includes("\uFFFD") ? null : text;
}

/** A fresh Message-ID (with angle brackets) for a mail about this debtor / invoice. */
export function formatOurMessageId(input: {
  debtorNumber: string;
  invoiceNumber?: string | null;
  domain: string;
  random?: string;
}): string {
  const random = (input.random ?? randomBytes(9).toString("base64url")).replace(/[^A-Za-z0-9]/g, "x") || "x";
  const invoice = input.invoiceNumber ? encodePart(input.invoiceNumber) : "none";
  const domain = input.domain.toLowerCase().replace(/[^a-z0-9.-]/g, "") || "relance.invalid";
  return `<relance.${encodePart(input.debtorNumber)}.${invoice}.${random}@${domain}>`;
}

const PATTERN = /^<?\s*relance\.([^.@<>\s]+)\.([^.@<>\s]+)\.([A-Za-z0-9_-]+)@([^<>\s]+?)\s*>?$/i;

/** Read one of our Message-IDs back; null for anyone else's (or a malformed one). */
export function parseOurMessageId(id: string | null | undefined): OurMessageId | null {
  if (!id) return null;
  const m = PATTERN.exec(id.trim());
  if (!m) return null;
  const debtorNumber = decodePart(m[1]);
  const invoiceNumber = m[2] === "none" ? null : decodePart(m[2]);
  if (!debtorNumber || (m[2] !== "none" && invoiceNumber === null)) return null;
  return { debtorNumber, invoiceNumber, random: m[3], domain: m[4].toLowerCase() };
}

/**
 * Split a header value (or a list of them) into single Message-IDs. Headers
 * normally hold "<a@b> <c@d>"; some clients drop the brackets or join with commas.
 */
export function splitMessageIds(values: ReadonlyArray<string | null | undefined>): string[] {
  const out: string[] = [];
  for (const v of values) {
    if (!v) continue;
    const bracketed = v.match(/<[^<>\s]+>/g);
    if (bracketed) out.push(...bracketed);
    else out.push(...v.split(/[\s,]+/).filter((s) => s.includes("@")).map((s) => `<${s}>`));
  }
  return out;
}

/** Local part and domain of a Message-ID ("<local@domain>"), or null. */
export function messageIdParts(id: string): { local: string; domain: string } | null {
  const m = /^<?\s*([^<>\s@]+)@([^<>\s@]+?)\s*>?$/.exec(id.trim());
  return m ? { local: m[1], domain: m[2].toLowerCase() } : null;
}
