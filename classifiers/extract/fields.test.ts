import { describe, expect, it } from "vitest";
import { mailOf } from "../../tests/helpers/mail-fixtures.ts";
import type { Intent } from "../intents.ts";
import { findNewEmail, findPoNumber, findVatNumber } from "./account-fields.ts";
import { findNewAddress } from "./address.ts";
import { disputeReason } from "./dispute-reason.ts";
import { findAdministrator, findCaseReference } from "./insolvency-fields.ts";
import { extractFields, extractFieldsDetailed } from "./fields.ts";
import { detectIntentCues } from "./intent-cues.ts";
import { instalmentCount, requestedDocument } from "./field-cues.ts";

// Wednesday 13 November 2024, 10:00 in Brussels.
const mail = mailOf({ date: new Date("2024-11-13T10:00:00+01:00"), headers: { date: ["Wed, 13 Nov 2024 10:00:00 +0100"] }, to: ["ar@acme.example"] });
const ledgerInvoices = [
  { number: "F2024-0113", amount: 1234.56, openAmount: 1234.56 },
  { number: "F2024-0114", amount: 99, openAmount: 99 },
];
const fields = (intent: Intent, text: string) => extractFields({ intent, text, subject: null, mail, ledgerInvoices });

describe("extractFields per intent", () => {
  it.each([
    ["payment_promise", "Wij betalen factuur F2024-0113 van € 1.234,56 op vrijdag 22 november.", { promisedDate: "2024-11-22", amount: 1234.56 }],
    ["payment_promise", "Nous réglerons la facture F2024-0114 fin du mois.", { promisedDate: "2024-11-30" }],
    ["payment_promise", "Wir werden die Rechnung 2024-0113 am 29.11.2024 überweisen.", { promisedDate: "2024-11-29" }],
    ["payment_promise", "We will pay invoice F2024-0113 (dated 01/10/2024) next Friday.", { promisedDate: "2024-11-22" }],
    ["payment_notice", "Factuur F2024-0113 is vandaag betaald.", { paidDate: "2024-11-13" }],
    ["payment_notice", "We paid EUR 1,234.56 yesterday for invoice F2024-0113.", { paidDate: "2024-11-12", amount: 1234.56 }],
    ["payment_notice", "Le virement de 99,00 € a été effectué le 8 novembre.", { paidDate: "2024-11-08", amount: 99 }],
    ["payment_notice", "Die Zahlung wurde heute ausgeführt.", { paidDate: "2024-11-13" }],
    ["dispute", "Wij betwisten factuur F2024-0113: de prijs is niet wat we hebben afgesproken.", { reason: "price" }],
    ["dispute", "Die Ware ist beschädigt angekommen, wir reklamieren die Rechnung.", { reason: "damaged" }],
    ["dispute", "We already paid invoice F2024-0113 last month.", { reason: "duplicate" }],
    ["dispute", "Nous n'avons jamais reçu la marchandise, nous contestons la facture.", { reason: "not_received" }],
    ["dispute", "Er zijn 10 stuks te veel gefactureerd, wij betwisten € 99,00.", { reason: "quantity", amount: 99 }],
    ["dispute", "Deze factuur staat op de verkeerde vennootschap.", { reason: "wrong_entity" }],
    ["dispute", "We do not agree with this invoice.", { reason: "other" }],
    ["document_request", "Pourriez-vous nous envoyer un relevé de compte ?", { document: "statement" }],
    ["document_request", "Kunt u een kopie van factuur F2024-0113 sturen?", { document: "invoice" }],
    ["document_request", "Bitte senden Sie uns die Gutschrift erneut zu.", { document: "credit_note" }],
    ["document_request", "Please send the signed proof of delivery.", { document: "delivery_proof" }],
    ["payment_plan_request", "Kunnen wij het bedrag in drie termijnen betalen?", { instalments: 3 }],
    ["payment_plan_request", "Est-il possible de payer en 4 fois ?", { instalments: 4 }],
    ["payment_plan_request", "Könnten wir in drei Raten zahlen?", { instalments: 3 }],
    ["payment_plan_request", "Could we pay in three instalments of EUR 411.52?", { instalments: 3, amount: 411.52 }],
    ["insolvency_notice", "Bij vonnis is Bakkerij BV failliet verklaard, insolventienummer F.13/24/123. Tot curator is benoemd mr. J.P. de Vries.", { caseReference: "F.13/24/123", administrator: "mr. J.P. de Vries" }],
    ["question", "Wat is ons openstaand saldo?", {}],
    // Remittance advices: the labelled execution date and amount, a bare amount the sender points at.
    ["payment_notice", "Nous vous informons qu'un virement a été émis en votre faveur.\n\nDate d'exécution : 12/11/2024\nMontant : 1 711,52 EUR\n\nVF-2024-00685 du 27/09/2024 1 062,20\nVF-2024-00777 du 11/10/2024 649,32", { paidDate: "2024-11-12", amount: 1711.52 }],
    ["payment_notice", "Die 113,66 heb ik op 2 november overgeschreven.", { paidDate: "2024-11-02", amount: 113.66 }],
    ["payment_promise", "Überweisungsauftrag erfasst.\nAusführungsdatum: 20.11.2024\nBetrag: 2.441,37 EUR", { promisedDate: "2024-11-20", amount: 2441.37 }],
    ["dispute", "La facture F2024-0114 fait double emploi avec la F2024-0113 : même bon de livraison.", { reason: "duplicate" }],
    ["dispute", "Die Lieferung kam mit 8 beschädigten Kanistern an, wir reklamieren 412,80 EUR.", { reason: "damaged", amount: 412.8 }],
    ["dispute", "Er staan 40 dozen op de factuur, terwijl er 24 geleverd zijn.", { reason: "quantity" }],
  ] as Array<[Intent, string, object]>)("%s: %s", (intent, text, expected) => {
    expect(fields(intent, text)).toEqual(expected);
  });

  it("account updates: e-mail, address, PO and VAT number", () => {
    const text = "Graag voortaan facturen sturen naar crediteuren@klant.example (niet naar ar@acme.example).\nOns nieuwe adres:\nKerkstraat 12\n1234 AB Utrecht\n\nVermeld ook altijd PO 4500012345. Ons btw-nummer is NL 0012.34567 B01.";
    expect(fields("account_update", text)).toEqual({
      newEmail: "crediteuren@klant.example",
      newAddress: "Kerkstraat 12, 1234 AB Utrecht",
      poNumber: "4500012345",
      vatNumber: "NL001234567B01",
    });
  });

  it.each([
    // The sentence that speaks of the intent holds the field; one about something else does not.
    ["payment_promise", "Wij hebben gisteren € 120,00 betaald. Het saldo van € 300,00 wordt op het einde van de maand betaald.", { promisedDate: "2024-11-30", amount: 300 }],
    ["payment_promise", "Je ne reconnais pas ce montant de 430,60 €. La facture F2024-0114 sera payée le 20.", { promisedDate: "2024-11-20" }],
    ["payment_promise", "Die Zahlung über 1.234,56 EUR erfolgt am 22..", { promisedDate: "2024-11-22", amount: 1234.56 }],
    ["payment_promise", "The invoice has been approved and goes into the payment run of 27/11/2024.", { promisedDate: "2024-11-27" }],
    ["payment_notice", "We cleared all open invoices the day before yesterday, 2,946.31 GBP in total.", { paidDate: "2024-11-11", amount: 2946.31 }],
    ["payment_notice", "Je vous ai envoyé un chèque de 99,00 € ce jour.", { paidDate: "2024-11-13", amount: 99 }],
    ["payment_notice", "Betalingsadvies\nBetaaldatum: 08/11/2024\nF2024-0113 01/10/2024 1.234,56 EUR\nF2024-0114 02/10/2024 99,00 EUR\nTotaal 1.333,56 EUR", { paidDate: "2024-11-08", amount: 1333.56 }],
    ["dispute", "Die Lieferung zu Rechnung F2024-0113 ist nie angekommen; wir zahlen die 1.234,56 EUR nicht.", { reason: "not_received", amount: 1234.56 }],
    ["dispute", "We dispute €99.00: invoice F2024-0113 was already paid last week, € 1,234.56.", { reason: "duplicate", amount: 99 }],
    ["payment_plan_request", "Wij hebben gisteren € 99,00 betaald. Kunnen wij het saldo van € 1.234,56 in 4 maanden aflossen? Ik stel voor af te lossen in 4 maanden.", { instalments: 4, amount: 1234.56 }],
  ] as Array<[Intent, string, object]>)("mixed mail, %s: %s", (intent, text, expected) => {
    expect(fields(intent, text)).toEqual(expected);
  });

  it("unit prices and a forwarded reminder's figures are no amount field", () => {
    expect(fields("dispute", "Op de factuur staat een eenheidsprijs van 4,20 per fles, onze contractprijs is 3,65.")).toEqual({ reason: "price" });
    const forwarded = "Graag in twee termijnen.\n\nFactuur     Datum       Vervaldag   Saldo\nF2024-0113  01/10/2024  31/10/2024  1.234,56 EUR\nTotaal openstaand: 1.234,56 EUR";
    expect(fields("payment_plan_request", forwarded)).toEqual({ instalments: 2 });
  });

  it("amounts and documents from the subject when the body only points to it", () => {
    const withSubject = (intent: Intent, subject: string, text: string) => extractFields({ intent, text, subject, mail, ledgerInvoices });
    expect(withSubject("payment_plan_request", "Demande d'échéancier pour 1 234,56 €", "Voir sujet.")).toEqual({ amount: 1234.56 });
    expect(withSubject("payment_notice", "99.00 EUR transferred this morning", "See subject.")).toEqual({ amount: 99, paidDate: "2024-11-13" });
    expect(withSubject("account_update", "Neue Adresse für Rechnungen: Buchhaltung@Kunde.example", "Siehe Betreff.")).toEqual({ newEmail: "buchhaltung@kunde.example" });
    expect(withSubject("document_request", "Re: Herinnering openstaande facturen", "Mag ik een overzicht van de openstaande posten?")).toEqual({ document: "statement" });
  });

  it("insolvency: the case reference and a practitioner's signature", () => {
    const signed = mailOf({ ...mail, text: "Wij delen mee dat de vennootschap in vereffening is (zaak B/24/01234).\n\nMet vriendelijke groet,\nmr. Lotte Maes\nMaes Advocaten\n+32 3 123 45 67" });
    const body = "Wij delen mee dat de vennootschap in vereffening is (zaak B/24/01234).";
    expect(extractFields({ intent: "insolvency_notice", text: body, subject: "Vereffening", mail: signed, ledgerInvoices })).toEqual({ caseReference: "B/24/01234", administrator: "mr. Lotte Maes" });
  });

  it("only the fields of the given intent", () => {
    expect(fields("question", "Wij betalen morgen € 99,00.")).toEqual({});
  });

  it("detailed: invoices found and where each field came from", () => {
    const r = extractFieldsDetailed({ intent: "payment_promise", text: "We betalen F2024-0114 morgen.", subject: "Re: herinnering", mail, ledgerInvoices });
    expect(r.fields).toEqual({ promisedDate: "2024-11-14" });
    expect(r.invoices.map((i) => i.number)).toEqual(["F2024-0114"]);
    expect(r.evidence.promisedDate).toBe("morgen");
  });

  it("bounce and auto-reply fields come from the rules", () => {
    const bounce = mailOf({
      subject: "Undelivered Mail Returned to Sender",
      fromAddress: "mailer-daemon@mx.example",
      headers: { "content-type": ["multipart/report; report-type=delivery-status"] },
      text: "Final-Recipient: rfc822; jan@klant.example\nAction: failed\nStatus: 5.1.1\n",
    });
    expect(extractFields({ intent: "bounce", text: "", subject: bounce.subject, mail: bounce, ledgerInvoices })).toEqual({ failedRecipient: "jan@klant.example", status: "5.1.1", permanent: true });
    const ooo = mailOf({ ...mail, subject: "Afwezig: herinnering", headers: { ...mail.headers, "auto-submitted": ["auto-replied"] }, text: "Ik ben afwezig tot en met 22 november." });
    expect(extractFields({ intent: "auto_reply", text: ooo.text!, subject: ooo.subject, mail: ooo, ledgerInvoices })).toEqual({ returnDate: "2024-11-25" });
  });
});

