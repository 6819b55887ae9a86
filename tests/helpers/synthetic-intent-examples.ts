import type { Intent } from "../../classifiers/intents.ts";
import { mulberry32 } from "../../classifiers/model/random.ts";

/**
 * Small synthetic AR emails in nl/fr/de/en for unit tests of the local model:
 * three templates per intent and language, slots filled at random (seeded).
 * Template index 2 is meant to be held out to test generalisation.
 * Written for the tests; not seed data, not taken from any labelled set.
 */
type Lang = "nl" | "fr" | "de" | "en";

const T: Record<Intent, Record<Lang, [string, string, string]>> = {
  payment_promise: {
    en: ["We will pay invoice {inv} on {date}.", "The amount of {amt} EUR will be transferred by {date}, sorry for the delay.", "Payment for {inv} is scheduled for {date}; you will receive the funds next week."],
    nl: ["Wij betalen factuur {inv} op {date}.", "Het bedrag van {amt} EUR wordt uiterlijk {date} overgemaakt, excuses voor de vertraging.", "De betaling van {inv} is ingepland voor {date}, u ontvangt het bedrag volgende week."],
    fr: ["Nous réglerons la facture {inv} le {date}.", "Le montant de {amt} EUR sera viré au plus tard le {date}, désolé pour le retard.", "Le paiement de {inv} est prévu pour le {date}, vous recevrez les fonds la semaine prochaine."],
    de: ["Wir werden die Rechnung {inv} am {date} bezahlen.", "Der Betrag von {amt} EUR wird bis spätestens {date} überwiesen, entschuldigen Sie die Verzögerung.", "Die Zahlung für {inv} ist für den {date} eingeplant, Sie erhalten den Betrag nächste Woche."],
  },
  payment_notice: {
    en: ["Invoice {inv} was paid yesterday, please find the remittance advice attached.", "We transferred {amt} EUR on {date} for {inv}. Proof of payment attached.", "Please note that payment of {inv} has been made; the remittance advice is attached for your records."],
    nl: ["Factuur {inv} is gisteren betaald, in bijlage het betalingsbewijs.", "Wij hebben op {date} {amt} EUR overgemaakt voor {inv}. Betalingsbewijs in bijlage.", "Ter info: de betaling van {inv} is uitgevoerd, het betalingsbewijs vindt u in de bijlage."],
    fr: ["La facture {inv} a été payée hier, veuillez trouver l'avis de paiement en pièce jointe.", "Nous avons viré {amt} EUR le {date} pour {inv}. Preuve de paiement en annexe.", "Pour information, le paiement de {inv} a été effectué ; l'avis de paiement est joint."],
    de: ["Die Rechnung {inv} wurde gestern bezahlt, anbei der Zahlungsavis.", "Wir haben am {date} {amt} EUR für {inv} überwiesen. Zahlungsnachweis anbei.", "Zur Info: die Zahlung von {inv} ist erfolgt, den Zahlungsavis finden Sie im Anhang."],
  },
  dispute: {
    en: ["We contest invoice {inv}: the price is incorrect compared to our order.", "Invoice {inv} charges {amt} EUR but we only received half of the goods; we dispute the quantity.", "The goods for {inv} arrived damaged, we contest this invoice and will not pay it until it is corrected."],
    nl: ["Wij betwisten factuur {inv}: de prijs klopt niet met onze bestelling.", "Factuur {inv} rekent {amt} EUR aan maar wij ontvingen slechts de helft van de goederen; wij betwisten de hoeveelheid.", "De goederen van {inv} kwamen beschadigd aan, wij betwisten deze factuur en betalen niet tot ze gecorrigeerd is."],
    fr: ["Nous contestons la facture {inv} : le prix est incorrect par rapport à notre commande.", "La facture {inv} indique {amt} EUR mais nous n'avons reçu que la moitié de la marchandise ; nous contestons la quantité.", "La marchandise de {inv} est arrivée endommagée, nous contestons cette facture et ne la paierons pas avant correction."],
    de: ["Wir reklamieren die Rechnung {inv}: der Preis stimmt nicht mit unserer Bestellung überein.", "Rechnung {inv} berechnet {amt} EUR, wir haben aber nur die Hälfte der Ware erhalten; wir bestreiten die Menge.", "Die Ware zu {inv} kam beschädigt an, wir reklamieren diese Rechnung und zahlen erst nach Korrektur."],
  },
  document_request: {
    en: ["Could you please send a copy of invoice {inv}?", "We never received invoice {inv}, can you send it again?", "Please send us a statement of account and a copy of the invoices."],
    nl: ["Kunt u mij een kopie van factuur {inv} sturen?", "Wij hebben factuur {inv} nooit ontvangen, kunt u ze opnieuw sturen?", "Graag een rekeninguittreksel en een kopie van de facturen sturen."],
    fr: ["Pourriez-vous m'envoyer une copie de la facture {inv} ?", "Nous n'avons jamais reçu la facture {inv}, pouvez-vous me la renvoyer ?", "Merci de nous envoyer un relevé de compte et une copie des factures."],
    de: ["Könnten Sie mir bitte eine Kopie der Rechnung {inv} senden?", "Wir haben die Rechnung {inv} nie erhalten, können Sie sie erneut schicken?", "Bitte senden Sie uns einen Kontoauszug und eine Kopie der Rechnungen."],
  },
  payment_plan_request: {
    en: ["Due to cash-flow problems, could we pay invoice {inv} in three instalments?", "We would like to ask for a payment plan for the outstanding {amt} EUR.", "Would it be possible to postpone payment of {inv} by two months? Our cash-flow is tight."],
    nl: ["Door liquiditeitsproblemen, kunnen wij factuur {inv} in drie termijnen betalen?", "Wij willen graag een betalingsregeling vragen voor het openstaande bedrag van {amt} EUR.", "Is het mogelijk om de betaling van {inv} twee maanden uit te stellen? Onze liquiditeit is krap."],
    fr: ["En raison de difficultés de trésorerie, pourrions-nous payer la facture {inv} en trois fois ?", "Nous souhaiterions un échéancier de paiement pour le solde de {amt} EUR.", "Serait-il possible de reporter le paiement de {inv} de deux mois ? Notre trésorerie est tendue."],
    de: ["Wegen Liquiditätsproblemen, können wir die Rechnung {inv} in drei Raten zahlen?", "Wir bitten um eine Ratenzahlung für den offenen Betrag von {amt} EUR.", "Wäre es möglich, die Zahlung von {inv} um zwei Monate zu verschieben? Unsere Liquidität ist knapp."],
  },
  account_update: {
    en: ["Please send all invoices to ap@{dom} from now on.", "Our billing address has changed: {name} Ltd, 12 Station Road, Leeds.", "From now on please send invoices to our new address and mention our PO number on every invoice."],
    nl: ["Gelieve alle facturen voortaan naar ap@{dom} te sturen.", "Ons factuuradres is gewijzigd: {name} BV, Stationsstraat 12, Gent.", "Gelieve voortaan de facturen naar ons nieuw adres te sturen en ons PO-nummer op elke factuur te vermelden."],
    fr: ["Merci d'envoyer désormais toutes les factures à ap@{dom}.", "Notre adresse de facturation a changé : {name} SA, rue de la Gare 12, Liège.", "Désormais merci d'envoyer les factures à notre nouvelle adresse et d'indiquer notre numéro de bon de commande sur chaque facture."],
    de: ["Bitte senden Sie alle Rechnungen ab sofort an ap@{dom}.", "Unsere Rechnungsadresse hat sich geändert: {name} GmbH, Bahnhofstraße 12, Köln.", "Bitte senden Sie die Rechnungen ab sofort an unsere neue Adresse und geben Sie unsere Bestellnummer auf jeder Rechnung an."],
  },
  question: {
    en: ["What is our current balance with you?", "Which bank account should we use to pay invoice {inv}?", "Can you tell us which invoices are still open on our account and what the balance is?"],
    nl: ["Wat is ons huidig openstaand saldo bij u?", "Welk rekeningnummer moeten wij gebruiken om factuur {inv} te betalen?", "Kunt u ons zeggen welke facturen nog openstaan op onze rekening en wat het saldo is?"],
    fr: ["Quel est notre solde actuel chez vous ?", "Quel IBAN devons-nous utiliser pour payer la facture {inv} ?", "Pouvez-vous nous dire quelles factures sont encore ouvertes sur notre compte et quel est le solde ?"],
    de: ["Wie hoch ist unser aktueller Saldo bei Ihnen?", "Welche Bankverbindung sollen wir für die Zahlung der Rechnung {inv} verwenden?", "Können Sie uns sagen, welche Rechnungen auf unserem Konto noch offen sind und wie hoch der Saldo ist?"],
  },
  insolvency_notice: {
    en: ["We inform you that {name} Ltd has entered administration; the administrator is {person}.", "Notice of liquidation of {name}: please file your claim with the liquidator, case {case}.", "The court has placed {name} into administration on {date}; all claims must be filed with the administrator {person}."],
    nl: ["Wij delen u mee dat {name} BV failliet werd verklaard; curator is {person}.", "Faillissement {name}: gelieve uw schuldvordering in te dienen bij de curator, dossier {case}.", "De rechtbank heeft op {date} het faillissement van {name} uitgesproken; alle vorderingen naar de curator {person}."],
    fr: ["Nous vous informons que la société {name} SA a été déclarée en faillite ; le curateur est {person}.", "Faillite {name} : merci de déclarer votre créance auprès du curateur, dossier {case}.", "Le tribunal a prononcé le {date} la faillite de {name} ; les créances sont à déclarer auprès du curateur {person}."],
    de: ["Wir teilen Ihnen mit, dass über das Vermögen der {name} GmbH das Insolvenzverfahren eröffnet wurde; Insolvenzverwalter ist {person}.", "Insolvenz {name}: bitte melden Sie Ihre Forderung beim Insolvenzverwalter an, Aktenzeichen {case}.", "Das Amtsgericht hat am {date} das Insolvenzverfahren über {name} eröffnet; Forderungen sind beim Insolvenzverwalter {person} anzumelden."],
  },
  auto_reply: {
    en: ["I am out of the office until {date} with limited access to email.", "Thank you for your message. This is an automatic reply: your ticket has been received.", "I am currently out of the office and will return on {date}. This is an automatic reply."],
    nl: ["Ik ben afwezig tot {date} en heb beperkt toegang tot mijn e-mail.", "Bedankt voor uw bericht. Dit is een automatisch antwoord: uw ticket werd ontvangen.", "Ik ben momenteel afwezig en terug op {date}. Dit is een automatisch antwoord."],
    fr: ["Je suis absent du bureau jusqu'au {date} avec un accès limité à mes e-mails.", "Merci pour votre message. Ceci est une réponse automatique : votre demande a bien été reçue.", "Je suis actuellement absent et serai de retour le {date}. Ceci est une réponse automatique."],
    de: ["Ich bin bis zum {date} nicht im Büro und habe nur eingeschränkten Zugriff auf E-Mails.", "Vielen Dank für Ihre Nachricht. Dies ist eine automatische Antwort: Ihr Ticket wurde empfangen.", "Ich bin derzeit abwesend und ab dem {date} wieder im Büro. Dies ist eine automatische Antwort."],
  },
  bounce: {
    en: ["Delivery has failed to these recipients: ap@{dom}. The email account does not exist.", "Mail delivery failed: returning message to sender. User unknown ap@{dom}.", "Undeliverable: your message could not be delivered to ap@{dom}, the recipient address does not exist."],
    nl: ["De bezorging is mislukt voor deze ontvangers: ap@{dom}. Het e-mailadres bestaat niet.", "Onbestelbaar bericht: de ontvanger ap@{dom} is onbekend.", "Uw bericht kon niet worden bezorgd aan ap@{dom}, het adres van de ontvanger bestaat niet."],
    fr: ["La remise a échoué pour ces destinataires : ap@{dom}. L'adresse e-mail n'existe pas.", "Message non remis : destinataire inconnu ap@{dom}.", "Votre message n'a pas pu être remis à ap@{dom}, l'adresse du destinataire n'existe pas."],
    de: ["Die Zustellung an folgende Empfänger ist fehlgeschlagen: ap@{dom}. Das E-Mail-Konto existiert nicht.", "Unzustellbar: Empfänger ap@{dom} unbekannt.", "Ihre Nachricht konnte nicht an ap@{dom} zugestellt werden, die Empfängeradresse existiert nicht."],
  },
  other: {
    en: ["Join our webinar next Thursday on supply chain trends!", "Our newsletter: new products and spring discounts.", "Register now for our free webinar and discover our new spring products."],
    nl: ["Schrijf u in voor ons webinar volgende donderdag over supply chain!", "Onze nieuwsbrief: nieuwe producten en lentekortingen.", "Schrijf u nu in voor ons gratis webinar en ontdek onze nieuwe lenteproducten."],
    fr: ["Inscrivez-vous à notre webinaire jeudi prochain sur la logistique !", "Notre newsletter : nouveaux produits et promotions de printemps.", "Inscrivez-vous dès maintenant à notre webinaire gratuit et découvrez nos nouveaux produits de printemps."],
    de: ["Melden Sie sich für unser Webinar am nächsten Donnerstag an!", "Unser Newsletter: neue Produkte und Frühlingsrabatte.", "Melden Sie sich jetzt zu unserem kostenlosen Webinar an und entdecken Sie unsere neuen Frühlingsprodukte."],
  },
};

