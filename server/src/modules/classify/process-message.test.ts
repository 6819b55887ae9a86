import path from "node:path";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, inArray, sql } from "drizzle-orm";
import pgvector from "pgvector";
import { freshContext } from "../../../../tests/helpers/context.ts";
import type { AppContext } from "../../context.ts";
import { classifications } from "../../db/schema/classifications.ts";
import { mailboxes } from "../../db/schema/mailboxes.ts";
import { messageEmbeddings } from "../../db/schema/message-embeddings.ts";
import { messages } from "../../db/schema/messages.ts";
import { createHashingEmbedder } from "../../../../classifiers/embedders/hashing.ts";
import type { Embedder } from "../../../../classifiers/embedders/embedder.ts";
import { enqueue } from "../../jobs/enqueue.ts";
import { JobWorker } from "../../jobs/worker.ts";
import { readLabelledSet } from "../eval/labels.ts";
import { importLedgerFile } from "../ledger/service.ts";
import { PROCESS_MESSAGE_QUEUE, storeMessages } from "../ingest/store-message.ts";
import { ClassificationEngine } from "./engine.ts";
import { processMessage, processMessages } from "./process-message.ts";
import { processMessageJobs } from "./process-message-jobs.ts";
import { nearestRoutedMailMany } from "./neighbours.ts";

const SEED_TEST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../eval/sets/seed-test");

let ctx: AppContext;
let engine: ClassificationEngine;
let raws: Buffer[];
let used = 0;
let mailboxId: number;
/** The embedder's behaviour can be swapped per test (a failing or meddling embedder). */
const hashing = createHashingEmbedder();
let embedHook: ((texts: string[]) => Promise<void>) | null = null;
const embedder: Embedder = {
  id: hashing.id,
  dimensions: hashing.dimensions,
  async embed(texts, opts) {
    await embedHook?.(texts);
    return hashing.embed(texts, opts);
  },
};

beforeAll(async () => {
  ctx = await freshContext();
  const set = await readLabelledSet(SEED_TEST);
  await importLedgerFile({ ctx, input: { path: set.ledgerPath } });
  [{ id: mailboxId }] = await ctx.db.insert(mailboxes).values({ name: "test", kind: "import" }).returning();
  raws = await Promise.all(set.emails.slice(0, 80).map((e) => readFile(e.path)));
  engine = await ClassificationEngine.create({ ctx, options: { includeCorrections: false, llm: null, trainingDirs: [SEED_TEST], embedder } });
}, 120_000);
afterAll(async () => {
  engine.close();
  await ctx.database.close();
});

/** Store the next n seed mails (new to this database); their ingest jobs are dropped, tests enqueue their own. */
async function storeNext(n: number): Promise<number[]> {
  const stored = await storeMessages({ ctx, input: raws.slice(used, used + n).map((raw) => ({ raw, mailboxId })) });
  used += n;
  const ids = stored.map((s) => s.messageId);
  await ctx.database.query(sql`delete from jobs`);
  return ids;
}

/** The stored decisions, without their timestamps. */
async function decisions(ids: number[]) {
  const rows = await ctx.db.select().from(classifications).where(inArray(classifications.messageId, ids)).orderBy(classifications.messageId);
  return rows.map(({ updatedAt: _u, createdAt: _c, ...rest }) => rest);
}

const statusOf = async (ids: number[]) =>
  (await ctx.db.select({ id: messages.id, s: messages.processingStatus }).from(messages).where(inArray(messages.id, ids)).orderBy(messages.id)).map((r) => r.s);

