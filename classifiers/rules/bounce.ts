import type { MailInput } from "../mail-input.ts";
import { BOUNCE_BODY, BOUNCE_SUBJECT, isDaemonAddress, recipientFromText, reportPart } from "./bounce-text.ts";
import { failingRecipient, isSuccess, parseDsn, statusCode, type DsnReport } from "./dsn-fields.ts";
import { bareAddress, fromAddressOf, header, headerAll, subjectOf } from "./headers.ts";
import { findReturnedMessage } from "./returned-message.ts";
import { sesEvent } from "./ses-notification.ts";

export interface BounceResult {
  isBounce: boolean;
  confidence: number;
  evidence: string[];
  failedRecipient: string | null;
  /** Enhanced status code (RFC 3463), e.g. "5.1.1"; X.0.0 when only the class is known. */
  status: string | null;
  /** True iff the failure is permanent (5.x.x); delays are false. */
  permanent: boolean | null;
  /** Message-ID of the returned original (ours when we sent it): routes the bounce. */
  originalMessageId?: string;
  originalInReplyTo?: string;
  originalReferences?: string[];
  /** Recipients of the original: Original-Recipient fields and the returned message's To/Cc. */
  originalRecipients?: string[];
}

const NOT_BOUNCE = (evidence: string[], confidence = 0.9): BounceResult => ({
  isBounce: false, confidence, evidence, failedRecipient: null, status: null, permanent: null,
});

const PLAUSIBLE = /^[^@\s]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i;
const DELAY_TEXT = /\b(?:delayed|delay|still being retried|could not send message for past|has not yet been delivered|will (?:continue|keep) (?:trying|to try)|retry(?:ing)? (?:until|for)|vertraagd|verzögert|différé|retardé)\b/i;

/**
 * Delivery status notifications, from MIME structure first (RFC 3464
 * multipart/report; report-type=delivery-status), then the headers and
 * wording of non-standard MTAs. Feedback reports (ARF) and read receipts
 * (MDN) are reports too, but not bounces.
 */
