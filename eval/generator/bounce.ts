/**
 * Delivery status notifications for our reminders: RFC 3464 multipart/report
 * from Postfix, Exchange (in four languages) and Gmail, delay warnings that
 * return only the headers, and the older qmail / Exim plain-text bounces.
 */
import type { Rng } from "./prng.ts";
import type { Lang } from "./phrases/types.ts";
import { debtorRow } from "./ledger.ts";
import { GROUPS } from "./ledger-data.ts";
import { letterHeaders, type Letter } from "./letter.ts";
import { encodeWord, multipart, rawPart, renderHeaders, renderMessage, textPart, type Part } from "./mime.ts";
import { rfcDate, stampFromUtc, type Stamp } from "./dates.ts";
import { mailDate, pickLetter, type Env, type Generated } from "./common.ts";

type Flavor = "postfix" | "postfix-delay" | "exchange" | "gmail" | "gmail-delay" | "qmail" | "exim";

const EXCHANGE: Record<Lang, { subject: string; head: string; notFound: string; full: string; denied: string; diag: string; server: string }> = {
  en: { subject: "Undeliverable: ", head: "Delivery has failed to these recipients or groups:", notFound: "The email address you entered couldn't be found. Please check the recipient's email address and try to resend the message. If the problem continues, please contact your helpdesk.", full: "The recipient's mailbox is full and can't accept messages now. Please try resending your message later, or contact the recipient directly.", denied: "Your message wasn't delivered because the recipient's email provider rejected it.", diag: "Diagnostic information for administrators:", server: "Generating server" },
  fr: { subject: "Non remis : ", head: "Échec de la remise à ces destinataires ou groupes :", notFound: "L'adresse de messagerie que vous avez entrée est introuvable. Vérifiez l'adresse du destinataire et essayez de renvoyer le message. Si le problème persiste, contactez votre support technique.", full: "La boîte aux lettres du destinataire est pleine et ne peut pas accepter de messages pour le moment. Réessayez plus tard ou contactez directement le destinataire.", denied: "Votre message n'a pas été remis car le fournisseur de messagerie du destinataire l'a rejeté.", diag: "Informations de diagnostic pour les administrateurs :", server: "Serveur de génération" },
  de: { subject: "Unzustellbar: ", head: "Fehler bei der Zustellung an folgende Empfänger oder Gruppen:", notFound: "Die eingegebene E-Mail-Adresse wurde nicht gefunden. Überprüfen Sie die Adresse des Empfängers, und senden Sie die Nachricht erneut. Wenden Sie sich an Ihren Helpdesk, wenn das Problem weiterhin besteht.", full: "Das Postfach des Empfängers ist voll und kann derzeit keine Nachrichten annehmen. Versuchen Sie es später erneut, oder wenden Sie sich direkt an den Empfänger.", denied: "Ihre Nachricht wurde nicht zugestellt, weil der E-Mail-Anbieter des Empfängers sie abgelehnt hat.", diag: "Diagnoseinformationen für Administratoren:", server: "Generierender Server" },
  nl: { subject: "Onbestelbaar: ", head: "De bezorging is mislukt voor deze geadresseerden of groepen:", notFound: "Het e-mailadres dat u hebt ingevoerd, is niet gevonden. Controleer het adres van de geadresseerde en verzend het bericht opnieuw. Neem contact op met uw helpdesk als het probleem zich blijft voordoen.", full: "Het postvak van de geadresseerde is vol en kan momenteel geen berichten ontvangen. Probeer het later opnieuw of neem rechtstreeks contact op met de geadresseerde.", denied: "Uw bericht is niet bezorgd omdat de e-mailprovider van de geadresseerde het heeft geweigerd.", diag: "Diagnostische gegevens voor beheerders:", server: "Genererende server" },
};

