import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { eq } from "drizzle-orm";
import { freshContext } from "../../../../tests/helpers/context.ts";
import { apiAs, type ApiClient } from "../../../../tests/helpers/api.ts";
import type { AppContext } from "../../context.ts";
import { invoices } from "../../db/schema/invoices.ts";
import { importLedger } from "../ledger/service.ts";
import { fixture } from "../ledger/test-support.ts";
import { invoiceDetailSchema, invoiceListResponseSchema } from "./schemas.ts";

describe("/api/invoices", () => {
  let ctx: AppContext;
  let clerk: ApiClient;
  const list = async (query: string) => {
    const res = await clerk.request(`/api/invoices?${query}`);
    expect(res.status, await res.clone().text()).toBe(200);
    return invoiceListResponseSchema.parse(await res.json());
  };
  const numbers = async (query: string) => (await list(query)).items.map((i) => i.number);

  beforeAll(async () => {
    ctx = await freshContext();
    await importLedger({ ctx, input: { format: "json", content: fixture("ledger.json") } });
    await ctx.db.update(invoices).set({ inDispute: true }).where(eq(invoices.number, "F2024-0201"));
    clerk = await apiAs(ctx, "clerk");
  });
  afterAll(() => ctx.database.close());

  it("lists invoices oldest due first, money as numbers", async () => {
    const page = await list("asOf=2025-01-15");
    expect(page.total).toBe(7);
    expect(page.items.map((i) => i.number)).toEqual([
      "RE-2024/301", "F2024-0201", "F2024-0113", "AV2024-0007", "F2024-0150", "F2024-0202", "INV-2024-0042",
    ]);
    expect(page.items[2]).toEqual({
      id: expect.any(Number), number: "F2024-0113", numberKey: "20240113", kind: "invoice",
      debtor: { id: expect.any(Number), number: "C1001", name: "Boulangerie Martin SARL" },
      issueDate: "2024-10-01", dueDate: "2024-10-31", currency: "EUR", amount: 1234.56, openAmount: 1234.56,
      status: "open", inDispute: false, daysOverdue: 76,
    });
    // Paid invoices and credit notes are never overdue.
    expect(page.items[3]).toMatchObject({ kind: "credit_note", amount: -80.5, daysOverdue: 0 });
    expect(page.items[5]).toMatchObject({ status: "paid", openAmount: 0, daysOverdue: 0 });
  });

  it("pages and sorts", async () => {
    const p = await list("page=2&pageSize=3&sort=number");
    expect(p).toMatchObject({ total: 7, page: 2, pageSize: 3 });
    expect(p.items.map((i) => i.number)).toEqual(["F2024-0201", "F2024-0202", "INV-2024-0042"]);
    expect((await numbers("sort=-openAmount"))[0]).toBe("F2024-0201");
  });

  it("filters by debtor (number or id), status, kind, overdue and dispute", async () => {
    expect(await numbers("debtor=C1001&sort=number")).toEqual(["AV2024-0007", "F2024-0113", "F2024-0150"]);
    const c1003 = (await list("debtor=C1003")).items[0].debtor.id;
    expect(await numbers(`debtor=${c1003}`)).toEqual(["RE-2024/301"]);
    expect(await numbers("status=paid")).toEqual(["F2024-0202"]);
    expect(await numbers("status=partially_paid,paid")).toEqual(["F2024-0150", "F2024-0202"]);
    expect(await numbers("kind=credit_note")).toEqual(["AV2024-0007"]);
    expect(await numbers("overdue=true&asOf=2025-01-15")).toEqual(["RE-2024/301", "F2024-0201", "F2024-0113", "F2024-0150", "INV-2024-0042"]);
    expect(await numbers("overdue=false&asOf=2025-01-15")).toEqual(["AV2024-0007", "F2024-0202"]);
    expect(await numbers("inDispute=true")).toEqual(["F2024-0201"]);
    const unknown = await clerk.request("/api/invoices?debtor=NOPE");
    expect(unknown.status).toBe(404);
  });

  it("finds numbers in any spelling through their digits", async () => {
    expect(await numbers("q=2024%2F0113")).toEqual(["F2024-0113"]);
    expect(await numbers("q=f%202024-0113")).toEqual(["F2024-0113"]);
    expect(await numbers("q=re-2024")).toEqual(["RE-2024/301"]);
    expect(await numbers("q=2024-02")).toEqual(["F2024-0201", "F2024-0202"]);
    expect(await numbers("q=%25")).toEqual([]);
  });

  it("refuses bad filters", async () => {
    for (const q of ["status=lost", "status=", "kind=quote", "pageSize=0", "inDispute=yes", "sort=amount"]) {
      const res = await clerk.request(`/api/invoices?${q}`);
      expect(res.status, q).toBe(422);
    }
  });

  it("returns one invoice by number or id, with its payments", async () => {
    const res = await clerk.request("/api/invoices/F2024-0150?asOf=2025-01-15");
    expect(res.status).toBe(200);
    const inv = invoiceDetailSchema.parse(await res.json());
    expect(inv).toMatchObject({ number: "F2024-0150", amount: 500, openAmount: 200, status: "partially_paid", daysOverdue: 41 });
    expect(inv.payments).toEqual([
      { id: expect.any(Number), reference: "BANK-2024-12-001", paidOn: "2024-12-02", amount: 300, currency: "EUR", invoiceId: inv.id, invoiceNumber: "F2024-0150" },
    ]);
    const byId = invoiceDetailSchema.parse(await (await clerk.request(`/api/invoices/${inv.id}`)).json());
    expect(byId.number).toBe("F2024-0150");
    const slash = await clerk.request(`/api/invoices/${encodeURIComponent("RE-2024/301")}`);
    expect(slash.status).toBe(200);
    expect((await slash.json()).debtor.number).toBe("C1003");
    const missing = await clerk.request("/api/invoices/F0000");
    expect(missing.status).toBe(404);
    expect((await missing.json()).error).toMatchObject({ code: "NOT_FOUND", message: "Invoice F0000 not found" });
  });
});
