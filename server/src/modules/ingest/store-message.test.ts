import { describe, it, expect, beforeEach, afterEach } from "vitest";
import { sql } from "drizzle-orm";
import { freshContext } from "../../../../tests/helpers/context.ts";
import type { AppContext } from "../../context.ts";
import { ensureImportMailbox } from "../mailboxes/service.ts";
import { storeMessage, storeMessages, PROCESS_MESSAGE_QUEUE } from "./store-message.ts";

const msg = (n: number, extra = "") =>
  Buffer.from(
    `${extra}From: Acme <ap@acme.example>\r\nTo: ar@relance.test\r\nSubject: Invoice ${n}\r\n` +
      `Date: Mon, 04 Mar 2024 09:00:00 +0000\r\nMessage-ID: <m${n}@acme.example>\r\n\r\nWe will pay invoice ${n}.\r\n`,
  );

describe("storeMessage", () => {
  let ctx: AppContext;
  let a: number;
  let b: number;
  beforeEach(async () => {
    ctx = await freshContext();
    a = (await ensureImportMailbox({ ctx, input: { name: "a" } })).id;
    b = (await ensureImportMailbox({ ctx, input: { name: "b" } })).id;
  });
  afterEach(() => ctx.database.close());

  const n = async (q: ReturnType<typeof sql>) => Number((await ctx.database.query<{ n: number }>(q))[0].n);
  const messageCount = () => n(sql`select count(*)::int as n from messages`);
  const linkCount = () => n(sql`select count(*)::int as n from message_mailboxes`);
  const jobCount = () => n(sql`select count(*)::int as n from jobs where queue = ${PROCESS_MESSAGE_QUEUE}`);

  it("stores raw bytes, parsed fields and a processing job, then announces it", async () => {
    const events: string[] = [];
    ctx.events.on("message.stored", ({ id }) => events.push(`stored:${id}`));
    ctx.events.on("jobs.enqueued", ({ queue }) => events.push(`jobs:${queue}`));
    const r = await storeMessage({ ctx, input: { raw: msg(1), mailboxId: a } });
    expect(r).toMatchObject({ status: "stored", parseStatus: "parsed" });
    const [row] = await ctx.database.query<{ subject: string; from_address: string; raw: Uint8Array }>(
      sql`select m.subject, m.from_address, r.raw from messages m join message_raw r on r.message_id = m.id`,
    );
    expect(row.subject).toBe("Invoice 1");
    expect(row.from_address).toBe("ap@acme.example");
    expect(Buffer.from(row.raw).equals(msg(1))).toBe(true);
    const [job] = await ctx.database.query<{ payload: { messageId: number }; status: string }>(sql`select payload, status from jobs`);
    expect(job).toEqual({ payload: { messageId: r.messageId }, status: "pending" });
    expect(events).toEqual([`stored:${r.messageId}`, `jobs:${PROCESS_MESSAGE_QUEUE}`]);
  });

  it("stores the same message once: duplicate in the same mailbox, linked from another", async () => {
    const first = await storeMessage({ ctx, input: { raw: msg(1), mailboxId: a } });
    const again = await storeMessage({ ctx, input: { raw: msg(1), mailboxId: a } });
    // The copy delivered to mailbox b carries its own trace headers.
    const other = await storeMessage({ ctx, input: { raw: msg(1, "Delivered-To: b@relance.test\r\nReceived: by mx2\r\n"), mailboxId: b } });
    expect([first.status, again.status, other.status]).toEqual(["stored", "duplicate", "linked"]);
    expect(new Set([first.messageId, again.messageId, other.messageId]).size).toBe(1);
    expect([await messageCount(), await linkCount(), await jobCount()]).toEqual([1, 2, 1]);
  });

  it("skips a (mailbox, UIDVALIDITY, UID) it already has, and moves the link on a new UIDVALIDITY", async () => {
    await storeMessage({ ctx, input: { raw: msg(1), mailboxId: a, uidValidity: 100, uid: 5 } });
    const same = await storeMessage({ ctx, input: { raw: msg(1), mailboxId: a, uidValidity: 100, uid: 5 } });
    expect(same.status).toBe("duplicate");
    const moved = await storeMessage({ ctx, input: { raw: msg(1), mailboxId: a, uidValidity: 200, uid: 1 } });
    expect(moved.status).toBe("duplicate");
    const links = await ctx.database.query<{ uid_validity: string; uid: string }>(sql`select uid_validity, uid from message_mailboxes`);
    expect(links.map((l) => [Number(l.uid_validity), Number(l.uid)])).toEqual([[200, 1]]);
  });

  it("never creates two rows when several writers store the same message at once", async () => {
    const results = await Promise.all([
      ...Array.from({ length: 4 }, () => storeMessage({ ctx, input: { raw: msg(7), mailboxId: a } })),
      storeMessage({ ctx, input: { raw: msg(7, "Received: by mx9\r\n"), mailboxId: b } }),
    ]);
    expect(results.filter((r) => r.status === "stored")).toHaveLength(1);
    expect(results.filter((r) => r.status === "linked")).toHaveLength(1);
    expect(new Set(results.map((r) => r.messageId)).size).toBe(1);
    expect([await messageCount(), await linkCount(), await jobCount()]).toEqual([1, 2, 1]);
  });

  it("stores a batch in one transaction, deduplicating inside it", async () => {
    const r = await storeMessages({
      ctx,
      input: [
        { raw: msg(1), mailboxId: a },
        { raw: msg(1), mailboxId: a },
        { raw: msg(2), mailboxId: a },
        { raw: msg(2), mailboxId: b },
      ],
    });
    expect(r.map((x) => x.status)).toEqual(["stored", "duplicate", "stored", "linked"]);
    expect([await messageCount(), await linkCount(), await jobCount()]).toEqual([2, 3, 2]);
  });

  it("rolls everything back when the caller's progress update fails (nothing half-recorded)", async () => {
    await expect(
      storeMessages({
        ctx,
        input: [{ raw: msg(1), mailboxId: a }],
        inTransaction: async () => {
          throw new Error("crash before commit");
        },
      }),
    ).rejects.toThrow("crash before commit");
    expect([await messageCount(), await linkCount(), await jobCount()]).toEqual([0, 0, 0]);
  });

  it("keeps too-large and unparseable messages raw, with their status", async () => {
    const small = await freshContext({ MAX_MESSAGE_BYTES: "100" });
    try {
      const mb = (await ensureImportMailbox({ ctx: small, input: { name: "x" } })).id;
      const big = await storeMessage({ ctx: small, input: { raw: msg(3), mailboxId: mb } });
      expect(big.parseStatus).toBe("too_large");
      const [row] = await small.database.query<{ parse_error: string; subject: string; raw: Uint8Array }>(
        sql`select m.parse_error, m.subject, r.raw from messages m join message_raw r on r.message_id = m.id`,
      );
      expect(row.parse_error).toMatch(/100-byte limit/);
      expect(row.subject).toBe("Invoice 3");
      expect(Buffer.from(row.raw).equals(msg(3))).toBe(true);
    } finally {
      await small.database.close();
    }
    const nul = Buffer.from("Subject: a\x00b\r\nFrom: x@y.example\r\n\r\nbody \x00 with NUL\r\n", "latin1");
    const r = await storeMessage({ ctx, input: { raw: nul, mailboxId: a } });
    expect(r).toMatchObject({ status: "stored", parseStatus: "parse_error" });
    const [row] = await ctx.database.query<{ subject: string; parse_error: string }>(sql`select subject, parse_error from messages`);
    expect(row.subject).toBe("ab");
    expect(row.parse_error).toMatch(/Date/);
  });
});
