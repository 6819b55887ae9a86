/**
 * Mails written by people about receivables (and customers' unrelated mail):
 * routing case, debtor, date, the letter answered, the text and its label.
 */
import type { Rng } from "./prng.ts";
import { LANGS, type Lang, type SubjectKey } from "./phrases/types.ts";
import type { LedgerDebtor, LedgerInvoice } from "./ledger.ts";
import { debtorRow } from "./ledger.ts";
import { COMPANY, DEBTORS, GROUPS } from "./ledger-data.ts";
import { CURATORS } from "./people.ts";
import { feasible, mentionsInvoices, render, slotsOf, type IntentKey, type Rendered } from "./render.ts";
import { choose, entries, pickLine, subjectEntries, type Entry } from "./templates.ts";
import { makeSender, isFreemail, type Routing } from "./sender.ts";
import { ownText, fullHtml, fullPlain, fitsHour } from "./body.ts";
import { renderMail, messageId, type Attachment, type MailSpec } from "./message.ts";
import { renderRemittance } from "./pdf.ts";
import { addDays, isWeekend } from "./dates.ts";
import { bottomPlain, inlinePlain, plainAsHtml, type PrefixStyle } from "./shapes.ts";
import { forwardMail, neutralGreetings } from "./forward.ts";
import { round2 } from "./money.ts";
import {
  clientFor, CONTENT_LANGUAGE, formatFor, mailDate, pickLetter, poolOf, quoteStyleFor, replySubject, workStamp,
  type Env, type Generated, type Split,
} from "./common.ts";

export const WIRE: Record<IntentKey, string> = {
  promise: "payment_promise", notice: "payment_notice", dispute: "dispute", document: "document_request",
  plan: "payment_plan_request", account: "account_update", question: "question", insolvency: "insolvency_notice",
  auto: "auto_reply", other: "other",
};

/** Intents about invoices: a reply naming none refers to those of the letter it answers. */
const THREAD_INVOICE_INTENTS = new Set<IntentKey>(["promise", "notice", "dispute", "document", "plan", "question"]);

/** Lower-priority intents that may share a mail with the labelled one (intents.md tie-break). */
const SECONDARY: Partial<Record<IntentKey, IntentKey[]>> = {
  dispute: ["notice", "promise", "question", "document", "plan", "account"],
  plan: ["notice", "question", "promise", "document"],
  promise: ["question", "notice", "document", "account"],
  document: ["account", "notice", "question"],
  account: ["question", "notice"],
  question: ["notice"],
};

const NO_CLUE_OK: IntentKey[] = ["promise", "notice", "question", "document", "plan"];

function routingFor(intent: IntentKey, rng: Rng): Routing {
  if (intent === "insolvency") return rng.chance(0.6) ? "curator" : "contact";
  if (intent === "other") return rng.chance(0.8) ? "contact" : "domain_unknown";
  const r = rng.weighted<Routing>([["contact", 55], ["domain_unknown", 12], ["freemail_unknown", 8], ["ssc", 10], ["accountant", 7], ["no_clue", NO_CLUE_OK.includes(intent) ? 5 : 0]]);
  return r;
}

function contactLang(d: LedgerDebtor, email: string): Lang {
  return debtorRow(d.number).contacts.find((c) => c[0] === email)?.[3] ?? debtorRow(d.number).lang;
}

function candidates(env: Env, routing: Routing, lang: Lang): LedgerDebtor[] {
  return env.ledger.debtors.filter((d) => {
    const row = debtorRow(d.number);
    const own = d.contacts.filter((c) => !Object.values(GROUPS).some((g) => g.ssc === c.email));
    switch (routing) {
      case "contact": return own.some((c) => contactLang(d, c.email) === lang);
      case "ssc": return !!row.group && GROUPS[row.group].lang.includes(lang);
      case "domain_unknown": return row.lang === lang && own.some((c) => !isFreemail(c.email));
      default: return row.lang === lang;
    }
  });
}

function stripForNoClue(e: Entry): boolean {
  const s = slotsOf(e.text);
  return !mentionsInvoices(e.text) && !e.pdf && !["amt", "part", "company", "cust", "addr", "addrLines", "email", "vat"].some((x) => s.has(x));
}

