/**
 * A minimal MIME writer: charsets (utf-8, iso-8859-1, windows-1252),
 * quoted-printable / base64 / 8bit bodies, RFC 2047 encoded words and
 * multiparts. Written by hand so that every byte is under our control (and
 * reproducible), including the odd shapes real mail clients produce.
 */
export type Charset = "utf-8" | "iso-8859-1" | "windows-1252" | "us-ascii";
export type Cte = "quoted-printable" | "base64" | "8bit" | "7bit";

export interface Part {
  headers: Array<[string, string]>;
  body: string;
}

const CP1252: Record<string, number> = {
  "€": 0x80, "‚": 0x82, "ƒ": 0x83, "„": 0x84, "…": 0x85, "†": 0x86, "‡": 0x87, "ˆ": 0x88, "‰": 0x89, "Š": 0x8a,
  "‹": 0x8b, "Œ": 0x8c, "Ž": 0x8e, "‘": 0x91, "’": 0x92, "“": 0x93, "”": 0x94, "•": 0x95, "–": 0x96, "—": 0x97,
  "˜": 0x98, "™": 0x99, "š": 0x9a, "›": 0x9b, "œ": 0x9c, "ž": 0x9e, "Ÿ": 0x9f,
};

/** Bytes of text in a charset, or null when the charset cannot represent it. */
export function encodeCharset(text: string, charset: Charset): Buffer | null {
  if (charset === "utf-8") return Buffer.from(text, "utf8");
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (charset === "us-ascii") {
      if (cp > 0x7f) return null;
      out.push(cp);
    } else if (charset === "windows-1252" && CP1252[ch] !== undefined) {
      out.push(CP1252[ch]);
    } else if (cp <= 0xff && !(cp >= 0x80 && cp <= 0x9f)) {
      out.push(cp);
    } else {
      return null;
    }
  }
  return Buffer.from(out);
}

