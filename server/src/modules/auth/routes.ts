import { Hono, type Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { AppEnv } from "../../http/types.ts";
import { jsonBody } from "../../http/validate.ts";
import { AppError } from "../../errors.ts";
import { loginInput, updateMeInput, type SessionInfo } from "./schemas.ts";
import { login, logout, SESSION_MAX_MS, updateMe } from "./service.ts";
import { SESSION_COOKIE } from "./middleware.ts";

/** The peer address (the socket's, never a client-supplied header, so it cannot be forged to dodge the rate limit). */
function clientIp(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown"; // app.request() in tests has no socket
  }
}

/** Cookies are Secure when the request came over https (directly or via a TLS-terminating proxy). */
const isHttps = (c: Context<AppEnv>) =>
  c.req.url.startsWith("https:") || c.req.header("x-forwarded-proto")?.split(",")[0]?.trim() === "https";

export const authRoutes = new Hono<AppEnv>()
  .post("/login", async (c) => {
    // Only JSON: a cross-site HTML form cannot send it without a CORS preflight (login CSRF).
    if (!/^application\/json\b/i.test(c.req.header("content-type") ?? "")) {
      throw new AppError("BAD_REQUEST", "Send the credentials as application/json");
    }
    const input = await jsonBody(c, loginInput);
    const session = await login({
      ctx: c.var.ctx,
      input: { ...input, ip: clientIp(c), userAgent: c.req.header("user-agent") },
    });
    setCookie(c, SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: "Lax",
      secure: isHttps(c),
      path: "/",
      maxAge: Math.floor(SESSION_MAX_MS / 1000),
    });
    return c.json({ user: session.user, csrfToken: session.csrfToken } satisfies SessionInfo);
  })
  .post("/logout", async (c) => {
    await logout({ ctx: c.var.ctx, input: { token: getCookie(c, SESSION_COOKIE) } });
    deleteCookie(c, SESSION_COOKIE, { path: "/", secure: isHttps(c) });
    return c.json({ ok: true });
  })
  .get("/me", (c) => {
    const user = c.var.user!;
    return c.json({ user, csrfToken: c.var.session!.csrfToken } as SessionInfo);
  })
  .patch("/me", async (c) => {
    const changes = await jsonBody(c, updateMeInput);
    const user = await updateMe({
      ctx: c.var.ctx,
      input: { userId: c.var.user!.id, sessionId: c.var.session!.id, changes },
    });
    return c.json({ user });
  });
