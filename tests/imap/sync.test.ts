import { describe, it, expect, beforeAll, afterAll, afterEach } from "vitest";
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { freshContext } from "../helpers/context.ts";
import { startDovecot, appendMessages, imapClient, type Dovecot } from "../helpers/dovecot.ts";
import type { AppContext } from "../../server/src/context.ts";
import { createMailbox, getMailbox } from "../../server/src/modules/mailboxes/service.ts";
import { MailboxSyncManager } from "../../server/src/modules/ingest/sync-manager.ts";
import { PROCESS_MESSAGE_QUEUE } from "../../server/src/modules/ingest/store-message.ts";
import { generateMessage } from "../../server/src/bench/generate-messages.ts";

// Against a real Dovecot (Debian dovecot-imapd), started and stopped here.
const FAST = { backoffInitialMs: 100, backoffMaxMs: 1000, idleDelayMs: 50, batchSize: 50 };
const sha = (b: Buffer | Uint8Array) => createHash("sha256").update(b).digest("hex");

async function until<T>(what: string, fn: () => Promise<T | false | null | undefined>, timeoutMs = 180_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("IMAP sync against Dovecot", () => {
  let dovecot: Dovecot;
  let ctx: AppContext;
  let manager: MailboxSyncManager | null = null;
  const backfill = Array.from({ length: 1000 }, (_, i) => generateMessage(i, 7));

  beforeAll(async () => {
    dovecot = await startDovecot({
      users: [
        { user: "ar", password: "pw-ar" },
        { user: "ar2", password: "pw-ar2" },
      ],
    });
    process.env.RELANCE_TEST_IMAP_PW = "pw-ar";
    await appendMessages(dovecot, "Backfill", backfill);
  }, 300_000);
  afterAll(async () => {
    await dovecot?.stop();
  });
  afterEach(async () => {
    await manager?.stop();
    manager = null;
    await ctx?.database.close();
  });

  const addMailbox = (name: string, folder: string, user = "ar", password = "env:RELANCE_TEST_IMAP_PW") =>
    createMailbox({
      ctx,
      input: {
        name,
        address: `${name}@relance.test`,
        host: dovecot.host,
        port: dovecot.port,
        secure: false,
        user,
        password,
        folder,
        sentFolder: "Sent",
        enabled: true,
      },
    });
  const count = async (q: ReturnType<typeof sql>) => Number((await ctx.database.query<{ n: number }>(q))[0].n);
  const linkCount = (mailboxId: number) => count(sql`select count(*)::int as n from message_mailboxes where mailbox_id = ${mailboxId}`);
  const storedHashes = async (mailboxId: number) =>
    (
      await ctx.database.query<{ raw: Uint8Array }>(
        sql`select r.raw from message_raw r join message_mailboxes l on l.message_id = r.message_id where l.mailbox_id = ${mailboxId}`,
      )
    ).map((r) => sha(r.raw));

  async function expectExactlyOnce(mailboxId: number, expected: Buffer[]) {
    expect(await linkCount(mailboxId)).toBe(expected.length);
    expect(await count(sql`select count(*)::int as n from messages`)).toBe(expected.length);
    expect(await count(sql`select count(distinct uid)::int as n from message_mailboxes where mailbox_id = ${mailboxId}`)).toBe(expected.length);
    expect(await count(sql`select count(*)::int as n from jobs where queue = ${PROCESS_MESSAGE_QUEUE}`)).toBe(expected.length);
    // Lossless: the stored bytes are exactly the bytes that were delivered.
    expect((await storedHashes(mailboxId)).sort()).toEqual(expected.map(sha).sort());
  }

  it("backfills a 1,000-message mailbox, each message exactly once, then sees new mail during IDLE within 2 s", async () => {
    ctx = await freshContext();
    const mb = await addMailbox("backfill", "Backfill");
    manager = new MailboxSyncManager(ctx, FAST);
    await manager.start();
    await until("backfill", async () => (await linkCount(mb.id)) >= 1000);
    await until("idle", async () => (await getMailbox({ ctx, input: { id: mb.id } })).sync?.status === "idling");
    await expectExactlyOnce(mb.id, backfill);
    const view = await getMailbox({ ctx, input: { id: mb.id } });
    expect(view.sync).toMatchObject({ lastUid: 1000, lastError: null });
    expect(view.sync?.uidValidity).toBeGreaterThan(0);
    expect(view.messageCount).toBe(1000);
    expect(view.imap).toMatchObject({ passwordSource: "env", passwordEnvVar: "RELANCE_TEST_IMAP_PW" });

    // New mail while the loop sits in IDLE.
    await new Promise((r) => setTimeout(r, 300));
    const fresh = generateMessage(5000, 7);
    const seen = new Promise<number>((resolve) => ctx.events.once("message.stored", () => resolve(Date.now())));
    const sentAt = Date.now();
    await appendMessages(dovecot, "Backfill", [fresh]);
    const arrivedAt = await Promise.race([seen, new Promise<number>((r) => setTimeout(() => r(-1), 5000))]);
    expect(arrivedAt).toBeGreaterThan(0);
    console.log(`new mail stored ${arrivedAt - sentAt} ms after APPEND (IDLE)`);
    expect(arrivedAt - sentAt).toBeLessThan(2000);
    await until("state", async () => (await getMailbox({ ctx, input: { id: mb.id } })).sync?.lastUid === 1001);
    await expectExactlyOnce(mb.id, [...backfill, fresh]);
    // The test mail stays where it was: remove it so the folder is 1,000 again.
    const c = await imapClient(dovecot);
    await c.mailboxOpen("Backfill");
    await c.messageDelete("1001", { uid: true });
    await c.logout();
  }, 240_000);

  it("survives the server being killed in the middle of a backfill: every message exactly once", async () => {
    ctx = await freshContext();
    const mb = await addMailbox("cut", "Backfill");
    manager = new MailboxSyncManager(ctx, FAST);
    await manager.start();
    await until("partial backfill", async () => (await linkCount(mb.id)) >= 150);
    await dovecot.kill();
    const during = await linkCount(mb.id);
    expect(during).toBeLessThan(1000);
    await until("error recorded", async () => {
      const s = (await getMailbox({ ctx, input: { id: mb.id } })).sync?.status;
      return s === "error" || s === "disconnected";
    });
    await new Promise((r) => setTimeout(r, 300));
    await dovecot.start();
    await until("backfill after reconnect", async () => (await linkCount(mb.id)) >= 1000);
    await until("idle", async () => (await getMailbox({ ctx, input: { id: mb.id } })).sync?.status === "idling");
    await expectExactlyOnce(mb.id, backfill);
  }, 240_000);

  it("resumes where it stopped after its own process stops mid-backfill (lastUid only covers committed rows)", async () => {
    ctx = await freshContext();
    const mb = await addMailbox("restart", "Backfill");
    manager = new MailboxSyncManager(ctx, FAST);
    await manager.start();
    await until("partial backfill", async () => (await linkCount(mb.id)) >= 100);
    await manager.stop();
    const [state] = await ctx.database.query<{ last_uid: number }>(sql`select last_uid from mailbox_sync_state where mailbox_id = ${mb.id}`);
    const lastUid = Number(state.last_uid);
    expect(lastUid).toBeGreaterThan(0);
    expect(lastUid).toBeLessThan(1000);
    // Every UID up to lastUid is committed.
    expect(await count(sql`select count(*)::int as n from message_mailboxes where mailbox_id = ${mb.id} and uid <= ${lastUid}`)).toBe(lastUid);
    manager = new MailboxSyncManager(ctx, FAST);
    await manager.start();
    await until("resumed backfill", async () => (await linkCount(mb.id)) >= 1000);
    await until("idle", async () => (await getMailbox({ ctx, input: { id: mb.id } })).sync?.status === "idling");
    await expectExactlyOnce(mb.id, backfill);
  }, 240_000);

  it("re-syncs a recreated folder (new UIDVALIDITY) without duplicates and records the new validity", async () => {
    ctx = await freshContext();
    const first = Array.from({ length: 20 }, (_, i) => generateMessage(i, 11));
    await appendMessages(dovecot, "Recreated", first);
    const mb = await addMailbox("recreated", "Recreated");
    manager = new MailboxSyncManager(ctx, FAST);
    await manager.start();
    await until("first sync", async () => (await getMailbox({ ctx, input: { id: mb.id } })).sync?.lastUid === 20);
    const v1 = (await getMailbox({ ctx, input: { id: mb.id } })).sync!.uidValidity!;

    // Delete and recreate the folder under the running loop; Dovecot gives it a new UIDVALIDITY.
    const c = await imapClient(dovecot);
    await c.mailboxDelete("Recreated");
    await c.logout();
    await new Promise((r) => setTimeout(r, 1100));
    const extra = generateMessage(20, 11);
    await appendMessages(dovecot, "Recreated", [...first.slice().reverse(), extra]);
    manager.get(mb.id)!.requestSync();

    await until("new validity", async () => {
      const s = (await getMailbox({ ctx, input: { id: mb.id } })).sync;
      return s && s.uidValidity !== v1 && s.lastUid === 21;
    });
    const s = (await getMailbox({ ctx, input: { id: mb.id } })).sync!;
    expect(s.uidValidity).not.toBe(v1);
    await expectExactlyOnce(mb.id, [...first, extra]);
    // Links now point at the new UIDs under the new validity.
    expect(await count(sql`select count(*)::int as n from message_mailboxes where mailbox_id = ${mb.id} and uid_validity = ${s.uidValidity}`)).toBe(21);
  }, 120_000);

  it("stores a message delivered to two mailboxes once, with two links", async () => {
    ctx = await freshContext();
    const base = generateMessage(1, 13).toString("latin1");
    // Each delivery adds its own trace headers; the message is the same.
    const copyA = Buffer.from(`Delivered-To: ar@relance.test\r\nReceived: by mx1; Mon, 1 Jan 2024 10:00:00 +0000\r\n${base}`, "latin1");
    const copyB = Buffer.from(`Delivered-To: ar2@relance.test\r\nReceived: by mx2; Mon, 1 Jan 2024 10:00:01 +0000\r\n${base}`, "latin1");
    await appendMessages(dovecot, "Shared", [copyA], "ar");
    await appendMessages(dovecot, "INBOX", [copyB], "ar2");
    const a = await addMailbox("shared-a", "Shared");
    const b = await addMailbox("shared-b", "INBOX", "ar2", "pw-ar2");
    manager = new MailboxSyncManager(ctx, FAST);
    await manager.start();
    await until("both linked", async () => (await linkCount(a.id)) === 1 && (await linkCount(b.id)) === 1);
    expect(await count(sql`select count(*)::int as n from messages`)).toBe(1);
    const links = await ctx.database.query<{ mailbox_id: number }>(sql`select mailbox_id from message_mailboxes order by mailbox_id`);
    expect(links.map((l) => Number(l.mailbox_id))).toEqual([a.id, b.id]);
    // The first copy stored is kept byte for byte.
    const [raw] = await ctx.database.query<{ raw: Uint8Array }>(sql`select raw from message_raw`);
    expect([sha(copyA), sha(copyB)]).toContain(sha(raw.raw));
  }, 120_000);

  it("records a login failure as an error state and keeps retrying", async () => {
    ctx = await freshContext();
    const mb = await addMailbox("badpw", "INBOX", "ar", "wrong-password");
    manager = new MailboxSyncManager(ctx, FAST);
    await manager.start();
    const view = await until("error state", async () => {
      const v = await getMailbox({ ctx, input: { id: mb.id } });
      return v.sync?.status === "error" ? v : null;
    });
    expect(view.sync?.lastError).toBeTruthy();
    expect(view.imap?.passwordSource).toBe("stored");
    expect(JSON.stringify(view)).not.toContain("wrong-password");
  }, 120_000);
});