/** Quoted-printable (RFC 2045) of bytes whose line breaks are "\n". */
export function qp(bytes: Buffer): string {
  const lines: string[] = [];
  let line = "";
  const flush = (soft: boolean) => {
    lines.push(soft ? `${line}=` : line);
    line = "";
  };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x0a) {
      // Trailing whitespace before a hard break must be encoded.
      if (line.endsWith(" ")) line = `${line.slice(0, -1)}=20`;
      flush(false);
      continue;
    }
    const literal = (b >= 33 && b <= 126 && b !== 61) || b === 32;
    const tok = literal ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, "0")}`;
    if (line.length + tok.length > 75) flush(true);
    line += tok;
  }
  if (line.endsWith(" ")) line = `${line.slice(0, -1)}=20`;
  lines.push(line);
  return lines.join("\n");
}

export function base64Lines(bytes: Buffer): string {
  const b64 = bytes.toString("base64");
  return (b64.match(/.{1,76}/g) ?? [""]).join("\n");
}

/** A text/plain or text/html leaf. Falls back to utf-8 when the charset cannot carry the text. */
export function textPart(text: string, subtype: "plain" | "html", charset: Charset, cte: Cte, extra = ""): Part {
  let cs = charset;
  let bytes = encodeCharset(text, cs);
  if (!bytes) {
    cs = "utf-8";
    bytes = Buffer.from(text, "utf8");
  }
  let enc = cte;
  if ((enc === "7bit" || enc === "8bit") && /[^\x00-\x7f]/.test(text)) enc = cs === "utf-8" && enc === "8bit" ? "8bit" : "quoted-printable";
  if (enc === "8bit" && !/[^\x00-\x7f]/.test(text)) enc = "7bit";
  const body = enc === "quoted-printable" ? qp(bytes) : enc === "base64" ? base64Lines(bytes) : text;
  return {
    headers: [
      ["Content-Type", `text/${subtype}; charset="${cs}"${extra}`],
      ["Content-Transfer-Encoding", enc],
    ],
    body,
  };
}

export function binaryPart(bytes: Buffer, contentType: string, filename: string, disposition = "attachment"): Part {
  return {
    headers: [
      ["Content-Type", `${contentType}; name="${filename}"`],
      ["Content-Disposition", `${disposition}; filename="${filename}"`],
      ["Content-Transfer-Encoding", "base64"],
    ],
    body: base64Lines(bytes),
  };
}

/** A part whose body is already a complete entity (message/rfc822, delivery-status). */
export function rawPart(contentType: string, body: string, extra: Array<[string, string]> = []): Part {
  return { headers: [["Content-Type", contentType], ...extra], body };
}

export function multipart(subtype: string, parts: Part[], boundary: string, params = "", preamble = ""): Part {
  const chunks = parts.map((p) => `--${boundary}\n${renderHeaders(p.headers)}\n${p.body}\n`);
  return {
    headers: [["Content-Type", `multipart/${subtype};${params ? ` ${params};` : ""} boundary="${boundary}"`]],
    body: `${preamble ? `${preamble}\n\n` : ""}${chunks.join("")}--${boundary}--\n`,
  };
}

/** RFC 2047 encoded words for a header value that is not plain ASCII. */
export function encodeWord(value: string, mode: "B" | "Q" = "Q", charset: "utf-8" | "iso-8859-1" = "utf-8"): string {
  if (!/[^\x20-\x7e]/.test(value)) return value;
  const cs = charset === "iso-8859-1" && encodeCharset(value, "iso-8859-1") ? "iso-8859-1" : "utf-8";
  const words: string[] = [];
  // Chunk by characters so that no multi-byte character is split, keeping each word within 75 octets.
  let chunk = "";
  const encode = (text: string) => {
    const bytes = encodeCharset(text, cs)!;
    return `=?${cs.toUpperCase()}?${mode}?${mode === "B" ? bytes.toString("base64") : qWord(bytes)}?=`;
  };
  const emit = () => {
    if (chunk) words.push(encode(chunk));
    chunk = "";
  };
  for (const ch of value) {
    if (chunk && encode(chunk + ch).length > 72) emit();
    chunk += ch;
  }
  emit();
  return words.join("\n ");
}

function qWord(bytes: Buffer): string {
  let s = "";
  for (const b of bytes) {
    if (b === 0x20) s += "_";
    else if ((b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b === 0x2d || b === 0x2e) s += String.fromCharCode(b);
    else s += `=${b.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return s;
}

/** "Name <addr>" with the display name quoted or encoded as needed. */
export function address(name: string | null, email: string, mode: "B" | "Q" = "Q"): string {
  if (!name) return email;
  if (/[^\x20-\x7e]/.test(name)) return `${encodeWord(name, mode)} <${email}>`;
  if (/[(),.:;<>@[\]\\"&']/.test(name)) return `"${name.replace(/(["\\])/g, "\\$1")}" <${email}>`;
  return `${name} <${email}>`;
}

/** Fold a structured header at spaces so that no line exceeds 78 characters. */
function fold(name: string, value: string): string {
  if (value.includes("\n")) return `${name}: ${value}`;
  const words = value.split(" ");
  const lines: string[] = [];
  let cur = `${name}:`;
  for (const w of words) {
    if (cur.length + 1 + w.length > 78 && cur.length > name.length + 1) {
      lines.push(cur);
      cur = ` ${w}`;
    } else {
      cur += ` ${w}`;
    }
  }
  lines.push(cur);
  return lines.join("\n");
}

export function renderHeaders(headers: Array<[string, string]>): string {
  return headers.map(([k, v]) => `${fold(k, v)}\n`).join("");
}

/** The full message text; `crlf` turns every line ending into CRLF as some clients store them. */
export function renderMessage(headers: Array<[string, string]>, root: Part, crlf = false): string {
  const text = `${renderHeaders([...headers, ...root.headers])}\n${root.body}${root.body.endsWith("\n") ? "" : "\n"}`;
  return crlf ? text.replace(/\n/g, "\r\n") : text;
}