export function detectBounce(mail: MailInput): BounceResult {
  const evidence: string[] = [];
  const ct = (header(mail, "content-type") ?? "").toLowerCase();
  const reportType = ct.match(/report-type\s*=\s*"?([a-z0-9-]+)/)?.[1] ?? null;
  const types = mail.attachments.map((a) => a.contentType.toLowerCase());
  if (reportType === "feedback-report" || reportType === "disposition-notification") {
    return NOT_BOUNCE([`multipart/report; report-type=${reportType}: not a delivery failure`], 0.95);
  }
  const dsnPart = mail.attachments.find((a) => /^message\/(global-)?delivery-status/i.test(a.contentType));
  if (!dsnPart && reportType !== "delivery-status" && types.some((t) => /^message\/(feedback-report|disposition-notification)/.test(t))) {
    return NOT_BOUNCE([`${types.find((t) => /feedback|disposition/.test(t))} part: not a delivery failure`], 0.95);
  }

  // Some MTAs put the report in a second text/plain part that mailparser files as an attachment.
  const inlineText = mail.attachments.filter((a) => /^text\/plain/i.test(a.contentType) && !a.filename && a.text).map((a) => a.text);
  const text = [mail.text ?? "", ...inlineText].join("\n\n");
  const ses = sesEvent(text);
  if (ses && ses.type !== "Bounce") return NOT_BOUNCE([`Amazon SES ${ses.type} notification: not a delivery failure`]);
  if (ses) {
    const status = ses.status ?? (ses.permanent ? "5.0.0" : "4.0.0");
    return {
      isBounce: true, confidence: 0.97, evidence: ["Amazon SES Bounce notification (JSON)"],
      failedRecipient: ses.recipient, status, permanent: status.startsWith("5"),
      ...(ses.recipients.length ? { originalRecipients: ses.recipients } : {}),
    };
  }
  const dsn: DsnReport | null = (dsnPart?.text ? parseDsn(dsnPart.text) : null) ?? (text ? parseDsn(text) : null);
  const structural = reportType === "delivery-status" || !!dsnPart;
  if (structural) evidence.push(reportType === "delivery-status" ? "multipart/report; report-type=delivery-status" : "message/delivery-status part");
  if (dsn?.recipients.length) evidence.push(`DSN fields for ${dsn.recipients.length} recipient(s)`);
  if (dsn?.recipients.length && dsn.recipients.every(isSuccess)) {
    return NOT_BOUNCE([...evidence, "every recipient delivered/relayed: success notice, not a failure"]);
  }

  const subject = subjectOf(mail);
  const from = fromAddressOf(mail);
  const report = reportPart(text);
  const failedHeader = headerAll(mail, "x-failed-recipients").flatMap((v) => v.split(","));
  const subjectHit = BOUNCE_SUBJECT.test(subject);
  const bodyHits = BOUNCE_BODY.filter(([re]) => re.test(report)).map(([, what]) => what);
  const daemon = isDaemonAddress(from) || /mail delivery (?:sub)?system|mailer-daemon|postmaster/i.test(mail.fromName ?? header(mail, "from") ?? "");
  const nullSender = (header(mail, "return-path") ?? "").replace(/\s/g, "") === "<>";
  const returnedPart = mail.attachments.some((a) => /^(message\/rfc822|text\/rfc822-headers)/i.test(a.contentType));
  if (failedHeader.length) evidence.push("X-Failed-Recipients header");
  if (subjectHit) evidence.push(`bounce subject "${subject.slice(0, 60)}"`);
  if (bodyHits.length) evidence.push(`bounce wording: ${[...new Set(bodyHits)].join(", ")}`);
  if (daemon) evidence.push(`sent by a mail daemon (${from ?? mail.fromName})`);
  if (nullSender) evidence.push("null Return-Path <>");

  const dsnUsable = !!dsn?.recipients.length;
  let confidence = 0;
  if (structural && dsnUsable) confidence = 0.99;
  else if (structural) confidence = 0.93;
  else if (dsnUsable && (subjectHit || daemon)) confidence = 0.95;
  else if (failedHeader.length) confidence = 0.95;
  else {
    const signals = (subjectHit ? 1 : 0) + (bodyHits.length ? 1 : 0) + (bodyHits.length > 1 ? 0.5 : 0) + (daemon ? 1 : 0) + (nullSender ? 0.5 : 0) + (returnedPart && bodyHits.length ? 0.5 : 0);
    confidence = signals >= 2.5 ? 0.92 : signals >= 2 ? 0.85 : 0;
  }
  if (!confidence) return NOT_BOUNCE(evidence.length ? [...evidence, "not enough bounce signals"] : ["no bounce signal"], evidence.length ? 0.7 : 0.95);

  // Who failed, with what status.
  const returned = findReturnedMessage(mail);
  const originalSender = new Set([...mail.to, returned?.from].filter((x): x is string => !!x));
  const rcpt = dsn ? failingRecipient(dsn) : null;
  // Final-Recipient can be an internal route ("@relay:user@ims_daemon"); then Original-Recipient is the address we sent to.
  let failedRecipient =
    [rcpt?.finalRecipient, rcpt?.originalRecipient].find((a) => a && PLAUSIBLE.test(a)) ?? rcpt?.finalRecipient ?? rcpt?.originalRecipient ?? null;
  if (failedRecipient) evidence.push(`failed recipient from DSN: ${failedRecipient}`);
  if (!failedRecipient && failedHeader.length) failedRecipient = bareAddress(failedHeader[0]);
  if (!failedRecipient) {
    const guess = recipientFromText(text, from, originalSender);
    if (guess) {
      failedRecipient = guess.address;
      evidence.push(`failed recipient from text (${guess.how})`);
    } else if (returned?.to.length === 1) {
      failedRecipient = returned.to[0];
      evidence.push("failed recipient = To of the returned message");
    }
  }

  let status = rcpt?.status ?? statusCode(rcpt?.diagnostic) ?? null;
  const delayed = rcpt ? rcpt.action === "delayed" || !!rcpt.status?.startsWith("4") : DELAY_TEXT.test(subject) || /\bdelayed\b|still being retried|could not send message for past/i.test(report);
  if (!status) status = statusCode(report.replace(/\b\d+\.\d+\.\d+\.\d+\b/g, ""), true);
  if (!status) {
    // RFC 3463 class-only codes when the MTA gave no enhanced code.
    const smtp = report.match(/\b([45])\d\d[ -]/);
    status = delayed ? "4.0.0" : smtp ? `${smtp[1]}.0.0` : "5.0.0";
    evidence.push(`status inferred as ${status}`);
  }
  if (delayed && status.startsWith("5") && rcpt?.action === "delayed") status = `4${status.slice(1)}`;
  const permanent = status.startsWith("5") && !(delayed && !rcpt);

  const originalRecipients = [
    ...new Set([...(dsn?.recipients.map((r) => r.originalRecipient).filter((x): x is string => !!x) ?? []), ...(returned?.to ?? []), ...(returned?.cc ?? [])]),
  ];
  return {
    isBounce: true,
    confidence,
    evidence,
    failedRecipient,
    status,
    permanent,
    ...(returned?.messageId ? { originalMessageId: returned.messageId } : {}),
    ...(returned?.inReplyTo ? { originalInReplyTo: returned.inReplyTo } : {}),
    ...(returned?.references.length ? { originalReferences: returned.references } : {}),
    ...(originalRecipients.length ? { originalRecipients } : {}),
  };
}