function statusFor(flavor: Flavor, rng: Rng): { status: string; diag: string } {
  switch (flavor) {
    case "exchange": return rng.weighted([[{ status: "5.1.10", diag: "smtp; 550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup" }, 4], [{ status: "5.1.1", diag: "smtp; 550 5.1.1 RESOLVER.ADR.RecipNotFound; not found" }, 3], [{ status: "5.2.2", diag: "smtp; 554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException" }, 2], [{ status: "5.4.1", diag: "smtp; 550 5.4.1 Recipient address rejected: Access denied. AS(201806281)" }, 2]]);
    case "postfix-delay": return rng.weighted([[{ status: "4.4.1", diag: "X-Postfix; connect to mx1.{domain}[203.0.113.25]:25: Connection timed out" }, 3], [{ status: "4.7.1", diag: "smtp; 450 4.7.1 <{rcpt}>: Recipient address rejected: Greylisted, try again later" }, 2], [{ status: "4.2.2", diag: "smtp; 452 4.2.2 <{rcpt}>: Mailbox full, try again later" }, 1]]);
    case "gmail-delay": return { status: "4.4.1", diag: "smtp; 421 4.4.1 Timeout while connecting to mx.{domain}" };
    case "gmail": return rng.weighted([[{ status: "5.1.1", diag: "smtp; 550-5.1.1 The email account that you tried to reach does not exist." }, 3], [{ status: "5.2.2", diag: "smtp; 552-5.2.2 The recipient's inbox is out of storage space." }, 1]]);
    case "qmail":
    case "exim": return rng.weighted([[{ status: "5.1.1", diag: "smtp; 550 5.1.1 <{rcpt}>: Recipient address rejected: User unknown" }, 5], [{ status: "5.2.2", diag: "smtp; 552 5.2.2 <{rcpt}>: Mailbox quota exceeded" }, 2], [{ status: "5.7.1", diag: "smtp; 550 5.7.1 <{rcpt}>: Message rejected by policy" }, 1]]);
    default: return rng.weighted([[{ status: "5.1.1", diag: "smtp; 550 5.1.1 <{rcpt}>: Recipient address rejected: User unknown in virtual mailbox table" }, 6], [{ status: "5.2.2", diag: "smtp; 552 5.2.2 <{rcpt}>: Mailbox full" }, 2], [{ status: "5.7.1", diag: "smtp; 550 5.7.1 <{rcpt}>: Relay access denied" }, 1], [{ status: "5.4.4", diag: "X-Postfix; Host or domain name not found. Name service error for name={domain} type=MX: Host not found" }, 1]]);
  }
}

/** Our letter as it left the server, for message/rfc822 parts. */
function returnedLetter(letter: Letter, extraTo: string | null): string {
  const headers = letterHeaders(letter).map(([k, v]): [string, string] => [k, k === "Subject" ? encodeWord(v) : k === "To" && extraTo ? `${v}, ${extraTo}` : k === "From" ? `${encodeWord(letter.from.name)} <${letter.from.email}>` : v]);
  return renderMessage(headers, textPart(letter.text, "plain", "utf-8", "quoted-printable"));
}

function returnedHeaders(letter: Letter, extraTo: string | null): string {
  return renderHeaders([...letterHeaders(letter).map(([k, v]): [string, string] => [k, k === "Subject" ? encodeWord(v) : k === "To" && extraTo ? `${v}, ${extraTo}` : k === "From" ? `${encodeWord(letter.from.name)} <${letter.from.email}>` : v]), ["Content-Type", 'text/plain; charset="utf-8"']]);
}

