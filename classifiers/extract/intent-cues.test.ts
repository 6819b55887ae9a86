import { describe, expect, it } from "vitest";
import { detectIntentCues, paymentTenseTokens } from "./intent-cues.ts";

describe("paymentTenseTokens", () => {
  it("tells paid from will-pay in the four languages", () => {
    expect(paymentTenseTokens("We have paid invoice 12 yesterday.", "en")).toEqual(["xpaypast"]);
    expect(paymentTenseTokens("We will pay invoice 12 next week.", "en")).toEqual(["xpayfuture"]);
    expect(paymentTenseTokens("Wij hebben gisteren betaald.", "nl")).toEqual(["xpaypast"]);
    expect(paymentTenseTokens("Wij betalen volgende week.", "nl")).toEqual(["xpayfuture"]);
    expect(paymentTenseTokens("Le virement a été effectué hier.", "fr")).toEqual(["xpaypast"]);
    expect(paymentTenseTokens("Nous réglerons la facture fin du mois.", "fr")).toEqual(["xpayfuture"]);
    expect(paymentTenseTokens("Die Überweisung ist erfolgt.", "de")).toEqual(["xpaypast"]);
    expect(paymentTenseTokens("Die Überweisung erfolgt am 15.3.", "de")).toEqual(["xpayfuture"]);
  });

  it("reads 'werden' by the mail's language: past in Dutch, future in German", () => {
    expect(paymentTenseTokens("De facturen werden gisteren betaald.", "nl")).toEqual(["xpaypast"]);
    expect(paymentTenseTokens("Wir werden die Rechnung bezahlen.", "de")).toEqual(["xpayfuture"]);
  });

  it("marks requests and negations, one token per payment sentence, at most three of a kind", () => {
    expect(paymentTenseTokens("Could we pay in three instalments?", "en")).toEqual(["xpaynow", "xpaymodal"]);
    expect(paymentTenseTokens("Nous ne pouvons pas payer.", "fr")).toEqual(["xpaynow", "xpaymodal", "xpaynegated"]);
    expect(paymentTenseTokens("Thanks for your reminder. See you soon.", "en")).toEqual([]);
    expect(paymentTenseTokens("Paid. Paid. Paid. Paid.", "en")).toEqual(["xpaypast", "xpaypast", "xpaypast"]);
  });
});

describe("intent cues beyond the core phrases", () => {
  it("finds a never-arrived invoice as a document request, goods not received as a dispute", () => {
    expect(detectIntentCues("Die Rechnung 2024-458 haben wir nie erhalten. Bitte senden Sie sie uns zu.", "de").document_request).toBeDefined();
    expect(detectIntentCues("Wij hebben de facturen niet in onze mailbox gekregen.", "nl").document_request).toBeDefined();
    expect(detectIntentCues("We never received the goods on invoice 12.", "en").dispute).toBeDefined();
  });

  it("keeps words a dispute also uses (quote, price list, visit) out of the 'other' cues", () => {
    expect(detectIntentCues("The price differs from your quote and your price list.", "en").other).toBeUndefined();
    expect(detectIntentCues("Thanks for the invitation to your summer reception!", "en").other).toEqual(["invitation"]);
  });
});

describe("request forms of questions, plan requests, account updates and document requests", () => {
  it("reads the ways people ask to be told something, in the four languages", () => {
    expect(detectIntentCues("Kunt u mij laten weten wanneer factuur 12 vervalt?", "nl").question).toBeDefined();
    expect(detectIntentCues("Pourriez-vous m’indiquer à quoi correspondent ces frais de relance ?", "fr").question).toBeDefined();
    expect(detectIntentCues("Können Sie mir bitte erklären, woher die Mahngebühren kommen?", "de").question).toBeDefined();
    expect(detectIntentCues("What are these late payment fees on our statement?", "en").question).toBeDefined();
  });

  it("reads a moved due date as a plan request, a new billing address as an update, a balance confirmation as a document request", () => {
    expect(detectIntentCues("Serait-il possible de décaler l'échéance au 30 avril ?", "fr").payment_plan_request).toBeDefined();
    expect(detectIntentCues("Kunnen we de vervaldatum van factuur 77 verschuiven naar eind maart?", "nl").payment_plan_request).toBeDefined();
    expect(detectIntentCues("Please update our billing address: Unit 4, Station Road.", "en").account_update).toBeDefined();
    expect(detectIntentCues("Unsere Rechnungsanschrift lautet ab sofort Hauptstraße 2.", "de").account_update).toBeDefined();
    expect(detectIntentCues("Voor onze jaarafsluiting hebben wij een saldobevestiging nodig.", "nl").document_request).toBeDefined();
    expect(detectIntentCues("Notre commissaire aux comptes demande une confirmation de solde.", "fr").document_request).toBeDefined();
  });

  it("matches typographic apostrophes and no-break spaces as typed ones", () => {
    expect(detectIntentCues("D’où viennent ces intérêts de retard ?", "fr").question).toContain("d'où viennent");
    expect(detectIntentCues("We won’t be paying this invoice.", "en").dispute).toBeDefined();
    expect(detectIntentCues("facture\u00a0n°\u00a012 jamais reçue, merci de la renvoyer", "fr").document_request).toBeDefined();
  });
});
