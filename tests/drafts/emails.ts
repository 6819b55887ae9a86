import { CONTACT_BY_LANG, DEBTOR_BY_LANG, INVOICE_BY_LANG } from "./fixtures.ts";

type Lang = "nl" | "fr" | "de" | "en";

/** One plausible email per intent and language, with the classification the classifier would store. */
const texts: Record<string, Record<Lang, string>> = {
  dispute: {
    nl: "Goedemorgen, wij betwisten factuur {inv}: de prijs klopt niet met de offerte, er is 200 euro te veel aangerekend.",
    fr: "Bonjour, nous contestons la facture {inv} : le prix ne correspond pas au devis, 200 euros de trop.",
    de: "Guten Tag, wir reklamieren die Rechnung {inv}: der Preis entspricht nicht dem Angebot, 200 Euro zu viel.",
    en: "Hello, we dispute invoice {inv}: the price does not match the quote, we were charged 200 too much.",
  },
  document_request: {
    nl: "Kunt u ons een kopie van factuur {inv} sturen? We hebben ze nooit ontvangen.",
    fr: "Pourriez-vous nous renvoyer une copie de la facture {inv} ? Nous ne l'avons jamais reçue.",
    de: "Könnten Sie uns bitte eine Rechnungskopie von {inv} schicken? Wir haben sie nie erhalten.",
    en: "Could you please send us a copy of invoice {inv}? We never received it.",
  },
  payment_plan_request: {
    nl: "Door een moeilijke periode kunnen we niet alles ineens betalen. Kunnen we een betalingsregeling in drie termijnen afspreken?",
    fr: "Suite à des difficultés de trésorerie, pourrions-nous régler en trois mensualités ?",
    de: "Aufgrund eines Liquiditätsengpasses bitten wir um Ratenzahlung in drei Raten.",
    en: "Due to cash-flow problems we cannot pay everything at once. Could we pay in three instalments?",
  },
  payment_promise: {
    nl: "Factuur {inv} wordt op 31 maart betaald.",
    fr: "Nous réglerons la facture {inv} le 31 mars.",
    de: "Die Rechnung {inv} wird am 31. März bezahlt.",
    en: "Invoice {inv} will be paid on 31 March.",
  },
  payment_notice: {
    nl: "Factuur {inv} werd gisteren betaald, zie betalingsbewijs in bijlage.",
    fr: "La facture {inv} a été payée hier, voir avis de paiement ci-joint.",
    de: "Die Rechnung {inv} wurde gestern überwiesen.",
    en: "Invoice {inv} was paid yesterday, remittance advice attached.",
  },
  question: {
    nl: "Wat is ons openstaand saldo? En op welk rekeningnummer moeten we {inv} betalen?",
    fr: "Quel est notre solde ? Et sur quel IBAN devons-nous payer la facture {inv} ?",
    de: "Wie hoch ist unser offener Saldo? Auf welches Konto sollen wir {inv} überweisen?",
    en: "What is our current balance? Which bank account should we pay {inv} into?",
  },
  account_update: {
    nl: "Gelieve voortaan alle facturen te sturen naar facturen@{domain} en bestelbonnummer PO-5521 te vermelden.",
    fr: "Merci d'envoyer désormais les factures à factures@{domain} avec le bon de commande PO-5521.",
    de: "Bitte senden Sie Rechnungen künftig an rechnungen@{domain} mit der Bestellnummer PO-5521.",
    en: "Please send all invoices to invoices@{domain} from now on and quote PO number PO-5521.",
  },
  insolvency_notice: {
    nl: "Als curator van {debtor} (faillissement 2025/0042) verzoek ik u uw schuldvordering in te dienen.",
    fr: "En qualité de curateur de la faillite de {debtor} (dossier 2025/0042), je vous invite à déclarer votre créance.",
    de: "Als Insolvenzverwalter von {debtor} (Az. 2025/0042) bitte ich Sie, Ihre Forderung anzumelden.",
    en: "As administrator of {debtor} (case 2025/0042) I invite you to file your claim.",
  },
};

const debtorNames: Record<Lang, string> = { nl: "Bakkerij Janssen BV", fr: "Boulangerie Martin SARL", de: "Müller Maschinenbau GmbH", en: "Smith & Sons Ltd" };

export function emailFor(intent: string, lang: Lang, mailboxId: number) {
  const inv = INVOICE_BY_LANG[lang];
  const contact = CONTACT_BY_LANG[lang];
  const domain = contact.split("@")[1];
  const text = texts[intent][lang].replace("{inv}", inv).replace("{domain}", domain).replace("{debtor}", debtorNames[lang]);
  const fields: Record<string, Record<string, unknown>> = {
    dispute: { reason: "price", amount: 200 },
    document_request: { document: "invoice" },
    payment_plan_request: { instalments: 3 },
    payment_promise: { promisedDate: "2025-03-31" },
    payment_notice: { paidDate: "2025-03-17" },
    question: {},
    account_update: { newEmail: `facturen@${domain}`, poNumber: "PO-5521" },
    insolvency_notice: { caseReference: "2025/0042", administrator: "Mr. A. Curator" },
  };
  const withInvoices = !["payment_plan_request", "account_update", "insolvency_notice"].includes(intent);
  return {
    mailboxId,
    from: intent === "insolvency_notice" ? "curator@law-firm.example" : contact,
    fromName: intent === "insolvency_notice" ? "A. Curator" : undefined,
    subject: `${intent} ${lang}`,
    text,
    intent,
    language: lang,
    debtor: DEBTOR_BY_LANG[lang],
    invoices: withInvoices ? [inv] : [],
    fields: fields[intent],
  };
}
