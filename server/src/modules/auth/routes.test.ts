import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { createApp } from "../../app.ts";
import { freshContext } from "../../../../tests/helpers/context.ts";
import { apiAs } from "../../../../tests/helpers/api.ts";
import type { AppContext } from "../../context.ts";
import { createUser } from "../users/service.ts";
import { ensureAdminFromEnv } from "../users/first-run.ts";

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

describe("auth routes", () => {
  let ctx: AppContext;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    ctx = await freshContext();
    app = createApp(ctx);
    await createUser({ ctx, input: { email: "Clara@Example.com", password: "correct horse", role: "clerk" }, rounds: 4 });
  });
  afterAll(() => ctx.database.close());

  it("logs in with a httpOnly SameSite=Lax session cookie and returns the CSRF token", async () => {
    const res = await app.request("/api/auth/login", json({ email: "clara@example.com", password: "correct horse" }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.user).toMatchObject({ email: "clara@example.com", role: "clerk", locale: "en" });
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^relance_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    expect(JSON.stringify(body)).not.toContain("password");

    const me = await app.request("/api/auth/me", { headers: { cookie: cookie.split(";")[0] } });
    expect(me.status).toBe(200);
    expect((await me.json()).csrfToken).toBe(body.csrfToken);
  });

  it("sets Secure behind https", async () => {
    const res = await app.request(
      "/api/auth/login",
      json({ email: "clara@example.com", password: "correct horse" }, { "x-forwarded-proto": "https" }),
    );
    expect(res.headers.get("set-cookie")).toMatch(/Secure/);
  });

  it("refuses a wrong password and an unknown email with the same 401", async () => {
    const a = await app.request("/api/auth/login", json({ email: "clara@example.com", password: "nope" }));
    const b = await app.request("/api/auth/login", json({ email: "nobody@example.com", password: "nope" }));
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    const ea = await a.json();
    expect(ea.error.code).toBe("UNAUTHORIZED");
    expect(ea.error.message).toBe((await b.json()).error.message);
  });

  it("refuses a form-encoded login (login CSRF) and validates the body", async () => {
    const form = await app.request("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "email=clara%40example.com&password=correct+horse",
    });
    expect(form.status).toBe(400);
    const bad = await app.request("/api/auth/login", json({ email: "not-an-email" }));
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.code).toBe("VALIDATION");
  });

  it("rate-limits 5 failures per email+ip with 429, even for the right password", async () => {
    await createUser({ ctx, input: { email: "target@example.com", password: "right password", role: "clerk" }, rounds: 4 });
    for (let i = 0; i < 5; i++) {
      const r = await app.request("/api/auth/login", json({ email: "target@example.com", password: `guess-${i}` }));
      expect(r.status).toBe(401);
    }
    const limited = await app.request("/api/auth/login", json({ email: "target@example.com", password: "right password" }));
    expect(limited.status).toBe(429);
    const body = await limited.json();
    expect(body.error).toMatchObject({ code: "RATE_LIMITED" });
    expect(typeof body.error.requestId).toBe("string");
    // Another account is not affected.
    const other = await app.request("/api/auth/login", json({ email: "clara@example.com", password: "correct horse" }));
    expect(other.status).toBe(200);
  });

  it("requires the CSRF header on state-changing requests", async () => {
    const clerk = await apiAs(ctx, "clerk", app);
    const res = await clerk.request("/api/auth/me", { method: "PATCH", body: JSON.stringify({ locale: "fr" }) });
    expect(res.status).toBe(200);
    expect((await res.json()).user.locale).toBe("fr");
    const login = await app.request("/api/auth/login", json({ email: "clara@example.com", password: "correct horse" }));
    const cookie = login.headers.get("set-cookie")!.split(";")[0];
    for (const token of [undefined, "wrong-token"]) {
      const headers: Record<string, string> = { cookie, "content-type": "application/json" };
      if (token) headers["x-csrf-token"] = token;
      const r = await app.request("/api/auth/me", { method: "PATCH", headers, body: JSON.stringify({ locale: "nl" }) });
      expect(r.status).toBe(403);
      expect((await r.json()).error.code).toBe("FORBIDDEN");
    }
    // Another session's token is not accepted either.
    const r = await app.request("/api/auth/me", {
      method: "PATCH",
      headers: { cookie, "content-type": "application/json", "x-csrf-token": clerk.csrfToken },
      body: JSON.stringify({ locale: "nl" }),
    });
    expect(r.status).toBe(403);
  });

  it("logs out: the cookie no longer opens a session", async () => {
    const clerk = await apiAs(ctx, "clerk", app);
    expect((await clerk.request("/api/auth/me")).status).toBe(200);
    const out = await clerk.request("/api/auth/logout", { method: "POST" });
    expect(out.status).toBe(200);
    expect((await clerk.request("/api/auth/me")).status).toBe(401);
  });

  it("ends sessions that expired or whose user was deactivated", async () => {
    const { sessions, users } = await import("../../db/schema.ts");
    const { eq } = await import("drizzle-orm");
    const expired = await apiAs(ctx, "clerk", app);
    await ctx.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.userId, expired.user.id));
    expect((await expired.request("/api/auth/me")).status).toBe(401);
    const gone = await apiAs(ctx, "collector", app);
    expect((await gone.request("/api/inbox/counts")).status).toBe(200);
    await ctx.db.update(users).set({ active: false }).where(eq(users.id, gone.user.id));
    expect((await gone.request("/api/inbox/counts")).status).toBe(401);
  });

  it("ignores forged and missing cookies", async () => {
    expect((await app.request("/api/auth/me")).status).toBe(401);
    expect((await app.request("/api/auth/me", { headers: { cookie: "relance_session=forged" } })).status).toBe(401);
  });

  it("changes the password only with the current one, and ends other sessions", async () => {
    await createUser({ ctx, input: { email: "pw@example.com", password: "first password", role: "clerk" }, rounds: 4 });
    const login = async (password: string) =>
      app.request("/api/auth/login", json({ email: "pw@example.com", password }));
    const first = await login("first password");
    const other = (await login("first password")).headers.get("set-cookie")!.split(";")[0];
    const { csrfToken } = await first.json();
    const cookie = first.headers.get("set-cookie")!.split(";")[0];
    const patch = (body: unknown) =>
      app.request("/api/auth/me", {
        method: "PATCH",
        headers: { cookie, "content-type": "application/json", "x-csrf-token": csrfToken },
        body: JSON.stringify(body),
      });
    expect((await patch({ newPassword: "second password", currentPassword: "wrong" })).status).toBe(403);
    expect((await patch({ newPassword: "second password" })).status).toBe(422);
    expect((await patch({ newPassword: "second password", currentPassword: "first password" })).status).toBe(200);
    expect((await app.request("/api/auth/me", { headers: { cookie: other } })).status).toBe(401);
    expect((await app.request("/api/auth/me", { headers: { cookie } })).status).toBe(200);
    expect((await login("second password")).status).toBe(200);
  });
});

