/**
 * Our own dunning letter (the ERP template: the one thing that is really a
 * template) and the quote headers mail clients put above it in replies.
 */
import type { Lang } from "./phrases/types.ts";
import type { LedgerInvoice } from "./ledger.ts";
import { COMPANY } from "./ledger-data.ts";
import { localDate, MONTHS, WEEKDAYS, rfcDate, type Stamp, toUtc } from "./dates.ts";
import { ledgerMoney, round2 } from "./money.ts";

export interface Letter {
  lang: Lang;
  level: number;
  subject: string;
  text: string;
  messageId: string;
  stamp: Stamp;
  from: { name: string; email: string };
  to: { name: string; email: string };
  invoices: LedgerInvoice[];
  debtor: string;
}

const T = {
  nl: {
    subj: ["Herinnering openstaande facturen", "Tweede herinnering openstaande facturen", "Laatste herinnering vóór ingebrekestelling"],
    acct: "klantnummer", hello: "Geachte klant,",
    intro: "Bij nazicht van onze boekhouding stellen wij vast dat volgende facturen nog openstaan:",
    cols: ["Nummer", "Datum", "Vervaldag", "Openstaand"], total: "Totaal openstaand",
    ask: (iban: string) => `Wij verzoeken u vriendelijk het openstaande bedrag binnen 8 dagen over te maken op ${iban} (BIC ${COMPANY.bic}) met vermelding van het factuurnummer.`,
    already: "Is uw betaling intussen vertrokken, dan mag u deze herinnering als zonder voorwerp beschouwen.",
    bye: "Met vriendelijke groeten,", vat: "BTW",
  },
  fr: {
    subj: ["Rappel de factures impayées", "Deuxième rappel – factures impayées", "Dernier rappel avant mise en demeure"],
    acct: "n° client", hello: "Madame, Monsieur,",
    intro: "Sauf erreur de notre part, les factures suivantes restent impayées à ce jour :",
    cols: ["Numéro", "Date", "Échéance", "Solde"], total: "Total dû",
    ask: (iban: string) => `Nous vous remercions de bien vouloir régler ce montant sous 8 jours sur le compte ${iban} (BIC ${COMPANY.bic}) en mentionnant le numéro de facture.`,
    already: "Si votre paiement a été effectué entre-temps, veuillez ne pas tenir compte de ce rappel.",
    bye: "Cordialement,", vat: "TVA",
  },
  de: {
    subj: ["Zahlungserinnerung", "2. Mahnung – offene Rechnungen", "Letzte Mahnung"],
    acct: "Kundennummer", hello: "Sehr geehrte Damen und Herren,",
    intro: "bei der Durchsicht unserer Buchhaltung haben wir festgestellt, dass folgende Rechnungen noch offen sind:",
    cols: ["Nummer", "Datum", "Fällig", "Offen"], total: "Offener Gesamtbetrag",
    ask: (iban: string) => `Bitte überweisen Sie den offenen Betrag innerhalb von 8 Tagen auf unser Konto ${iban} (BIC ${COMPANY.bic}) unter Angabe der Rechnungsnummer.`,
    already: "Sollte sich Ihre Zahlung mit diesem Schreiben überschnitten haben, betrachten Sie diese Erinnerung bitte als gegenstandslos.",
    bye: "Mit freundlichen Grüßen", vat: "USt-IdNr.",
  },
  en: {
    subj: ["Payment reminder – overdue invoices", "Second reminder – overdue invoices", "Final reminder – overdue account"],
    acct: "account no.", hello: "Dear Sir or Madam,",
    intro: "According to our records the following invoices are still outstanding:",
    cols: ["Number", "Date", "Due", "Outstanding"], total: "Total outstanding",
    ask: (iban: string) => `Please transfer the outstanding amount within 8 days to ${iban} (BIC ${COMPANY.bic}), quoting the invoice number.`,
    already: "If you have already paid, please disregard this reminder.",
    bye: "Kind regards,", vat: "VAT",
  },
};

