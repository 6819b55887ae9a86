import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { AppContext } from "../../server/src/context.ts";
import { wireContext } from "../helpers/wire-context.ts";
import { ensureImportMailbox } from "../../server/src/modules/mailboxes/service.ts";
import { storeMessage, PROCESS_MESSAGE_QUEUE } from "../../server/src/modules/ingest/store-message.ts";
import { importEmlFolder } from "../../server/src/modules/ingest/import-eml.ts";
import { getMessageRaw } from "../../server/src/modules/messages/service.ts";
import { generateMessage } from "../../server/src/bench/generate-messages.ts";

/**
 * Server mode: the same ingestion, through the postgres-js driver and the same
 * migrations, against PGlite served over the Postgres wire protocol.
 */
describe("ingestion over the wire (postgres driver)", () => {
  let wire: Awaited<ReturnType<typeof wireContext>>;
  let ctx: AppContext;
  let dir: string;

  beforeAll(async () => {
    wire = await wireContext();
    ctx = wire.ctx;
    expect(ctx.database.kind).toBe("postgres");
    dir = mkdtempSync(path.join(os.tmpdir(), "relance-wire-"));
  });
  afterAll(async () => {
    await wire?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const n = async (q: ReturnType<typeof sql>) => Number((await ctx.database.query<{ n: number }>(q))[0].n);

  it("ran the migrations, pgvector included", async () => {
    const [ext] = await ctx.database.query<{ extname: string }>(sql`select extname from pg_extension where extname = 'vector'`);
    expect(ext?.extname).toBe("vector");
  });

  it("stores, deduplicates, links and enqueues in one transaction", async () => {
    const a = (await ensureImportMailbox({ ctx, input: { name: "a" } })).id;
    const b = (await ensureImportMailbox({ ctx, input: { name: "b" } })).id;
    const raw = generateMessage(1, 99);
    const first = await storeMessage({ ctx, input: { raw, mailboxId: a, uidValidity: 1, uid: 1 } });
    const [dupUid, dupHash, linked] = [
      await storeMessage({ ctx, input: { raw, mailboxId: a, uidValidity: 1, uid: 1 } }),
      await storeMessage({ ctx, input: { raw, mailboxId: a } }),
      await storeMessage({ ctx, input: { raw: Buffer.concat([Buffer.from("Delivered-To: b@relance.test\r\n"), raw]), mailboxId: b } }),
    ];
    expect([first.status, dupUid.status, dupHash.status, linked.status]).toEqual(["stored", "duplicate", "duplicate", "linked"]);
    expect(await n(sql`select count(*)::int as n from messages`)).toBe(1);
    expect(await n(sql`select count(*)::int as n from message_mailboxes`)).toBe(2);
    expect(await n(sql`select count(*)::int as n from jobs where queue = ${PROCESS_MESSAGE_QUEUE}`)).toBe(1);
    // bytea through postgres-js comes back byte for byte.
    expect((await getMessageRaw({ ctx, input: { id: first.messageId } })).equals(raw)).toBe(true);
  });

  it("keeps one row when several stores of the same message race", async () => {
    const a = (await ensureImportMailbox({ ctx, input: { name: "a" } })).id;
    const raw = generateMessage(2, 99);
    const results = await Promise.all(Array.from({ length: 4 }, () => storeMessage({ ctx, input: { raw, mailboxId: a } })));
    expect(results.filter((r) => r.status === "stored")).toHaveLength(1);
    expect(new Set(results.map((r) => r.messageId)).size).toBe(1);
  });

  it("imports a folder of .eml files", async () => {
    mkdirSync(path.join(dir, "sub"));
    for (let i = 0; i < 30; i++) writeFileSync(path.join(dir, i % 2 ? "sub" : "", `${i}.eml`), generateMessage(100 + i, 99));
    writeFileSync(path.join(dir, "dup.eml"), generateMessage(100, 99));
    const counts = await importEmlFolder({ ctx, input: { folder: dir, mailboxName: "wire-import" } });
    expect(counts).toMatchObject({ stored: 30, duplicates: 1, linked: 0, parseErrors: 0, failed: [] });
    expect(await n(sql`select count(*)::int as n from jobs where queue = ${PROCESS_MESSAGE_QUEUE}`)).toBe(32);
  });
});
