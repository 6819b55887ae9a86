/**
 * Automatic replies to our reminders: out-of-office in four languages (with
 * the header sets different servers add, or none but a localised subject),
 * ticket acknowledgements of service centres, "no longer with the company".
 */
import { Rng } from "./prng.ts";
import type { Lang } from "./phrases/types.ts";
import { debtorRow } from "./ledger.ts";
import { GROUPS } from "./ledger-data.ts";
import { render } from "./render.ts";
import { choose, entries } from "./templates.ts";
import { renderMail, messageId } from "./message.ts";
import { localPart, personName } from "./people.ts";
import { isFreemail, zoneFor } from "./sender.ts";
import { addDays, stampFromUtc } from "./dates.ts";
import { clientFor, formatFor, mailDate, pickLetter, type Env, type Generated, type Split } from "./common.ts";
import { escapeHtml } from "./body.ts";

type HeaderSet = "rfc3834" | "rfc3834-only" | "exchange" | "suppress-only" | "precedence" | "subject-only";

const HEADERS: Record<HeaderSet, (email: string) => Array<[string, string]>> = {
  rfc3834: () => [["Auto-Submitted", "auto-replied"], ["X-Autoreply", "yes"]],
  "rfc3834-only": () => [["Auto-Submitted", "auto-replied"]],
  exchange: (email) => [["Auto-Submitted", "auto-generated"], ["X-Auto-Response-Suppress", "All"], ["X-MS-Exchange-Inbox-Rules-Loop", email]],
  "suppress-only": () => [["X-Auto-Response-Suppress", "All"]],
  precedence: () => [["Precedence", "auto_reply"], ["X-Autoreply", "yes"]],
  "subject-only": () => [],
};

const SECOND_LANG: Partial<Record<string, Lang>> = { BE: "fr", LU: "de", CH: "fr" };
const SSC_LANG_TICKET: Record<Lang, string> = { nl: "Uw bericht werd geregistreerd", fr: "Votre demande a été enregistrée", de: "Ihre Anfrage wurde registriert", en: "Your request has been received" };

export function autoReply(env: Env, lang: Lang, split: Split, rng: Rng): Generated {
  const bank = env.banks[lang];
  for (;;) {
    const ticketMode = rng.chance(0.12);
    const debtors = env.ledger.debtors.filter((d) => {
      const row = debtorRow(d.number);
      if (ticketMode) return !!row.group && GROUPS[row.group].lang.includes(lang);
      return d.contacts.some((c) => (row.contacts.find((r) => r[0] === c.email)?.[3] ?? row.lang) === lang && !Object.values(GROUPS).some((g) => g.ssc === c.email));
    });
    const debtor = rng.pick(debtors);
    const row = debtorRow(debtor.number);
    const contact = ticketMode
      ? debtor.contacts.find((c) => c.email === GROUPS[row.group!].ssc)!
      : rng.pick(debtor.contacts.filter((c) => (row.contacts.find((r) => r[0] === c.email)?.[3] ?? row.lang) === lang && !Object.values(GROUPS).some((g) => g.ssc === c.email)));
    const date = mailDate(rng);
    const letter = pickLetter(env, debtor, { name: contact.name, email: contact.email }, addDays(date, 1), rng, lang);
    if (!letter) continue;
    // The auto-reply answers within minutes of the letter.
    const st = stampFromUtc(letter.stamp.utcMs + rng.int(20, 900) * 1000, zoneFor(row.country, contact.email, rng));
    const list = entries(bank, "auto").filter((e) => (ticketMode ? e.text.includes("{ticket}") || /ontvangen door|reçu par|eingegangen|received by/.test(e.text) : !e.text.includes("{ticket}")));
    const entry = choose(list, split, rng, () => true);
    if (!entry) continue;
    const [first, ...last] = contact.name.split(" ");
    const colleague = personName(lang, rng);
    const domain = contact.email.split("@")[1];
    const colleagueEmail = isFreemail(contact.email) ? `${localPart(colleague.first, colleague.last, rng).replace(".", "")}${rng.int(1, 99)}@${domain}` : `${localPart(colleague.first, colleague.last, rng)}@${domain}`;
    const ctxBase = { lang, speller: env.speller, base: st.date, debtor, row, pool: [], preferred: [], exclude: [], person: { first: last.length ? first : contact.name, colleague: colleague.full, colleagueEmail } };
    const seed = `auto:${rng.hex(8)}`;
    const main = render(entry.text, "auto", { ...ctxBase, rng: new Rng(seed) });
    let text = main.text;
    let tagBilingual = "";
    const other = SECOND_LANG[row.country];
    if (!ticketMode && other && other !== lang && rng.chance(0.25)) {
      // Belgian, Luxembourg and Swiss out-of-offices often repeat themselves in a second language.
      const twin = entries(env.banks[other], "auto")[entry.index];
      const r2 = render(twin.text, "auto", { ...ctxBase, lang: other, rng: new Rng(seed) });
      if (JSON.stringify(r2.fields) === JSON.stringify(main.fields)) {
        text = `${text}\n\n---\n\n${r2.text}`;
        tagBilingual = "bilingual";
      }
    }
    const headerSet: HeaderSet = ticketMode ? "rfc3834-only" : rng.weighted([["rfc3834", 3], ["rfc3834-only", 2], ["exchange", 3], ["suppress-only", 1], ["precedence", 1], ["subject-only", 1]]);
    const extra = HEADERS[headerSet](contact.email);
    if (ticketMode) extra.splice(0, extra.length, ["Auto-Submitted", "auto-generated"], ["Precedence", "bulk"]);
    const ticketNo = /(#\d+|INC\d+|CS-\d+)/.exec(text)?.[1];
    const subject = ticketMode
      ? `[${ticketNo ?? `#${rng.int(100000, 999999)}`}] ${SSC_LANG_TICKET[lang]} - ${letter.subject}`
      : `${headerSet === "subject-only" || rng.chance(0.8) ? rng.pick(bank.autoSubjects) : ""}${letter.subject}`;
    const client = ticketMode ? "webmail" : clientFor(contact.email, rng);
    const fmt = formatFor(client, rng);
    const signature = ticketMode ? GROUPS[row.group!].sscName : rng.chance(0.6) ? contact.name : "";
    const plain = `${text}${signature ? `\n\n${signature}` : ""}\n`;
    const html = `<html><body><div>${escapeHtml(plain).replace(/\n/g, "<br>\n")}</div></body></html>\n`;
    const from = ticketMode ? { name: GROUPS[row.group!].sscName, email: `noreply@${domain}` } : { name: contact.name, email: contact.email };
    const thread = ticketMode || rng.chance(0.85);
    const eml = renderMail({
      from, to: [{ name: letter.from.name, email: letter.from.email }], subject, stamp: st,
      messageId: messageId(client, domain, rng), inReplyTo: thread ? letter.messageId : undefined, references: thread ? [letter.messageId] : undefined,
      extraHeaders: extra, plain: fmt.plain ? plain : null, html: fmt.html ? html : null, charset: fmt.charset, cte: fmt.cte, crlf: fmt.crlf, client,
      subjectMode: rng.chance(0.5) ? "B" : "Q",
    }, rng);
    return {
      eml,
      label: { intent: "auto_reply", debtor: debtor.number, language: lang, invoices: [], fields: main.fields },
      utcMs: st.utcMs,
      tags: [`headers:${headerSet}`, ticketMode ? "ticket" : "ooo", tagBilingual, thread ? "thread" : ""].filter(Boolean),
      phrases: [`${lang}/auto/${entry.index}`],
    };
  }
}
