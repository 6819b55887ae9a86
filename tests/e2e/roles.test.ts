import { describe, it, expect } from "vitest";
import type { Page } from "playwright-core";
import { login, newPage, screenshot } from "./support/browser.ts";
import { useDemoServerAndBrowser } from "./support/demo-suite.ts";

/** Each role logs in to the real UI in Chromium and sees the pages its role allows, and only those. */
describe("e2e: roles and pages", () => {
  const e2e = useDemoServerAndBrowser();

  const navLinks = async (page: Page) =>
    (await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link").allTextContents()).map((s) => s.trim());

  it("a clerk sees the inbox, and cannot reach manager or collector pages", async () => {
    const page = await newPage(e2e.browser, e2e.server.url);
    await page.goto("/");
    await page.getByRole("heading", { name: "Sign in to Relance" }).waitFor();
    await screenshot(page, "login");
    await login(page, e2e.server.users.clerk);
    expect(await navLinks(page)).toEqual(["Inbox"]);
    await page.getByRole("list", { name: "Messages" }).getByRole("listitem").first().waitFor();
    const subjects = await page.locator("[data-message-id] .subject").allTextContents();
    expect(subjects).toContain("Contestation facture F2025-0020");
    await screenshot(page, "clerk-inbox");

    for (const path of ["/manager/accuracy", "/manager/ar", "/admin/users", "/drafts"]) {
      await page.goto(`/#${path}`);
      await expect(page.getByTestId("not-allowed").textContent()).resolves.toContain("You do not have access");
    }
    await screenshot(page, "clerk-denied-manager-page");
    // The API refuses too, whatever the UI shows.
    const status = await page.evaluate(() => fetch("/api/stats/accuracy").then((r) => r.status));
    expect(status).toBe(403);
    await page.context().close();
  });

  it("a collector sees the inbox and the collector pages", async () => {
    const page = await newPage(e2e.browser, e2e.server.url);
    await login(page, e2e.server.users.collector);
    expect(await navLinks(page)).toEqual(["Inbox", "Drafts", "Disputes", "Promises", "Plans"]);
    for (const [path, name] of [["/drafts", "collector-drafts"], ["/disputes", "collector-disputes"], ["/promises", "collector-promises"], ["/plans", "collector-plans"]] as const) {
      await page.goto(`/#${path}`);
      await page.getByRole("heading", { level: 1 }).waitFor();
      await screenshot(page, name);
    }
    await page.goto("/#/manager/accuracy");
    await page.getByTestId("not-allowed").waitFor();
    await page.context().close();
  });

  it("a manager sees the dashboards and users", async () => {
    const page = await newPage(e2e.browser, e2e.server.url);
    await login(page, e2e.server.users.manager);
    expect(await navLinks(page)).toEqual(["Inbox", "Drafts", "Disputes", "Promises", "Plans", "Accuracy", "Eval runs", "Volume", "Receivables", "Users"]);
    for (const [path, name, heading] of [
      ["/manager/accuracy", "manager-accuracy", "Classification accuracy"],
      ["/manager/evals", "manager-evals", "Eval runs"],
      ["/manager/volume", "manager-volume", "Volume · Backlog"],
      ["/manager/ar", "manager-ar", "Receivables"],
      ["/admin/users", "manager-users", "Users"],
    ] as const) {
      await page.goto(`/#${path}`);
      await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toContain(heading);
      await page.waitForTimeout(300); // charts draw without animation, but give layout a beat
      await screenshot(page, name);
    }
    // Compare the two stored eval runs.
    await page.goto("/#/manager/evals");
    await page.getByRole("checkbox", { name: "Select run 1" }).check();
    await page.getByRole("checkbox", { name: "Select run 2" }).check();
    await page.getByRole("button", { name: "Compare" }).click();
    const cmp = page.getByRole("region", { name: "Run 1 → run 2" });
    await cmp.waitFor();
    await expect(cmp.getByRole("row", { name: /Intent accuracy/ }).textContent()).resolves.toMatch(/89%.*94%.*\+0\.050/);
    await page.waitForTimeout(300);
    await screenshot(page, "manager-evals-compare");
    await page.context().close();
  });

  it("an admin logs in, and the UI follows the user's language", async () => {
    const page = await newPage(e2e.browser, e2e.server.url);
    await login(page, e2e.server.users.admin);
    await page.goto("/#/settings");
    await page.getByTestId("locale-select").selectOption("nl");
    await page.getByRole("navigation", { name: "Hoofdnavigatie" }).waitFor();
    await page.goto("/#/inbox");
    await page.getByRole("navigation", { name: "Weergaven" }).getByRole("button", { name: /Niet toegewezen/ }).waitFor();
    await page.locator("[data-message-id]").first().waitFor();
    await screenshot(page, "admin-inbox-nl");
    await page.getByTestId("locale-select").waitFor({ state: "detached" });
    await page.context().close();
  });
});
