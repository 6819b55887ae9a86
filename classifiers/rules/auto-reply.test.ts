import { describe, expect, it } from "vitest";
import { listFixtures, mailFromFixture, mailOf } from "../../tests/helpers/mail-fixtures.ts";
import type { MailInput } from "../mail-input.ts";
import { detectAutoReply } from "./auto-reply.ts";
import { findReturnDate } from "./return-date.ts";

// Wednesday 13 November 2024, 10:00 in Brussels.
const WED = new Date("2024-11-13T10:00:00+01:00");
const ref = { instant: WED, offsetMinutes: 60 };
const mail = (over: Partial<MailInput>) =>
  mailOf({ date: WED, fromAddress: "jan@klant.example", ...over, headers: { date: ["Wed, 13 Nov 2024 10:00:00 +0100"], ...(over.headers ?? {}) } });

describe("detectAutoReply: headers first", () => {
  it("RFC 3834 Auto-Submitted: auto-replied", () => {
    const r = detectAutoReply(mail({ subject: "Re: Herinnering", headers: { "auto-submitted": ["auto-replied"] }, text: "Ik ben afwezig tot en met vrijdag 22 november." }));
    expect(r).toMatchObject({ isAutoReply: true, kind: "out_of_office", returnDate: "2024-11-25" });
    expect(r.confidence).toBeGreaterThan(0.9);
  });

  it("X-Autoreply / X-Autorespond", () => {
    expect(detectAutoReply(mail({ subject: "Re: facture", headers: { "x-autoreply": ["yes"] }, text: "Merci pour votre message." })).isAutoReply).toBe(true);
    expect(detectAutoReply(mail({ subject: "Re: facture", headers: { "x-autorespond": ["Vacation"] }, text: "Merci." })).isAutoReply).toBe(true);
  });

  it("Auto-Submitted: no is an explicit human message", () => {
    expect(detectAutoReply(mail({ subject: "Re: invoice", headers: { "auto-submitted": ["no"] }, text: "We will pay Friday." })).isAutoReply).toBe(false);
  });

  it("Auto-Submitted: auto-generated alone (a remittance advice from an ERP) is not an auto-reply", () => {
    const r = detectAutoReply(mail({ subject: "Remittance advice 4711", headers: { "auto-submitted": ["auto-generated"] }, text: "Payment of EUR 1.234,56 for invoice F2024-0113 has been executed." }));
    expect(r.isAutoReply).toBe(false);
  });

  it("Precedence: bulk newsletters are not auto-replies by that alone", () => {
    const r = detectAutoReply(mail({ subject: "Nieuwsbrief november", headers: { precedence: ["bulk"], "x-auto-response-suppress": ["OOF, AutoReply"] }, text: "Ontdek onze aanbiedingen" }));
    expect(r.isAutoReply).toBe(false);
  });

  it("Exchange rule headers plus out-of-office wording", () => {
    const r = detectAutoReply(
      mail({ subject: "RE: Zahlungserinnerung", headers: { "x-ms-exchange-inbox-rules-loop": ["buchhaltung@kunde.example.de"] }, text: "Ich bin bis einschließlich 22.11.2024 nicht im Büro." }),
    );
    expect(r).toMatchObject({ isAutoReply: true, kind: "out_of_office", returnDate: "2024-11-25" });
  });

  it("a bounce is not an auto-reply although MTAs mark it auto-replied", () => {
    const r = detectAutoReply(
      mail({
        subject: "Mail delivery failed: returning message to sender",
        fromAddress: "mailer-daemon@mx.example.org",
        headers: { "auto-submitted": ["auto-replied"], "x-failed-recipients": ["a@b.example"] },
        text: "This message was created automatically by mail delivery software.\nThe following address(es) failed:\n\n  a@b.example\n",
      }),
    );
    expect(r.isAutoReply).toBe(false);
  });
});

describe("detectAutoReply: localised subjects", () => {
  const subjects = [
    "Automatic reply: Reminder invoice 1143", "Out of Office: Reminder", "Réponse automatique : Relance facture", "Absence du bureau: Relance",
    "Automatisch antwoord: Herinnering", "Afwezig: Herinnering factuur", "Abwesenheitsnotiz: Zahlungserinnerung", "Automatische Antwort: Mahnung",
    "Risposta automatica: Sollecito", "Respuesta automática: Recordatorio", "Automatyczna odpowiedź: Przypomnienie", "Autosvar: Påminnelse",
  ];
  it.each(subjects)("%s", (subject) => {
    const r = detectAutoReply(mail({ subject, text: "Thank you for your message." }));
    expect(r.isAutoReply).toBe(true);
  });

  it("a person answering an auto-reply is not one", () => {
    expect(detectAutoReply(mail({ subject: "RE: Automatic reply: Reminder invoice 1143", text: "Who else can I contact about this invoice?" })).isAutoReply).toBe(false);
  });

  it("a human reply that mentions an absence in passing is not an auto-reply", () => {
    const r = detectAutoReply(mail({ subject: "Re: Herinnering factuur 1143", text: "Sorry, onze boekhouder was afwezig. We betalen morgen." }));
    expect(r.isAutoReply).toBe(false);
  });
});