describe("account and insolvency field finders", () => {
  it("new e-mail skips our own addresses", () => {
    expect(findNewEmail("Stuur facturen naar ap@klant.example, cc ar@acme.example", ["ar@acme.example"])).toBe("ap@klant.example");
    expect(findNewEmail("Merci d'envoyer vos factures à compta@client.example.fr")).toBe("compta@client.example.fr");
  });
  it.each([
    ["Please note our new billing address: 12 High Street, London SW1A 1AA, United Kingdom.", "12 High Street, London SW1A 1AA, United Kingdom"],
    ["Notre nouvelle adresse de facturation : 15 rue de la Paix, 75002 Paris", "15 rue de la Paix, 75002 Paris"],
    ["Unsere neue Rechnungsadresse lautet: Hauptstraße 5, 80331 München", "Hauptstraße 5, 80331 München"],
    ["Wij zijn verhuisd naar Stationsplein 1, 3511 ED Utrecht.", "Stationsplein 1, 3511 ED Utrecht"],
  ])("address: %s", (text, address) => {
    expect(findNewAddress(text)).toBe(address);
  });
  it("PO numbers, VAT numbers, case references, administrators", () => {
    expect(findPoNumber("bestelnummer: BN-2024-17 graag vermelden")).toBe("BN-2024-17");
    expect(findPoNumber("numéro de commande 78945 obligatoire")).toBe("78945");
    expect(findPoNumber("Bestellnummer 4711-0815 angeben")).toBe("4711-0815");
    expect(findVatNumber("TVA BE 0123.456.789")).toBe("BE0123456789");
    expect(findVatNumber("USt-IdNr. DE 123 456 789")).toBe("DE123456789");
    expect(findCaseReference("Aktenzeichen: 36 IN 123/24")).toBe("36 IN 123/24");
    expect(findCaseReference("n° RG 24/01234")).toBe("24/01234");
    expect(findAdministrator("Mandataire judiciaire : Maître Sophie Durand")).toBe("Maître Sophie Durand");
    expect(findAdministrator("Zum vorläufigen Insolvenzverwalter wurde Rechtsanwalt Dr. Max Mustermann bestellt.")).toBe("Rechtsanwalt Dr. Max Mustermann");
    // Two administrators named together are one field, as written.
    expect(findAdministrator("The joint administrators, John Smith and Jane Doe, were appointed.")).toBe("John Smith and Jane Doe");
    expect(findAdministrator("The administration department will reply.")).toBeNull();
  });
});

