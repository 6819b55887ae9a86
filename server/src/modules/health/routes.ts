import { Hono } from "hono";
import { sql } from "drizzle-orm";
import type { AppEnv } from "../../http/types.ts";

export const healthRoutes = new Hono<AppEnv>().get("/", async (c) => {
  const ctx = c.var.ctx;
  const [row] = await ctx.database.query<{ ok: number }>(sql`select 1 as ok`);
  return c.json({ status: "ok", database: ctx.database.kind, db: row?.ok === 1 ? "up" : "down", version: "0.1.0" });
});