describe("processMessages (a batch of mails)", () => {
  it("decides each mail of a batch as it would alone, and stores decision, vector and status", async () => {
    const ids = await storeNext(12);
    const first = await processMessages({ engine, input: { messageIds: ids } });
    expect([...first.values()].every((o) => o.ok && o.result && !o.result.keptCorrection)).toBe(true);
    expect(await statusOf(ids)).toEqual(ids.map(() => "classified"));
    expect(await ctx.db.select().from(messageEmbeddings).where(inArray(messageEmbeddings.messageId, ids))).toHaveLength(12);
    const rows = await decisions(ids);
    expect(rows).toHaveLength(12);
    expect(rows.every((r) => r.classifierVersion === engine.version && r.embedder === embedder.id && (r.evidence as unknown[]).length > 0)).toBe(true);

    // Now every mail has neighbours stored. Mail by mail twice (the second pass changes nothing: a
    // settled state), then as one batch: the batch must store the very same decisions.
    for (const id of ids) await processMessage({ engine, input: { messageId: id } });
    const alone = await decisions(ids);
    for (const id of ids) await processMessage({ engine, input: { messageId: id } });
    expect(await decisions(ids)).toEqual(alone);
    await processMessages({ engine, input: { messageIds: [...ids].reverse() } });
    expect(await decisions(ids)).toEqual(alone);
  }, 60_000);

  it("finds the neighbours of many mails in one statement exactly as one query per mail does", async () => {
    await processMessages({ engine, input: { messageIds: await storeNext(30) } });
    const stored = await ctx.db.select().from(messageEmbeddings);
    expect(stored.length).toBeGreaterThanOrEqual(42);
    const queries = stored.map((e) => ({ embedding: Float32Array.from(e.embedding), excludeMessageId: e.messageId }));
    const many = await nearestRoutedMailMany({ ctx, input: { embedder: embedder.id, queries } });
    expect(many.some((n) => n.length > 0)).toBe(true);
    for (const [i, q] of queries.entries()) {
      const vec = pgvector.toSql(Array.from(q.embedding));
      const one = await ctx.database.query<{ debtor_id: number; similarity: number }>(sql`
        select c.debtor_id, 1 - (e.embedding <=> ${vec}::vector) as similarity
        from message_embeddings e join classifications c on c.message_id = e.message_id
        where e.embedder = ${embedder.id} and c.debtor_id is not null and e.message_id <> ${q.excludeMessageId}
        order by e.embedding <=> ${vec}::vector limit 8`);
      expect(many[i]).toEqual(one.map((r) => ({ debtorId: Number(r.debtor_id), similarity: Number(r.similarity) })));
    }
  }, 60_000);

  it("never overwrites a clerk's correction, and classifies a mail named twice once", async () => {
    const ids = await storeNext(4);
    await processMessages({ engine, input: { messageIds: ids } });
    await ctx.db
      .update(classifications)
      .set({ intent: "dispute", corrected: "clerk@example.test", correctedAt: new Date() })
      .where(eq(classifications.messageId, ids[1]));
    const before = await decisions([ids[1]]);
    const out = await processMessages({ engine, input: { messageIds: [...ids, ids[0]] } });
    expect(out.size).toBe(4);
    expect(ids.map((id) => { const o = out.get(id)!; return o.ok && o.result?.keptCorrection; })).toEqual([false, true, false, false]);
    expect(await decisions([ids[1]])).toEqual(before);
  }, 60_000);

  it("a mail whose analysis fails costs only itself", async () => {
    const ids = await storeNext(5);
    // The decision step reads the ledger once per mail: make the third read fail.
    const get = engine.ledger.get.bind(engine.ledger);
    let reads = 0;
    engine.ledger.get = () => (++reads === 3 ? Promise.reject(new Error("poisoned mail")) : get());
    try {
      const out = await processMessages({ engine, input: { messageIds: ids } });
      expect(ids.map((id) => out.get(id)!.ok)).toEqual([true, true, false, true, true]);
      expect(String((out.get(ids[2]) as { error: unknown }).error)).toContain("poisoned mail");
    } finally {
      engine.ledger.get = get;
    }
    expect((await decisions(ids)).map((r) => r.messageId)).toEqual([ids[0], ids[1], ids[3], ids[4]]);
    expect(await statusOf(ids)).toEqual(["classified", "classified", "pending", "classified", "classified"]);
  }, 60_000);

  it("a batch-wide step that fails is retried mail by mail", async () => {
    const ids = await storeNext(4);
    const [poison] = await ctx.db.select({ subject: messages.subject }).from(messages).where(eq(messages.id, ids[1]));
    // The embedder rejects one mail's text: the batch call fails, the retry alone fails only that mail.
    embedHook = async (texts) => {
      if (texts.some((t) => t.startsWith(`${poison.subject ?? ""}\n`))) throw new Error("embedder refused");
    };
    try {
      const out = await processMessages({ engine, input: { messageIds: ids } });
      expect(ids.map((id) => out.get(id)!.ok)).toEqual([true, false, true, true]);
    } finally {
      embedHook = null;
    }
    expect((await decisions(ids)).map((r) => r.messageId)).toEqual([ids[0], ids[2], ids[3]]);
  }, 60_000);

  it("a mail deleted while its batch runs fails the batch's transaction, not the other mails", async () => {
    const ids = await storeNext(4);
    embedHook = async () => {
      embedHook = null;
      await ctx.db.delete(messages).where(eq(messages.id, ids[2]));
    };
    const out = await processMessages({ engine, input: { messageIds: ids } });
    expect(ids.map((id) => { const o = out.get(id)!; return o.ok ? (o.result ? "classified" : "gone") : "failed"; })).toEqual(["classified", "classified", "gone", "classified"]);
    expect((await decisions(ids)).map((r) => r.messageId)).toEqual([ids[0], ids[1], ids[3]]);
  }, 60_000);
});

