import type { LedgerView } from "../mail-input.ts";
import { domainOf, normalizeEmail, onDomains, withoutSubaddress } from "./addresses.ts";
import { compactKey } from "./fold.ts";
import { addCustomerNumber, addVatNumber, emptyKeyIndex, emptyVatIndex, type KeyIndex, type VatIndex } from "./identifiers.ts";
import { isDistinctiveName, NameMatcher, nameTokens } from "./names.ts";

export type Debtor = LedgerView["debtors"][number];
export type Invoice = LedgerView["invoices"][number];

export interface NameEntry {
  debtorId: number;
  kind: "company" | "contact";
  /** One token only: weaker, it may be a common word or surname. */
  single: boolean;
}

/**
 * Look-up tables over a ledger, built once per LedgerView object (routing runs
 * for every email; rebuilding per email would cost more than routing itself).
 * The cache is keyed by object identity: when the ledger changes (import, a
 * new contact learnt from a correction), hand routing a new LedgerView object.
 */
export interface LedgerIndex {
  debtors: Map<number, Debtor>;
  debtorByNumber: Map<string, number[]>;
  invoiceByNumber: Map<string, Invoice[]>;
  /** Each debtor's invoices, one stable array per debtor (invoice-ref matching caches its keys per array). */
  invoicesByDebtor: Map<number, Invoice[]>;
  contacts: Map<string, number[]>;
  /** Same, with sub-addressing removed ("ap+x@d" → "ap@d"). */
  contactsLoose: Map<string, number[]>;
  domains: Map<string, number[]>;
  /** Debtor numbers, customer numbers and invoice numbers by compact key, for Message-IDs. */
  embedded: Map<string, Array<{ debtorId: number; what: "debtor" | "invoice"; number: string }>>;
  customerNumbers: KeyIndex<number>;
  vat: VatIndex<number>;
  names: NameMatcher<NameEntry>;
  companyNameTokens: string[];
  /** Amount in cents (per currency, and "*" for any currency) → debtors with an open item or balance of that amount. */
  amounts: Map<string, Set<number>>;
}

const cache = new WeakMap<LedgerView, LedgerIndex>();

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

function addAmount(map: Map<string, Set<number>>, currency: string, value: number, debtorId: number) {
  const cents = Math.round(value * 100);
  if (cents <= 0) return;
  for (const key of [`${currency.toUpperCase()}|${cents}`, `*|${cents}`]) {
    const set = map.get(key) ?? new Set<number>();
    set.add(debtorId);
    map.set(key, set);
  }
}

export function ledgerIndex(ledger: LedgerView): LedgerIndex {
  const cached = cache.get(ledger);
  if (cached) return cached;
  const ours = ledger.company.domains;
  const ix: LedgerIndex = {
    debtors: new Map(),
    debtorByNumber: new Map(),
    invoiceByNumber: new Map(),
    invoicesByDebtor: new Map(),
    contacts: new Map(),
    contactsLoose: new Map(),
    domains: new Map(),
    embedded: new Map(),
    customerNumbers: emptyKeyIndex(),
    vat: emptyVatIndex(),
    names: new NameMatcher(),
    companyNameTokens: nameTokens(ledger.company.name),
    amounts: new Map(),
  };
  const ourName = ix.companyNameTokens.join(" ");
  for (const d of ledger.debtors) {
    ix.debtors.set(d.id, d);
    push(ix.debtorByNumber, compactKey(d.number), d.id);
    push(ix.embedded, compactKey(d.number), { debtorId: d.id, what: "debtor" as const, number: d.number });
    addCustomerNumber(ix.customerNumbers, d.number, d.id);
    if (d.customerNumber) {
      addCustomerNumber(ix.customerNumbers, d.customerNumber, d.id);
      push(ix.embedded, compactKey(d.customerNumber), { debtorId: d.id, what: "debtor" as const, number: d.customerNumber });
    }
    if (d.vatNumber) addVatNumber(ix.vat, d.vatNumber, d.id);
    const contactDomains: string[] = [];
    for (const c of d.contacts) {
      const email = normalizeEmail(c.email);
      if (!email.includes("@")) continue;
      push(ix.contacts, email, d.id);
      push(ix.contactsLoose, withoutSubaddress(email), d.id);
      contactDomains.push(domainOf(email));
      const person = nameTokens(c.name ?? "");
      // A person is named by first + last name at least; one token is a first name.
      if (person.length >= 2) ix.names.add(person, { debtorId: d.id, kind: "contact", single: false });
    }
    // Domains: the ledger's list plus the contacts' domains. The free-mail test
    // happens at routing time (the predicate is passed there); our own domains
    // are never a debtor's.
    for (const dom of [...d.domains, ...contactDomains]) {
      const clean = dom.toLowerCase().replace(/^@/, "");
      if (clean && !onDomains(clean, ours)) push(ix.domains, clean, d.id);
    }
    const tokens = nameTokens(d.name);
    const joined = tokens.join(" ");
    if (isDistinctiveName(tokens) && joined !== ourName) {
      ix.names.add(tokens, { debtorId: d.id, kind: "company", single: tokens.length === 1 });
    }
  }
  const balances = new Map<string, number>();
  for (const inv of ledger.invoices) {
    push(ix.invoiceByNumber, inv.number, inv);
    push(ix.invoicesByDebtor, inv.debtorId, inv);
    const key = compactKey(inv.number);
    if (key !== inv.number) push(ix.invoiceByNumber, key, inv);
    push(ix.embedded, key, { debtorId: inv.debtorId, what: "invoice" as const, number: inv.number });
    if (inv.openAmount > 0) {
      addAmount(ix.amounts, inv.currency, inv.openAmount, inv.debtorId);
      const bk = `${inv.debtorId}|${inv.currency.toUpperCase()}`;
      balances.set(bk, (balances.get(bk) ?? 0) + inv.openAmount);
    }
  }
  for (const [bk, total] of balances) {
    const [id, currency] = bk.split("|");
    addAmount(ix.amounts, currency, total, Number(id));
  }
  cache.set(ledger, ix);
  return ix;
}

/** Debtor(s) of an invoice number as the extraction module spelled it (ledger spelling, else compact key). */
export function invoiceDebtors(ix: LedgerIndex, number: string): Invoice[] {
  return ix.invoiceByNumber.get(number) ?? ix.invoiceByNumber.get(compactKey(number)) ?? [];
}

export function debtorsByNumber(ix: LedgerIndex, number: string): number[] {
  return ix.debtorByNumber.get(compactKey(number)) ?? [];
}
