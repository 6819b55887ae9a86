import { describe, expect, it } from "vitest";
import { senderText, stripReply } from "./quote-strip.ts";

const REMINDER_NL = "Geachte klant,\n\nVolgens onze administratie staat factuur F2024-0113 van € 1.234,56 nog open.\n\nMet vriendelijke groet,\nAcme Supplies BV";

describe("stripReply: our reminder quoted below the reply", () => {
  it("Outlook, Dutch: Van/Verzonden/Aan/Onderwerp block and a signature with VAT number", () => {
    const text = `Goedemiddag,

Wij betalen de factuur volgende week vrijdag.

Met vriendelijke groet,

Jan de Vries
Crediteurenadministratie | Bakkerij Jansen BV
T +31 20 123 4567 | BTW NL001234567B01

Van: Acme Supplies <debiteuren@acme.example>
Verzonden: woensdag 13 november 2024 10:02
Aan: Jan de Vries <jan@jansen.example>
Onderwerp: Herinnering factuur F2024-0113

${REMINDER_NL}`;
    const r = stripReply(text);
    expect(r.body).toBe("Goedemiddag,\n\nWij betalen de factuur volgende week vrijdag.");
    expect(r.signature).toMatch(/^Met vriendelijke groet,[\s\S]*BTW NL001234567B01$/);
    expect(r.quoteHeader).toMatch(/^Van: Acme Supplies/);
    expect(r.quoted).toContain("nog open");
    expect(r.forwarded).toBe(false);
  });

  it("Outlook, French: -----Message d'origine----- and De :/Envoyé :/À :/Objet :", () => {
    const text = `Bonjour,\n\nNous contestons le montant de la facture 1143.\n\nCordialement,\nSophie Martin\nTél. : +33 1 23 45 67 89\n\n-----Message d'origine-----\nDe : Acme <ar@acme.example>\nEnvoyé : mercredi 13 novembre 2024 10:02\nÀ : compta@client.example.fr\nObjet : Relance facture 1143\n\nMadame, Monsieur, la facture 1143 est échue.`;
    const r = stripReply(text);
    expect(r.body).toBe("Bonjour,\n\nNous contestons le montant de la facture 1143.");
    expect(r.signature).toContain("Sophie Martin");
    expect(r.quoted).toContain("la facture 1143 est échue");
  });

  it("Outlook, German: Von/Gesendet/An/Betreff without separator line", () => {
    const text = `Sehr geehrte Damen und Herren,\n\ndie Zahlung ist am 12.11. erfolgt.\n\nMit freundlichen Grüßen\nKlaus Weber\n\nVon: Acme Buchhaltung <ar@acme.example>\nGesendet: Mittwoch, 13. November 2024 10:02\nAn: Weber, Klaus <k.weber@kunde.example.de>\nBetreff: Zahlungserinnerung Rechnung 2024/01143\n\nSehr geehrter Herr Weber, ...`;
    const r = stripReply(text);
    expect(r.body).toBe("Sehr geehrte Damen und Herren,\n\ndie Zahlung ist am 12.11. erfolgt.");
    expect(r.signature).toBe("Mit freundlichen Grüßen\nKlaus Weber");
  });

  it("Gmail headers in four languages, also wrapped over two lines", () => {
    const headers = [
      "On Wed, 13 Nov 2024 at 10:02, Acme Supplies <ar@acme.example> wrote:",
      "Op wo 13 nov 2024 om 10:02 schreef Acme Supplies <\nar@acme.example>:",
      "Le mer. 13 nov. 2024 à 10:02, Acme Supplies <ar@acme.example> a écrit :",
      "Am Mi., 13. Nov. 2024 um 10:02 Uhr schrieb Acme Supplies <\nar@acme.example>:",
    ];
    for (const h of headers) {
      const r = stripReply(`Paid today, thanks.\n\n${h}\n\n> ${REMINDER_NL.replace(/\n/g, "\n> ")}`);
      expect(r.body, h).toBe("Paid today, thanks.");
      expect(r.quoted, h).toContain("F2024-0113");
    }
  });

  it("mobile signatures in nl/fr/de/en", () => {
    for (const sig of ["Sent from my iPhone", "Envoyé de mon iPhone", "Verzonden vanaf mijn iPhone", "Von meinem iPhone gesendet", "Get Outlook for Android"]) {
      expect(stripReply(`Ok, betaald.\n\n${sig}`)).toMatchObject({ body: "Ok, betaald.", signature: sig });
    }
  });

  it("a sentence starting with 'On' or 'Van' is not a quote header", () => {
    const text = "On Monday we transferred the amount.\nVan de drie facturen is er één betaald.";
    expect(stripReply(text).body).toBe(text);
  });

  it("a pure forward returns the forwarded message, marked as forwarded", () => {
    const text = `---------- Forwarded message ---------\nVan: Boekhouding <boekhouding@klant.example>\nDate: wo 13 nov. 2024 om 09:00\nSubject: Betalingsbewijs\nTo: <ar@acme.example>\n\nIn bijlage het betalingsbewijs van factuur F2024-0113.\n\nMvg,\nPiet`;
    const r = stripReply(text, { subject: "Fwd: Betalingsbewijs" });
    expect(r).toMatchObject({ forwarded: true, body: "In bijlage het betalingsbewijs van factuur F2024-0113." });
    expect(r.signature).toBe("Mvg,\nPiet");
  });

  it("a forward with a note keeps the note as the body", () => {
    const r = stripReply("Zie onderstaand, graag actie.\n\n-------- Doorgestuurd bericht --------\nOnderwerp: Factuur\nVan: x@y.example\n\nTekst", { subject: "Fwd: Factuur" });
    expect(r).toMatchObject({ forwarded: false, body: "Zie onderstaand, graag actie." });
  });

  it("a confidentiality disclaimer goes with the signature", () => {
    const r = stripReply("We will pay on Friday.\n\nThis e-mail and any attachments are confidential and intended solely for the addressee.");
    expect(r.body).toBe("We will pay on Friday.");
    expect(r.signature).toMatch(/^This e-mail/);
  });
});

describe("senderText", () => {
  it("uses the HTML when there is no text part, dropping Outlook's reply container", () => {
    const html = `<html><head><style>p{margin:0}</style></head><body><p>Bonjour,</p><p>Le paiement a été effectué hier.</p><div id="divRplyFwdMsg"><b>De :</b> Acme<br><b>Objet :</b> Relance</div><div>Madame, Monsieur, la facture est échue.</div></body></html>`;
    expect(senderText({ text: null, html, subject: "RE: Relance" }).body).toBe("Bonjour,\n\nLe paiement a été effectué hier.");
  });
});
