import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { freshContext } from "../../../../tests/helpers/context.ts";
import type { AppContext } from "../../context.ts";
import { AppError } from "../../errors.ts";
import type { ImportIssue } from "./issues.ts";
import { importLedger, importPayments, type ImportFormat } from "./service.ts";
import { fixture, ledgerSnapshot } from "./test-support.ts";

/**
 * Every kind of bad file is rejected whole, names the line / path and the
 * reason, and leaves the database exactly as it was. The database already holds
 * the fixtures so that "nothing written" also covers updates, not only inserts.
 */
let ctx: AppContext;
beforeAll(async () => {
  ctx = await freshContext();
  await importLedger({ ctx, input: { format: "json", content: fixture("ledger.json") } });
  await importLedger({ ctx, input: { format: "csv", content: fixture("open-items-semicolon.csv") } });
});
afterAll(() => ctx.database.close());

async function rejected(kind: "ledger" | "payments", format: ImportFormat, content: string): Promise<ImportIssue[]> {
  const before = await ledgerSnapshot(ctx);
  const run = kind === "ledger" ? importLedger : importPayments;
  const error = await run({ ctx, input: { format, content } }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("VALIDATION");
  expect((error as AppError).message).toMatch(/^Import rejected, nothing was written/);
  expect(await ledgerSnapshot(ctx)).toEqual(before);
  return ((error as AppError).details as { issues: ImportIssue[] }).issues;
}

const ledger = () => JSON.parse(fixture("ledger.json"));
const csv = fixture("open-items-semicolon.csv").replace(/^\uFEFF/, "");
const csvLines = csv.trimEnd().split("\n");
const withLine = (n: number, line: string) => csvLines.map((l, i) => (i === n - 1 ? line : l)).join("\n");

describe("rejected JSON ledgers", () => {
  it("names an unknown debtor by JSON path", async () => {
    const file = ledger();
    file.debtors[0].name = "Renamed in a file that will be rejected";
    file.invoices[3].debtor = "C9999";
    expect(await rejected("ledger", "json", JSON.stringify(file))).toEqual([
      { path: "invoices[3].debtor", message: 'unknown debtor "C9999"' },
    ]);
  });

  it("names a bad e-mail deep in a debtor", async () => {
    const file = ledger();
    file.debtors[3].contacts = [{ email: "not an email" }];
    expect(await rejected("ledger", "json", JSON.stringify(file))).toEqual([
      { path: "debtors[3].contacts[0].email", message: "not a valid e-mail address" },
    ]);
  });

  it("lists every problem: duplicates, bad dates, bad amounts, missing fields", async () => {
    const file = ledger();
    file.invoices.push({ ...file.invoices[0] });
    file.invoices[1].issueDate = "2024-02-30";
    file.invoices[2].amount = "12,3,4";
    file.invoices[3].amount = 10.005;
    delete file.invoices[4].number;
    file.debtors.push({ number: "C1001", name: "Twice" });
    const issues = await rejected("ledger", "json", JSON.stringify(file));
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: "invoices[1].issueDate", message: 'not a valid calendar date: "2024-02-30"' },
        { path: "invoices[2].amount", message: expect.stringMatching(/^not an amount/) },
        { path: "invoices[3].amount", message: "amount has more than 2 decimals: 10.005" },
        { path: "invoices[4].number", message: "is required" },
      ]),
    );
    // Duplicates are found once the shapes are right.
    const dup = ledger();
    dup.invoices.push({ ...dup.invoices[0] });
    dup.debtors.push({ number: "C1001", name: "Twice" });
    expect(await rejected("ledger", "json", JSON.stringify(dup))).toEqual([
      { path: "debtors[4].number", message: 'duplicate debtor number "C1001" (first at debtors[0])' },
      { path: "invoices[7].number", message: 'duplicate invoice number "F2024-0113" (first at invoices[0])' },
    ]);
  });

  it("refuses amounts that contradict the kind, open amounts above the amount, due before issue", async () => {
    const file = ledger();
    file.invoices[0].kind = "credit_note";
    file.invoices[1].kind = "invoice";
    file.invoices[1].amount = -500;
    file.invoices[1].openAmount = -200;
    file.invoices[3].openAmount = 15000.01;
    file.invoices[4].dueDate = "2024-11-01";
    expect(await rejected("ledger", "json", JSON.stringify(file))).toEqual([
      { path: "invoices[0].amount", message: "a credit note must have a negative amount" },
      { path: "invoices[1].amount", message: "an invoice cannot have a negative amount (use kind credit_note)" },
      { path: "invoices[3].openAmount", message: "the open amount is larger than the amount" },
      { path: "invoices[4].dueDate", message: "due date 2024-11-01 is before issue date 2024-12-01" },
    ]);
  });

  it("names the line of malformed JSON", async () => {
    const issues = await rejected("ledger", "json", '{\n  "debtors": [\n    { "number": "X1", },\n  ]\n}');
    expect(issues).toHaveLength(1);
    expect(issues[0].line).toBe(3);
    expect(issues[0].message).toMatch(/^malformed JSON/);
  });

  it("refuses a JSON file of the wrong shape and an empty ledger", async () => {
    expect(await rejected("ledger", "json", "[1, 2]")).toEqual([{ path: "", message: "Invalid input: expected object, received array" }]);
    expect(await rejected("ledger", "json", "{}")).toEqual([{ path: "", message: "the file contains no company, debtors, invoices or payments" }]);
    expect(await rejected("ledger", "json", '{"debtors": {"number": "C1"}}')).toEqual([
      { path: "debtors", message: "Invalid input: expected array, received object" },
    ]);
  });
});

