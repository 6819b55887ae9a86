import { describe, expect, it } from "vitest";
import { detectLanguage, detectLanguageDetailed } from "./language.ts";

describe("detectLanguage", () => {
  it.each([
    ["Wij betalen de factuur volgende week.", "nl"],
    ["Betaald, bedankt", "nl"],
    ["Nous contestons le montant de la facture 1143.", "fr"],
    ["Merci!", "fr"],
    ["Sehr geehrte Damen und Herren, anbei die Zahlungsbestätigung für Rechnung 2024/1143.", "de"],
    ["Bezahlt.", "de"],
    ["Paid, thanks", "en"],
    ["Could you send us a copy of the invoice please?", "en"],
    ["Grazie mille, pagheremo domani la fattura", "it"],
    ["Gracias, pagaremos la factura mañana", "es"],
    ["Dzień dobry, w załączniku przesyłam potwierdzenie przelewu za fakturę numer 1143.", "pl"],
  ])("%s → %s", (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it("mixed text: the language with most of the words", () => {
    expect(detectLanguage("Hi Jan, de factuur F2024-0113 is vandaag betaald. Thanks!")).toBe("nl");
    expect(detectLanguage("Bonjour, please find attached the remittance advice for our payment of last week. Cordialement")).toBe("en");
  });

  it("no language for empty, numeric or one-word non-language text", () => {
    for (const t of ["", "   ", "ok", "F2024-0113 1.234,56", "https://example.com jan@example.com"]) expect(detectLanguage(t)).toBeNull();
  });

  it("reports a confidence", () => {
    const long = detectLanguageDetailed("Wij hebben de factuur nog niet ontvangen, kunt u deze opnieuw sturen naar onze administratie?");
    expect(long.language).toBe("nl");
    expect(long.confidence).toBeGreaterThan(0.8);
  });
});
