import { describe, expect, it } from "vitest";
import { pickBySentence, sentences } from "./field-pick.ts";

const texts = (t: string) => sentences(t).map((s) => s.text);

describe("sentences", () => {
  it("splits at sentence ends, blank lines and short lines", () => {
    expect(texts("We paid yesterday. The rest follows.\n\nThanks")).toEqual(["We paid yesterday.", "The rest follows.", "Thanks"]);
    expect(texts("Betaaldatum: 24/04/2025\nReferentie: REM-1\nTotaal 548,93 EUR")).toEqual(["Betaaldatum: 24/04/2025", "Referentie: REM-1", "Totaal 548,93 EUR"]);
  });

  it("keeps a sentence wrapped by the mail client together", () => {
    const wrapped = "Wir haben die Rechnungen VF-2024-00414 und VF-2024-00490 mit einer\nSammelüberweisung beglichen.";
    expect(texts(wrapped)).toEqual([wrapped]);
  });

  it("does not split after abbreviations or an ordinal day", () => {
    expect(texts("Rechnung Nr. VF-12 wird am 15. bezahlt. Danke")).toEqual(["Rechnung Nr. VF-12 wird am 15. bezahlt.", "Danke"]);
    expect(texts("Curator is mr. Jan de Vries.")).toEqual(["Curator is mr. Jan de Vries."]);
  });
});

describe("pickBySentence", () => {
  const items = (text: string, words: string[]) => words.map((w) => ({ text: w, index: text.indexOf(w) }));

  it("takes the candidate in the sentence that says what is wanted", () => {
    const text = "Wij hebben gisteren 120,00 betaald. Het saldo van 300,00 betalen wij volgende week.";
    const got = pickBySentence(items(text, ["120,00", "300,00"]), text, { want: /betalen wij/giu, avoid: /hebben \w+ [\d,]+ betaald/giu });
    expect(got?.text).toBe("300,00");
  });

  it("drops a candidate whose sentence is about something else", () => {
    const text = "Je ne reconnais pas ce montant de 430,60. La facture sera payée le 20.";
    expect(pickBySentence(items(text, ["430,60"]), text, { want: /sera payée/giu, avoid: /reconnais pas/giu })).toBeNull();
  });

  it("keeps a lone candidate in a neutral sentence", () => {
    const text = "Komt in orde: 417,02 euro einde van de maand.";
    expect(pickBySentence(items(text, ["417,02"]), text, { want: /betalen/giu })?.text).toBe("417,02");
  });

  it("bonus and skip", () => {
    const text = "VF-1 117,33 EUR\nVF-2 431,60 EUR\nTotaal 548,93 EUR";
    const list = items(text, ["117,33", "431,60", "548,93"]);
    expect(pickBySentence(list, text, { want: /betaald/giu, bonus: (_i, s) => (/^Totaal/.test(s.text) ? 3 : 0) })?.text).toBe("548,93");
    expect(pickBySentence(list, text, { want: /betaald/giu, skip: (i) => i > 30 })).toBeNull();
  });

  it("several neutral candidates and no cue nearby: none", () => {
    const text = "Bedragen: 10,00 en 20,00.";
    expect(pickBySentence(items(text, ["10,00", "20,00"]), text, { want: /betaald/giu })).toBeNull();
  });
});
