/**
 * Fills a phrase-bank template and derives its label from the slots it uses,
 * so text and label come from the same values and agree by construction.
 */
import type { Rng } from "./prng.ts";
import type { Lang } from "./phrases/types.ts";
import type { LedgerDebtor, LedgerInvoice } from "./ledger.ts";
import { decoy, type RefSpeller } from "./refs.ts";
import { money, round2 } from "./money.ts";
import { awayDates, bareDate, futureDate, pastDate, workday } from "./date-phrases.ts";
import { addDays } from "./dates.ts";
import { ascii, caseReference, courtFor, newAddress, personName, localPart } from "./people.ts";
import type { DebtorRow } from "./ledger-data.ts";

export type IntentKey = "promise" | "notice" | "dispute" | "document" | "plan" | "account" | "question" | "insolvency" | "auto" | "other";
export type Fields = Record<string, string | number | boolean>;

export interface RenderCtx {
  lang: Lang;
  rng: Rng;
  speller: RefSpeller;
  /** Sender's local civil date: relative dates resolve against it. */
  base: string;
  debtor: LedgerDebtor | null;
  row: DebtorRow | null;
  /** Invoices of the debtor that the sender may talk about, preferred ones first. */
  pool: LedgerInvoice[];
  preferred: LedgerInvoice[];
  /** Invoices already used by another part of the same mail. */
  exclude: LedgerInvoice[];
  /** Names for auto-replies. */
  person?: { first: string; colleague: string; colleagueEmail: string };
  /** Insolvency: who administers, as the notice gives it. */
  administrator?: string;
}

export interface Rendered {
  text: string;
  invoices: LedgerInvoice[];
  fields: Fields;
}

const INVOICE_SLOTS = /\{(inv|inv_dat|invno|invs|invno2|cn)\}/;

