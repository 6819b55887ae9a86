import { describe, it, expect } from "vitest";
import { login, newPage, screenshot } from "./support/browser.ts";
import { useDemoServerAndBrowser } from "./support/demo-suite.ts";

/**
 * A clerk corrects an unassigned email's intent and debtor in one action and
 * sees it leave the view and land in the right ones; the manager then sees the
 * correction in the accuracy dashboard.
 */
describe("e2e: clerk correction → manager accuracy", () => {
  const e2e = useDemoServerAndBrowser();

  it("corrects intent and debtor, and the message moves", async () => {
    const page = await newPage(e2e.browser, e2e.server.url);
    await login(page, e2e.server.users.clerk);
    const views = page.getByRole("navigation", { name: "Views" });
    const unassigned = views.locator('[data-view="unassigned"]');
    // The counts arrive after the page: wait for them rather than read the empty badge.
    await expect.poll(() => unassigned.locator(".count").textContent()).toBe("1");
    await unassigned.click();
    const rows = page.locator("[data-message-id]");
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    await rows.first().getByRole("button").click();
    await page.getByRole("heading", { name: "Question about our balance" }).waitFor();

    // The routing candidates are offered; pick one, change the intent, save once.
    const candidates = page.getByRole("group", { name: "Routing candidates" });
    expect(await candidates.getByRole("button").allTextContents()).toEqual([expect.stringContaining("Northwind Traders Ltd"), expect.stringContaining("Bakkerij Jansen BV")]);
    await page.getByLabel("Intent").selectOption("document_request");
    await candidates.getByRole("button", { name: /Northwind Traders Ltd/ }).click();
    await expect(page.getByTestId("chosen-debtor").textContent()).resolves.toContain("Northwind Traders Ltd");
    await screenshot(page, "clerk-message-correcting");
    await page.getByRole("button", { name: "Save correction" }).click();

    // It leaves "Unassigned" at once and the counts follow.
    await page.getByText("No mail here.").waitFor();
    await expect.poll(() => unassigned.locator(".count").textContent()).toBe("0");
    await expect.poll(() => views.locator('[data-view="intent:document_request"] .count').textContent()).toBe("2");

    // …and shows up under its new intent, corrected and assigned.
    await views.locator('[data-view="intent:document_request"]').click();
    const moved = page.locator("[data-message-id]", { hasText: "Question about our balance" });
    await moved.waitFor();
    await expect(moved.textContent()).resolves.toMatch(/Document request.*Northwind Traders Ltd.*Corrected/s);
    await moved.getByRole("button").click();
    await expect(page.getByTestId("current-intent").textContent()).resolves.toBe("Document request");
    await page.getByTestId("debtor-card").getByRole("heading", { name: /Northwind Traders Ltd/ }).waitFor();
    await screenshot(page, "clerk-message-corrected");
    await page.context().close();
  });

  it("the manager sees the correction in the accuracy dashboard", async () => {
    const page = await newPage(e2e.browser, e2e.server.url);
    await login(page, e2e.server.users.manager);
    await page.goto("/#/manager/accuracy");
    await expect.poll(() => page.getByTestId("corrections-count").textContent()).toBe("1");
    const cell = page.getByTestId("confusion").locator('[data-cell="question->document_request"]');
    await expect(cell.textContent()).resolves.toBe("1");
    await page.waitForTimeout(300);
    await screenshot(page, "manager-accuracy-after-correction");
    await page.context().close();
  });
});
