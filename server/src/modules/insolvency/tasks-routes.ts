import { Hono } from "hono";
import type { AppEnv } from "../../http/types.ts";
import { jsonBody, pathParams, queryParams } from "../../http/validate.ts";
import { actorOf } from "../../lib/audit.ts";
import { idParams, taskListQuery, taskPatch } from "./tasks-schemas.ts";
import { getTask, listTasks, updateTask } from "./tasks-service.ts";

export const taskRoutes = new Hono<AppEnv>()
  .get("/", async (c) => c.json(await listTasks({ ctx: c.var.ctx, input: queryParams(c, taskListQuery) })))
  .get("/:id", async (c) => c.json(await getTask({ ctx: c.var.ctx, input: pathParams(c, idParams) })))
  .patch("/:id", async (c) => {
    const { id } = pathParams(c, idParams);
    const patch = await jsonBody(c, taskPatch);
    return c.json(await updateTask({ ctx: c.var.ctx, input: { id, patch }, actor: actorOf(c.var.user) }));
  });
