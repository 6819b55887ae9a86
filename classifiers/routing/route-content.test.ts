import { describe, expect, it } from "vitest";
import { routeEmail } from "./route.ts";
import { REMINDER_FR, candidateIds, input, ourId, steps } from "./test-kit.ts";

describe("step 5 — invoice references and the group payer", () => {
  it("an invoice in the sender's own words routes a free-mail sender (en)", () => {
    const d = routeEmail(
      input({ mail: { fromAddress: "j.smith1977@gmail.com" }, senderText: "We paid INV-5501 today.", invoiceRefs: [{ number: "INV-5501", confidence: 0.95, inSenderText: true }], intent: "payment_notice" }),
    );
    expect(d.debtorId).toBe(4);
  });

  it("contact of A citing B's invoice in their own text → B, A listed as candidate (nl)", () => {
    const d = routeEmail(
      input({
        mail: { fromAddress: "boekhouding@bakkerijvanhove.be" },
        senderText: "Wij hebben factuur F2024-0301 betaald.",
        invoiceRefs: [{ number: "F2024-0301", confidence: 0.95, inSenderText: true }],
        intent: "payment_notice",
      }),
    );
    expect(d.debtorId).toBe(3);
    expect(candidateIds(d)).toContain(2);
    expect(d.evidence.find((e) => e.step === "contact")?.detail).toContain("outweighed");
  });

  it("contact of A with B's invoice only in our quoted reminder → A (fr)", () => {
    const d = routeEmail(
      input({
        mail: { fromAddress: "compta@boulangerie-martin.fr", subject: "RE: Relance" },
        senderText: "Bien reçu, nous regardons.",
        quotedText: "De : Acme Supplies <ar@acme-supplies.example>\nObjet : Relance\n\nFacture F2024-0301 en attente.",
        invoiceRefs: [{ number: "F2024-0301", confidence: 0.95, inSenderText: false }],
      }),
    );
    expect(d.debtorId).toBe(1);
    expect(d.evidence.find((e) => e.step === "invoice")?.detail).toContain("only in our quoted letter");
  });

  it("a group's shared-service centre paying for a subsidiary → the subsidiary (the parent is a candidate)", () => {
    const d = routeEmail(
      input({
        mail: { fromAddress: "payments@vdsgroup-ssc.example", fromName: "Vandersteen Group Shared Services" },
        senderText: "Please find attached our remittance for invoice F2024-0502 (Vandersteen Mode).",
        invoiceRefs: [{ number: "F2024-0502", confidence: 0.98, inSenderText: true }],
        amounts: [{ value: 3150, currency: "EUR" }],
        intent: "payment_notice",
      }),
    );
    expect(d.debtorId).toBe(7);
    expect(candidateIds(d)).toContain(6);
  });

  it("a remittance advice attached by a shared-service centre names the subsidiary", () => {
    const d = routeEmail(
      input({
        mail: {
          fromAddress: "ap@vdsgroup-ssc.example",
          subject: "Payment advice",
          attachments: [{ filename: "remittance.pdf", contentType: "application/pdf", size: 2000, text: "REMITTANCE ADVICE\nInvoice F 2024/0502   3.150,00 EUR" }],
        },
        senderText: "Please find our payment advice attached.",
        invoiceRefs: [{ number: "F2024-0502", confidence: 0.9, inSenderText: false }],
        intent: "payment_notice",
      }),
    );
    expect(d.debtorId).toBe(7);
    expect(d.evidence.find((e) => e.step === "invoice")?.detail).toContain("in an attachment");
  });

  it("a sender citing its own invoices and another debtor's stays with itself", () => {
    const d = routeEmail(
      input({
        mail: { fromAddress: "compta@boulangerie-martin.fr" },
        senderText: "Réglé : F2024-0113 et F2024-0200.",
        invoiceRefs: [
          { number: "F2024-0113", confidence: 0.97, inSenderText: true },
          { number: "F2024-0200", confidence: 0.97, inSenderText: true },
        ],
      }),
    );
    expect(d.debtorId).toBe(1);
  });

  it("a shared-service centre citing invoices of two subsidiaries is left unassigned", () => {
    const d = routeEmail(
      input({
        mail: { fromAddress: "payments@vdsgroup-ssc.example" },
        senderText: "Paid F2024-0502 and F2024-0200.",
        invoiceRefs: [
          { number: "F2024-0502", confidence: 0.98, inSenderText: true },
          { number: "F2024-0200", confidence: 0.98, inSenderText: true },
        ],
      }),
    );
    expect(d.debtorId).toBeNull();
    expect(candidateIds(d).slice(0, 2).sort()).toEqual([2, 7]);
  });

  it("our thread names A but the sender's own text cites only B's invoice: conflicting → unassigned", () => {
    const d = routeEmail(
      input({
        mail: { fromAddress: "compta@boulangerie-martin.fr", inReplyTo: ourId("C1001", "F2024-0113") },
        senderText: "Nous avons payé F2024-0301.",
        invoiceRefs: [{ number: "F2024-0301", confidence: 0.95, inSenderText: true }],
      }),
    );
    expect(d.debtorId).toBeNull();
    expect(candidateIds(d).slice(0, 2).sort()).toEqual([1, 3]);
  });

  it("a low-confidence invoice match in the sender's text does not override a known contact", () => {
    const d = routeEmail(
      input({ mail: { fromAddress: "ap@northwind.co.uk" }, senderText: "Ref 2024-0200?", invoiceRefs: [{ number: "F2024-0200", confidence: 0.4, inSenderText: true }] }),
    );
    expect(d.debtorId).toBe(4);
  });

  it("invoice numbers the ledger does not know are recorded, not used", () => {
    const d = routeEmail(input({ mail: { fromAddress: "x@gmail.com" }, senderText: "F1999-0001", invoiceRefs: [{ number: "F1999-0001", confidence: 0.9, inSenderText: true }] }));
    expect(d.debtorId).toBeNull();
    expect(d.evidence[d.evidence.length - 1].detail).toContain("not in the ledger");
  });
});

