import { sql } from "drizzle-orm";
import type { AppContext } from "../../context.ts";
import { mailDate, needsAttention, isUnassigned } from "../inbox/sql-parts.ts";
import type { BacklogStats, VolumeStats } from "./schemas.ts";

const dayKey = (d: Date) => d.toISOString().slice(0, 10);

/** Mail per day (UTC) per intent and per mailbox over the last `days` days, zero-filled. */
export async function volumeStats({ ctx, input }: { ctx: AppContext; input: { days: number } }): Promise<VolumeStats> {
  const start = new Date();
  start.setUTCHours(0, 0, 0, 0);
  start.setUTCDate(start.getUTCDate() - (input.days - 1));
  const days = Array.from({ length: input.days }, (_, i) => dayKey(new Date(start.getTime() + i * 86_400_000)));
  const index = new Map(days.map((d, i) => [d, i]));
  const byIntentRows = await ctx.database.query<{ day: string; key: string; n: number }>(sql`
    select to_char(${mailDate} at time zone 'UTC', 'YYYY-MM-DD') as day, coalesce(c.intent, 'unclassified') as key, count(*)::int as n
    from messages left join classifications c on c.message_id = messages.id
    where ${mailDate} >= ${start.toISOString()}::timestamptz
    group by 1, 2`);
  const byMailboxRows = await ctx.database.query<{ day: string; key: string; n: number }>(sql`
    select to_char(${mailDate} at time zone 'UTC', 'YYYY-MM-DD') as day, mb.name as key, count(*)::int as n
    from messages join message_mailboxes mm on mm.message_id = messages.id join mailboxes mb on mb.id = mm.mailbox_id
    where ${mailDate} >= ${start.toISOString()}::timestamptz
    group by 1, 2`);
  const fill = (rows: { day: string; key: string; n: number }[]) => {
    const out: Record<string, number[]> = {};
    for (const r of rows) {
      const i = index.get(r.day);
      if (i === undefined) continue;
      (out[r.key] ??= new Array(days.length).fill(0))[i] += r.n;
    }
    return out;
  };
  const byIntent = fill(byIntentRows);
  return { days, byIntent, byMailbox: fill(byMailboxRows), total: byIntentRows.reduce((a, r) => a + r.n, 0) };
}

/** What waits for a person: the inbox, unassigned mail by age, mail needing attention. */
export async function backlogStats({ ctx }: { ctx: AppContext }): Promise<BacklogStats> {
  const [r] = await ctx.database.query<Record<string, number | Date | string | null>>(sql`
    select count(*)::int as inbox,
      count(*) filter (where ${isUnassigned})::int as unassigned,
      count(*) filter (where ${needsAttention})::int as attention,
      count(*) filter (where ${isUnassigned} and messages.received_at > now() - interval '1 day')::int as under1d,
      count(*) filter (where ${isUnassigned} and messages.received_at <= now() - interval '1 day' and messages.received_at > now() - interval '3 days')::int as d1to3,
      count(*) filter (where ${isUnassigned} and messages.received_at <= now() - interval '3 days' and messages.received_at > now() - interval '7 days')::int as d3to7,
      count(*) filter (where ${isUnassigned} and messages.received_at <= now() - interval '7 days')::int as over7d,
      min(messages.received_at) filter (where ${isUnassigned}) as oldest
    from messages
    left join classifications on classifications.message_id = messages.id
    left join debtors on debtors.id = classifications.debtor_id
    where messages.triage_status = 'inbox'`);
  const oldest = r?.oldest ? new Date(r.oldest as string | Date).toISOString() : null;
  return {
    inbox: Number(r?.inbox ?? 0),
    unassigned: Number(r?.unassigned ?? 0),
    attention: Number(r?.attention ?? 0),
    unassignedByAge: { under1d: Number(r?.under1d ?? 0), d1to3: Number(r?.d1to3 ?? 0), d3to7: Number(r?.d3to7 ?? 0), over7d: Number(r?.over7d ?? 0) },
    oldestUnassigned: oldest,
  };
}