export function slotsOf(tpl: string): Set<string> {
  return new Set([...tpl.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
}

export function mentionsInvoices(tpl: string): boolean {
  return INVOICE_SLOTS.test(tpl);
}

/** Whether the debtor's pool can satisfy the template's invoice slots. */
export function feasible(tpl: string, ctx: Pick<RenderCtx, "pool" | "exclude">): boolean {
  const s = slotsOf(tpl);
  const free = ctx.pool.filter((i) => !ctx.exclude.includes(i));
  const invs = free.filter((i) => i.kind === "invoice").length;
  const cns = free.filter((i) => i.kind === "credit_note").length;
  let need = 0;
  if (s.has("inv") || s.has("inv_dat") || s.has("invno")) need += 1;
  if (s.has("invs")) need += 2;
  if (s.has("invno2")) need += 1;
  return invs >= need && (!s.has("cn") || cns > 0);
}

const WORDS: Record<Lang, string[]> = {
  nl: ["twee", "drie", "vier", "vijf", "zes"],
  fr: ["deux", "trois", "quatre", "cinq", "six"],
  de: ["zwei", "drei", "vier", "fünf", "sechs"],
  en: ["two", "three", "four", "five", "six"],
};

function take(ctx: RenderCtx, k: number, used: LedgerInvoice[], atLeast = k): LedgerInvoice[] {
  const free = (list: LedgerInvoice[]) => list.filter((i) => i.kind === "invoice" && !used.includes(i) && !ctx.exclude.includes(i));
  const pref = ctx.rng.shuffle(free(ctx.preferred));
  const rest = ctx.rng.shuffle(free(ctx.pool).filter((i) => !pref.includes(i)));
  const picked = [...pref, ...rest].slice(0, k);
  if (picked.length < atLeast) throw new Error("template not feasible for this debtor");
  return picked.sort((a, b) => (a.number < b.number ? -1 : 1));
}

export function render(tpl: string, intent: IntentKey, ctx: RenderCtx): Rendered {
  const { rng, lang } = ctx;
  const slots = slotsOf(tpl);
  const used: LedgerInvoice[] = [];
  const one = slots.has("inv") || slots.has("inv_dat") || slots.has("invno") ? take(ctx, 1, used)[0] : null;
  if (one) used.push(one);
  const many = slots.has("invs") ? take(ctx, rng.chance(0.75) ? 2 : 3, used, 2) : [];
  used.push(...many);
  const second = slots.has("invno2") ? take(ctx, 1, used)[0] : null;
  if (second) used.push(second);
  const cn = slots.has("cn") ? rng.pick(ctx.pool.filter((i) => i.kind === "credit_note" && !ctx.exclude.includes(i))) : null;
  const invoices = [...used, ...(cn ? [cn] : [])];
  // Without numbers, an amount equal to the open total of the letter (or of the account)
  // designates those invoices: the sender means them.
  const designated = (ctx.preferred.length ? ctx.preferred : ctx.pool).filter((i) => i.kind === "invoice" && !ctx.exclude.includes(i));
  const currency = invoices[0]?.currency ?? ctx.pool[0]?.currency ?? "EUR";
  const named = [...(one ? [one] : []), ...many];
  const total = round2(named.reduce((s, i) => s + i.openAmount, 0) + (cn ? cn.openAmount : 0));
  // Without named invoices an amount means the balance the letter (or the ledger) shows.
  const balance = round2(designated.reduce((s, i) => s + i.openAmount, 0));
  const baseAmount = total > 0 ? total : balance > 0 ? balance : round2(rng.int(180, 4800) + rng.int(0, 99) / 100);
  const fields: Fields = {};
  const values: Record<string, string> = {};
  const fieldFor = (name: string, value: string | number | boolean) => {
    fields[name] = value;
  };

  for (const s of slots) {
    switch (s) {
      case "inv": values.inv = ctx.speller.phrase(one!, lang, rng); break;
      case "inv_dat": values.inv_dat = ctx.speller.dative(one!, lang, rng); break;
      case "invno": values.invno = ctx.speller.bare(one!, rng); break;
      case "invs": values.invs = ctx.speller.list(many, lang, rng); break;
      case "invno2": values.invno2 = ctx.speller.bare(second!, rng); break;
      case "cn": values.cn = ctx.speller.phrase(cn!, lang, rng); break;
      case "amt": {
        values.amt = money(baseAmount, currency, lang, rng);
        if (["promise", "notice", "dispute", "plan"].includes(intent) && !slots.has("part")) fieldFor("amount", baseAmount);
        break;
      }
      case "part": {
        const part = round2(Math.min(baseAmount * 0.9, rng.chance(0.5) ? rng.pick([50, 100, 150, 200, 250, 500, 1000]) : baseAmount * rng.pick([0.08, 0.12, 0.25, 0.3, 0.5])));
        values.part = money(part, currency, lang, rng);
        if (["promise", "notice", "dispute", "plan"].includes(intent)) fieldFor("amount", part);
        break;
      }
      case "fdate": case "fdate_bare": {
        const e = s === "fdate" ? futureDate(lang, ctx.base, rng) : bareDate(lang, workday(addDays(ctx.base, rng.int(3, 30))), rng);
        values[s] = e.text;
        if (intent === "promise") fieldFor("promisedDate", e.iso);
        break;
      }
      case "pdate": case "pdate_bare": {
        const e = s === "pdate" ? pastDate(lang, ctx.base, rng) : bareDate(lang, addDays(ctx.base, -rng.int(1, 12)), rng);
        values[s] = e.text;
        if (intent === "notice") fieldFor("paidDate", e.iso);
        break;
      }
      case "ldate_bare": values.ldate_bare = bareDate(lang, addDays(ctx.base, rng.int(30, 75)), rng).text; break;
      case "n": {
        const n = rng.int(2, 6);
        values.n = rng.chance(0.5) ? String(n) : WORDS[lang][n - 2];
        if (intent === "plan") fieldFor("instalments", n);
        break;
      }
      case "email": {
        const v = newMailbox(ctx);
        values.email = v;
        fieldFor("newEmail", v);
        break;
      }
      case "addr": case "addrLines": {
        const lines = newAddress(ctx.row!.country, ctx.row!.city, rng, lang);
        values[s] = s === "addr" ? lines.join(", ") : lines.join("\n");
        fieldFor("newAddress", lines.join(", "));
        break;
      }
      case "po": {
        const v = rng.pick([`45${rng.int(10000000, 99999999)}`, `PO-${rng.int(2025, 2025)}-${rng.int(1000, 9999)}`, `${rng.int(700000, 799999)}`, `BST${rng.int(10000, 99999)}`]);
        values.po = v;
        fieldFor("poNumber", v);
        break;
      }
      case "vat": {
        const v = newVat(ctx.row!.country, rng);
        values.vat = v;
        fieldFor("vatNumber", v);
        break;
      }
      case "company": values.company = ctx.debtor!.name; break;
      case "cust": values.cust = ctx.row?.cust && rng.chance(0.4) ? ctx.row.cust : rng.pick([ctx.debtor!.number, ctx.debtor!.number.replace("D", "D ")]); break;
      case "ord": case "dn": case "quote": case "ticket":
        values[s] = decoy(s, lang, rng, ctx.speller, invoices.map((i) => i.number));
        break;
      case "court": values.court = courtFor(lang, ctx.row!.country, rng); break;
      case "case": {
        const v = caseReference(ctx.row!.country, rng, Number(ctx.base.slice(0, 4)));
        values.case = v;
        if (intent === "insolvency") fieldFor("caseReference", v);
        break;
      }
      case "admin": {
        values.admin = ctx.administrator!;
        if (intent === "insolvency") fieldFor("administrator", ctx.administrator!);
        break;
      }
      case "rdate": case "udate": {
        const away = awayDates(lang, ctx.base, rng);
        const e = s === "rdate" ? away.back : away.until;
        values[s] = e.text;
        if (intent === "auto") fieldFor("returnDate", e.iso);
        break;
      }
      case "first": values.first = ctx.person!.first; break;
      case "colleague": values.colleague = ctx.person!.colleague; break;
      case "colleagueEmail": values.colleagueEmail = ctx.person!.colleagueEmail; break;
      default: throw new Error(`unknown slot {${s}} in "${tpl}"`);
    }
  }
  if (slots.has("amt") && total === 0 && balance > 0 && intent !== "auto" && intent !== "other") invoices.push(...designated);
  const text = tpl.replace(/\{(\w+)\}/g, (_m, name: string, offset: number) => {
    const v = values[name];
    // Sentence starts take a capital; after a colon only German does (a full sentence follows).
    const before = tpl.slice(Math.max(0, offset - 3), offset);
    const atStart = offset === 0 || /[.!?]\s+$/.test(before) || (lang === "de" && /:\s+$/.test(before)) || tpl[offset - 1] === "\n";
    return atStart ? v.charAt(0).toUpperCase() + v.slice(1) : v;
  });
  return { text, invoices, fields };
}

function newMailbox(ctx: RenderCtx): string {
  const { rng } = ctx;
  const domains = ctx.debtor!.contacts.map((c) => c.email.split("@")[1]).filter((d) => d.endsWith(".example") && !d.includes("ssc") && !d.includes("services"));
  if (domains.length > 0) {
    const p = personName(ctx.lang, rng);
    const local = { nl: ["facturen", "boekhouding", "crediteuren"], fr: ["factures", "compta", "fournisseurs"], de: ["rechnungen", "kreditoren", "buchhaltung"], en: ["invoices", "accounts.payable", "ap"] }[ctx.lang];
    const known = new Set(ctx.debtor!.contacts.map((c) => c.email));
    for (;;) {
      const candidate = `${rng.pick([...local, localPart(p.first, p.last, rng)])}@${rng.pick(domains)}`;
      if (!known.has(candidate)) return candidate;
    }
  }
  const name = ascii(ctx.debtor!.name).replace(/\b(bv|nv|sa|srl|sarl|gmbh|ltd|asbl|vzw|sas)\b/g, "").replace(/[^a-z]+/g, "");
  return rng.pick([`${name.slice(0, 14)}@${rng.pick(["gmail.com", "outlook.com"])}`, `facturatie.${name.slice(0, 10)}@gmail.com`, `administratie@${name.slice(0, 12)}.example`]);
}

function newVat(country: string, rng: Rng): string {
  const n = (k: number) => Array.from({ length: k }, () => rng.int(0, 9)).join("");
  switch (country) {
    case "BE": return rng.pick([`BE0${n(3)}.${n(3)}.${n(3)}`, `BE 0${n(9)}`, `BE0${n(9)}`]);
    case "NL": return `NL${n(9)}B0${rng.int(1, 3)}`;
    case "FR": return rng.pick([`FR${n(11)}`, `FR ${n(2)} ${n(9)}`]);
    case "DE": return rng.pick([`DE${n(9)}`, `DE ${n(3)} ${n(3)} ${n(3)}`]);
    case "LU": return `LU${n(8)}`;
    case "CH": return `CHE-${n(3)}.${n(3)}.${n(3)} ${rng.pick(["MWST", "TVA"])}`;
    default: return rng.pick([`GB${n(9)}`, `GB ${n(3)} ${n(4)} ${n(2)}`]);
  }
}