export function buildLetter(opts: {
  lang: Lang; level: number; stamp: Stamp; debtor: string; debtorName: string;
  to: { name: string; email: string }; invoices: LedgerInvoice[]; withAccountInSubject: boolean;
}): Letter {
  const { lang, level, stamp, invoices } = opts;
  const t = T[lang];
  const signer = COMPANY.signers[lang];
  const cur = invoices[0].currency;
  const rows = invoices.map((i) =>
    [i.number.padEnd(15), localDate(i.issueDate, lang === "de" ? "de" : "nl", 0).padEnd(12), localDate(i.dueDate, lang === "de" ? "de" : "nl", 0).padEnd(12), ledgerMoney(i.openAmount, cur, lang)].join(""),
  );
  const total = round2(invoices.reduce((s, i) => s + i.openAmount, 0));
  const iban = cur === "EUR" ? COMPANY.iban : COMPANY.iban2;
  const text = [
    t.hello, "",
    `${t.intro}`, "",
    [t.cols[0].padEnd(15), t.cols[1].padEnd(12), t.cols[2].padEnd(12), t.cols[3]].join(""),
    ...rows,
    `${t.total}: ${ledgerMoney(total, cur, lang)}`, "",
    t.ask(iban),
    t.already, "",
    t.bye, "",
    signer.name, signer.title, COMPANY.name,
    `${COMPANY.address} | ${t.vat} ${COMPANY.vat} | ${COMPANY.rpr}`,
    `T ${COMPANY.phone} | ${signer.mailbox} | ${COMPANY.web}`,
  ].join("\n");
  const subject = `${t.subj[level - 1]} – ${opts.debtorName}${opts.withAccountInSubject ? ` – ${t.acct} ${opts.debtor}` : ""}`;
  return {
    lang, level, subject, text, stamp, invoices, debtor: opts.debtor,
    messageId: `<relance.${opts.debtor}.${invoices[0].number}.${level}@brouwer-lefevre.example>`,
    from: { name: signer.display, email: signer.mailbox },
    to: opts.to,
  };
}

const pad = (n: number) => String(n).padStart(2, "0");
const SHORT_WD: Record<Lang, string[]> = {
  nl: ["zo", "ma", "di", "wo", "do", "vr", "za"], fr: ["dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."],
  de: ["So.", "Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa."], en: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
};
const SHORT_MON: Record<Lang, string[]> = {
  nl: ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
  fr: ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."],
  de: ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."],
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
};

export type QuoteStyle = "gmail" | "outlook" | "apple" | "thunderbird" | "forward";

