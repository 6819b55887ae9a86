/**
 * Who writes a mail and how they sign it. The routing case decides which
 * clues exist: a known address, a known domain, names and numbers in the body.
 */
import type { Rng } from "./prng.ts";
import type { Lang, PhraseBank } from "./phrases/types.ts";
import type { LedgerDebtor } from "./ledger.ts";
import type { DebtorRow } from "./ledger-data.ts";
import { FREEMAIL, GROUPS } from "./ledger-data.ts";
import { ACCOUNTANTS, CURATORS, ascii, iban, localPart, personName, phone, registerNumber } from "./people.ts";
import type { Zone } from "./dates.ts";

export type Routing = "contact" | "domain_unknown" | "freemail_unknown" | "ssc" | "accountant" | "curator" | "no_clue" | "stranger";

export interface Sender {
  name: string | null;
  email: string;
  routing: Routing;
  signature: string;
  /** "On behalf of our client …" line for accountants and service centres. */
  intro: string | null;
  zone: Zone;
  /** Administrator named by a curator's signature. */
  administrator?: string;
}

const ROLE_TITLE: Record<string, Record<Lang, string>> = {
  accounts_payable: { nl: "Boekhouding - crediteuren", fr: "Comptabilité fournisseurs", de: "Kreditorenbuchhaltung", en: "Accounts Payable" },
  finance: { nl: "Financieel verantwoordelijke", fr: "Responsable administratif et financier", de: "Leitung Finanzen", en: "Finance Manager" },
  purchasing: { nl: "Aankoop", fr: "Service achats", de: "Einkauf", en: "Purchasing" },
  management: { nl: "Zaakvoerder", fr: "Gérant", de: "Geschäftsführer", en: "Director" },
  shared_service_centre: { nl: "Accounts Payable", fr: "Comptabilité fournisseurs", de: "Kreditorenbuchhaltung", en: "Accounts Payable" },
};

export function zoneFor(country: string, email: string, rng: Rng): Zone {
  if (email.endsWith("@hgh-services.example")) return "Europe/Warsaw";
  if (email.endsWith("@greenleaf-labs.example")) return "Asia/Kolkata";
  if (FREEMAIL.includes(email.split("@")[1]) && rng.chance(0.1)) return "UTC";
  return country === "GB" ? "Europe/London" : "Europe/Brussels";
}

export function isFreemail(email: string): boolean {
  return FREEMAIL.includes(email.split("@")[1]);
}

const ACCOUNT_WORD: Record<Lang, string> = { nl: "Klantnummer:", fr: "N° client :", de: "Kundennummer:", en: "Account no.:" };
const SUPPLIER_NO: Record<Lang, string> = { nl: "Uw leveranciersnr.:", fr: "Votre n° fournisseur :", de: "Ihre Lieferantennr.:", en: "Your supplier no.:" };

/** A corporate-style signature block with the numbers that look like references. */
function corporateSig(name: string, title: string, company: string, row: DebtorRow, bank: PhraseBank, rng: Rng, domain: string): string {
  const lines = [name, title, company];
  const tel = `${bank.sig.phone} ${phone(row.country, rng)}`;
  const style = rng.int(0, 3);
  if (style === 0) return `${name} | ${title}\n${company} | ${row.city}\n${tel}`;
  lines.push(row.city, tel);
  if (rng.chance(0.4)) lines.push(`${bank.sig.mobile} ${phone(row.country, rng)}`);
  if (rng.chance(0.5)) lines.push(`${bank.sig.vat} ${row.vat}`);
  const reg = registerNumber(row.country, rng, bank.sig.vat === "TVA" ? "fr" : "nl");
  if (reg && rng.chance(0.5)) lines.push(reg);
  if (rng.chance(0.2)) lines.push(`IBAN ${iban(row.country, rng)}`);
  if (style === 3) lines.push(`www.${domain}`);
  // Their own number for us as a supplier: looks like a reference, is none of ours.
  if (rng.chance(0.15)) lines.push(`${SUPPLIER_NO[bank.sig.vat === "TVA" ? "fr" : bank.sig.vat === "BTW" ? "nl" : bank.sig.vat === "VAT No." ? "en" : "de"]} ${rng.int(70000, 79999)}`);
  return lines.join("\n");
}

function smallBizSig(name: string, row: DebtorRow, debtor: LedgerDebtor, bank: PhraseBank, rng: Rng): string {
  return rng.pick([
    name.split(" ")[0],
    `${name}\n${debtor.name}`,
    `${debtor.name}\n${row.city}\n${bank.sig.phone} ${phone(row.country, rng)}`,
    `${name}\n${debtor.name}\n${bank.sig.vat} ${row.vat}\n${phone(row.country, rng)}`,
    `${name.split(" ")[0]}\n${phone(row.country, rng)}`,
  ]);
}

export interface SenderOpts {
  routing: Routing;
  debtor: LedgerDebtor | null;
  row: DebtorRow | null;
  lang: Lang;
  bank: PhraseBank;
  rng: Rng;
  /** For freemail_unknown without invoice references: put the company in the signature. */
  needsClue?: boolean;
}