describe("step 6 — customer numbers in the text", () => {
  it("n° client in another spelling (fr: 'CL 00827' for CL-00827)", () => {
    const d = routeEmail(input({ mail: { fromAddress: "boulangerie.martin75@orange.fr" }, senderText: "Bonjour, notre n° client : CL 00827. Merci de nous renvoyer la facture." }));
    expect(d.debtorId).toBe(1);
    expect(d.evidence.find((e) => e.step === "customer_number")?.detail).toContain("customer-number word");
  });

  it("klantnummer (nl) and Kundennummer (de) with the debtor number", () => {
    const nl = routeEmail(input({ mail: { fromAddress: "x@gmail.com" }, senderText: "Ons klantnummer is K3108, graag een kopie." }));
    expect(nl.debtorId).toBe(2);
    const de = routeEmail(input({ mail: { fromAddress: "x@web.de" }, senderText: "Kunden-Nr.: C 1003\nBitte Kontoauszug senden." }));
    expect(de.debtorId).toBe(3);
  });

  it("customer no. with leading zeros dropped still matches (en)", () => {
    const d = routeEmail(input({ mail: { fromAddress: "x@gmail.com" }, senderText: "Customer no. CL827 — what is our balance?" }));
    expect(d.debtorId).toBe(1);
  });

  it("a distinctive number without a cue word is a hint, not enough alone", () => {
    const d = routeEmail(input({ mail: { fromAddress: "x@gmail.com" }, senderText: "Re CL-00827, thanks" }));
    expect(d.debtorId).toBeNull();
    expect(candidateIds(d)).toEqual([1]);
  });

  it("a customer number in our quoted reminder only weighs little", () => {
    const d = routeEmail(input({ mail: { fromAddress: "x@gmail.com", subject: "RE: reminder" }, senderText: "Ok.", quotedText: "> Customer number: C1004\n> Please pay." }));
    expect(d.debtorId).toBeNull();
  });
});

