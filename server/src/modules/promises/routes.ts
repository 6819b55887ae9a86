import { Hono } from "hono";
import type { AppEnv } from "../../http/types.ts";
import { pathParams, queryParams } from "../../http/validate.ts";
import { idParams, promiseListQuery } from "./schemas.ts";
import { getPromise, listPromises } from "./service.ts";

export const promiseRoutes = new Hono<AppEnv>()
  .get("/", async (c) => c.json(await listPromises({ ctx: c.var.ctx, input: queryParams(c, promiseListQuery) })))
  .get("/:id", async (c) => c.json(await getPromise({ ctx: c.var.ctx, input: pathParams(c, idParams) })));
