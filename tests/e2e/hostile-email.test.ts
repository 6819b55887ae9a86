import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { startServer, type RunningServer } from "./support/server.ts";
import { launchBrowser, login, newPage, screenshot } from "./support/browser.ts";
import { seedDemo } from "./support/demo-data.ts";

/**
 * A hostile HTML email (scripts, event handlers, remote images and frames,
 * CSS overlays, javascript: links, forms, meta refresh) is shown and nothing
 * runs, nothing is fetched from the sender's host — until the clerk chooses to
 * load remote images, which then reaches that host (proving the detector works).
 */
describe("e2e: hostile email", () => {
  let server: RunningServer;
  let browser: Browser;
  let remote: Server;
  const remoteHits: string[] = [];

  beforeAll(async () => {
    remote = createServer((req, res) => {
      remoteHits.push(req.url ?? "");
      res.writeHead(200, { "content-type": "image/gif" }).end(Buffer.from("R0lGODlhAQABAAAAACw=", "base64"));
    });
    await new Promise<void>((r) => remote.listen(0, "127.0.0.1", r));
    const remoteHost = `http://127.0.0.1:${(remote.address() as AddressInfo).port}`;
    server = await startServer({ seed: (ctx) => seedDemo(ctx, { remoteHost }).then(() => undefined) });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await new Promise((r) => remote.close(r));
  });

  it("shows the email without running a script or loading anything remote", async () => {
    const page = await newPage(browser, server.url);
    const dialogs: string[] = [];
    const consoleErrors: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on("console", (m) => consoleErrors.push(m.text()));
    await login(page, server.users.clerk);

    const row = page.locator("[data-message-id]", { hasText: "Urgent: confirm your bank details" });
    await row.getByRole("button").click();
    const frameEl = page.locator("iframe[title='Message body']");
    await frameEl.waitFor();
    expect(await frameEl.getAttribute("sandbox")).toBe("allow-popups allow-popups-to-escape-sandbox");
    const frame = page.frameLocator("iframe[title='Message body']");
    await frame.getByText("payment details").waitFor();
    await frame.getByText("Invoice F2025-0042 is now overdue.").waitFor();

    // Try to trigger every handler the email carried.
    await frame.getByText("Dear customer").hover();
    await frame.getByText("Click to confirm").click();
    await page.waitForTimeout(1000);

    const html = await frameEl.evaluate((el: HTMLIFrameElement) => el.srcdoc);
    expect(html).not.toMatch(/<script|onerror|onload|onmouseover|javascript:|<iframe|<form|<object|<svg|http-equiv="refresh"|position:\s*fixed|url\(/i);
    expect(html).toContain("Content-Security-Policy");
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(remoteHits).toEqual([]);
    expect(page.url()).toContain("/#/inbox");
    await expect(page.getByText("Remote images are blocked to protect your privacy.").isVisible()).resolves.toBe(true);
    await screenshot(page, "clerk-hostile-email");

    // Only when asked: the remote image is fetched — and still no script runs.
    await page.getByRole("button", { name: "Load remote images" }).click();
    await expect.poll(() => remoteHits.length, { timeout: 5000 }).toBeGreaterThan(0);
    expect(remoteHits.every((u) => u.startsWith("/track.gif"))).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(consoleErrors.filter((m) => /pwned|xss/i.test(m))).toEqual([]);
    await page.context().close();
  });
});
