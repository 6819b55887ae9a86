import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { freshContext } from "../../../../tests/helpers/context.ts";
import { apiAs, type ApiClient } from "../../../../tests/helpers/api.ts";
import { createApp } from "../../app.ts";
import type { AppContext } from "../../context.ts";
import { importReportSchema, importRejectionDetails } from "./schemas.ts";
import { MAX_IMPORT_BYTES } from "./service.ts";
import { fixture, ledgerSnapshot } from "./test-support.ts";

describe("POST /api/ledger/import", () => {
  let ctx: AppContext;
  let manager: ApiClient;
  let clerk: ApiClient;
  beforeAll(async () => {
    ctx = await freshContext();
    const app = createApp(ctx);
    manager = await apiAs(ctx, "manager", app);
    clerk = await apiAs(ctx, "clerk", app);
  });
  afterAll(() => ctx.database.close());

  const post = (body: string, contentType: string, query = "") =>
    manager.request(`/api/ledger/import${query}`, { method: "POST", headers: { "content-type": contentType }, body });

  it("imports a JSON ledger and answers with the report contract", async () => {
    const res = await post(fixture("ledger.json"), "application/json");
    expect(res.status).toBe(200);
    const report = importReportSchema.parse(await res.json());
    expect(report).toMatchObject({ kind: "ledger", format: "json", debtors: { created: 4 }, invoices: { created: 7 } });
  });

  it("imports an open-items CSV and a payments CSV by Content-Type and ?kind", async () => {
    const ledger = await post(fixture("open-items-semicolon.csv"), "text/csv; charset=utf-8");
    expect(ledger.status).toBe(200);
    expect((await ledger.json()).invoices.created).toBe(5);
    const pay = await post(fixture("payments.csv"), "text/csv", "?kind=payments");
    expect(pay.status).toBe(200);
    expect(await pay.json()).toMatchObject({ kind: "payments", payments: { created: 3 }, invoices: { updated: 2 } });
    const again = await post(fixture("payments.csv"), "text/csv", "?kind=payments");
    expect(await again.json()).toMatchObject({ payments: { created: 0, updated: 0, unchanged: 3 } });
  });

  it("rejects a bad file with 422, the issues in the common error shape, and writes nothing", async () => {
    const before = await ledgerSnapshot(ctx);
    const bad = fixture("open-items-comma.csv").replace("2024-10-01,2024-10-31,GBP,640", "2024-10-01,2024-10-31,GBP,six hundred");
    const res = await manager.request("/api/ledger/import", {
      method: "POST",
      headers: { "content-type": "text/csv", "x-request-id": "req-42" },
      body: bad,
    });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error).toMatchObject({ code: "VALIDATION", requestId: "req-42" });
    expect(body.error.message).toBe('Import rejected, nothing was written. line 4 (amount): not an amount: "six hundred"');
    expect(importRejectionDetails.parse(body.error.details).issues).toEqual([{ line: 4, column: "amount", message: 'not an amount: "six hundred"' }]);
    expect(await ledgerSnapshot(ctx)).toEqual(before);
  });

  it("refuses other content types and a bad ?kind", async () => {
    expect((await post("a=1", "application/x-www-form-urlencoded")).status).toBe(400);
    const kind = await post(fixture("ledger.json"), "application/json", "?kind=debtors");
    expect(kind.status).toBe(422);
    expect((await kind.json()).error.code).toBe("VALIDATION");
  });

  it("lets only managers import", async () => {
    const res = await clerk.request("/api/ledger/import", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(res.status).toBe(403);
    const anonymous = await createApp(ctx).request("/api/ledger/import", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(anonymous.status).toBe(401);
  });
});

describe("ledger import security", () => {
  let ctx: AppContext;
  let manager: ApiClient;
  beforeAll(async () => {
    ctx = await freshContext();
    manager = await apiAs(ctx, "manager", createApp(ctx));
  });
  afterAll(() => ctx.database.close());

  const postJson = (body: unknown) =>
    manager.request("/api/ledger/import", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

  it("refuses an oversized body with 413 before parsing it", async () => {
    const before = await ledgerSnapshot(ctx);
    const row = "X1,Name,F-1,2024-01-01,1\n";
    const huge = `debtor_number,debtor_name,invoice_number,issue_date,amount\n${row.repeat(Math.ceil(MAX_IMPORT_BYTES / row.length) + 10)}`;
    expect(huge.length).toBeGreaterThan(MAX_IMPORT_BYTES);
    const res = await manager.request("/api/ledger/import", { method: "POST", headers: { "content-type": "text/csv" }, body: huge });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(await ledgerSnapshot(ctx)).toEqual(before);
  });

  it("stores SQL-looking and markup text literally", async () => {
    const nasty = {
      debtors: [
        {
          number: "C1'; DROP TABLE debtors;--",
          name: "Robert'); DELETE FROM invoices; -- <script>alert(1)</script>",
          contacts: [{ email: "o'reilly@quote.example", name: "100% _real_ \\ name" }],
        },
      ],
      invoices: [{ number: "F-1' OR '1'='1", debtor: "C1'; DROP TABLE debtors;--", issueDate: "2024-01-01", amount: 10 }],
    };
    const res = await postJson(nasty);
    expect(res.status).toBe(200);
    const card = await manager.request(`/api/debtors/${encodeURIComponent(nasty.debtors[0].number)}`);
    expect(card.status).toBe(200);
    const body = await card.json();
    expect(body.debtor).toMatchObject({ number: nasty.debtors[0].number, name: nasty.debtors[0].name, domains: ["quote.example"] });
    expect(body.contacts[0]).toMatchObject({ email: "o'reilly@quote.example", name: "100% _real_ \\ name" });
    expect(body.openInvoices[0].number).toBe("F-1' OR '1'='1");
    // A search for "%" or "_" is literal text, not a wildcard.
    const pct = await (await manager.request("/api/debtors?q=%25")).json();
    expect(pct.total).toBe(0);
    const found = await (await manager.request(`/api/debtors?q=${encodeURIComponent("'); DELETE")}`)).json();
    expect(found.total).toBe(1);
  });

  it("ignores unknown fields and columns the same way, listing them as warnings", async () => {
    const res = await postJson({
      company: { name: "Acme", domains: ["acme.example"], vatId: "X" },
      debtors: [{ number: "W1", name: "With extras", creditLimit: 5000, contacts: [{ email: "a@w1.example", phone: "1" }] }],
      invoices: [{ number: "W-1", debtor: "W1", issueDate: "2024-01-01", amount: 1, openAmmount: 0 }],
      generatedBy: "erp",
      ["__proto__"]: { polluted: true },
    });
    expect(res.status).toBe(200);
    const report = await res.json();
    expect(report.warnings).toEqual([
      "unknown field company.vatId ignored",
      "unknown field debtors[0].creditLimit ignored",
      "unknown field debtors[0].contacts[0].phone ignored",
      "unknown field invoices[0].openAmmount ignored",
      "unknown field generatedBy ignored",
      "unknown field __proto__ ignored",
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const csv = "debtor_number,debtor_name,invoice_number,issue_date,amount,credit_limit\nW2,Csv extras,W-2,2024-01-01,5,900\n";
    const csvRes = await manager.request("/api/ledger/import", { method: "POST", headers: { "content-type": "text/csv" }, body: csv });
    expect((await csvRes.json()).warnings).toEqual(["unknown column credit_limit ignored"]);
  });
});
