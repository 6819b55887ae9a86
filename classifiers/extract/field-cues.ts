import type { DISPUTE_REASONS, DOCUMENT_TYPES } from "../intents.ts";
import { NUMBER_WORDS } from "./date-words.ts";

type Reason = (typeof DISPUTE_REASONS)[number];
type Document = (typeof DOCUMENT_TYPES)[number];

/** Words near which a date is the promised payment date. */
export const PROMISE_VERBS =
  /(?:will|shall|'ll|going to|intend to|plan to|expect to)\s+(?:be\s+)?(?:pay|paid|transfer|settle|remit|process)|payment (?:will|is scheduled|is planned|run)|scheduled|(?:wij|we|ik)\s+(?:zullen\s+|gaan\s+|zal\s+)?(?:betalen|overmaken|voldoen)|betalen\s+(?:wij|we)|(?:wordt|zal|zullen)\s+(?:\p{L}+\s+){0,3}(?:betaald|overgemaakt|voldaan)|ingepland|betaalrun|nous\s+(?:allons\s+)?(?:réglerons|paierons|règlerons|régler|payer|virerons)|sera\s+(?:réglée?|payée?|virée?)|règlement|paiement|virement|wir\s+(?:werden\s+)?(?:zahlen|überweisen|begleichen)|(?:zahlung|überweisung)\s+erfolgt|wird\s+(?:\p{L}+\s+){0,2}(?:bezahlt|überwiesen|beglichen)|zahlungslauf|pay|betaling|zahlung/giu;

/** Words near which a date is the date of a payment already made. */
export const PAID_VERBS =
  /(?:paid|transferred|settled|remitted|payment (?:was|has been) (?:made|sent|executed)|betaald|overgemaakt|voldaan|betaling (?:is|werd) (?:uitgevoerd|gedaan)|payée?s?|réglée?s?|virée?s?|virement (?:a été )?effectué|effectué|bezahlt|überwiesen|beglichen|ausgeführt|überweisung|valuta|value date|datum|date)/giu;

const REASON_CUES: Array<[Reason, RegExp]> = [
  ["duplicate", /(?:duplicate|twice|double(?:-| )?(?:charged|billed|invoiced)|already (?:paid|credited|invoiced)|paid (?:it )?(?:already|before)|dubbel|twee ?keer|tweemaal|(?:reeds|al) (?:betaald|gecrediteerd|gefactureerd)|doublon|deux fois|double facturation|déjà (?:payée?|réglée?|créditée?|facturée?)|doppelt|zweimal|(?:bereits|schon) (?:bezahlt|gutgeschrieben|berechnet))/iu],
  ["wrong_entity", /(?:wrong (?:company|entity|customer|address|vat|legal entity|name)|not (?:our|addressed to our) company|other (?:entity|company)|sister company|verkeerde (?:entiteit|vennootschap|bedrijfsnaam|tenaamstelling|adres|btw|klant)|niet (?:aan|op naam van) ons|andere (?:vennootschap|entiteit)|tenaamstelling|mauvaise (?:entité|société|adresse|raison sociale)|pas (?:à|au nom de) notre société|autre (?:entité|société)|falsche (?:firma|gesellschaft|adresse|rechnungsadresse|ust|firmierung)|nicht (?:an|auf) unsere firma|andere gesellschaft|btw-?nummer (?:is )?(?:fout|onjuist)|numéro de tva (?:erroné|incorrect)|ust-?id(?:nr)? (?:ist )?falsch)/iu],
  ["damaged", /(?:damaged|broken|defective|faulty|beschadigd|kapot|defect|stuk(?![\p{L}])|endommagée?s?|cassée?s?|abîmée?s?|défectueu(?:x|se)s?|beschädigt|kaputt|defekt|mangelhaft)/iu],
  ["not_received", /(?:(?:not|never) (?:been )?(?:received|delivered|arrived)|(?:did not|didn't|never) (?:receive|get)(?! the invoice)|(?:niet|nooit) (?:ontvangen|geleverd|aangekomen)|niets ontvangen|(?:pas|jamais) (?:reçue?s?|livrée?s?|arrivée?s?)|rien reçu|(?:nicht|nie) (?:erhalten|geliefert|angekommen)|keine (?:ware|lieferung) erhalten)/iu],
  ["quantity", /(?:quantit(?:y|ies)|too many|fewer|short(?:-| )?(?:delivery|shipped)|only (?:received|got) \d+|aantal(?:len)?|hoeveelheid|te veel|minder (?:geleverd|ontvangen)|stuks|quantité|trop de|manqu(?:e|ant)s?|pièces|menge|anzahl|zu viele|stück|weniger geliefert)/iu],
  ["price", /(?:price|pricing|rate|tariff|overcharged|too (?:high|expensive)|discount|agreed (?:price|amount)|quoted (?:price|amount)|prijs|tarief|te hoog|korting|afgesproken (?:prijs|bedrag)|offerteprijs|prix|tarif|trop (?:cher|élevé)|remise|prix convenu|preis|tarif|zu hoch|rabatt|vereinbarte[rn]? preis)/iu],
  ["service", /(?:service|work (?:was )?(?:not|never) (?:done|performed|completed)|not (?:performed|carried out|completed)|installation|repair|hours|werkzaamheden|niet uitgevoerd|dienst(?:verlening)?|uren|prestation|travaux|pas effectué|intervention|heures|leistung|arbeiten|nicht (?:erbracht|durchgeführt)|stunden|montage)/iu],
];

/** Dispute reason from keyword cues, the most specific first; "other" when none fits. */
export function disputeReason(text: string): Reason {
  // Cues start at a word boundary ("rate" is not in "separate").
  return REASON_CUES.find(([, re]) => new RegExp(`(?<![\\p{L}])(?:${re.source})`, "iu").test(text))?.[0] ?? "other";
}

const DOCUMENT_CUES: Array<[Document, RegExp]> = [
  ["credit_note", /(?:credit ?notes?|creditnota'?s?|creditfactuur|avoirs?|note de crédit|gutschrift(?:en)?)/iu],
  ["statement", /(?:statement(?: of account)?|account statement|overview of (?:the )?(?:open|outstanding)|rekeningoverzicht|rekeninguittreksel|saldo-?overzicht|overzicht (?:van )?(?:de )?openstaande|openstaande posten|relevé(?: de compte| des factures)?|état des factures|kontoauszug|kontoübersicht|offene[- ]posten|saldenbestätigung)/iu],
  ["delivery_proof", /(?:proof of delivery|\bpod\b|delivery (?:note|receipt|proof)|signed (?:delivery|packing)|cmr|afleverbewijs|leveringsbewijs|(?:getekende )?pakbon|vrachtbrief|preuve de livraison|bon de livraison|lettre de voiture|liefernachweis|lieferschein|frachtbrief|zustellnachweis)/iu],
  ["invoice", /(?:invoices?|factu(?:u)?r(?:en)?|factures?|duplicata|rechnung(?:en|skopie)?)/iu],
];

/** Which document the sender asks for. */
export function requestedDocument(text: string): Document | null {
  for (const [doc, re] of DOCUMENT_CUES) if (re.test(text)) return doc;
  return null;
}

const INSTALMENT_WORDS = "instal?lments?|monthly payments|payments|parts|terms|termijnen|maandtermijnen|delen|keer|betalingen|maandelijkse (?:termijnen|betalingen)|fois|mensualités|échéances|versements|raten|monatsraten|teilzahlungen|zahlungen";
const INSTALMENTS = new RegExp(`(?<![\\p{L}\\d])(\\d{1,2}|${Object.keys(NUMBER_WORDS).join("|")})\\s+(?:(?:gelijke|equal|égales?|gleiche|monthly|maandelijkse|mensuelles?|monatliche)\\s+)?(?:${INSTALMENT_WORDS})(?![\\p{L}])`, "iu");

/** Number of instalments the sender proposes, in digits or words ("three", "drie", "trois", "drei"). */
export function instalmentCount(text: string): number | null {
  const m = text.match(INSTALMENTS);
  if (!m) return null;
  const n = NUMBER_WORDS[m[1].toLowerCase()] ?? parseInt(m[1], 10);
  return Number.isInteger(n) && n >= 2 && n <= 60 ? n : null;
}
