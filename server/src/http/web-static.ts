import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Hono, MiddlewareHandler } from "hono";
import { serveStatic } from "@hono/node-server/serve-static";
import type { AppEnv } from "./types.ts";

/** Where `npm run build:web` (vite build web) writes the inbox UI. */
export const DEFAULT_WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../web/dist");

/**
 * The SPA's own policy. Scripts only from us; images may be remote because an
 * email's remote images load (when the user asks) inside a srcdoc iframe,
 * which inherits this policy — the iframe adds its own stricter one on top.
 */
export const SPA_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https: http:",
  "connect-src 'self'",
  "frame-src 'self' about:",
  "frame-ancestors 'none'",
  "form-action 'self'",
  "base-uri 'none'",
  "object-src 'none'",
].join("; ");

const securityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  c.header("content-security-policy", SPA_CSP);
  c.header("x-content-type-options", "nosniff");
  c.header("referrer-policy", "no-referrer");
  c.header("x-frame-options", "DENY");
};

/**
 * Serve the built UI: hashed assets with a long cache, and index.html for any
 * other non-/api GET so the client-side router can take it (SPA fallback).
 * Does nothing when the UI has not been built.
 */
export function mountWebUi(app: Hono<AppEnv>, dir = DEFAULT_WEB_DIR): boolean {
  const indexFile = path.join(dir, "index.html");
  if (!existsSync(indexFile)) return false;
  const index = readFileSync(indexFile, "utf8");
  app.use("/assets/*", async (c, next) => {
    await next();
    if (c.res.status === 200) c.header("cache-control", "public, max-age=31536000, immutable");
  });
  app.use("*", async (c, next) => (c.req.path.startsWith("/api/") || c.req.path === "/api" ? next() : securityHeaders(c, next)));
  app.use("*", async (c, next) => (c.req.path.startsWith("/api/") ? next() : serveStatic<AppEnv>({ root: dir })(c, next)));
  app.get("*", (c, next) => {
    if (c.req.path.startsWith("/api/") || c.req.path === "/api") return next();
    c.header("cache-control", "no-cache");
    return c.html(index);
  });
  return true;
}
