import type { DOCUMENT_TYPES } from "../intents.ts";
import { NUMBER_WORDS } from "./date-words.ts";

type Document = (typeof DOCUMENT_TYPES)[number];

// Up to fourteen words between an auxiliary and its participle: Dutch and German put the verb last
// ("Wir haben gestern 4.893,44 € für die Rechnungen VF 2024 00432 und VF-2024-00570 überwiesen").
const S = "(?:[\\p{L}\\d.,'’€£$/-]+\\s+){0,14}";
const cue = (parts: string[]) => new RegExp(`(?<![\\p{L}])(?:${parts.join("|")})(?![\\p{L}])`, "giu");

/** A sentence about a payment still to come ("will be paid", "wordt … betaald", "sera viré", "wird … überwiesen"). */
export const FUTURE_PAYMENT = cue([
  `(?:will|shall|'ll|going to|intend to|plan(?:ning)? to|expect to|aim to|should)\\s+(?:\\p{L}+\\s+){0,4}(?:pay|paid|transfer(?:red)?|settle[ds]?|remit(?:ted)?|released?|processed?|send|sent|clear(?:ed)?|wired?|posted|with you|reach you|arrive|go out|follow)`,
  `payment (?:will|is scheduled|is planned|run)|scheduled|next (?:payment|pay) run|approved for payment|can pay|could pay`,
  `(?:zal|zullen|wordt|worden|gaan|ga|kunnen|kan)\\s+${S}(?:betaald|betalen|overgemaakt|overmaken|gestort|storten|voldaan|voldoen|vereffend|vereffenen|verstuurd|versturen|uitbetaald|uitgevoerd)`,
  `(?:betalen|storten|maken)\\s+(?:wij|we|ik)|(?:wij|we|ik)\\s+(?:betalen|storten|maken)|schrijven\\s+(?:wij|we|ik)\\s+${S}over|over te (?:schrijven|maken)|ingepland|betaalrun|betaalronde|komt in orde`,
  `(?:sera|seront|va être|vont être)\\s+(?:\\p{L}+\\s+){0,3}(?:payée?s?|payer|réglée?s?|régler|virée?s?|versée?s?|effectuée?s?|faite?s?|envoyée?s?|postée?s?|honorée?s?|soldée?s?)`,
  `(?:nous|je|on)\\s+(?:vous\\s+)?(?:allons\\s+|vais\\s+|va\\s+)?(?:réglerons|règlerons|paierons|payerons|virerons|verserons|enverrons|régler|payer|virer|verser|vire|verse|règle|paie)`,
  `vous (?:recevrez|aurez)|prévue?s?|programmée?s?|campagne de (?:virements|paiements)`,
  `(?:wird|werden)\\s+${S}(?:bezahlt|überwiesen|beglichen|ausgeglichen|angewiesen|gezahlt|zahlen|überweisen|begleichen|erfolgen|veranlasst)`,
  `(?:wir|ich)\\s+(?:werden\\s+)?(?:zahlen|überweisen|begleichen|veranlassen)|zahlen wir|überweisen wir|(?:zahlung|überweisung)\\s+erfolgt|eingeht|geplant|vorgesehen|zahlungslauf|sorge\\s+${S}dafür`,
]);

/**
 * The execution date of a transfer order: the payment date of a remittance
 * advice when it is past, the promised date when it is still to come (the
 * date itself tells which), so it is wanted by both and avoided by neither.
 */
export const EXECUTION_DATE = cue([`execution date|date of execution|uitvoeringsdatum|datum (?:van )?uitvoering|ausführungsdatum|ausgeführt am|date d['’]exécution|exécuté le`]);

