import { timingSafeEqual } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import type { AppEnv } from "../../http/types.ts";
import { errorBody } from "../../http/errors.ts";
import { resolveSession } from "./service.ts";
import { accessFor, isDeclared, isStateChanging, routeRoles, type RouteRule } from "./route-roles.ts";
import type { Role } from "./roles.ts";

export const SESSION_COOKIE = "relance_session";
export const CSRF_HEADER = "x-csrf-token";

/** Load the session (if any) into c.var.user / c.var.session. Never rejects by itself. */
export const loadSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  const session = await resolveSession(c.var.ctx, getCookie(c, SESSION_COOKIE));
  if (session) {
    c.set("user", session.user);
    c.set("session", { id: session.id, csrfToken: session.csrfToken });
  }
  await next();
};

const deny = (c: Context<AppEnv>, status: 401 | 403, code: "UNAUTHORIZED" | "FORBIDDEN", message: string) =>
  c.json(errorBody(c, code, message), status);

function csrfOk(c: Context<AppEnv>): boolean {
  const expected = c.var.session?.csrfToken;
  const given = c.req.header(CSRF_HEADER);
  if (!expected || !given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Allow only the given roles (and a valid CSRF token on state-changing
 * requests): 401 without a session, 403 for another role or a missing token.
 */
export function requireRole(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = c.var.user;
    if (!user) return deny(c, 401, "UNAUTHORIZED", "Log in first");
    if (!(roles as string[]).includes(user.role)) return deny(c, 403, "FORBIDDEN", "Your role does not allow this");
    if (isStateChanging(c.req.method) && !csrfOk(c)) {
      return deny(c, 403, "FORBIDDEN", `Missing or wrong ${CSRF_HEADER} header`);
    }
    await next();
  };
}

const anyRole = requireRole("clerk", "collector", "manager", "admin");

/**
 * Enforce the central route → role table for every /api request. Paths that
 * no rule mentions fall through to the router (→ 404); a declared path with a
 * method its rule does not cover is refused.
 */
export function authorize(rules: RouteRule[] = routeRoles): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const access = accessFor(c.req.method, c.req.path, rules);
    if (access === "public") return next();
    if (access === "any") return anyRole(c, next);
    if (access) return requireRole(...access)(c, next);
    if (!isDeclared(c.req.path, rules)) return next();
    return c.var.user ? deny(c, 403, "FORBIDDEN", "Method not allowed here") : deny(c, 401, "UNAUTHORIZED", "Log in first");
  };
}