describe("the process-message queue in batches", () => {
  const jobStates = async () =>
    ctx.database.query<{ id: number; status: string; attempts: number; last_error: string | null }>(sql`select id, status, attempts, last_error from jobs order by id`);

  it("a failing job leaves the rest of its batch done; follow-ups run for fresh decisions only", async () => {
    const ids = await storeNext(5);
    await processMessages({ engine, input: { messageIds: [ids[4]] } });
    await ctx.db.update(classifications).set({ correctedAt: new Date(), corrected: "clerk" }).where(eq(classifications.messageId, ids[4]));
    await enqueue(ctx.db, [
      ...ids.map((messageId) => ({ queue: PROCESS_MESSAGE_QUEUE, payload: { messageId } })),
      { queue: PROCESS_MESSAGE_QUEUE, payload: { messageId: "not-an-id" }, maxAttempts: 1 },
    ]);
    const followed: number[] = [];
    const handler = processMessageJobs(engine, {
      afterClassified: async (r) => {
        if (r.messageId === ids[3]) throw new Error("drafts failed");
        followed.push(r.messageId);
      },
    });
    await new JobWorker(ctx, { [PROCESS_MESSAGE_QUEUE]: handler }, { backoffMs: 60_000 }).drain();
    expect(followed.sort((a, b) => a - b)).toEqual(ids.slice(0, 3));
    const states = await jobStates();
    expect(states.map((s) => s.status)).toEqual(["done", "done", "done", "pending", "done", "failed"]);
    expect(states[3].last_error).toBe("drafts failed");
    expect(states[5].last_error).toContain("not an id");
    expect(await statusOf(ids)).toEqual(ids.map(() => "classified"));
  }, 60_000);

  it("a crash mid-batch re-runs the batch once its lease ends: every mail ends classified once", async () => {
    const ids = await storeNext(6);
    await enqueue(ctx.db, ids.map((messageId) => ({ queue: PROCESS_MESSAGE_QUEUE, payload: { messageId } })));
    // A worker claimed the six jobs, stored the first three decisions, and died.
    await ctx.database.query(sql`update jobs set status = 'running', locked_at = now() - interval '1 hour', locked_by = 'dead', attempts = 1`);
    await processMessages({ engine, input: { messageIds: ids.slice(0, 3) } });
    await new JobWorker(ctx, { [PROCESS_MESSAGE_QUEUE]: processMessageJobs(engine) }, { leaseMs: 60_000 }).drain();
    expect((await jobStates()).map((s) => [s.status, s.attempts])).toEqual(ids.map(() => ["done", 2]));
    expect((await decisions(ids)).map((r) => r.messageId)).toEqual(ids);
    expect(await ctx.db.select().from(messageEmbeddings).where(inArray(messageEmbeddings.messageId, ids))).toHaveLength(6);
    expect(await statusOf(ids)).toEqual(ids.map(() => "classified"));
  }, 60_000);
});
