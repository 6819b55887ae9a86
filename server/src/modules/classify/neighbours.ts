import { sql } from "drizzle-orm";
import pgvector from "pgvector";
import type { AppContext } from "../../context.ts";

export type Neighbour = { debtorId: number; similarity: number };

/**
 * Nearest earlier mail that has a debtor (HNSW index, cosine distance), for
 * the routing step "similar to this debtor's earlier mail", for several mails
 * in one statement. Only vectors of the same embedder are comparable. Each
 * query vector runs the very same HNSW index scan as a lone query would (a
 * LATERAL subquery per row of the unnested input), so the answers are those
 * of one query per mail; what is saved is a round trip, parse and plan per
 * mail. One list per query, same order.
 */
export async function nearestRoutedMailMany({
  ctx,
  input,
}: {
  ctx: AppContext;
  input: { embedder: string; limit?: number; queries: Array<{ embedding: Float32Array; excludeMessageId: number }> };
}): Promise<Neighbour[][]> {
  const out: Neighbour[][] = input.queries.map(() => []);
  if (!input.queries.length) return out;
  // A Postgres array literal of vector literals: '{"[0.1,...]","[...]"}'.
  const vectors = `{${input.queries.map((q) => `"${pgvector.toSql(Array.from(q.embedding))}"`).join(",")}}`;
  const excluded = `{${input.queries.map((q) => Math.trunc(q.excludeMessageId)).join(",")}}`;
  const rows = await ctx.database.query<{ ord: number; debtor_id: number; similarity: number }>(sql`
    select q.ord, n.debtor_id, n.similarity
    from unnest(${vectors}::vector[], ${excluded}::int[]) with ordinality as q(vec, exclude_id, ord)
    cross join lateral (
      select s.*, row_number() over () as rank
      from (
        select c.debtor_id, 1 - (e.embedding <=> q.vec) as similarity
        from message_embeddings e
        join classifications c on c.message_id = e.message_id
        where e.embedder = ${input.embedder} and c.debtor_id is not null and e.message_id <> q.exclude_id
        order by e.embedding <=> q.vec
        limit ${input.limit ?? 8}
      ) s
    ) n
    order by q.ord, n.rank`);
  // rank numbers each list in the index scan's own order, so ties come out as a lone query gives them.
  for (const r of rows) out[Number(r.ord) - 1].push({ debtorId: Number(r.debtor_id), similarity: Number(r.similarity) });
  return out;
}
