import { createHash } from "node:crypto";

// Trace headers differ when the same message is delivered to two mailboxes
// (each hop adds Received:, each mailbox its Delivered-To:). The identity of a
// message is everything else, so two copies hash the same.
const TRACE = /^(received|delivered-to|x-original-to|return-path|x-received|arc-[a-z-]+|authentication-results|x-spam-[a-z-]+|x-virus-[a-z-]+|x-gm-[a-z-]+|x-google-smtp-source|x-ms-exchange-organization-[a-z-]+|envelope-to|x-envelope-to|x-delivery-id|x-uid|status|x-status|x-keywords|x-mozilla-status2?|content-length|lines)$/i;

/** Find where the header block ends (first empty line), tolerant of CRLF or LF. */
export function headerEnd(raw: Buffer): { end: number; bodyStart: number } {
  const crlf = raw.indexOf("\r\n\r\n");
  const lf = raw.indexOf("\n\n");
  if (crlf >= 0 && (lf < 0 || crlf < lf)) return { end: crlf, bodyStart: crlf + 4 };
  if (lf >= 0) return { end: lf, bodyStart: lf + 2 };
  return { end: raw.length, bodyStart: raw.length };
}

/** Split a raw header block into unfolded "Name: value" fields. */
export function headerFields(block: string): Array<{ name: string; value: string }> {
  const out: Array<{ name: string; value: string }> = [];
  for (const line of block.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && out.length) {
      out[out.length - 1].value += " " + line.trim();
      continue;
    }
    const i = line.indexOf(":");
    if (i <= 0) continue;
    out.push({ name: line.slice(0, i).trim().toLowerCase(), value: line.slice(i + 1).trim() });
  }
  return out;
}

/**
 * The header block as identity lines: fields (unfolded) plus, verbatim, every
 * line that is not a field. Dropping non-field lines would make two different
 * malformed files (body fragments, broken headers) hash alike and one of them
 * be skipped as a "duplicate".
 */
function identityLines(block: string): Array<{ name: string | null; text: string }> {
  const out: Array<{ name: string | null; text: string }> = [];
  for (const line of block.split(/\r?\n/)) {
    const last = out[out.length - 1];
    if (/^[ \t]/.test(line) && last?.name !== null && last !== undefined) {
      last.text += " " + line.trim();
      continue;
    }
    const m = /^([!-9;-~]+)[ \t]*:(.*)$/.exec(line);
    if (m) out.push({ name: m[1].toLowerCase(), text: `${m[1].toLowerCase()}:${m[2].trim()}` });
    else out.push({ name: null, text: `\u0000${line}` });
  }
  return out;
}

/** sha256 over the non-trace header lines and the body bytes. */
export function contentHash(raw: Buffer): string {
  const { end, bodyStart } = headerEnd(raw);
  const lines = identityLines(raw.subarray(0, end).toString("latin1")).filter((l) => l.name === null || !TRACE.test(l.name));
  const h = createHash("sha256");
  for (const l of lines) h.update(`${l.text}\n`, "latin1");
  h.update("\n");
  // Line endings are normalised so a CRLF mbox copy and an LF maildir copy match.
  h.update(raw.subarray(bodyStart).toString("latin1").replace(/\r\n/g, "\n"), "latin1");
  return h.digest("hex");
}
