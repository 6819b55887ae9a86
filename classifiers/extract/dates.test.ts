import { describe, expect, it } from "vitest";
import { findDates } from "./dates.ts";

// Wednesday 13 November 2024, 10:00 in Brussels.
const ref = { instant: new Date("2024-11-13T10:00:00+01:00"), offsetMinutes: 60 };
const first = (text: string, lang: string | null = null, direction: "forward" | "backward" = "forward") => findDates(text, ref, { lang, direction })[0];

describe("findDates: absolute", () => {
  it.each([
    ["15/11/2024", "nl", "2024-11-15"],
    ["15.11.2024", "de", "2024-11-15"],
    ["15-11-24", "nl", "2024-11-15"],
    ["2024-11-15", "en", "2024-11-15"],
    ["le 15 novembre", "fr", "2024-11-15"],
    ["le 1er décembre 2024", "fr", "2024-12-01"],
    ["am 15. November", "de", "2024-11-15"],
    ["15 november 2024", "nl", "2024-11-15"],
    ["op maandag 18 november", "nl", "2024-11-18"],
    ["November 22nd, 2024", "en", "2024-11-22"],
    ["the 5th of December", "en", "2024-12-05"],
    ["ab dem 12.11. wieder erreichbar", "de", "2024-11-12"],
    ["Montag, den 18.11.", "de", "2024-11-18"],
    ["le 20/11", "fr", "2024-11-20"],
    ["10 januari", "nl", "2025-01-10"], // closest occurrence: next January
    ["4 november", "nl", "2024-11-04"], // closest occurrence: last week
  ])("%s → %s", (text, lang, date) => {
    expect(first(text, lang)).toMatchObject({ date, kind: "absolute" });
  });
});

describe("findDates: relative to the mail's date", () => {
  it.each([
    ["tomorrow", "en", "2024-11-14"],
    ["morgen", "nl", "2024-11-14"],
    ["demain", "fr", "2024-11-14"],
    ["wir zahlen morgen", "de", "2024-11-14"],
    ["yesterday", "en", "2024-11-12"],
    ["gisteren", "nl", "2024-11-12"],
    ["payé hier", "fr", "2024-11-12"],
    ["gestern", "de", "2024-11-12"],
    ["vandaag", "nl", "2024-11-13"],
    ["aujourd'hui", "fr", "2024-11-13"],
    ["heute", "de", "2024-11-13"],
    ["end of the month", "en", "2024-11-30"],
    ["fin du mois", "fr", "2024-11-30"],
    ["eind deze maand", "nl", "2024-11-30"],
    ["Ende des Monats", "de", "2024-11-30"],
    ["fin du mois prochain", "fr", "2024-12-31"],
    ["eind volgende maand", "nl", "2024-12-31"],
    ["volgende week dinsdag", "nl", "2024-11-19"],
    ["la semaine prochaine, vendredi", "fr", "2024-11-22"],
    ["kommenden Freitag", "de", "2024-11-15"],
    ["vendredi prochain", "fr", "2024-11-15"],
    ["next Friday", "en", "2024-11-22"], // English "next Friday" said on a Wednesday: Friday of next week
    ["this Friday", "en", "2024-11-15"],
    ["vrijdag", "nl", "2024-11-15"],
    ["over twee weken", "nl", "2024-11-27"],
    ["binnen 30 dagen", "nl", "2024-12-13"],
    ["in 14 Tagen", "de", "2024-11-27"],
    ["dans 3 semaines", "fr", "2024-12-04"],
    ["next week", "en", "2024-11-18"],
    ["la semaine prochaine", "fr", "2024-11-18"],
    ["mid-December", "en", "2024-12-15"],
    ["eind november", "nl", "2024-11-30"],
    ["jusqu'au 25", "fr", "2024-11-25"],
    ["lundi 25", "fr", "2024-11-25"],
    // Compound words win over the shorter ones inside them.
    ["the day after tomorrow", "en", "2024-11-15"],
    ["the day before yesterday", "en", "2024-11-11"],
    ["après-demain", "fr", "2024-11-15"],
    ["avant-hier", "fr", "2024-11-11"],
    ["übermorgen", "de", "2024-11-15"],
    ["vorgestern", "de", "2024-11-11"],
    ["overmorgen", "nl", "2024-11-15"],
    ["eergisteren", "nl", "2024-11-11"],
    // Today in other words.
    ["envoyé ce jour", "fr", "2024-11-13"],
    ["deze ochtend betaald", "nl", "2024-11-13"],
    // A day of the month on its own: the next one (or, looking back, the last one).
    ["sera viré le 28.", "fr", "2024-11-28"],
    ["réglée le 1er", "fr", "2024-12-01"],
    ["le 10, merci", "fr", "2024-12-10"],
    ["dass der Betrag am 15. bei Ihnen eingeht", "de", "2024-11-15"],
    ["Die Zahlung erfolgt am 22..", "de", "2024-11-22"],
    ["wij storten de 5de, de rest volgt", "nl", "2024-12-05"],
    ["wordt de 20ste betaald", "nl", "2024-11-20"],
  ])("%s → %s", (text, lang, date) => {
    expect(first(text, lang)?.date).toBe(date);
  });

  it("a bare weekday resolves backwards for things already done", () => {
    expect(first("betaald op maandag", "nl", "backward")?.date).toBe("2024-11-11");
    expect(first("vorige vrijdag", "nl")?.date).toBe("2024-11-08");
    expect(first("vendredi dernier", "fr")?.date).toBe("2024-11-08");
    expect(first("letzten Freitag", "de")?.date).toBe("2024-11-08");
  });

  it("a day of the month alone resolves backwards for things already done", () => {
    expect(first("réglée le 8", "fr", "backward")?.date).toBe("2024-11-08");
    expect(first("am 20. überwiesen", "de", "backward")?.date).toBe("2024-10-20");
  });

  it("uses the sender's calendar day, not UTC", () => {
    // 00:30 on Thursday 14 November in Brussels = 23:30 Wednesday UTC.
    const late = { instant: new Date("2024-11-13T23:30:00Z"), offsetMinutes: 60 };
    expect(findDates("tomorrow", late, { lang: "en" })[0].date).toBe("2024-11-15");
    expect(findDates("tomorrow", new Date("2024-11-13T23:30:00Z"), { lang: "en" })[0].date).toBe("2024-11-14");
  });
});

describe("findDates: what is not a date", () => {
  it.each([
    ["ik ben hier", "nl"], // "hier" is "here" in Dutch
    ["Guten Morgen", "de"],
    ["bedrag 15.11 EUR", "nl"],
    ["1/2 van de facturen", "nl"],
    ["factuur 2024-1143", "nl"],
    ["tel 06-12345678", "nl"],
    ["21% BTW", "nl"],
    ["les factures restent impayées à ce jour", "fr"], // "to date"
    ["jusqu'à ce jour", "fr"],
    ["le 14 h", "fr"],
    ["le 10 %", "fr"],
    ["le 12,50 €", "fr"],
    ["le 10 cartons", "fr"],
  ])("%s", (text, lang) => {
    expect(findDates(text, ref, { lang })).toEqual([]);
  });

  it("reports text, index and kind", () => {
    const [d] = findDates("Wij betalen op 22/11/2024.", ref, { lang: "nl" });
    expect(d).toEqual({ date: "2024-11-22", text: "22/11/2024", index: 15, kind: "absolute" });
  });
});
