import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, inArray } from "drizzle-orm";
import { freshContext } from "../../../../tests/helpers/context.ts";
import type { AppContext } from "../../context.ts";
import { debtors } from "../../db/schema/debtors.ts";
import { contacts } from "../../db/schema/contacts.ts";
import { invoices } from "../../db/schema/invoices.ts";
import { payments } from "../../db/schema/payments.ts";
import { company } from "../../db/schema/company.ts";
import { importLedger, importLedgerFile, importPayments, MAX_IMPORT_BYTES, type PaymentsImportedEvent } from "./service.ts";
import { fixture, FIXTURES, ledgerSnapshot } from "./test-support.ts";

const invoice = async (ctx: AppContext, number: string) => (await ctx.db.select().from(invoices).where(eq(invoices.number, number)))[0];
const debtor = async (ctx: AppContext, number: string) => (await ctx.db.select().from(debtors).where(eq(debtors.number, number)))[0];
const zero = { created: 0, updated: 0, unchanged: 0 };

describe("JSON ledger import", () => {
  let ctx: AppContext;
  const events: PaymentsImportedEvent[] = [];
  beforeAll(async () => {
    ctx = await freshContext();
    ctx.events.on("payments.imported", (e: PaymentsImportedEvent) => events.push(e));
  });
  afterAll(() => ctx.database.close());

  it("loads company, debtors, contacts, invoices, credit notes and payments", async () => {
    const report = await importLedger({ ctx, input: { format: "json", content: fixture("ledger.json") } });
    expect(report).toMatchObject({
      kind: "ledger", format: "json", company: "created",
      debtors: { created: 4, updated: 0, unchanged: 0 },
      contacts: { created: 6, updated: 0, unchanged: 0 },
      invoices: { created: 7, updated: 0, unchanged: 0 },
      payments: { created: 1, updated: 0, unchanged: 0 },
      warnings: [],
    });
    expect(report.paymentIds).toHaveLength(1);
    expect(events).toEqual([{ paymentIds: report.paymentIds }]);

    const [co] = await ctx.db.select().from(company);
    expect(co).toMatchObject({ name: "Acme Supplies BV", domains: ["acme-supplies.example"], arMailbox: "ar@acme-supplies.example" });

    const martin = await debtor(ctx, "C1001");
    expect(martin).toMatchObject({ language: "fr", country: "FR", vatNumber: "FR12345678901", tone: "friendly" });
    // gmail.com is free mail: never a debtor domain.
    expect(martin.domains).toEqual(["boulangerie-martin.example"]);
    const emails = (await ctx.db.select().from(contacts).where(eq(contacts.debtorId, martin.id))).map((c) => c.email).sort();
    expect(emails).toEqual(["compta@boulangerie-martin.example", "jean.martin.boulangerie@gmail.com"]);

    // Our own domain (acme-supplies.example) is excluded even when listed as a contact.
    const vanDijk = await debtor(ctx, "C1002");
    expect(vanDijk).toMatchObject({ customerNumber: "VD-77", groupName: "Van Dijk Groep", tone: "friendly" });
    expect(vanDijk.domains).toEqual(["vandijk-groep.example", "vandijkbouw.example"]);
    expect((await debtor(ctx, "C1003")).tone).toBe("firm");
    expect((await debtor(ctx, "C1004")).domains).toEqual([]);

    expect(await invoice(ctx, "RE-2024/301")).toMatchObject({ numberKey: "2024301", amount: "4200.00", status: "open" });
    expect(await invoice(ctx, "AV2024-0007")).toMatchObject({ kind: "credit_note", amount: "-80.50", openAmount: "-80.50", dueDate: null });
    // The file states the open amount after its own payment: the payment must not count twice.
    expect(await invoice(ctx, "F2024-0150")).toMatchObject({ openAmount: "200.00", status: "partially_paid" });
    expect(await invoice(ctx, "F2024-0202")).toMatchObject({ currency: "EUR", openAmount: "0.00", status: "paid" });
    // No openAmount in the file: the whole amount is open.
    expect(await invoice(ctx, "INV-2024-0042")).toMatchObject({ currency: "GBP", openAmount: "750.25", status: "open" });
    const [pay] = await ctx.db.select().from(payments);
    expect(pay).toMatchObject({ reference: "BANK-2024-12-001", amount: "300.00", paidOn: "2024-12-02", currency: "EUR" });
    expect(pay.invoiceId).toBe((await invoice(ctx, "F2024-0150")).id);
  });

  it("changes nothing when the same file is imported again", async () => {
    const before = await ledgerSnapshot(ctx);
    const report = await importLedger({ ctx, input: { format: "json", content: fixture("ledger.json") } });
    expect(report).toMatchObject({
      company: "unchanged",
      debtors: { created: 0, updated: 0, unchanged: 4 },
      contacts: { created: 0, updated: 0, unchanged: 6 },
      invoices: { created: 0, updated: 0, unchanged: 7 },
      payments: { created: 0, updated: 0, unchanged: 1 },
      paymentIds: [],
    });
    expect(await ledgerSnapshot(ctx)).toEqual(before);
    expect(events).toHaveLength(1);
  });

  it("updates by number, keeps fields the file leaves out and reports what changed", async () => {
    const file = JSON.parse(fixture("ledger.json"));
    file.debtors[0].name = "Boulangerie Martin & Fils SARL";
    delete file.debtors[0].vatNumber;
    file.debtors[0].contacts[0].email = "COMPTA@boulangerie-martin.example"; // same contact, other case
    file.debtors[0].contacts.push({ email: "direction@martin-holding.example", name: "Direction" });
    file.invoices[0].openAmount = 234.56;
    delete file.invoices[6].dueDate;
    const report = await importLedger({ ctx, input: { format: "json", content: JSON.stringify(file) } });
    expect(report).toMatchObject({
      debtors: { created: 0, updated: 1, unchanged: 3 },
      contacts: { created: 1, updated: 0, unchanged: 6 },
      invoices: { created: 0, updated: 1, unchanged: 6 },
    });
    const martin = await debtor(ctx, "C1001");
    expect(martin).toMatchObject({ name: "Boulangerie Martin & Fils SARL", vatNumber: "FR12345678901" });
    expect(martin.domains).toEqual(["boulangerie-martin.example", "martin-holding.example"]);
    expect(await invoice(ctx, "F2024-0113")).toMatchObject({ openAmount: "234.56", status: "partially_paid" });
    expect((await invoice(ctx, "INV-2024-0042")).dueDate).toBe("2025-01-09");
  });

  it("refuses content over the size cap without parsing it", async () => {
    const content = " ".repeat(MAX_IMPORT_BYTES + 1);
    await expect(importLedger({ ctx, input: { format: "json", content } })).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
  });

  it("imports a file from disk, the format told by its extension", async () => {
    const report = await importLedgerFile({ ctx, input: { path: path.join(FIXTURES, "ledger.json") } });
    expect(report.format).toBe("json");
    expect(report.debtors.created).toBe(0);
    await expect(importLedgerFile({ ctx, input: { path: path.join(FIXTURES, "nope.xlsx") } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(importLedgerFile({ ctx, input: { path: path.join(FIXTURES, "missing.csv") } })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("CSV open-items and payments import", () => {
  let ctx: AppContext;
  const events: PaymentsImportedEvent[] = [];
  beforeAll(async () => {
    ctx = await freshContext();
    ctx.events.on("payments.imported", (e: PaymentsImportedEvent) => events.push(e));
  });
  afterAll(() => ctx.database.close());

  it("reads a `;` export with decimal commas, day-first dates and a BOM", async () => {
    const report = await importLedger({ ctx, input: { format: "csv", content: fixture("open-items-semicolon.csv") } });
    expect(report).toMatchObject({
      company: "absent",
      debtors: { created: 3, updated: 0, unchanged: 0 },
      contacts: { created: 4, updated: 0, unchanged: 0 },
      invoices: { created: 5, updated: 0, unchanged: 0 },
      payments: zero,
    });
    const lefevre = await debtor(ctx, "D2001");
    expect(lefevre).toMatchObject({ name: "Boucherie Lefèvre", language: "fr", country: "BE", vatNumber: "BE0123456789" });
    expect(lefevre.domains).toEqual(["boucherie-lefevre.example"]); // skynet.be is an ISP mailbox
    expect((await debtor(ctx, "D2002")).name).toBe("Bakkerij De Smet; Zonen");
    expect(await invoice(ctx, "FAC-2024-1001")).toMatchObject({
      amount: "1234.56", openAmount: "1234.56", issueDate: "2024-10-01", dueDate: "2024-10-31", numberKey: "20241001", status: "open",
    });
    expect(await invoice(ctx, "FAC-2024-1002")).toMatchObject({ amount: "2500.00", openAmount: "1000.00", status: "partially_paid" });
    expect(await invoice(ctx, "NC-2024-0009")).toMatchObject({ kind: "credit_note", amount: "-150.00", dueDate: null });
    expect(await invoice(ctx, "FAC-2024-1003")).toMatchObject({ kind: "invoice", amount: "12345.60", issueDate: "2024-09-05" });
    expect(await invoice(ctx, "FAC-2024-1004")).toMatchObject({ kind: "invoice", openAmount: "0.00", status: "paid" });
  });

  it("reads a `,` export with quoted commas and thousands separators", async () => {
    const report = await importLedger({ ctx, input: { format: "csv", content: fixture("open-items-comma.csv") } });
    expect(report.invoices.created).toBe(3);
    expect((await debtor(ctx, "E3001")).name).toBe("Harbour Foods, Inc.");
    expect(await invoice(ctx, "US-1001")).toMatchObject({ currency: "USD", amount: "1250.00" });
    const [liam] = await ctx.db.select().from(contacts).where(eq(contacts.email, "accounts@kensington-print.example"));
    expect(liam.name).toBe("O'Brien, Liam");
  });

  it("re-importing the CSV changes nothing", async () => {
    const before = await ledgerSnapshot(ctx);
    const report = await importLedger({ ctx, input: { format: "csv", content: fixture("open-items-semicolon.csv") } });
    expect(report).toMatchObject({ debtors: { unchanged: 3 }, contacts: { unchanged: 4 }, invoices: { unchanged: 5, updated: 0, created: 0 } });
    expect(await ledgerSnapshot(ctx)).toEqual(before);
  });

  it("applies payments to open amounts and statuses, then emits payments.imported", async () => {
    const report = await importPayments({ ctx, input: { format: "csv", content: fixture("payments.csv") } });
    expect(report).toMatchObject({ kind: "payments", payments: { created: 3, updated: 0, unchanged: 0 }, invoices: { updated: 2 } });
    expect(events).toEqual([{ paymentIds: report.paymentIds }]);
    expect(report.paymentIds).toHaveLength(3);
    expect(await invoice(ctx, "FAC-2024-1001")).toMatchObject({ openAmount: "1000.00", status: "partially_paid" });
    expect(await invoice(ctx, "FAC-2024-1002")).toMatchObject({ openAmount: "0.00", status: "paid" });
    const [unallocated] = await ctx.db.select().from(payments).where(eq(payments.reference, "PAY-0003"));
    expect(unallocated).toMatchObject({ invoiceId: null, amount: "50.00", paidOn: "2024-12-12" });
  });

  it("emits payments.imported after the commit: a listener already sees the payments", async () => {
    const seen: Promise<number>[] = [];
    const listener = (e: PaymentsImportedEvent) => {
      seen.push(ctx.db.select().from(payments).where(inArray(payments.id, e.paymentIds)).then((rows) => rows.length));
    };
    ctx.events.on("payments.imported", listener);
    const content = "reference,debtor_number,date,amount\nPAY-0050,D2003,2024-12-01,5.00\n";
    const report = await importPayments({ ctx, input: { format: "csv", content } });
    ctx.events.off("payments.imported", listener);
    expect(await Promise.all(seen)).toEqual([1]);
    expect(events.at(-1)).toEqual({ paymentIds: report.paymentIds });
    events.pop();
  });

  it("does not apply a payment twice when the file comes again", async () => {
    const before = await ledgerSnapshot(ctx);
    const report = await importPayments({ ctx, input: { format: "csv", content: fixture("payments.csv") } });
    expect(report).toMatchObject({ payments: { created: 0, updated: 0, unchanged: 3 }, invoices: zero, paymentIds: [] });
    expect(await ledgerSnapshot(ctx)).toEqual(before);
    expect(events).toHaveLength(1);
  });

  it("re-applies a corrected payment by its difference, also when it moves to another invoice", async () => {
    const corrected = fixture("payments.csv").replace("PAY-0001;D2001;FAC-2024-1001;10/12/2024;234,56", "PAY-0001;D2001;FAC-2024-1001;10/12/2024;34,56");
    const r1 = await importPayments({ ctx, input: { format: "csv", content: corrected } });
    expect(r1).toMatchObject({ payments: { updated: 1, unchanged: 2 }, invoices: { updated: 1 } });
    expect((await invoice(ctx, "FAC-2024-1001")).openAmount).toBe("1200.00");

    const moved = corrected.replace("PAY-0002;D2001;FAC-2024-1002;", "PAY-0002;D2001;NC-2024-0009;").replace("1.000,00", "-100,00");
    await importPayments({ ctx, input: { format: "csv", content: moved } });
    expect(await invoice(ctx, "FAC-2024-1002")).toMatchObject({ openAmount: "1000.00", status: "partially_paid" });
    expect(await invoice(ctx, "NC-2024-0009")).toMatchObject({ openAmount: "-50.00", status: "partially_paid" });
  });

  it("imports payments as JSON, a bare array too", async () => {
    const report = await importPayments({ ctx, input: { format: "json", content: fixture("payments.json") } });
    expect(report.payments.created).toBe(2);
    expect(await invoice(ctx, "FAC-2024-1003")).toMatchObject({ openAmount: "10000.00", status: "partially_paid" });
    expect(await invoice(ctx, "FAC-2024-1001")).toMatchObject({ openAmount: "200.00", status: "partially_paid" });
    const bare = JSON.stringify([{ reference: "PAY-0103", debtor: "E3002", invoice: "UK-2001", date: "31/12/2024", amount: 640 }]);
    await importPayments({ ctx, input: { format: "json", content: bare } });
    expect(await invoice(ctx, "UK-2001")).toMatchObject({ openAmount: "0.00", status: "paid" });
    expect((await ctx.db.select().from(payments).where(eq(payments.reference, "PAY-0103")))[0].currency).toBe("GBP");
  });

  it("works out a left-out open amount from the payments already recorded", async () => {
    const header = "debtor_number;debtor_name;invoice_number;issue_date;amount;open_amount\n";
    await importLedger({ ctx, input: { format: "csv", content: `${header}D2001;Boucherie Lefèvre;FAC-2024-1001;01/10/2024;1.234,56;\n` } });
    // amount 1234.56 - PAY-0001 34.56 - PAY-0102 1000.00
    expect((await invoice(ctx, "FAC-2024-1001")).openAmount).toBe("200.00");
  });

  it("imports a payments file from disk with kind payments", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "relance-ledger-"));
    const file = path.join(dir, "bank.csv");
    writeFileSync(file, "reference,debtor_number,invoice_number,date,amount\nPAY-0200,E3001,US-1002,2025-01-02,100.50\n");
    const report = await importLedgerFile({ ctx, input: { path: file, kind: "payments" } });
    expect(report).toMatchObject({ kind: "payments", format: "csv", payments: { created: 1 } });
    expect(await invoice(ctx, "US-1002")).toMatchObject({ openAmount: "0.00", status: "paid" });
  });
});
