import type { Intent } from "../intents.ts";

/**
 * Keyword evidence per intent, in nl/fr/de/en, written for Relance. These are
 * features for the model (and the rule fallback), not decisions: a cue says
 * "this phrase appears", the classifier weighs it. Ambiguous words carry the
 * languages they are cues in.
 */
type Cue = { re: RegExp; source: string; langs?: string[] };
// Sources are lower case and matched against lower-cased text: no "i" flag, whose Unicode case
// folding made every cue scan several times slower.
const c = (source: string, langs?: string[]): Cue => ({ re: new RegExp(`(?<![\\p{L}])(?:${source})(?![\\p{L}])`, "u"), source, langs });

export const INTENT_CUES: Partial<Record<Intent, Cue[]>> = {
  payment_promise: [
    c("(?:we|i)(?:'ll| will| shall| are going to| intend to| plan to) (?:pay|transfer|settle|remit|process (?:the )?payment)|payment will be (?:made|sent|executed|released)|will be paid|(?:is|are) scheduled for payment|next payment run|promise to pay"),
    c("(?:wij|we|ik) (?:zullen|gaan|zal|ga)?\\s?(?:betalen|overmaken|voldoen)|(?:wij|we) betalen|wordt (?:betaald|overgemaakt|voldaan) op|zal (?:worden )?(?:betaald|voldaan|overgemaakt)|(?:staat|is) ingepland|volgende betaalrun|betaling volgt"),
    c("nous (?:allons |)(?:réglerons|paierons|règlerons|virerons|régler|payer)|sera (?:réglée?|payée?|virée?)|procéderons au (?:paiement|règlement|virement)|mise en paiement|prochaine campagne de paiement|règlement interviendra"),
    c("wir (?:werden )?(?:zahlen|überweisen|begleichen)|(?:zahlung|überweisung) erfolgt (?:am|bis|zum|in)|wird (?:bezahlt|überwiesen|beglichen) (?:am|bis)|überweisen wir|begleichen wir|nächsten zahlungslauf|zur zahlung angewiesen"),
    // Broader promise wording (other authors' habits): passive futures, "payment follows", intentions.
    c("will be (?:paid|settled|transferred|sent|released|cleared)|(?:we|i)'ll (?:pay|transfer|settle|sort|clear)|payment (?:will follow|follows)|expect to (?:pay|settle|clear)|intend to (?:pay|settle|clear)|(?:will|should) (?:go|leave|reach you)|earmarked|in (?:the|our) next (?:payment |bacs )?run"),
    c("(?:wordt|worden) (?:\\p{L}+ )?(?:betaald|overgemaakt|overgeschreven|voldaan|gestort)|betaling volgt|(?:zijn|is) van plan|verwachten (?:\\p{L}+ ){0,4}te (?:betalen|vereffenen)|komt in orde|staat klaar"),
    c("ser(?:a|ont) (?:\\p{L}+ )?(?:payée?s?|réglée?s?|virée?s?|versée?s?|soldée?s?)|suivra|prévoyons de|comptons (?:régler|payer|solder)|partira|(?:est|sont) planifiée?s?|en ordre"),
    c("(?:wird|werden) (?:\\p{L}+ ){0,3}(?:bezahlt|überwiesen|beglichen|gezahlt|ausgeglichen)|zahlung folgt|folgt (?:am|bis|zum)|beabsichtigen|eingeplant|vorgesehen|geht (?:\\p{L}+ ){0,3}raus|geht klar"),
  ],
  payment_notice: [
    c("(?:have|has|had) (?:been )?(?:paid|transferred|settled|remitted)|payment (?:has been |was )?(?:made|sent|executed|processed|released)|remittance advice|proof of payment|payment confirmation|paid (?:today|yesterday|on)"),
    c("(?:is|zijn|werd|hebben|heb) (?:vandaag |gisteren |reeds |al )?(?:betaald|overgemaakt|voldaan)|betalingsbewijs|betaalbewijs|betalingsbevestiging|betalingsadvies|bewijs van betaling"),
    c("(?:a|ont) été (?:réglée?s?|payée?s?|virée?s?)|avons (?:réglé|payé|viré|effectué le (?:virement|paiement|règlement))|virement (?:a été )?effectué|avis de (?:paiement|virement|règlement)|(?:preuve|justificatif) de (?:paiement|virement)"),
    c("(?:wurde|wurden|haben|ist) (?:heute |gestern |bereits )?(?:bezahlt|überwiesen|beglichen)|zahlungsavis|zahlungsbestätigung|überweisungsbeleg|zahlungsnachweis|überweisung (?:ist )?erfolgt|ausgeführt"),
    // Broader notice wording: the money has left, the bank confirms, the balance is cleared.
    c("(?:paid|settled|transferred|sent|cleared) (?:it |this |them )?(?:today|yesterday|this morning|last \\p{L}+)|money (?:sent|went|left|is on its way)|payment (?:done|sent|made|went out|has gone through)|debited|credited to your account|online banking|direct debit|value date|swift copy|bank confirmation|remittance|settled\\.|cleared the (?:outstanding )?balance"),
    c("betaling (?:gedaan|uitgevoerd|vertrokken)|(?:is|zijn) vertrokken|afgeschreven|valutadatum|overschrijving (?:gedaan|uitgevoerd)|bewijs van overschrijving|vereffend|aangezuiverd|voldaan\\."),
    c("paiement (?:fait|effectué|exécuté|passé)|est parti|débitée?s?|créditée?s?|date valeur|copie swift|(?:avons )?soldée?s?|apurée?s?|acquittée?s?|réglé\\."),
    c("zahlung (?:erledigt|ausgeführt|angewiesen|ist durch)|abgebucht|gutgeschrieben|eingegangen|valuta|swift-kopie|(?:haben|wurde|wurden) (?:\\p{L}+ ){0,3}ausgeglichen|erledigt\\."),
  ],
  dispute: [
    c("dispute[sd]?|contest(?:ed|ing)?|(?:we|i) (?:do not|don't) agree|disagree|incorrect (?:price|amount|invoice|quantity)|wrong (?:price|amount|quantity|invoice|address|entity|company)|(?:goods|order|delivery) (?:not|never) (?:received|delivered|arrived)|damaged|defective|not ordered|overcharged|(?:already|previously) (?:paid|credited)|charged twice|duplicate invoice|complaint"),
    c("betwist(?:en)?|niet akkoord|(?:zijn|is) het (?:hier )?niet mee eens|oneens|klopt niet|onjuist|foutie?ve?|verkeerde (?:prijs|factuur|aantallen|hoeveelheid|entiteit|adres)|niet (?:ontvangen|geleverd)|beschadigd|kapot|defect|niet besteld|dubbel gefactureerd|(?:reeds|al) betaald|(?:reeds|al) gecrediteerd|klacht|creditnota ontbreekt"),
    c("contest(?:ons|ation|er|ée?)|pas d'accord|désaccord|erron(?:é|n)e?|(?:prix|montant|quantité) (?:incorrecte?|erron(?:é|n)e?)|erreur de facturation|(?:pas|jamais) (?:reçue?s?|livrée?s?)|endommagée?s?|abîmée?s?|défectueu(?:x|se)|pas commandée?s?|facturée? deux fois|double facturation|déjà (?:payée?|réglée?|crédité)|réclamation|litige"),
    c("reklam(?:ieren|ation)|beanstand(?:en|ung)|widersprechen|widerspruch|einspruch|nicht einverstanden|(?:preis|betrag|menge|rechnung) (?:ist )?(?:falsch|fehlerhaft|nicht korrekt)|nicht (?:erhalten|geliefert|bestellt)|beschädigt|defekt|mangelhaft|doppelt (?:berechnet|fakturiert)|(?:bereits|schon) (?:bezahlt|gutgeschrieben)|gutschrift fehlt"),
    // Broader dispute wording: refusing to pay, asking for a credit or corrected invoice, work not done.
    c("(?:never|not) (?:received|got) (?:the |any |these |our )?(?:goods|delivery|order|products|items)"),
    c("(?:goederen|levering|bestelling) (?:\\p{L}+ ){0,4}(?:nooit|niet) (?:ontvangen|geleverd|aangekomen)"),
    c("(?:marchandises?|livraison|commande) (?:\\p{L}+ ){0,4}(?:jamais|pas) (?:été )?(?:reçue?s?|livrée?s?|arrivée?s?)"),
    c("(?:ware|lieferung|bestellung) (?:\\p{L}+ ){0,4}(?:nie|nicht) (?:erhalten|geliefert|angekommen)"),
    c("(?:will|can) only pay|refuse to pay|(?:won'?t|will not|are not) (?:be )?pay(?:ing)?|not (?:due|payable)|please credit|credit (?:the|this) invoice|corrected invoice|(?:higher|different) than (?:agreed|quoted|on our)|agreed (?:price|discount|rate)|cancelled (?:order|the order)|(?:was|were) (?:never|not) (?:delivered|performed|done|carried out|finished|completed)|never finished|broken|faulty|invoiced twice|billed twice|not (?:as )?agreed|don'?t accept|querying"),
    c("betalen (?:wij |we )?(?:enkel|alleen|niet)|weigeren|niet verschuldigd|crediteren|gecorrigeerde factuur|afgesproken (?:prijs|korting)|geannuleerd|niet (?:uitgevoerd|gebeurd|afgewerkt|gepresteerd)|nooit afgewerkt|stuk aan|twee keer gefactureerd|(?:gaan|ga) niet akkoord|hoger dan"),
    c("refusons|ne (?:paierons|payerons|payons) (?:\\p{L}+ )?pas|(?:n'est|pas) (?:donc )?(?:pas )?(?:due|payable)|avoir au lieu|facture corrigée|prix convenu|remise convenue|annulée|(?:pas|jamais) (?:été )?(?:effectuée?|terminée?|réalisée?)|cassée?s?|deux fois|pas d'accord|plus élevé"),
    c("zahlen (?:wir )?(?:nur|nicht)|verweigern|nicht fällig|nicht zahlbar|gutschreiben|korrigierte rechnung|vereinbarten? (?:preis|rabatt)|storniert|(?:nicht|nie) (?:stattgefunden|fertiggestellt|erledigt|durchgeführt)|kaputt|doppelt|höher als|beanstanden"),
  ],
  document_request: [
    c("(?:send|resend|re-send|forward|provide|e-?mail)(?: (?:us|me))?(?: again)? (?:a |the )?(?:copy|duplicate|pdf)|copy of (?:the |your |this )?(?:invoice|credit note|statement)|invoice copy|statement of (?:account|open items)|account statement|proof of delivery|(?:did not|didn't|never) receive (?:the|your|this|any) invoice|signed delivery note"),
    c("kopie(?:factuur| van (?:de|uw|deze) (?:factuur|creditnota)|\\s+factuur)|factuur (?:opnieuw|nogmaals|nog eens) (?:sturen|toesturen|mailen|versturen)|duplicaat|rekeningoverzicht|saldo-?overzicht|overzicht (?:van )?(?:de )?openstaande posten|afleverbewijs|leveringsbewijs|getekende pakbon|factuur (?:niet|nooit) ontvangen"),
    c("copie (?:de (?:la|votre|cette) )?(?:facture|avoir)|duplicata|(?:renvoyer|transmettre|envoyer) (?:à nouveau |de nouveau )?(?:la|une copie de la) facture|relevé de compte|relevé des (?:factures|opérations)|preuve de livraison|bon de livraison signé|(?:pas|jamais) reçu (?:la|votre|cette) facture"),
    c("rechnungskopie|kopie (?:der|ihrer|dieser) (?:rechnung|gutschrift)|rechnung (?:erneut|nochmals|noch einmal) (?:senden|zusenden|schicken)|kontoauszug|kontoübersicht|offene[- ]posten[- ]liste|liefernachweis|unterschriebener lieferschein|rechnung (?:nicht|nie) erhalten"),
    // Broader document requests: resend, "can't find it", lists of open items, delivery receipts.
    c("(?:re-?send|send (?:it |them |this )?again|send (?:me|us) (?:a |the )?(?:copy|copies|invoice|statement|overview|list))|copies|can'?t (?:open|find) (?:the |your |this )?(?:invoice|pdf|file)|never (?:reached|arrived|got)|list of (?:what|the open|all open|outstanding)|open items|delivery (?:receipt|note)s?|signed (?:pod|proofs? of delivery)|overview of (?:all )?(?:open|outstanding)"),
    c("(?:invoices?|it|them) (?:\\p{L}+ ){0,6}(?:never|not) (?:been )?(?:received|arrived|reached us)"),
    c("facturen? (?:[^.?!]{0,60} )?(?:niet|nooit) (?:\\p{L}+ ){0,3}(?:ontvangen|gekregen|aangekomen)"),
    c("factures? (?:[^.?!]{0,60} )?(?:jamais|pas) (?:été )?(?:reçue?s?|arrivée?s?|parvenue?s?)"),
    c("rechnung(?:en)? (?:[^.?!]{0,60} )?(?:nie|nicht) (?:\\p{L}+ )?(?:erhalten|bekommen|angekommen)"),
    c("(?:opnieuw|nog eens|nogmaals) (?:\\p{L}+ )?(?:sturen|versturen|bezorgen|doorsturen|mailen|toesturen)|kopie|overzicht van (?:alle )?(?:openstaande|open)|lijst(?:je)? van (?:wat|de openstaande)|openstaande posten|rekeninguittreksel|leveringsbon(?:nen)?|afleverbon|ontvangstbewijs|(?:niet|nergens) (?:terug)?vinden|vind (?:\\p{L}+ ){0,2}nergens|nooit (?:aangekomen|ontvangen)|krijg (?:\\p{L}+ ){0,3}niet open"),
    c("renvoyer|réexpédier|copie|duplicata|relevé|liste (?:des|de ce qui)|postes ouverts|bons? de (?:livraison|réception)|retrouve (?:\\p{L}+ )?(?:pas|nulle part)|jamais (?:arrivée?|parvenue?)|arrive pas à ouvrir"),
    c("(?:erneut|nochmals|noch einmal) (?:\\p{L}+ ){0,2}(?:senden|schicken|zusenden|zukommen)|kopie|duplikat|kontoauszug|übersicht (?:aller|der) offenen|liste,? (?:was|der offenen)|offene posten|lieferscheine?|empfangsbestätigung|finde (?:\\p{L}+ ){0,2}nirgends|nie angekommen|nicht öffnen"),
    // Balance confirmations for auditors and "send us the credit note" are document requests too.
    c("balance confirmation|confirmation of (?:the |our )?balance|audit confirmation|send (?:us |me )?(?:the |a |that )?credit note|copies? of"),
    c("saldobevestiging|bevestiging van (?:het |ons )?saldo|(?:stuur|bezorg|mail|bezorgt|stuurt) (?:u |jij )?(?:ons |mij |me )?(?:de |een |die )?(?:creditnota|kopie)"),
    c("confirmation de solde|attestation de solde|circularisation|(?:envoyer|transmettre|faire parvenir) (?:l'avoir|une copie|un duplicata)"),
    c("saldenbestätigung|saldobestätigung|(?:senden|schicken) sie (?:uns |mir )?(?:bitte )?(?:die |eine )?(?:gutschrift|kopie)"),
  ],
  payment_plan_request: [
    c("payment (?:plan|arrangement|schedule)|(?:in|into) (?:\\d+|two|three|four|five|six|several|monthly) (?:instal?lments|parts|payments)|instal?lments|extension|more time|postpone|defer(?:ral|red)?|cash ?flow|spread (?:the )?payments?"),
    c("betalingsregeling|betaalregeling|(?:in|over) (?:\\d+|twee|drie|vier|vijf|zes|meerdere) (?:termijnen|delen|keer|maanden)|termijnbetaling|uitstel(?: van betaling)?|later betalen|gespreid betalen|liquiditeit|krappe kas"),
    c("échéancier|paiement échelonné|échelonner|étaler (?:le )?(?:paiement|règlement)|en (?:\\d+|deux|trois|quatre|plusieurs) (?:fois|mensualités|échéances|versements)|délai de paiement|délai supplémentaire|report(?:er)?|trésorerie|mensualités"),
    c("ratenzahlung|ratenplan|teilzahlung(?:en)?|in (?:\\d+|zwei|drei|vier|fünf|mehreren) (?:raten|teilzahlungen|monatsraten)|zahlungsaufschub|stundung|aufschub|zahlungsziel verlängern|liquidität(?:sengpass)?"),
    // Broader plan requests: more time, splitting, monthly amounts, "not all at once".
    c("extra (?:time|month|weeks?)|(?:paying|pay|payment) (?:this |it )?in (?:instal?lments|parts|tranches)|split (?:the |this |it )?(?:payment|amount|balance|invoice)?|spread (?:out )?|time to pay|delay (?:in )?payment|repayment (?:plan|schedule)|monthly (?:payments|amounts|instal?lments)|fixed amount (?:every|each|per) month|arrangement|flexibility|(?:can'?t|cannot|unable to) pay (?:it |the |everything )?(?:all|in full|full)|at once|grace period"),
    c("afbetalingsplan|afbetaling|aflossingsschema|spreiden|spreiding|in schijven|schijven|maandelijks(?:e)? (?:een )?(?:vast )?(?:bedrag|betaling|afbetaling)|extra tijd|meer tijd|maand extra|langere betaal(?:termijn|tijd)|regeling|ineens|in één keer|gespreid|verlengen|verlenging|speling"),
    c("plan de (?:paiement|remboursement|règlement)|étalement|étaler|en plusieurs fois|versements mensuels|mensualités|un mois de plus|plus de temps|sursis|facilités de paiement|en une (?:seule )?fois|reporter|marge sur l'échéance"),
    c("raten|tilgungsplan|zahlungsplan|in (?:\\d+|zwei|drei|vier|fünf|sechs) (?:teilen|tranchen)|stunden|mehr zeit|monat mehr|fristverlängerung|aufteilen|verteilen|monatliche (?:raten|zahlungen|beträge)|auf einmal|spielraum"),
    // Moving a due date is a plan request too (a promise names its own date, it does not ask for one).
    c("(?:push|move|extend|shift) (?:back |out )?(?:the )?(?:due date|deadline|payment date|payment term)|(?:a |some )?later (?:due )?date|give us (?:until|till)"),
    c("(?:vervaldatum|vervaldag|betaaltermijn|betalingstermijn) (?:\\p{L}+ ){0,4}(?:verschuiven|verlengen|uitstellen|opschuiven|verleggen)|(?:verschuiven|opschuiven|uitstellen) (?:naar|tot)"),
    c("décaler|repousser|prolonger (?:l'échéance|le délai|la date)|report (?:de l'échéance|d'échéance)"),
    c("(?:fälligkeit|zahlungsziel|zahlungsfrist) (?:\\p{L}+ ){0,4}(?:verschieben|verlängern|hinausschieben)|verschieben|hinausschieben"),
  ],
  account_update: [
    c("new (?:billing |invoice |postal |e-?mail )?(?:address|e-?mail|mailbox|contact(?: person)?|vat number)|(?:please )?send (?:all |future |your )?invoices to|change of (?:address|name|e-?mail)|we have moved|(?:po|purchase order) (?:number )?(?:is )?(?:required|mandatory|must be (?:quoted|stated|mentioned))|company name (?:has )?changed|updated (?:billing )?details"),
    c("nieuw(?:e)? (?:factuur|post|e-?mail|mail)?(?:adres|contactpersoon|btw-nummer)|facturen (?:voortaan |graag |vanaf nu )?(?:sturen|versturen|mailen|zenden) naar|adreswijziging|(?:zijn|wij zijn) verhuisd|(?:order|inkoop|bestel)nummer (?:vermelden|verplicht)|naamswijziging|gewijzigde (?:gegevens|bedrijfsnaam)"),
    c("nouvel(?:le)? (?:adresse(?: de facturation| e-?mail| mail)?|e-?mail|contact|interlocuteur|numéro de tva)|(?:merci d'|veuillez )?(?:envoyer|adresser|transmettre) (?:désormais )?(?:vos|les|toutes les) factures à|changement d'(?:adresse|e-?mail|interlocuteur|dénomination)|avons déménagé|numéro de commande (?:obligatoire|à mentionner)"),
    c("neue (?:rechnungs)?(?:adresse|anschrift|e-?mail(?:-adresse)?|ansprechpartner(?:in)?|ust-?id(?:nr)?)|rechnungen (?:bitte |künftig |ab sofort )*(?:an|nur noch an) .{0,60}(?:senden|schicken)|adressänderung|(?:sind )?umgezogen|bestellnummer (?:angeben|ist anzugeben|erforderlich)|änderung der firmierung|neue firmierung"),
    // Broader billing-detail changes: new contact, update your records, e-invoicing portals, PO references.
    c("new (?:accounts payable |ap )?(?:contact|address|mailbox|e-?mail)|update (?:our|your) (?:records|details|billing|address|master data)|(?:address|send|direct) (?:all )?(?:future )?invoices to|has changed to|(?:have|'ve) moved|we'?re moving|change (?:of|in) (?:address|contact|name)|e-?invoicing|peppol|portal|purchase order (?:number|reference)|po (?:number|reference)|quoted on (?:all|every)|mailing list"),
    c("nieuwe? (?:contactpersoon|adres|mailbox|e-?mailadres)|(?:wijzigen|aanpassen|gewijzigd) (?:naar|in)|facturen (?:\\p{L}+ ){0,3}(?:richten|sturen) (?:aan|naar)|verhuizen|verhuisd|e-?facturatie|peppol|portaal|bestel(?:bon)?(?:nummer|referentie)|op (?:elke|alle) factu(?:ur|ren)|verzendlijst"),
    c("nouv(?:el|elle|eau) (?:interlocut\\p{L}+|adresse|contact|e-?mail)|modifier (?:\\p{L}+ ){0,3}adresse|adresser (?:\\p{L}+ ){0,2}factures|est devenu|déménag\\p{L}+|facturation électronique|peppol|portail|(?:numéro|référence) de (?:bon de )?commande|sur (?:chaque|toutes les) factures?|liste d'envoi"),
    c("neue[rn]? (?:ansprechpartner\\p{L}*|adresse|anschrift|e-?mail)|(?:ändern|geändert) (?:\\p{L}+ ){0,3}(?:auf|in)|lautet (?:jetzt|nun)|ziehen um|umzug|e-?rechnung\\p{L}*|peppol|portal|bestell(?:nummer|referenz)|auf (?:jeder|allen) rechnung(?:en)?|verteiler"),
    // Where invoices go and who handles them: addresses, registered office, a contact who left.
    c("(?:billing|invoicing|invoice|registered) (?:address|office)|head office|new (?:legal |company )?(?:name|entity)|(?:vat|tax) (?:number|id) (?:is|has changed|changed)|(?:please )?(?:note|use) (?:our|the) new|from now on|going forward|(?:has )?(?:retired|left the company)|no longer (?:with us|works|working|in charge)|taking over from"),
    c("factuuradres|facturatieadres|facturatie-?e-?mail|maatschappelijke zetel|hoofdzetel|hoofdkantoor|(?:is|gaat) met pensioen|(?:is )?uit dienst|niet meer (?:in dienst|werkzaam|bevoegd)|voortaan|vanaf nu|neemt (?:\\p{L}+ ){0,3}over"),
    c("adresse de facturation|siège social|nouvelle (?:raison sociale|dénomination)|dorénavant|désormais|à l'avenir|a quitté (?:la société|l'entreprise)|(?:est|part) à la retraite|ne fait plus partie|reprend (?:\\p{L}+ ){0,2}dossier"),
    c("rechnungs(?:adresse|anschrift|empfänger)|firmensitz|sitz der gesellschaft|(?:ist|geht) in (?:rente|pension|den ruhestand)|nicht mehr (?:bei uns|im unternehmen|zuständig)|künftig|zukünftig|ab sofort|übernimmt (?:\\p{L}+ ){0,3}(?:aufgaben|buchhaltung)"),
  ],
  question: [
    c("what is (?:our|the) (?:current )?(?:balance|outstanding amount)|how (?:can|do|should) (?:we|i) pay|bank (?:details|account)|which (?:account|iban)|could you (?:please )?(?:explain|clarify|confirm)|question (?:about|regarding)|why (?:is|was|were|did|do)|what is this (?:charge|invoice|amount)"),
    c("wat is (?:het|ons) (?:openstaand )?saldo|welk (?:rekeningnummer|iban)|bankgegevens|hoe (?:kunnen|moeten) (?:wij|we|ik) betalen|kunt u (?:uitleggen|toelichten|bevestigen)|vraag over|waarom (?:is|zijn|werd|hebben)|waar (?:is|staat) (?:dit|deze) (?:bedrag|factuur) voor"),
    c("quel (?:est (?:le|notre) )?(?:solde|iban|montant)|coordonnées bancaires|rib|comment (?:pouvons-nous|puis-je|payer)|pourriez-vous (?:expliquer|préciser|confirmer)|question (?:concernant|sur|au sujet)|pourquoi"),
    c("wie hoch ist (?:der|unser) (?:saldo|offene betrag)|welche (?:bankverbindung|iban)|welches konto|bankdaten|wie können (?:wir|ich) (?:zahlen|bezahlen)|können sie (?:erklären|bestätigen)|frage zu|warum (?:ist|wurde|wurden|haben)"),
    // Broader account questions: how much, which, when, do you accept.
    c("how much|what do we (?:still )?owe|still owe|do you accept|can you tell me|could you tell me|is (?:vat|tax) included|which (?:reference|iban|account|bank)|who (?:should|can) i (?:speak|talk|contact)|has our payment (?:\\p{L}+ ){0,3}arrived|what is the (?:due date|amount due)"),
    c("hoeveel (?:moeten|zijn|bedraagt|staat)|nog verschuldigd|aanvaarden jullie|kunt u (?:mij )?zeggen|is de btw inbegrepen|welke mededeling|met wie kan ik|(?:is|zijn) (?:onze )?betaling (?:\\p{L}+ ){0,3}aangekomen|wat is de vervaldag"),
    c("combien|devons encore|acceptez-vous|pourriez-vous me dire|la tva est-elle|quelle (?:communication|référence)|à qui (?:dois-je|puis-je)|est-il bien arrivé|quelle est l'échéance"),
    c("wie viel|noch schulden|akzeptieren sie|können sie mir sagen|mehrwertsteuer (?:\\p{L}+ ){0,3}enthalten|welchen verwendungszweck|an wen kann ich|(?:ist|sind) (?:unsere )?zahlung (?:\\p{L}+ ){0,3}angekommen|wann ist (?:\\p{L}+ ){0,3}fällig"),
    // Asking to be told something: the request forms and the charges people ask about.
    c("(?:i|we)(?:'d| would) like to know|can you (?:please )?(?:let (?:me|us) know|tell (?:me|us)|confirm|explain|check)|could you (?:please )?(?:let (?:me|us) know|check|confirm|explain|clarify)|please (?:let (?:me|us) know|advise|explain|clarify)|what (?:does|do) (?:\\p{L}+ ){0,3}mean|what (?:are|is) (?:these|this|the|that) (?:\\p{L}+ )?(?:charges?|fees?|costs?|interest)|late (?:payment )?(?:fees?|charges?|interest)|reminder (?:fees?|costs?|charges?)|early payment discount|direct debit|credit card|pay by card|where (?:can|do|should) (?:we|i)|when (?:is|are|will) (?:\\p{L}+ ){0,3}due|difference between|(?:don'?t|do not) understand"),
    c("(?:ik|wij|we) (?:zou|zouden|wil|willen) graag weten|kunt u (?:mij |ons )?(?:even )?(?:laten weten|meedelen|zeggen|bevestigen|uitleggen|toelichten|nakijken)|kan u (?:mij |ons )?(?:even )?(?:laten weten|meedelen|zeggen|bevestigen|uitleggen|toelichten|nakijken)|laat (?:u |jij |je )?(?:mij|ons|me) (?:even )?weten|waarvoor (?:dient|is|staat)|wat (?:betekent|houdt) |vanwaar|hoe (?:zit|komt|worden|wordt)|wanneer (?:\\p{L}+ ){0,3}vervalt|aanmaningskosten|herinneringskosten|nalatigheidsintresten|verwijlintresten|intresten|domiciliëring|automatische incasso|begrijp(?:en)? (?:\\p{L}+ ){0,3}niet|verschil tussen|onduidelijk"),
    c("(?:j'aimerais|je voudrais|je souhaiterais|nous souhaiterions|nous aimerions) (?:savoir|comprendre|connaître)|(?:pouvez|pourriez)-vous (?:me |nous )?(?:confirmer|indiquer|dire|expliquer|préciser|éclairer|vérifier)|merci de (?:me |nous )?(?:confirmer|indiquer|préciser|expliquer)|à quoi correspond|que (?:signifie|représente)|d'où (?:vient|viennent|provient)|comment (?:est|sont) calculée?s?|frais de (?:rappel|relance|retard|recouvrement)|intérêts de retard|pénalités? de retard|indemnité forfaitaire|escompte|prélèvement|carte bancaire|sur quel compte|ne (?:comprenons|comprends) pas|différence entre"),
    c("(?:ich|wir) (?:würde|würden|möchte|möchten) (?:gerne? )?wissen|(?:können|könnten) sie (?:mir |uns )?(?:bitte )?(?:mitteilen|sagen|erklären|bestätigen|erläutern|prüfen)|teilen sie (?:mir|uns) (?:bitte )?mit|wofür|was (?:bedeutet|bedeuten)|woher (?:kommt|kommen|stammt)|wie (?:setzt|berechnen|berechnet|kommt|ergibt)|mahngebühr(?:en)?|mahnkosten|verzugszinsen|skonto|lastschrift|kreditkarte|verstehen (?:\\p{L}+ ){0,3}nicht|unterschied zwischen|unklar"),
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
    // Unrelated business mail: events, greetings, recruiting. Not words receivables mail uses too
    // (quote, price list, visit, order confirmation: a dispute cites them).
    c("catalogue|samples?|lunch|invitation|congratulations|survey|vacancy|candidates?|roadworks|opening hours|happy (?:holidays|new year)|merry christmas"),
    c("catalogus|stalen|lunch|uitnodiging|proficiat|gefeliciteerd|enquête|vacature|kandidaten|wegenwerken|openingsuren|feestdagen|nieuwjaar"),
    c("catalogue|échantillons|déjeuner|invitation|félicitations|enquête|candidats?|horaires|fêtes|bonne année"),
    c("katalog|mittagessen|einladung|glückwunsch|umfrage|stellenanzeige|kandidaten|bauarbeiten|öffnungszeiten|feiertage|neues jahr"),
  ],
};

