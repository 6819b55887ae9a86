import { describe, expect, it } from "vitest";
import { mailOf } from "../../tests/helpers/mail-fixtures.ts";
import { detectBounce } from "./bounce.ts";

const dsnText = (action: string, status: string) => `This is the mail system at host mx.example.net.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients.

<jan@debiteur.example>: host mx.debiteur.example said: 550 5.1.1 user unknown

Reporting-MTA: dns; mx.example.net
Arrival-Date: Wed, 13 Nov 2024 10:00:00 +0100

Final-Recipient: rfc822; jan@debiteur.example
Original-Recipient: rfc822;boekhouding@debiteur.example
Action: ${action}
Status: ${status}
Diagnostic-Code: smtp; 550 ${status} user unknown
`;

describe("detectBounce: RFC 3464 reports", () => {
  it("reads Final-Recipient, status and the returned message's ids", () => {
    const r = detectBounce(
      mailOf({
        subject: "Undelivered Mail Returned to Sender",
        fromAddress: "mailer-daemon@example.net",
        to: ["ar@acme.example"],
        headers: { "content-type": ['multipart/report; report-type=delivery-status; boundary="x"'], "return-path": ["<>"] },
        text: dsnText("failed", "5.1.1"),
        attachments: [
          {
            filename: null, contentType: "text/rfc822-headers", size: 100,
            text: "From: ar@acme.example\nTo: boekhouding@debiteur.example\nSubject: Herinnering factuur F2024-0113\nMessage-ID: <reminder-42@acme.example>\nIn-Reply-To: <earlier@acme.example>\n",
          },
        ],
      }),
    );
    expect(r).toMatchObject({ isBounce: true, failedRecipient: "jan@debiteur.example", status: "5.1.1", permanent: true });
    expect(r.originalMessageId).toBe("<reminder-42@acme.example>");
    expect(r.originalInReplyTo).toBe("<earlier@acme.example>");
    expect(r.originalRecipients).toEqual(expect.arrayContaining(["boekhouding@debiteur.example"]));
    expect(r.confidence).toBeGreaterThan(0.95);
  });

  it("a delay is not permanent", () => {
    const r = detectBounce(
      mailOf({
        subject: "Delayed Mail (still being retried)",
        headers: { "content-type": ["multipart/report; report-type=delivery-status"] },
        text: dsnText("delayed", "4.4.1"),
      }),
    );
    expect(r).toMatchObject({ isBounce: true, status: "4.4.1", permanent: false, failedRecipient: "jan@debiteur.example" });
  });

  it("a success report (Action: delivered) is not a bounce", () => {
    const r = detectBounce(
      mailOf({ subject: "Delivery Status Notification (Success)", headers: { "content-type": ["multipart/report; report-type=delivery-status"] }, text: dsnText("delivered", "2.0.0") }),
    );
    expect(r.isBounce).toBe(false);
  });

  it("ARF feedback reports and read receipts are not bounces", () => {
    for (const type of ["feedback-report", "disposition-notification"]) {
      const r = detectBounce(
        mailOf({ subject: "Read: Herinnering", fromAddress: "postmaster@example.net", headers: { "content-type": [`multipart/report; report-type=${type}`] }, text: "Your message was read." }),
      );
      expect(r.isBounce).toBe(false);
      expect(r.evidence.join(" ")).toMatch(type);
    }
  });
});

describe("detectBounce: non-standard bounces", () => {
  it("Exim: X-Failed-Recipients and the failed address list", () => {
    const r = detectBounce(
      mailOf({
        subject: "Mail delivery failed: returning message to sender",
        fromAddress: "mailer-daemon@mx.example.org",
        headers: { "x-failed-recipients": ["compta@client.example.fr"] },
        text: "This message was created automatically by mail delivery software.\n\nA message that you sent could not be delivered to one or more of its\nrecipients. This is a permanent error. The following address(es) failed:\n\n  compta@client.example.fr\n    SMTP error from remote mail server after RCPT TO:<compta@client.example.fr>:\n    550 5.1.1 No such user\n",
      }),
    );
    expect(r).toMatchObject({ isBounce: true, failedRecipient: "compta@client.example.fr", status: "5.1.1", permanent: true });
  });

  it("qmail: the address at the start of a line, status from (#5.x.x)", () => {
    const r = detectBounce(
      mailOf({
        subject: "failure notice",
        fromAddress: "mailer-daemon@mail.example.de",
        to: ["ar@acme.example"],
        text: "Hi. This is the qmail-send program at mail.example.de.\nI'm afraid I wasn't able to deliver your message to the following addresses.\nThis is a permanent error; I've given up. Sorry it didn't work out.\n\n<buchhaltung@kunde.example.de>:\nSorry, no mailbox here by that name. (#5.1.1)\n\n--- Below this line is a copy of the message.\n\nReturn-Path: <ar@acme.example>\nMessage-ID: <reminder-7@acme.example>\nFrom: ar@acme.example\nTo: buchhaltung@kunde.example.de\nSubject: Zahlungserinnerung\n\nSehr geehrte Damen und Herren\n",
      }),
    );
    expect(r).toMatchObject({ isBounce: true, failedRecipient: "buchhaltung@kunde.example.de", status: "5.1.1" });
    expect(r.originalMessageId).toBe("<reminder-7@acme.example>");
  });

  it("Exchange in French ('Non remis') without a DSN part", () => {
    const r = detectBounce(
      mailOf({
        subject: "Non remis : Relance facture 1143",
        fromAddress: "postmaster@client.example.fr",
        text: "La remise a échoué pour ces destinataires ou groupes :\n\ncompta@client.example.fr\nL'adresse de messagerie que vous avez entrée est introuvable.\n\nDiagnostic : Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound'\n",
      }),
    );
    expect(r).toMatchObject({ isBounce: true, failedRecipient: "compta@client.example.fr", status: "5.1.10", permanent: true });
  });

  it("an Exim delay warning is a bounce, not permanent", () => {
    const r = detectBounce(
      mailOf({
        subject: "Warning: message 1GdV3O-0002RD-H2 delayed 48 hours",
        fromAddress: "mailer-daemon@mx.example.org",
        text: "This message was created automatically by mail delivery software.\nA message that you sent has not yet been delivered to one or more of its\nrecipients after more than 48 hours on the queue on mx.example.org.\n\n  info@slow.example.com\n    host mx.slow.example.com: Connection timed out\n\nNo action is required on your part. Delivery attempts will continue for\nsome time.\n",
      }),
    );
    expect(r).toMatchObject({ isBounce: true, failedRecipient: "info@slow.example.com", permanent: false });
    expect(r.status?.startsWith("4")).toBe(true);
  });

  it("a person writing about an undeliverable parcel is not a bounce", () => {
    const r = detectBounce(
      mailOf({ subject: "Re: levering", fromAddress: "jan@klant.example", text: "Het pakket was undeliverable volgens de koerier, kunnen jullie het opnieuw sturen?" }),
    );
    expect(r.isBounce).toBe(false);
  });

  it("a bulk newsletter is not a bounce", () => {
    const r = detectBounce(
      mailOf({ subject: "Our November newsletter", fromAddress: "news@shop.example", headers: { precedence: ["bulk"], "return-path": ["<bounce-123@shop.example>"] }, text: "Discover our deals" }),
    );
    expect(r.isBounce).toBe(false);
  });
});
