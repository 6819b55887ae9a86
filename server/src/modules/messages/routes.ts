import { Hono } from "hono";
import type { AppEnv } from "../../http/types.ts";
import { pathParams, queryParams } from "../../http/validate.ts";
import { attachmentIdParams, listMessagesQuery, messageDetailQuery, messageIdParams } from "./schemas.ts";
import { getMessage, getMessageAttachment, getMessageRaw, listMessages } from "./service.ts";

/** RFC 6266 filename: a safe ASCII fallback plus the UTF-8 name; no header injection, no paths. */
export function contentDisposition(name: string): string {
  const base = name.replace(/[\r\n\0]/g, "").split(/[\\/]/).pop()!.trim() || "download";
  const ascii = base.replace(/[^\x20-\x7e]|["\\;%]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(base)}`;
}

// Downloads are never rendered on our origin: an attached .html or .svg must not run as us.
const downloadHeaders = (length: number) => ({
  "x-content-type-options": "nosniff",
  "content-security-policy": "default-src 'none'; sandbox",
  "cache-control": "private, no-store",
  "content-length": String(length),
});

/**
 * GET /api/messages                      ?cursor|page&limit&mailbox&parseStatus&processingStatus&triageStatus&from&q&since&until -> MessageList
 * GET /api/messages/:id                  ?remoteImages=block|show -> MessageDetail (HTML sanitised)
 * GET /api/messages/:id/raw              -> the exact RFC 822 bytes (message/rfc822)
 * GET /api/messages/:id/attachments/:attId -> the attachment (download)
 */
export const messageRoutes = new Hono<AppEnv>()
  .get("/", async (c) => c.json(await listMessages({ ctx: c.var.ctx, input: queryParams(c, listMessagesQuery) })))
  .get("/:id", async (c) => {
    const { id } = pathParams(c, messageIdParams);
    const { remoteImages } = queryParams(c, messageDetailQuery);
    return c.json(await getMessage({ ctx: c.var.ctx, input: { id, showRemoteImages: remoteImages === "show" } }));
  })
  .get("/:id/raw", async (c) => {
    const { id } = pathParams(c, messageIdParams);
    const raw = await getMessageRaw({ ctx: c.var.ctx, input: { id } });
    return c.body(new Uint8Array(raw), 200, {
      ...downloadHeaders(raw.length),
      "content-type": "message/rfc822",
      "content-disposition": contentDisposition(`message-${id}.eml`),
    });
  })
  .get("/:id/attachments/:attId", async (c) => {
    const { id, attId } = pathParams(c, attachmentIdParams);
    const a = await getMessageAttachment({ ctx: c.var.ctx, input: { id, attId } });
    const content = Buffer.isBuffer(a.content) ? a.content : Buffer.from(a.content);
    // The declared type is only kept when it is a plain MIME type; the browser still must download it.
    const type = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i.test(a.contentType) ? a.contentType.toLowerCase() : "application/octet-stream";
    const risky = /html|xml|svg|javascript|ecmascript/i.test(type);
    return c.body(new Uint8Array(content), 200, {
      ...downloadHeaders(content.length),
      "content-type": risky ? "application/octet-stream" : type,
      "content-disposition": contentDisposition(a.filename || `attachment-${a.id}`),
    });
  });
