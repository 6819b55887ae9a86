/** Turns a composed mail into RFC 5322 text with the MIME shape of its client. */
import type { Rng } from "./prng.ts";
import { address, binaryPart, encodeWord, multipart, renderMessage, textPart, type Charset, type Cte, type Part } from "./mime.ts";
import { rfcDate, type Stamp } from "./dates.ts";

export type Client = "gmail" | "outlook" | "apple" | "thunderbird" | "webmail";

export interface Attachment {
  filename: string;
  contentType: string;
  bytes: Buffer;
}

export interface MailSpec {
  from: { name: string | null; email: string };
  to: Array<{ name: string | null; email: string }>;
  cc?: Array<{ name: string | null; email: string }>;
  subject: string;
  stamp: Stamp;
  messageId: string;
  inReplyTo?: string;
  references?: string[];
  extraHeaders?: Array<[string, string]>;
  plain: string | null;
  html: string | null;
  charset: Charset;
  cte: Cte;
  attachments?: Attachment[];
  crlf?: boolean;
  client: Client;
  subjectMode?: "B" | "Q";
  /** Outlook states the composer's language. */
  contentLanguage?: string;
}

export function messageId(client: Client, domain: string, rng: Rng): string {
  switch (client) {
    case "gmail": return `<CA${rng.pick(["+", "J", "F", "K"])}${rng.hex(10)}${rng.hex(10).toUpperCase()}${rng.hex(8)}@mail.gmail.com>`;
    case "outlook": return `<${rng.pick(["AM0PR", "DB9PR", "PAXPR", "VI1PR", "AS8PR"])}0${rng.int(1, 9)}MB${rng.int(1000, 9999)}${rng.hex(4).toUpperCase()}${rng.hex(20).toUpperCase()}@${rng.pick(["EURPRD01", "EURPRD02", "EURPRD04"])}.prod.exchangelabs.com>`;
    case "apple": return `<${rng.hex(8).toUpperCase()}-${rng.hex(4).toUpperCase()}-${rng.hex(4).toUpperCase()}-${rng.hex(4).toUpperCase()}-${rng.hex(12).toUpperCase()}@${domain}>`;
    case "thunderbird": return `<${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}@${domain}>`;
    default: return `<${rng.int(1700000000, 1759999999)}.${rng.hex(16)}@${domain}>`;
  }
}

function boundary(client: Client, rng: Rng): string {
  switch (client) {
    case "gmail": return `0000000000${rng.hex(16)}`;
    case "outlook": return `_000_${rng.hex(24).toUpperCase()}_`;
    case "apple": return `Apple-Mail=_${rng.hex(8).toUpperCase()}-${rng.hex(4).toUpperCase()}-${rng.hex(4).toUpperCase()}-${rng.hex(12).toUpperCase()}`;
    case "thunderbird": return `------------${rng.hex(24)}`;
    default: return `----=_Part_${rng.int(100000, 999999)}_${rng.int(100000000, 999999999)}.${rng.int(1700000000000, 1759999999999)}`;
  }
}

const AGENT: Record<Client, [string, string] | null> = {
  gmail: null,
  outlook: ["X-Mailer", "Microsoft Outlook 16.0"],
  apple: ["X-Mailer", "iPhone Mail (21H16)"],
  thunderbird: ["User-Agent", "Mozilla Thunderbird"],
  webmail: ["X-Mailer", "Zimbra 9.0.0_GA_4546 (ZimbraWebClient - FF128)"],
};

export function renderMail(spec: MailSpec, rng: Rng): string {
  const leaves: Part[] = [];
  if (spec.plain !== null) leaves.push(textPart(spec.plain, "plain", spec.charset, spec.cte, spec.client === "apple" && !spec.html ? "; format=flowed" : ""));
  if (spec.html !== null) leaves.push(textPart(spec.html, "html", spec.charset, spec.cte === "8bit" ? "quoted-printable" : spec.cte));
  let root: Part = leaves.length === 2 ? multipart("alternative", leaves, boundary(spec.client, rng)) : leaves[0];
  if (spec.attachments?.length) {
    root = multipart("mixed", [root, ...spec.attachments.map((a) => binaryPart(a.bytes, a.contentType, a.filename))], boundary(spec.client, rng));
  }
  const headers: Array<[string, string]> = [];
  const domain = spec.from.email.split("@")[1];
  headers.push(["Received", `from ${rng.pick(["mail", "smtp", "out", "mx"])}${rng.int(1, 9)}.${domain.endsWith(".example") ? domain : "provider.example"} (${rng.pick(["[192.0.2.", "[198.51.100.", "[203.0.113."])}${rng.int(2, 250)}])\n\tby mx.brouwer-lefevre.example with ESMTPS id ${rng.hex(12).toUpperCase()}; ${rfcDate(spec.stamp)}`]);
  headers.push(["From", address(spec.from.name, spec.from.email, spec.subjectMode)]);
  headers.push(["To", spec.to.map((t) => address(t.name, t.email)).join(", ")]);
  if (spec.cc?.length) headers.push(["Cc", spec.cc.map((t) => address(t.name, t.email)).join(", ")]);
  headers.push(["Subject", encodeWord(spec.subject, spec.subjectMode ?? "Q", spec.charset === "iso-8859-1" ? "iso-8859-1" : "utf-8")]);
  headers.push(["Date", rfcDate(spec.stamp)]);
  headers.push(["Message-ID", spec.messageId]);
  if (spec.inReplyTo) headers.push(["In-Reply-To", spec.inReplyTo]);
  if (spec.references?.length) headers.push(["References", spec.references.join(" ")]);
  const agent = AGENT[spec.client];
  if (agent) headers.push(agent);
  if (spec.client === "outlook" && spec.contentLanguage) headers.push(["Content-Language", spec.contentLanguage]);
  headers.push(...(spec.extraHeaders ?? []));
  headers.push(["MIME-Version", "1.0"]);
  return renderMessage(headers, root, spec.crlf);
}
