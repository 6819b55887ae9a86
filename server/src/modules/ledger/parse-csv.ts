import { parse } from "csv-parse/sync";
import { IssueList, importRejected, zodIssues, issueAt } from "./issues.ts";
import { checkInvoice, DuplicateCheck, F, type NormDebtor, type NormLedger, type NormPayment, type ParsedFile } from "./normalized.ts";
import { openItemsColumns, openItemsRow, paymentColumns, paymentRow } from "./schemas.ts";

interface CsvRow {
  /** Line in the file where the record starts (the header is line 1 in a plain file). */
  line: number;
  /** Non-empty cells keyed by normalised header name. */
  cells: Record<string, string>;
}

/** The delimiter used most often in the header line, outside quotes: ERP exports in FR/BE/NL/DE use `;`. */
export function detectDelimiter(content: string): string {
  const header = content.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/).find((l) => l.trim()) ?? "";
  const counts: Record<string, number> = { ";": 0, ",": 0, "\t": 0 };
  let quoted = false;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch]++;
  }
  const [best, count] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
  return count > 0 ? best : ",";
}

const normaliseHeader = (h: string) => h.trim().toLowerCase().replace(/[\s-]+/g, "_");

/** Reads a CSV with a header, checking the columns; rejects the file on any structural problem. */
function readCsv(content: string, columns: { required: readonly string[]; optional: readonly string[] }) {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(content, {
      delimiter: detectDelimiter(content),
      record_delimiter: ["\r\n", "\n", "\r"],
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as unknown as typeof records; // csv-parse's types do not model `info: true`
  } catch (err) {
    const e = err as Error & { lines?: number };
    throw importRejected([{ line: e.lines ?? 1, message: `unreadable CSV: ${e.message}` }]);
  }
  const startLine = (r: { record: string[]; info: { lines: number } }) =>
    r.info.lines - r.record.reduce((n, cell) => n + (cell.match(/\r\n|\n|\r/g)?.length ?? 0), 0);
  if (!records.length) throw importRejected([{ line: 1, message: "the file is empty" }]);

  const [head, ...body] = records;
  const headerLine = startLine(head);
  const header = head.record.map(normaliseHeader);
  const known = new Set<string>([...columns.required, ...columns.optional]);
  const issues = new IssueList();
  const missing = columns.required.filter((c) => !header.includes(c));
  if (missing.length) {
    issues.add({
      line: headerLine,
      message: `missing required column(s) ${missing.join(", ")}; found: ${head.record.join(", ") || "(nothing)"}`,
    });
  }
  header.forEach((h, i) => {
    if (h && header.indexOf(h) !== i) issues.add({ line: headerLine, column: h, message: `column ${h} appears twice` });
  });
  issues.throwIfAny();
  const warnings = header.filter((h) => h && !known.has(h)).map((h) => `unknown column ${h} ignored`);

  const rows: CsvRow[] = [];
  for (const r of body) {
    if (issues.full) break;
    const line = startLine(r);
    const extra = r.record.slice(header.length).filter((c) => c !== "");
    if (r.record.length < header.length || extra.length) {
      issues.add({ line, message: `has ${r.record.length} fields, the header has ${header.length}` });
      continue;
    }
    const cells: Record<string, string> = {};
    header.forEach((h, i) => {
      if (known.has(h) && r.record[i] !== "") cells[h] = r.record[i];
    });
    rows.push({ line, cells });
  }
  if (!body.length) issues.add({ line: headerLine, message: "the file has a header but no data rows" });
  issues.throwIfAny();
  return { rows, warnings };
}

/**
 * Merges a value given again on a later row into the first one: the first
 * non-empty value wins, a different non-empty value is a conflict.
 */
function merge<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined, what: string, loc: { line: number }, column: string, issues: IssueList) {
  if (value === undefined) return;
  if (target[key] === undefined) target[key] = value;
  else if (target[key] !== value) {
    issues.add(issueAt(loc, { json: column, csv: column }, `${what}: ${JSON.stringify(value)} differs from ${JSON.stringify(target[key])} given earlier`));
  }
}

