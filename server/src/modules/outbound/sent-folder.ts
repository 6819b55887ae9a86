import { ImapFlow } from "imapflow";
import type { mailboxes } from "../../db/schema/mailboxes.ts";
import { resolveSecret } from "../mailboxes/service.ts";

type MailboxRow = typeof mailboxes.$inferSelect;

/** The mailbox has an IMAP account to keep a Sent copy in (import-only mailboxes do not). */
export function hasImap(mailbox: MailboxRow | null): mailbox is MailboxRow {
  return Boolean(mailbox && mailbox.kind === "imap" && mailbox.imapHost && mailbox.imapUser && mailbox.imapPassword);
}

async function withImap<T>(mailbox: MailboxRow, fn: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = new ImapFlow({
    host: mailbox.imapHost!,
    port: mailbox.imapPort ?? (mailbox.imapSecure ? 993 : 143),
    secure: mailbox.imapSecure,
    auth: { user: mailbox.imapUser!, pass: resolveSecret(mailbox.imapPassword) },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: 15_000,
  });
  client.on("error", () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/** Whether the Sent folder already holds a mail with this Message-ID (a previous attempt, or a server that files sent mail itself). */
async function present(client: ImapFlow, folder: string, messageId: string): Promise<boolean> {
  const exists = await client.mailboxOpen(folder, { readOnly: true }).then(
    () => true,
    () => false,
  );
  if (!exists) return false;
  const uids = await client.search({ header: { "message-id": messageId } }, { uid: true });
  await client.mailboxClose().catch(() => {});
  return Array.isArray(uids) && uids.length > 0;
}

export async function isInSentFolder(mailbox: MailboxRow, messageId: string): Promise<boolean> {
  return withImap(mailbox, (client) => present(client, mailbox.sentFolder, messageId));
}

/**
 * APPEND the sent bytes to the mailbox's Sent folder (created when missing),
 * marked \Seen, unless a copy with the same Message-ID is already there.
 * Returns "appended" or "present".
 */
export async function appendToSentFolder(mailbox: MailboxRow, messageId: string, raw: Buffer): Promise<"appended" | "present"> {
  return withImap(mailbox, async (client) => {
    if (await present(client, mailbox.sentFolder, messageId)) return "present";
    const list = await client.list();
    if (!list.some((m) => m.path === mailbox.sentFolder)) await client.mailboxCreate(mailbox.sentFolder).catch(() => {});
    await client.append(mailbox.sentFolder, raw, ["\\Seen"]);
    return "appended";
  });
}
