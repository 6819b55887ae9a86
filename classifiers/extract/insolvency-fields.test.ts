import { describe, expect, it } from "vitest";
import { findAdministrator, findCaseReference } from "./insolvency-fields.ts";

describe("findCaseReference", () => {
  it.each([
    // After a cue word, in four languages.
    ["Bij vonnis van 3 maart werd het faillissement uitgesproken, faillissementsnummer F.10/25/214.", "F.10/25/214"],
    ["De rechtbank heeft de reorganisatie toegestaan (rolnummer B/25/00412).", "B/25/00412"],
    ["Kenmerk: C/13/25/118 F", "C/13/25/118 F"],
    ["Dossier n° 2025J00311 – tribunal de commerce de Lille.", "2025J00311"],
    ["Jugement d'ouverture, numéro RG 25/00877.", "25/00877"],
    ["Le liquidateur vous écrit (réf. LIQ-2025-0042).", "LIQ-2025-0042"],
    ["Aktenzeichen: 61 IN 88/25", "61 IN 88/25"],
    ["Insolvenzverfahren, Az.\n504 IN 7/25, Amtsgericht Essen", "504 IN 7/25"],
    ["Our reference: CR-2025-000917. Please lodge your claim.", "CR-2025-000917"],
    ["the company entered liquidation (case CR-2025-000318).", "CR-2025-000318"],
    ["in the High Court, case No. 4417 of 2025", "4417 of 2025"],
    ["insolventienummer 20250187", "20250187"],
    // Formats that stand out on their own.
    ["Het vonnis (F.02/25/77) is gepubliceerd.", "F.02/25/77"],
    ["Amtsgericht Köln 73 IN 215/25 – Eröffnungsbeschluss", "73 IN 215/25"],
    ["Ondernemingsrechtbank Gent, A/25/00031.", "A/25/00031"],
  ])("%s → %s", (text, expected) => {
    expect(findCaseReference(text)).toBe(expected);
  });

  it.each([
    ["Bel ons op +32 2 555 12 34 of 02/555.12.34.", "phone numbers"],
    ["Kenmerk: 0475123456", "a mobile number after a cue"],
    ["IBAN BE71 0961 2345 6769, BTW BE 0123.456.789", "IBAN and VAT"],
    ["Ref. 15/03/2025", "a date"],
    ["dossier 1.234,56 EUR", "an amount"],
    ["Referentie: 2000 Antwerpen", "a postcode"],
    ["Uw klantnummer D10042, zaakvoerder Jan Peeters", "a customer number, 'zaak' inside a word"],
    ["Wir sind insolvent. Bergstraße 12, 50667 Köln", "'rg' inside a word"],
  ])("no case reference in %s (%s)", (text) => {
    expect(findCaseReference(text)).toBeNull();
  });

  it("skips our own invoice numbers after a reference cue", () => {
    const isInvoice = (t: string) => t === "VF-2025-00123";
    expect(findCaseReference("Ref. VF-2025-00123; dossier 2025J00311", { isInvoice })).toBe("2025J00311");
  });
});

describe("findAdministrator", () => {
  it.each([
    // Role word, then the name (title kept as written).
    ["Tot curator werd aangesteld mr. K. van den Broeck.", "mr. K. van den Broeck"],
    ["De curator in dit faillissement is mr. Anke Peeters.", "mr. Anke Peeters"],
    ["Mandataire judiciaire : Maître Claire Fontaine", "Maître Claire Fontaine"],
    ["Merci de contacter le liquidateur, Me Paul Renard.", "Me Paul Renard"],
    ["Insolvenzverwalterin: Rechtsanwältin Dr. Petra Lang", "Rechtsanwältin Dr. Petra Lang"],
    ["Forderungen sind beim Verwalter RA Jonas Keller anzumelden.", "RA Jonas Keller"],
    ["The joint administrators, John Smith and Jane Doe, were appointed.", "John Smith and Jane Doe"],
    ["Curatoren: mrs. Els Wouters en Bart Claes", "mrs. Els Wouters en Bart Claes"],
    ["Administrateur judiciaire : SCP Garnier & Roux, administrateurs judiciaires.", "SCP Garnier & Roux, administrateurs judiciaires"],
    // The name, then its role.
    ["De rechtbank heeft mr. Sanne de Wit aangesteld als voorlopig bewindvoerder.", "mr. Sanne de Wit"],
    ["Le tribunal a désigné Me Luc Henrard en qualité de mandataire judiciaire.", "Me Luc Henrard"],
    ["I, Oliver Grant, was appointed liquidator of the company on 3 March.", "Oliver Grant"],
    ["Ich, RA Lena Hoff, wurde zur vorläufigen Insolvenzverwalterin bestellt.", "RA Lena Hoff"],
    ["Sarah Cole of Cole Recovery LLP was appointed administrator.", "Sarah Cole"],
    // A lawyer's title anywhere in the notice.
    ["Bitte wenden Sie sich an Rechtsanwalt Tobias Brandt.", "Rechtsanwalt Tobias Brandt"],
  ])("%s → %s", (text, expected) => {
    expect(findAdministrator(text)).toBe(expected);
  });

  it("reads a practitioner's signature when the body names nobody", () => {
    const body = "Wij delen u mee dat de vennootschap in vereffening is.\n\nMet vriendelijke groet";
    expect(findAdministrator(body, "Eva Jacobs en Tom Maes\nJacobs Maes Advocaten\n+32 3 123 45 67")).toBe("Eva Jacobs en Tom Maes");
    expect(findAdministrator("Notice of the company's liquidation.", "Kind regards,\nDaniel Hart\nHart Insolvency Practitioners")).toBe("Daniel Hart");
    expect(findAdministrator("Nous vous informons de la liquidation.", "Julie Masson, liquidateur")).toBe("Julie Masson");
  });

  it.each([
    ["The administration department will reply.", "", "no role, no name"],
    ["Dear Sofie,\n\nAs administrator of Acme Ltd I ask you to stop all reminders.", "", "a greeting is no name"],
    ["Als curator van Bakkerij Janssens BV vraag ik u uw vordering in te dienen.", "", "the company after 'curator van' is no name"],
    ["Im Insolvenzverfahren über die Müller Bau GmbH wurde ich zum Insolvenzverwalter bestellt.", "", "a company before 'wurde ich zum Verwalter'"],
    ["Notice from the liquidators: the High Court of Justice has made a winding-up order.", "", "a court is no administrator"],
    ["Onze BV is failliet verklaard.", "Karin Smet\nBoekhouding\nSmet Bouw BV\nTel. 03 123 45 67", "the debtor's own signature"],
    ["We are in administration.", "Emma Stone\nOffice Manager\nStone Catering Ltd", "a debtor's staff signature"],
    ["If the problem continues, forward this message to your email admin.\n\nFor Email Administrators\nFor more tips, see DSN 5.1.10.", "", "a heading is no name"],
  ])("none in %s (%s)", (text, signature) => {
    expect(findAdministrator(text, signature)).toBeNull();
  });
});
