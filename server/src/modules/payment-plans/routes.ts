import { Hono } from "hono";
import type { AppEnv } from "../../http/types.ts";
import { jsonBody, pathParams, queryParams } from "../../http/validate.ts";
import { actorOf } from "../../lib/audit.ts";
import { cancelBody, idParams, planListQuery, schedulePatch } from "./schemas.ts";
import { acceptPlan, cancelPlan, getPlan, listPlans, updateSchedule } from "./service.ts";

export const paymentPlanRoutes = new Hono<AppEnv>()
  .get("/", async (c) => c.json(await listPlans({ ctx: c.var.ctx, input: queryParams(c, planListQuery) })))
  .get("/:id", async (c) => c.json(await getPlan({ ctx: c.var.ctx, input: pathParams(c, idParams) })))
  .patch("/:id", async (c) => {
    const { id } = pathParams(c, idParams);
    const patch = await jsonBody(c, schedulePatch);
    return c.json(await updateSchedule({ ctx: c.var.ctx, input: { id, patch }, actor: actorOf(c.var.user) }));
  })
  .post("/:id/accept", async (c) =>
    c.json(await acceptPlan({ ctx: c.var.ctx, input: pathParams(c, idParams), actor: actorOf(c.var.user) })),
  )
  .post("/:id/cancel", async (c) => {
    const { id } = pathParams(c, idParams);
    const { reason } = await jsonBody(c, cancelBody.optional().transform((b) => b ?? {}));
    return c.json(await cancelPlan({ ctx: c.var.ctx, input: { id, reason }, actor: actorOf(c.var.user) }));
  });
