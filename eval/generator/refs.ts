/**
 * Invoice references in the spellings customers use, and the numbers that only
 * look like invoice references (orders, delivery notes, quotes, tickets...).
 */
import type { Rng } from "./prng.ts";
import type { Lang } from "./phrases/types.ts";
import type { Ledger, LedgerInvoice } from "./ledger.ts";

function split(number: string): { prefix: string; year: string; seq: string } {
  const [prefix, year, seq] = number.split("-");
  return { prefix, year, seq };
}

export class RefSpeller {
  private seqCount = new Map<string, number>();

  constructor(private ledger: Ledger) {
    for (const inv of ledger.invoices) {
      const key = String(Number(split(inv.number).seq));
      this.seqCount.set(key, (this.seqCount.get(key) ?? 0) + 1);
    }
  }

  /** The number alone, in one of the spellings people type. */
  bare(inv: LedgerInvoice, rng: Rng): string {
    const { prefix, year, seq } = split(inv.number);
    const short = String(Number(seq));
    const yy = year.slice(2);
    const forms: Array<[string, number]> = [
      [inv.number, 10],
      [`${prefix}${year}-${seq}`, 3],
      [`${prefix} ${year}/${seq}`, 2],
      [`${prefix.toLowerCase()}-${year}-${seq}`, 2],
      [`${prefix}-${year}-${short}`, 2],
      [`${prefix} ${year} ${seq}`, 1],
      [`${year}-${seq}`, 2],
      [`${year}/${short}`, 1],
      [`${prefix}${yy}-${seq}`, 1],
      [`${prefix}${year}${seq}`, 1],
    ];
    // A bare sequence number only when no other ledger document shares it.
    if (inv.kind === "invoice" && this.seqCount.get(short) === 1) forms.push([short, 1], [seq, 1]);
    return rng.weighted(forms);
  }

  /** A noun phrase naming one invoice or credit note. */
  phrase(inv: LedgerInvoice, lang: Lang, rng: Rng): string {
    const n = this.bare(inv, rng);
    if (inv.kind === "credit_note") {
      const cn: Record<Lang, string[]> = {
        nl: [`creditnota ${n}`, `de creditnota ${n}`, `uw creditnota nr. ${n}`],
        fr: [`la note de crédit ${n}`, `l'avoir ${n}`, `l'avoir n° ${n}`],
        de: [`die Gutschrift ${n}`, `Ihre Gutschrift Nr. ${n}`, `die Gutschrift ${n}`],
        en: [`credit note ${n}`, `your credit note ${n}`, `credit note no. ${n}`],
      };
      return rng.pick(cn[lang]);
    }
    const forms: Record<Lang, string[]> = {
      nl: [`factuur ${n}`, `factuur ${n}`, `de factuur ${n}`, `uw factuur ${n}`, `factuurnummer ${n}`, `factuur nr. ${n}`, `fact. ${n}`, n],
      fr: [`la facture ${n}`, `la facture ${n}`, `votre facture n° ${n}`, `la facture n°${n}`, `la facture numéro ${n}`, `la fact. ${n}`, n],
      de: [`die Rechnung ${n}`, `die Rechnung ${n}`, `Ihre Rechnung ${n}`, `die Rechnung Nr. ${n}`, `die RG ${n}`, `die Re.-Nr. ${n}`, n],
      en: [`invoice ${n}`, `invoice ${n}`, `your invoice ${n}`, `invoice no. ${n}`, `inv ${n}`, `invoice #${n}`, n],
    };
    return rng.pick(forms[lang]);
  }

  /** German dative ("mit der Rechnung …"); other languages have no case and use phrase(). */
  dative(inv: LedgerInvoice, lang: Lang, rng: Rng): string {
    if (lang !== "de") return this.phrase(inv, lang, rng);
    const n = this.bare(inv, rng);
    if (inv.kind === "credit_note") return rng.pick([`der Gutschrift ${n}`, `Ihrer Gutschrift Nr. ${n}`]);
    return rng.pick([`der Rechnung ${n}`, `der Rechnung ${n}`, `Ihrer Rechnung ${n}`, `der Rechnung Nr. ${n}`, `der RG ${n}`, `Rechnung ${n}`, n]);
  }

  /** Two or more invoices as one noun phrase. */
  list(invs: LedgerInvoice[], lang: Lang, rng: Rng): string {
    const nums = invs.map((i) => this.bare(i, rng));
    const and = { nl: " en ", fr: " et ", de: " und ", en: " and " }[lang];
    const joined = rng.chance(0.15) ? nums.join(rng.pick([" + ", " / ", ", "])) : `${nums.slice(0, -1).join(", ")}${and}${nums[nums.length - 1]}`;
    const forms: Record<Lang, string[]> = {
      nl: [`de facturen ${joined}`, `facturen ${joined}`, `uw facturen ${joined}`, `de facturen nrs. ${joined}`],
      fr: [`les factures ${joined}`, `les factures n° ${joined}`, `vos factures ${joined}`, `les factures ${joined}`],
      de: [`die Rechnungen ${joined}`, `die Rechnungen Nr. ${joined}`, `Ihre Rechnungen ${joined}`, `die Rechnungen ${joined}`],
      en: [`invoices ${joined}`, `your invoices ${joined}`, `invoices ${joined}`, `inv. ${joined}`],
    };
    return rng.pick(forms[lang]);
  }

  /** A random ledger invoice number (any debtor), for decoys that echo real digits. */
  anySeq(rng: Rng): { year: string; seq: string } {
    const inv = rng.pick(this.ledger.invoices.filter((i) => i.kind === "invoice"));
    const { year, seq } = split(inv.number);
    return { year, seq };
  }
}

/** Numbers that look like references but are not invoices; words stay in the templates. */
export function decoy(kind: "ord" | "dn" | "quote" | "ticket", lang: Lang, rng: Rng, speller: RefSpeller, avoid: string[]): string {
  const echo = speller.anySeq(rng);
  const echoOk = !avoid.some((n) => n.endsWith(`${echo.year}-${echo.seq}`));
  switch (kind) {
    case "ord":
      return rng.pick([
        `45${rng.int(10000000, 99999999)}`,
        `PO-${rng.int(10000, 99999)}`,
        { nl: `BB-2024-${rng.int(1000, 9999)}`, fr: `CMD-24-${rng.int(1000, 9999)}`, de: `B-${rng.int(100000, 999999)}`, en: `PO${rng.int(100000, 999999)}` }[lang],
        `${rng.int(2024, 2025)}-${String(rng.int(100, 2999)).padStart(4, "0")}`,
      ]);
    case "dn": {
      const pre = { nl: "LB", fr: "BL", de: "LS", en: "DN" }[lang];
      return echoOk && rng.chance(0.4) ? `${pre}-${echo.year}-${echo.seq}` : `${pre}${rng.int(2024, 2025)}-${rng.int(10000, 39999)}`;
    }
    case "quote":
      return rng.pick([`OF-2024-${rng.int(100, 999)}`, `Q-${rng.int(24, 25)}-${rng.int(1000, 9999)}`, `DV${rng.int(24, 25)}${rng.int(1000, 9999)}`]);
    case "ticket":
      return rng.pick([`#${rng.int(2024100100000, 2025043099999)}`, `INC${rng.int(1000000, 9999999)}`, `CS-${rng.int(100000, 999999)}`]);
  }
}
