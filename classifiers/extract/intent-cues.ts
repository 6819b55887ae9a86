import type { Intent } from "../intents.ts";

/**
 * Keyword evidence per intent, in nl/fr/de/en, written for Relance. These are
 * features for the model (and the rule fallback), not decisions: a cue says
 * "this phrase appears", the classifier weighs it. Ambiguous words carry the
 * languages they are cues in.
 */
type Cue = { re: RegExp; langs?: string[] };
const c = (source: string, langs?: string[]): Cue => ({ re: new RegExp(`(?<![\\p{L}])(?:${source})(?![\\p{L}])`, "iu"), langs });

export const INTENT_CUES: Partial<Record<Intent, Cue[]>> = {
  payment_promise: [
    c("(?:we|i)(?:'ll| will| shall| are going to| intend to| plan to) (?:pay|transfer|settle|remit|process (?:the )?payment)|payment will be (?:made|sent|executed|released)|will be paid|(?:is|are) scheduled for payment|next payment run|promise to pay"),
    c("(?:wij|we|ik) (?:zullen|gaan|zal|ga)?\\s?(?:betalen|overmaken|voldoen)|(?:wij|we) betalen|wordt (?:betaald|overgemaakt|voldaan) op|zal (?:worden )?(?:betaald|voldaan|overgemaakt)|(?:staat|is) ingepland|volgende betaalrun|betaling volgt"),
    c("nous (?:allons |)(?:réglerons|paierons|règlerons|virerons|régler|payer)|sera (?:réglée?|payée?|virée?)|procéderons au (?:paiement|règlement|virement)|mise en paiement|prochaine campagne de paiement|règlement interviendra"),
    c("wir (?:werden )?(?:zahlen|überweisen|begleichen)|(?:zahlung|überweisung) erfolgt (?:am|bis|zum|in)|wird (?:bezahlt|überwiesen|beglichen) (?:am|bis)|überweisen wir|begleichen wir|nächsten zahlungslauf|zur zahlung angewiesen"),
  ],
  payment_notice: [
    c("(?:have|has|had) (?:been )?(?:paid|transferred|settled|remitted)|payment (?:has been |was )?(?:made|sent|executed|processed|released)|remittance advice|proof of payment|payment confirmation|paid (?:today|yesterday|on)"),
    c("(?:is|zijn|werd|hebben|heb) (?:vandaag |gisteren |reeds |al )?(?:betaald|overgemaakt|voldaan)|betalingsbewijs|betaalbewijs|betalingsbevestiging|betalingsadvies|bewijs van betaling"),
    c("(?:a|ont) été (?:réglée?s?|payée?s?|virée?s?)|avons (?:réglé|payé|viré|effectué le (?:virement|paiement|règlement))|virement (?:a été )?effectué|avis de (?:paiement|virement|règlement)|(?:preuve|justificatif) de (?:paiement|virement)"),
    c("(?:wurde|wurden|haben|ist) (?:heute |gestern |bereits )?(?:bezahlt|überwiesen|beglichen)|zahlungsavis|zahlungsbestätigung|überweisungsbeleg|zahlungsnachweis|überweisung (?:ist )?erfolgt|ausgeführt"),
  ],
  dispute: [
    c("dispute[sd]?|contest(?:ed|ing)?|(?:we|i) (?:do not|don't) agree|disagree|incorrect (?:price|amount|invoice|quantity)|wrong (?:price|amount|quantity|invoice|address|entity|company)|(?:goods|order|delivery) (?:not|never) (?:received|delivered|arrived)|damaged|defective|not ordered|overcharged|(?:already|previously) (?:paid|credited)|charged twice|duplicate invoice|complaint"),
    c("betwist(?:en)?|niet akkoord|(?:zijn|is) het (?:hier )?niet mee eens|oneens|klopt niet|onjuist|foutie?ve?|verkeerde (?:prijs|factuur|aantallen|hoeveelheid|entiteit|adres)|niet (?:ontvangen|geleverd)|beschadigd|kapot|defect|niet besteld|dubbel gefactureerd|(?:reeds|al) betaald|(?:reeds|al) gecrediteerd|klacht|creditnota ontbreekt"),
    c("contest(?:ons|ation|er|ée?)|pas d'accord|désaccord|erron(?:é|n)e?|(?:prix|montant|quantité) (?:incorrecte?|erron(?:é|n)e?)|erreur de facturation|(?:pas|jamais) (?:reçue?s?|livrée?s?)|endommagée?s?|abîmée?s?|défectueu(?:x|se)|pas commandée?s?|facturée? deux fois|double facturation|déjà (?:payée?|réglée?|crédité)|réclamation|litige"),
    c("reklam(?:ieren|ation)|beanstand(?:en|ung)|widersprechen|widerspruch|einspruch|nicht einverstanden|(?:preis|betrag|menge|rechnung) (?:ist )?(?:falsch|fehlerhaft|nicht korrekt)|nicht (?:erhalten|geliefert|bestellt)|beschädigt|defekt|mangelhaft|doppelt (?:berechnet|fakturiert)|(?:bereits|schon) (?:bezahlt|gutgeschrieben)|gutschrift fehlt"),
  ],
  document_request: [
    c("(?:send|resend|re-send|forward|provide|e-?mail)(?: (?:us|me))?(?: again)? (?:a |the )?(?:copy|duplicate|pdf)|copy of (?:the |your |this )?(?:invoice|credit note|statement)|invoice copy|statement of (?:account|open items)|account statement|proof of delivery|(?:did not|didn't|never) receive (?:the|your|this|any) invoice|signed delivery note"),
    c("kopie(?:factuur| van (?:de|uw|deze) (?:factuur|creditnota)|\\s+factuur)|factuur (?:opnieuw|nogmaals|nog eens) (?:sturen|toesturen|mailen|versturen)|duplicaat|rekeningoverzicht|saldo-?overzicht|overzicht (?:van )?(?:de )?openstaande posten|afleverbewijs|leveringsbewijs|getekende pakbon|factuur (?:niet|nooit) ontvangen"),
    c("copie (?:de (?:la|votre|cette) )?(?:facture|avoir)|duplicata|(?:renvoyer|transmettre|envoyer) (?:à nouveau |de nouveau )?(?:la|une copie de la) facture|relevé de compte|relevé des (?:factures|opérations)|preuve de livraison|bon de livraison signé|(?:pas|jamais) reçu (?:la|votre|cette) facture"),
    c("rechnungskopie|kopie (?:der|ihrer|dieser) (?:rechnung|gutschrift)|rechnung (?:erneut|nochmals|noch einmal) (?:senden|zusenden|schicken)|kontoauszug|kontoübersicht|offene[- ]posten[- ]liste|liefernachweis|unterschriebener lieferschein|rechnung (?:nicht|nie) erhalten"),
  ],
  payment_plan_request: [
    c("payment (?:plan|arrangement|schedule)|(?:in|into) (?:\\d+|two|three|four|five|six|several|monthly) (?:instal?lments|parts|payments)|instal?lments|extension|more time|postpone|defer(?:ral|red)?|cash ?flow|spread (?:the )?payments?"),
    c("betalingsregeling|betaalregeling|(?:in|over) (?:\\d+|twee|drie|vier|vijf|zes|meerdere) (?:termijnen|delen|keer|maanden)|termijnbetaling|uitstel(?: van betaling)?|later betalen|gespreid betalen|liquiditeit|krappe kas"),
    c("échéancier|paiement échelonné|échelonner|étaler (?:le )?(?:paiement|règlement)|en (?:\\d+|deux|trois|quatre|plusieurs) (?:fois|mensualités|échéances|versements)|délai de paiement|délai supplémentaire|report(?:er)?|trésorerie|mensualités"),
    c("ratenzahlung|ratenplan|teilzahlung(?:en)?|in (?:\\d+|zwei|drei|vier|fünf|mehreren) (?:raten|teilzahlungen|monatsraten)|zahlungsaufschub|stundung|aufschub|zahlungsziel verlängern|liquidität(?:sengpass)?"),
  ],
  account_update: [
    c("new (?:billing |invoice |postal |e-?mail )?(?:address|e-?mail|mailbox|contact(?: person)?|vat number)|(?:please )?send (?:all |future |your )?invoices to|change of (?:address|name|e-?mail)|we have moved|(?:po|purchase order) (?:number )?(?:is )?(?:required|mandatory|must be (?:quoted|stated|mentioned))|company name (?:has )?changed|updated (?:billing )?details"),
    c("nieuw(?:e)? (?:factuur|post|e-?mail|mail)?(?:adres|contactpersoon|btw-nummer)|facturen (?:voortaan |graag |vanaf nu )?(?:sturen|versturen|mailen|zenden) naar|adreswijziging|(?:zijn|wij zijn) verhuisd|(?:order|inkoop|bestel)nummer (?:vermelden|verplicht)|naamswijziging|gewijzigde (?:gegevens|bedrijfsnaam)"),
    c("nouvel(?:le)? (?:adresse(?: de facturation| e-?mail| mail)?|e-?mail|contact|interlocuteur|numéro de tva)|(?:merci d'|veuillez )?(?:envoyer|adresser|transmettre) (?:désormais )?(?:vos|les|toutes les) factures à|changement d'(?:adresse|e-?mail|interlocuteur|dénomination)|avons déménagé|numéro de commande (?:obligatoire|à mentionner)"),
    c("neue (?:rechnungs)?(?:adresse|anschrift|e-?mail(?:-adresse)?|ansprechpartner(?:in)?|ust-?id(?:nr)?)|rechnungen (?:bitte |künftig |ab sofort )*(?:an|nur noch an) .{0,60}(?:senden|schicken)|adressänderung|(?:sind )?umgezogen|bestellnummer (?:angeben|ist anzugeben|erforderlich)|änderung der firmierung|neue firmierung"),
  ],
  question: [
    c("what is (?:our|the) (?:current )?(?:balance|outstanding amount)|how (?:can|do|should) (?:we|i) pay|bank (?:details|account)|which (?:account|iban)|could you (?:please )?(?:explain|clarify|confirm)|question (?:about|regarding)|why (?:is|was|were|did|do)|what is this (?:charge|invoice|amount)"),
    c("wat is (?:het|ons) (?:openstaand )?saldo|welk (?:rekeningnummer|iban)|bankgegevens|hoe (?:kunnen|moeten) (?:wij|we|ik) betalen|kunt u (?:uitleggen|toelichten|bevestigen)|vraag over|waarom (?:is|zijn|werd|hebben)|waar (?:is|staat) (?:dit|deze) (?:bedrag|factuur) voor"),
    c("quel (?:est (?:le|notre) )?(?:solde|iban|montant)|coordonnées bancaires|rib|comment (?:pouvons-nous|puis-je|payer)|pourriez-vous (?:expliquer|préciser|confirmer)|question (?:concernant|sur|au sujet)|pourquoi"),
    c("wie hoch ist (?:der|unser) (?:saldo|offene betrag)|welche (?:bankverbindung|iban)|welches konto|bankdaten|wie können (?:wir|ich) (?:zahlen|bezahlen)|können sie (?:erklären|bestätigen)|frage zu|warum (?:ist|wurde|wurden|haben)"),
  ],
  insolvency_notice: [
    c("bankruptcy|insolvency|insolvent|liquidation|liquidator|receivership|chapter (?:7|11)|winding[- ]up|proof of debt|creditors'? meeting|moratorium"),
    c("administration|administrator|trustee|receiver", ["en"]),
    c("faillissement|failliet|curator|surseance(?: van betaling)?|schuldsanering|wsnp|vereffening|vereffenaar|gerechtelijke reorganisatie|indiening (?:van )?(?:uw )?vordering|aangifte van schuldvordering"),
    c("faillite|liquidation judiciaire|redressement judiciaire|mandataire judiciaire|liquidateur|administrateur judiciaire|procédure collective|procédure de sauvegarde|déclaration de créances?|réorganisation judiciaire|curateur"),
    c("insolvenz(?:verfahren|verwalter(?:in)?|antrag)?|konkurs|zahlungsunfähig|vorläufige[rn]? (?:insolvenz)?verwalt(?:er|ung)|gläubigerversammlung|forderungsanmeldung|schutzschirmverfahren|sachwalter"),
  ],
  auto_reply: [
    c("out of (?:the )?office|automatic reply|auto-?reply|i am (?:currently )?(?:away|on leave|on holiday)|afwezig|automatisch antwoord|met vakantie|absente?|absence du bureau|réponse automatique|abwesend|abwesenheitsnotiz|automatische antwort|nicht im büro"),
  ],
  bounce: [c("undeliverable|delivery (?:status notification|has failed)|mail delivery failed|non remis|unzustellbar|onbestelbaar|returned mail")],
  other: [
    c("unsubscribe|newsletter|webinar|promotion|special offer|uitschrijven|nieuwsbrief|aanbieding|se désinscrire|désabonner|lettre d'information|abmelden|abbestellen|angebot der woche"),
  ],
};

/**
 * The cue phrases found in a text, per intent. `lang` enables the cues that
 * are only reliable in one language ("administration" is a bankruptcy word in
 * English, a department in Dutch and French).
 */
// Global copies of the cue patterns, compiled once (matchAll needs the g flag).
const globals = new WeakMap<RegExp, RegExp>();
function globalOf(re: RegExp): RegExp {
  let g = globals.get(re);
  if (!g) globals.set(re, (g = new RegExp(re.source, "giu")));
  return g;
}

export function detectIntentCues(text: string, lang: string | null = null): Partial<Record<Intent, string[]>> {
  const out: Partial<Record<Intent, string[]>> = {};
  for (const [intent, cues] of Object.entries(INTENT_CUES) as Array<[Intent, Cue[]]>) {
    const found: string[] = [];
    for (const cue of cues) {
      if (cue.langs && !(lang && cue.langs.includes(lang))) continue;
      const re = globalOf(cue.re);
      re.lastIndex = 0;
      for (const m of text.matchAll(re)) if (!found.includes(m[0].toLowerCase())) found.push(m[0].toLowerCase());
    }
    if (found.length) out[intent] = found;
  }
  return out;
}
