import { ImapFlow, type FetchMessageObject } from "imapflow";
import type { AppContext } from "../../context.ts";
import type { Tx } from "../../db/client.ts";
import { getMailboxRow, resolveSecret, type MailboxRow } from "../mailboxes/service.ts";
import { storeMessages, MAX_STORABLE_BYTES, type StoreInput } from "./store-message.ts";
import { loadSyncState, setSyncStatus, resetForUidValidity, recordProgress } from "./sync-state.ts";

export interface ImapSyncOptions {
  /** UIDs per FETCH of sizes. */
  batchSize?: number;
  /** Bytes of message source per stored batch (one transaction). */
  maxBatchBytes?: number;
  backoffInitialMs?: number;
  backoffMaxMs?: number;
  /** Delay before imapflow enters IDLE once the connection is free. */
  idleDelayMs?: number;
  /** Safety net: re-check the folder this often even if IDLE said nothing. */
  pollIntervalMs?: number;
  connectionTimeoutMs?: number;
}

const sleepOrWake = (ms: number, signal: { wake?: () => void }) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.wake = undefined;
      resolve();
    }
    signal.wake = done;
  });

/**
 * The sync loop of one IMAP mailbox (account + folder): backfill in UID order,
 * then IDLE and fetch what arrives, by UID. lastUid advances in the same
 * transaction as the rows it covers, so a crash re-fetches and never skips; a
 * changed UIDVALIDITY re-syncs the folder, and content-hash dedupe keeps that
 * duplicate-free. Errors and closed connections reconnect with exponential
 * backoff and jitter.
 */
export class ImapMailboxSync {
  private stopped = false;
  private loop: Promise<void> | null = null;
  private client: ImapFlow | null = null;
  private readonly sleeper: { wake?: () => void } = {};
  private kickWaiter: (() => void) | null = null;
  private kicked = false;
  private readonly opts: Required<ImapSyncOptions>;

  constructor(
    private readonly ctx: AppContext,
    readonly mailboxId: number,
    opts: ImapSyncOptions = {},
  ) {
    this.opts = {
      batchSize: opts.batchSize ?? 200,
      maxBatchBytes: opts.maxBatchBytes ?? 16 * 1024 * 1024,
      backoffInitialMs: opts.backoffInitialMs ?? 1000,
      backoffMaxMs: opts.backoffMaxMs ?? 5 * 60_000,
      idleDelayMs: opts.idleDelayMs ?? 200,
      pollIntervalMs: opts.pollIntervalMs ?? 5 * 60_000,
      connectionTimeoutMs: opts.connectionTimeoutMs ?? 30_000,
    };
  }

  /** The loop is alive (connected, syncing, idling or waiting to reconnect). */
  get running(): boolean {
    return this.loop !== null;
  }

  start(): void {
    this.stopped = false;
    this.loop ??= this.run().finally(() => (this.loop = null));
  }

  /** Sync now: wakes a loop waiting in IDLE or in a reconnect backoff. */
  requestSync(): void {
    this.kick();
    this.sleeper.wake?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.sleeper.wake?.();
    this.kick();
    const c = this.client;
    if (c) {
      // LOGOUT politely, but a dead server must not hold up shutdown.
      await Promise.race([c.logout().catch(() => {}), new Promise((r) => setTimeout(r, 2000))]);
      c.close();
    }
    await this.loop;
  }

