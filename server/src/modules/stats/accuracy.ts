import { sql } from "drizzle-orm";
import type { AppContext } from "../../context.ts";
import { mailDate } from "../inbox/sql-parts.ts";
import type { AccuracyQuery, AccuracyStats, IntentScore } from "./schemas.ts";

const ratio = (n: number, d: number) => (d > 0 ? n / d : null);
const NONE = "(none)";

/**
 * The reviewed population as SQL: every classified email a clerk marked done
 * or corrected. Relance's prediction is the `before` of its first correction
 * (what the classifier said), or the decision itself when never corrected;
 * the truth is the current (corrected) decision. Debtors compare by number,
 * as corrections record them.
 */
function reviewedSql(q: AccuracyQuery) {
  const from = q.from ? sql`and ${mailDate} >= ${q.from}::date` : sql``;
  const to = q.to ? sql`and ${mailDate} < ${q.to}::date + 1` : sql``;
  return sql`
    with first_corr as (
      select distinct on (message_id) message_id, before from corrections order by message_id, id
    ), reviewed as (
      select coalesce(case when fc.message_id is null then c.intent else fc.before->>'intent' end, ${NONE}) as pred_intent,
             c.intent as true_intent,
             case when fc.message_id is null then d.number else fc.before->>'debtor' end as pred_debtor,
             d.number as true_debtor,
             fc.message_id is not null as corrected,
             messages.triage_status in ('done', 'archived') as handled,
             to_char(${mailDate}, 'IYYY-"W"IW') as week
      from messages
      join classifications c on c.message_id = messages.id
      left join debtors d on d.id = c.debtor_id
      left join first_corr fc on fc.message_id = messages.id
      where (messages.triage_status in ('done', 'archived') or fc.message_id is not null) ${from} ${to}
    )`;
}

export async function accuracyStats({ ctx, input }: { ctx: AppContext; input: AccuracyQuery }): Promise<AccuracyStats> {
  const base = reviewedSql(input);
  const pairs = await ctx.database.query<{ pred: string; truth: string; n: number }>(
    sql`${base} select pred_intent as pred, true_intent as truth, count(*)::int as n from reviewed group by 1, 2`,
  );
  const [tot] = await ctx.database.query<Record<string, number>>(sql`${base}
    select count(*)::int as reviewed,
      count(*) filter (where corrected)::int as corrected,
      count(*) filter (where pred_debtor is not distinct from true_debtor)::int as routed_ok,
      count(*) filter (where pred_debtor is not null and pred_debtor is distinct from true_debtor)::int as wrong,
      count(*) filter (where pred_debtor is null)::int as unassigned,
      count(*) filter (where handled)::int as handled,
      count(*) filter (where handled and not corrected)::int as automated
    from reviewed`);
  const weeks = await ctx.database.query<Record<string, number | string>>(sql`${base}
    select week, count(*)::int as reviewed,
      count(*) filter (where pred_intent = true_intent)::int as intent_ok,
      count(*) filter (where pred_debtor is not distinct from true_debtor)::int as routed_ok,
      count(*) filter (where handled)::int as handled,
      count(*) filter (where handled and not corrected)::int as automated
    from reviewed group by week order by week desc limit 26`);
  const [{ n: corrections }] = await ctx.database.query<{ n: number }>(sql`select count(*)::int as n from corrections`);

  const confusion: Record<string, Record<string, number>> = {};
  let correct = 0;
  for (const p of pairs) {
    (confusion[p.pred] ??= {})[p.truth] = p.n;
    if (p.pred === p.truth) correct += p.n;
  }
  const perIntent: Record<string, IntentScore> = {};
  const labels = new Set(pairs.flatMap((p) => [p.pred, p.truth]).filter((l) => l !== NONE));
  for (const label of labels) {
    const tp = confusion[label]?.[label] ?? 0;
    const predicted = Object.values(confusion[label] ?? {}).reduce((a, b) => a + b, 0);
    const support = pairs.filter((p) => p.truth === label).reduce((a, p) => a + p.n, 0);
    const precision = predicted ? tp / predicted : 0;
    const recall = support ? tp / support : 0;
    perIntent[label] = { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, support };
  }
  const withSupport = Object.values(perIntent).filter((s) => s.support > 0);
  const reviewed = tot?.reviewed ?? 0;
  return {
    reviewed,
    corrections,
    intentAccuracy: ratio(correct, reviewed),
    macroF1: withSupport.length ? withSupport.reduce((a, s) => a + s.f1, 0) / withSupport.length : null,
    perIntent,
    confusion,
    routing: {
      accuracy: ratio(tot?.routed_ok ?? 0, reviewed),
      wrongAssignmentRate: ratio(tot?.wrong ?? 0, reviewed),
      unassignedRate: ratio(tot?.unassigned ?? 0, reviewed),
    },
    automationRate: ratio(tot?.automated ?? 0, tot?.handled ?? 0),
    handled: tot?.handled ?? 0,
    trend: weeks.reverse().map((w) => ({
      week: String(w.week),
      reviewed: Number(w.reviewed),
      intentAccuracy: ratio(Number(w.intent_ok), Number(w.reviewed)),
      routingAccuracy: ratio(Number(w.routed_ok), Number(w.reviewed)),
      automationRate: ratio(Number(w.automated), Number(w.handled)),
    })),
  };
}