describe("rejected CSV open-items files", () => {
  it("names missing columns on the header line", async () => {
    const noAmount = csv.replace(";amount;open_amount", ";total;open_amount");
    expect(await rejected("ledger", "csv", noAmount)).toEqual([
      { line: 1, message: expect.stringMatching(/^missing required column\(s\) amount; found: debtor_number, debtor_name/) },
    ]);
    expect(await rejected("ledger", "csv", fixture("payments.csv"))).toEqual([
      { line: 1, message: expect.stringMatching(/^missing required column\(s\) debtor_name, issue_date; found: reference, debtor_number/) },
    ]);
  });

  it("names the line and column of a bad amount and a bad date", async () => {
    const bad = withLine(3, csvLines[2].replace("2.500,00;1.000,00", "2.500,00;1.000,0O")).replace("05.09.2024", "31.09.2024");
    expect(await rejected("ledger", "csv", bad)).toEqual([
      { line: 3, column: "open_amount", message: 'not an amount: "1.000,0O"' },
      { line: 5, column: "issue_date", message: 'not a valid calendar date: "31.09.2024"' },
    ]);
  });

  it("names duplicate invoice numbers and conflicting debtor data", async () => {
    const dup = `${csv.trimEnd()}\n${csvLines[1].replace("Boucherie Lefèvre", "Boucherie Lefevre SA")}\n`;
    expect(await rejected("ledger", "csv", dup)).toEqual([
      { line: 7, column: "debtor_name", message: 'debtor D2001: "Boucherie Lefevre SA" differs from "Boucherie Lefèvre" given earlier' },
      { line: 7, column: "invoice_number", message: 'duplicate invoice number "FAC-2024-1001" (first at line 2)' },
    ]);
  });

  it("names rows with the wrong number of fields and unreadable quoting", async () => {
    expect(await rejected("ledger", "csv", withLine(4, "D2001;Boucherie Lefèvre;fr"))).toEqual([
      { line: 4, message: "has 3 fields, the header has 14" },
    ]);
    const issues = await rejected("ledger", "csv", withLine(3, csvLines[2].replace("Marie Lefèvre (privé)", '"Marie" Lefèvre')));
    expect(issues[0].message).toMatch(/^unreadable CSV/);
    expect(issues[0].line).toBe(3);
  });

  it("counts lines as in the file when a quoted field spans lines", async () => {
    const header = "debtor_number,debtor_name,invoice_number,issue_date,amount\n";
    const content = `${header}X1,"Two\nline name",X-1,2024-01-01,10\n\nX1,"Two\nline name",X-2,2024-13-01,10\n`;
    expect(await rejected("ledger", "csv", content)).toEqual([
      { line: 5, column: "issue_date", message: 'not a valid calendar date: "2024-13-01"' },
    ]);
  });

  it("refuses empty files and files with only a header", async () => {
    expect(await rejected("ledger", "csv", "")).toEqual([{ line: 1, message: "the file is empty" }]);
    expect(await rejected("ledger", "csv", csvLines[0])).toEqual([{ line: 1, message: "the file has a header but no data rows" }]);
  });
});

describe("rejected payments files", () => {
  const header = "reference;debtor_number;invoice_number;date;amount;currency\n";
  it.each([
    ["an unknown invoice", "P1;D2001;FAC-9999;01/12/2024;10;EUR", { column: "invoice_number", message: 'unknown invoice "FAC-9999"' }],
    ["an unknown debtor", "P1;D9999;;01/12/2024;10;EUR", { column: "debtor_number", message: 'unknown debtor "D9999"' }],
    ["another debtor's invoice", "P1;D2002;FAC-2024-1001;01/12/2024;10;EUR", { column: "invoice_number", message: "invoice FAC-2024-1001 belongs to debtor D2001, not D2002" }],
    ["a currency other than the invoice's", "P1;D2001;FAC-2024-1001;01/12/2024;10;USD", { column: "currency", message: "currency USD differs from invoice FAC-2024-1001 (EUR)" }],
    ["a zero amount", "P1;D2001;FAC-2024-1001;01/12/2024;0,00;EUR", { column: "amount", message: "a payment amount cannot be zero" }],
    ["a missing date", "P1;D2001;FAC-2024-1001;;10;EUR", { column: "date", message: "is required" }],
  ])("names %s", async (_what, row, issue) => {
    const ok = "P0;D2001;FAC-2024-1001;01/12/2024;1,00;EUR";
    expect(await rejected("payments", "csv", `${header}${ok}\n${row}\n`)).toEqual([{ line: 3, ...issue }]);
  });

  it("names a duplicate reference and JSON paths of a bare array", async () => {
    expect(await rejected("payments", "csv", `${header}P1;D2001;;01/12/2024;10;EUR\nP1;D2001;;02/12/2024;10;EUR\n`)).toEqual([
      { line: 3, column: "reference", message: 'duplicate payment reference "P1" (first at line 2)' },
    ]);
    const bare = [{ reference: "P1", debtor: "D2001", date: "2024-12-01", amount: 10 }, { reference: "P2", debtor: "D2001", date: "soon", amount: 10 }];
    expect(await rejected("payments", "json", JSON.stringify(bare))).toEqual([
      { path: "[1].date", message: expect.stringMatching(/^not a date/) },
    ]);
    expect(await rejected("payments", "json", JSON.stringify({ payments: [] }))).toEqual([{ path: "", message: "the file contains no payments" }]);
  });
});
