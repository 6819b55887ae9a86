import { sql } from "drizzle-orm";
import pgvector from "pgvector";
import type { AppContext } from "../../context.ts";

/**
 * Nearest earlier mail that has a debtor (HNSW index, cosine distance), for
 * the routing step "similar to this debtor's earlier mail". Only vectors of
 * the same embedder are comparable.
 */
export async function nearestRoutedMail({
  ctx,
  input,
}: {
  ctx: AppContext;
  input: { embedding: Float32Array; embedder: string; excludeMessageId: number; limit?: number };
}): Promise<Array<{ debtorId: number; similarity: number }>> {
  const vec = pgvector.toSql(Array.from(input.embedding));
  const rows = await ctx.database.query<{ debtor_id: number; similarity: number }>(sql`
    select c.debtor_id, 1 - (e.embedding <=> ${vec}::vector) as similarity
    from message_embeddings e
    join classifications c on c.message_id = e.message_id
    where e.embedder = ${input.embedder} and c.debtor_id is not null and e.message_id <> ${input.excludeMessageId}
    order by e.embedding <=> ${vec}::vector
    limit ${input.limit ?? 8}`);
  return rows.map((r) => ({ debtorId: Number(r.debtor_id), similarity: Number(r.similarity) }));
}