const GREET: Record<Lang, string[]> = {
  en: ["Hello,", "Dear Sir or Madam,", "Hi team,", ""],
  nl: ["Beste,", "Geachte heer, mevrouw,", "Dag,", ""],
  fr: ["Bonjour,", "Madame, Monsieur,", "Chère Madame,", ""],
  de: ["Guten Tag,", "Sehr geehrte Damen und Herren,", "Hallo,", ""],
};
const CLOSE: Record<Lang, string[]> = {
  en: ["Kind regards, {person}", "Best regards,\n{person}\nAccounts Payable", "Thanks, {person}"],
  nl: ["Met vriendelijke groeten, {person}", "Groeten,\n{person}\nBoekhouding", "Dank u, {person}"],
  fr: ["Cordialement, {person}", "Bien à vous,\n{person}\nComptabilité fournisseurs", "Merci, {person}"],
  de: ["Mit freundlichen Grüßen, {person}", "Beste Grüße\n{person}\nBuchhaltung", "Danke, {person}"],
};
const NAMES = ["Janssens", "Dupont", "Müller", "Peeters", "Lefebvre", "Schmidt", "Baker", "Verhoeven", "Martin", "Weber"];
const COMPANIES = ["Acme", "Bakkerij Vos", "Durand Logistique", "Keller Bau", "Northwind", "Groep Delta", "Atelier Lumière", "Rhein Metall"];

