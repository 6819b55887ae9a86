import { inArray, sql } from "drizzle-orm";
import type { AppContext } from "../../context.ts";
import { debtors } from "../../db/schema.ts";
import type { InboxCounts } from "./schemas.ts";
import { isUnassigned, needsAttention } from "./sql-parts.ts";

/** "done" grows forever; counting past this is work nobody reads (the UI shows 10,000+). */
export const DONE_COUNT_CAP = 10_000;
/** Many clients refetch counts on the same live event: share one computation for this long. */
const SHARE_MS = 1_000;

const cache = new WeakMap<AppContext, { at: number; value: Promise<InboxCounts> }>();
const watched = new WeakSet<AppContext>();
/** Any change to the mail drops the shared result, so the one who made the change sees it counted. */
const CHANGES = ["message.stored", "message.classified", "message.updated", "correction.created"];

/** How many messages each view holds (the sidebar). */
export function inboxCounts({ ctx }: { ctx: AppContext }): Promise<InboxCounts> {
  if (!watched.has(ctx)) {
    watched.add(ctx);
    for (const name of CHANGES) ctx.events.on(name, () => cache.delete(ctx));
  }
  const hit = cache.get(ctx);
  if (hit && Date.now() - hit.at < SHARE_MS) return hit.value;
  const value = computeCounts(ctx);
  cache.set(ctx, { at: Date.now(), value });
  value.catch(() => cache.delete(ctx));
  return value;
}

export async function computeCounts(ctx: AppContext): Promise<InboxCounts> {
  // One pass over the inbox, grouped two ways (per intent, per debtor).
  const rows = await ctx.database.query<{ intent: string | null; debtor_id: number | null; by: number; n: number; u: number; a: number }>(sql`
    select classifications.intent, classifications.debtor_id, grouping(classifications.intent) as by,
      count(*)::int as n,
      (count(*) filter (where ${isUnassigned}))::int as u,
      (count(*) filter (where ${needsAttention}))::int as a
    from messages
    left join classifications on classifications.message_id = messages.id
    left join debtors on debtors.id = classifications.debtor_id
    where messages.triage_status = 'inbox'
    group by grouping sets ((classifications.intent), (classifications.debtor_id))`);
  const perIntent = rows.filter((r) => r.by === 0);
  const perDebtor = rows
    .filter((r) => r.by === 1 && r.debtor_id !== null)
    .sort((a, b) => b.n - a.n || a.debtor_id! - b.debtor_id!)
    .slice(0, 50);
  const names = perDebtor.length
    ? await ctx.db
        .select({ id: debtors.id, number: debtors.number, name: debtors.name })
        .from(debtors)
        .where(inArray(debtors.id, perDebtor.map((r) => r.debtor_id!)))
    : [];
  const byId = new Map(names.map((d) => [d.id, d]));
  const [done] = await ctx.database.query<{ n: number }>(sql`
    select count(*)::int as n from (select 1 from messages where triage_status in ('done', 'archived') limit ${DONE_COUNT_CAP}) t`);
  const sum = (k: "n" | "u" | "a") => perIntent.reduce((acc, r) => acc + r[k], 0);
  return {
    all: sum("n"),
    unassigned: sum("u"),
    attention: sum("a"),
    done: done?.n ?? 0,
    intents: Object.fromEntries(perIntent.filter((r) => r.intent !== null).map((r) => [r.intent!, r.n])),
    debtors: perDebtor.flatMap((r) => {
      const d = byId.get(r.debtor_id!);
      return d ? [{ ...d, count: r.n }] : [];
    }),
  };
}