describe("detectAutoReply: kinds", () => {
  it("ticket acknowledgements", () => {
    const r = detectAutoReply(
      mail({ subject: "[Ticket #48213] Request received: invoice copy", headers: { "auto-submitted": ["auto-generated"] }, text: "Thank you for contacting us. Your ticket number is 48213." }),
    );
    expect(r).toMatchObject({ isAutoReply: true, kind: "ticket" });
    const fr = detectAutoReply(mail({ subject: "Accusé de réception", headers: { "auto-submitted": ["auto-replied"] }, text: "Nous avons bien reçu votre demande. Numéro de dossier 2024-118." }));
    expect(fr.kind).toBe("ticket");
  });

  it("left the company", () => {
    const r = detectAutoReply(mail({ subject: "Automatisch antwoord: Herinnering", text: "Peter is niet meer werkzaam bij Bakkerij Jansen. Stuur uw mail naar boekhouding@jansen.example." }));
    expect(r.kind).toBe("left_company");
    const de = detectAutoReply(mail({ subject: "Automatische Antwort: Mahnung", text: "Frau Weber ist nicht mehr im Unternehmen tätig." }));
    expect(de.kind).toBe("left_company");
  });

  it("mailbox not monitored", () => {
    const r = detectAutoReply(mail({ subject: "Réponse automatique : Relance", text: "Cette adresse n'est pas consultée. Merci d'écrire à compta@client.example.fr." }));
    expect(r.kind).toBe("not_monitored");
  });
});

describe("findReturnDate", () => {
  const cases: Array<[string, string | null, string | null]> = [
    ["I am out of the office and back on Monday.", "en", "2024-11-18"],
    ["I will be out of the office until 25 November.", "en", "2024-11-26"],
    ["Out of office until Friday 22 November.", "en", "2024-11-25"], // Friday → back Monday
    ["Je suis absente jusqu'au 25 inclus.", "fr", "2024-11-26"],
    ["Je serai de retour le lundi 18 novembre.", "fr", "2024-11-18"],
    ["Je suis en congés du 14 au 22 novembre.", "fr", "2024-11-25"],
    ["Ik ben afwezig tot en met 22 november.", "nl", "2024-11-25"],
    ["Vanaf maandag 25 november ben ik weer aanwezig.", "nl", "2024-11-25"],
    ["Ik ben terug op 4 december.", "nl", "2024-12-04"],
    ["Ich bin ab dem 12.12. wieder erreichbar.", "de", "2024-12-12"],
    ["Ich bin bis 29.11.2024 im Urlaub.", "de", "2024-12-02"], // Friday 29th → Monday
    ["Ab Montag, den 18.11. bin ich wieder für Sie da.", "de", "2024-11-18"],
    ["Ich bin vom 4.-8. November nicht im Büro.", "de", null], // over before the mail was sent
    ["I am on annual leave.", "en", null],
  ];
  it.each(cases)("%s → %s", (text, lang, expected) => {
    expect(findReturnDate(text, ref, lang)?.date ?? null).toBe(expected);
  });

  it("resolves against the sender's local day, not UTC", () => {
    // 00:30 in Brussels on Thursday 14 November is still Wednesday in UTC.
    const early = { instant: new Date("2024-11-13T23:30:00Z"), offsetMinutes: 60 };
    expect(findReturnDate("I'm back tomorrow.", early, "en")?.date).toBe("2024-11-15");
  });
});

describe("auto-replies in the real corpora", () => {
  it("the six RFC 3834 samples of sisimai are auto-replies", async () => {
    const files = listFixtures("sisimai-set-of-emails/maildir/bsd", (f) => /^rfc3834-/.test(f));
    const results = await Promise.all(files.map(async (f) => ({ f, r: detectAutoReply(await mailFromFixture("sisimai-set-of-emails/maildir/bsd", f)) })));
    const hits = results.filter((x) => x.r.isAutoReply).length;
    console.log(`rfc3834 auto-replies detected: ${hits}/${files.length}`);
    expect(hits).toBe(files.length);
    const byFile = Object.fromEntries(results.map((x) => [x.f, x.r]));
    // "returning to the office on May 5th" (the subject says "Away until May 5": back on the 5th wins).
    expect(byFile["rfc3834-01.eml"].returnDate).toBe("2005-05-05");
    // "I'm out of the office Friday", sent Wednesday 17 July 2013 → back Monday 22nd.
    expect(byFile["rfc3834-02.eml"].returnDate).toBe("2013-07-22");
    // "traveling for work on July 10-31" → back Thursday 1 August.
    expect(byFile["rfc3834-04.eml"].returnDate).toBe("2013-08-01");
  });

  it("the Polish Exchange auto-reply of php-mime-mail-parser", async () => {
    const r = detectAutoReply(await mailFromFixture("php-mime-mail-parser/tests/mails", "issue212"));
    expect(r.isAutoReply).toBe(true);
  });

  it("Apple Mail's one-click unsubscribe (Auto-Submitted: auto-replied) is not an auto-reply", async () => {
    const r = detectAutoReply(await mailFromFixture("sisimai-set-of-emails/maildir/bsd", "arf-26.eml"));
    expect(r.isAutoReply).toBe(false);
  });
});