export interface SyntheticExample {
  text: string;
  intent: Intent;
  language: Lang;
  template: number;
}

/** `perTemplate` variants of every template (in `templates`), shuffled-free, deterministic for a seed. */
export function syntheticExamples(perTemplate: number, seed: number, templates: number[] = [0, 1, 2]): SyntheticExample[] {
  const r = mulberry32(seed);
  const pick = <X>(xs: X[]) => xs[Math.floor(r() * xs.length)];
  const fill = (s: string) =>
    s
      .replace(/\{inv\}/g, () => `${pick(["F", "INV-", "", "2024/"])}${1000 + Math.floor(r() * 9000)}`)
      .replace(/\{amt\}/g, () => `${Math.floor(r() * 5000)},${String(Math.floor(r() * 100)).padStart(2, "0")}`)
      .replace(/\{date\}/g, () => `${1 + Math.floor(r() * 28)}/${1 + Math.floor(r() * 12)}/2025`)
      .replace(/\{dom\}/g, () => `${pick(COMPANIES).toLowerCase().replace(/\W/g, "")}.example`)
      .replace(/\{name\}/g, () => pick(COMPANIES))
      .replace(/\{person\}/g, () => `${pick(["A.", "M.", "J.", "S."])} ${pick(NAMES)}`)
      .replace(/\{case\}/g, () => `${Math.floor(r() * 900) + 100}/${2024 + Math.floor(r() * 2)}`);
  const out: SyntheticExample[] = [];
  for (const [intent, byLang] of Object.entries(T) as Array<[Intent, Record<Lang, string[]>]>) {
    for (const [language, templatesOf] of Object.entries(byLang) as Array<[Lang, string[]]>) {
      for (const template of templates) {
        for (let i = 0; i < perTemplate; i++) {
          const text = [pick(GREET[language]), templatesOf[template], pick(CLOSE[language])].filter(Boolean).join("\n");
          out.push({ text: fill(text), intent, language, template });
        }
      }
    }
  }
  return out;
}