describe("cue helpers", () => {
  it("dispute reasons, documents, instalments in four languages", () => {
    expect(disputeReason("la quantité livrée ne correspond pas")).toBe("quantity");
    expect(disputeReason("die Arbeiten wurden nicht durchgeführt")).toBe("service");
    expect(requestedDocument("Können Sie uns einen Kontoauszug senden?")).toBe("statement");
    expect(instalmentCount("in zes maandelijkse termijnen")).toBe(6);
    expect(instalmentCount("in two instalments")).toBe(2);
    expect(instalmentCount("wir zahlen in 3 Raten")).toBe(3);
    expect(instalmentCount("one payment")).toBeNull();
  });

  it("detectIntentCues finds cue phrases per intent", () => {
    expect(detectIntentCues("Het faillissement is uitgesproken; curator mr. De Vries.", "nl")).toEqual({ insolvency_notice: ["faillissement", "curator"] });
    expect(detectIntentCues("Nous contestons cette facture.", "fr")).toEqual({ dispute: ["contestons"] });
    expect(detectIntentCues("Wäre eine Ratenzahlung möglich?", "de")).toEqual({ payment_plan_request: ["ratenzahlung"] });
    expect(detectIntentCues("Wij betalen volgende week.", "nl").payment_promise).toEqual(["wij betalen"]);
    // "administration" is an insolvency word only in English.
    expect(detectIntentCues("The company went into administration.", "en").insolvency_notice).toEqual(["administration"]);
    expect(detectIntentCues("Notre service administration vous répondra.", "fr")).toEqual({});
  });
});