export function bounce(env: Env, wanted: Lang, rng: Rng): Generated {
  // Most DSNs are English; a remote Exchange answers in its own language.
  const localised = wanted !== "en" && rng.chance(0.55);
  for (;;) {
    const flavor = localised ? "exchange" : rng.weighted<Flavor>([["postfix", 30], ["postfix-delay", 9], ["exchange", 22], ["gmail", 12], ["gmail-delay", 3], ["qmail", 7], ["exim", 7]]);
    const debtor = rng.pick(localised ? env.ledger.debtors.filter((d) => d.language === wanted) : env.ledger.debtors);
    const row = debtorRow(debtor.number);
    const own = debtor.contacts.filter((c) => !Object.values(GROUPS).some((g) => g.ssc === c.email));
    if (own.length === 0) continue;
    const contact = rng.pick(own);
    const other = debtor.contacts.find((c) => c.email !== contact.email);
    const letter = pickLetter(env, debtor, { name: contact.name, email: contact.email }, mailDate(rng), rng, row.lang);
    if (!letter) continue;
    const extraTo = other && rng.chance(0.25) ? other.email : null;
    const rcpt = contact.email;
    const domain = rcpt.split("@")[1];
    const { status, diag: diagT } = statusFor(flavor, rng);
    const diag = diagT.replace("{rcpt}", rcpt).replace("{domain}", domain);
    const permanent = status.startsWith("5");
    const delay = flavor.endsWith("delay");
    const lang: Lang = localised ? wanted : "en";
    const at: Stamp = stampFromUtc(letter.stamp.utcMs + (delay ? rng.int(4 * 3600, 26 * 3600) : rng.int(3, 240)) * 1000, flavor.startsWith("gmail") ? "UTC" : "Europe/Brussels");
    const qid = rng.hex(11).toUpperCase();
    const reportingMta = flavor.startsWith("gmail") ? "mx.google.com" : flavor === "exchange" ? `${rng.pick(["AM0PR02MB", "DB8PR04MB", "PA4PR10MB"])}${rng.int(1000, 9999)}.eurprd0${rng.int(1, 9)}.prod.outlook.com` : "mail.brouwer-lefevre.example";
    const perRcpt = [`Final-Recipient: rfc822; ${rcpt}`, ...(rng.chance(0.6) ? [`Original-Recipient: rfc822;${rcpt}`] : []), `Action: ${delay ? "delayed" : "failed"}`, `Status: ${status}`, ...(flavor === "postfix" || flavor === "postfix-delay" ? [`Remote-MTA: dns; mx1.${domain}`] : []), `Diagnostic-Code: ${diag}`, ...(delay ? [`Will-Retry-Until: ${rfcDate(stampFromUtc(at.utcMs + 4 * 86400_000, at.zone))}`] : [])];
    const dsn = [`Reporting-MTA: dns; ${reportingMta}`, ...(flavor.startsWith("postfix") ? [`X-Postfix-Queue-ID: ${qid}`, `X-Postfix-Sender: rfc822; ${letter.from.email}`] : []), `Arrival-Date: ${rfcDate(letter.stamp)}`, "", ...perRcpt, ""].join("\n");
    let human: string;
    let subject: string;
    let from: string;
    switch (flavor) {
      case "postfix":
      case "postfix-delay":
        from = "MAILER-DAEMON@mail.brouwer-lefevre.example (Mail Delivery System)";
        subject = delay ? "Delayed Mail (still being retried)" : "Undelivered Mail Returned to Sender";
        human = delay
          ? `This is the mail system at host mail.brouwer-lefevre.example.\n\n####################################################################\n# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #\n####################################################################\n\nYour message could not be delivered for more than 4 hour(s).\nIt will be retried until it is 5 day(s) old.\n\n                   The mail system\n\n<${rcpt}>: ${diag.replace(/^[^;]+; /, "")}\n`
          : `This is the mail system at host mail.brouwer-lefevre.example.\n\nI'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients. It's attached below.\n\nFor further assistance, please send mail to postmaster.\n\nIf you do so, please include this problem report. You can\ndelete your own text from the attached returned message.\n\n                   The mail system\n\n<${rcpt}>: host mx1.${domain}[203.0.113.25] said: ${diag.replace(/^[^;]+; /, "")} (in reply to RCPT TO command)\n`;
        break;
      case "exchange": {
        const t = EXCHANGE[lang];
        const why = status === "5.2.2" ? t.full : status === "5.4.1" ? t.denied : t.notFound;
        from = `Microsoft Outlook <postmaster@${localised && domain.endsWith(".example") ? domain : "brouwer-lefevre.example"}>`;
        subject = `${t.subject}${letter.subject}`;
        human = `${t.head}\n\n${rcpt}\n${why}\n\n\n\n\n${t.diag}\n\n${t.server}: ${reportingMta}\n\n${rcpt}\nRemote Server returned '${diag.replace(/^[^;]+; /, "")}'\n`;
        break;
      }
      case "gmail":
      case "gmail-delay":
        from = "Mail Delivery Subsystem <mailer-daemon@googlemail.com>";
        subject = delay ? "Delivery Status Notification (Delay)" : "Delivery Status Notification (Failure)";
        human = delay
          ? `** Delivery incomplete **\n\nThere was a temporary problem delivering your message to ${rcpt}. Gmail will retry for 46 more hours. You'll be notified if the delivery fails permanently.\n\nThe response was:\n\n${diag.replace(/^[^;]+; /, "")}\n`
          : status === "5.2.2"
            ? `** Message not delivered **\n\nYour message couldn't be delivered to ${rcpt} because the recipient's inbox is full.\n\nThe response was:\n\n${diag.replace(/^[^;]+; /, "")}\n`
            : `** Address not found **\n\nYour message wasn't delivered to ${rcpt} because the address couldn't be found, or is unable to receive mail.\n\nThe response was:\n\n${diag.replace(/^[^;]+; /, "")}\n`;
        break;
      case "qmail":
        from = `MAILER-DAEMON@mail.${domain}`;
        subject = "failure notice";
        human = `Hi. This is the qmail-send program at mail.${domain}.\nI'm afraid I wasn't able to deliver your message to the following addresses.\nThis is a permanent error; I've given up. Sorry it didn't work out.\n\n<${rcpt}>:\n${status === "5.1.1" ? "Sorry, no mailbox here by that name." : diag.replace(/^[^;]+; /, "")} (#${status})\n\n--- Below this line is a copy of the message.\n\n`;
        break;
      case "exim":
        from = `Mail Delivery System <Mailer-Daemon@mx.${domain}>`;
        subject = "Mail delivery failed: returning message to sender";
        human = `This message was created automatically by mail delivery software.\n\nA message that you sent could not be delivered to one or more of its\nrecipients. This is a permanent error. The following address(es) failed:\n\n  ${rcpt}\n    ${diag.replace(/^[^;]+; /, "").replace(/^(\d{3}) (\d\.\d\.\d+)/, "SMTP error from remote mail server after RCPT TO:<" + rcpt + ">:\n    $1 $2")}\n\n------ This is a copy of the message, including all the headers. ------\n\n`;
        break;
    }
    const headers: Array<[string, string]> = [
      ["Return-Path", "<>"],
      ["From", from],
      ["To", letter.from.email],
      ["Subject", encodeWord(subject)],
      ["Date", rfcDate(at)],
      ["Message-ID", `<${flavor.startsWith("gmail") ? `${rng.hex(16)}.${rng.hex(8)}@mx.google.com` : `${at.date.replace(/-/g, "")}${qid}@${reportingMta}`}>`],
      ["Auto-Submitted", "auto-replied"],
      ["MIME-Version", "1.0"],
    ];
    let root: Part;
    if (flavor === "qmail" || flavor === "exim") {
      // Non-standard bounces: one text part with the returned message pasted in.
      root = textPart(`${human}${returnedLetter(letter, extraTo)}`, "plain", "us-ascii", "7bit");
    } else {
      const b = `${qid}.${Math.floor(at.utcMs / 1000)}/${reportingMta}`;
      const parts: Part[] = [
        { ...textPart(human, "plain", lang === "en" ? "us-ascii" : "utf-8", lang === "en" ? "7bit" : "quoted-printable"), headers: [["Content-Description", "Notification"], ...textPart(human, "plain", lang === "en" ? "us-ascii" : "utf-8", lang === "en" ? "7bit" : "quoted-printable").headers] },
        rawPart("message/delivery-status", dsn, [["Content-Description", "Delivery report"]]),
        delay || rng.chance(0.15) ? rawPart("text/rfc822-headers", returnedHeaders(letter, extraTo), [["Content-Description", "Undelivered Message Headers"]]) : rawPart("message/rfc822", returnedLetter(letter, extraTo), [["Content-Description", "Undelivered Message"]]),
      ];
      root = multipart("report", parts, b, "report-type=delivery-status", "This is a MIME-encapsulated message.");
    }
    const eml = renderMessage(headers, root);
    return {
      eml,
      label: { intent: "bounce", debtor: debtor.number, language: lang, invoices: [], fields: { failedRecipient: rcpt, status, permanent } },
      utcMs: at.utcMs,
      tags: [`flavor:${flavor}`, permanent ? "permanent" : "temporary", flavor === "qmail" || flavor === "exim" ? "non-standard" : "multipart/report"],
      phrases: [],
    };
  }
}
