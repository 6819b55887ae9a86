import { asc, eq } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { messages } from "../../db/schema/messages.ts";
import { messageMailboxes } from "../../db/schema/message-mailboxes.ts";
import { mailboxes } from "../../db/schema/mailboxes.ts";
import { contacts } from "../../db/schema/contacts.ts";
import { company } from "../../db/schema/company.ts";

/**
 * Who a reply goes to and from, decided by code only — never by the email's
 * text or the LLM. To: the original sender; its Reply-To only when that
 * address is a known contact of the debtor (a stranger's Reply-To is the
 * oldest phishing trick). From: the shared mailbox the email came in.
 */
export interface ReplyRouting {
  mailboxId: number | null;
  fromAddress: string | null;
  to: string[];
  /** Addresses a collector may pick when editing: the sender, and the debtor's contacts. */
  allowedRecipients: string[];
  inReplyTo: string | null;
  references: string[];
}

const angle = (id: string) => (id.startsWith("<") ? id : `<${id}>`);
const lower = (s: string | null | undefined) => (s ? s.trim().toLowerCase() : null);

export async function replyRouting(tx: Tx, input: { messageId: number; debtorId: number }): Promise<ReplyRouting> {
  const [msg] = await tx
    .select({ fromAddress: messages.fromAddress, replyTo: messages.replyTo, messageId: messages.messageId, references: messages.references, inReplyTo: messages.inReplyTo })
    .from(messages)
    .where(eq(messages.id, input.messageId));
  if (!msg) throw new Error(`message ${input.messageId} not found`);
  const [link] = await tx
    .select({ mailbox: mailboxes })
    .from(messageMailboxes)
    .innerJoin(mailboxes, eq(mailboxes.id, messageMailboxes.mailboxId))
    .where(eq(messageMailboxes.messageId, input.messageId))
    .orderBy(asc(messageMailboxes.id))
    .limit(1);
  const [co] = await tx.select({ arMailbox: company.arMailbox, domains: company.domains }).from(company).limit(1);
  const contactEmails = (await tx.select({ email: contacts.email }).from(contacts).where(eq(contacts.debtorId, input.debtorId))).map((c) => c.email.toLowerCase());

  const ours = new Set([lower(link?.mailbox.address), lower(co?.arMailbox)].filter(Boolean) as string[]);
  const ourDomains = new Set((co?.domains ?? []).map((d) => d.toLowerCase()));
  const isOurs = (a: string) => ours.has(a) || ourDomains.has(a.slice(a.lastIndexOf("@") + 1));

  const from = lower(msg.fromAddress);
  const replyTo = lower(msg.replyTo);
  let to: string | null = from;
  if (replyTo && replyTo !== from && contactEmails.includes(replyTo)) to = replyTo;
  // Mail from our own side (an internal forward) has no debtor to answer: a collector picks a contact.
  if (to && isOurs(to)) to = null;

  const allowed = new Set<string>(contactEmails);
  if (from && !isOurs(from)) allowed.add(from);

  const refs = [...msg.references.map(angle)];
  if (msg.inReplyTo && !refs.includes(angle(msg.inReplyTo))) refs.push(angle(msg.inReplyTo));
  if (msg.messageId) refs.push(angle(msg.messageId));
  return {
    mailboxId: link?.mailbox.id ?? null,
    fromAddress: link?.mailbox.address ?? co?.arMailbox ?? null,
    to: to ? [to] : [],
    allowedRecipients: [...allowed].sort(),
    inReplyTo: msg.messageId ? angle(msg.messageId) : null,
    // Long threads: keep the first and the last references, as RFC 5322 suggests.
    references: refs.length > 20 ? [refs[0], ...refs.slice(-19)] : refs,
  };
}
