import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createApp } from "../app.ts";
import { freshContext } from "../../../tests/helpers/context.ts";
import type { AppContext } from "../context.ts";

describe("serving the built UI", () => {
  let ctx: AppContext;
  let dir: string;
  beforeAll(async () => {
    ctx = await freshContext();
    dir = mkdtempSync(path.join(tmpdir(), "relance-web-test-"));
    mkdirSync(path.join(dir, "assets"));
    writeFileSync(path.join(dir, "index.html"), "<!doctype html><div id=app></div>");
    writeFileSync(path.join(dir, "assets", "app-1234.js"), "console.log(1)");
  });
  afterAll(() => ctx.database.close());

  it("serves index.html for the SPA's paths, with a strict CSP", async () => {
    const app = createApp(ctx, { webDir: dir });
    for (const p of ["/", "/inbox", "/anything/deep"]) {
      const res = await app.request(p);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<div id=app>');
      const csp = res.headers.get("content-security-policy")!;
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain("unsafe-eval");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
    }
  });

  it("serves hashed assets with a long cache and keeps /api JSON", async () => {
    const app = createApp(ctx, { webDir: dir });
    const asset = await app.request("/assets/app-1234.js");
    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toContain("immutable");
    expect(await asset.text()).toBe("console.log(1)");
    const api = await app.request("/api/nope");
    expect(api.status).toBe(404);
    expect((await api.json()).error.code).toBe("NOT_FOUND");
    expect((await app.request("/api/health")).status).toBe(200);
    // Traversal out of the folder gets the SPA page, never a file from elsewhere.
    const sneaky = await app.request("/assets/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd");
    expect(await sneaky.text()).toContain("<div id=app>");
  });

  it("does nothing when the UI is not built", async () => {
    const app = createApp(ctx, { webDir: path.join(dir, "missing") });
    const res = await app.request("/");
    expect(res.status).toBe(404);
  });
});
