import { Hono } from "hono";
import type { AppEnv } from "../../http/types.ts";
import { jsonBody, pathParams, queryParams } from "../../http/validate.ts";
import { actorOf } from "../../lib/audit.ts";
import { attachmentParams, draftListQuery, draftPatch, idParams, rejectBody } from "./schemas.ts";
import { approveDraft, draftAttachment, editDraft, getDraft, listDrafts, rejectDraft, sendDraftNow } from "./service.ts";

export const draftRoutes = new Hono<AppEnv>()
  .get("/", async (c) => c.json(await listDrafts({ ctx: c.var.ctx, input: queryParams(c, draftListQuery) })))
  .get("/:id", async (c) => c.json(await getDraft({ ctx: c.var.ctx, input: pathParams(c, idParams) })))
  .get("/:id/attachments/:index", async (c) => {
    const pdf = await draftAttachment({ ctx: c.var.ctx, input: pathParams(c, attachmentParams) });
    c.header("content-type", pdf.contentType);
    c.header("content-disposition", `inline; filename="${pdf.filename.replace(/"/g, "")}"`);
    return c.body(new Uint8Array(pdf.content));
  })
  .patch("/:id", async (c) => {
    const { id } = pathParams(c, idParams);
    const patch = await jsonBody(c, draftPatch);
    return c.json(await editDraft({ ctx: c.var.ctx, input: { id, patch }, actor: actorOf(c.var.user) }));
  })
  .post("/:id/approve", async (c) =>
    c.json(await approveDraft({ ctx: c.var.ctx, input: pathParams(c, idParams), actor: actorOf(c.var.user) })),
  )
  .post("/:id/reject", async (c) => {
    const { id } = pathParams(c, idParams);
    const { reason } = await jsonBody(c, rejectBody);
    return c.json(await rejectDraft({ ctx: c.var.ctx, input: { id, reason }, actor: actorOf(c.var.user) }));
  })
  // 200 when sent; 202 when it failed and a retry is queued (the draft stays approved with the error).
  .post("/:id/send", async (c) => {
    const result = await sendDraftNow({ ctx: c.var.ctx, input: pathParams(c, idParams), actor: actorOf(c.var.user) });
    return c.json(result, result.sent ? 200 : 202);
  });