export function makeSender(o: SenderOpts): Sender {
  const { rng, bank, lang } = o;
  const debtor = o.debtor!;
  const row = o.row!;
  switch (o.routing) {
    case "contact": {
      const langOf = (c: LedgerDebtor["contacts"][number]) => row.contacts.find((r) => r[0] === c.email)?.[3] ?? row.lang;
      const candidates = debtor.contacts.filter((c) => langOf(c) === lang && !c.email.includes("ssc") && !c.email.includes("services"));
      const c = rng.pick(candidates.length ? candidates : debtor.contacts);
      const domain = c.email.split("@")[1];
      const sig = isFreemail(c.email) ? smallBizSig(c.name, row, debtor, bank, rng) : corporateSig(c.name, ROLE_TITLE[c.role]?.[lang] ?? c.role, debtor.name, row, bank, rng, domain);
      return { name: c.name, email: c.email, routing: "contact", signature: sig, intro: null, zone: zoneFor(row.country, c.email, rng) };
    }
    case "domain_unknown": {
      const domains = debtor.contacts.map((c) => c.email.split("@")[1]).filter((d) => !FREEMAIL.includes(d) && !Object.values(GROUPS).some((g) => g.ssc.endsWith(d)));
      const domain = rng.pick(domains);
      const p = personName(lang, rng);
      const email = `${localPart(p.first, p.last, rng)}@${domain}`;
      const title = rng.pick(Object.values(ROLE_TITLE))[lang];
      return { name: p.full, email, routing: "domain_unknown", signature: corporateSig(p.full, title, debtor.name, row, bank, rng, domain), intro: null, zone: zoneFor(row.country, email, rng) };
    }
    case "freemail_unknown": {
      const p = personName(lang, rng);
      const email = `${ascii(p.first)}.${ascii(p.last).replace(/\s+/g, "")}${rng.int(1, 99)}@${rng.pick(freemailFor(row.country))}`;
      const clue = o.needsClue || rng.chance(0.3);
      // The only clue may be the company name or our account number for it.
      const account = row.cust && rng.chance(0.4) ? row.cust : rng.pick([debtor.number, debtor.number.replace("D", "D ")]);
      const sig = clue
        ? rng.pick([`${p.full}\n${debtor.name}`, `${p.first}\n${debtor.name} - ${row.city}`, `${p.full}\n${debtor.name}\n${phone(row.country, rng)}`, `${p.full}\n${ACCOUNT_WORD[lang]} ${account}`])
        : p.first;
      return { name: rng.chance(0.7) ? p.full : null, email, routing: "freemail_unknown", signature: sig, intro: null, zone: zoneFor(row.country, email, rng) };
    }
    case "ssc": {
      const g = GROUPS[row.group!];
      const p = personName(g.lang.includes(lang) ? lang : "en", rng);
      const sig = rng.pick([
        `${p.full}\n${ROLE_TITLE.shared_service_centre[lang]}\n${g.sscName}`,
        `${g.sscName}\n${ROLE_TITLE.shared_service_centre[lang]} - ${g.name}`,
        `${p.first}\n${g.sscName}\n${bank.sig.phone} ${phone(row.country, rng)}`,
      ]);
      const ref = rng.chance(0.3) ? `\n${{ nl: "Onze ref.", fr: "Notre réf.", de: "Unser Zeichen:", en: "Our ref:" }[lang]} ${rng.pick(["CS-", "AP-", "T"])}${rng.int(100000, 999999)}` : "";
      return { name: rng.chance(0.5) ? p.full : `${g.sscName}`, email: g.ssc, routing: "ssc", signature: `${sig}${ref}`, intro: rng.chance(0.35) ? bank.onBehalf[rng.pick([3, 4])] : null, zone: zoneFor(row.country, g.ssc, rng) };
    }
    case "accountant": {
      const firm = rng.pick(ACCOUNTANTS[lang]);
      const p = personName(lang, rng);
      const email = `${localPart(p.first, p.last, rng)}@${firm.domain}`;
      const sig = `${p.full}\n${firm.firm}\n${bank.sig.phone} ${phone(row.country, rng)}`;
      return { name: p.full, email, routing: "accountant", signature: sig, intro: rng.pick(bank.onBehalf.slice(0, 3)), zone: zoneFor(row.country, email, rng) };
    }
    case "curator": {
      const c = rng.pick(CURATORS[lang]);
      const email = `${rng.pick({ nl: ["insolventie", "curatele", "info"], fr: ["faillites", "secretariat", "info"], de: ["kanzlei", "insolvenz", "info"], en: ["insolvency", "office", "info"] }[lang])}@${c.domain}`;
      const sig = `${c.name}\n${c.firm}\n${phone(row.country, rng)}`;
      return { name: c.name.split(" en ")[0].split(" and ")[0], email, routing: "curator", signature: sig, intro: null, zone: zoneFor(row.country, email, rng), administrator: c.name };
    }
    case "no_clue":
    case "stranger": {
      const p = personName(lang, rng);
      const email = `${ascii(p.first)}${rng.pick([".", "_", ""])}${ascii(p.last).replace(/\s+/g, "")}${rng.int(1, 999)}@${rng.pick(FREEMAIL)}`;
      return { name: rng.chance(0.6) ? p.full : null, email, routing: o.routing, signature: p.first, intro: null, zone: rng.pick(["Europe/Brussels", "UTC", "Europe/London"] as Zone[]) };
    }
  }
}

export function freemailFor(country: string): string[] {
  switch (country) {
    case "BE": return ["telenet.be", "skynet.be", "gmail.com", "hotmail.com"];
    case "NL": return ["gmail.com", "hotmail.com", "outlook.com"];
    case "FR": return ["orange.fr", "free.fr", "gmail.com"];
    case "DE": return ["web.de", "gmx.de", "gmail.com"];
    case "CH": return ["bluewin.ch", "gmail.com"];
    case "GB": return ["gmail.com", "outlook.com", "yahoo.co.uk"];
    default: return ["gmail.com", "outlook.com"];
  }
}
