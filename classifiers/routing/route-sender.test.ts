import { describe, expect, it } from "vitest";
import { routeEmail } from "./route.ts";
import { REMINDER_FR, candidateIds, input, ourId, steps } from "./test-kit.ts";

describe("step 1 — our Message-IDs in the thread headers", () => {
  it("routes a reply to our reminder by In-Reply-To, even from an unknown free-mail sender", () => {
    const d = routeEmail(
      input({
        mail: { fromAddress: "sophie.m@gmail.com", inReplyTo: ourId("C1001", "F2024-0113"), subject: "RE: Rappel facture F2024-0113" },
        senderText: "Bonjour, nous réglerons la semaine prochaine.",
        quotedText: REMINDER_FR,
        intent: "payment_promise",
      }),
    );
    expect(d.debtorId).toBe(1);
    expect(d.confidence).toBeGreaterThan(0.95);
    expect(d.evidence.find((e) => e.step === "thread")?.detail).toContain("names debtor C1001");
    expect(d.evidence.some((e) => e.step === "domain" && e.detail.includes("free-mail"))).toBe(true);
  });

  it("reads References when In-Reply-To points elsewhere", () => {
    const d = routeEmail(
      input({
        mail: { fromAddress: "x@unknown-corp.example", inReplyTo: "<foo@unknown-corp.example>", references: [`${ourId("C1003", null)} <foo@unknown-corp.example>`] },
        senderText: "Wir zahlen morgen.",
      }),
    );
    expect(d.debtorId).toBe(3);
    expect(steps(d)).toEqual(["thread"]);
  });

  it("ignores a Relance Message-ID of another company's domain", () => {
    const d = routeEmail(input({ mail: { fromAddress: "x@unknown-corp.example", inReplyTo: ourId("C1001", null, "other-supplier.example") }, senderText: "OK" }));
    expect(d.debtorId).toBeNull();
    expect(d.evidence.some((e) => e.detail.includes("another domain"))).toBe(true);
  });

  it("accepts an older letter's Message-ID on our domain that embeds an invoice number", () => {
    const d = routeEmail(
      input({ mail: { fromAddress: "nobody@unknown-corp.example", inReplyTo: "<INV.F2024-0200.20240301.1234@mail.acme-supplies.example>" }, senderText: "Is betaald." }),
    );
    expect(d.debtorId).toBe(2);
    expect(d.evidence.find((e) => e.step === "thread")?.detail).toContain("invoice number F2024-0200");
  });

  it("does not read numbers into UUID Message-IDs or into other people's Message-IDs", () => {
    const d = routeEmail(
      input({
        mail: { fromAddress: "x@unknown-corp.example", inReplyTo: "<C1001.F2024-0113@unknown-corp.example>", references: ["<0c1001aa-1001-4a2b-9c3d-000000001001@acme-supplies.example>"] },
        senderText: "Hello",
      }),
    );
    expect(d.debtorId).toBeNull();
    expect(d.candidates).toEqual([]);
  });

  it("falls back to the invoice of our Message-ID when its debtor number is unknown", () => {
    const d = routeEmail(input({ mail: { fromAddress: "x@unknown-corp.example", inReplyTo: ourId("OLD-77", "F2024-0301") }, senderText: "Danke" }));
    expect(d.debtorId).toBe(3);
  });

  it("routes a copy of our own sent mail by its own Message-ID", () => {
    const d = routeEmail(input({ mail: { fromAddress: "ar@acme-supplies.example", messageId: ourId("C1004", "INV-5501") }, senderText: "Dear customer, a reminder." }));
    expect(d.debtorId).toBe(4);
  });
});

