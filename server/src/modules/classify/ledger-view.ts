import { asc } from "drizzle-orm";
import type { LedgerView } from "../../../../classifiers/mail-input.ts";
import type { AppContext } from "../../context.ts";
import { company } from "../../db/schema/company.ts";
import { contacts } from "../../db/schema/contacts.ts";
import { debtors } from "../../db/schema/debtors.ts";
import { invoices } from "../../db/schema/invoices.ts";
import { isFreeMailDomain } from "../../lib/free-mail-domains.ts";

/** Load the ledger in the shape classifiers and routing need. */
export async function loadLedgerView({ ctx }: { ctx: AppContext }): Promise<LedgerView> {
  const [co] = await ctx.db.select().from(company).limit(1);
  const ds = await ctx.db.select().from(debtors).orderBy(asc(debtors.id));
  const cs = await ctx.db.select().from(contacts);
  const inv = await ctx.db.select().from(invoices).orderBy(asc(invoices.id));
  const byDebtor = new Map<number, Array<{ email: string; name: string | null }>>();
  for (const c of cs) {
    const list = byDebtor.get(c.debtorId) ?? [];
    list.push({ email: c.email, name: c.name });
    byDebtor.set(c.debtorId, list);
  }
  return {
    company: { name: co?.name ?? "", domains: co?.domains ?? [] },
    debtors: ds.map((d) => ({
      id: d.id,
      number: d.number,
      name: d.name,
      language: d.language,
      customerNumber: d.customerNumber,
      vatNumber: d.vatNumber,
      domains: d.domains,
      contacts: byDebtor.get(d.id) ?? [],
    })),
    invoices: inv.map((i) => ({
      number: i.number,
      debtorId: i.debtorId,
      kind: i.kind,
      issueDate: i.issueDate,
      dueDate: i.dueDate,
      currency: i.currency,
      amount: Number(i.amount),
      openAmount: Number(i.openAmount),
    })),
  };
}

/**
 * The ledger view is read on every classification; it only changes on
 * imports, so it is cached and dropped when ctx.events says the ledger moved.
 */
export class LedgerCache {
  private current: Promise<LedgerView> | null = null;
  constructor(private readonly ctx: AppContext) {
    const drop = () => (this.current = null);
    for (const e of ["ledger.imported", "payments.imported", "ledger.changed"]) ctx.events.on(e, drop);
  }
  get(): Promise<LedgerView> {
    this.current ??= loadLedgerView({ ctx: this.ctx }).catch((err) => {
      this.current = null;
      throw err;
    });
    return this.current;
  }
  invalidate(): void {
    this.current = null;
  }
}

interface LedgerJson {
  company?: { name?: string; domains?: string[] };
  debtors?: Array<{ number: string; name: string; language?: string; vatNumber?: string; customerNumber?: string; contacts?: Array<{ email: string; name?: string }> }>;
  invoices?: Array<{ number: string; debtor: string; kind?: string; issueDate: string; dueDate?: string; currency?: string; amount: number; openAmount?: number }>;
}

/**
 * A LedgerView straight from a ledger.json (eval-set-format.md), for
 * training on a labelled set without a database. Ids are positions; debtor
 * domains follow the import's rule (contact domains, minus free mail and ours).
 */
export function ledgerViewFromJson(json: LedgerJson): LedgerView {
  const ours = new Set((json.company?.domains ?? []).map((d) => d.toLowerCase()));
  const debtorsList = (json.debtors ?? []).map((d, i) => {
    const contactsList = (d.contacts ?? []).map((c) => ({ email: c.email.toLowerCase(), name: c.name ?? null }));
    const domains = [...new Set(contactsList.map((c) => c.email.split("@")[1]).filter((x) => x && !ours.has(x) && !isFreeMailDomain(x)))];
    return {
      id: i + 1,
      number: d.number,
      name: d.name,
      language: d.language ?? "en",
      customerNumber: d.customerNumber ?? null,
      vatNumber: d.vatNumber ?? null,
      domains,
      contacts: contactsList,
    };
  });
  const idOf = new Map(debtorsList.map((d) => [d.number, d.id]));
  return {
    company: { name: json.company?.name ?? "", domains: [...ours] },
    debtors: debtorsList,
    invoices: (json.invoices ?? []).map((inv) => ({
      number: inv.number,
      debtorId: idOf.get(inv.debtor) ?? 0,
      kind: inv.kind ?? (inv.amount < 0 ? "credit_note" : "invoice"),
      issueDate: inv.issueDate,
      dueDate: inv.dueDate ?? null,
      currency: inv.currency ?? "EUR",
      amount: inv.amount,
      openAmount: inv.openAmount ?? inv.amount,
    })),
  };
}
