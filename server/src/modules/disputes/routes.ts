import { Hono } from "hono";
import type { AppEnv } from "../../http/types.ts";
import { jsonBody, pathParams, queryParams } from "../../http/validate.ts";
import { actorOf } from "../../lib/audit.ts";
import { disputeComment, disputeListQuery, disputePatch, idParams } from "./schemas.ts";
import { addDisputeComment, getDispute, listDisputes, updateDispute } from "./service.ts";

export const disputeRoutes = new Hono<AppEnv>()
  .get("/", async (c) => c.json(await listDisputes({ ctx: c.var.ctx, input: queryParams(c, disputeListQuery) })))
  .get("/:id", async (c) => c.json(await getDispute({ ctx: c.var.ctx, input: pathParams(c, idParams) })))
  .patch("/:id", async (c) => {
    const { id } = pathParams(c, idParams);
    const patch = await jsonBody(c, disputePatch);
    return c.json(await updateDispute({ ctx: c.var.ctx, input: { id, patch }, actor: actorOf(c.var.user) }));
  })
  .post("/:id/comments", async (c) => {
    const { id } = pathParams(c, idParams);
    const { body } = await jsonBody(c, disputeComment);
    return c.json(await addDisputeComment({ ctx: c.var.ctx, input: { id, body }, actor: actorOf(c.var.user) }), 201);
  });
