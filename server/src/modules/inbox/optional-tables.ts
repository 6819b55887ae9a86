import { sql } from "drizzle-orm";
import type { AppContext } from "../../context.ts";

// Drafts, disputes and promises come from another module whose tables may not
// be migrated in every database yet; the inbox and stats show them when present.
const seen = new WeakMap<AppContext, Set<string>>();

export async function tableExists(ctx: AppContext, name: string): Promise<boolean> {
  const known = seen.get(ctx) ?? new Set<string>();
  if (known.has(name)) return true;
  const [row] = await ctx.database.query<{ ok: boolean }>(sql`select to_regclass(${`public.${name}`}) is not null as ok`);
  if (row?.ok) {
    known.add(name);
    seen.set(ctx, known);
  }
  return Boolean(row?.ok);
}
