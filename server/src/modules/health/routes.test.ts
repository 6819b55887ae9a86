import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { createApp } from "../../app.ts";
import { freshContext } from "../../../../tests/helpers/context.ts";
import type { AppContext } from "../../context.ts";

describe("GET /api/health", () => {
  let ctx: AppContext;
  beforeAll(async () => {
    ctx = await freshContext();
  });
  afterAll(() => ctx.database.close());

  it("reports the database as up", async () => {
    const res = await createApp(ctx).request("/api/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", database: "pglite", db: "up" });
  });

  it("answers unknown routes with the common error shape", async () => {
    const res = await createApp(ctx).request("/api/nope", { headers: { "x-request-id": "r1" } });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: "NOT_FOUND", message: "No route GET /api/nope", requestId: "r1" } });
  });
});
