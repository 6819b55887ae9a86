import { Hono } from "hono";
import type { AppEnv } from "../../http/types.ts";
import { jsonBody, pathParams, queryParams } from "../../http/validate.ts";
import { actorOf } from "../../lib/audit.ts";
import { accountUpdateListQuery, confirmBody, idParams, rejectBody } from "./schemas.ts";
import { confirmAccountUpdate, getAccountUpdate, listAccountUpdates, rejectAccountUpdate } from "./service.ts";

export const accountUpdateRoutes = new Hono<AppEnv>()
  .get("/", async (c) => c.json(await listAccountUpdates({ ctx: c.var.ctx, input: queryParams(c, accountUpdateListQuery) })))
  .get("/:id", async (c) => c.json(await getAccountUpdate({ ctx: c.var.ctx, input: pathParams(c, idParams) })))
  .post("/:id/confirm", async (c) => {
    const { id } = pathParams(c, idParams);
    const body = await jsonBody(c, confirmBody.optional().transform((b) => b ?? {}));
    return c.json(await confirmAccountUpdate({ ctx: c.var.ctx, input: { id, ...body }, actor: actorOf(c.var.user) }));
  })
  .post("/:id/reject", async (c) => {
    const { id } = pathParams(c, idParams);
    const { reason } = await jsonBody(c, rejectBody);
    return c.json(await rejectAccountUpdate({ ctx: c.var.ctx, input: { id, reason }, actor: actorOf(c.var.user) }));
  });