describe("step 2 — bounces", () => {
  it("routes by the failed recipient; the From (the MTA) is not used", () => {
    const d = routeEmail(
      input({
        mail: { fromAddress: "MAILER-DAEMON@mx.hoffmann-gastro.de", subject: "Undelivered Mail Returned to Sender" },
        senderText: "This is the mail system at host mx.hoffmann-gastro.de. I'm sorry to have to inform you that your message could not be delivered.",
        intent: "bounce",
        bounce: { failedRecipient: "rfc822; Buchhaltung@Hoffmann-Gastro.de" },
      }),
    );
    expect(d.debtorId).toBe(3);
    expect(d.evidence.some((e) => e.step === "contact" && e.detail.includes("reporting mail server"))).toBe(true);
    expect(steps(d)).not.toContain("domain");
  });

  it("routes by the Message-ID of the bounced letter when the recipient is unknown", () => {
    const d = routeEmail(
      input({
        mail: { fromAddress: "postmaster@outlook.com" },
        senderText: "Delivery has failed to these recipients or groups.",
        intent: "bounce",
        bounce: { failedRecipient: "old.person@gmail.com", originalMessageId: ourId("C1002", "F2024-0200") },
      }),
    );
    expect(d.debtorId).toBe(2);
    expect(d.evidence.some((e) => e.step === "bounce" && e.debtorId === null && e.detail.includes("unknown"))).toBe(true);
  });

  it("a bounce whose recipient belongs to a debtor's domain only is still routed", () => {
    const d = routeEmail(
      input({ mail: { fromAddress: "mailer-daemon@mx.example" }, intent: "bounce", bounce: { failedRecipient: "left.company@boulangerie-martin.fr" }, senderText: "550 5.1.1 user unknown" }),
    );
    expect(d.debtorId).toBe(1);
    expect(d.confidence).toBeGreaterThan(0.85);
  });

  it("a bounce with nothing usable stays unassigned", () => {
    const d = routeEmail(input({ mail: { fromAddress: "mailer-daemon@mx.example" }, intent: "bounce", senderText: "Mail delivery failed" }));
    expect(d.debtorId).toBeNull();
  });

  it("a known contact bouncing wins over similar-looking earlier mail of another debtor", () => {
    const d = routeEmail(
      input({ mail: { fromAddress: "mailer-daemon@mx.example" }, intent: "bounce", bounce: { failedRecipient: "ap@northwind.co.uk" }, neighbours: [{ debtorId: 2, similarity: 0.99 }] }),
    );
    expect(d.debtorId).toBe(4);
    expect(steps(d)).not.toContain("similarity");
  });
});

describe("step 3 — known contact addresses", () => {
  it("matches case-insensitively (nl)", () => {
    const d = routeEmail(input({ mail: { fromAddress: "boekhouding@bakkerijvanhove.BE" }, senderText: "Kunnen jullie een kopie sturen?", intent: "document_request" }));
    expect(d.debtorId).toBe(2);
    expect(d.evidence.some((e) => e.step === "domain" && e.detail.includes("more specific"))).toBe(true);
  });

  it("matches a sub-address of a known contact", () => {
    const d = routeEmail(input({ mail: { fromAddress: "ap+invoices@northwind.co.uk" }, senderText: "Please resend." }));
    expect(d.debtorId).toBe(4);
  });

  it("a contact on a free-mail domain still identifies its debtor exactly", () => {
    const d = routeEmail(input({ mail: { fromAddress: "frituur.pleintje@telenet.be" }, senderText: "Ik betaal vrijdag." }));
    expect(d.debtorId).toBe(5);
  });

  it("a contact shared by two debtors is ambiguous: unassigned with both candidates", () => {
    const d = routeEmail(input({ mail: { fromAddress: "dossiers@boekhoudkantoor-claes.example" }, senderText: "Graag een overzicht van de openstaande facturen." }));
    expect(d.debtorId).toBeNull();
    expect(candidateIds(d).sort()).toEqual([8, 9]);
    expect(d.candidates[0].reasons[0]).toContain("shared by 2 debtors");
  });

  it("a shared contact plus an invoice in the sender's text settles it", () => {
    const d = routeEmail(
      input({
        mail: { fromAddress: "dossiers@boekhoudkantoor-claes.example" },
        senderText: "Factuur F2024-0601 werd gisteren betaald.",
        invoiceRefs: [{ number: "F2024-0601", confidence: 0.97, inSenderText: true }],
        intent: "payment_notice",
      }),
    );
    expect(d.debtorId).toBe(9);
    expect(candidateIds(d)).toContain(8);
  });

  it("a known contact in Cc alone is not enough", () => {
    const d = routeEmail(input({ mail: { fromAddress: "someone@gmail.com", cc: ["ap@northwind.co.uk"] }, senderText: "FYI" }));
    expect(d.debtorId).toBeNull();
    expect(candidateIds(d)).toEqual([4]);
  });

  it("uses Reply-To when the From tells nothing (a portal sending on a debtor's behalf)", () => {
    const d = routeEmail(
      input({ mail: { fromAddress: "noreply@ap-portal.example", headers: { "reply-to": ['"Jane Doe" <ap@northwind.co.uk>'] } }, senderText: "Remittance advice attached." }),
    );
    expect(d.debtorId).toBe(4);
    expect(d.evidence.find((e) => e.step === "contact")?.detail).toContain("Reply-To");
  });
});