describe("first-run admin and users API", () => {
  let ctx: AppContext;
  beforeAll(async () => {
    ctx = await freshContext({ RELANCE_ADMIN_EMAIL: "Boss@Example.com", RELANCE_ADMIN_PASSWORD: "admin password" });
  });
  afterAll(() => ctx.database.close());

  it("creates the admin from the environment once", async () => {
    expect(await ensureAdminFromEnv(ctx)).toBe("created");
    expect(await ensureAdminFromEnv(ctx)).toBe("exists");
    const res = await createApp(ctx).request("/api/auth/login", json({ email: "boss@example.com", password: "admin password" }));
    expect(res.status).toBe(200);
    expect((await res.json()).user.role).toBe("admin");
  });

  it("lets managers manage clerks but not admins, and keeps the last admin", async () => {
    const app = createApp(ctx);
    const manager = await apiAs(ctx, "manager", app);
    const admin = await apiAs(ctx, "admin", app);
    const created = await manager.request("/api/users", {
      method: "POST",
      body: JSON.stringify({ email: "new.clerk@example.com", password: "long enough", role: "clerk", locale: "nl" }),
    });
    expect(created.status).toBe(201);
    const { user } = await created.json();
    expect(user).toMatchObject({ role: "clerk", locale: "nl" });
    const dup = await manager.request("/api/users", {
      method: "POST",
      body: JSON.stringify({ email: "new.clerk@example.com", password: "long enough", role: "clerk" }),
    });
    expect(dup.status).toBe(409);
    const escalate = await manager.request(`/api/users/${user.id}`, { method: "PATCH", body: JSON.stringify({ role: "admin" }) });
    expect(escalate.status).toBe(403);
    const promote = await manager.request(`/api/users/${user.id}`, { method: "PATCH", body: JSON.stringify({ role: "collector" }) });
    expect((await promote.json()).user.role).toBe("collector");

    const list = await (await manager.request("/api/users")).json();
    expect(list.users.map((u: { email: string }) => u.email)).toContain("new.clerk@example.com");
    expect(JSON.stringify(list)).not.toMatch(/password/i);

    // Deactivating the other admins leaves the last one protected.
    const admins = list.users.filter((u: { role: string }) => u.role === "admin");
    for (const a of admins.slice(1)) {
      const r = await admin.request(`/api/users/${a.id}`, { method: "PATCH", body: JSON.stringify({ active: false }) });
      expect(r.status).toBe(200);
    }
    const last = await admin.request(`/api/users/${admins[0].id}`, { method: "PATCH", body: JSON.stringify({ role: "clerk" }) });
    expect(last.status).toBe(409);
  });
});