/** The letter as it appears under a reply written in `lang` by the given client. */
export function quoteLetter(letter: Letter, style: QuoteStyle, lang: Lang): string {
  const s = letter.stamp;
  const d = toUtc(s.date);
  const wd = d.getUTCDay();
  const day = d.getUTCDate();
  const m = d.getUTCMonth();
  const y = d.getUTCFullYear();
  const hm = `${pad(s.hour)}:${pad(s.minute)}`;
  const who = `${letter.from.name} <${letter.from.email}>`;
  const prefixed = letter.text.split("\n").map((l) => (l ? `> ${l}` : ">")).join("\n");
  switch (style) {
    case "gmail": {
      const head = {
        nl: `Op ${SHORT_WD.nl[wd]} ${day} ${SHORT_MON.nl[m]} ${y} om ${hm} schreef ${who}:`,
        fr: `Le ${SHORT_WD.fr[wd]} ${day} ${SHORT_MON.fr[m]} ${y} à ${hm}, ${who} a écrit :`,
        de: `Am ${SHORT_WD.de[wd]}, ${day}. ${SHORT_MON.de[m]} ${y} um ${hm} Uhr schrieb ${who}:`,
        en: `On ${SHORT_WD.en[wd]}, ${day} ${SHORT_MON.en[m]} ${y} at ${hm}, ${who} wrote:`,
      }[lang];
      return `${head}\n\n${prefixed}`;
    }
    case "apple": {
      const head = {
        nl: `> Op ${day} ${SHORT_MON.nl[m]} ${y} om ${hm} heeft ${who} het volgende geschreven:`,
        fr: `> Le ${day} ${SHORT_MON.fr[m]} ${y} à ${hm}, ${who} a écrit :`,
        de: `> Am ${day}.${pad(m + 1)}.${y} um ${hm} schrieb ${who}:`,
        en: `> On ${day} ${SHORT_MON.en[m]} ${y}, at ${hm}, ${who} wrote:`,
      }[lang];
      return `${head}\n>\n${prefixed}`;
    }
    case "thunderbird": {
      const head = {
        nl: `Op ${pad(day)}-${pad(m + 1)}-${y} om ${hm} schreef ${letter.from.name}:`,
        fr: `Le ${pad(day)}/${pad(m + 1)}/${y} à ${hm}, ${letter.from.name} a écrit :`,
        de: `Am ${pad(day)}.${pad(m + 1)}.${y} um ${hm} schrieb ${letter.from.name}:`,
        en: `On ${pad(day)}/${pad(m + 1)}/${y} ${hm}, ${letter.from.name} wrote:`,
      }[lang];
      return `${head}\n${prefixed}`;
    }
    case "outlook": {
      const long = {
        nl: `${WEEKDAYS.nl[wd]} ${day} ${MONTHS.nl[m]} ${y} ${hm}`,
        fr: `${WEEKDAYS.fr[wd]} ${day} ${MONTHS.fr[m]} ${y} ${hm}`,
        de: `${WEEKDAYS.de[wd]}, ${day}. ${MONTHS.de[m]} ${y} ${hm}`,
        en: `${WEEKDAYS.en[wd]}, ${MONTHS.en[m]} ${day}, ${y} ${s.hour % 12 || 12}:${pad(s.minute)} ${s.hour < 12 ? "AM" : "PM"}`,
      }[lang];
      const to = `${letter.to.name} <${letter.to.email}>`;
      const blocks = {
        nl: ["________________________________", `Van: ${who}`, `Verzonden: ${long}`, `Aan: ${to}`, `Onderwerp: ${letter.subject}`],
        fr: ["-----Message d'origine-----", `De : ${who}`, `Envoyé : ${long}`, `À : ${to}`, `Objet : ${letter.subject}`],
        de: ["-----Ursprüngliche Nachricht-----", `Von: ${who}`, `Gesendet: ${long}`, `An: ${to}`, `Betreff: ${letter.subject}`],
        en: ["-----Original Message-----", `From: ${who}`, `Sent: ${long}`, `To: ${to}`, `Subject: ${letter.subject}`],
      }[lang];
      return `${blocks.join("\n")}\n\n${letter.text}`;
    }
    case "forward": {
      const head = {
        nl: ["---------- Doorgestuurd bericht ---------", `Van: ${who}`, `Date: ${SHORT_WD.nl[wd]} ${day} ${SHORT_MON.nl[m]} ${y} om ${hm}`, `Subject: ${letter.subject}`, `To: ${letter.to.email}`],
        fr: ["---------- Forwarded message ---------", `De : ${who}`, `Date: ${SHORT_WD.fr[wd]} ${day} ${SHORT_MON.fr[m]} ${y} à ${hm}`, `Subject: ${letter.subject}`, `To: ${letter.to.email}`],
        de: ["---------- Weitergeleitete Nachricht ---------", `Von: ${who}`, `Date: ${SHORT_WD.de[wd]}, ${day}. ${SHORT_MON.de[m]} ${y} um ${hm} Uhr`, `Subject: ${letter.subject}`, `To: ${letter.to.email}`],
        en: ["---------- Forwarded message ---------", `From: ${who}`, `Date: ${SHORT_WD.en[wd]}, ${day} ${SHORT_MON.en[m]} ${y} at ${hm}`, `Subject: ${letter.subject}`, `To: ${letter.to.email}`],
      }[lang];
      return `${head.join("\n")}\n\n${letter.text}`;
    }
  }
}

/** Headers of the letter as sent, for bounces that return it. */
export function letterHeaders(letter: Letter): Array<[string, string]> {
  return [
    ["From", `"${letter.from.name}" <${letter.from.email}>`],
    ["To", `${letter.to.email}`],
    ["Subject", letter.subject],
    ["Date", rfcDate(letter.stamp)],
    ["Message-ID", letter.messageId],
    ["MIME-Version", "1.0"],
  ];
}
