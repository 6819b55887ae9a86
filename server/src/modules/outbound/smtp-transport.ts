import nodemailer from "nodemailer";
import type { AppContext } from "../../context.ts";
import { AppError } from "../../errors.ts";
import type { mailboxes } from "../../db/schema/mailboxes.ts";
import { resolveSecret } from "../mailboxes/service.ts";

type MailboxRow = typeof mailboxes.$inferSelect;
interface SmtpJson {
  host: string;
  port?: number;
  secure?: boolean;
  user?: string;
  password?: string;
}

/**
 * SMTP for replies from a mailbox: the mailbox's own settings (mailboxes.smtp,
 * password possibly `env:VAR`), else the global SMTP_URL
 * (smtp://user:pass@host:port, smtps:// for implicit TLS). Short timeouts:
 * a hanging server must turn into a retry, not a stuck job.
 */
export function smtpTransportFor(ctx: AppContext, mailbox: MailboxRow | null) {
  const timeouts = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };
  const smtp = (mailbox?.smtp ?? null) as SmtpJson | null;
  if (smtp?.host) {
    return nodemailer.createTransport({
      host: smtp.host,
      port: smtp.port ?? 587,
      secure: smtp.secure ?? false,
      auth: smtp.user ? { user: smtp.user, pass: resolveSecret(smtp.password) } : undefined,
      ...timeouts,
    });
  }
  if (ctx.env.SMTP_URL) {
    const url = new URL(ctx.env.SMTP_URL);
    if (!/^smtps?:$/.test(url.protocol)) throw new AppError("UNAVAILABLE", "SMTP_URL must be smtp:// or smtps://");
    const secure = url.protocol === "smtps:";
    return nodemailer.createTransport({
      host: url.hostname,
      port: Number(url.port) || (secure ? 465 : 587),
      secure,
      auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
      // A loopback relay without STARTTLS is a normal set-up; elsewhere nodemailer upgrades when offered.
      ...timeouts,
    });
  }
  throw new AppError("UNAVAILABLE", "No SMTP configured: set the mailbox's SMTP settings or SMTP_URL");
}

/**
 * Whether a failed attempt surely did not deliver. Certain: the server
 * answered with an error code (4xx/5xx: it did not take the message), the
 * connection could not be opened, login or the envelope was refused, the
 * greeting never came. Anything else — a connection closed or timed out
 * mid-conversation — may have happened after the server accepted the body
 * (nodemailer reports those as ECONNECTION/ETIMEDOUT without the stage), so
 * it counts as uncertain: the next attempt looks in Sent first and reuses the
 * Message-ID. Erring towards "uncertain" only costs that look.
 */
export function failureIsCertain(err: unknown): boolean {
  const e = err as { responseCode?: number; code?: string; message?: string };
  if (typeof e?.responseCode === "number" && e.responseCode >= 400) return true;
  if (e?.code && ["EAUTH", "ENOAUTH", "EENVELOPE", "EDNS", "ETLS"].includes(e.code)) return true;
  return /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|getaddrinfo|Greeting never received/i.test(e?.message ?? "");
}
