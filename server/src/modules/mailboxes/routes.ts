import { Hono } from "hono";
import type { AppEnv } from "../../http/types.ts";
import { jsonBody, pathParams } from "../../http/validate.ts";
import { createMailboxSchema, mailboxIdParams } from "./schemas.ts";
import { createMailbox, getMailbox, listMailboxes, requestSync } from "./service.ts";

export const mailboxRoutes = new Hono<AppEnv>()
  .get("/", async (c) => c.json({ items: await listMailboxes({ ctx: c.var.ctx }) }))
  .post("/", async (c) => {
    const input = await jsonBody(c, createMailboxSchema);
    return c.json(await createMailbox({ ctx: c.var.ctx, input }), 201);
  })
  .get("/:id", async (c) => {
    const { id } = pathParams(c, mailboxIdParams);
    return c.json(await getMailbox({ ctx: c.var.ctx, input: { id } }));
  })
  .post("/:id/sync", async (c) => {
    const { id } = pathParams(c, mailboxIdParams);
    return c.json(await requestSync({ ctx: c.var.ctx, input: { id } }), 202);
  });