/** A sentence about a payment already made ("we have paid", "is betaald", "a été viré", "wurde überwiesen"), or a payment-date label. */
export const PAST_PAYMENT = cue([
  `(?:have|has|had|'ve)\\s+(?:just\\s+|already\\s+|now\\s+|today\\s+)?(?:been\\s+)?(?:paid|settled|transferred|sent|remitted|cleared|wired|made|processed|executed|released)`,
  `(?:was|were)\\s+(?:\\p{L}+\\s+){0,3}(?:paid|settled|transferred|sent|remitted|cleared|wired|made|executed)`,
  `(?:we|I)\\s+(?:just\\s+|already\\s+)?(?:paid|settled|transferred|sent|cleared|wired|made)|(?:already|just) paid|(?<!(?:be|been)\\s)paid (?:on|yesterday|today|last|this)|went out|remittance|proof of payment`,
  `(?:heb|hebben|heeft|is|zijn|werd|werden)\\s+${S}(?:betaald|overgemaakt|gestort|voldaan|verstuurd|uitgevoerd|gedaan|vereffend|overgeschreven)`,
  `(?:reeds|al)\\s+betaald|betaald op|betaalbewijs|betalingsbewijs|betalingsadvies|(?<!(?:wordt|worden|zal|zullen|gaat|gaan)\\s(?:\\S+\\s){0,10})betaald(?=\\s*[.,!]|\\s*$)`,
  `(?:avons|ai|avez|a|ont|est|sont)\\s+${S}(?:payée?s?|réglée?s?|virée?s?|versée?s?|envoyée?s?|effectuée?s?|transférée?s?|soldée?s?|émise?s?|exécutée?s?|parti)`,
  `(?:virement|paiement|règlement)\\s+(?:a été\\s+)?(?:effectué|fait|exécuté|passé)|déjà (?:payée?s?|réglée?s?)|avis de (?:paiement|règlement|virement)|preuve de (?:paiement|virement)`,
  `(?:haben|habe|hat|wurde|wurden|ist|sind)\\s+${S}(?:bezahlt|überwiesen|beglichen|ausgeglichen|angewiesen|gezahlt|ausgeführt|veranlasst|erfolgt|raus)`,
  `(?:bereits|schon)\\s+(?:bezahlt|überwiesen|beglichen)|zahlungsavis|überweisungsbeleg|zahlungsbestätigung`,
  `betaaldatum|betalingsdatum|zahlungsdatum|payment date|date (?:de|du) (?:paiement|virement|règlement)|valutadatum|value date|date de valeur|wertstellung|überweisungsdatum|buchungsdatum|datum van betaling`,
]);

/** A sentence contesting or questioning an amount: its amount is not a payment. */
export const DISPUTE_WORDS = cue([
  `contest\\p{L}*|disput\\p{L}*|betwist\\p{L}*|reklam\\p{L}*|beanstand\\p{L}*|widersp\\p{L}*|incorrect\\p{L}*|onjuist|erroné\\p{L}*|falsch\\p{L}*`,
  `(?:don['’]t|do not|cannot|can['’]t) recogni[sz]e|ne reconnai?s\\p{L}* pas|reconnaissons pas|herkennen?\\s+${S}niet|erkennen\\s+${S}nicht|not agree|pas d['’]accord|niet akkoord|nicht einverstanden`,
  `overcharg\\p{L}*|too much|te veel|trop (?:factur\\p{L}*|cher)|zu viel|difference|verschil|écart|differenz|refuse|weigeren|refusons|verweigern`,
  // Refusing to pay an amount: "die aanmaningskosten betalen wij niet", "we will not pay", "nous ne paierons pas".
  `(?:betalen|voldoen)\\s+(?:wij|we|ik)\\s+niet|niet (?:betalen|voldoen)|(?:will|do|shall) not pay|won['’]t pay|not (?:going|willing) to pay|ne (?:paierons|payerons|réglerons|payons|réglons) pas|(?:zahlen|bezahlen|begleichen|betalen|voldoen)\\s+(?:\\S+\\s+){0,6}?(?:nicht|niet)|nicht (?:zahlen|bezahlen|begleichen)`,
  `never agreed|not agreed|nooit (?:zo )?afgesproken|niet afgesproken|jamais convenu|pas convenu|nie vereinbart|nicht vereinbart`,
]);

/** Amounts and words of a payment plan: instalments, monthly sums, the total to spread. */
export const PLAN_WORDS = cue([
  `instal\\p{L}*|termijn\\p{L}*|échéanc\\p{L}*|échelonn\\p{L}*|raten?|ratenzahlung|tranche\\p{L}*|split\\p{L}*|splitsen|spread|étaler|spreiden|gespreid|verteilen`,
  `per month|a month|par mois|per maand|pro monat|monatlich|monthly|mensuel\\p{L}*|maandelijks\\p{L}*|afloss\\p{L}*|af te lossen|afbetal\\p{L}*|abzahl\\p{L}*|abbezahl\\p{L}*`,
  `plan|regeling|uitstel|postpone|delay|report\\p{L}*|stundung|verschieben|total|totaal|bedrag|montant|betrag|amount|solde|saldo|pay|betal\\p{L}*|payer|régler|zahlen`,
]);

