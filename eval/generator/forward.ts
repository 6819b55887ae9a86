/**
 * Forwards in which someone hands a customer's mail on with a one-line note:
 * one of our colleagues (sales, order desk) to the AR mailbox, or someone at
 * the customer passing on a colleague's mail. The label is the forwarded
 * customer mail's (intents.md: classify what the sender wrote; a bare
 * hand-over note carries no intent of its own). The forward goes out the same
 * day, so relative dates mean the same against either Date.
 */
import type { Rng } from "./prng.ts";
import type { Lang, PhraseBank } from "./phrases/types.ts";
import { stampFromUtc, type Stamp, type Zone } from "./dates.ts";
import { COMPANY } from "./ledger-data.ts";
import type { Letter, QuoteStyle } from "./letter.ts";
import { fitsHour, fullHtml, fullPlain, ownPlain, ownText, type OwnText } from "./body.ts";
import { messageId, type Client } from "./message.ts";
import { clientFor, formatFor, replySubject, type Split } from "./common.ts";
import { pickLine } from "./templates.ts";
import { localPart, personName } from "./people.ts";
import type { Charset, Cte } from "./mime.ts";

type Party = { name: string | null; email: string };

/** The customer's mail as the thing being forwarded: a letter-shaped record that quoteLetter can print. */
function forwardedMail(o: {
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

function colleague(lang: Lang, pick: <T>(xs: readonly T[]) => T): { name: string; email: string; signature: string } {
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
function handoverNote(lang: Lang, note: string, signature: string, hour: number, terse: boolean, pick: <T>(xs: readonly T[]) => T): OwnText {
  const hi = INTERNAL[lang].hi.filter((g) => fitsHour(g, hour));
  return { greeting: terse ? "" : pick(hi), paragraphs: [note], closing: terse ? "" : pick(INTERNAL[lang].bye), signature, mobile: null, sigDash: false };
}

/** Greetings a customer would write to a salesperson: none that name our credit controllers. */
export function neutralGreetings(greetings: string[], hour: number): string[] {
  return greetings.filter((g) => g && !/Sofie|Julien|Verstraeten|Masson/.test(g) && fitsHour(g, hour));
}

/** Who forwards: one of our colleagues (hand-over) or someone else at the customer (pass-on). */
function forwarder(shape: "handover" | "passon", lang: Lang, senderEmail: string, company: string, rng: Rng): { name: string; email: string; signature: string; zone: Zone } {
  if (shape === "handover") return { ...colleague(lang, (xs) => rng.pick(xs)), zone: "Europe/Brussels" };
  const domain = senderEmail.split("@")[1];
  for (;;) {
    const p = personName(lang, rng);
    const email = `${localPart(p.first, p.last, rng)}@${domain}`;
    if (email !== senderEmail) return { name: p.full, email, signature: `${p.full}\n${company}`, zone: lang === "en" ? "Europe/London" : "Europe/Brussels" };
  }
}

export interface Forward {
  from: Party;
  to: Party[];
  subject: string;
  stamp: Stamp;
  client: Client;
  messageId: string;
  plain: string | null;
  html: string | null;
  format: { charset: Charset; cte: Cte; crlf: boolean };
  /** Phrase id of the note ("nl/handover/3"), for the split check. */
  phrase: string;
  word: boolean;
}

/**
 * The customer's mail (already composed) forwarded to our AR mailbox; null when the
 * forward would fall on another calendar day than the customer's mail.
 */
export function forwardMail(o: {
  shape: "handover" | "passon"; lang: Lang; bank: PhraseBank; split: Split; rng: Rng; company: string; ours: string;
  customer: { from: Party; subject: string; own: OwnText; stamp: Stamp };
}): Forward | null {
  const { shape, lang, bank, rng } = o;
  const fwd = forwarder(shape, lang, o.customer.from.email, o.company, rng);
  const at = stampFromUtc(o.customer.stamp.utcMs + rng.int(4, 200) * 60_000, fwd.zone);
  if (at.date !== o.customer.stamp.date) return null;
  const note = pickLine(shape === "handover" ? bank.handover : bank.passOn, o.split, rng);
  const noteOwn = shape === "handover"
    ? handoverNote(lang, note.text, fwd.signature, at.hour, rng.chance(0.55), (xs) => rng.pick(xs))
    : ownText([note.text], bank, rng, { signature: fwd.signature, terse: rng.chance(0.5), filler: false, mobileOk: false, hour: at.hour });
  const client: Client = shape === "handover" ? rng.weighted<Client>([["outlook", 7], ["gmail", 3]]) : clientFor(fwd.email, rng);
  const style: QuoteStyle = client === "outlook" ? "outlook" : "forward";
  const inner = forwardedMail({ lang, subject: o.customer.subject, own: o.customer.own, stamp: o.customer.stamp, from: o.customer.from, to: { name: fwd.name, email: fwd.email } });
  const fmt = formatFor(client, rng);
  const word = client === "outlook" && rng.chance(0.5) ? { lang } : null;
  return {
    from: { name: fwd.name, email: fwd.email }, to: [{ name: rng.chance(0.5) ? null : "Brouwer & Lefèvre", email: o.ours }],
    subject: replySubject(o.customer.subject, lang, true, rng), stamp: at, client, messageId: messageId(client, fwd.email.split("@")[1], rng),
    plain: fmt.plain ? fullPlain(noteOwn, { letter: inner, style, lang }) : null,
    html: fmt.html ? fullHtml(noteOwn, { letter: inner, style, lang }, fmt.charset, client === "outlook", word) : null,
    format: { charset: fmt.charset, cte: fmt.cte, crlf: fmt.crlf },
    phrase: `${lang}/${shape === "handover" ? "handover" : "passOn"}/${note.index}`,
    word: !!word && fmt.html,
  };
}
