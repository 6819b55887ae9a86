import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { freshContext } from "../helpers/context.ts";
import type { AppContext } from "../../server/src/context.ts";
import { disputes, drafts, jobs, promises } from "../../server/src/db/schema.ts";
import { prepareActions } from "../../server/src/modules/drafts/prepare-actions.ts";
import { draftJobHandlers, PREPARE_ACTIONS_QUEUE } from "../../server/src/modules/drafts/jobs.ts";
import { correctMessage } from "../../server/src/modules/inbox/corrections.ts";
import { JobWorker } from "../../server/src/jobs/worker.ts";
import { emailFor } from "./emails.ts";
import { insertEmail, setupLedger, TODAY } from "./fixtures.ts";

let ctx: AppContext;
let mailboxId: number;
const clerk = { id: 0, email: "clerk@acme-supplies.example" };
const pending = async (messageId: number) =>
  (await ctx.db.select().from(jobs).where(eq(jobs.queue, PREPARE_ACTIONS_QUEUE))).filter((j) => Number((j.payload as { messageId?: unknown }).messageId) === messageId && j.status !== "done");

beforeAll(async () => {
  ctx = await freshContext();
  ({ mailboxId } = await setupLedger(ctx));
});
afterAll(async () => ctx.database.close());

describe("a clerk's correction re-prepares cases and the proposed reply", () => {
  it("a promise corrected into a dispute: the promise goes, a dispute and its reply come", async () => {
    const { id } = await insertEmail(ctx, emailFor("payment_promise", "fr", mailboxId));
    await prepareActions({ ctx, input: { messageId: id }, options: { llm: null, today: TODAY } });
    expect(await ctx.db.select().from(promises).where(eq(promises.messageId, id))).toHaveLength(1);

    await correctMessage({ ctx, input: { messageId: id, correction: { intent: "dispute", fields: { reason: "price" } }, by: clerk } });
    expect(await pending(id)).toHaveLength(1);
    await new JobWorker(ctx, draftJobHandlers(ctx)).drain();

    expect(await pending(id)).toHaveLength(0);
    const [promise] = await ctx.db.select().from(promises).where(eq(promises.messageId, id));
    expect(promise.status).toBe("cancelled");
    expect(await ctx.db.select().from(disputes).where(eq(disputes.messageId, id))).toHaveLength(1);
    const live = await ctx.db.select().from(drafts).where(and(eq(drafts.messageId, id), eq(drafts.status, "proposed")));
    expect(live.map((d) => d.intent)).toEqual(["dispute"]);
  });

  it("a correction that changes nothing the actions depend on queues nothing", async () => {
    const { id } = await insertEmail(ctx, emailFor("question", "nl", mailboxId));
    await correctMessage({ ctx, input: { messageId: id, correction: { language: "nl" }, by: clerk } });
    expect(await pending(id)).toHaveLength(0);
  });
});
