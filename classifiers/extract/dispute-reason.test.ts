import { describe, expect, it } from "vitest";
import { disputeReason } from "./dispute-reason.ts";

describe("disputeReason", () => {
  it.each([
    // not_received
    ["The pallet for invoice 2031 never arrived at our warehouse.", "not_received"],
    ["De zending is nooit bij ons toegekomen, de koerier is ze kwijt.", "not_received"],
    ["Nous attendons toujours la livraison, rien reçu à ce jour.", "not_received"],
    ["Die Ware ist bis heute nicht bei uns eingetroffen.", "not_received"],
    ["The carrier delivered it to the wrong address and it never arrived.", "not_received"],
    ["We find no trace of the delivery for this invoice.", "not_received"],
    ["Aucune livraison n'a eu lieu à cette date.", "not_received"],
    // damaged
    ["Three of the boxes were crushed and the bottles leaking.", "damaged"],
    ["De dozen kwamen helemaal stuk aan.", "damaged"],
    ["Les seaux livrés sont fissurés, inutilisables.", "damaged"],
    ["Die Kartons sind beschädigt angekommen.", "damaged"],
    // duplicate
    ["This order was already invoiced under number 1844.", "duplicate"],
    ["Deze levering werd twee keer gefactureerd: 2210 en 2245 gaan over dezelfde levering.", "duplicate"],
    ["Nous avons reçu deux fois la même facture sous deux numéros différents.", "duplicate"],
    ["Die Rechnung ist eine Doppelberechnung, wir haben schon bezahlt.", "duplicate"],
    ["Doppelte Rechnung, bitte eine davon stornieren.", "duplicate"],
    // wrong_entity
    ["The invoice is made out to our former company, which no longer exists.", "wrong_entity"],
    ["Het btw-nummer op de factuur is niet van ons, graag herfactureren.", "wrong_entity"],
    ["Le numéro de TVA indiqué n'est pas le nôtre.", "wrong_entity"],
    ["Die Rechnung ist an die falsche Gesellschaft adressiert.", "wrong_entity"],
    ["De factuur moet op onze vzw staan; het btw-nummer is niet het onze.", "wrong_entity"],
    ["Die Rechnung muss auf unseren Verein ausgestellt sein.", "wrong_entity"],
    // quantity
    ["We ordered 40 cases but received 36.", "quantity"],
    ["Er ontbreken 3 dozen; wij hebben er maar 12 ontvangen.", "quantity"],
    ["Le bon de livraison n'indique que 20 cartons, vous en facturez 25.", "quantity"],
    ["Es fehlen 5 Kartons, die Rechnung stimmt nicht mit der Lieferung überein.", "quantity"],
    ["La ligne 2 est facturée deux fois alors que nous ne l'avons reçue qu'une fois.", "quantity"],
    ["U rekent 20 dozen aan, er waren er maar 18.", "quantity"],
    ["Vous facturez 30 seaux, nous en avons commandé et reçu 24.", "quantity"],
    // service
    ["The engineer came but the boiler was not repaired.", "service"],
    ["De onderhoudsbeurt is niet uitgevoerd, toch staat ze op de factuur.", "service"],
    ["L'intervention du technicien n'a pas été réalisée.", "service"],
    ["Die Wartung wurde nicht durchgeführt.", "service"],
    ["You billed 12 hours for a job that took four.", "service"],
    ["The service wasn't provided: nobody turned up for the workshop.", "service"],
    // price
    ["The unit price is higher than the agreed price in your quote.", "price"],
    ["Volgens de prijslijst is dat veel te veel.", "price"],
    ["Le prix unitaire ne correspond pas au devis.", "price"],
    ["Der vereinbarte Rabatt von 5 % fehlt auf der Rechnung.", "price"],
    // other: payment terms, fees, interest
    ["We deducted the 2% early payment discount as agreed.", "other"],
    ["De aanmaningskosten van 40 euro betalen wij niet.", "other"],
    ["Nous contestons les intérêts de retard.", "other"],
    ["Die Mahngebühr akzeptieren wir nicht.", "other"],
    ["We do not agree with this invoice.", "other"],
  ])("%s → %s", (text, reason) => {
    expect(disputeReason(text)).toBe(reason);
  });

  it("a cue in a question counts half", () => {
    expect(disputeReason("Regel 3 is dubbel aangerekend, wij hebben er maar 5 ontvangen. Was die andere factuur al betaald?")).toBe("quantity");
  });

  it("reads the subject only when the body says nothing", () => {
    expect(disputeReason("Zie onderwerp.", "Factuur 2210 betwist - verkeerde prijs")).toBe("price");
    expect(disputeReason("The goods arrived damaged.", "Wrong price on invoice 2210")).toBe("damaged");
  });

  it("'per stuk' is a unit price, not something broken", () => {
    expect(disputeReason("U rekent 4 euro per stuk, afgesproken was 3 euro.")).toBe("price");
  });
});
