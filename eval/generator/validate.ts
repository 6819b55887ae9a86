/**
 * Checks a labelled set on disk against eval-set-format.md and intents.md:
 * ledger shape, one label per .eml, label vocabulary and fields, invoices that
 * belong to the labelled debtor, dates that fit the mail's Date header, and
 * that every message parses with mailparser and carries the core headers.
 */
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { INTENTS, LANGUAGES, DISPUTE_REASONS, DOCUMENT_TYPES, fieldsSchema } from "../../classifiers/intents.ts";
import { INTENT_FIELDS } from "../../classifiers/intents.ts";

export interface LabelLine {
  file: string;
  intent: string;
  debtor: string | null;
  language: string;
  invoices: string[];
  fields: Record<string, unknown>;
}

export interface SetReport {
  errors: string[];
  labels: LabelLine[];
  messageIds: string[];
  /** Local civil date of each mail's Date header, by file. */
  dates: Record<string, string>;
}

// The fields each intent may carry are the spec's table (intents.md), shared with the product.
const ALLOWED: Record<string, readonly string[]> = INTENT_FIELDS;
const REQUIRED: Record<string, string[]> = { dispute: ["reason"], document_request: ["document"], bounce: ["failedRecipient", "status", "permanent"] };

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const validIso = (s: unknown) => typeof s === "string" && ISO.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** The sender-local date written in a Date header ("Mon, 4 Nov 2024 10:12:33 +0100"). */
export function headerLocalDate(value: string): string | null {
  const m = /(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4})/.exec(value);
  if (!m) return null;
  const mon = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"].indexOf(m[2]) + 1;
  return `${m[3]}-${String(mon).padStart(2, "0")}-${m[1].padStart(2, "0")}`;
}