// One scan per intent: the cues of every language joined into one global pattern (matchAll
// needs the g flag), plus one per language-bound cue. A few dozen separate scans of every mail
// cost more than the rest of the feature extraction together.
const scans = new Map<Intent, Array<{ re: RegExp; langs?: string[] }>>(
  (Object.entries(INTENT_CUES) as Array<[Intent, Cue[]]>).map(([intent, cues]) => {
    const open = cues.filter((cue) => !cue.langs).map((cue) => cue.source);
    const bound = cues.filter((cue) => cue.langs).map((cue) => ({ re: new RegExp(cue.re.source, "gu"), langs: cue.langs }));
    return [intent, [...(open.length ? [{ re: new RegExp(`(?<![\\p{L}])(?:${open.join("|")})(?![\\p{L}])`, "gu") }] : []), ...bound]];
  }),
);

/**
 * Lower case with typographic apostrophes (Word, Outlook, phones) as "'" so
 * that "d’où" and "won’t" match the cues, and no-break spaces (French "n° 12",
 * "facture ?") as plain spaces.
 */
function cueText(text: string): string {
  return text.toLowerCase().replace(/[\u2018\u2019\u02bc`]/g, "'").replace(/[\u00a0\u2007\u202f]/g, " ");
}

/**
 * The cue phrases found in a text, per intent. `lang` enables the cues that
 * are only reliable in one language ("administration" is a bankruptcy word in
 * English, a department in Dutch and French).
 */
export function detectIntentCues(text: string, lang: string | null = null): Partial<Record<Intent, string[]>> {
  const out: Partial<Record<Intent, string[]>> = {};
  const lower = cueText(text);
  for (const [intent, list] of scans) {
    const found: string[] = [];
    for (const { re, langs } of list) {
      if (langs && !(lang && langs.includes(lang))) continue;
      re.lastIndex = 0;
      for (const m of lower.matchAll(re)) if (!found.includes(m[0])) found.push(m[0]);
    }
    if (found.length) out[intent] = found;
  }
  return out;
}

/*
 * Tense of the sentences that talk about paying. "We have paid" and "we will
 * pay" share every content word; what tells a payment notice from a promise
 * (and from a plan request: "could we pay…") is the auxiliary, the time adverb
 * or the conditional around the payment verb. These markers are grammar, not
 * one company's phrasing, so they carry over to other people's mail.
 */
interface TenseMarkers { pay: string; future: string; past: string; modal: string; negation: string }
const TENSE: Record<"en" | "nl" | "fr" | "de", TenseMarkers> = {
  en: {
    pay: "pa(?:y|ys|id|ying|yment|yments|yed)|transfer(?:s|red|ring)?|settle(?:d|ment)?|remit(?:ted|tance)?|bacs|cheque|funds",
    future: "will|shall|going to|gonna|scheduled|planned|tomorrow|next|upcoming|within|end of (?:the |this )?month|(?:we|i|you|it|they|payment|that)'ll",
    past: "have|has|had|was|were|did|already|yesterday|ago|last (?:week|month|friday|monday|tuesday|wednesday|thursday)|went out|went through|left|this morning|earlier today|paid|transferred|settled|remitted|sent",
    modal: "could|can|would|may|might|possible|possibility|allow|propose|proposal|request(?:ing)?|ask(?:ing)?|suggest|agree",
    negation: "not|never|cannot|can't|won't|haven't|didn't|unable",
  },
  nl: {
    pay: "betaa?l\\p{L}*|overgemaakt|overmak\\p{L}*|overschrijving|overgeschreven|voldaan|voldoen|stort\\p{L}*|gestort",
    future: "zal|zullen|zult|gaan|ga|wordt|worden|gepland|ingepland|morgen|overmorgen|volgende|komende|binnen|eind(?:e)? (?:van )?(?:deze|de) maand",
    past: "heb|hebben|heeft|werd|werden|waren|reeds|gisteren|eergisteren|vorige|afgelopen|vanochtend|vanmorgen|betaald|overgemaakt|voldaan|gestort|overgeschreven",
    modal: "kunnen|kunt|kan|zou|zouden|mogen|mag|mogelijk|mogelijkheid|voorstel|stellen voor|vragen|verzoek(?:en)?|akkoord",
    negation: "niet|nooit|geen",
  },
  fr: {
    pay: "pai(?:ement|ements|erons|erai|era|eront|é|ée|és|er)|payé\\p{L}*|payer|r[éeè]gl\\p{L}*|vir(?:ement|ements|é|ée|és|er|erons|era)|versement|solder|soldée?s?",
    future: "sera|seront|serons|serai|allons|vais|va|vont|demain|prochaine?s?|d'ici|fin (?:du|de ce) mois|\\p{L}+(?:erons|errons|irons|eront|erai)",
    past: "ai|avons|avez|ont|a été|ont été|était|hier|déjà|dernière?|ce matin|effectuée?s?|partie?|réglée?s?|payée?s?|virée?s?|envoyée?s?",
    modal: "pourrions|pourriez|pourrait|pouvons|pouvez|peut|possible|possibilité|proposons|proposition|demandons|demande|solliciter|serait|accepter",
    negation: "pas|jamais|ne|n'|aucun",
  },
  de: {
    pay: "zahl\\p{L}*|bezahl\\p{L}*|gezahlt|überw\\p{L}*|beglichen|begleich\\p{L}*|ausgeglichen|ausgleich\\p{L}*",
    future: "werden|wird|werde|wirst|morgen|übermorgen|nächste[nmrs]?|kommende[nmrs]?|geplant|vorgesehen|innerhalb|ende (?:des|dieses) monats|monatsende|erfolgt (?:am|bis|zum|in)",
    past: "habe|haben|hat|hatten|wurde|wurden|war|bereits|schon|gestern|vorgestern|letzte[nmrs]?|heute morgen|heute früh|heute vormittag|raus|ausgeführt|veranlasst|erfolgt|bezahlt|überwiesen|beglichen|gezahlt",
    modal: "könnten|können|könnte|kann|würden|wäre|möglich|möglichkeit|vorschlagen|vorschlag|bitten|einverstanden",
    negation: "nicht|nie|kein|keine",
  },
};
const word = (source: string) => new RegExp(`(?<![\\p{L}'])(?:${source})(?![\\p{L}])`, "u");
const compiled = (langs: TenseMarkers[]) => {
  const join = (k: keyof TenseMarkers) => word(langs.map((m) => m[k]).join("|"));
  return { pay: join("pay"), future: join("future"), past: join("past"), modal: join("modal"), negation: join("negation") };
};
const TENSE_BY_LANG = new Map(Object.entries(TENSE).map(([l, m]) => [l, compiled([m, ...(l === "en" ? [] : [TENSE.en])])]));
const TENSE_ANY = compiled(Object.values(TENSE));

/**
 * One token per sentence that mentions paying: xpayfuture / xpaypast /
 * xpaynow (no tense marker), plus xpaymodal for a conditional or request and
 * xpaynegated for a negation ("cannot pay", "not yet paid"). At most three of
 * each. Markers of the mail's language (plus English, which mail mixes in);
 * all languages when it is unknown ("werden" is past in Dutch, future in German).
 */
export function paymentTenseTokens(text: string, lang: string | null = null): string[] {
  const m = (lang && TENSE_BY_LANG.get(lang)) || TENSE_ANY;
  const counts = new Map<string, number>();
  const add = (t: string) => counts.set(t, Math.min((counts.get(t) ?? 0) + 1, 3));
  for (const sentence of cueText(text).split(/(?<=[.!?;])\s+|\n+/)) {
    if (!m.pay.test(sentence)) continue;
    add(m.future.test(sentence) ? "xpayfuture" : m.past.test(sentence) ? "xpaypast" : "xpaynow");
    if (m.modal.test(sentence) || sentence.includes("?")) add("xpaymodal");
    if (m.negation.test(sentence)) add("xpaynegated");
  }
  return [...counts].flatMap(([t, n]) => Array<string>(n).fill(t));
}
