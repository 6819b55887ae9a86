import { and, eq, inArray, or, sql } from "drizzle-orm";
import type { AppContext } from "../../context.ts";
import type { Tx } from "../../db/client.ts";
import { messages } from "../../db/schema/messages.ts";
import { messageRaw } from "../../db/schema/message-raw.ts";
import { attachments } from "../../db/schema/attachments.ts";
import { messageMailboxes } from "../../db/schema/message-mailboxes.ts";
import { enqueue } from "../../jobs/enqueue.ts";
import { contentHash } from "./content-hash.ts";
import { parseMessage, type ParsedMessage } from "./parse-message.ts";
import { messageValues, attachmentValues } from "./message-row.ts";

// A JS string holds at most ~512M chars and PGlite sends bytea hex-encoded, so
// a message above this cannot be written as one value. Only pathological mail
// gets near it; importers and the IMAP sync report such a message instead of crashing.
export const MAX_STORABLE_BYTES = 200 * 1024 * 1024;

/** Queue of the post-storage processing job (classification etc.), one job per new message. */
export const PROCESS_MESSAGE_QUEUE = "process-message";

export type ParseStatus = ParsedMessage["parseStatus"];

export interface StoreInput {
  /** The RFC 822 bytes exactly as received. */
  raw: Buffer;
  mailboxId: number;
  uidValidity?: number | null;
  uid?: number | null;
  /** Delivery time (IMAP INTERNALDATE); imports fall back to the Date header. */
  receivedAt?: Date;
}

export interface StoreResult {
  messageId: number;
  /** stored: new message; linked: known message, new mailbox link; duplicate: already there. */
  status: "stored" | "duplicate" | "linked";
  parseStatus: ParseStatus;
}

/** Store one message: see storeMessages. */
export async function storeMessage({ ctx, input }: { ctx: AppContext; input: StoreInput }): Promise<StoreResult> {
  const [result] = await storeMessages({ ctx, input: [input] });
  return result;
}

const isUniqueViolation = (err: unknown) =>
  (err as { code?: string })?.code === "23505" || (err as { cause?: { code?: string } })?.cause?.code === "23505";

/**
 * Store a batch of messages in one transaction, duplicate-free: a (mailbox,
 * uidValidity, uid) already linked is skipped before parsing; a content hash
 * already stored (same message from another mailbox, or a re-import) only gains
 * a mailbox link. New messages get their raw bytes, attachments and a
 * process-message job in the same transaction. `inTransaction` runs last inside
 * it, so a caller can record sync progress atomically with the rows.
 */
export async function storeMessages({
  ctx,
  input,
  inTransaction,
}: {
  ctx: AppContext;
  input: StoreInput[];
  inTransaction?: (tx: Tx, results: StoreResult[]) => Promise<void>;
}): Promise<StoreResult[]> {
  if (!input.length) {
    if (inTransaction) await ctx.db.transaction((tx) => inTransaction(tx, []));
    return [];
  }
  let prepared = await prepare(ctx, input);
  for (let attempt = 1; ; attempt++) {
    try {
      const { results, stored } = await ctx.db.transaction(async (tx) => {
        const out = await write(tx, input, prepared);
        if (inTransaction) await inTransaction(tx, out.results);
        return out;
      });
      afterCommit(ctx, stored);
      return results;
    } catch (err) {
      // Another worker committed the same message between our lookup and insert:
      // the next attempt sees its row and links to it.
      if (isUniqueViolation(err) && attempt < 4) {
        prepared = await prepare(ctx, input);
        continue;
      }
      if (input.length > 1 || prepared.fallback[0]) throw err;
      // One message whose parsed fields the database refuses: keep it losslessly
      // as raw + error rather than lose it.
      prepared.fallback[0] = true;
      const p = prepared.parsed.get(prepared.hashes[0]!);
      if (p) prepared.parsed.set(p.contentHash, rawOnly(p, err));
    }
  }
}

interface Prepared {
  /** Per input: the link it already has (mailbox+UID seen before), if any. */
  known: Array<{ messageId: number; parseStatus: ParseStatus } | undefined>;
  hashes: Array<string | undefined>;
  existing: Map<string, { id: number; parseStatus: ParseStatus }>;
  parsed: Map<string, ParsedMessage>;
  fallback: boolean[];
}

