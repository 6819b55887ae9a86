import type { DISPUTE_REASONS } from "../intents.ts";

type Reason = (typeof DISPUTE_REASONS)[number];

/**
 * The reason of a dispute (intents.md): price, quantity, not_received,
 * damaged, service, duplicate, wrong_entity, other. Each reason has cue
 * phrases in nl/fr/de/en with a weight: a phrase that can only mean that
 * reason ("never arrived", "the VAT number is not ours") weighs more than a
 * word that often stands near it ("hours", "too many"). The reason with the
 * highest total wins; a cue in a question ("we already paid this, right?")
 * counts half, and the subject counts only when the body says nothing.
 */
const W = "(?:\\p{L}+\\s+){0,3}";
const N = "\\d+";

const CUES: Array<[Reason, number, string]> = [
  // Goods that never came (not an invoice that never came: that is a document request).
  ["not_received", 4, `(?:never|not|wasn't|weren't|hasn't|haven't|have not|has not|did not|didn't|still not)\\s+(?:been\\s+|yet\\s+|\\p{L}+\\s+)?(?:received|delivered|arrived|turned up|shown up|come)`],
  ["not_received", 4, `nothing (?:was |has been )?(?:received|arrived|delivered)|lost (?:in transit|by the (?:carrier|courier))|still waiting for (?:the |our )?(?:goods|delivery|order|parcel|items)`],
  ["not_received", 4, `(?:niet|nooit|nog niet|nog steeds niet)\\s+${W}(?:ontvangen|geleverd|aangekomen|toegekomen|bezorgd|aangeleverd)|niets (?:ontvangen|geleverd|gekregen)|wachten (?:nog|nog steeds) op (?:de |onze )?(?:levering|goederen|bestelling|zending)`],
  ["not_received", 4, `(?:pas|jamais|toujours pas)\\s+(?:été\\s+)?(?:reçue?s?|livrée?s?|arrivée?s?|parvenue?s?)|non (?:reçue?s?|livrée?s?)|rien reçu|(?:perdue?s?|égarée?s?) par le transporteur|transporteur l['’]a perdue?|attendons toujours (?:la |notre )?(?:livraison|marchandise|commande)`],
  ["not_received", 4, `(?:nicht|nie|noch nicht|niemals)\\s+${W}(?:erhalten|geliefert|angekommen|eingetroffen|zugestellt|bekommen)|keine (?:ware|lieferung|sendung) (?:erhalten|bekommen)|nichts (?:erhalten|bekommen|geliefert)|warten (?:immer )?noch auf (?:die |unsere )?(?:ware|lieferung|sendung)`],
  ["not_received", 4, `(?:no|aucune|geen|keine) (?:\\p{L}+ ){0,2}(?:trace|spoor|spur)\\s+(?:\\p{L}+\\s+){0,2}(?:delivery|livraison|levering|lieferung)|aucune livraison|no delivery|geen levering|keine lieferung`],
  ["not_received", 2, `(?:lost|verloren|perdue?|kwijt|zoekgeraakt|disparue?)`],

  ["damaged", 4, `damaged|broken|defective|faulty|crushed|cracked|dented|torn|leaking|leaky|scratched|smashed|unusable|spoil(?:ed|t)|beschadigd|kapot|defect|gebroken|gebarsten|gescheurd|gekrast|geplet|ingedeukt|onbruikbaar|bedorven|(?:is|zijn|waren|was|kwam|kwamen|aangekomen|geleverd|toegekomen)\\s+(?:\\p{L}+\\s+){0,2}stuk`],
  ["damaged", 4, `endommagée?s?|cassée?s?|ab[iî]mée?s?|défectueu(?:x|se|ses)|fissurée?s?|écrasée?s?|déchirée?s?|inutilisables?|rayée?s?|en mauvais état|avariée?s?|beschädigt|kaputt|defekt|mangelhaft|zerbrochen|gebrochen|gerissen|zerkratzt|eingedrückt|zerdrückt|undicht|unbrauchbar|verdorben|transportschaden|bruchschaden`],

  // The same goods or invoice billed twice, or already paid or credited.
  ["duplicate", 4, `duplicate(?: invoice| billing| charge)?|(?:invoiced|billed|charged|paid) twice|double[- ]?(?:charged|billed|invoiced|billing|payment)|twice for the same|already (?:been )?(?:invoiced|billed|paid|credited|settled)|paid (?:it |this )?(?:already|before)`],
  ["damaged", 4, `beschädigte[nmrs]?|defekte[nmrs]?|kaputte[nmrs]?|zerbrochene[nmrs]?|ausgelaufen|beschadigde|gebroken|lekkende?|endommagées?|ab[iî]mées?`],

  ["duplicate", 4, `dubbel (?:gefactureerd|betaald)|(?:twee ?keer|tweemaal) (?:gefactureerd|betaald)|(?:reeds|al) (?:betaald|gecrediteerd|gefactureerd|voldaan)|dezelfde (?:levering|bestelling|bestelbon|goederen)|dubbele (?:factuur|facturatie|betaling)`],
  ["duplicate", 4, `doublon|(?:facturée?s?|payée?s?) deux fois|double (?:facturation|paiement)|déjà (?:payée?s?|réglée?s?|créditée?s?|facturée?s?)|même (?:livraison|commande|bon de commande|marchandise)`],
  ["duplicate", 4, `doppelt (?:berechnet|abgerechnet|bezahlt|fakturiert|in rechnung gestellt)|doppelberechnung|doppelzahlung|zweimal (?:berechnet|bezahlt|abgerechnet|fakturiert)|(?:bereits|schon) (?:bezahlt|gutgeschrieben|berechnet|abgerechnet|beglichen|in rechnung gestellt)|dieselbe (?:lieferung|bestellung|ware)`],
  ["duplicate", 4, `doppelte rechnung|facture en double|double invoice|same invoice|même facture|dezelfde factuur|dieselbe rechnung|(?:under|sous|onder|unter) (?:two|deux|twee|zwei) (?:different |différents |verschillende |verschiedenen )?(?:numbers|numéros|nummers|nummern)`],
  ["duplicate", 4, `(?:fait |font )?double emploi|(?:al|reeds) (?:\\p{L}+\\s+){0,2}(?:op \\S+ )?aangerekend|(?:already|bereits|schon|déjà) (?:\\p{L}+\\s+){0,2}(?:on|auf|sur) (?:invoice|rechnung|la facture|\\S+)\\s+(?:\\p{L}+\\s+)?(?:charged|billed|berechnet|facturée?s?)`],
  // A line counted twice is about the quantity billed more often than a duplicate invoice.
  ["duplicate", 2, `twice|deux fois|dubbel|twee ?keer|tweemaal|doppelt|zweimal`],

  ["wrong_entity", 4, `wrong (?:company|entity|customer|legal entity|(?:company )?name|vat(?: number)?|addressee|billing address|invoice address)|not (?:our|addressed to our) (?:company|vat)|(?:old|former|previous|dissolved|defunct) (?:company|entity)|not ours|isn't ours`],
  ["wrong_entity", 4, `verkeerde (?:entiteit|vennootschap|bedrijfsnaam|tenaamstelling|klant|btw|naam|firma|facturatieadres|factuuradres)|(?:oude|vorige|andere|verkeerde|opgeheven) (?:vennootschap|entiteit|firma)|niet van ons|tenaamstelling`],
  ["wrong_entity", 4, `mauvaise (?:entité|société|raison sociale|adresse de facturation|dénomination)|(?:ancienne|autre) (?:société|entité)|pas (?:le|la) nôtre|pas (?:à|au nom de) notre société`],
  ["wrong_entity", 4, `falsche (?:firma|gesellschaft|rechnungsadresse|ust|ust-id\\w*|firmierung|firmenname|empfänger)|(?:alte|frühere|andere|aufgelöste) (?:firma|gesellschaft)|nicht unsere|nicht auf uns`],
  ["wrong_entity", 3, `(?:vat|btw|tva|ust-?id\\w*|mwst)[- ]?(?:number|no\\.?|nummer|numéro|nr\\.?)?\\s+${W}(?:fout|onjuist|verkeerd|erroné|incorrect|wrong|falsch|klopt niet)|(?:op naam van|au nom de|in the name of|made out to|auf den namen)`],
  ["wrong_entity", 4, `niet (?:het|de) onze|nicht (?:die|der|das) unsere|(?:ausgestellt|adressiert)\\s+(?:sein\\s+)?(?:auf|an)\\s+(?:den|die|das|unseren|unsere|unser)|auf (?:unseren|unsere|unser|den|die) \\p{L}+ ausgestellt|libellée? (?:au nom|à l['’]ordre)`],
  ["wrong_entity", 4, `(?:separate|different|another|other) (?:legal )?(?:entity|company)|andere (?:juridische )?(?:entiteit|vennootschap)|(?:autre|différente) (?:entité|société)(?: juridique)?|andere[nr]? (?:juristische[nr]? )?(?:person|gesellschaft|firma)|(?:reissue|re-issue|réémettre|opnieuw opmaken|neu ausstellen) (?:\\p{L}+\\s+){0,3}(?:to|à|aan|auf)`],
  ["wrong_entity", 1, `sister company|parent company|subsidiary|zustervennootschap|moedervennootschap|société (?:soeur|sœur|mère)|filiale|schwester\\p{L}*|mutter\\p{L}*|tochter\\p{L}*|dochter\\p{L}*`],

  // "Ordered 100, received 80", "n'en mentionne que 45", "Pro Karton fehlen 2 Rollen".
  ["quantity", 5, `(?:only|just|but)\\s+(?:received|got|delivered)\\s+${N}|received\\s+(?:only\\s+)?${N}|ordered\\s+${N}|${N}\\s+(?:\\p{L}+\\s+){0,3}(?:are |were |is )?(?:missing|short)|missing\\s+${N}|(?:does not|doesn't|did not) match (?:what was|the) deliver\\w*`],
  ["quantity", 5, `(?:maar|slechts|enkel|alleen)\\s+(?:\\p{L}+\\s+){0,2}${N}\\s+(?:\\p{L}+\\s+){0,2}(?:ontvangen|geleverd|gekregen)|er maar ${N}|${N}\\s+(?:\\p{L}+\\s+){0,2}(?:ontbreken|te weinig)|besteld\\s+${N}|komt niet overeen met (?:de )?(?:levering|pakbon|leveringsbon|afleverbon)`],
  ["quantity", 5, `(?:ne|n['’])\\s*(?:\\p{L}+\\s+){0,3}que\\s+${N}|(?:reçue?s?|livrée?s?) qu['’]une (?:seule )?fois|(?:seulement|que)\\s+${N}\\s+(?:\\p{L}+\\s+){0,2}(?:reçu|livré)|${N}\\s+(?:\\p{L}+\\s+){0,2}manqu|manqu\\w*\\s+${N}|commandé\\s+${N}|ne correspond pas (?:à|a) la livraison`],
  ["quantity", 5, `(?:ordered|received|besteld|ontvangen|geleverd|commandé|reçue?s?|livrée?s?|bestellt|erhalten|geliefert)(?:\\s+(?:and|en|et|und)\\s+\\p{L}+)?\\s+${N}|(?:there were|er waren(?: er)?|il y en avait|es waren)\\s+(?:only\\s+|maar\\s+|nur\\s+)?${N}`],
  ["quantity", 5, `(?:terwijl|whereas|while|but|mais|alors qu['’]|aber|jedoch|während)\\s+(?:er\\s+|il\\s+n['’]en\\s+)?(?:only\\s+|maar\\s+|slechts\\s+|nur\\s+|que\\s+)?${N}\\s+(?:\\p{L}+\\s+){0,2}(?:geleverd|ontvangen|delivered|received|livrée?s?|reçue?s?|geliefert|erhalten|ont été livrée?s?)|geliefert wurden\\s+(?:\\p{L}+\\s+){0,4}(?:nur|lediglich)\\s+${N}|(?:berechnet|geliefert|bestellt) wurden\\s+${N}`],
  // "You charged 12 boxes" (not "12 hours": billed time is a service matter).
  ["quantity", 3, `(?:charged|invoiced|billed|gerekend|aangerekend|gefactureerd|comptez|compté|facturez|facturé|berechnet|berechnen)\\s+${N}(?!\\d|\\s+(?:hours|uren|heures|stunden))|${N}\\s+(?:\\p{L}+\\s+){0,2}(?:gerekend|aangerekend|gefactureerd|berechnet)`],
  ["quantity", 5, `fehlen\\s+${N}|${N}\\s+(?:\\p{L}+\\s+){0,2}fehlen|nur\\s+${N}\\s+(?:\\p{L}+\\s+){0,2}(?:erhalten|geliefert|bekommen)|bestellt\\s+${N}|stimmt nicht mit der lieferung|weicht von der lieferung ab`],
  // One line of the invoice counted twice: the quantity billed is wrong.
  ["quantity", 3, `(?:ligne|line|lijn|regel|position|zeile|posten)\\s+(?:\\S+\\s+){0,4}(?:deux fois|twice|dubbel|twee ?keer|doppelt|zweimal)|(?:deux fois|twice|dubbel|twee ?keer|doppelt|zweimal)\\s+(?:\\p{L}+\\s+){0,2}(?:ligne|line|lijn|regel|position|zeile)`],
  ["quantity", 3, `quantit(?:y|ies)|aantal(?:len)?|hoeveelheid|quantités?|menge|anzahl|stückzahl|incomplete|onvolledig\\p{L}*|incompl[eè]te?s?|unvollständig\\p{L}*|partial delivery|deellevering|livraison partielle|teillieferung`],
  ["quantity", 2, `missing|manquent|manquant|ontbreken|ontbreekt|fehlen|fehlt`],
  ["quantity", 1, `too many|fewer|short(?:-| )?(?:delivery|shipped)|te veel|trop de|zu viele|minder|weniger|stuks|pièces|stück`],

  ["service", 4, `nobody (?:turned|showed) up|no one (?:turned|showed) up|niemand (?:is )?(?:kwam|gekomen|langs)|personne n['’]est venu|niemand (?:kam|erschien|ist gekommen)`],
  ["service", 4, `(?:work|service|job|repair|installation|maintenance|training)s?\\s+(?:(?:was|were|has|have|is|are)\\s+(?:not|never|only partly|only half)|wasn['’]t|weren['’]t|hasn['’]t|haven['’]t|isn['’]t|aren['’]t|not|never)\\s+(?:been\\s+)?(?:done|performed|completed|carried out|delivered|finished|fixed|provided)|not (?:performed|carried out|repaired|fixed|installed)|cut short`],
  ["service", 4, `niet (?:uitgevoerd|gedaan|hersteld|gerepareerd|geïnstalleerd|afgewerkt)|nooit langs geweest|half gedaan|pas (?:été )?(?:effectuée?s?|faite?s?|réalisée?s?|réparée?s?|installée?s?)|nicht (?:erbracht|durchgeführt|repariert|installiert|erledigt|ausgeführt)`],
  ["service", 3, `installation|installed|repair(?:ed)?|maintenance|technician|engineer|training|trainer|call-?out|werkzaamheden|installatie|geïnstalleerd|herstelling|hersteld|reparatie|onderhoud|technieker|technicus|monteur|opleiding|interventie|prestations?|travaux|intervention|installée?s?|réparée?s?|réparation|entretien|technicien|formation|formateur|leistung(?:en)?|arbeiten|montage|installiert|repariert|reparatur|wartung|techniker|schulung|einsatz`],
  ["service", 2, `hours|uren|heures|stunden`],
  ["service", 1, `service|visit|dienst(?:verlening)?|déplacement|anfahrt`],

  ["price", 4, `wrong price|incorrect price|verkeerde prijs|foute prijs|mauvais prix|prix (?:erroné|incorrect)|falsche[rn]? preis|(?:rabatt|discount|korting|remise)\\s+(?:\\p{L}+\\s+|\\d+\\s*%\\s*){0,3}(?:fehlt|missing|ontbreekt|manque|not applied|niet toegepast|pas appliquée?|nicht abgezogen|nicht berücksichtigt)|overcharg\\w*|too (?:high|expensive)|agreed (?:price|amount|rate)|price list|unit price|list price|prijslijst|eenheidsprijs|te duur|afgesproken (?:prijs|bedrag|tarief)|trop (?:cher|élevé)|prix convenu|prix unitaire|grille tarifaire|zu teuer|vereinbarte[rn]? preis|einzelpreis|listenpreis|preisliste|überhöht`],
  ["price", 3, `price|pricing|prices|priced|tariff|discount|quot(?:ed|ation|e)|prijs\\p{L}*|prijzen|tarie\\p{L}*|te hoog|korting|offerte|prix|tarifs?|remise|rabais|devis|preis\\p{L}*|tarif|zu hoch|rabatt|angebot`],
  ["price", 3, `(?:afgesproken|agreed|convenu|vereinbart) (?:was|were|étaient|war)|was (?:afgesproken|agreed)|(?:had|have) agreed|avions convenu|hatten vereinbart|per stuk|per piece|per unit|par pièce|à l['’]unité|pro stück`],
  ["price", 2, `rate|instead of|in plaats van|au lieu de|statt|anstatt`],

  // A dispute about payment terms, fees or interest is none of the above.
  ["other", 6, `(?:korting|discount|escompte|remise)\\s+(?:\\p{L}+\\s+){0,2}(?:voor |pour |for )?(?:contante betaling|contant|early payment|prompt payment|paiement (?:anticipé|comptant)|betaling binnen)|betalingskorting|kassakorting|skonto|early[- ]payment discount|cash discount|escompte`],
  ["other", 6, `intérêts? de retard|frais de (?:rappel|recouvrement|relance)|indemnité forfaitaire|verwijlintresten?|nalatigheidsinterest|aanmaningskosten|herinneringskosten|incassokosten|mahngebühr\\w*|mahnkosten|verzugszinsen|late (?:payment )?(?:fee|charge|interest)|interest charges?|reminder fee`],
];

const COMPILED = CUES.map(([reason, weight, src]) => ({ reason, weight, re: new RegExp(`(?<![\\p{L}\\d])(?:${src})(?![\\p{L}])`, "giu") }));
const ORDER: Reason[] = ["not_received", "damaged", "wrong_entity", "duplicate", "quantity", "service", "price", "other"];

function scores(text: string): Map<Reason, number> {
  const out = new Map<Reason, number>();
  for (const sentence of text.split(/(?<=[.!?])\s+|\n\s*\n/)) {
    const factor = /\?\s*$/.test(sentence.trim()) ? 0.5 : 1;
    for (const { reason, weight, re } of COMPILED) {
      re.lastIndex = 0;
      if (re.test(sentence)) out.set(reason, (out.get(reason) ?? 0) + weight * factor);
    }
  }
  return out;
}

/** Dispute reason of the sender's text (the subject when the body states none); "other" when nothing fits. */
export function disputeReason(text: string, subject = ""): Reason {
  let s = scores(text);
  if (!s.size) s = scores(subject);
  let best: Reason = "other";
  let top = 0;
  for (const r of ORDER) {
    const v = s.get(r) ?? 0;
    if (v > top) {
      best = r;
      top = v;
    }
  }
  return best;
}
