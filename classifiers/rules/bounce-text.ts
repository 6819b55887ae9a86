import { bareAddress } from "./headers.ts";

/**
 * Non-standard bounces: what MTAs that do not send RFC 3464 reports (Exim,
 * qmail, old Exchange, Notes, webmail providers) write in subjects and bodies.
 */

export const BOUNCE_SUBJECT =
  /^\s*(?:(?:fwd?|tr|wg|doorst|rv|i)\s*:\s*)*(?:\*\*\s*)?(?:undeliver(?:able|ed)|non[- ]remis|non recapitabile|non distribuibile|unzustellbar|nicht zustellbar|onbestelbaar|niet (?:bezorgd|afgeleverd)|no (?:se puede )?entregado|não entregue|niedostarczalne|returned mail|mail delivery (?:failed|failure|status)|mail failure|message delivery has failed|delivery (?:status notification \((?:failure|delay)|notification: delivery has (?:failed|been delayed)|failure|has failed|status notification: (?:error|failed|failure|delayed|warning))|delivery status notification \(mail delivery delayed\)|failure notice|delayed mail|warning: (?:message .* delayed|could not send message)|mail system error|notice: mail delivery status|postmaster notify|nondeliverable|zustellung fehlgeschlagen|échec de (?:la )?remise|echec de (?:la )?remise|message you sent blocked|email delivery failure|\[postmaster\] email delivery failure|sorry, your message could not be delivered|mail could not be delivered|mail failed, returning|undeliverable mail|delivery report$|delivery status$|delivery status notification$|ваше сообщение не доставлено|メールエラー通知|returned mail:|mail delivery failed)/i;

/** Phrases of DSN bodies, in the languages MTAs ship. Matched on the report part only. */
export const BOUNCE_BODY: Array<[RegExp, string]> = [
  [/this message was created automatically by mail delivery software/i, "exim body"],
  [/this is the qmail-send program/i, "qmail body"],
  [/i'?m afraid i wasn'?t able to deliver your message/i, "qmail body"],
  [/this is the mail system at host/i, "postfix body"],
  [/(?:could not|couldn'?t|cannot|can'?t) be delivered to one or more (?:of its )?recipients/i, "not delivered to recipients"],
  [/delivery has failed to these recipients or groups/i, "exchange body"],
  [/(?:your|the) (?:message|e-?mail)[^.\n]{0,80}(?:could not|couldn'?t|cannot|wasn'?t|was not|has not been|could not be) (?:be )?(?:delivered|sent)/i, "message not delivered"],
  [/the following (?:address(?:es)?|recipients?)[^\n]{0,40}(?:failed|fatal errors|undeliverable|not be delivered)/i, "failed recipients list"],
  [/delivery to the following recipients? (?:failed|has been delayed|was aborted)/i, "gmail body"],
  [/the original message was received at/i, "sendmail body"],
  [/(?:unable|not able) to deliver (?:the |your )?message/i, "unable to deliver"],
  [/there was an error delivering your mail/i, "error delivering"],
  [/message (?:could not|cannot) be delivered/i, "message undeliverable"],
  [/(?:was|were) not delivered to/i, "not delivered to"],
  [/(?:has not yet been delivered|still being retried|could not send message for past|delivery (?:has been|is) delayed|delivery attempts will continue)/i, "delayed delivery"],
  [/ihre nachricht konnte nicht[^.\n]{0,60}zugestellt werden/i, "german body"],
  [/(?:konnte|kann) nicht zugestellt werden/i, "german body"],
  [/votre message n'?a pas pu être (?:remis|distribué|délivré)/i, "french body"],
  [/(?:la remise|l'?envoi) (?:du message )?a échoué/i, "french body"],
  [/(?:uw|je) bericht (?:kan|kon) niet (?:worden )?(?:bezorgd|afgeleverd)/i, "dutch body"],
  [/(?:kan|kon) niet (?:worden )?bezorgd/i, "dutch body"],
  [/permanent (?:fatal )?error|permanent failure|smtp error from remote mail server/i, "permanent error"],
  [/did not reach the following recipient/i, "exchange 2003 body"],
  [/could not be delivered to:?/i, "could not be delivered to"],
  [/automatically generated delivery status notification/i, "DSN wording"],
  [/transcript of session follows/i, "SMTP transcript"],
  [/delivery to the following recipients was aborted|delevery to the following recipients/i, "delivery aborted"],
  [/送信できませんでした|配信できませんでした|送信に失敗しました|届けることができませんでした/, "japanese body"],
  [/не (?:может быть )?доставлено|не удалось доставить/i, "russian body"],
  [/(?:e-?mail|message) you sent was rejected|(?:ihre nachricht|ihre e-?mail) wurde abgelehnt|votre message a été rejeté|uw bericht is geweigerd/i, "message rejected"],
  [/user unknown|mailbox (?:unavailable|full|not found)|no such (?:user|recipient|mailbox)|address not found|recipient address rejected/i, "recipient error"],
];

/** Returned-message separators: the report part is what comes before. */
const SEPARATORS = [
  /^[ \t]*-{2,}[^\n]*(?:copy of|original (?:message|mail)|returned message|message headers|undelivered message|below this line|unsent message|message follows|headers of)/im,
  /^[ \t]*(?:message headers follow|original message headers|------ this is a copy)/im,
  /^(?:return-path|received):[ \t]/im,
];

/** The part of a bounce body written by the MTA, without the returned message. */
export function reportPart(text: string): string {
  let cut = text.length;
  for (const re of SEPARATORS) {
    const m = re.exec(text);
    if (m && m.index > 0 && m.index < cut) cut = m.index;
  }
  return text.slice(0, cut);
}

/** Lines after which MTAs list the failed addresses, most specific first. */
const STRONG_ANCHORS = [
  /following address(?:\(es\)|es)?\s+failed/i,
  /following addresses had (?:permanent )?(?:fatal errors|delivery (?:errors|problems))/i,
  /delivery has failed to these recipients or groups/i,
  /failed permanently|has been delayed to|delivery to the following recipients?/i,
  /error delivering your mail to/i,
  /did not reach the following recipient/i,
  /following recipients was aborted|delevery to the following recipients/i,
  /undeliverable to|not able to deliver your message to the following addresses|unable to deliver (?:the |your )?message to/i,
  /以下のメールアドレスへの送信に失敗しました|以下の宛先/,
];
const WEAK_ANCHORS = [
  /(?:could not|couldn'?t|was not|wasn'?t|cannot) (?:be )?deliver(?:ed)? (?:your message )?to(?! one or more)(?: the following)?/i,
  /RCPT TO:/i,
  /(?:recipient|address|destinataire|empfänger|ontvanger)s?[^\n]{0,20}:/i,
];

const ADDRESS = /<?([A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+)>?/g;
const DAEMON = /^(?:mailer-daemon|mail-daemon|mailerdaemon|post_?master|poostmaster|double-bounce|bounces?|mail\.?delivery|nobody)$/i;

/** Addresses in order of appearance. */
export function addressesIn(text: string): Array<{ address: string; index: number }> {
  const out: Array<{ address: string; index: number }> = [];
  for (const m of text.matchAll(ADDRESS)) {
    const a = bareAddress(m[1]);
    if (a) out.push({ address: a, index: m.index ?? 0 });
  }
  return out;
}

/**
 * Best guess at the failed recipient of a non-standard bounce: the first
 * address after a "failed to these recipients" style anchor, else a line that
 * starts with an address (qmail "<a@b>:", Postfix "<a@b> (expanded from…)"),
 * else the first address that is neither the bounce's sender, its recipient
 * (the original sender) nor a daemon.
 */
export function recipientFromText(text: string, from: string | null, originalSender: Set<string>): { address: string; how: string } | null {
  const report = reportPart(text);
  const notDaemon = (a: string) => a !== from && !DAEMON.test(a.split("@")[0]);
  // Addresses MTAs mention that are not recipients: "please contact <x>", header lines of the original, Message-IDs.
  const mentioned = (index: number) => /(?:contact|send mail to|write to|message-id:?|from:|reply-to:)\s*<?[^\n<]{0,3}$/i.test(report.slice(Math.max(0, index - 40), index));
  const pick = (window: string, offset: number) => {
    const all = addressesIn(window).filter((x) => x.address !== from && !mentioned(offset + x.index));
    // After an anchor the MTA names the recipient; anonymised samples and mail to self can equal the original sender.
    return all.find((x) => !originalSender.has(x.address)) ?? all[0];
  };
  for (const anchor of STRONG_ANCHORS) {
    const m = anchor.exec(report);
    const hit = m && pick(report.slice(m.index, m.index + 600), m.index);
    if (hit) return { address: hit.address, how: `after "${m[0].trim()}"` };
  }
  const lineStart = report.match(/^[ \t]*<([^<>\s]+@[^<>\s]+)>/m) ?? report.match(/^[ \t]*([^\s<>@:]+@[^\s<>:]+\.[A-Za-z]{2,})[ \t]*:?[ \t]*$/m);
  if (lineStart) {
    const a = bareAddress(lineStart[1]);
    if (a && notDaemon(a)) return { address: a, how: "address at line start" };
  }
  for (const anchor of WEAK_ANCHORS) {
    const m = anchor.exec(report);
    const hit = m && pick(report.slice(m.index, m.index + 600), m.index);
    if (hit) return { address: hit.address, how: `after "${m[0].trim()}"` };
  }
  const all = addressesIn(report).filter((x) => notDaemon(x.address) && !mentioned(x.index));
  const any = all.find((x) => !originalSender.has(x.address)) ?? all[0];
  if (any) return { address: any.address, how: "first foreign address in report" };
  return null;
}

export const isDaemonAddress = (address: string | null) => !!address && DAEMON.test(address.split("@")[0]);
