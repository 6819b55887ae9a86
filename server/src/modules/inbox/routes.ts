import { Hono } from "hono";
import type { AppEnv } from "../../http/types.ts";
import { jsonBody, pathParams, queryParams } from "../../http/validate.ts";
import { AppError } from "../../errors.ts";
import { attachmentParams, bulkInput, correctionInput, inboxListQuery, messageIdParam } from "./schemas.ts";
import { listInbox } from "./list.ts";
import { inboxCounts } from "./counts.ts";
import { getAttachment, getMessageDetail } from "./detail.ts";
import { bulkAction } from "./bulk.ts";
import { correctMessage } from "./corrections.ts";

const corrector = (user: AppEnv["Variables"]["user"]) => {
  if (!user) throw new AppError("UNAUTHORIZED", "Log in first");
  return { id: user.id, email: user.email };
};

/** RFC 6266 filename: an ASCII fallback plus the UTF-8 name. */
function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * GET  /api/inbox/messages        ?view&q&mailbox&language&from&to&minConfidence&maxConfidence&cursor&limit -> InboxListResponse
 * GET  /api/inbox/counts                                                                                 -> InboxCounts
 * GET  /api/inbox/messages/:id                                                                           -> MessageDetail
 * GET  /api/inbox/messages/:id/attachments/:attachmentId                                                 -> the file (download)
 * POST /api/inbox/bulk            {action, ids, debtorId?|intent?}                                        -> {updated}
 */
export const inboxRoutes = new Hono<AppEnv>()
  .get("/messages", async (c) => c.json(await listInbox({ ctx: c.var.ctx, input: queryParams(c, inboxListQuery) })))
  .get("/counts", async (c) => c.json(await inboxCounts({ ctx: c.var.ctx })))
  .get("/messages/:id", async (c) => c.json(await getMessageDetail({ ctx: c.var.ctx, input: pathParams(c, messageIdParam) })))
  .get("/messages/:id/attachments/:attachmentId", async (c) => {
    const { id, attachmentId } = pathParams(c, attachmentParams);
    const a = await getAttachment({ ctx: c.var.ctx, input: { messageId: id, attachmentId } });
    // Always a download, never rendered on our origin: an attached .html or .svg must not run as us.
    return c.body(new Uint8Array(a.content), 200, {
      "content-type": "application/octet-stream",
      "content-disposition": contentDisposition(a.filename ?? `attachment-${a.id}`),
      "x-content-type-options": "nosniff",
      "content-security-policy": "sandbox; default-src 'none'",
      "content-length": String(a.content.length),
    });
  })
  .post("/bulk", async (c) => {
    const bulk = await jsonBody(c, bulkInput);
    return c.json(await bulkAction({ ctx: c.var.ctx, input: { bulk, by: corrector(c.var.user) } }));
  });

/** POST /api/messages/:id/correction {intent?, debtorId?|debtor?, invoices?, fields?, language?} -> {correctionId} (mounted beside the messages module). */
export const correctionRoutes = new Hono<AppEnv>().post("/:id/correction", async (c) => {
  const { id } = pathParams(c, messageIdParam);
  const correction = await jsonBody(c, correctionInput);
  return c.json(await correctMessage({ ctx: c.var.ctx, input: { messageId: id, correction, by: corrector(c.var.user) } }), 201);
});