/** The open-items CSV export (columns in schemas.ts) to the normalised ledger. */
export function parseOpenItemsCsv(content: string): ParsedFile {
  const { rows, warnings } = readCsv(content, openItemsColumns);
  const issues = new IssueList();
  const ledger: NormLedger = { debtors: [], invoices: [], payments: [] };
  const debtors = new Map<string, NormDebtor>();
  const invoiceNumbers = new DuplicateCheck("invoice number", F.number);

  for (const { line, cells } of rows) {
    if (issues.full) break;
    const loc = { line };
    const parsed = openItemsRow.safeParse(cells);
    if (!parsed.success) {
      zodIssues(parsed.error, loc, cells).forEach((i) => issues.add(i));
      continue;
    }
    const r = parsed.data;
    let debtor = debtors.get(r.debtor_number);
    if (!debtor) {
      debtor = { number: r.debtor_number, name: r.debtor_name, contacts: [], loc };
      debtors.set(r.debtor_number, debtor);
      ledger.debtors.push(debtor);
    }
    const what = `debtor ${r.debtor_number}`;
    merge(debtor, "name", r.debtor_name, what, loc, "debtor_name", issues);
    merge(debtor, "language", r.language, what, loc, "language", issues);
    merge(debtor, "country", r.country, what, loc, "country", issues);
    merge(debtor, "vatNumber", r.vat_number, what, loc, "vat_number", issues);
    merge(debtor, "customerNumber", r.customer_number, what, loc, "customer_number", issues);
    merge(debtor, "tone", r.tone, what, loc, "tone", issues);
    merge(debtor, "groupName", r.group, what, loc, "group", issues);

    if (r.contact_email) {
      let contact = debtor.contacts.find((c) => c.email === r.contact_email);
      if (!contact) debtor.contacts.push((contact = { email: r.contact_email, loc }));
      const cwhat = `contact ${r.contact_email}`;
      merge(contact, "name", r.contact_name, cwhat, loc, "contact_name", issues);
      merge(contact, "role", r.contact_role, cwhat, loc, "contact_role", issues);
    } else if (r.contact_name) {
      warnings.push(`line ${line}: contact_name without contact_email ignored`);
    }

    if (!invoiceNumbers.check(r.invoice_number, loc, issues)) continue;
    ledger.invoices.push(
      checkInvoice(
        {
          number: r.invoice_number, debtor: r.debtor_number, kind: r.kind, issueDate: r.issue_date,
          dueDate: r.due_date, currency: r.currency, amount: r.amount, openAmount: r.open_amount, loc,
        },
        issues,
      ),
    );
  }
  issues.throwIfAny();
  return { ledger, warnings };
}

/** The payments CSV export to normalised payments. */
export function parsePaymentsCsv(content: string): { payments: NormPayment[]; warnings: string[] } {
  const { rows, warnings } = readCsv(content, paymentColumns);
  const issues = new IssueList();
  const refs = new DuplicateCheck("payment reference", F.reference);
  const payments: NormPayment[] = [];
  for (const { line, cells } of rows) {
    if (issues.full) break;
    const loc = { line };
    const parsed = paymentRow.safeParse(cells);
    if (!parsed.success) {
      zodIssues(parsed.error, loc, cells).forEach((i) => issues.add(i));
      continue;
    }
    const r = parsed.data;
    if (r.amount === 0) issues.add(issueAt(loc, F.amount, "a payment amount cannot be zero"));
    if (!refs.check(r.reference, loc, issues)) continue;
    payments.push({
      reference: r.reference, debtor: r.debtor_number, invoice: r.invoice_number, date: r.date,
      amount: r.amount, currency: r.currency, loc,
    });
  }
  issues.throwIfAny();
  return { payments, warnings };
}
