import { beforeAll, afterAll } from "vitest";
import type { Browser } from "playwright-core";
import { startServer, type RunningServer } from "./server.ts";
import { launchBrowser } from "./browser.ts";
import { seedDemo } from "./demo-data.ts";

/**
 * The usual e2e set-up: a real server over the demo data and one Chromium,
 * started before the suite's tests and closed after them. Read `server` and
 * `browser` inside tests (they exist once beforeAll has run).
 */
export function useDemoServerAndBrowser(): { readonly server: RunningServer; readonly browser: Browser } {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer({ seed: (ctx) => seedDemo(ctx).then(() => undefined) });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      return server;
    },
    get browser() {
      return browser;
    },
  };
}