describe("step 4 — debtor domains", () => {
  it("routes an unknown person at a known domain (fr)", () => {
    const d = routeEmail(input({ mail: { fromAddress: "nouvelle.comptable@boulangerie-martin.fr" }, senderText: "Bonjour, je remplace Sophie." }));
    expect(d.debtorId).toBe(1);
    expect(steps(d)).toEqual(["domain"]);
  });

  it("routes a subdomain of a known domain", () => {
    const d = routeEmail(input({ mail: { fromAddress: "ap@eu.northwind.co.uk" }, senderText: "Payment run on Friday." }));
    expect(d.debtorId).toBe(4);
  });

  it("never routes by a free-mail domain", () => {
    const d = routeEmail(input({ mail: { fromAddress: "someone.else@telenet.be" }, senderText: "Wanneer moet ik betalen?" }));
    expect(d.debtorId).toBeNull();
    expect(d.candidates).toEqual([]);
    expect(d.evidence.some((e) => e.detail.includes("telenet.be is a free-mail domain"))).toBe(true);
  });

  it("a domain shared by two debtors is ambiguous", () => {
    const d = routeEmail(input({ mail: { fromAddress: "compta@franchise-dubois.example" }, senderText: "Pouvez-vous nous envoyer le relevé ?" }));
    expect(d.debtorId).toBeNull();
    expect(candidateIds(d).sort()).toEqual([10, 11]);
  });

  it("a shared domain plus the store's name in the signature settles it", () => {
    const d = routeEmail(
      input({ mail: { fromAddress: "compta@franchise-dubois.example" }, senderText: "Pouvez-vous nous envoyer le relevé ?\n\nMarie\nSupermarché Dubois Nice" }),
    );
    expect(d.debtorId).toBe(11);
  });

  it("our own salesman forwarding a customer's mail: the forwarded From decides (nl)", () => {
    const d = routeEmail(
      input({
        mail: { fromAddress: "jan.sales@acme-supplies.example", fromName: "Jan (Acme Sales)", subject: "Fwd: factuur" },
        senderText: "Kunnen jullie dit opvolgen?",
        quotedText: "---------- Doorgestuurd bericht ---------\nVan: An Van Hove <boekhouding@bakkerijvanhove.be>\nDatum: di 5 nov. 2024\nOnderwerp: factuur\n\nDe factuur klopt niet.",
        intent: "dispute",
      }),
    );
    expect(d.debtorId).toBe(2);
    expect(d.evidence.find((e) => e.step === "contact")?.detail).toContain("forwarded by our jan.sales@acme-supplies.example");
  });

  it("our own salesman forwarding from an unknown person at a debtor's domain (de)", () => {
    const d = routeEmail(
      input({
        mail: { fromAddress: "vertrieb@acme.example", subject: "WG: Rechnung" },
        senderText: "Zur Info.",
        quotedText: "Von: Petra Neu <p.neu@hoffmann-gastro.de>\nGesendet: Montag, 4. November 2024\nAn: vertrieb@acme.example\nBetreff: Rechnung\n\nBitte senden Sie uns die Rechnung erneut.",
      }),
    );
    expect(d.debtorId).toBe(3);
  });

  it("our own colleague writing to a customer with the AR mailbox in copy: the recipient decides (en)", () => {
    const d = routeEmail(
      input({
        mail: { fromAddress: "jan.sales@acme-supplies.example", to: ["ap@northwind.co.uk"], cc: ["ar@acme-supplies.example"] },
        senderText: "Hi Jane, as discussed the credit note will follow.",
      }),
    );
    expect(d.debtorId).toBe(4);
    expect(d.evidence.find((e) => e.debtorId === 4)?.detail).toContain("our mail is addressed to ap@northwind.co.uk");
  });

  it("mail from our own domain without a forwarded sender is not routed by our domain", () => {
    const d = routeEmail(input({ mail: { fromAddress: "boss@acme-supplies.example" }, senderText: "Team lunch on Friday!", intent: "other" }));
    expect(d.debtorId).toBeNull();
    expect(d.candidates).toEqual([]);
    expect(d.evidence.some((e) => e.detail.includes("sent from our own domain"))).toBe(true);
  });
});