/** A "Total" line of a remittance advice (not the total due of a reminder). */
export const TOTAL_LINE =
  /^(?:total|totaal|summe|gesamt(?:betrag|summe)?|montant total|total amount|total paid|totaal betaald|total payé|grand total|somme)(?![\p{L}])(?!.*(?<![\p{L}])(?:dû|due|openstaand|verschuldigd|offen|outstanding|restant|à payer|te betalen|zu zahlen)(?![\p{L}]))/iu;

/** A labelled amount of a payment advice or transfer order ("Montant : 1 711,52 EUR", "Betrag 2.441,37", "Amount paid: £120.00"). */
export const PAYMENT_AMOUNT_LINE =
  /^(?:montant|amount|payment amount|betrag|zahlbetrag|überweisungsbetrag|bedrag|betaald bedrag|overgemaakt bedrag)(?:\s+(?:payé|viré|réglé|du virement|paid|transferred|betaald|overgemaakt|überwiesen))?\s*(?:\((?:eur|chf|gbp)\)|eur|chf|gbp)?\s*[:|]?\s*(?:€|eur|chf|£|gbp)?\s*-?\d/iu;

/** A reminder's "total due" line ("Totaal openstaand: 3.219,51 EUR", "Total dû", "Summe offen"): our figure, not the sender's. */
export const TOTAL_DUE_LINE =
  /^(?:total|totaal|summe|gesamt\p{L}*|montant|solde|saldo|balance|amount)\s*(?:\p{L}+\s*){0,2}(?<![\p{L}])(?:dû|due|openstaand|verschuldigd|offen|outstanding|restant|à payer|te betalen|zu zahlen|overdue|échu)(?![\p{L}])/iu;

/** Words right before a date that make it an invoice or due date, not a payment date. */
export const NOT_PAYMENT_DATE =
  /(?:échéance|vervaldatum|vervaldag|due(?: date| on)?|fällig(?:keit)?|invoice date|factuurdatum|date (?:de (?:la )?)?facture|rechnungsdatum|datée?s? du|dated|gedateerd)\s*:?\s*$/iu;

// ─── Documents ───────────────────────────────────────────────────────────────

