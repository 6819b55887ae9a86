import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../http/types.ts";
import { pathParams, queryParams } from "../../http/validate.ts";
import { accuracyQuery, evalCompareQuery, evalRunIdParam, volumeQuery } from "./schemas.ts";
import { accuracyStats } from "./accuracy.ts";
import { compareEvalRuns, getEvalRun, listEvalRuns } from "./eval-runs.ts";
import { backlogStats, volumeStats } from "./volume.ts";
import { arKpis } from "./ar.ts";

const asOfQuery = z.object({ asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() });

/**
 * Manager dashboards (manager and admin only, see auth/route-roles.ts):
 * GET /api/stats/accuracy           ?from&to  -> AccuracyStats
 * GET /api/stats/eval-runs                    -> {runs: EvalRunSummary[]}
 * GET /api/stats/eval-runs/compare  ?a&b      -> EvalCompare
 * GET /api/stats/eval-runs/:id                -> EvalRunDetail
 * GET /api/stats/volume             ?days     -> VolumeStats
 * GET /api/stats/backlog                      -> BacklogStats
 * GET /api/stats/ar                 ?asOf     -> ArKpis
 */
export const statsRoutes = new Hono<AppEnv>()
  .get("/accuracy", async (c) => c.json(await accuracyStats({ ctx: c.var.ctx, input: queryParams(c, accuracyQuery) })))
  .get("/eval-runs", async (c) => c.json({ runs: await listEvalRuns({ ctx: c.var.ctx }) }))
  .get("/eval-runs/compare", async (c) => c.json(await compareEvalRuns({ ctx: c.var.ctx, input: queryParams(c, evalCompareQuery) })))
  .get("/eval-runs/:id", async (c) => c.json(await getEvalRun({ ctx: c.var.ctx, input: pathParams(c, evalRunIdParam) })))
  .get("/volume", async (c) => c.json(await volumeStats({ ctx: c.var.ctx, input: queryParams(c, volumeQuery) })))
  .get("/backlog", async (c) => c.json(await backlogStats({ ctx: c.var.ctx })))
  .get("/ar", async (c) => c.json(await arKpis({ ctx: c.var.ctx, input: queryParams(c, asOfQuery) })));
