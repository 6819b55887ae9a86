import type { MailInput } from "../mail-input.ts";

/** First value of a header (names are lower-case in MailInput.headers). */
export function header(mail: Pick<MailInput, "headers">, name: string): string | null {
  return mail.headers[name.toLowerCase()]?.[0] ?? null;
}

/** Every value of a header, in order. */
export function headerAll(mail: Pick<MailInput, "headers">, name: string): string[] {
  return mail.headers[name.toLowerCase()] ?? [];
}

function decodeBytes(bytes: Uint8Array, charset: string): string {
  try {
    return new TextDecoder(charset.toLowerCase().replace(/\*.*$/, ""), { fatal: false }).decode(bytes);
  } catch {
    return new TextDecoder("latin1").decode(bytes);
  }
}

/**
 * RFC 2047 encoded-words → text. MailInput.headers keeps raw values, and
 * messages that failed to parse have no decoded subject, so rules decode the
 * few headers they read themselves.
 */
export function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[bqBQ]\?[^?]*\?=)\s+(?==\?)/g, "$1")
    .replace(/=\?([^?]+)\?([bqBQ])\?([^?]*)\?=/g, (_m, charset: string, enc: string, data: string) => {
      if (enc.toLowerCase() === "b") return decodeBytes(Buffer.from(data, "base64"), charset);
      const bytes: number[] = [];
      const s = data.replace(/_/g, " ");
      for (let i = 0; i < s.length; i++) {
        if (s[i] === "=" && /^[0-9a-fA-F]{2}$/.test(s.slice(i + 1, i + 3))) {
          bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
          i += 2;
        } else bytes.push(s.charCodeAt(i) & 0xff);
      }
      return decodeBytes(Uint8Array.from(bytes), charset);
    });
}

/** The subject as the user sees it, also for messages whose parse failed. */
export function subjectOf(mail: Pick<MailInput, "subject" | "headers">): string {
  if (mail.subject != null) return mail.subject;
  const raw = header(mail, "subject");
  return raw ? decodeWords(raw) : "";
}

/** Bare lower-case address out of "Name <a@b>", "<a@b>", "rfc822; a@b". */
export function bareAddress(value: string | null | undefined): string | null {
  if (!value) return null;
  const m = value.match(/<\s*([^<>\s"]+@[^<>\s"]+?)\s*>/) ?? value.match(/([A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)/);
  if (!m) return null;
  return m[1].replace(/^["']|["'.,;:]+$/g, "").toLowerCase();
}

/** The From address, also for messages whose parse failed. */
export function fromAddressOf(mail: Pick<MailInput, "fromAddress" | "headers">): string | null {
  return mail.fromAddress ?? bareAddress(header(mail, "from"));
}

/** Unfold a raw header block ("Name: value" lines with continuations) into fields. */
export function parseHeaderBlock(block: string): Array<{ name: string; value: string }> {
  const out: Array<{ name: string; value: string }> = [];
  for (const line of block.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && out.length) {
      out[out.length - 1].value += " " + line.trim();
      continue;
    }
    const m = line.match(/^([A-Za-z][A-Za-z0-9-]*)\s*:\s?(.*)$/);
    if (m) out.push({ name: m[1].toLowerCase(), value: m[2].trim() });
  }
  return out;
}