const REASON_CYCLE = ["price", "quantity", "not_received", "damaged", "service", "duplicate", "wrong_entity", "other"];
const DOCUMENT_CYCLE = ["invoice", "statement", "invoice", "delivery_proof", "credit_note", "invoice"];

/**
 * How the mail is laid out. Subject-only mails carry the request in the subject ("see subject");
 * hand-over forwards come from one of our colleagues, pass-on forwards from a customer's
 * colleague; bottom/inline replies are decided later, once the mail answers a reminder.
 */
type Shape = "normal" | "subject" | "handover" | "passon";

function shapeFor(intent: IntentKey, routing: Routing, rng: Rng): Shape {
  if (intent === "other" || intent === "insolvency" || routing === "no_clue" || routing === "curator") return "normal";
  return rng.weighted<Shape>([["subject", 5], ["handover", 7], ["passon", routing === "contact" || routing === "domain_unknown" ? 2.5 : 0], ["normal", 85]]);
}

const PREFIX_STYLES: PrefixStyle[] = ["gmail", "apple", "thunderbird"];

/** `variant` spreads dispute reasons and requested documents evenly over each split. */
export async function debtorMail(env: Env, intent: IntentKey, lang: Lang, split: Split, rng: Rng, variant = 0): Promise<Generated> {
  // Each language starts the cycle elsewhere, so a small split still sees every reason across languages.
  const turn = variant + 2 * LANGS.indexOf(lang);
  const wantedTag = intent === "dispute" ? REASON_CYCLE[turn % REASON_CYCLE.length] : intent === "document" ? DOCUMENT_CYCLE[turn % DOCUMENT_CYCLE.length] : null;
  const bank = env.banks[lang];
  const routing = routingFor(intent, rng);
  const wantedShape = shapeFor(intent, routing, rng);
  const list = entries(bank, intent);
  for (let attempt = 0; ; attempt++) {
    if (attempt > 200) throw new Error(`cannot generate ${intent}/${lang}/${routing}`);
    const debtor = rng.pick(candidates(env, routing, lang));
    const row = debtorRow(debtor.number);
    const date = mailDate(rng);
    const pool = poolOf(env, debtor.number, date);
    if (pool.length === 0) continue;
    const entryOk = (e: Entry): boolean => {
      if (intent === "other") return e.tag === "customer";
      // A remittance PDF lists invoices: the debtor must have one to list.
      if (e.pdf && !pool.some((i) => i.kind === "invoice")) return false;
      if (wantedTag && attempt < 60 && e.tag !== wantedTag) return false;
      if (intent === "insolvency") return routing === "curator" ? !e.self && slotsOf(e.text).has("company") : e.self;
      if (routing === "no_clue" && !stripForNoClue(e)) return false;
      return feasible(e.text, { pool, exclude: [] });
    };
    const fromSubject = wantedShape === "subject" ? choose(subjectEntries(bank, intent as SubjectKey), split, rng, entryOk) : null;
    const primary = fromSubject ?? choose(list, split, rng, entryOk);
    if (!primary) continue;
    const sender = makeSender({ routing, debtor, row, lang, bank, rng, needsClue: !mentionsInvoices(primary.text) });
    // A forward passed on inside the customer needs a company domain to come from.
    const shape: Shape = fromSubject ? "subject" : wantedShape === "subject" ? "normal" : wantedShape === "passon" && isFreemail(sender.email) ? "handover" : wantedShape;
    // A service centre pays for several companies: without invoice numbers it must name the one it means.
    if (routing === "ssc" && !mentionsInvoices(primary.text)) sender.intro = bank.onBehalf[rng.pick([3, 4])];
    const stampNow = workStamp(date, sender.zone, rng);
    // Replies answer one of our reminders; the letter went to the contact (or the service centre).
    const canReply = routing !== "no_clue" && routing !== "curator" && intent !== "other" && shape === "normal";
    const replyP = routing === "contact" || routing === "ssc" ? 0.65 : 0.35;
    const letterTo = routing === "contact" || routing === "ssc" ? { name: sender.name ?? debtor.name, email: sender.email } : { name: debtor.contacts[0].name, email: debtor.contacts[0].email };
    const letter = canReply && rng.chance(replyP) ? pickLetter(env, debtor, letterTo, date, rng, lang) : null;
    const preferred = letter && rng.chance(0.85) ? letter.invoices : [];
    const administrator = sender.administrator ?? rng.pick(CURATORS[lang]).name;
    const ctx = { lang, rng, speller: env.speller, base: stampNow.date, debtor, row, pool, preferred, exclude: [] as LedgerInvoice[], administrator };
    // A second, lower-priority intent in the same mail (resolved by the tie-break order).
    const seconds = SECONDARY[intent];
    const secondKey = seconds && routing !== "no_clue" && shape !== "subject" && rng.chance(0.2) ? rng.pick(seconds) : null;
    const secondFirst = rng.chance(0.4);
    const inlineGreeting = shape !== "handover" && primary.greeting !== null && fitsHour(primary.greeting, stampNow.hour) && !(secondKey && secondFirst) && !sender.intro;
    const main = render(inlineGreeting ? primary.full : primary.text, intent, ctx);
    const phrases = [`${lang}/${shape === "subject" ? "subject" : intent}/${primary.index}`];
    // A subject-only mail says "see subject" in its body; the request itself is the subject line.
    const see = shape === "subject" ? pickLine(bank.seeSubject, split, rng) : null;
    if (see) phrases.push(`${lang}/seeSubject/${see.index}`);
    const parts: Rendered[] = [see ? { text: see.text, invoices: [], fields: {} } : main];
    if (secondKey) {
      const okSecond = (e: Entry) => !e.pdf && (secondKey === "account" || mentionsInvoices(e.text)) && feasible(e.text, { pool, exclude: main.invoices });
      const second = choose(entries(bank, secondKey), split, rng, okSecond);
      if (second) {
        const r = render(second.text, secondKey, { ...ctx, exclude: main.invoices });
        if (secondFirst) parts.unshift(r);
        else parts.push(r);
        phrases.push(`${lang}/${secondKey}/${second.index}`);
      }
    }
    const fields = { ...main.fields };
    if (intent === "dispute") fields.reason = primary.tag!;
    if (intent === "document") fields.document = primary.tag!;
    if (intent === "insolvency" && routing === "curator") fields.administrator = administrator;
    const invoices = new Set<LedgerInvoice>([...main.invoices, ...parts.flatMap((p) => p.invoices)]);
    const attachments: Attachment[] = [];
    if (primary.pdf) {
      const onPdf = main.invoices.filter((i) => i.kind === "invoice");
      const listed = onPdf.length ? onPdf : rng.sample((preferred.length ? preferred : pool).filter((i) => i.kind === "invoice"), rng.int(1, 4)).sort((a, b) => (a.number < b.number ? -1 : 1));
      let paid = typeof main.fields.paidDate === "string" ? main.fields.paidDate : addDays(stampNow.date, -rng.int(0, 4));
      while (typeof main.fields.paidDate !== "string" && isWeekend(paid)) paid = addDays(paid, -1);
      const total = round2(listed.reduce((s, i) => s + i.openAmount, 0));
      const g = row.group ? GROUPS[row.group] : null;
      const pdf = await renderRemittance({
        lang, payer: routing === "ssc" && g ? g.sscName : debtor.name, payerAddress: row.city, paidDate: paid,
        lines: listed.map((inv) => ({ inv, paid: inv.openAmount })), total, currency: listed[0].currency,
        reference: `${rng.pick(["PAY", "ZA", "REM", "BET"])}-${rng.int(2024, 2025)}-${rng.int(10000, 99999)}`, kind: rng.chance(0.7) ? "advice" : "proof",
      });
      attachments.push({ filename: rng.pick([{ nl: "betalingsadvies.pdf", fr: "avis_de_paiement.pdf", de: "Zahlungsavis.pdf", en: "remittance_advice.pdf" }[lang], `PAY_${rng.int(100000, 999999)}.pdf`, "scan0001.pdf", { nl: "Betaalbewijs.pdf", fr: "preuve_virement.pdf", de: "Ueberweisung.pdf", en: "payment_confirmation.pdf" }[lang], `${rng.pick(["Remittance", "Avis", "ZAV", "RA"])}_${stampNow.date.replace(/-/g, "")}.pdf`]), contentType: "application/pdf", bytes: pdf });
      listed.forEach((i) => invoices.add(i));
      fields.paidDate = paid;
      fields.amount = total;
    }
    // Answers below the quoted reminder or between its lines: clients that quote with "> ".
    const layout = letter && rng.chance(0.18) ? (rng.chance(0.55) ? "bottom" : "inline") : "top";
    const client = layout === "top" ? clientFor(sender.email, rng) : rng.pick(["thunderbird", "apple", "gmail", "webmail"] as const);
    const style = letter ? (layout === "top" ? quoteStyleFor(client, rng) : rng.pick(PREFIX_STYLES)) : null;
    const quoted = letter && (layout !== "top" || rng.chance(0.75)) ? { letter, style: style!, lang } : null;
    const thread = letter && style !== "forward" && rng.chance(0.85);
    const texts = parts.map((p) => p.text);
    const custom = intent === "other" ? bank.other.find((o) => o.body === primary.text)! : null;
    const intro = sender.intro?.replace("{company}", debtor.name) ?? null;
    // One-word mails ("Betaald.", a PDF with "FYI") mostly come without greeting or closing.
    const short = texts.join(" ").trim().split(/\s+/).length <= 3;
    const terse = custom || (short && rng.chance(0.7)) ? true : undefined;
    // A customer writing to our salesperson does not greet our credit controller by name.
    const greeting = shape === "handover" ? (terse || rng.chance(0.2) ? "" : rng.pick(neutralGreetings(bank.greetings, stampNow.hour))) : inlineGreeting ? "" : undefined;
    const own = ownText(texts, bank, rng, { intro, signature: sender.signature, terse, greeting, hour: stampNow.hour });
    const fmt = formatFor(client, rng);
    const word = client === "outlook" && rng.chance(0.5) ? { lang } : null;
    const fresh = shape === "subject" || letter || custom ? null : newSubject(env, intent, lang, split, rng, [...invoices], debtor.name, fields);
    if (fresh?.phrase) phrases.push(fresh.phrase);
    const subject = shape === "subject" ? main.text : letter ? replySubject(letter.subject, lang, style === "forward", rng) : custom ? custom.subject : fresh!.text;
    const ours = lang === "fr" ? COMPANY.frMailbox : COMPANY.arMailbox;
    const to = letter ? [{ name: letter.from.name, email: letter.from.email }] : [{ name: rng.chance(0.5) ? null : "Brouwer & Lefèvre", email: ours }];
    const domain = sender.email.split("@")[1];
    let plain = fmt.plain ? fullPlain(own, quoted) : null;
    let html = fmt.html ? fullHtml(own, quoted, fmt.charset, client === "outlook", word) : null;
    if (layout !== "top" && quoted) {
      const prefix = style as PrefixStyle;
      const introLine = layout === "inline" && rng.chance(0.6) ? pickLine(bank.inlineIntro, split, rng) : null;
      if (introLine) phrases.push(`${lang}/inlineIntro/${introLine.index}`);
      plain = layout === "bottom" ? bottomPlain(own, letter!, prefix, lang) : inlinePlain(own, introLine?.text ?? null, letter!, prefix, lang);
      html = rng.chance(0.3) ? plainAsHtml(plain) : null;
    }
    let mail = {
      from: { name: sender.name, email: sender.email }, to, subject, stamp: stampNow, client,
      cc: rng.chance(0.08) && debtor.contacts.length > 1 ? [{ name: debtor.contacts[1].name, email: debtor.contacts[1].email }] : undefined,
      messageId: messageId(client, domain, rng),
      inReplyTo: thread ? letter!.messageId : undefined, references: thread ? [letter!.messageId] : undefined,
    } as Pick<MailSpec, "from" | "to" | "subject" | "stamp" | "client" | "cc" | "messageId" | "inReplyTo" | "references">;
    let format = { charset: fmt.charset, cte: fmt.cte, crlf: fmt.crlf };
    let forwardWord = false;
    if (shape === "handover" || shape === "passon") {
      // Someone else sends the customer's mail on, the same day, with a note that asks for nothing.
      const f = forwardMail({ shape, lang, bank, split, rng, company: debtor.name, ours, customer: { from: mail.from, subject, own, stamp: stampNow } });
      if (!f) continue;
      phrases.push(f.phrase);
      ({ plain, html, format } = f);
      forwardWord = f.word;
      mail = { from: f.from, to: f.to, subject: f.subject, stamp: f.stamp, client: f.client, messageId: f.messageId };
    }
    const eml = renderMail({
      ...mail, plain, html, ...format, attachments,
      subjectMode: rng.chance(0.3) ? "B" : "Q", contentLanguage: rng.pick(CONTENT_LANGUAGE[lang]),
    }, rng);
    const shapeTag = shape !== "normal" ? `shape:${shape === "subject" ? "subject-only" : shape}` : layout !== "top" ? `shape:${layout}` : "";
    const tags = [`routing:${routing}`, letter ? "reply" : "new", quoted ? "quoted" : "", thread ? "thread" : "", plain && html ? "alternative" : html ? "html-only" : "plain", attachments.length ? "pdf" : "", attachments.length && short ? "pdf-short-body" : "", parts.length > 1 ? "multi-intent" : "", `charset:${format.charset}`, `cte:${format.cte}`, format.crlf ? "crlf" : "", shapeTag, (word && html && shape === "normal") || forwardWord ? "word-html" : ""].filter(Boolean);
    const known = routing !== "no_clue";
    // A reply that names no invoice is about the letter it answers (intents.md:
    // every invoice the email refers to): the invoices the thread shows — the
    // quoted letter lists them all; otherwise the subject's and the one our
    // Message-ID in In-Reply-To names. Not drawing from rng keeps the mails as they were.
    if (letter && invoices.size === 0 && THREAD_INVOICE_INTENTS.has(intent)) {
      const shown = quoted ? letter.invoices : letter.invoices.filter((i, k) => subject.includes(i.number) || (thread && k === 0));
      shown.forEach((i) => invoices.add(i));
    }
    return {
      eml,
      label: { intent: WIRE[intent], debtor: known ? debtor.number : null, language: lang, invoices: [...invoices].map((i) => i.number).sort(), fields },
      utcMs: mail.stamp.utcMs, tags, phrases,
    };
  }
}