const DOCUMENT_CUES: Array<[Document, RegExp]> = [
  [
    "statement",
    /(?:statement(?: of account)?|account statement|open items?(?: list)?|list of (?:open|outstanding|unpaid) (?:items|invoices)|aged (?:debt|balance)|account overview|overview of (?:the |our |all )?(?:open|outstanding|unpaid)|rekeningoverzicht|rekeninguittreksel|rekeningafschrift|saldo-?overzicht|saldolijst|overzicht\s+(?:\p{L}+\s+){0,8}(?:openstaat|openstaan|open staat|open staan|openstaande|open posten|nog open)|openstaande[- ]?posten(?:lijst)?|open ?posten ?lijst|relevé|extrait de compte|état (?:de compte|des factures)|situation (?:de|du) compte|liste des factures\s+(?:\p{L}+\s+){0,2}(?:non soldées|ouvertes|impayées|en cours|en attente|échues)|balance âgée|kontoauszug|kontoübersicht|offene[- ]?posten(?:-?liste)?|op-?liste|saldenbestätigung|saldobestätigung|saldobevestiging|confirmation (?:de|du) solde|balance confirmation|confirmation of (?:the )?balance|saldenliste|kontenblatt|aufstellung (?:der |aller )?offenen)/iu,
  ],
  ["credit_note", /(?:credit ?notes?|creditnota'?s?|creditfactuur|avoirs?|note de crédit|gutschrift(?:en)?)/iu],
  ["delivery_proof", /(?:proof of delivery|\bpod\b|delivery (?:note|receipt|proof)|signed (?:delivery|packing|note|receipt|copy)|bon (?:met handtekening|signé|de réception)|getekende (?:bon|leveringsbon)|ondertekende bon|unterschriebene[rn]? (?:lieferschein|beleg|empfangsbestätigung)|qui a signé|who signed|wie heeft (?:\p{L}+\s+){0,4}getekend|wer hat (?:\p{L}+\s+){0,4}unterschrieben|cmr|afleverbewijs|leveringsbewijs|(?:getekende )?pakbon|vrachtbrief|preuve de livraison|bon de livraison|lettre de voiture|liefernachweis|lieferschein|frachtbrief|zustellnachweis)/iu],
  ["invoice", /(?:invoices?|factu(?:u)?r(?:en)?|factures?|duplicata|rechnung(?:en|skopie)?)/iu],
];

/** A sentence asking for something: a request verb, a polite form, or a question. */
const REQUEST =
  /(?:please|could you|can you|would you|kindly|may I|send|resend|forward|copy|need|require|waiting for|still not received|attendons|toujours pas reçu|wachten (?:nog )?op|nog (?:steeds )?niet ontvangen|warten (?:noch )?auf|noch nicht erhalten|nodig|nötig|pourriez|pouvez|pourrais|merci de|veuillez|envoyer|renvoyer|faire parvenir|transmettre|copie|besoin|kunt u|kunnen (?:jullie|u)|kan u|kan je|graag|mag ik|sturen|bezorgen|opsturen|toesturen|doorsturen|kopie|bitte|können sie|könnten sie|darf ich|senden|schicken|zukommen|zusenden|benötigen|brauchen|\?)/iu;

/**
 * Which document the sender asks for: the one named in a sentence that asks
 * for something ("Merci de nous faire parvenir un relevé de compte" wins over
 * the credit note mentioned in a remark about a payment), else the one the
 * sender's own subject names ("Bitte um Kontoauszug"), else the most specific
 * one named anywhere.
 */
export function requestedDocument(text: string, subject = "", replySubject = ""): Document | null {
  for (const s of text.split(/(?<=[.!?])\s+|\n\s*\n/)) {
    if (!REQUEST.test(s)) continue;
    for (const [doc, re] of DOCUMENT_CUES) if (re.test(s)) return doc;
  }
  for (const t of [text, subject]) for (const [doc, re] of DOCUMENT_CUES) if (re.test(t)) return doc;
  // "VF-2024-00604 hebben wij nooit ontvangen. Kan u deze opnieuw sturen?": a copy of the invoice
  // the mail is about (our reminder's subject names invoices).
  if (COPY.test(text) || DOCUMENT_CUES[3][1].test(replySubject)) return "invoice";
  return null;
}

const COPY = /(?:cop(?:y|ie)|kopie|duplicat\p{L}*|resend|send (?:it|them) again|opnieuw (?:sturen|bezorgen)|renvoyer|erneut (?:senden|zusenden|schicken)|nooit ontvangen|never received|jamais reçu|nie erhalten|nicht erhalten)/iu;

// ─── Instalments ─────────────────────────────────────────────────────────────

const INSTALMENT_WORDS =
  "instal?lments?|monthly payments|payments|amounts|sums|transfers|parts|tranches|terms|termijnen|maandtermijnen|delen|keer|betalingen|bedragen|stortingen|overschrijvingen|deelbetalingen|stukken|fois|mensualités|échéances|versements|paiements|virements|montants|acomptes|parties|raten|monatsraten|teilzahlungen|zahlungen|beträge|überweisungen|abschläge|abschlagszahlungen|tranchen|teile|x";
const NUM = `(\\d{1,2}|${Object.keys(NUMBER_WORDS).join("|")})`;
const INSTALMENTS = new RegExp(
  `(?<![\\p{L}\\d])${NUM}\\s*(?:(?:gelijke|equal|égales?|gleiche[n]?|monthly|maandelijkse|mensuelles?|monatliche[n]?|quarterly|driemaandelijkse|trimestrielles?|vierteljährliche[n]?)\\s+){0,2}(?:${INSTALMENT_WORDS})(?![\\p{L}])`,
  "iu",
);
// "af te lossen in 4 maanden", "spread over six months", "étaler sur 3 mois", "über 6 Monate verteilen".
const OVER_MONTHS = new RegExp(
  `(?:(?:afloss\\p{L}*|af te lossen|afbetal\\p{L}*|spreid\\p{L}*|gespreid|spread|repay\\p{L}*|pay (?:it )?off|étal\\p{L}*|échelonn\\p{L}*|rembours\\p{L}*|verteil\\p{L}*|abzahl\\p{L}*|abbezahl\\p{L}*|tilg\\p{L}*)\\s+(?:\\p{L}+\\s+){0,3}(?:in|over|sur|en|über|auf)|(?:over|sur|über))\\s+${NUM}\\s+(?:months|maanden|mois|monate[n]?)(?![\\p{L}])`,
  "iu",
);

/** Number of instalments the sender proposes, in digits or words ("three", "drie", "trois", "drei"). */
export function instalmentCount(text: string): number | null {
  for (const re of [INSTALMENTS, OVER_MONTHS]) {
    const m = text.match(re);
    if (!m) continue;
    const n = NUMBER_WORDS[m[1].toLowerCase()] ?? parseInt(m[1], 10);
    if (Number.isInteger(n) && n >= 2 && n <= 60) return n;
  }
  return null;
}