export async function validateSet(dir: string): Promise<SetReport> {
  const errors: string[] = [];
  const err = (m: string) => errors.push(`${dir}: ${m}`);
  const ledger = JSON.parse(readFileSync(join(dir, "ledger.json"), "utf8"));
  if (!ledger.company?.name || !Array.isArray(ledger.company?.domains) || !ledger.company?.arMailbox) err("ledger.company incomplete");
  const debtors = new Map<string, { contacts: Array<{ email: string }> }>();
  for (const d of ledger.debtors) {
    if (debtors.has(d.number)) err(`duplicate debtor ${d.number}`);
    if (!d.name || !d.language || !Array.isArray(d.contacts)) err(`debtor ${d.number} incomplete`);
    debtors.set(d.number, d);
  }
  const invoices = new Map<string, { debtor: string }>();
  for (const i of ledger.invoices) {
    if (invoices.has(i.number)) err(`duplicate invoice ${i.number}`);
    if (!debtors.has(i.debtor)) err(`invoice ${i.number} of unknown debtor`);
    if (typeof i.amount !== "number" || typeof i.openAmount !== "number" || !validIso(i.issueDate)) err(`invoice ${i.number} malformed`);
    invoices.set(i.number, i);
  }
  const lines = readFileSync(join(dir, "labels.jsonl"), "utf8").split("\n").filter(Boolean);
  const labels: LabelLine[] = lines.map((l) => JSON.parse(l));
  const files = readdirSync(join(dir, "emails")).filter((f) => f.endsWith(".eml")).sort();
  const labelled = labels.map((l) => l.file);
  if (JSON.stringify(labelled) !== JSON.stringify([...labelled].sort())) err("labels.jsonl not sorted by file");
  if (new Set(labelled).size !== labelled.length) err("duplicate label lines");
  if (JSON.stringify(files) !== JSON.stringify([...labelled].sort())) err("labels and emails/*.eml differ");
  const messageIds: string[] = [];
  const dates: Record<string, string> = {};
  for (const l of labels) {
    const where = `${l.file}`;
    const keys = Object.keys(l).sort().join(",");
    if (keys !== "debtor,fields,file,intent,invoices,language") err(`${where}: keys ${keys}`);
    if (!(INTENTS as readonly string[]).includes(l.intent)) err(`${where}: intent ${l.intent}`);
    if (!(LANGUAGES as readonly string[]).includes(l.language)) err(`${where}: language ${l.language}`);
    if (l.debtor !== null && !debtors.has(l.debtor)) err(`${where}: unknown debtor ${l.debtor}`);
    if (l.debtor === null && l.invoices.length > 0) err(`${where}: invoices without debtor`);
    for (const n of l.invoices) {
      if (!invoices.has(n)) err(`${where}: unknown invoice ${n}`);
      else if (invoices.get(n)!.debtor !== l.debtor) err(`${where}: invoice ${n} not of ${l.debtor}`);
    }
    if (["auto_reply", "bounce", "other"].includes(l.intent) && l.invoices.length) err(`${where}: ${l.intent} with invoices`);
    const allowed = ALLOWED[l.intent] ?? [];
    for (const k of Object.keys(l.fields)) if (!allowed.includes(k)) err(`${where}: field ${k} not for ${l.intent}`);
    for (const k of REQUIRED[l.intent] ?? []) if (!(k in l.fields)) err(`${where}: missing ${k}`);
    if (l.intent === "account_update" && Object.keys(l.fields).length === 0) err(`${where}: account_update without fields`);
    const parsed = fieldsSchema.strict().safeParse(l.fields);
    if (!parsed.success) err(`${where}: fields ${parsed.error.issues.map((i) => i.message).join("; ")}`);
    for (const k of ["promisedDate", "paidDate", "returnDate"]) if (k in l.fields && !validIso(l.fields[k])) err(`${where}: ${k} not a date`);
    if ("reason" in l.fields && !(DISPUTE_REASONS as readonly string[]).includes(String(l.fields.reason))) err(`${where}: reason`);
    if ("document" in l.fields && !(DOCUMENT_TYPES as readonly string[]).includes(String(l.fields.document))) err(`${where}: document`);
    if (l.intent === "bounce") {
      if (l.fields.permanent !== String(l.fields.status).startsWith("5")) err(`${where}: permanent does not match status`);
      if (l.debtor && !debtors.get(l.debtor)!.contacts.some((c) => c.email === l.fields.failedRecipient)) err(`${where}: failed recipient not a contact of ${l.debtor}`);
    }
    if (!existsSync(join(dir, "emails", l.file))) continue;
    const raw = readFileSync(join(dir, "emails", l.file));
    if (raw.toString("latin1").split(/\r?\n/).some((line) => line.length > 998)) err(`${where}: line over 998 octets`);
    try {
      const mail = await simpleParser(raw);
      for (const h of ["message-id", "date", "from", "to", "subject"]) if (!mail.headers.has(h)) err(`${where}: no ${h} header`);
      if (!mail.text && !mail.html) err(`${where}: no readable body`);
      if (mail.messageId) messageIds.push(mail.messageId);
      // A reply threaded on one of our reminders belongs to the debtor that reminder was for.
      const thread = /<relance\.(D\d+)\./.exec(String(mail.inReplyTo ?? ""));
      if (thread && l.debtor !== null && thread[1] !== l.debtor) err(`${where}: threaded on ${thread[1]} but labelled ${l.debtor}`);
      const dateLine = raw.toString("latin1").match(/^Date: (.+)$/m)?.[1] ?? "";
      const local = headerLocalDate(dateLine);
      if (!local) err(`${where}: unreadable Date`);
      else {
        dates[l.file] = local;
        if (typeof l.fields.promisedDate === "string" && l.fields.promisedDate <= local) err(`${where}: promise not in the future`);
        if (typeof l.fields.paidDate === "string" && l.fields.paidDate > local) err(`${where}: payment in the future`);
        if (typeof l.fields.returnDate === "string" && l.fields.returnDate <= local) err(`${where}: return date not in the future`);
      }
    } catch (e) {
      err(`${where}: mailparser failed: ${(e as Error).message}`);
    }
  }
  return { errors, labels, messageIds, dates };
}

/** "intent × language" table as text, for build output and READMEs. */
export function countTable(labels: LabelLine[]): string {
  const langs = ["fr", "nl", "de", "en"];
  const rows = INTENTS.map((intent) => {
    const of = labels.filter((l) => l.intent === intent);
    return `| \`${intent}\` | ${of.length} | ${langs.map((g) => of.filter((l) => l.language === g).length).join(" | ")} |`;
  });
  const total = `| **total** | ${labels.length} | ${langs.map((g) => labels.filter((l) => l.language === g).length).join(" | ")} |`;
  return ["| intent | emails | fr | nl | de | en |", "| --- | --- | --- | --- | --- | --- |", ...rows, total].join("\n");
}