/**
 * Subject of a new (non-reply) mail. Like every phrase list, subjects keep the test-only
 * reservation (i % 4 === 3): a model must not pass seed-test by knowing the subject lines.
 * A share of customers write a subject that says nothing of what they want ("Invoice 123",
 * their company name): the body has to carry the intent then.
 */
function newSubject(env: Env, intent: IntentKey, lang: Lang, split: Split, rng: Rng, invoices: LedgerInvoice[], company: string, fields: Record<string, unknown>): { text: string; phrase: string | null } {
  const bank = env.banks[lang];
  if (intent === "other" || intent === "auto") return { text: "", phrase: null };
  // Subject lists share one order in every language; some entries only fit some fields.
  const fit: Record<string, number[]> = {
    newEmail: [0, 2], newAddress: [0, 1, 3], poNumber: [0, 4], vatNumber: [0],
    invoice: [0, 1, 2], statement: [1, 3], delivery_proof: [1, 2, 4], credit_note: [1, 2],
  };
  const key = intent === "account" ? Object.keys(fields)[0] : intent === "document" ? String(fields.document) : null;
  const allowed = key ? fit[key] : null;
  const hasInvoice = invoices.some((inv) => inv.kind === "invoice");
  const usable = (text: string) => !text.includes("{invno}") || hasInvoice;
  const neutral = intent !== "insolvency" && bank.neutralSubjects?.length && rng.chance(0.35);
  const own = (list: string[], name: string, ok: (text: string, i: number) => boolean) => {
    const e = choose(list.map((text, index) => ({ key: name, index, text, pdf: false, self: false, full: text, greeting: null })), split, rng, (x) => ok(x.text, x.index));
    return e ? { text: e.text, phrase: `${lang}/${name}/${e.index}` } : null;
  };
  const picked =
    (neutral ? own(bank.neutralSubjects!, "neutralSubjects", usable) : null) ??
    own(bank.subjects[intent as keyof typeof bank.subjects], `subjects-${intent}`, (text, i) => usable(text) && (!allowed || allowed.includes(i))) ??
    own(bank.neutralSubjects ?? [], "neutralSubjects", usable);
  if (!picked) return { text: "", phrase: null };
  const inv = invoices.find((i) => i.kind === "invoice");
  return { text: picked.text.replace("{invno}", inv ? env.speller.bare(inv, rng) : "").replace("{company}", company), phrase: picked.phrase };
}

export const DEBTOR_COUNT = DEBTORS.length;
