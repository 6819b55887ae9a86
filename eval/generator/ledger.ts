/** Builds the receivables ledger (ledger.json of eval-set-format.md) from ledger-data.ts. */
import type { Rng } from "./prng.ts";
import { addDays } from "./dates.ts";
import { round2 } from "./money.ts";
import { COMPANY, DEBTORS, GROUPS, type DebtorRow } from "./ledger-data.ts";
import type { Lang } from "./phrases/types.ts";

export interface LedgerInvoice {
  number: string;
  debtor: string;
  issueDate: string;
  dueDate: string;
  currency: string;
  amount: number;
  openAmount: number;
  kind: "invoice" | "credit_note";
}

export interface LedgerContact {
  email: string;
  name: string;
  role: string;
}

export interface LedgerDebtor {
  number: string;
  name: string;
  language: Lang;
  country: string;
  vatNumber: string;
  customerNumber?: string;
  /** Corporate group (the ledger import's `group`): its service centre pays for every member. */
  group?: string;
  contacts: LedgerContact[];
}

export interface Ledger {
  company: { name: string; domains: string[]; arMailbox: string };
  debtors: LedgerDebtor[];
  invoices: LedgerInvoice[];
}

const SIZE: Record<DebtorRow["size"], [number, number, number, number]> = {
  // [min amount, max amount, min invoices, max invoices]
  s: [45, 1400, 2, 5],
  m: [180, 5200, 3, 7],
  l: [650, 16800, 5, 9],
};

function amountFor(rng: Rng, min: number, max: number): number {
  // Log-uniform: many small invoices, a few big ones; cents are rarely round.
  const v = Math.exp(Math.log(min) + rng.float() * (Math.log(max) - Math.log(min)));
  return round2(rng.chance(0.1) ? Math.round(v) : v);
}

export function buildLedger(rng: Rng): Ledger {
  const drafts: Array<Omit<LedgerInvoice, "number">> = [];
  const start = "2024-01-08";
  for (const d of DEBTORS) {
    const [min, max, kmin, kmax] = SIZE[d.size];
    const k = rng.int(kmin, kmax);
    const terms = d.size === "l" ? rng.pick([30, 45, 60]) : rng.pick([14, 30, 30]);
    for (let i = 0; i < k; i++) {
      // Recent invoices dominate an open-items ledger: skew issue dates late.
      const issueDate = addDays(start, Math.floor(Math.sqrt(rng.float()) * 445));
      const amount = amountFor(rng, min, max);
      const partly = rng.chance(0.07);
      const openAmount = partly ? round2(amount - Math.min(amount * 0.6, rng.pick([100, 250, 500, 1000]))) : amount;
      drafts.push({ debtor: d.number, issueDate, dueDate: addDays(issueDate, terms), currency: d.currency ?? "EUR", amount, openAmount, kind: "invoice" });
    }
    if (rng.chance(d.size === "s" ? 0.15 : 0.35)) {
      const issueDate = addDays(start, rng.int(150, 440));
      const amount = -amountFor(rng, 30, max / 3);
      drafts.push({ debtor: d.number, issueDate, dueDate: issueDate, currency: d.currency ?? "EUR", amount, openAmount: amount, kind: "credit_note" });
    }
  }
  drafts.sort((a, b) => (a.issueDate < b.issueDate ? -1 : a.issueDate > b.issueDate ? 1 : a.debtor < b.debtor ? -1 : 1));
  // Sequential numbers per year and kind, with gaps for invoices to customers that are paid up.
  const counters: Record<string, number> = { "invoice-2024": 411, "invoice-2025": 7, "credit_note-2024": 28, "credit_note-2025": 2 };
  const invoices: LedgerInvoice[] = drafts.map((d) => {
    const year = d.issueDate.slice(0, 4);
    const key = `${d.kind}-${year}`;
    counters[key] += d.kind === "invoice" ? rng.int(1, 4) : rng.int(1, 3);
    const prefix = d.kind === "invoice" ? "VF" : "CN";
    return { number: `${prefix}-${year}-${String(counters[key]).padStart(5, "0")}`, ...d };
  });
  const debtors: LedgerDebtor[] = DEBTORS.map((d) => ({
    number: d.number,
    name: d.name,
    language: d.lang,
    country: d.country,
    vatNumber: d.vat,
    ...(d.cust ? { customerNumber: d.cust } : {}),
    ...(d.group ? { group: GROUPS[d.group].name } : {}),
    contacts: d.contacts.map(([email, name, role]) => ({ email, name, role })),
  }));
  return {
    company: { name: COMPANY.name, domains: COMPANY.domains, arMailbox: COMPANY.arMailbox },
    debtors,
    invoices,
  };
}

/** Serialised as the spec shows it, plus `kind`, `customerNumber` and `group`, which the ledger import reads. */
export function ledgerJson(ledger: Ledger): string {
  return `${JSON.stringify(ledger, null, 2)}\n`;
}

export function groupOf(debtor: string): (typeof GROUPS)[string] | null {
  const row = DEBTORS.find((d) => d.number === debtor);
  return row?.group ? GROUPS[row.group] : null;
}

export function debtorRow(number: string): DebtorRow {
  const row = DEBTORS.find((d) => d.number === number);
  if (!row) throw new Error(`unknown debtor ${number}`);
  return row;
}
