/** Shared choices for every generated mail: when, which letter it answers, which client writes it. */
import type { Rng } from "./prng.ts";
import type { Lang, PhraseBank } from "./phrases/types.ts";
import type { Ledger, LedgerDebtor, LedgerInvoice } from "./ledger.ts";
import type { RefSpeller } from "./refs.ts";
import { addDays, diffDays, isWeekend, stamp, type Stamp, type Zone } from "./dates.ts";
import { buildLetter, type Letter, type QuoteStyle } from "./letter.ts";
import type { Charset, Cte } from "./mime.ts";
import type { Client } from "./message.ts";
import { FREEMAIL } from "./ledger-data.ts";
import { debtorRow } from "./ledger.ts";

export interface Env {
  ledger: Ledger;
  speller: RefSpeller;
  banks: Record<Lang, PhraseBank>;
}

export type Split = "train" | "test" | "demo";

export interface Label {
  intent: string;
  debtor: string | null;
  language: Lang;
  invoices: string[];
  fields: Record<string, string | number | boolean>;
}

export interface Generated {
  eml: string;
  label: Label;
  utcMs: number;
  /** Tags for the README's feature table (reply, quoted, html-only, pdf…). */
  tags: string[];
  /** Phrase-bank entries used, "lang/bank/index", to check split disjointness. */
  phrases: string[];
}

export const FIRST_DAY = "2024-09-02";
export const LAST_DAY = "2025-04-30";

/** A civil date for a mail, mostly on working days. */
export function mailDate(rng: Rng, from = FIRST_DAY, to = LAST_DAY): string {
  for (;;) {
    const d = addDays(from, rng.int(0, diffDays(to, from)));
    if (!isWeekend(d) || rng.chance(0.05)) return d;
  }
}

export function workStamp(date: string, zone: Zone, rng: Rng): Stamp {
  return stamp(date, rng.int(7, 18), rng.int(0, 59), rng.int(0, 59), zone);
}

/** Invoices a debtor can talk about on a date: issued at least two days earlier. */
export function poolOf(env: Env, debtor: string, date: string): LedgerInvoice[] {
  return env.ledger.invoices.filter((i) => i.debtor === debtor && addDays(i.issueDate, 2) <= date);
}

/** The reminder a reply answers: overdue invoices of the debtor, sent some days before. */
export function pickLetter(env: Env, debtor: LedgerDebtor, to: { name: string; email: string }, date: string, rng: Rng, lang: Lang): Letter | null {
  let letterDate = addDays(date, -rng.int(1, 16));
  while (isWeekend(letterDate)) letterDate = addDays(letterDate, -1);
  const overdue = poolOf(env, debtor.number, letterDate).filter((i) => i.kind === "invoice" && i.dueDate < letterDate);
  if (overdue.length === 0) return null;
  const invoices = rng.sample(overdue, rng.int(1, Math.min(5, overdue.length))).sort((a, b) => (a.number < b.number ? -1 : 1));
  const row = debtorRow(debtor.number);
  const letterLang: Lang = row.lang;
  return buildLetter({
    lang: letterLang === lang || rng.chance(0.7) ? letterLang : lang,
    level: rng.weighted([[1, 5], [2, 3], [3, 1]]),
    stamp: stamp(letterDate, rng.int(6, 9), rng.int(0, 59), rng.int(0, 59), "Europe/Brussels"),
    debtor: debtor.number,
    debtorName: debtor.name,
    to,
    invoices,
    withAccountInSubject: rng.chance(0.5),
  });
}

export function clientFor(email: string, rng: Rng): Client {
  const domain = email.split("@")[1];
  if (domain === "gmail.com") return rng.weighted([["gmail", 8], ["apple", 2]]);
  if (domain === "hotmail.com" || domain === "outlook.com") return rng.weighted([["outlook", 6], ["webmail", 2], ["apple", 2]]);
  if (FREEMAIL.includes(domain)) return rng.weighted([["webmail", 6], ["apple", 2], ["thunderbird", 2]]);
  return rng.weighted([["outlook", 13], ["gmail", 3], ["apple", 2], ["thunderbird", 2]]);
}

export function quoteStyleFor(client: Client, rng: Rng): QuoteStyle {
  if (rng.chance(0.07)) return "forward";
  if (client === "webmail") return rng.pick(["thunderbird", "outlook"]);
  return client;
}

export interface Format {
  plain: boolean;
  html: boolean;
  charset: Charset;
  cte: Cte;
  crlf: boolean;
}

export function formatFor(client: Client, rng: Rng): Format {
  const shape = {
    outlook: rng.weighted([["alt", 6], ["html", 3], ["plain", 1]]),
    gmail: rng.weighted([["alt", 9], ["plain", 1]]),
    apple: rng.weighted([["plain", 5], ["alt", 5]]),
    thunderbird: rng.weighted([["plain", 8], ["alt", 2]]),
    webmail: rng.weighted([["alt", 5], ["plain", 3], ["html", 2]]),
  }[client];
  const charset: Charset = client === "outlook" ? rng.weighted([["utf-8", 6], ["windows-1252", 3], ["iso-8859-1", 1]]) : client === "webmail" || client === "thunderbird" ? rng.weighted([["utf-8", 6], ["iso-8859-1", 4]]) : "utf-8";
  const cte: Cte = charset === "utf-8" ? rng.weighted([["quoted-printable", 6], ["base64", 2], ["8bit", 2]]) : rng.weighted([["quoted-printable", 8], ["base64", 2]]);
  return { plain: shape !== "html", html: shape !== "plain", charset, cte, crlf: rng.chance(0.05) };
}

const RE: Record<Lang, string[]> = { nl: ["Re: ", "RE: ", "Antw: ", "Re: "], fr: ["Re: ", "RE : ", "RE: ", "Re : "], de: ["AW: ", "Re: ", "Aw: ", "AW: "], en: ["Re: ", "RE: ", "Re: ", "RE: "] };
const FW: Record<Lang, string[]> = { nl: ["Fwd: ", "FW: "], fr: ["TR : ", "Fwd: "], de: ["WG: ", "Fwd: "], en: ["Fwd: ", "FW: "] };

export function replySubject(subject: string, lang: Lang, forward: boolean, rng: Rng): string {
  return `${rng.pick(forward ? FW[lang] : RE[lang])}${subject}`;
}

export const CONTENT_LANGUAGE: Record<Lang, string[]> = { nl: ["nl-BE", "nl-NL"], fr: ["fr-BE", "fr-FR", "fr-CH"], de: ["de-DE", "de-CH"], en: ["en-GB", "en-US"] };