/** Everything that needs no transaction: UID lookups, hashing, parsing. */
async function prepare(ctx: AppContext, input: StoreInput[]): Promise<Prepared> {
  const known: Prepared["known"] = new Array(input.length).fill(undefined);
  const withUid = input.filter((i) => i.uid != null && i.uidValidity != null);
  if (withUid.length) {
    const rows = await ctx.db
      .select({
        mailboxId: messageMailboxes.mailboxId,
        uidValidity: messageMailboxes.uidValidity,
        uid: messageMailboxes.uid,
        messageId: messageMailboxes.messageId,
        parseStatus: messages.parseStatus,
      })
      .from(messageMailboxes)
      .innerJoin(messages, eq(messages.id, messageMailboxes.messageId))
      .where(
        or(
          ...withUid.map((i) =>
            and(
              eq(messageMailboxes.mailboxId, i.mailboxId),
              eq(messageMailboxes.uidValidity, i.uidValidity!),
              eq(messageMailboxes.uid, i.uid!),
            ),
          ),
        ),
      );
    const byKey = new Map(rows.map((r) => [`${r.mailboxId}/${r.uidValidity}/${r.uid}`, r]));
    input.forEach((i, n) => {
      const r = byKey.get(`${i.mailboxId}/${i.uidValidity}/${i.uid}`);
      if (r) known[n] = { messageId: r.messageId, parseStatus: r.parseStatus as ParseStatus };
    });
  }
  const hashes = input.map((i, n) => (known[n] ? undefined : contentHash(i.raw)));
  const wanted = [...new Set(hashes.filter((h): h is string => !!h))];
  const existing = new Map<string, { id: number; parseStatus: ParseStatus }>();
  if (wanted.length) {
    const rows = await ctx.db
      .select({ id: messages.id, contentHash: messages.contentHash, parseStatus: messages.parseStatus })
      .from(messages)
      .where(inArray(messages.contentHash, wanted));
    for (const r of rows) existing.set(r.contentHash, { id: r.id, parseStatus: r.parseStatus as ParseStatus });
  }
  // Only messages never seen are parsed: a re-import or a second mailbox costs a hash.
  const parsed = new Map<string, ParsedMessage>();
  for (let n = 0; n < input.length; n++) {
    const h = hashes[n];
    if (!h || existing.has(h) || parsed.has(h)) continue;
    const p = await parseMessage(input[n].raw, ctx.env.MAX_MESSAGE_BYTES);
    // parse-message hashes the same bytes the same way; key by our hash regardless.
    parsed.set(h, { ...p, contentHash: h });
  }
  return { known, hashes, existing, parsed, fallback: [false] };
}

function rawOnly(p: ParsedMessage, err: unknown): ParsedMessage {
  return {
    ...p,
    parseStatus: "parse_error",
    parseError: `parsed fields could not be stored (${String((err as Error)?.message ?? err).slice(0, 300)}); raw message kept`,
    fromName: null,
    to: [],
    cc: [],
    subject: p.subject ? p.subject.replace(/[^\x20-\x7e]/g, "?") : null,
    headers: {},
    text: null,
    html: null,
    attachments: [],
    references: [],
    messageId: p.messageId?.replace(/[^\x20-\x7e]/g, "?") ?? null,
    inReplyTo: null,
    replyTo: null,
    fromAddress: p.fromAddress?.replace(/[^\x20-\x7e]/g, "?") ?? null,
  };
}

