import { randomBytes } from "node:crypto";

/**
 * Our own Message-IDs name the debtor and the invoice, so a reply (which
 * carries them in In-Reply-To / References) routes back without guessing:
 *
 *   <relance.{debtorNumber}.{invoiceNumber|none}.{random}@{domain}>
 *
 * Numbers from an ERP may hold characters a Message-ID cannot (spaces) or that
 * would break the dotted layout ("2024.113"), so every character outside
 * [A-Za-z0-9_-] is written "=XX" per UTF-8 byte (like quoted-printable).
 * A real invoice number "none" is written "=6Eone" so it never reads as "no
 * invoice". classifiers/routing/our-message-id.ts reads the same format on
 * the routing side; message-id.test.ts checks that both agree.
 */
export interface RelanceMessageId {
  debtorNumber: string;
  invoiceNumber: string | null;
  random: string;
  domain: string;
}

const SAFE = /[A-Za-z0-9_-]/;

export function encodePart(value: string): string {
  let out = "";
  for (const ch of value) {
    if (SAFE.test(ch)) out += ch;
    else for (const b of Buffer.from(ch, "utf8")) out += "=" + b.toString(16).toUpperCase().padStart(2, "0");
  }
  if (out === "none") return "=6Eone";
  return out || "=";
}

export function decodePart(value: string): string | null {
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
  // Bytes that are not UTF-8 decode to U+FFFD: not one of ours.
  return text.includes("\uFFFD") ? null : text;
}

/** A fresh Message-ID (with angle brackets) for a mail about this debtor / invoice. */
export function formatMessageId(input: {
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

/** Read one of our Message-IDs back; null for anyone else's. */
export function parseMessageId(value: string | null | undefined): RelanceMessageId | null {
  if (!value) return null;
  const m = PATTERN.exec(value.trim());
  if (!m) return null;
  const debtorNumber = decodePart(m[1]);
  const invoice = m[2] === "none" ? null : decodePart(m[2]);
  if (!debtorNumber || (m[2] !== "none" && invoice === null)) return null;
  return { debtorNumber, invoiceNumber: invoice, random: m[3], domain: m[4].toLowerCase() };
}

/**
 * The first of our Message-IDs among a reply's In-Reply-To and References
 * (In-Reply-To first: it names the mail being answered; References from the
 * most recent end).
 */
export function findRelanceMessageId(
  inReplyTo: string | null | undefined,
  references: readonly string[] | string | null | undefined,
): RelanceMessageId | null {
  const refs = typeof references === "string" ? references.split(/\s+/) : [...(references ?? [])];
  const candidates = [...(inReplyTo ? inReplyTo.split(/\s+/) : []), ...refs.reverse()];
  for (const c of candidates) {
    const parsed = parseMessageId(c);
    if (parsed) return parsed;
  }
  return null;
}
