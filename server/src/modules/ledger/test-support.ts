import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import type { AppContext } from "../../context.ts";

/** Test helpers of the ledger module (not a test file itself). */
export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../tests/fixtures/ledger");
export const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), "utf8");

/**
 * Everything the ledger import can write, as one comparable value: row counts
 * plus the content of each table, so "nothing was written" is checked exactly.
 */
export async function ledgerSnapshot(ctx: AppContext) {
  const q = (text: string) => ctx.database.query(sql.raw(text));
  return {
    counts: (await q(`select
      (select count(*)::int from company) as company, (select count(*)::int from debtors) as debtors,
      (select count(*)::int from contacts) as contacts, (select count(*)::int from invoices) as invoices,
      (select count(*)::int from payments) as payments`))[0],
    company: await q(`select name, domains, ar_mailbox, updated_at from company`),
    debtors: await q(`select number, name, language, country, vat_number, customer_number, domains, tone, group_name, updated_at from debtors order by number`),
    contacts: await q(`select debtor_id, email, name, role from contacts order by debtor_id, email`),
    invoices: await q(`select number, debtor_id, kind, issue_date, due_date, currency, amount::text, open_amount::text, status, updated_at from invoices order by number`),
    payments: await q(`select reference, debtor_id, invoice_id, paid_on, amount::text, currency from payments order by reference`),
  };
}
