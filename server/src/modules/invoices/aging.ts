import { sql, type SQL } from "drizzle-orm";
import { invoices } from "../../db/schema/invoices.ts";
import { moneyFromCents } from "../ledger/money.ts";

/** Today as "YYYY-MM-DD" in the server's time zone (what a clerk calls today). */
export function todayIso(now = new Date()): string {
  const y = now.getFullYear();
  return `${y}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

/**
 * Days an amount is overdue as of `asOf`: counted from the due date, or from the
 * issue date when there is none (due on receipt). Only money owed to us can be
 * late: credit notes and settled invoices are never overdue.
 */
export function daysOverdue(inv: { dueDate: string | null; issueDate: string; openCents: number; status: string }, asOf: string): number {
  if (inv.openCents <= 0 || inv.status === "cancelled") return 0;
  return Math.max(0, dayNumber(asOf) - dayNumber(inv.dueDate ?? inv.issueDate));
}

/** SQL twins of the rules above, for filters. */
export const openItemSql: SQL = sql`(${invoices.openAmount} <> 0 and ${invoices.status} <> 'cancelled')`;
export const overdueSql = (asOf: string): SQL =>
  sql`(${invoices.openAmount} > 0 and ${invoices.status} <> 'cancelled' and coalesce(${invoices.dueDate}, ${invoices.issueDate}) < ${asOf}::date)`;

export const agingBuckets = ["current", "days1to30", "days31to60", "days61to90", "days90plus"] as const;
export type AgingBucket = (typeof agingBuckets)[number];

export function agingBucket(days: number): AgingBucket {
  if (days <= 0) return "current";
  if (days <= 30) return "days1to30";
  if (days <= 60) return "days31to60";
  if (days <= 90) return "days61to90";
  return "days90plus";
}

export type Aging = { currency: string; total: number } & Record<AgingBucket, number>;

/**
 * Open amounts per aging bucket, one row per currency (amounts in different
 * currencies are never added up). Credit notes and unapplied credits fall in
 * "current": they lower what is owed but are not late.
 */
export function agingByCurrency(items: { currency: string; openCents: number; daysOverdue: number }[]): Aging[] {
  const byCurrency = new Map<string, Record<AgingBucket | "total", number>>();
  for (const it of items) {
    const row = byCurrency.get(it.currency) ?? { current: 0, days1to30: 0, days31to60: 0, days61to90: 0, days90plus: 0, total: 0 };
    row[agingBucket(it.daysOverdue)] += it.openCents;
    row.total += it.openCents;
    byCurrency.set(it.currency, row);
  }
  return [...byCurrency]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, r]) => ({
      currency,
      current: moneyFromCents(r.current),
      days1to30: moneyFromCents(r.days1to30),
      days31to60: moneyFromCents(r.days31to60),
      days61to90: moneyFromCents(r.days61to90),
      days90plus: moneyFromCents(r.days90plus),
      total: moneyFromCents(r.total),
    }));
}
