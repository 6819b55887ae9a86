import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { eq } from "drizzle-orm";
import { freshContext } from "../../../../tests/helpers/context.ts";
import { apiAs, type ApiClient } from "../../../../tests/helpers/api.ts";
import type { AppContext } from "../../context.ts";
import { invoices } from "../../db/schema/invoices.ts";
import { contacts } from "../../db/schema/contacts.ts";
import { importLedger } from "../ledger/service.ts";
import { fixture } from "../ledger/test-support.ts";
import { debtorCardSchema, debtorListResponseSchema } from "./schemas.ts";

describe("/api/debtors", () => {
  let ctx: AppContext;
  let clerk: ApiClient;
  const list = async (query: string) => {
    const res = await clerk.request(`/api/debtors?${query}`);
    expect(res.status).toBe(200);
    return debtorListResponseSchema.parse(await res.json());
  };
  const numbers = async (query: string) => (await list(query)).items.map((d) => d.number);

  beforeAll(async () => {
    ctx = await freshContext();
    await importLedger({ ctx, input: { format: "json", content: fixture("ledger.json") } });
    // A debtor without invoices, and one whose number is all digits (and equals another debtor's id).
    const extra = { debtors: [{ number: "C1005", name: "Quiet Customer SA", language: "fr" }, { number: "2", name: "Numeric Number Ltd" }] };
    await importLedger({ ctx, input: { format: "json", content: JSON.stringify(extra) } });
    await ctx.db.update(invoices).set({ inDispute: true }).where(eq(invoices.number, "F2024-0201"));
    await ctx.db
      .update(contacts)
      .set({ status: "bouncing", lastBounceStatus: "5.1.1" })
      .where(eq(contacts.email, "jean.martin.boulangerie@gmail.com"));
    clerk = await apiAs(ctx, "clerk");
  });
  afterAll(() => ctx.database.close());

  it("lists debtors by number with per-currency balances", async () => {
    const page = await list("asOf=2025-01-15");
    expect(page).toMatchObject({ page: 1, pageSize: 50, total: 6, asOf: "2025-01-15" });
    expect(page.items.map((d) => d.number)).toEqual(["2", "C1001", "C1002", "C1003", "C1004", "C1005"]);
    const martin = page.items[1];
    expect(martin).toMatchObject({ name: "Boulangerie Martin SARL", language: "fr", domains: ["boulangerie-martin.example"] });
    expect(martin.balances).toEqual([{ currency: "EUR", open: 1354.06, overdue: 1434.56, disputed: 0, openItems: 3, overdueItems: 2 }]);
    expect(page.items[2].balances).toEqual([{ currency: "EUR", open: 15000, overdue: 15000, disputed: 15000, openItems: 1, overdueItems: 1 }]);
    expect(page.items[4].balances).toEqual([{ currency: "GBP", open: 750.25, overdue: 750.25, disputed: 0, openItems: 1, overdueItems: 1 }]);
    expect(page.items[5].balances).toEqual([]);
  });

  it("pages", async () => {
    const p2 = await list("page=2&pageSize=2");
    expect(p2).toMatchObject({ page: 2, pageSize: 2, total: 6 });
    expect(p2.items.map((d) => d.number)).toEqual(["C1002", "C1003"]);
    expect((await list("page=9&pageSize=2")).items).toEqual([]);
  });

  it("searches number, name and customer number", async () => {
    expect(await numbers("q=MARTIN")).toEqual(["C1001"]);
    expect(await numbers("q=c100")).toEqual(["C1001", "C1002", "C1003", "C1004", "C1005"]);
    expect(await numbers("q=vd-77")).toEqual(["C1002"]);
    expect(await numbers("q=nobody")).toEqual([]);
  });

  it("filters by language, country, group, tone, open, overdue and dispute", async () => {
    expect(await numbers("language=de")).toEqual(["C1003"]);
    expect(await numbers("country=gb")).toEqual(["C1004"]);
    expect(await numbers("group=Van%20Dijk%20Groep")).toEqual(["C1002"]);
    expect(await numbers("tone=firm")).toEqual(["C1003"]);
    expect(await numbers("hasOpen=false")).toEqual(["2", "C1005"]);
    expect(await numbers("overdue=true&asOf=2025-01-15")).toEqual(["C1001", "C1002", "C1003", "C1004"]);
    // INV-2024-0042 falls due on 2025-01-09.
    expect(await numbers("overdue=true&asOf=2025-01-09")).toEqual(["C1001", "C1002", "C1003"]);
    expect(await numbers("overdue=false&asOf=2025-01-09")).toEqual(["2", "C1004", "C1005"]);
    expect(await numbers("inDispute=1")).toEqual(["C1002"]);
  });

  it("sorts by name and by overdue amount", async () => {
    expect(await numbers("sort=name")).toEqual(["C1001", "C1003", "2", "C1005", "C1004", "C1002"]);
    expect(await numbers("sort=-overdue&asOf=2025-01-15")).toEqual(["C1002", "C1003", "C1001", "C1004", "2", "C1005"]);
  });

  it("refuses bad query parameters with the common VALIDATION error", async () => {
    for (const q of ["pageSize=1000", "page=0", "overdue=maybe", "asOf=2025-13-45", "sort=balance", "language=french"]) {
      const res = await clerk.request(`/api/debtors?${q}`);
      expect(res.status, q).toBe(422);
      expect((await res.json()).error.code).toBe("VALIDATION");
    }
  });

  it("returns the debtor card with contacts, open items, aging and totals", async () => {
    const res = await clerk.request("/api/debtors/C1001?asOf=2025-01-15");
    expect(res.status).toBe(200);
    const card = debtorCardSchema.parse(await res.json());
    expect(card.debtor).toMatchObject({ number: "C1001", vatNumber: "FR12345678901", tone: "friendly", insolvent: false });
    expect(card.contacts.map((c) => [c.email, c.status, c.lastBounceStatus])).toEqual([
      ["compta@boulangerie-martin.example", "active", null],
      ["jean.martin.boulangerie@gmail.com", "bouncing", "5.1.1"],
    ]);
    expect(card.openInvoices.map((i) => [i.number, i.openAmount, i.daysOverdue])).toEqual([
      ["F2024-0113", 1234.56, 76],
      ["AV2024-0007", -80.5, 0],
      ["F2024-0150", 200, 41],
    ]);
    expect(card.aging).toEqual([
      { currency: "EUR", current: -80.5, days1to30: 0, days31to60: 200, days61to90: 1234.56, days90plus: 0, total: 1354.06 },
    ]);
    expect(card.totals).toEqual([{ currency: "EUR", open: 1354.06, overdue: 1434.56, disputed: 0, openItems: 3, overdueItems: 2 }]);
    expect(card.recentPayments).toEqual([
      expect.objectContaining({ reference: "BANK-2024-12-001", amount: 300, paidOn: "2024-12-02", invoiceNumber: "F2024-0150" }),
    ]);
  });

  it("puts old debts in the 90+ bucket, per currency", async () => {
    const c1003 = debtorCardSchema.parse(await (await clerk.request("/api/debtors/C1003?asOf=2025-01-15")).json());
    expect(c1003.aging).toEqual([{ currency: "EUR", current: 0, days1to30: 0, days31to60: 0, days61to90: 0, days90plus: 4200, total: 4200 }]);
    const c1004 = debtorCardSchema.parse(await (await clerk.request("/api/debtors/C1004?asOf=2025-01-01")).json());
    expect(c1004.aging).toEqual([{ currency: "GBP", current: 750.25, days1to30: 0, days31to60: 0, days61to90: 0, days90plus: 0, total: 750.25 }]);
  });

  it("finds a debtor by id or by number, `by` deciding for all-digit numbers", async () => {
    const byNumber = debtorCardSchema.parse(await (await clerk.request("/api/debtors/C1002")).json());
    const byId = debtorCardSchema.parse(await (await clerk.request(`/api/debtors/${byNumber.debtor.id}`)).json());
    expect(byId.debtor.number).toBe("C1002");
    const numeric = debtorCardSchema.parse(await (await clerk.request("/api/debtors/2?by=number")).json());
    expect(numeric.debtor.name).toBe("Numeric Number Ltd");
    const missing = await clerk.request("/api/debtors/C9999", { headers: { "x-request-id": "r-9" } });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: "NOT_FOUND", message: "Debtor C9999 not found", requestId: "r-9" } });
    expect((await clerk.request("/api/debtors/C1002?by=id")).status).toBe(404);
  });

  it("needs a session", async () => {
    const { createApp } = await import("../../app.ts");
    expect((await createApp(ctx).request("/api/debtors")).status).toBe(401);
  });
});