async function write(tx: Tx, input: StoreInput[], prep: Prepared) {
  // New rows first; ON CONFLICT on the unique content_hash index makes a
  // concurrent writer of the same message wait, then find it instead of duplicating it.
  const firstIndex = new Map<string, number>();
  prep.hashes.forEach((h, n) => h && prep.parsed.has(h) && !firstIndex.has(h) && firstIndex.set(h, n));
  const fresh = [...firstIndex.entries()];
  const inserted = fresh.length
    ? await tx
        .insert(messages)
        .values(fresh.map(([h, n]) => messageValues(prep.parsed.get(h)!, input[n].receivedAt)))
        .onConflictDoNothing({ target: messages.contentHash })
        .returning({ id: messages.id, contentHash: messages.contentHash })
    : [];
  const ids = new Map<string, { id: number; parseStatus: ParseStatus }>(prep.existing);
  for (const r of inserted) ids.set(r.contentHash, { id: r.id, parseStatus: prep.parsed.get(r.contentHash)!.parseStatus });
  const lost = fresh.map(([h]) => h).filter((h) => !ids.has(h));
  if (lost.length) {
    const rows = await tx
      .select({ id: messages.id, contentHash: messages.contentHash, parseStatus: messages.parseStatus })
      .from(messages)
      .where(inArray(messages.contentHash, lost));
    for (const r of rows) ids.set(r.contentHash, { id: r.id, parseStatus: r.parseStatus as ParseStatus });
  }

  if (inserted.length) {
    await tx.insert(messageRaw).values(inserted.map((r) => ({ messageId: r.id, raw: input[firstIndex.get(r.contentHash)!].raw })));
    const atts = inserted.flatMap((r) => prep.parsed.get(r.contentHash)!.attachments.map((a) => attachmentValues(r.id, a)));
    for (let i = 0; i < atts.length; i += 200) await tx.insert(attachments).values(atts.slice(i, i + 200));
    await enqueue(tx, inserted.map((r) => ({ queue: PROCESS_MESSAGE_QUEUE, payload: { messageId: r.id } })));
  }

  // Links: one per (message, mailbox). A re-seen message under a new
  // UIDVALIDITY (or an import later seen over IMAP) moves its link to the new UID.
  const linkOf = new Map<string, number>();
  const links: Array<{ messageId: number; mailboxId: number; uidValidity: number | null; uid: number | null }> = [];
  input.forEach((it, n) => {
    const h = prep.hashes[n];
    if (!h) return;
    const key = `${ids.get(h)!.id}/${it.mailboxId}`;
    if (linkOf.has(key)) return;
    linkOf.set(key, n);
    links.push({ messageId: ids.get(h)!.id, mailboxId: it.mailboxId, uidValidity: it.uidValidity ?? null, uid: it.uid ?? null });
  });
  const linked = links.length
    ? await tx
        .insert(messageMailboxes)
        .values(links)
        .onConflictDoUpdate({
          target: [messageMailboxes.messageId, messageMailboxes.mailboxId],
          set: { uidValidity: sql`excluded.uid_validity`, uid: sql`excluded.uid` },
          setWhere: sql`excluded.uid is not null and (${messageMailboxes.uid} is null or ${messageMailboxes.uidValidity} is distinct from excluded.uid_validity)`,
        })
        .returning({ messageId: messageMailboxes.messageId, mailboxId: messageMailboxes.mailboxId, fresh: sql<boolean>`(xmax = 0)` })
    : [];
  const newLinks = new Set(linked.filter((l) => l.fresh === true || String(l.fresh) === "true").map((l) => `${l.messageId}/${l.mailboxId}`));

  const insertedHashes = new Set(inserted.map((r) => r.contentHash));
  const results: StoreResult[] = input.map((it, n) => {
    const k = prep.known[n];
    if (k) return { messageId: k.messageId, status: "duplicate", parseStatus: k.parseStatus };
    const h = prep.hashes[n]!;
    const m = ids.get(h)!;
    const key = `${m.id}/${it.mailboxId}`;
    const status =
      insertedHashes.has(h) && firstIndex.get(h) === n ? "stored" : linkOf.get(key) === n && newLinks.has(key) ? "linked" : "duplicate";
    return { messageId: m.id, status, parseStatus: m.parseStatus };
  });
  return { results, stored: inserted.map((r) => r.id) };
}

function afterCommit(ctx: AppContext, stored: number[]) {
  for (const id of stored) ctx.events.emit("message.stored", { id });
  if (stored.length) ctx.events.emit("jobs.enqueued", { queue: PROCESS_MESSAGE_QUEUE, count: stored.length });
}
