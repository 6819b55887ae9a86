import { describe, expect, it } from "vitest";
import { DISPUTE_WORDS, FUTURE_PAYMENT, instalmentCount, PAST_PAYMENT, requestedDocument, TOTAL_DUE_LINE, TOTAL_LINE } from "./field-cues.ts";

const says = (re: RegExp, text: string) => new RegExp(re.source, "iu").test(text);

describe("payment tense cues", () => {
  it.each([
    "The invoice will be paid on Friday.",
    "De factuur wordt op het einde van de maand betaald.",
    "Wij zullen EUR 300 storten de 5de.",
    "La facture sera virée le 28.",
    "On vous vire ça demain.",
    "Die Rechnung wird übermorgen überwiesen.",
    "Die Zahlung erfolgt am 22.",
    "Ze gaan mee in de betaalrun van 24/2.",
  ])("future: %s", (text) => {
    expect(says(FUTURE_PAYMENT, text)).toBe(true);
    expect(says(PAST_PAYMENT, text)).toBe(false);
  });

  it.each([
    "We have paid the invoice yesterday.",
    "Wij hebben factuur 123 al vanmorgen betaald.",
    "Le virement a été effectué hier.",
    "Nous avons réglé la facture ce jour.",
    "Wir haben gestern 4.893,44 € für die Rechnungen VF 2024 00432 und VF-2024-00570 überwiesen.",
    "Betaaldatum: 24/04/2025",
    "Zahlungsdatum: 09.09.2024",
  ])("past: %s", (text) => {
    expect(says(PAST_PAYMENT, text)).toBe(true);
  });

  it.each([
    "We dispute the amount of 250.00.",
    "Je ne reconnais pas ce montant.",
    "Die Mahngebühr zahlen wir nicht.",
    "Die aanmaningskosten betalen wij niet.",
  ])("dispute: %s", (text) => {
    expect(says(DISPUTE_WORDS, text)).toBe(true);
  });

  it("a reminder's total-due line", () => {
    expect(TOTAL_DUE_LINE.test("Totaal openstaand: 3.219,51 EUR")).toBe(true);
    expect(TOTAL_DUE_LINE.test("Total dû: 236,31 EUR")).toBe(true);
    expect(TOTAL_DUE_LINE.test("Totaal 548,93 EUR")).toBe(false);
  });

  it("a remittance total line, not a reminder's total due", () => {
    expect(TOTAL_LINE.test("Totaal 548,93 EUR")).toBe(true);
    expect(TOTAL_LINE.test("Summe 5.871,73 EUR")).toBe(true);
    expect(TOTAL_LINE.test("Total dû: 236,31 EUR")).toBe(false);
    expect(TOTAL_LINE.test("Total due EUR 1,234.00")).toBe(false);
  });
});

describe("requestedDocument", () => {
  it.each([
    ["Pourriez-vous m'envoyer l'extrait de compte client ?", "statement"],
    ["Kunnen jullie een overzicht sturen van wat er volgens jullie nog openstaat?", "statement"],
    ["Darf ich eine OP-Liste zum Monatsende haben?", "statement"],
    ["May I have an open items list as at the end of last month?", "statement"],
    ["Bitte senden Sie uns die Gutschrift erneut zu.", "credit_note"],
    ["We are still waiting for the credit note for the returned goods.", "credit_note"],
    ["Before we can release the invoice we need a signed proof of delivery.", "delivery_proof"],
    ["Voor we de factuur vrijgeven hebben we een leveringsbewijs nodig.", "delivery_proof"],
    ["Merci de nous envoyer le bon signé.", "delivery_proof"],
    ["Kunt u een kopie van factuur F2024-0113 sturen?", "invoice"],
    ["Voor de jaarafsluiting hebben wij een saldobevestiging nodig.", "statement"],
    ["Could you send us a balance confirmation as at 31 December?", "statement"],
  ])("%s → %s", (text, doc) => {
    expect(requestedDocument(text)).toBe(doc);
  });

  it("the document asked for wins over one mentioned in passing", () => {
    expect(requestedDocument("Virement de 63,58 EUR, soit la facture moins l'avoir 42. Merci de nous faire parvenir un relevé de compte.")).toBe("statement");
  });

  it("the sender's subject, then a copy of the invoice the reminder is about", () => {
    expect(requestedDocument("Siehe Betreff.", "Bitte um Kontoauszug")).toBe("statement");
    expect(requestedDocument("VF-2024-00604 hebben wij nooit ontvangen. Kan u deze opnieuw sturen?")).toBe("invoice");
    expect(requestedDocument("Zie onderaan.", "", "Re: Herinnering openstaande facturen")).toBe("invoice");
    expect(requestedDocument("Zie onderaan.")).toBeNull();
  });
});

describe("instalmentCount", () => {
  it.each([
    ["Kunnen wij in drie termijnen betalen?", 3],
    ["Est-il possible de splitter le paiement en trois parties ?", 3],
    ["Nous proposons de régler en 4 tranches égales.", 4],
    ["Kann die Zahlung in sechs Tranchen gesplittet werden?", 6],
    ["Could it be split into 2 tranches?", 2],
    ["in 3 gleichen monatlichen Raten", 3],
    ["Ik stel voor het bedrag af te lossen in 5 maanden.", 5],
    ["Could we spread the balance over six months?", 6],
    ["payer en 3x sans frais", 3],
    ["Bitte um Ratenzahlung: 3 gleiche Beträge ab nächstem Monat.", 3],
    ["Voorstel: vier maandelijkse stortingen.", 4],
    ["Could we pay in two equal amounts?", 2],
  ])("%s → %d", (text, n) => {
    expect(instalmentCount(text)).toBe(n);
  });

  it.each(["We pay within 2 months.", "one payment", "Nous payerons dans 3 mois."])("none in %s", (text) => {
    expect(instalmentCount(text)).toBeNull();
  });
});