describe("step 7 — amounts equal to open items", () => {
  it("an amount unique to one debtor is a candidate, not an assignment on its own", () => {
    const d = routeEmail(input({ mail: { fromAddress: "x@gmail.com" }, senderText: "Virement de 1 234,56 € effectué.", amounts: [{ value: 1234.56, currency: "EUR" }] }));
    expect(d.debtorId).toBeNull();
    expect(candidateIds(d)).toEqual([1]);
  });

  it("an amount matching a debtor's open item plus its contact's name in the signature assigns (nl)", () => {
    const d = routeEmail(
      input({ mail: { fromAddress: "x@gmail.com" }, senderText: "850,00 euro overgeschreven.\n\nGroeten,\nAn Van Hove", amounts: [{ value: 850, currency: "EUR" }] }),
    );
    expect(d.debtorId).toBe(2);
    expect(steps(d).sort()).toEqual(["amount", "company_name"]);
  });

  it("an amount equal to a debtor's whole open balance counts too", () => {
    const d = routeEmail(input({ mail: { fromAddress: "x@gmail.com" }, senderText: "Paid 1,544.56", amounts: [{ value: 1544.56 }] }));
    expect(candidateIds(d)).toEqual([1]);
    expect(d.evidence.find((e) => e.step === "amount")?.detail).toContain("open balance");
  });

  it("an amount shared by several debtors is recorded as not used", () => {
    const d = routeEmail(input({ mail: { fromAddress: "x@gmail.com" }, senderText: "500 EUR paid", amounts: [{ value: 500, currency: "EUR" }] }));
    expect(d.candidates).toEqual([]);
    expect(d.evidence.find((e) => e.step === "amount")?.detail).toContain("2 debtors");
  });

  it("the currency must match when stated", () => {
    const d = routeEmail(input({ mail: { fromAddress: "x@gmail.com" }, senderText: "1999.99 EUR", amounts: [{ value: 1999.99, currency: "EUR" }] }));
    expect(d.candidates).toEqual([]);
  });
});

describe("step 8 — company names", () => {
  it("display name and signature name a free-mail sender's company (fr)", () => {
    const d = routeEmail(
      input({
        mail: { fromAddress: "bmartin.paris@orange.fr", fromName: "Boulangerie Martin" },
        senderText: "Bonjour,\nle paiement partira vendredi.\n\nSophie\nBOULANGERIE MARTIN S.A.R.L.",
        intent: "payment_promise",
      }),
    );
    expect(d.debtorId).toBe(1);
    expect(d.evidence.filter((e) => e.step === "company_name").length).toBeGreaterThan(0);
  });

  it("accents and legal forms do not matter (de)", () => {
    const d = routeEmail(input({ mail: { fromAddress: "k.h@web.de" }, senderText: "Mit freundlichen Grüßen\nKlaus\nHOFFMANN-GASTRO G.m.b.H." }));
    expect(d.debtorId).toBe(3);
  });

  it("a generic name ('Services Group SA') is never used", () => {
    const d = routeEmail(input({ mail: { fromAddress: "x@gmail.com" }, senderText: "Our services group will pay next week." }));
    expect(d.candidates).toEqual([]);
  });

  it("our own company name does not count as a debtor name", () => {
    const d = routeEmail(input({ mail: { fromAddress: "x@gmail.com", subject: "RE: Acme Supplies" }, senderText: "Thanks Acme Supplies", quotedText: "Acme Supplies BV, credit control" }));
    expect(d.candidates).toEqual([]);
  });

  it("a contact person's full name in a free-mail display name is a hint", () => {
    const d = routeEmail(input({ mail: { fromAddress: "kurt1970@gmail.com", fromName: "Kurt Maes" }, senderText: "Ik betaal morgen." }));
    expect(d.debtorId).toBeNull();
    expect(candidateIds(d)).toEqual([5]);
  });
});

describe("step 9 — similarity to earlier mail", () => {
  it("a close neighbour alone does not assign", () => {
    const d = routeEmail(input({ mail: { fromAddress: "x@gmail.com" }, senderText: "Zelfde als vorige maand.", neighbours: [{ debtorId: 5, similarity: 0.97 }] }));
    expect(d.debtorId).toBeNull();
    expect(candidateIds(d)).toEqual([5]);
  });

  it("neighbours of several debtors dilute each other", () => {
    const d = routeEmail(
      input({
        mail: { fromAddress: "x@gmail.com" },
        senderText: "Merci.",
        neighbours: [
          { debtorId: 1, similarity: 0.96 },
          { debtorId: 2, similarity: 0.96 },
          { debtorId: 3, similarity: 0.95 },
          { debtorId: 99, similarity: 0.99 },
          { debtorId: 1, similarity: 0.5 },
        ],
      }),
    );
    expect(d.debtorId).toBeNull();
    const sims = d.evidence.filter((e) => e.step === "similarity");
    expect(sims.map((e) => e.debtorId).sort()).toEqual([1, 2, 3]);
    for (const e of sims) expect(e.weight).toBeLessThan(1.1);
  });

  it("a known domain is not overturned by similar mail of another debtor", () => {
    const d = routeEmail(input({ mail: { fromAddress: "new.person@boulangerie-martin.fr" }, senderText: "Merci.", neighbours: [{ debtorId: 2, similarity: 0.97 }] }));
    expect(d.debtorId).toBe(1);
  });

  it("a close neighbour plus an amount unique to that debtor assigns", () => {
    const d = routeEmail(
      input({ mail: { fromAddress: "x@gmail.com" }, senderText: "420 euro overgemaakt.", amounts: [{ value: 420 }], neighbours: [{ debtorId: 5, similarity: 0.97 }, { debtorId: 2, similarity: 0.7 }] }),
    );
    expect(d.debtorId).toBe(5);
  });
});

