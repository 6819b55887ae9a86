import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { createApp } from "../../app.ts";
import { freshContext } from "../../../../tests/helpers/context.ts";
import { apiAs, type ApiClient } from "../../../../tests/helpers/api.ts";
import type { AppContext } from "../../context.ts";
import { ROLES, type Role } from "./roles.ts";
import { accessFor, isDeclared, isStateChanging } from "./route-roles.ts";

/**
 * Every registered /api route × every role: 401 without a session, 403 for a
 * role the route table does not allow, and neither for the roles it allows.
 */
describe("route × role matrix", () => {
  let ctx: AppContext;
  let app: ReturnType<typeof createApp>;
  const readers = new Map<Role, ApiClient>();
  const routes: { method: string; path: string }[] = [];

  beforeAll(async () => {
    ctx = await freshContext();
    app = createApp(ctx);
    const seen = new Set<string>();
    for (const r of app.routes) {
      if (r.method === "ALL" || !r.path.startsWith("/api/")) continue;
      const key = `${r.method} ${r.path}`;
      if (!seen.has(key)) routes.push({ method: r.method, path: r.path }), seen.add(key);
    }
    for (const role of ROLES) readers.set(role, await apiAs(ctx, role, app));
  });
  afterAll(() => ctx.database.close());

  // Path parameters get an id that exists nowhere: allowed roles then see 404/422, never 401/403.
  const concrete = (path: string) => path.replace(/:[A-Za-z]+(\{[^}]*\})?/g, "999999").replace(/\*/g, "x");

  async function call(client: ApiClient | null, method: string, path: string): Promise<number> {
    const init: RequestInit = { method };
    if (isStateChanging(method)) {
      init.body = "{}";
      init.headers = { "content-type": "application/json" };
    }
    const res = client ? await client.request(path, init) : await app.request(path, init);
    await res.body?.cancel(); // SSE streams never end by themselves
    return res.status;
  }

  it("finds the routes of every mounted module", () => {
    expect(routes.length).toBeGreaterThan(10);
    expect(routes).toContainEqual({ method: "GET", path: "/api/inbox/messages" });
    expect(routes).toContainEqual({ method: "GET", path: "/api/stats/accuracy" });
  });

  it("declares the roles of every /api route", () => {
    const undeclared = routes.filter((r) => !isDeclared(r.path) || accessFor(r.method, r.path) === undefined);
    expect(undeclared).toEqual([]);
  });

  it("enforces the table for each route and role", async () => {
    const failures: string[] = [];
    for (const { method, path } of routes) {
      const access = accessFor(method, path)!;
      const url = concrete(path);
      const anonymous = await call(null, method, url);
      if (access === "public") {
        if (anonymous === 401 || anonymous === 403) failures.push(`${method} ${path}: public but ${anonymous}`);
        continue;
      }
      if (anonymous !== 401) failures.push(`${method} ${path}: no session → ${anonymous}, expected 401`);
      for (const role of ROLES) {
        // Writes get a fresh session each, so a logout or password change cannot spoil the next call.
        const client = isStateChanging(method) ? await apiAs(ctx, role, app) : readers.get(role)!;
        const status = await call(client, method, url);
        const allowed = access === "any" || access.includes(role);
        if (allowed && (status === 401 || status === 403)) failures.push(`${method} ${path} as ${role}: ${status}, expected access`);
        if (!allowed && status !== 403) failures.push(`${method} ${path} as ${role}: ${status}, expected 403`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("keeps the role ladder where it matters", () => {
    expect(accessFor("GET", "/api/stats/accuracy")).toEqual(["manager", "admin"]);
    expect(accessFor("POST", "/api/drafts/1/approve")).toEqual(["collector", "manager", "admin"]);
    expect(accessFor("POST", "/api/messages/1/correction")).toEqual(["clerk", "collector", "manager", "admin"]);
    expect(accessFor("POST", "/api/users")).toEqual(["manager", "admin"]);
    expect(accessFor("GET", "/api/health")).toBe("public");
    expect(accessFor("POST", "/api/auth/login")).toBe("public");
    expect(accessFor("GET", "/api/auth/login")).toBe("any");
    expect(accessFor("POST", "/api/events")).toBeUndefined();
  });

  it("refuses a method a declared path does not allow", async () => {
    expect(await call(null, "POST", "/api/events")).toBe(401);
    expect(await call(readers.get("admin")!, "DELETE", "/api/events")).toBe(403);
  });
});
