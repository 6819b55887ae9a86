/**
 * Layouts beyond "own text above the quoted reminder": answers written below
 * the quote (bottom-posting) or between its lines (inline), and forwards in
 * which someone hands a customer's mail on with a one-line note. The label of
 * a hand-over forward is the forwarded customer mail's (intents.md: classify
 * what the sender wrote; a bare hand-over note carries no intent of its own).
 */
import type { Lang } from "./phrases/types.ts";
import type { Stamp } from "./dates.ts";
import { COMPANY } from "./ledger-data.ts";
import { quoteLetter, type Letter } from "./letter.ts";
import { escapeHtml, fitsHour, ownPlain, type OwnText } from "./body.ts";

/** Quote styles that prefix the quoted reminder with "> ", where answering below it is common. */
export type PrefixStyle = "gmail" | "apple" | "thunderbird";

/** The reminder quoted first, the sender's whole text under it. */
export function bottomPlain(own: OwnText, letter: Letter, style: PrefixStyle, lang: Lang): string {
  return `${quoteLetter(letter, style, lang)}\n\n${ownPlain(own)}\n`;
}

/**
 * The answer written into the quoted reminder, right under its table of
 * invoices; greeting and a "see below" line on top, the signature at the end.
 */
export function inlinePlain(own: OwnText, intro: string | null, letter: Letter, style: PrefixStyle, lang: Lang): string {
  const quoted = quoteLetter(letter, style, lang).split("\n");
  const lastRow = quoted.reduce((acc, l, i) => (/^> (VF|CN)-/.test(l) ? i : acc), -1);
  let at = quoted.findIndex((l, i) => i > lastRow && l.trim() === ">");
  if (at < 0) at = quoted.length;
  const top = [own.greeting, intro].filter((x): x is string => !!x);
  const sign = [own.closing, `${own.sigDash ? "-- \n" : ""}${own.signature}`].filter(Boolean).join("\n");
  const out = [
    ...(top.length ? [top.join("\n\n"), ""] : []),
    ...quoted.slice(0, at),
    "",
    own.paragraphs.join("\n\n"),
    "",
    ...quoted.slice(at + 1),
    "",
    sign,
    ...(own.mobile ? ["", own.mobile] : []),
  ];
  return `${out.join("\n")}\n`;
}

/** Plain text as the simple HTML a webmail sends next to it (quoted lines stay "&gt; …"). */
export function plainAsHtml(text: string): string {
  return `<div dir="ltr">${escapeHtml(text.trimEnd()).replace(/\n/g, "<br>\n")}</div>\n`;
}

/** The customer's mail as the thing being forwarded: a letter-shaped record that quoteLetter can print. */
export function forwardedMail(o: {
  lang: Lang; subject: string; own: OwnText; stamp: Stamp;
  from: { name: string | null; email: string }; to: { name: string | null; email: string };
}): Letter {
  return {
    lang: o.lang, level: 0, subject: o.subject, text: ownPlain(o.own), messageId: "", stamp: o.stamp,
    from: { name: o.from.name ?? o.from.email, email: o.from.email }, to: { name: o.to.name ?? o.to.email, email: o.to.email },
    invoices: [], debtor: "",
  };
}

/** Sales and customer-service colleagues at Brouwer & Lefèvre who receive customers' mail first. */
const COLLEAGUES: Record<Lang, Array<[string, string, string]>> = {
  nl: [["Pieter Wouters", "pieter.wouters", "Account Manager"], ["An Claes", "an.claes", "Binnendienst verkoop"], ["Kevin Maes", "kevin.maes", "Sales Vlaanderen"], ["Lotte Peeters", "orders", "Orderdesk"]],
  fr: [["Laurent Dupont", "laurent.dupont", "Délégué commercial"], ["Nathalie Simon", "nathalie.simon", "Service clients"], ["Marc Lemaire", "m.lemaire", "Responsable régional Wallonie"]],
  de: [["Frank Jansen", "frank.jansen", "Außendienst DACH"], ["Birgit Scholz", "b.scholz", "Innendienst"], ["Stefan Maas", "vertrieb", "Vertrieb"]],
  en: [["Mark Peeters", "mark.peeters", "Key Account Manager UK"], ["Emma Jacobs", "emma.jacobs", "Customer Service"], ["Tom De Smet", "export", "Export Sales"]],
};

export function colleague(lang: Lang, pick: <T>(xs: readonly T[]) => T): { name: string; email: string; signature: string } {
  const [name, local, title] = pick(COLLEAGUES[lang]);
  const domain = pick(COMPANY.domains);
  const ext = String(10 + (name.length * 7) % 89).padStart(2, "0");
  return { name, email: `${local}@${domain}`, signature: `${name}\n${title}\n${COMPANY.name}\nT ${COMPANY.phone.slice(0, -2)}${ext}` };
}

/** How colleagues greet and sign off to each other: a hand-over note is not written to a customer. */
const INTERNAL: Record<Lang, { hi: string[]; bye: string[] }> = {
  nl: { hi: ["Hoi,", "Hallo Sofie,", "Hey,", "Hoi allemaal,", "Goedemorgen,"], bye: ["Groet,", "Thx!", "Bedankt,", "Grtz"] },
  fr: { hi: ["Salut Julien,", "Bonjour Julien,", "Hello,", "Salut,", "Bonjour,"], bye: ["Merci,", "Bonne journée,", "A+", "Merci d'avance,"] },
  de: { hi: ["Hallo Sofie,", "Hi,", "Hallo zusammen,", "Moin,", "Guten Morgen,"], bye: ["Danke,", "Gruß", "VG", "Danke dir,"] },
  en: { hi: ["Hi Sofie,", "Hi all,", "Hello,", "Morning,"], bye: ["Thanks,", "Cheers,", "Thx", "Best,"] },
};

/** A colleague's hand-over note: often just the line and a signature. */
export function handoverNote(lang: Lang, note: string, signature: string, hour: number, terse: boolean, pick: <T>(xs: readonly T[]) => T): OwnText {
  const hi = INTERNAL[lang].hi.filter((g) => fitsHour(g, hour));
  return { greeting: terse ? "" : pick(hi), paragraphs: [note], closing: terse ? "" : pick(INTERNAL[lang].bye), signature, mobile: null, sigDash: false };
}

/** Greetings a customer would write to a salesperson: none that name our credit controllers. */
export function neutralGreetings(greetings: string[], hour: number): string[] {
  return greetings.filter((g) => g && !/Sofie|Julien|Verstraeten|Masson/.test(g) && fitsHour(g, hour));
}
