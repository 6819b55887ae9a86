import { inArray } from "drizzle-orm";
import type { MailInput } from "../../../../classifiers/mail-input.ts";
import type { Tx } from "../../db/client.ts";
import { attachments } from "../../db/schema/attachments.ts";
import { messages } from "../../db/schema/messages.ts";

export type MessageRow = typeof messages.$inferSelect;

/** Build the classifiers' MailInput from a stored message (attachment text, not bytes). */
export async function loadMailInputs(db: Tx, ids: number[]): Promise<Map<number, { row: MessageRow; mail: MailInput }>> {
  const out = new Map<number, { row: MessageRow; mail: MailInput }>();
  if (!ids.length) return out;
  const rows = await db.select().from(messages).where(inArray(messages.id, ids));
  const atts = await db
    .select({
      messageId: attachments.messageId,
      filename: attachments.filename,
      contentType: attachments.contentType,
      size: attachments.size,
      text: attachments.extractedText,
    })
    .from(attachments)
    .where(inArray(attachments.messageId, ids));
  // Grouped once: a batch of mails must not scan every attachment per mail.
  const attsByMessage = new Map<number, typeof atts>();
  for (const a of atts) {
    const list = attsByMessage.get(a.messageId);
    if (list) list.push(a);
    else attsByMessage.set(a.messageId, [a]);
  }
  for (const row of rows) {
    out.set(row.id, {
      row,
      mail: {
        subject: row.subject,
        fromAddress: row.fromAddress,
        fromName: row.fromName,
        to: row.to as string[],
        cc: row.cc as string[],
        date: row.sentAt ?? row.receivedAt,
        messageId: row.messageId,
        inReplyTo: row.inReplyTo,
        references: row.references,
        headers: row.headers as Record<string, string[]>,
        text: row.text,
        html: row.html,
        attachments: (attsByMessage.get(row.id) ?? []).map((a) => ({ filename: a.filename, contentType: a.contentType, size: a.size, text: a.text })),
      },
    });
  }
  return out;
}

export async function loadMailInput(db: Tx, id: number) {
  return (await loadMailInputs(db, [id])).get(id) ?? null;
}

