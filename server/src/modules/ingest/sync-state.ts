import { and, eq, sql } from "drizzle-orm";
import type { AppContext } from "../../context.ts";
import type { Tx } from "../../db/client.ts";
import { mailboxSyncState } from "../../db/schema/mailbox-sync-state.ts";

/** idle | syncing | idling | error | disconnected | stopped */
export type SyncStatus = "idle" | "syncing" | "idling" | "error" | "disconnected" | "stopped";

export const SYNC_STATUS_EVENT = "mailbox.sync.status";

/** The sync position of a mailbox, creating its row on first use. */
export async function loadSyncState(ctx: AppContext, mailboxId: number) {
  await ctx.db.insert(mailboxSyncState).values({ mailboxId }).onConflictDoNothing();
  const [s] = await ctx.db.select().from(mailboxSyncState).where(eq(mailboxSyncState.mailboxId, mailboxId));
  return { uidValidity: s.uidValidity, lastUid: s.lastUid };
}

export async function setSyncStatus(ctx: AppContext, mailboxId: number, status: SyncStatus, error: string | null) {
  await ctx.db
    .insert(mailboxSyncState)
    .values({ mailboxId, status, lastError: error })
    .onConflictDoUpdate({ target: mailboxSyncState.mailboxId, set: { status, lastError: error, updatedAt: new Date() } });
  ctx.events.emit(SYNC_STATUS_EVENT, { mailboxId, status, error });
}

/**
 * The folder was recreated (new UIDVALIDITY): every old UID is meaningless, so
 * start again from UID 0 under the new validity. Messages already stored are
 * recognised by their content hash and only get their link moved.
 */
export async function resetForUidValidity(ctx: AppContext, mailboxId: number, uidValidity: number) {
  await ctx.db
    .update(mailboxSyncState)
    .set({ uidValidity, lastUid: 0, messagesSeen: 0, updatedAt: new Date() })
    .where(eq(mailboxSyncState.mailboxId, mailboxId));
  return { uidValidity, lastUid: 0 };
}

/**
 * Advance lastUid; called inside the transaction that stored the messages up
 * to `upTo`, so progress is never recorded for rows that are not committed.
 */
export async function recordProgress(tx: Tx, mailboxId: number, uidValidity: number, upTo: number, seen: number) {
  await tx
    .update(mailboxSyncState)
    .set({
      lastUid: sql`greatest(${mailboxSyncState.lastUid}, ${upTo})`,
      messagesSeen: sql`${mailboxSyncState.messagesSeen} + ${seen}`,
      lastSyncAt: new Date(),
      updatedAt: new Date(),
    })
    .where(and(eq(mailboxSyncState.mailboxId, mailboxId), eq(mailboxSyncState.uidValidity, uidValidity)));
}
