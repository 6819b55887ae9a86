import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * A deterministic generator of realistic AR mail for the benchmark: plain
 * replies, HTML mails, mails with attachments (PDF, CSV, image), bounces and
 * auto-replies, in English, French and Dutch. Seeded, so every run measures the
 * same bytes.
 */

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const COMPANIES = ["Acme BV", "Dupont SARL", "Müller GmbH", "Northwind Ltd", "Van Dijk & Zn", "Lumière SA", "Globex NV", "Initech Ltd"];
const LINES = [
  "We will pay invoice {inv} on the 15th of next month.",
  "Nous réglerons la facture {inv} d'ici la fin du mois.",
  "Wij betalen factuur {inv} volgende week.",
  "Could you send us a copy of invoice {inv}? We never received it.",
  "Nous contestons le montant de la facture {inv} : le prix ne correspond pas au devis.",
  "Payment of {amt} EUR for invoice {inv} was made yesterday, see the remittance advice attached.",
  "Kunnen wij factuur {inv} in drie termijnen betalen?",
  "Please note our new billing address for all future invoices.",
  "What is the current balance on our account?",
  "Thank you for your reminder regarding invoice {inv}.",
];
const LOREM =
  "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. ";

// A valid one-page PDF with a line of text, built by hand: pdfkit per message
// would make generation slower than the thing being measured.
function tinyPdf(text: string): Buffer {
  const stream = `BT /F1 12 Tf 72 720 Td (${text.replace(/[()\\]/g, "")}) Tj ET`;
  const objs = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

const b64 = (b: Buffer) => b.toString("base64").replace(/.{76}/g, "$&\r\n");

/** The n-th message of a mailbox generated from `seed` (RFC 822, CRLF). */
export function generateMessage(n: number, seed = 42): Buffer {
  const r = rng(seed * 1_000_003 + n);
  const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)];
  const company = pick(COMPANIES);
  const slug = company.toLowerCase().replace(/[^a-z]/g, "");
  const inv = `INV-${2024}${String(Math.floor(r() * 90000) + 10000)}`;
  const amt = (r() * 20000 + 50).toFixed(2);
  const date = new Date(Date.UTC(2024, 0, 1) + Math.floor(r() * 365 * 86400_000)).toUTCString().replace("GMT", "+0000");
  const body = Array.from({ length: 2 + Math.floor(r() * 6) }, () => pick(LINES).replace("{inv}", inv).replace("{amt}", amt))
    .concat(LOREM.repeat(1 + Math.floor(r() * 8)))
    .join("\r\n\r\n");
  const head = (from: string, subject: string, extra = "") =>
    `Return-Path: <${from}>\r\nReceived: from mx.${slug}.example by mx.relance.test; ${date}\r\n` +
    `From: ${company} <${from}>\r\nTo: AR <ar@relance.test>\r\nSubject: ${subject}\r\nDate: ${date}\r\n` +
    `Message-ID: <bench-${seed}-${n}@${slug}.example>\r\nMIME-Version: 1.0\r\n${extra}`;
  const from = `ap${n % 50}@${slug}.example`;
  const kind = r();
  const boundary = `=_b${n}_${Math.floor(r() * 1e9)}`;
  const text = `Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n${body}\r\n`;
  let msg: string;
  if (kind < 0.4) {
    msg = head(from, `Re: ${inv}`) + `${text}`;
  } else if (kind < 0.65) {
    const html = `<html><body><p>${body.replace(/\r\n\r\n/g, "</p><p>")}</p><p><img src="https://tracker.${slug}.example/p.gif"></p></body></html>`;
    msg =
      head(from, `Invoice ${inv}`, `Content-Type: multipart/alternative; boundary="${boundary}"\r\n`) +
      `\r\n--${boundary}\r\n${text}\r\n--${boundary}\r\nContent-Type: text/html; charset=utf-8\r\n` +
      `Content-Transfer-Encoding: 8bit\r\n\r\n${html}\r\n--${boundary}--\r\n`;
  } else if (kind < 0.87) {
    const which = r();
    const [name, type, data] =
      which < 0.3
        ? [`remittance-${inv}.pdf`, "application/pdf", tinyPdf(`Remittance advice ${inv} amount ${amt} EUR`)]
        : which < 0.7
          ? [`open-items-${n}.csv`, "text/csv", Buffer.from(`invoice;amount\r\n${inv};${amt}\r\n`.repeat(20 + Math.floor(r() * 200)))]
          : [`scan-${n}.png`, "image/png", Buffer.from(Array.from({ length: 2000 + Math.floor(r() * 30000) }, () => Math.floor(r() * 256)))];
    msg =
      head(from, `Payment ${inv}`, `Content-Type: multipart/mixed; boundary="${boundary}"\r\n`) +
      `\r\n--${boundary}\r\n${text}\r\n--${boundary}\r\nContent-Type: ${type}; name="${name}"\r\n` +
      `Content-Disposition: attachment; filename="${name}"\r\nContent-Transfer-Encoding: base64\r\n\r\n${b64(data)}\r\n--${boundary}--\r\n`;
  } else if (kind < 0.95) {
    msg =
      head(`MAILER-DAEMON@mx.${slug}.example`, "Undelivered Mail Returned to Sender", `Auto-Submitted: auto-replied\r\nContent-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"\r\n`) +
      `\r\n--${boundary}\r\nContent-Type: text/plain\r\n\r\nI'm sorry to have to inform you that your message could not be delivered.\r\n` +
      `\r\n--${boundary}\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.${slug}.example\r\n\r\n` +
      `Final-Recipient: rfc822; ${from}\r\nAction: failed\r\nStatus: 5.1.1\r\nDiagnostic-Code: smtp; 550 5.1.1 User unknown\r\n` +
      `\r\n--${boundary}\r\nContent-Type: text/rfc822-headers\r\n\r\nFrom: AR <ar@relance.test>\r\nTo: ${from}\r\nSubject: Reminder ${inv}\r\n` +
      `\r\n--${boundary}--\r\n`;
  } else {
    msg =
      head(from, `Automatic reply: Reminder ${inv}`, "Auto-Submitted: auto-replied\r\nX-Autoreply: yes\r\n") +
      `Content-Type: text/plain; charset=utf-8\r\n\r\nI am out of the office until ${date.slice(5, 16)}. Je suis absent du bureau.\r\n`;
  }
  return Buffer.from(msg, "utf8");
}

/** Write `count` messages as .eml files (100 per sub-folder) and return the folder. */
export function writeEmlFolder(dir: string, count: number, seed = 42): string {
  for (let n = 0; n < count; n++) {
    const sub = path.join(dir, String(Math.floor(n / 100)).padStart(3, "0"));
    if (n % 100 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(path.join(sub, `${String(n).padStart(6, "0")}.eml`), generateMessage(n, seed));
  }
  return dir;
}