describe("step 10 — VAT numbers", () => {
  it("finds VAT numbers in any spelling (fr, nl, de, en)", () => {
    const cases: Array<[string, number]> = [
      ["TVA intracommunautaire : FR 12 345678901", 1],
      ["BTW BE 0437.512.208", 2],
      ["ondernemingsnummer 437.512.208", 2],
      ["USt-IdNr.: DE 123 456 789", 3],
      ["VAT GB123456789", 4],
      ["VAT reg. no. GB 123 4567 89", 4],
      ["SIRET 345 678 901 00012", 1],
    ];
    for (const [text, id] of cases) {
      const d = routeEmail(input({ mail: { fromAddress: "x@gmail.com" }, senderText: `Hello\n${text}` }));
      expect(d.debtorId, text).toBe(id);
      expect(steps(d), text).toContain("vat");
    }
  });
});

describe("intent-aware decisions", () => {
  it("spam from an unknown sender stays unassigned even with soft clues", () => {
    const d = routeEmail(
      input({
        mail: { fromAddress: "promo@deals-newsletter.example", fromName: "Deals" },
        senderText: "Win 1234.56 EUR! Bakeries like Boulangerie Martin love our ovens.",
        amounts: [{ value: 1234.56, currency: "EUR" }],
        neighbours: [{ debtorId: 1, similarity: 0.9 }],
        intent: "other",
      }),
    );
    expect(d.debtorId).toBeNull();
    expect(candidateIds(d)).toContain(1);
  });

  it("no clue at all: unassigned, no candidates, confident about it", () => {
    const d = routeEmail(input({ mail: { fromAddress: "news@random-saas.example" }, senderText: "Our spring release is here.", intent: "other" }));
    expect(d).toMatchObject({ debtorId: null, candidates: [], confidence: 1 });
  });

  it("an auto-reply is routed by its sender address", () => {
    const d = routeEmail(
      input({
        mail: { fromAddress: "compta@boulangerie-martin.fr", subject: "Réponse automatique : Relance", headers: { "auto-submitted": ["auto-replied"] } },
        senderText: "Je suis absente jusqu'au 12 novembre.",
        intent: "auto_reply",
      }),
    );
    expect(d.debtorId).toBe(1);
  });

  it("an auto-reply from an unknown free-mail address is not routed by the reminder it quotes", () => {
    const d = routeEmail(
      input({
        mail: { fromAddress: "someone@hotmail.fr", subject: "Absence" },
        senderText: "Je suis absent.",
        quotedText: REMINDER_FR,
        invoiceRefs: [{ number: "F2024-0113", confidence: 0.95, inSenderText: false }],
        intent: "auto_reply",
      }),
    );
    expect(d.debtorId).toBeNull();
    expect(candidateIds(d)).toEqual([1]);
  });

  it("an auto-reply answering our letter follows the thread header", () => {
    const d = routeEmail(input({ mail: { fromAddress: "noreply@helpdesk.example", inReplyTo: ourId("C1004") }, senderText: "Ticket #4411 received.", intent: "auto_reply" }));
    expect(d.debtorId).toBe(4);
  });
});

describe("decision output", () => {
  it("candidates carry debtor numbers, probabilities and reasons; evidence weights are numbers", () => {
    const d = routeEmail(input({ mail: { fromAddress: "compta@franchise-dubois.example" }, senderText: "Relevé svp" }));
    for (const c of d.candidates) {
      expect(c.number).toMatch(/^C10(10|11)$/);
      expect(c.score).toBeGreaterThan(0);
      expect(c.score).toBeLessThan(0.5);
      expect(c.reasons.length).toBeGreaterThan(0);
    }
    expect(d.confidence).toBeGreaterThan(0.5);
  });
});
