import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { AppContext } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { checkReferences, loadKnown, lockImports } from "./known.ts";
import type { NormLedger, ParsedFile } from "./normalized.ts";
import { parseOpenItemsCsv, parsePaymentsCsv } from "./parse-csv.ts";
import { parseLedgerJson, parsePaymentsJson } from "./parse-json.ts";
import type { ImportReport } from "./schemas.ts";
import { writeCompany, writeDebtors, writeInvoices } from "./write-ledger.ts";
import { writePayments } from "./write-payments.ts";

/** Largest import accepted (an open-items CSV of ~150k rows); the HTTP route applies the same cap to the body. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export type ImportFormat = "json" | "csv";
export interface ImportInput {
  format: ImportFormat;
  content: string;
}

/** Emitted on ctx.events after the import transaction committed. */
export interface PaymentsImportedEvent {
  paymentIds: number[];
}

const emptyCounts = () => ({ created: 0, updated: 0, unchanged: 0 });
function newReport(kind: ImportReport["kind"], format: ImportFormat, warnings: string[]): ImportReport {
  return {
    kind, format, company: "absent",
    debtors: emptyCounts(), contacts: emptyCounts(), invoices: emptyCounts(), payments: emptyCounts(),
    paymentIds: [], warnings,
  };
}

function checkSize(content: string) {
  if (Buffer.byteLength(content, "utf8") > MAX_IMPORT_BYTES) {
    throw new AppError("PAYLOAD_TOO_LARGE", `Import larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB`);
  }
}

/**
 * Parses and checks the whole file first, then writes it in one transaction:
 * a file with any problem is rejected whole and nothing is written.
 */
async function run(ctx: AppContext, kind: ImportReport["kind"], format: ImportFormat, parsed: ParsedFile) {
  const { ledger, warnings } = parsed;
  const report = await ctx.db.transaction(async (tx) => {
    await lockImports(tx);
    const known = await loadKnown(tx, ledger);
    checkReferences(ledger, known);
    const report = newReport(kind, format, warnings);
    await writeCompany(tx, ledger.company, known, report);
    const debtorIds = await writeDebtors(tx, ledger, known, report);
    const written = await writeInvoices(tx, ledger, debtorIds, known, report);
    const invoices = new Map([...known.invoices].map(([n, i]) => [n, { id: i.id, debtorId: i.debtorId, currency: i.currency }]));
    for (const [n, i] of written) invoices.set(n, i);
    const fixedInvoiceIds = new Set([...written.values()].map((i) => i.id));
    await writePayments(tx, ledger.payments, known, { debtorIds, invoices, fixedInvoiceIds }, report);
    return report;
  });
  ctx.log.info("ledger import", {
    kind, format, debtors: report.debtors, invoices: report.invoices, payments: report.payments,
  });
  if (report.paymentIds.length) {
    ctx.events.emit("payments.imported", { paymentIds: report.paymentIds } satisfies PaymentsImportedEvent);
  }
  ctx.events.emit("ledger.imported", report);
  return report;
}

/** Imports a ledger: the JSON shape of eval-set-format.md or the open-items CSV (see schemas.ts). */
export async function importLedger({ ctx, input }: { ctx: AppContext; input: ImportInput }): Promise<ImportReport> {
  checkSize(input.content);
  const parsed = input.format === "json" ? parseLedgerJson(input.content) : parseOpenItemsCsv(input.content);
  return run(ctx, "ledger", input.format, parsed);
}

/** Imports payments (JSON or CSV, see schemas.ts), updating the open amount and status of the invoices they settle. */
export async function importPayments({ ctx, input }: { ctx: AppContext; input: ImportInput }): Promise<ImportReport> {
  checkSize(input.content);
  const { payments, warnings } = input.format === "json" ? parsePaymentsJson(input.content) : parsePaymentsCsv(input.content);
  const ledger: NormLedger = { debtors: [], invoices: [], payments };
  return run(ctx, "payments", input.format, { ledger, warnings });
}

export function formatFromPath(file: string): ImportFormat {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".json") return "json";
  if (ext === ".csv" || ext === ".txt" || ext === ".tsv") return "csv";
  throw new AppError("BAD_REQUEST", `Cannot tell the format of ${file}: use a .json or .csv file`);
}

/** For the CLI: import a ledger (or, with kind "payments", a payments file) from disk; format by extension. */
export async function importLedgerFile({ ctx, input }: { ctx: AppContext; input: { path: string; kind?: "ledger" | "payments" } }) {
  const format = formatFromPath(input.path);
  const info = await stat(input.path).catch(() => {
    throw new AppError("NOT_FOUND", `No file ${input.path}`);
  });
  if (info.size > MAX_IMPORT_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", `${input.path} is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB`);
  const content = await readFile(input.path, "utf8");
  const importer = input.kind === "payments" ? importPayments : importLedger;
  return importer({ ctx, input: { format, content } });
}
