import { MAX_CENTS } from "./money.ts";

/**
 * Parsers for the values found in ERP exports. Each returns the normalised value
 * or an error sentence meant for the clerk who has to fix the file.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(error: string): Parsed<T> => ({ ok: false, error });

/**
 * Amount text to cents. Accepts "1234.56", "1234,56", "1.234,56", "1,234.56",
 * "1 234,56" (also with no-break spaces), "1'234.56", "-12,50", SAP-style
 * "12,50-" and accounting "(12.50)". With one separator followed by exactly three
 * digits ("1.234") it is a thousands separator: money has two decimals.
 */
export function parseAmountText(text: string): Parsed<number> {
  let t = text.trim();
  if (!t) return fail("amount is empty");
  let negative = false;
  if (/^\(.*\)$/.test(t)) [negative, t] = [true, t.slice(1, -1).trim()];
  if (t.startsWith("-") || t.startsWith("+")) [negative, t] = [t.startsWith("-"), t.slice(1).trim()];
  else if (t.endsWith("-")) [negative, t] = [true, t.slice(0, -1).trim()];
  t = t.replace(/[\s\u00a0\u202f'’]/g, "");
  if (!/^[\d.,]*\d[\d.,]*$/.test(t)) return fail(`not an amount: ${JSON.stringify(text)}`);

  const lastDot = t.lastIndexOf(".");
  const lastComma = t.lastIndexOf(",");
  let intPart = t;
  let decPart = "";
  let thousands: string | null = null;
  if (lastDot >= 0 && lastComma >= 0) {
    const dec = lastDot > lastComma ? "." : ",";
    thousands = dec === "." ? "," : ".";
    const at = t.lastIndexOf(dec);
    if (t.indexOf(dec) !== at) return fail(`not an amount: ${JSON.stringify(text)}`);
    [intPart, decPart] = [t.slice(0, at), t.slice(at + 1)];
  } else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? "." : ",";
    const parts = t.split(sep);
    const tail = parts[parts.length - 1];
    if (parts.length === 2 && tail.length !== 3) [intPart, decPart] = parts;
    else thousands = sep;
  }
  if (thousands) {
    const groups = intPart.split(thousands);
    const grouped = /^\d{1,3}$/.test(groups[0]) && groups.slice(1).every((g) => /^\d{3}$/.test(g));
    if (!grouped) return fail(`not an amount (misplaced thousands separator): ${JSON.stringify(text)}`);
    intPart = groups.join("");
  }
  if (!/^\d*$/.test(intPart) || !/^\d*$/.test(decPart)) return fail(`not an amount: ${JSON.stringify(text)}`);
  if (decPart.length > 2) return fail(`amount has more than 2 decimals: ${JSON.stringify(text)}`);
  return centsOrError(Number(intPart || "0") * 100 + Number(decPart.padEnd(2, "0")), negative, text);
}

/** A JSON number (or numeric string) to cents, refusing sub-cent precision. */
export function parseAmountValue(value: number | string): Parsed<number> {
  if (typeof value === "string") return parseAmountText(value);
  if (!Number.isFinite(value)) return fail("amount is not a finite number");
  const cents = Math.round(value * 100);
  if (Math.abs(value * 100 - cents) > 1e-6 * Math.max(1, Math.abs(value))) {
    return fail(`amount has more than 2 decimals: ${value}`);
  }
  return centsOrError(Math.abs(cents), cents < 0, String(value));
}

function centsOrError(abs: number, negative: boolean, text: string): Parsed<number> {
  if (!Number.isSafeInteger(abs) || abs > MAX_CENTS) return fail(`amount is too large: ${JSON.stringify(text)}`);
  return ok(negative && abs !== 0 ? -abs : abs);
}

/**
 * Date text to ISO "YYYY-MM-DD". Accepts ISO (a time part is dropped),
 * YYYY/MM/DD, and the European day-first dd/mm/yyyy, dd.mm.yyyy, dd-mm-yyyy.
 * Month-first US dates are not accepted: they cannot be told apart.
 */
export function parseDate(text: string): Parsed<string> {
  const t = text.trim();
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(t);
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(t))) [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else return fail(`not a date (expected YYYY-MM-DD, dd/mm/yyyy or dd.mm.yyyy): ${JSON.stringify(text)}`);
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1900 || y > 2199 || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) {
    return fail(`not a valid calendar date: ${JSON.stringify(text)}`);
  }
  return ok(`${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
}

export type InvoiceKind = "invoice" | "credit_note";

const kindWords: Record<string, InvoiceKind> = {
  invoice: "invoice", inv: "invoice", factuur: "invoice", facture: "invoice", rechnung: "invoice", fa: "invoice",
  credit_note: "credit_note", creditnote: "credit_note", credit: "credit_note", cn: "credit_note",
  creditnota: "credit_note", avoir: "credit_note", gutschrift: "credit_note", nc: "credit_note",
};

/** Invoice kind words seen in exports (EN/FR/NL/DE) to the two stored kinds. */
export function parseKind(text: string): Parsed<InvoiceKind> {
  const key = text.trim().toLowerCase().replace(/[\s-]+/g, "_");
  const word = [key, key.replace(/_/g, "")].find((k) => Object.hasOwn(kindWords, k));
  const kind = word ? kindWords[word] : undefined;
  return kind ? ok(kind) : fail(`unknown kind ${JSON.stringify(text)} (expected invoice or credit_note)`);
}

/** Digits-only form of an invoice number: "F 2024/0113" -> "20240113". */
export function numberKey(number: string): string {
  return number.replace(/\D/g, "");
}

/** The domain part of an e-mail address, lower-cased. */
export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1).toLowerCase();
}