  private kick() {
    this.kicked = true;
    this.kickWaiter?.();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      try {
        const stillWanted = await this.session(() => (failures = 0));
        if (!stillWanted && !this.stopped) {
          // Mailbox removed, disabled or no longer IMAP: nothing to do.
          return;
        }
      } catch (err) {
        if (this.stopped) break;
        const message = err instanceof Error ? err.message : String(err);
        this.ctx.log.warn("imap sync error", { mailboxId: this.mailboxId, err: message });
        await setSyncStatus(this.ctx, this.mailboxId, "error", message).catch(() => {});
      }
      if (this.stopped) break;
      failures++;
      const base = Math.min(this.opts.backoffMaxMs, this.opts.backoffInitialMs * 2 ** Math.min(failures - 1, 20));
      // Jitter on half the delay: many mailboxes on one server do not reconnect in lockstep.
      await sleepOrWake(base / 2 + Math.random() * (base / 2), this.sleeper);
    }
    await setSyncStatus(this.ctx, this.mailboxId, "stopped", null).catch(() => {});
  }

  /**
   * One connection's life. Returns false when the mailbox should no longer be
   * synced; resolves true when the connection closed (reconnect), throws on error.
   */
  private async session(onHealthy: () => void): Promise<boolean> {
    const m = await getMailboxRow({ ctx: this.ctx, input: { id: this.mailboxId } });
    if (!m || !m.enabled || m.kind !== "imap" || !m.imapHost) return false;
    const client = new ImapFlow({
      host: m.imapHost,
      port: m.imapPort ?? (m.imapSecure ? 993 : 143),
      secure: m.imapSecure,
      auth: { user: m.imapUser ?? "", pass: resolveSecret(m.imapPassword) },
      logger: false,
      autoIdleDelay: this.opts.idleDelayMs,
      maxIdleTime: 4 * 60_000,
      connectionTimeout: this.opts.connectionTimeoutMs,
      clientInfo: { name: "Relance" },
    });
    let lastError: Error | null = null;
    client.on("error", (err: Error) => (lastError = err));
    const closed = new Promise<void>((resolve) => client.once("close", () => resolve()));
    this.client = client;
    try {
      await client.connect();
      if (this.stopped) return true;
      await setSyncStatus(this.ctx, this.mailboxId, "syncing", null);
      // EXAMINE: read-only, so syncing never changes flags in the shared mailbox.
      await client.mailboxOpen(m.folder, { readOnly: true });
      client.on("exists", () => this.kick());
      this.kicked = false;
      await this.syncNew(client, m);
      onHealthy();
      const poll = setInterval(() => this.kick(), this.opts.pollIntervalMs);
      try {
        while (!this.stopped && client.usable) {
          await setSyncStatus(this.ctx, this.mailboxId, "idling", null);
          if (!this.kicked) {
            await Promise.race([closed, new Promise<void>((r) => (this.kickWaiter = r))]);
            this.kickWaiter = null;
          }
          if (this.stopped || !client.usable) break;
          this.kicked = false;
          await this.syncNew(client, m);
        }
      } finally {
        clearInterval(poll);
      }
      if (!this.stopped) {
        await setSyncStatus(this.ctx, this.mailboxId, "disconnected", lastError ? String((lastError as Error).message) : "connection closed");
      }
      return true;
    } finally {
      this.client = null;
      client.removeAllListeners("exists");
      client.close();
    }
  }

  /** Fetch and store every message above lastUid, in UID order, until none is left. */
  private async syncNew(client: ImapFlow, m: MailboxRow): Promise<void> {
    const box = client.mailbox;
    if (!box) throw new Error(`folder ${m.folder} is not open`);
    const uidValidity = Number(box.uidValidity);
    let state = await loadSyncState(this.ctx, this.mailboxId);
    if (state.uidValidity !== uidValidity) {
      if (state.uidValidity !== null) {
        this.ctx.log.warn("UIDVALIDITY changed: re-syncing folder", { mailboxId: this.mailboxId, from: state.uidValidity, to: uidValidity });
      }
      state = await resetForUidValidity(this.ctx, this.mailboxId, uidValidity);
    }
    let lastUid = state.lastUid;
    for (;;) {
      if (this.stopped) return;
      // "n:*" always matches the highest UID even when it is below n: filter.
      const found = await client.search({ uid: `${lastUid + 1}:*` }, { uid: true });
      const uids = (found || []).filter((u) => u > lastUid).sort((a, b) => a - b);
      if (!uids.length) break;
      for (let i = 0; i < uids.length && !this.stopped; i += this.opts.batchSize) {
        lastUid = await this.syncChunk(client, uids.slice(i, i + this.opts.batchSize), uidValidity, lastUid);
      }
    }
    await recordProgress(this.ctx.db, this.mailboxId, uidValidity, lastUid, 0);
  }

  /** Sizes first, then sources in groups bounded by bytes; a too-large message is fetched alone. */
  private async syncChunk(client: ImapFlow, uids: number[], uidValidity: number, lastUid: number): Promise<number> {
    const meta = await client.fetchAll(uids.join(","), { uid: true, size: true }, { uid: true });
    const sizes = new Map(meta.map((x) => [x.uid, x.size ?? 0]));
    const limit = this.ctx.env.MAX_MESSAGE_BYTES;
    let group: number[] = [];
    let bytes = 0;
    const flush = async () => {
      if (!group.length) return;
      const list = group;
      group = [];
      bytes = 0;
      const msgs = await client.fetchAll(list.join(","), { uid: true, source: true, internalDate: true }, { uid: true });
      lastUid = await this.store(msgs.map((x) => this.toInput(x, uidValidity)), list[list.length - 1], uidValidity);
    };
    for (const uid of uids) {
      const size = sizes.get(uid);
      if (size === undefined) continue; // expunged since the search
      if (size > limit) {
        await flush();
        const raw = await this.downloadLarge(client, uid, size);
        lastUid = await this.store(raw ? [{ raw, mailboxId: this.mailboxId, uidValidity, uid }] : [], uid, uidValidity);
        continue;
      }
      if (bytes + size > this.opts.maxBatchBytes) await flush();
      group.push(uid);
      bytes += size;
    }
    await flush();
    // Everything in this chunk is committed (or was expunged): move past it.
    const top = uids[uids.length - 1];
    if (top > lastUid) lastUid = await this.store([], top, uidValidity);
    return lastUid;
  }

  private toInput(x: FetchMessageObject, uidValidity: number): StoreInput {
    const d = x.internalDate ? new Date(x.internalDate) : undefined;
    return {
      raw: x.source ?? Buffer.alloc(0),
      mailboxId: this.mailboxId,
      uidValidity,
      uid: x.uid,
      receivedAt: d && !isNaN(d.getTime()) ? d : undefined,
    };
  }

  /** Stream one big message on its own (never inside a batch); headers only beyond what a bytea can take. */
  private async downloadLarge(client: ImapFlow, uid: number, size: number): Promise<Buffer | null> {
    if (size > MAX_STORABLE_BYTES) {
      const [h] = await client.fetchAll(String(uid), { uid: true, headers: true }, { uid: true });
      const note = `X-Relance-Note: message of ${size} bytes exceeds the ${MAX_STORABLE_BYTES}-byte storable limit; body not downloaded\r\n`;
      return Buffer.concat([Buffer.from(note), h?.headers ?? Buffer.alloc(0)]);
    }
    const dl = await client.download(String(uid), undefined, { uid: true });
    if (!dl.content) return null;
    const parts: Buffer[] = [];
    for await (const chunk of dl.content) parts.push(chunk as Buffer);
    return Buffer.concat(parts);
  }

  /** Store a group and advance lastUid to `upTo` in the same transaction. */
  private async store(items: StoreInput[], upTo: number, uidValidity: number): Promise<number> {
    await storeMessages({
      ctx: this.ctx,
      input: items,
      inTransaction: (tx: Tx) => recordProgress(tx, this.mailboxId, uidValidity, upTo, items.length),
    });
    return upTo;
  }
}

