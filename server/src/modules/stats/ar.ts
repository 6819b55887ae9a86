import { sql } from "drizzle-orm";
import type { AppContext } from "../../context.ts";
import { todayIso } from "../invoices/aging.ts";
import { tableExists } from "../inbox/optional-tables.ts";
import type { ArKpis } from "./schemas.ts";

const cents = (v: unknown) => Math.round(Number(v ?? 0) * 100) / 100;

/**
 * AR KPIs from the ledger, per currency: open and overdue totals, aging
 * buckets (same buckets as the debtor card), DSO (open receivables ÷ invoiced
 * over the last 90 days × 90), and the open disputes with their age.
 */
export async function arKpis({ ctx, input }: { ctx: AppContext; input: { asOf?: string } }): Promise<ArKpis> {
  const asOf = input.asOf ?? todayIso();
  const rows = await ctx.database.query<Record<string, string | number | null>>(sql`
    with items as (
      select currency, open_amount,
        greatest(0, ${asOf}::date - coalesce(due_date, issue_date)) as late
      from invoices
      where open_amount <> 0 and status <> 'cancelled'
    ), sales as (
      select currency, sum(amount) as invoiced from invoices
      where kind = 'invoice' and status <> 'cancelled' and issue_date > ${asOf}::date - 90 and issue_date <= ${asOf}::date
      group by currency
    )
    select i.currency,
      sum(open_amount) as open,
      coalesce(sum(open_amount) filter (where open_amount > 0 and late > 0), 0) as overdue,
      coalesce(sum(open_amount) filter (where open_amount <= 0 or late = 0), 0) as current,
      coalesce(sum(open_amount) filter (where open_amount > 0 and late between 1 and 30), 0) as d1,
      coalesce(sum(open_amount) filter (where open_amount > 0 and late between 31 and 60), 0) as d31,
      coalesce(sum(open_amount) filter (where open_amount > 0 and late between 61 and 90), 0) as d61,
      coalesce(sum(open_amount) filter (where open_amount > 0 and late > 90), 0) as d90,
      max(s.invoiced) as invoiced
    from items i left join sales s on s.currency = i.currency
    group by i.currency order by i.currency`);
  const currencies = rows.map((r) => {
    const invoiced = Number(r.invoiced ?? 0);
    return {
      currency: String(r.currency),
      open: cents(r.open),
      overdue: cents(r.overdue),
      aging: { current: cents(r.current), days1to30: cents(r.d1), days31to60: cents(r.d31), days61to90: cents(r.d61), days90plus: cents(r.d90) },
      dso: invoiced > 0 ? Math.round((Number(r.open) / invoiced) * 90 * 10) / 10 : null,
    };
  });

  const disputes: ArKpis["disputes"] = { available: false, open: 0, byStatus: {}, averageAgeDays: null, oldestAgeDays: null, pastSla: 0 };
  if (await tableExists(ctx, "disputes")) {
    disputes.available = true;
    const byStatus = await ctx.database.query<{ status: string; n: number }>(sql`select status, count(*)::int as n from disputes group by status`);
    disputes.byStatus = Object.fromEntries(byStatus.map((s) => [s.status, s.n]));
    const [open] = await ctx.database.query<{ n: number; avg_age: number | null; max_age: number | null; past_sla: number }>(sql`
      select count(*)::int as n,
        avg(${asOf}::date - created_at::date)::float as avg_age,
        max(${asOf}::date - created_at::date)::int as max_age,
        count(*) filter (where sla_due_date < ${asOf}::date)::int as past_sla
      from disputes where status in ('open', 'investigating')`);
    disputes.open = open?.n ?? 0;
    disputes.averageAgeDays = open?.avg_age === null || open?.avg_age === undefined ? null : Math.round(open.avg_age * 10) / 10;
    disputes.oldestAgeDays = open?.max_age ?? null;
    disputes.pastSla = open?.past_sla ?? 0;
  }
  return { asOf, currencies, disputes };
}
