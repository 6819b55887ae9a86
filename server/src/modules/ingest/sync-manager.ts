import { and, eq } from "drizzle-orm";
import type { AppContext } from "../../context.ts";
import { mailboxes } from "../../db/schema/mailboxes.ts";
import { MAILBOX_EVENTS } from "../mailboxes/service.ts";
import { ImapMailboxSync, type ImapSyncOptions } from "./imap-sync.ts";

/**
 * Runs one sync loop per enabled IMAP mailbox, starts loops for mailboxes
 * added through the API, and routes "sync now" requests. One manager per
 * process that should sync (the worker process).
 */
export class MailboxSyncManager {
  private readonly loops = new Map<number, ImapMailboxSync>();
  private running = false;
  private readonly onCreated = ({ id }: { id: number }) => void this.ensure(id);
  private readonly onSyncRequested = ({ id }: { id: number }) => {
    const loop = this.loops.get(id);
    if (loop?.running) return loop.requestSync();
    // No loop, or one that ended (mailbox was disabled): start afresh if it is wanted now.
    this.loops.delete(id);
    void this.ensure(id);
  };

  constructor(
    private readonly ctx: AppContext,
    private readonly opts: ImapSyncOptions = {},
  ) {}

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.ctx.events.on(MAILBOX_EVENTS.created, this.onCreated);
    this.ctx.events.on(MAILBOX_EVENTS.syncRequested, this.onSyncRequested);
    const rows = await this.ctx.db
      .select({ id: mailboxes.id })
      .from(mailboxes)
      .where(and(eq(mailboxes.kind, "imap"), eq(mailboxes.enabled, true)));
    for (const r of rows) this.startLoop(r.id);
  }

  /** Start the loop of a mailbox if it is an enabled IMAP mailbox without one. */
  async ensure(id: number): Promise<void> {
    if (!this.running || this.loops.has(id)) return;
    const [m] = await this.ctx.db.select().from(mailboxes).where(eq(mailboxes.id, id));
    if (m && m.kind === "imap" && m.enabled) this.startLoop(id);
  }

  private startLoop(id: number) {
    if (this.loops.has(id)) return;
    const loop = new ImapMailboxSync(this.ctx, id, this.opts);
    this.loops.set(id, loop);
    loop.start();
  }

  get(id: number): ImapMailboxSync | undefined {
    return this.loops.get(id);
  }

  /** Stop every loop: connections logged out, nothing half-recorded. */
  async stop(): Promise<void> {
    this.running = false;
    this.ctx.events.off(MAILBOX_EVENTS.created, this.onCreated);
    this.ctx.events.off(MAILBOX_EVENTS.syncRequested, this.onSyncRequested);
    const loops = [...this.loops.values()];
    this.loops.clear();
    await Promise.all(loops.map((l) => l.stop()));
  }
}
