/** Amounts written the way each language and currency is written locally. */
import type { Rng } from "./prng.ts";
import type { Lang } from "./phrases/types.ts";

function group(intPart: string, sep: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** Number with a thousands separator and a decimal mark; drops ",00" sometimes when `round`. */
export function num(amount: number, thousands: string, decimal: string, dropZeroCents = false): string {
  const neg = amount < 0;
  const [i, d] = Math.abs(amount).toFixed(2).split(".");
  const body = dropZeroCents && d === "00" ? group(i, thousands) : `${group(i, thousands)}${decimal}${d}`;
  return `${neg ? "-" : ""}${body}`;
}

type Fmt = (a: number) => string;

const EUR: Record<Lang, Fmt[]> = {
  nl: [(a) => `€ ${num(a, ".", ",")}`, (a) => `${num(a, ".", ",")} EUR`, (a) => `EUR ${num(a, "", ",")}`, (a) => `${num(a, "", ",")} euro`, (a) => `€${num(a, ".", ",")}`],
  fr: [(a) => `${num(a, "\u00a0", ",")}\u00a0€`, (a) => `${num(a, " ", ",")} €`, (a) => `${num(a, "", ",")} EUR`, (a) => `${num(a, ".", ",")} €`, (a) => `${num(a, " ", ",", true)} euros`],
  de: [(a) => `${num(a, ".", ",")} €`, (a) => `EUR ${num(a, ".", ",")}`, (a) => `${num(a, "", ",")} Euro`, (a) => `€ ${num(a, ".", ",")}`, (a) => `${num(a, ".", ",", true)},- EUR`],
  en: [(a) => `€${num(a, ",", ".")}`, (a) => `EUR ${num(a, ",", ".")}`, (a) => `${num(a, "", ".")} EUR`, (a) => `€ ${num(a, ",", ".")}`, (a) => `${num(a, ",", ".")} euros`],
};

const GBP: Fmt[] = [(a) => `£${num(a, ",", ".")}`, (a) => `GBP ${num(a, ",", ".")}`, (a) => `£ ${num(a, "", ".")}`, (a) => `${num(a, ",", ".")} GBP`];
const CHF: Fmt[] = [(a) => `CHF ${num(a, "'", ".")}`, (a) => `Fr. ${num(a, "'", ".")}`, (a) => `${num(a, "'", ".")} CHF`, (a) => `CHF ${num(a, "’", ".")}`, (a) => `CHF ${num(a, "", ".")}`];

/** A random local spelling of an amount in its currency. */
export function money(amount: number, currency: string, lang: Lang, rng: Rng): string {
  if (currency === "GBP") return rng.pick(GBP)(amount);
  if (currency === "CHF") return rng.pick(CHF)(amount);
  if (currency === "EUR") return rng.pick(EUR[lang])(amount);
  return `${num(amount, "", ".")} ${currency}`;
}

/** The fixed spelling of our own ERP letters and PDFs. */
export function ledgerMoney(amount: number, currency: string, lang: Lang): string {
  if (currency === "GBP") return `£${num(amount, ",", ".")}`;
  if (currency === "CHF") return `CHF ${num(amount, "'", ".")}`;
  return lang === "en" ? `EUR ${num(amount, ",", ".")}` : `${num(amount, ".", ",")} EUR`;
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
